// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Int64Value__Input as _google_protobuf_Int64Value__Input, Int64Value as _google_protobuf_Int64Value } from '../../google/protobuf/Int64Value';
/**
 * Request for CryptoService.EncryptWithKey.
 */
export interface EncryptWithKeyRequest__Input {
    /**
     * Required. An ENCRYPT_DECRYPT key; its primary version encrypts.
     */
    'crypto_key_id'?: (string);
    /**
     * Required. The data to encrypt, at most the server's payload limit (4 MiB by default).
     */
    'plaintext'?: (Buffer | Uint8Array | string);
    /**
     * Optional. Additional authenticated data: not encrypted, but DecryptWithKey fails
     * unless the same bytes are given back.
     */
    'associated_data'?: (Buffer | Uint8Array | string);
    /**
     * Optional. CRC32C of plaintext, checked before encrypting.
     */
    'plaintext_crc32c'?: (_google_protobuf_Int64Value__Input | null);
    /**
     * Optional. CRC32C of associated_data, checked before encrypting.
     */
    'associated_data_crc32c'?: (_google_protobuf_Int64Value__Input | null);
}
/**
 * Request for CryptoService.EncryptWithKey.
 */
export interface EncryptWithKeyRequest {
    /**
     * Required. An ENCRYPT_DECRYPT key; its primary version encrypts.
     */
    'crypto_key_id': (string);
    /**
     * Required. The data to encrypt, at most the server's payload limit (4 MiB by default).
     */
    'plaintext': (Buffer);
    /**
     * Optional. Additional authenticated data: not encrypted, but DecryptWithKey fails
     * unless the same bytes are given back.
     */
    'associated_data': (Buffer);
    /**
     * Optional. CRC32C of plaintext, checked before encrypting.
     */
    'plaintext_crc32c': (_google_protobuf_Int64Value | null);
    /**
     * Optional. CRC32C of associated_data, checked before encrypting.
     */
    'associated_data_crc32c': (_google_protobuf_Int64Value | null);
}
