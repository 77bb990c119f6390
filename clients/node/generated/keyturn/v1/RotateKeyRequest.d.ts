// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Duration__Input as _google_protobuf_Duration__Input, Duration as _google_protobuf_Duration } from '../../google/protobuf/Duration';
/**
 * Request for KeyService.RotateKey.
 */
export interface RotateKeyRequest__Input {
    /**
     * Required. The key to rotate; must not be revoked or expired.
     */
    'id'?: (string);
    /**
     * Optional. How long the old key keeps working (default 24 hours; zero = stop now).
     * Never extends the old key's own expire_time.
     */
    'grace_period'?: (_google_protobuf_Duration__Input | null);
}
/**
 * Request for KeyService.RotateKey.
 */
export interface RotateKeyRequest {
    /**
     * Required. The key to rotate; must not be revoked or expired.
     */
    'id': (string);
    /**
     * Optional. How long the old key keeps working (default 24 hours; zero = stop now).
     * Never extends the old key's own expire_time.
     */
    'grace_period': (_google_protobuf_Duration | null);
}
