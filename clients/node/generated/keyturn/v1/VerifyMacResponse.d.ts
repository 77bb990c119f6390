// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * Response of CryptoService.VerifyMac. A wrong tag is an answer, not an error.
 */
export interface VerifyMacResponse__Input {
    /**
     * True when the tag is valid for data under the key.
     */
    'valid'?: (boolean);
    /**
     * The key.
     */
    'crypto_key_id'?: (string);
    /**
     * The version that matched; 0 when not valid.
     */
    'version'?: (number);
    /**
     * True when data_crc32c was given and matched.
     */
    'verified_data_crc32c'?: (boolean);
    /**
     * True when mac_crc32c was given and matched.
     */
    'verified_mac_crc32c'?: (boolean);
}
/**
 * Response of CryptoService.VerifyMac. A wrong tag is an answer, not an error.
 */
export interface VerifyMacResponse {
    /**
     * True when the tag is valid for data under the key.
     */
    'valid': (boolean);
    /**
     * The key.
     */
    'crypto_key_id': (string);
    /**
     * The version that matched; 0 when not valid.
     */
    'version': (number);
    /**
     * True when data_crc32c was given and matched.
     */
    'verified_data_crc32c': (boolean);
    /**
     * True when mac_crc32c was given and matched.
     */
    'verified_mac_crc32c': (boolean);
}
