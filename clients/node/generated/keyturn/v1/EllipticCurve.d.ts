// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * Named NIST curves for KEY_PAIR_ALGORITHM_EC.
 */
export declare const EllipticCurve: {
    /**
     * Not given; for EC keys the server uses P-256.
     */
    readonly ELLIPTIC_CURVE_UNSPECIFIED: 'ELLIPTIC_CURVE_UNSPECIFIED';
    /**
     * NIST P-256 (secp256r1), for ES256.
     */
    readonly ELLIPTIC_CURVE_P256: 'ELLIPTIC_CURVE_P256';
    /**
     * NIST P-384 (secp384r1), for ES384.
     */
    readonly ELLIPTIC_CURVE_P384: 'ELLIPTIC_CURVE_P384';
    /**
     * NIST P-521 (secp521r1), for ES512.
     */
    readonly ELLIPTIC_CURVE_P521: 'ELLIPTIC_CURVE_P521';
};
/**
 * Named NIST curves for KEY_PAIR_ALGORITHM_EC.
 */
export type EllipticCurve__Input = 
/**
 * Not given; for EC keys the server uses P-256.
 */
'ELLIPTIC_CURVE_UNSPECIFIED' | 0
/**
 * NIST P-256 (secp256r1), for ES256.
 */
 | 'ELLIPTIC_CURVE_P256' | 1
/**
 * NIST P-384 (secp384r1), for ES384.
 */
 | 'ELLIPTIC_CURVE_P384' | 2
/**
 * NIST P-521 (secp521r1), for ES512.
 */
 | 'ELLIPTIC_CURVE_P521' | 3;
/**
 * Named NIST curves for KEY_PAIR_ALGORITHM_EC.
 */
export type EllipticCurve = typeof EllipticCurve[keyof typeof EllipticCurve];
