// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Int64Value__Input as _google_protobuf_Int64Value__Input, Int64Value as _google_protobuf_Int64Value } from '../../google/protobuf/Int64Value';
/**
 * Response of CryptoService.Sign.
 */
export interface SignResponse__Input {
    /**
     * The signature: 64 bytes for Ed25519, DER for ECDSA, the modulus size for RSA-PSS.
     */
    'signature'?: (Buffer | Uint8Array | string);
    /**
     * The key that signed.
     */
    'crypto_key_id'?: (string);
    /**
     * The version that signed; its public key (GetPublicKey) verifies the signature.
     */
    'version'?: (number);
    /**
     * CRC32C of signature.
     */
    'signature_crc32c'?: (_google_protobuf_Int64Value__Input | null);
    /**
     * True when data_crc32c was given and matched.
     */
    'verified_data_crc32c'?: (boolean);
}
/**
 * Response of CryptoService.Sign.
 */
export interface SignResponse {
    /**
     * The signature: 64 bytes for Ed25519, DER for ECDSA, the modulus size for RSA-PSS.
     */
    'signature': (Buffer);
    /**
     * The key that signed.
     */
    'crypto_key_id': (string);
    /**
     * The version that signed; its public key (GetPublicKey) verifies the signature.
     */
    'version': (number);
    /**
     * CRC32C of signature.
     */
    'signature_crc32c': (_google_protobuf_Int64Value | null);
    /**
     * True when data_crc32c was given and matched.
     */
    'verified_data_crc32c': (boolean);
}
