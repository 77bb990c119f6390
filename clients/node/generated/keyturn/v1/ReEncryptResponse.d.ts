// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Int64Value__Input as _google_protobuf_Int64Value__Input, Int64Value as _google_protobuf_Int64Value } from '../../google/protobuf/Int64Value';
/**
 * Response of CryptoService.ReEncrypt. The plaintext never leaves the server.
 */
export interface ReEncryptResponse__Input {
    /**
     * The new self-describing ciphertext.
     */
    'ciphertext'?: (Buffer | Uint8Array | string);
    /**
     * The key that encrypted the new ciphertext.
     */
    'crypto_key_id'?: (string);
    /**
     * The version that encrypted the new ciphertext.
     */
    'version'?: (number);
    /**
     * The key the old ciphertext named.
     */
    'source_crypto_key_id'?: (string);
    /**
     * The version the old ciphertext named.
     */
    'source_version'?: (number);
    /**
     * CRC32C of ciphertext.
     */
    'ciphertext_crc32c'?: (_google_protobuf_Int64Value__Input | null);
    /**
     * True when ciphertext_crc32c was given and matched.
     */
    'verified_ciphertext_crc32c'?: (boolean);
}
/**
 * Response of CryptoService.ReEncrypt. The plaintext never leaves the server.
 */
export interface ReEncryptResponse {
    /**
     * The new self-describing ciphertext.
     */
    'ciphertext': (Buffer);
    /**
     * The key that encrypted the new ciphertext.
     */
    'crypto_key_id': (string);
    /**
     * The version that encrypted the new ciphertext.
     */
    'version': (number);
    /**
     * The key the old ciphertext named.
     */
    'source_crypto_key_id': (string);
    /**
     * The version the old ciphertext named.
     */
    'source_version': (number);
    /**
     * CRC32C of ciphertext.
     */
    'ciphertext_crc32c': (_google_protobuf_Int64Value | null);
    /**
     * True when ciphertext_crc32c was given and matched.
     */
    'verified_ciphertext_crc32c': (boolean);
}
