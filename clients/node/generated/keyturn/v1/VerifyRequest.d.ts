// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Int64Value__Input as _google_protobuf_Int64Value__Input, Int64Value as _google_protobuf_Int64Value } from '../../google/protobuf/Int64Value';
/**
 * Request for CryptoService.Verify.
 */
export interface VerifyRequest__Input {
    /**
     * Required. An ASYMMETRIC_SIGN key.
     */
    'crypto_key_id'?: (string);
    /**
     * Optional. The version whose public key verifies; 0: every usable version is tried.
     */
    'version'?: (number);
    /**
     * Required. The signed message.
     */
    'data'?: (Buffer | Uint8Array | string);
    /**
     * Required. The signature to check.
     */
    'signature'?: (Buffer | Uint8Array | string);
    /**
     * Optional. CRC32C of data, checked before verifying.
     */
    'data_crc32c'?: (_google_protobuf_Int64Value__Input | null);
    /**
     * Optional. CRC32C of signature, checked before verifying.
     */
    'signature_crc32c'?: (_google_protobuf_Int64Value__Input | null);
}
/**
 * Request for CryptoService.Verify.
 */
export interface VerifyRequest {
    /**
     * Required. An ASYMMETRIC_SIGN key.
     */
    'crypto_key_id': (string);
    /**
     * Optional. The version whose public key verifies; 0: every usable version is tried.
     */
    'version': (number);
    /**
     * Required. The signed message.
     */
    'data': (Buffer);
    /**
     * Required. The signature to check.
     */
    'signature': (Buffer);
    /**
     * Optional. CRC32C of data, checked before verifying.
     */
    'data_crc32c': (_google_protobuf_Int64Value | null);
    /**
     * Optional. CRC32C of signature, checked before verifying.
     */
    'signature_crc32c': (_google_protobuf_Int64Value | null);
}
