// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Int64Value__Input as _google_protobuf_Int64Value__Input, Int64Value as _google_protobuf_Int64Value } from '../../google/protobuf/Int64Value';
/**
 * Response of CryptoService.Mac.
 */
export interface MacResponse__Input {
    /**
     * The tag: 32 bytes for HMAC-SHA256, 64 for HMAC-SHA512.
     */
    'mac'?: (Buffer | Uint8Array | string);
    /**
     * The key.
     */
    'crypto_key_id'?: (string);
    /**
     * The version that computed the tag.
     */
    'version'?: (number);
    /**
     * CRC32C of mac.
     */
    'mac_crc32c'?: (_google_protobuf_Int64Value__Input | null);
    /**
     * True when data_crc32c was given and matched.
     */
    'verified_data_crc32c'?: (boolean);
}
/**
 * Response of CryptoService.Mac.
 */
export interface MacResponse {
    /**
     * The tag: 32 bytes for HMAC-SHA256, 64 for HMAC-SHA512.
     */
    'mac': (Buffer);
    /**
     * The key.
     */
    'crypto_key_id': (string);
    /**
     * The version that computed the tag.
     */
    'version': (number);
    /**
     * CRC32C of mac.
     */
    'mac_crc32c': (_google_protobuf_Int64Value | null);
    /**
     * True when data_crc32c was given and matched.
     */
    'verified_data_crc32c': (boolean);
}
