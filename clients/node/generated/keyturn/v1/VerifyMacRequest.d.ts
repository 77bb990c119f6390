// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Int64Value__Input as _google_protobuf_Int64Value__Input, Int64Value as _google_protobuf_Int64Value } from '../../google/protobuf/Int64Value';
/**
 * Request for CryptoService.VerifyMac.
 */
export interface VerifyMacRequest__Input {
    /**
     * Required. A MAC key.
     */
    'crypto_key_id'?: (string);
    /**
     * Optional. The version to check with; 0: every usable version is tried.
     */
    'version'?: (number);
    /**
     * Required. The message.
     */
    'data'?: (Buffer | Uint8Array | string);
    /**
     * Required. The tag to check (compared in constant time).
     */
    'mac'?: (Buffer | Uint8Array | string);
    /**
     * Optional. CRC32C of data, checked before verifying.
     */
    'data_crc32c'?: (_google_protobuf_Int64Value__Input | null);
    /**
     * Optional. CRC32C of mac, checked before verifying.
     */
    'mac_crc32c'?: (_google_protobuf_Int64Value__Input | null);
}
/**
 * Request for CryptoService.VerifyMac.
 */
export interface VerifyMacRequest {
    /**
     * Required. A MAC key.
     */
    'crypto_key_id': (string);
    /**
     * Optional. The version to check with; 0: every usable version is tried.
     */
    'version': (number);
    /**
     * Required. The message.
     */
    'data': (Buffer);
    /**
     * Required. The tag to check (compared in constant time).
     */
    'mac': (Buffer);
    /**
     * Optional. CRC32C of data, checked before verifying.
     */
    'data_crc32c': (_google_protobuf_Int64Value | null);
    /**
     * Optional. CRC32C of mac, checked before verifying.
     */
    'mac_crc32c': (_google_protobuf_Int64Value | null);
}
