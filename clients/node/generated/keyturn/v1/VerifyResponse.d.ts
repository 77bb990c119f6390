// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * Response of CryptoService.Verify. An invalid signature is an answer, not an error.
 */
export interface VerifyResponse__Input {
    /**
     * True when the signature is valid for data under the key.
     */
    'valid'?: (boolean);
    /**
     * The key.
     */
    'crypto_key_id'?: (string);
    /**
     * The version whose public key verified; 0 when not valid.
     */
    'version'?: (number);
    /**
     * True when data_crc32c was given and matched.
     */
    'verified_data_crc32c'?: (boolean);
    /**
     * True when signature_crc32c was given and matched.
     */
    'verified_signature_crc32c'?: (boolean);
}
/**
 * Response of CryptoService.Verify. An invalid signature is an answer, not an error.
 */
export interface VerifyResponse {
    /**
     * True when the signature is valid for data under the key.
     */
    'valid': (boolean);
    /**
     * The key.
     */
    'crypto_key_id': (string);
    /**
     * The version whose public key verified; 0 when not valid.
     */
    'version': (number);
    /**
     * True when data_crc32c was given and matched.
     */
    'verified_data_crc32c': (boolean);
    /**
     * True when signature_crc32c was given and matched.
     */
    'verified_signature_crc32c': (boolean);
}
