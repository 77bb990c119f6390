// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Int64Value__Input as _google_protobuf_Int64Value__Input, Int64Value as _google_protobuf_Int64Value } from '../../google/protobuf/Int64Value';
/**
 * Request for CryptoService.Mac.
 */
export interface MacRequest__Input {
    /**
     * Required. A MAC key.
     */
    'crypto_key_id'?: (string);
    /**
     * Optional. The version to compute with; 0: the primary.
     */
    'version'?: (number);
    /**
     * Required. The message, at most the server's payload limit.
     */
    'data'?: (Buffer | Uint8Array | string);
    /**
     * Optional. CRC32C of data, checked before computing.
     */
    'data_crc32c'?: (_google_protobuf_Int64Value__Input | null);
}
/**
 * Request for CryptoService.Mac.
 */
export interface MacRequest {
    /**
     * Required. A MAC key.
     */
    'crypto_key_id': (string);
    /**
     * Optional. The version to compute with; 0: the primary.
     */
    'version': (number);
    /**
     * Required. The message, at most the server's payload limit.
     */
    'data': (Buffer);
    /**
     * Optional. CRC32C of data, checked before computing.
     */
    'data_crc32c': (_google_protobuf_Int64Value | null);
}
