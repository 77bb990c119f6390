// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { RateLimitWindow__Input as _keyturn_v1_RateLimitWindow__Input, RateLimitWindow as _keyturn_v1_RateLimitWindow } from '../../keyturn/v1/RateLimitWindow';
import type { Long } from '@grpc/proto-loader';
/**
 * A rate limit with a name, e.g. `tokens` 10000 per day. Counted separately from every
 * other limit of the key.
 */
export interface NamedRateLimit__Input {
    /**
     * Required. Matches `[a-z][a-z0-9_]{0,31}`; not "default" (that is `rate_limit`).
     */
    'name'?: (string);
    /**
     * Required. Units allowed per window, at least 1.
     */
    'requests'?: (number | string | Long);
    /**
     * Required. The window length.
     */
    'window'?: (_keyturn_v1_RateLimitWindow__Input);
}
/**
 * A rate limit with a name, e.g. `tokens` 10000 per day. Counted separately from every
 * other limit of the key.
 */
export interface NamedRateLimit {
    /**
     * Required. Matches `[a-z][a-z0-9_]{0,31}`; not "default" (that is `rate_limit`).
     */
    'name': (string);
    /**
     * Required. Units allowed per window, at least 1.
     */
    'requests': (string);
    /**
     * Required. The window length.
     */
    'window': (_keyturn_v1_RateLimitWindow);
}
