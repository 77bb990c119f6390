// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Timestamp__Input as _google_protobuf_Timestamp__Input, Timestamp as _google_protobuf_Timestamp } from '../../google/protobuf/Timestamp';
import type { Duration__Input as _google_protobuf_Duration__Input, Duration as _google_protobuf_Duration } from '../../google/protobuf/Duration';
/**
 * One HTTP attempt of a delivery.
 */
export interface WebhookDeliveryAttempt__Input {
    /**
     * Output only. When the attempt started.
     */
    'attempt_time'?: (_google_protobuf_Timestamp__Input | null);
    /**
     * Output only. The HTTP status answered; 0 when none (connection error, timeout).
     */
    'http_status'?: (number);
    /**
     * Output only. How long the attempt took.
     */
    'latency'?: (_google_protobuf_Duration__Input | null);
    /**
     * Output only. Why it failed (e.g. "HTTP 500", "timeout", "connection refused"); empty on
     * success. Never a secret or the response body.
     */
    'error'?: (string);
}
/**
 * One HTTP attempt of a delivery.
 */
export interface WebhookDeliveryAttempt {
    /**
     * Output only. When the attempt started.
     */
    'attempt_time': (_google_protobuf_Timestamp | null);
    /**
     * Output only. The HTTP status answered; 0 when none (connection error, timeout).
     */
    'http_status': (number);
    /**
     * Output only. How long the attempt took.
     */
    'latency': (_google_protobuf_Duration | null);
    /**
     * Output only. Why it failed (e.g. "HTTP 500", "timeout", "connection refused"); empty on
     * success. Never a secret or the response body.
     */
    'error': (string);
}
