// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Int64Value__Input as _google_protobuf_Int64Value__Input, Int64Value as _google_protobuf_Int64Value } from '../../google/protobuf/Int64Value';
/**
 * Response of CryptoService.EncryptWithKey.
 */
export interface EncryptWithKeyResponse__Input {
    /**
     * The self-describing ciphertext: a header naming the key and version, then nonce,
     * ciphertext and tag. DecryptWithKey needs nothing else (besides associated data).
     */
    'ciphertext'?: (Buffer | Uint8Array | string);
    /**
     * The key that encrypted.
     */
    'crypto_key_id'?: (string);
    /**
     * The version that encrypted.
     */
    'version'?: (number);
    /**
     * CRC32C of ciphertext.
     */
    'ciphertext_crc32c'?: (_google_protobuf_Int64Value__Input | null);
    /**
     * True when plaintext_crc32c was given and matched.
     */
    'verified_plaintext_crc32c'?: (boolean);
    /**
     * True when associated_data_crc32c was given and matched.
     */
    'verified_associated_data_crc32c'?: (boolean);
}
/**
 * Response of CryptoService.EncryptWithKey.
 */
export interface EncryptWithKeyResponse {
    /**
     * The self-describing ciphertext: a header naming the key and version, then nonce,
     * ciphertext and tag. DecryptWithKey needs nothing else (besides associated data).
     */
    'ciphertext': (Buffer);
    /**
     * The key that encrypted.
     */
    'crypto_key_id': (string);
    /**
     * The version that encrypted.
     */
    'version': (number);
    /**
     * CRC32C of ciphertext.
     */
    'ciphertext_crc32c': (_google_protobuf_Int64Value | null);
    /**
     * True when plaintext_crc32c was given and matched.
     */
    'verified_plaintext_crc32c': (boolean);
    /**
     * True when associated_data_crc32c was given and matched.
     */
    'verified_associated_data_crc32c': (boolean);
}
