// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { KeyPairAlgorithm__Input as _keyturn_v1_KeyPairAlgorithm__Input, KeyPairAlgorithm as _keyturn_v1_KeyPairAlgorithm } from '../../keyturn/v1/KeyPairAlgorithm';
import type { EllipticCurve__Input as _keyturn_v1_EllipticCurve__Input, EllipticCurve as _keyturn_v1_EllipticCurve } from '../../keyturn/v1/EllipticCurve';
/**
 * Request for CryptoService.GenerateKeyPair.
 */
export interface GenerateKeyPairRequest__Input {
    /**
     * Required. The algorithm of the key pair.
     */
    'algorithm'?: (_keyturn_v1_KeyPairAlgorithm__Input);
    /**
     * Optional. RSA modulus size in bits: 2048, 3072 or 4096 (default 2048). Must be 0 for
     * EC and Ed25519.
     */
    'key_size'?: (number);
    /**
     * Optional. The curve for EC keys (default P-256). Must be unset for RSA and Ed25519.
     */
    'curve'?: (_keyturn_v1_EllipticCurve__Input);
    /**
     * Optional. When set, the private key PEM is encrypted with this passphrase
     * (PKCS#8 with the best available encryption). Never logged or stored.
     */
    'passphrase'?: (string);
}
/**
 * Request for CryptoService.GenerateKeyPair.
 */
export interface GenerateKeyPairRequest {
    /**
     * Required. The algorithm of the key pair.
     */
    'algorithm': (_keyturn_v1_KeyPairAlgorithm);
    /**
     * Optional. RSA modulus size in bits: 2048, 3072 or 4096 (default 2048). Must be 0 for
     * EC and Ed25519.
     */
    'key_size': (number);
    /**
     * Optional. The curve for EC keys (default P-256). Must be unset for RSA and Ed25519.
     */
    'curve': (_keyturn_v1_EllipticCurve);
    /**
     * Optional. When set, the private key PEM is encrypted with this passphrase
     * (PKCS#8 with the best available encryption). Never logged or stored.
     */
    'passphrase': (string);
}
