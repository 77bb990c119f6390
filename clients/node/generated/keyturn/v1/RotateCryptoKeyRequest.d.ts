// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * Request for CryptoService.RotateCryptoKey.
 */
export interface RotateCryptoKeyRequest__Input {
    /**
     * Required. The key to rotate; must not be import_only.
     */
    'id'?: (string);
}
/**
 * Request for CryptoService.RotateCryptoKey.
 */
export interface RotateCryptoKeyRequest {
    /**
     * Required. The key to rotate; must not be import_only.
     */
    'id': (string);
}
