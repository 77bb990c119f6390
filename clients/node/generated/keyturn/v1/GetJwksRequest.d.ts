// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * Request for TokenService.GetJwks.
 */
export interface GetJwksRequest__Input {
    /**
     * Optional. The organization whose signing keys to list. Empty: the keys of every
     * organization (what `/.well-known/jwks.json` serves); kids are unique across them.
     */
    'organization_id'?: (string);
}
/**
 * Request for TokenService.GetJwks.
 */
export interface GetJwksRequest {
    /**
     * Optional. The organization whose signing keys to list. Empty: the keys of every
     * organization (what `/.well-known/jwks.json` serves); kids are unique across them.
     */
    'organization_id': (string);
}
