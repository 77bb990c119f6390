// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Int64Value__Input as _google_protobuf_Int64Value__Input, Int64Value as _google_protobuf_Int64Value } from '../../google/protobuf/Int64Value';
/**
 * Request for CryptoService.ReEncrypt.
 */
export interface ReEncryptRequest__Input {
    /**
     * Required. A ciphertext of an ENCRYPT_DECRYPT key.
     */
    'ciphertext'?: (Buffer | Uint8Array | string);
    /**
     * Optional. The associated data the ciphertext was encrypted with; the new ciphertext
     * is bound to the same bytes.
     */
    'associated_data'?: (Buffer | Uint8Array | string);
    /**
     * Optional. The key to re-encrypt under (its primary version); default: the key the
     * ciphertext names. The caller needs decrypt on the source and encrypt on the
     * destination.
     */
    'destination_crypto_key_id'?: (string);
    /**
     * Optional. CRC32C of ciphertext, checked before decrypting.
     */
    'ciphertext_crc32c'?: (_google_protobuf_Int64Value__Input | null);
}
/**
 * Request for CryptoService.ReEncrypt.
 */
export interface ReEncryptRequest {
    /**
     * Required. A ciphertext of an ENCRYPT_DECRYPT key.
     */
    'ciphertext': (Buffer);
    /**
     * Optional. The associated data the ciphertext was encrypted with; the new ciphertext
     * is bound to the same bytes.
     */
    'associated_data': (Buffer);
    /**
     * Optional. The key to re-encrypt under (its primary version); default: the key the
     * ciphertext names. The caller needs decrypt on the source and encrypt on the
     * destination.
     */
    'destination_crypto_key_id': (string);
    /**
     * Optional. CRC32C of ciphertext, checked before decrypting.
     */
    'ciphertext_crc32c': (_google_protobuf_Int64Value | null);
}
