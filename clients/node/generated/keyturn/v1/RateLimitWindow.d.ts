// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * The length of a rate-limit window. Windows are fixed and aligned to the Unix epoch
 * (a MINUTE window runs from :00 to :59 of a UTC minute).
 */
export declare const RateLimitWindow: {
    /**
     * Not given. Invalid inside a RateLimit.
     */
    readonly RATE_LIMIT_WINDOW_UNSPECIFIED: 'RATE_LIMIT_WINDOW_UNSPECIFIED';
    /**
     * One second.
     */
    readonly RATE_LIMIT_WINDOW_SECOND: 'RATE_LIMIT_WINDOW_SECOND';
    /**
     * One minute.
     */
    readonly RATE_LIMIT_WINDOW_MINUTE: 'RATE_LIMIT_WINDOW_MINUTE';
    /**
     * One hour.
     */
    readonly RATE_LIMIT_WINDOW_HOUR: 'RATE_LIMIT_WINDOW_HOUR';
    /**
     * One day (UTC).
     */
    readonly RATE_LIMIT_WINDOW_DAY: 'RATE_LIMIT_WINDOW_DAY';
};
/**
 * The length of a rate-limit window. Windows are fixed and aligned to the Unix epoch
 * (a MINUTE window runs from :00 to :59 of a UTC minute).
 */
export type RateLimitWindow__Input = 
/**
 * Not given. Invalid inside a RateLimit.
 */
'RATE_LIMIT_WINDOW_UNSPECIFIED' | 0
/**
 * One second.
 */
 | 'RATE_LIMIT_WINDOW_SECOND' | 1
/**
 * One minute.
 */
 | 'RATE_LIMIT_WINDOW_MINUTE' | 2
/**
 * One hour.
 */
 | 'RATE_LIMIT_WINDOW_HOUR' | 3
/**
 * One day (UTC).
 */
 | 'RATE_LIMIT_WINDOW_DAY' | 4;
/**
 * The length of a rate-limit window. Windows are fixed and aligned to the Unix epoch
 * (a MINUTE window runs from :00 to :59 of a UTC minute).
 */
export type RateLimitWindow = typeof RateLimitWindow[keyof typeof RateLimitWindow];
