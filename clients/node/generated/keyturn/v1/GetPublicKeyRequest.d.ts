// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * Request for CryptoService.GetPublicKey.
 */
export interface GetPublicKeyRequest__Input {
    /**
     * Required. An ASYMMETRIC_SIGN key.
     */
    'crypto_key_id'?: (string);
    /**
     * Optional. The version; 0: the primary.
     */
    'version'?: (number);
}
/**
 * Request for CryptoService.GetPublicKey.
 */
export interface GetPublicKeyRequest {
    /**
     * Required. An ASYMMETRIC_SIGN key.
     */
    'crypto_key_id': (string);
    /**
     * Optional. The version; 0: the primary.
     */
    'version': (number);
}
