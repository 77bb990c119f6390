// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * How a key's rotation policy acts when the key is due.
 */
export declare const RotationMode: {
    /**
     * Not given: no rotation policy.
     */
    readonly ROTATION_MODE_UNSPECIFIED: 'ROTATION_MODE_UNSPECIFIED';
    /**
     * The scheduler rotates the key when due (recoverable keys only). The successor inherits
     * the key's settings; the old key works for the grace period, then expires. The holder
     * picks the new plaintext up with RevealKey after the ROTATED event.
     */
    readonly ROTATION_MODE_AUTOMATIC: 'ROTATION_MODE_AUTOMATIC';
    /**
     * The scheduler emits ROTATION_DUE when due and again when the grace ends; the key expires
     * at due + grace unless rotated. Nothing is revealed.
     */
    readonly ROTATION_MODE_REMIND: 'ROTATION_MODE_REMIND';
};
/**
 * How a key's rotation policy acts when the key is due.
 */
export type RotationMode__Input = 
/**
 * Not given: no rotation policy.
 */
'ROTATION_MODE_UNSPECIFIED' | 0
/**
 * The scheduler rotates the key when due (recoverable keys only). The successor inherits
 * the key's settings; the old key works for the grace period, then expires. The holder
 * picks the new plaintext up with RevealKey after the ROTATED event.
 */
 | 'ROTATION_MODE_AUTOMATIC' | 1
/**
 * The scheduler emits ROTATION_DUE when due and again when the grace ends; the key expires
 * at due + grace unless rotated. Nothing is revealed.
 */
 | 'ROTATION_MODE_REMIND' | 2;
/**
 * How a key's rotation policy acts when the key is due.
 */
export type RotationMode = typeof RotationMode[keyof typeof RotationMode];
