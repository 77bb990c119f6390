// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * What was done to a found key.
 */
export declare const LeakedKeyOutcome: {
    /**
     * Not found, or not a key.
     */
    readonly LEAKED_KEY_OUTCOME_UNSPECIFIED: 'LEAKED_KEY_OUTCOME_UNSPECIFIED';
    /**
     * Revoked now (key policy leaked_key_action REVOKE, the default).
     */
    readonly LEAKED_KEY_OUTCOME_REVOKED: 'LEAKED_KEY_OUTCOME_REVOKED';
    /**
     * Flagged: leak_time set, the key keeps working (leaked_key_action FLAG).
     */
    readonly LEAKED_KEY_OUTCOME_FLAGGED: 'LEAKED_KEY_OUTCOME_FLAGGED';
    /**
     * Already revoked before this report: nothing more to do.
     */
    readonly LEAKED_KEY_OUTCOME_ALREADY_REVOKED: 'LEAKED_KEY_OUTCOME_ALREADY_REVOKED';
};
/**
 * What was done to a found key.
 */
export type LeakedKeyOutcome__Input = 
/**
 * Not found, or not a key.
 */
'LEAKED_KEY_OUTCOME_UNSPECIFIED' | 0
/**
 * Revoked now (key policy leaked_key_action REVOKE, the default).
 */
 | 'LEAKED_KEY_OUTCOME_REVOKED' | 1
/**
 * Flagged: leak_time set, the key keeps working (leaked_key_action FLAG).
 */
 | 'LEAKED_KEY_OUTCOME_FLAGGED' | 2
/**
 * Already revoked before this report: nothing more to do.
 */
 | 'LEAKED_KEY_OUTCOME_ALREADY_REVOKED' | 3;
/**
 * What was done to a found key.
 */
export type LeakedKeyOutcome = typeof LeakedKeyOutcome[keyof typeof LeakedKeyOutcome];
