// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * The state of a key as of the response.
 */
export declare const KeyStatus: {
    /**
     * Never returned for a stored key.
     */
    readonly KEY_STATUS_UNSPECIFIED: 'KEY_STATUS_UNSPECIFIED';
    /**
     * Usable: neither revoked nor expired.
     */
    readonly KEY_STATUS_ACTIVE: 'KEY_STATUS_ACTIVE';
    /**
     * Revoked; validation fails with KEY_REVOKED.
     */
    readonly KEY_STATUS_REVOKED: 'KEY_STATUS_REVOKED';
    /**
     * Past its expire_time; validation fails with KEY_EXPIRED.
     */
    readonly KEY_STATUS_EXPIRED: 'KEY_STATUS_EXPIRED';
};
/**
 * The state of a key as of the response.
 */
export type KeyStatus__Input = 
/**
 * Never returned for a stored key.
 */
'KEY_STATUS_UNSPECIFIED' | 0
/**
 * Usable: neither revoked nor expired.
 */
 | 'KEY_STATUS_ACTIVE' | 1
/**
 * Revoked; validation fails with KEY_REVOKED.
 */
 | 'KEY_STATUS_REVOKED' | 2
/**
 * Past its expire_time; validation fails with KEY_EXPIRED.
 */
 | 'KEY_STATUS_EXPIRED' | 3;
/**
 * The state of a key as of the response.
 */
export type KeyStatus = typeof KeyStatus[keyof typeof KeyStatus];
