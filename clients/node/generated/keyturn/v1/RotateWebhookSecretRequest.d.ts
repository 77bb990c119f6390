// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Duration__Input as _google_protobuf_Duration__Input, Duration as _google_protobuf_Duration } from '../../google/protobuf/Duration';
/**
 * Request of RotateWebhookSecret.
 */
export interface RotateWebhookSecretRequest__Input {
    /**
     * Required. The subscription's id.
     */
    'id'?: (string);
    /**
     * Optional. How long the previous secret keeps signing alongside the new one (default
     * 24 hours, at most 7 days; 0s: stop at once).
     */
    'overlap'?: (_google_protobuf_Duration__Input | null);
}
/**
 * Request of RotateWebhookSecret.
 */
export interface RotateWebhookSecretRequest {
    /**
     * Required. The subscription's id.
     */
    'id': (string);
    /**
     * Optional. How long the previous secret keeps signing alongside the new one (default
     * 24 hours, at most 7 days; 0s: stop at once).
     */
    'overlap': (_google_protobuf_Duration | null);
}
