// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Int64Value__Input as _google_protobuf_Int64Value__Input, Int64Value as _google_protobuf_Int64Value } from '../../google/protobuf/Int64Value';
/**
 * Response of CryptoService.GenerateDataKey.
 */
export interface GenerateDataKeyResponse__Input {
    /**
     * A random 256-bit key for AES-256-GCM (or any 256-bit cipher); empty with
     * wrapped_only. Use it, then forget it.
     */
    'plaintext'?: (Buffer | Uint8Array | string);
    /**
     * The data key encrypted under the managed key: a ciphertext DecryptWithKey returns the
     * data key from. Store it beside the data.
     */
    'wrapped_key'?: (Buffer | Uint8Array | string);
    /**
     * The key that wrapped.
     */
    'crypto_key_id'?: (string);
    /**
     * The version that wrapped.
     */
    'version'?: (number);
    /**
     * CRC32C of plaintext; unset with wrapped_only.
     */
    'plaintext_crc32c'?: (_google_protobuf_Int64Value__Input | null);
    /**
     * CRC32C of wrapped_key.
     */
    'wrapped_key_crc32c'?: (_google_protobuf_Int64Value__Input | null);
}
/**
 * Response of CryptoService.GenerateDataKey.
 */
export interface GenerateDataKeyResponse {
    /**
     * A random 256-bit key for AES-256-GCM (or any 256-bit cipher); empty with
     * wrapped_only. Use it, then forget it.
     */
    'plaintext': (Buffer);
    /**
     * The data key encrypted under the managed key: a ciphertext DecryptWithKey returns the
     * data key from. Store it beside the data.
     */
    'wrapped_key': (Buffer);
    /**
     * The key that wrapped.
     */
    'crypto_key_id': (string);
    /**
     * The version that wrapped.
     */
    'version': (number);
    /**
     * CRC32C of plaintext; unset with wrapped_only.
     */
    'plaintext_crc32c': (_google_protobuf_Int64Value | null);
    /**
     * CRC32C of wrapped_key.
     */
    'wrapped_key_crc32c': (_google_protobuf_Int64Value | null);
}
