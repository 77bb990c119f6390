// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * Whether the audited action succeeded.
 */
export declare const AuditOutcome: {
    /**
     * Not given; as a filter, any outcome.
     */
    readonly AUDIT_OUTCOME_UNSPECIFIED: 'AUDIT_OUTCOME_UNSPECIFIED';
    /**
     * The action succeeded.
     */
    readonly AUDIT_OUTCOME_SUCCESS: 'AUDIT_OUTCOME_SUCCESS';
    /**
     * The action was refused or failed; `reason` says why.
     */
    readonly AUDIT_OUTCOME_FAILURE: 'AUDIT_OUTCOME_FAILURE';
};
/**
 * Whether the audited action succeeded.
 */
export type AuditOutcome__Input = 
/**
 * Not given; as a filter, any outcome.
 */
'AUDIT_OUTCOME_UNSPECIFIED' | 0
/**
 * The action succeeded.
 */
 | 'AUDIT_OUTCOME_SUCCESS' | 1
/**
 * The action was refused or failed; `reason` says why.
 */
 | 'AUDIT_OUTCOME_FAILURE' | 2;
/**
 * Whether the audited action succeeded.
 */
export type AuditOutcome = typeof AuditOutcome[keyof typeof AuditOutcome];
