// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * The state of an ImportJob.
 */
export declare const ImportJobState: {
    /**
     * Never returned for a stored job.
     */
    readonly IMPORT_JOB_STATE_UNSPECIFIED: 'IMPORT_JOB_STATE_UNSPECIFIED';
    /**
     * Its public key may wrap material for ImportCryptoKeyVersion.
     */
    readonly IMPORT_JOB_STATE_ACTIVE: 'IMPORT_JOB_STATE_ACTIVE';
    /**
     * Past expire_time; imports through it fail with FAILED_PRECONDITION.
     */
    readonly IMPORT_JOB_STATE_EXPIRED: 'IMPORT_JOB_STATE_EXPIRED';
};
/**
 * The state of an ImportJob.
 */
export type ImportJobState__Input = 
/**
 * Never returned for a stored job.
 */
'IMPORT_JOB_STATE_UNSPECIFIED' | 0
/**
 * Its public key may wrap material for ImportCryptoKeyVersion.
 */
 | 'IMPORT_JOB_STATE_ACTIVE' | 1
/**
 * Past expire_time; imports through it fail with FAILED_PRECONDITION.
 */
 | 'IMPORT_JOB_STATE_EXPIRED' | 2;
/**
 * The state of an ImportJob.
 */
export type ImportJobState = typeof ImportJobState[keyof typeof ImportJobState];
