// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Int64Value__Input as _google_protobuf_Int64Value__Input, Int64Value as _google_protobuf_Int64Value } from '../../google/protobuf/Int64Value';
/**
 * Request for CryptoService.DecryptWithKey.
 */
export interface DecryptWithKeyRequest__Input {
    /**
     * Required. A ciphertext returned by EncryptWithKey, ReEncrypt or GenerateDataKey.
     */
    'ciphertext'?: (Buffer | Uint8Array | string);
    /**
     * Optional. The key expected to have encrypted; when set and the ciphertext names
     * another key, DECRYPTION_FAILED. The ciphertext names its key either way.
     */
    'crypto_key_id'?: (string);
    /**
     * Optional. The associated data given to EncryptWithKey, if any.
     */
    'associated_data'?: (Buffer | Uint8Array | string);
    /**
     * Optional. CRC32C of ciphertext, checked before decrypting.
     */
    'ciphertext_crc32c'?: (_google_protobuf_Int64Value__Input | null);
    /**
     * Optional. CRC32C of associated_data, checked before decrypting.
     */
    'associated_data_crc32c'?: (_google_protobuf_Int64Value__Input | null);
}
/**
 * Request for CryptoService.DecryptWithKey.
 */
export interface DecryptWithKeyRequest {
    /**
     * Required. A ciphertext returned by EncryptWithKey, ReEncrypt or GenerateDataKey.
     */
    'ciphertext': (Buffer);
    /**
     * Optional. The key expected to have encrypted; when set and the ciphertext names
     * another key, DECRYPTION_FAILED. The ciphertext names its key either way.
     */
    'crypto_key_id': (string);
    /**
     * Optional. The associated data given to EncryptWithKey, if any.
     */
    'associated_data': (Buffer);
    /**
     * Optional. CRC32C of ciphertext, checked before decrypting.
     */
    'ciphertext_crc32c': (_google_protobuf_Int64Value | null);
    /**
     * Optional. CRC32C of associated_data, checked before decrypting.
     */
    'associated_data_crc32c': (_google_protobuf_Int64Value | null);
}
