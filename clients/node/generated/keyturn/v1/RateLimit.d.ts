// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { RateLimitWindow__Input as _keyturn_v1_RateLimitWindow__Input, RateLimitWindow as _keyturn_v1_RateLimitWindow } from '../../keyturn/v1/RateLimitWindow';
import type { Long } from '@grpc/proto-loader';
/**
 * A per-key rate limit: at most `requests` successful validations per window.
 */
export interface RateLimit__Input {
    /**
     * Required. Successful validations allowed per window, at least 1.
     */
    'requests'?: (number | string | Long);
    /**
     * Required. The window length.
     */
    'window'?: (_keyturn_v1_RateLimitWindow__Input);
}
/**
 * A per-key rate limit: at most `requests` successful validations per window.
 */
export interface RateLimit {
    /**
     * Required. Successful validations allowed per window, at least 1.
     */
    'requests': (string);
    /**
     * Required. The window length.
     */
    'window': (_keyturn_v1_RateLimitWindow);
}
