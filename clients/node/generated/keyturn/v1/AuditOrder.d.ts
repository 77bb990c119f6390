// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * Event order for ListAuditEvents.
 */
export declare const AuditOrder: {
    /**
     * Not given: newest first.
     */
    readonly AUDIT_ORDER_UNSPECIFIED: 'AUDIT_ORDER_UNSPECIFIED';
    /**
     * Highest sequence first.
     */
    readonly AUDIT_ORDER_NEWEST_FIRST: 'AUDIT_ORDER_NEWEST_FIRST';
    /**
     * Lowest sequence first.
     */
    readonly AUDIT_ORDER_OLDEST_FIRST: 'AUDIT_ORDER_OLDEST_FIRST';
};
/**
 * Event order for ListAuditEvents.
 */
export type AuditOrder__Input = 
/**
 * Not given: newest first.
 */
'AUDIT_ORDER_UNSPECIFIED' | 0
/**
 * Highest sequence first.
 */
 | 'AUDIT_ORDER_NEWEST_FIRST' | 1
/**
 * Lowest sequence first.
 */
 | 'AUDIT_ORDER_OLDEST_FIRST' | 2;
/**
 * Event order for ListAuditEvents.
 */
export type AuditOrder = typeof AuditOrder[keyof typeof AuditOrder];
