// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * Asymmetric key algorithms GenerateKeyPair supports.
 */
export declare const KeyPairAlgorithm: {
    /**
     * Not given; GenerateKeyPair answers INVALID_ARGUMENT.
     */
    readonly KEY_PAIR_ALGORITHM_UNSPECIFIED: 'KEY_PAIR_ALGORITHM_UNSPECIFIED';
    /**
     * RSA with public exponent 65537; key_size 2048, 3072 or 4096.
     */
    readonly KEY_PAIR_ALGORITHM_RSA: 'KEY_PAIR_ALGORITHM_RSA';
    /**
     * ECDSA keys on a NIST curve (see EllipticCurve).
     */
    readonly KEY_PAIR_ALGORITHM_EC: 'KEY_PAIR_ALGORITHM_EC';
    /**
     * Ed25519 (RFC 8032) signing keys.
     */
    readonly KEY_PAIR_ALGORITHM_ED25519: 'KEY_PAIR_ALGORITHM_ED25519';
};
/**
 * Asymmetric key algorithms GenerateKeyPair supports.
 */
export type KeyPairAlgorithm__Input = 
/**
 * Not given; GenerateKeyPair answers INVALID_ARGUMENT.
 */
'KEY_PAIR_ALGORITHM_UNSPECIFIED' | 0
/**
 * RSA with public exponent 65537; key_size 2048, 3072 or 4096.
 */
 | 'KEY_PAIR_ALGORITHM_RSA' | 1
/**
 * ECDSA keys on a NIST curve (see EllipticCurve).
 */
 | 'KEY_PAIR_ALGORITHM_EC' | 2
/**
 * Ed25519 (RFC 8032) signing keys.
 */
 | 'KEY_PAIR_ALGORITHM_ED25519' | 3;
/**
 * Asymmetric key algorithms GenerateKeyPair supports.
 */
export type KeyPairAlgorithm = typeof KeyPairAlgorithm[keyof typeof KeyPairAlgorithm];
