// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Int64Value__Input as _google_protobuf_Int64Value__Input, Int64Value as _google_protobuf_Int64Value } from '../../google/protobuf/Int64Value';
/**
 * Response of CryptoService.DecryptWithKey.
 */
export interface DecryptWithKeyResponse__Input {
    /**
     * The authenticated plaintext.
     */
    'plaintext'?: (Buffer | Uint8Array | string);
    /**
     * The key that decrypted (named by the ciphertext).
     */
    'crypto_key_id'?: (string);
    /**
     * The version that decrypted (named by the ciphertext).
     */
    'version'?: (number);
    /**
     * True when that version is the key's primary: false suggests ReEncrypt.
     */
    'used_primary'?: (boolean);
    /**
     * CRC32C of plaintext.
     */
    'plaintext_crc32c'?: (_google_protobuf_Int64Value__Input | null);
    /**
     * True when ciphertext_crc32c was given and matched.
     */
    'verified_ciphertext_crc32c'?: (boolean);
    /**
     * True when associated_data_crc32c was given and matched.
     */
    'verified_associated_data_crc32c'?: (boolean);
}
/**
 * Response of CryptoService.DecryptWithKey.
 */
export interface DecryptWithKeyResponse {
    /**
     * The authenticated plaintext.
     */
    'plaintext': (Buffer);
    /**
     * The key that decrypted (named by the ciphertext).
     */
    'crypto_key_id': (string);
    /**
     * The version that decrypted (named by the ciphertext).
     */
    'version': (number);
    /**
     * True when that version is the key's primary: false suggests ReEncrypt.
     */
    'used_primary': (boolean);
    /**
     * CRC32C of plaintext.
     */
    'plaintext_crc32c': (_google_protobuf_Int64Value | null);
    /**
     * True when ciphertext_crc32c was given and matched.
     */
    'verified_ciphertext_crc32c': (boolean);
    /**
     * True when associated_data_crc32c was given and matched.
     */
    'verified_associated_data_crc32c': (boolean);
}
