// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { KeyPairAlgorithm__Input as _keyturn_v1_KeyPairAlgorithm__Input, KeyPairAlgorithm as _keyturn_v1_KeyPairAlgorithm } from '../../keyturn/v1/KeyPairAlgorithm';
import type { EllipticCurve__Input as _keyturn_v1_EllipticCurve__Input, EllipticCurve as _keyturn_v1_EllipticCurve } from '../../keyturn/v1/EllipticCurve';
/**
 * Response of CryptoService.GenerateKeyPair.
 */
export interface GenerateKeyPairResponse__Input {
    /**
     * SubjectPublicKeyInfo public key, PEM (`-----BEGIN PUBLIC KEY-----`).
     */
    'public_key'?: (string);
    /**
     * PKCS#8 private key, PEM (`-----BEGIN PRIVATE KEY-----`, or
     * `-----BEGIN ENCRYPTED PRIVATE KEY-----` when a passphrase was given).
     */
    'private_key'?: (string);
    /**
     * The algorithm of the pair.
     */
    'algorithm'?: (_keyturn_v1_KeyPairAlgorithm__Input);
    /**
     * RSA modulus size in bits; 0 for EC and Ed25519.
     */
    'key_size'?: (number);
    /**
     * The curve of an EC key; unspecified for RSA and Ed25519.
     */
    'curve'?: (_keyturn_v1_EllipticCurve__Input);
    /**
     * True when private_key is encrypted with the request's passphrase.
     */
    'private_key_encrypted'?: (boolean);
}
/**
 * Response of CryptoService.GenerateKeyPair.
 */
export interface GenerateKeyPairResponse {
    /**
     * SubjectPublicKeyInfo public key, PEM (`-----BEGIN PUBLIC KEY-----`).
     */
    'public_key': (string);
    /**
     * PKCS#8 private key, PEM (`-----BEGIN PRIVATE KEY-----`, or
     * `-----BEGIN ENCRYPTED PRIVATE KEY-----` when a passphrase was given).
     */
    'private_key': (string);
    /**
     * The algorithm of the pair.
     */
    'algorithm': (_keyturn_v1_KeyPairAlgorithm);
    /**
     * RSA modulus size in bits; 0 for EC and Ed25519.
     */
    'key_size': (number);
    /**
     * The curve of an EC key; unspecified for RSA and Ed25519.
     */
    'curve': (_keyturn_v1_EllipticCurve);
    /**
     * True when private_key is encrypted with the request's passphrase.
     */
    'private_key_encrypted': (boolean);
}
