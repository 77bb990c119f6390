// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * Which keys ListKeys returns by status.
 */
export declare const KeyStatusFilter: {
    /**
     * Not given: the same as ALL.
     */
    readonly KEY_STATUS_FILTER_UNSPECIFIED: 'KEY_STATUS_FILTER_UNSPECIFIED';
    /**
     * Keys neither revoked nor expired.
     */
    readonly KEY_STATUS_FILTER_ACTIVE: 'KEY_STATUS_FILTER_ACTIVE';
    /**
     * Revoked keys (whether or not also expired).
     */
    readonly KEY_STATUS_FILTER_REVOKED: 'KEY_STATUS_FILTER_REVOKED';
    /**
     * Expired keys that are not revoked.
     */
    readonly KEY_STATUS_FILTER_EXPIRED: 'KEY_STATUS_FILTER_EXPIRED';
    /**
     * Every key.
     */
    readonly KEY_STATUS_FILTER_ALL: 'KEY_STATUS_FILTER_ALL';
};
/**
 * Which keys ListKeys returns by status.
 */
export type KeyStatusFilter__Input = 
/**
 * Not given: the same as ALL.
 */
'KEY_STATUS_FILTER_UNSPECIFIED' | 0
/**
 * Keys neither revoked nor expired.
 */
 | 'KEY_STATUS_FILTER_ACTIVE' | 1
/**
 * Revoked keys (whether or not also expired).
 */
 | 'KEY_STATUS_FILTER_REVOKED' | 2
/**
 * Expired keys that are not revoked.
 */
 | 'KEY_STATUS_FILTER_EXPIRED' | 3
/**
 * Every key.
 */
 | 'KEY_STATUS_FILTER_ALL' | 4;
/**
 * Which keys ListKeys returns by status.
 */
export type KeyStatusFilter = typeof KeyStatusFilter[keyof typeof KeyStatusFilter];
