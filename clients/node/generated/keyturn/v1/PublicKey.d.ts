// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { CryptoKeyAlgorithm__Input as _keyturn_v1_CryptoKeyAlgorithm__Input, CryptoKeyAlgorithm as _keyturn_v1_CryptoKeyAlgorithm } from '../../keyturn/v1/CryptoKeyAlgorithm';
import type { Int64Value__Input as _google_protobuf_Int64Value__Input, Int64Value as _google_protobuf_Int64Value } from '../../google/protobuf/Int64Value';
/**
 * A public key of an ASYMMETRIC_SIGN version.
 */
export interface PublicKey__Input {
    /**
     * Output only. SubjectPublicKeyInfo PEM (`-----BEGIN PUBLIC KEY-----`).
     */
    'pem'?: (string);
    /**
     * Output only. The algorithm.
     */
    'algorithm'?: (_keyturn_v1_CryptoKeyAlgorithm__Input);
    /**
     * Output only. The key.
     */
    'crypto_key_id'?: (string);
    /**
     * Output only. The version.
     */
    'version'?: (number);
    /**
     * Output only. CRC32C of the UTF-8 bytes of pem.
     */
    'pem_crc32c'?: (_google_protobuf_Int64Value__Input | null);
}
/**
 * A public key of an ASYMMETRIC_SIGN version.
 */
export interface PublicKey {
    /**
     * Output only. SubjectPublicKeyInfo PEM (`-----BEGIN PUBLIC KEY-----`).
     */
    'pem': (string);
    /**
     * Output only. The algorithm.
     */
    'algorithm': (_keyturn_v1_CryptoKeyAlgorithm);
    /**
     * Output only. The key.
     */
    'crypto_key_id': (string);
    /**
     * Output only. The version.
     */
    'version': (number);
    /**
     * Output only. CRC32C of the UTF-8 bytes of pem.
     */
    'pem_crc32c': (_google_protobuf_Int64Value | null);
}
