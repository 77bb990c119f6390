// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * Request for CryptoService.GetCryptoKey.
 */
export interface GetCryptoKeyRequest__Input {
    /**
     * Required. The key id.
     */
    'id'?: (string);
}
/**
 * Request for CryptoService.GetCryptoKey.
 */
export interface GetCryptoKeyRequest {
    /**
     * Required. The key id.
     */
    'id': (string);
}
