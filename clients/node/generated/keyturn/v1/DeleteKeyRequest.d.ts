// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * Request for KeyService.DeleteKey.
 */
export interface DeleteKeyRequest__Input {
    /**
     * Required. The key to delete.
     */
    'id'?: (string);
}
/**
 * Request for KeyService.DeleteKey.
 */
export interface DeleteKeyRequest {
    /**
     * Required. The key to delete.
     */
    'id': (string);
}
