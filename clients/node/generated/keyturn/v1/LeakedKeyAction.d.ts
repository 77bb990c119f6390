// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * What happens to a key found by ReportLeakedKeys.
 */
export declare const LeakedKeyAction: {
    /**
     * Not given: REVOKE.
     */
    readonly LEAKED_KEY_ACTION_UNSPECIFIED: 'LEAKED_KEY_ACTION_UNSPECIFIED';
    /**
     * Revoke the key at once (and emit LEAKED and REVOKED).
     */
    readonly LEAKED_KEY_ACTION_REVOKE: 'LEAKED_KEY_ACTION_REVOKE';
    /**
     * Keep the key working; emit LEAKED and flag it for its owner.
     */
    readonly LEAKED_KEY_ACTION_FLAG: 'LEAKED_KEY_ACTION_FLAG';
};
/**
 * What happens to a key found by ReportLeakedKeys.
 */
export type LeakedKeyAction__Input = 
/**
 * Not given: REVOKE.
 */
'LEAKED_KEY_ACTION_UNSPECIFIED' | 0
/**
 * Revoke the key at once (and emit LEAKED and REVOKED).
 */
 | 'LEAKED_KEY_ACTION_REVOKE' | 1
/**
 * Keep the key working; emit LEAKED and flag it for its owner.
 */
 | 'LEAKED_KEY_ACTION_FLAG' | 2;
/**
 * What happens to a key found by ReportLeakedKeys.
 */
export type LeakedKeyAction = typeof LeakedKeyAction[keyof typeof LeakedKeyAction];
