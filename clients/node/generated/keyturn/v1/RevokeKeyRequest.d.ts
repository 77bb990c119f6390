// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * Request for KeyService.RevokeKey.
 */
export interface RevokeKeyRequest__Input {
    /**
     * Required. The key to revoke.
     */
    'id'?: (string);
    /**
     * Optional. Why, at most 500 characters; kept from the first revoke only.
     */
    'reason'?: (string);
}
/**
 * Request for KeyService.RevokeKey.
 */
export interface RevokeKeyRequest {
    /**
     * Required. The key to revoke.
     */
    'id': (string);
    /**
     * Optional. Why, at most 500 characters; kept from the first revoke only.
     */
    'reason': (string);
}
