// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Duration__Input as _google_protobuf_Duration__Input, Duration as _google_protobuf_Duration } from '../../google/protobuf/Duration';
import type { RotationMode__Input as _keyturn_v1_RotationMode__Input, RotationMode as _keyturn_v1_RotationMode } from '../../keyturn/v1/RotationMode';
/**
 * When and how a key is rotated.
 */
export interface KeyRotationPolicy__Input {
    /**
     * Required. How long after issue (or the last rotation) the key is due, at least 1 hour.
     */
    'rotation_period'?: (_google_protobuf_Duration__Input | null);
    /**
     * Optional. How long the old key keeps working after it is due or rotated (default 24 h).
     */
    'grace_period'?: (_google_protobuf_Duration__Input | null);
    /**
     * Required. AUTOMATIC or REMIND.
     */
    'mode'?: (_keyturn_v1_RotationMode__Input);
}
/**
 * When and how a key is rotated.
 */
export interface KeyRotationPolicy {
    /**
     * Required. How long after issue (or the last rotation) the key is due, at least 1 hour.
     */
    'rotation_period': (_google_protobuf_Duration | null);
    /**
     * Optional. How long the old key keeps working after it is due or rotated (default 24 h).
     */
    'grace_period': (_google_protobuf_Duration | null);
    /**
     * Required. AUTOMATIC or REMIND.
     */
    'mode': (_keyturn_v1_RotationMode);
}
