// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * The environment segment of a key (`kt_live_...`, `kt_test_...`).
 */
export declare const Environment: {
    /**
     * Not given; CreateKey uses LIVE.
     */
    readonly ENVIRONMENT_UNSPECIFIED: 'ENVIRONMENT_UNSPECIFIED';
    /**
     * Production keys.
     */
    readonly ENVIRONMENT_LIVE: 'ENVIRONMENT_LIVE';
    /**
     * Test keys.
     */
    readonly ENVIRONMENT_TEST: 'ENVIRONMENT_TEST';
};
/**
 * The environment segment of a key (`kt_live_...`, `kt_test_...`).
 */
export type Environment__Input = 
/**
 * Not given; CreateKey uses LIVE.
 */
'ENVIRONMENT_UNSPECIFIED' | 0
/**
 * Production keys.
 */
 | 'ENVIRONMENT_LIVE' | 1
/**
 * Test keys.
 */
 | 'ENVIRONMENT_TEST' | 2;
/**
 * The environment segment of a key (`kt_live_...`, `kt_test_...`).
 */
export type Environment = typeof Environment[keyof typeof Environment];
