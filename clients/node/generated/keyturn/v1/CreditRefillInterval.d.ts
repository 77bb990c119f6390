// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * How often a key's credits are refilled.
 */
export declare const CreditRefillInterval: {
    /**
     * Not given. Invalid inside a CreditRefill.
     */
    readonly CREDIT_REFILL_INTERVAL_UNSPECIFIED: 'CREDIT_REFILL_INTERVAL_UNSPECIFIED';
    /**
     * Every day at 00:00 UTC.
     */
    readonly CREDIT_REFILL_INTERVAL_DAILY: 'CREDIT_REFILL_INTERVAL_DAILY';
    /**
     * Every month at 00:00 UTC of `day_of_month`.
     */
    readonly CREDIT_REFILL_INTERVAL_MONTHLY: 'CREDIT_REFILL_INTERVAL_MONTHLY';
};
/**
 * How often a key's credits are refilled.
 */
export type CreditRefillInterval__Input = 
/**
 * Not given. Invalid inside a CreditRefill.
 */
'CREDIT_REFILL_INTERVAL_UNSPECIFIED' | 0
/**
 * Every day at 00:00 UTC.
 */
 | 'CREDIT_REFILL_INTERVAL_DAILY' | 1
/**
 * Every month at 00:00 UTC of `day_of_month`.
 */
 | 'CREDIT_REFILL_INTERVAL_MONTHLY' | 2;
/**
 * How often a key's credits are refilled.
 */
export type CreditRefillInterval = typeof CreditRefillInterval[keyof typeof CreditRefillInterval];
