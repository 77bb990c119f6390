// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Timestamp__Input as _google_protobuf_Timestamp__Input, Timestamp as _google_protobuf_Timestamp } from '../../google/protobuf/Timestamp';
import type { RateLimitWindow__Input as _keyturn_v1_RateLimitWindow__Input, RateLimitWindow as _keyturn_v1_RateLimitWindow } from '../../keyturn/v1/RateLimitWindow';
import type { Long } from '@grpc/proto-loader';
/**
 * The rate-limit state after a successful validation.
 */
export interface RateLimitStatus__Input {
    /**
     * Output only. Requests allowed per window.
     */
    'limit'?: (number | string | Long);
    /**
     * Output only. Requests left in the current window after this one.
     */
    'remaining'?: (number | string | Long);
    /**
     * Output only. When the current window ends and the quota resets.
     */
    'reset_time'?: (_google_protobuf_Timestamp__Input | null);
    /**
     * Output only. The window length.
     */
    'window'?: (_keyturn_v1_RateLimitWindow__Input);
    /**
     * Output only. The limit's name ("default" for metadata.rate_limit).
     */
    'name'?: (string);
}
/**
 * The rate-limit state after a successful validation.
 */
export interface RateLimitStatus {
    /**
     * Output only. Requests allowed per window.
     */
    'limit': (string);
    /**
     * Output only. Requests left in the current window after this one.
     */
    'remaining': (string);
    /**
     * Output only. When the current window ends and the quota resets.
     */
    'reset_time': (_google_protobuf_Timestamp | null);
    /**
     * Output only. The window length.
     */
    'window': (_keyturn_v1_RateLimitWindow);
    /**
     * Output only. The limit's name ("default" for metadata.rate_limit).
     */
    'name': (string);
}
