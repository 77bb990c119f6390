// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * Request for AccessService.ListPrincipalTokens.
 */
export interface ListPrincipalTokensRequest__Input {
    /**
     * Required. The principal.
     */
    'principal_id'?: (string);
    /**
     * Optional. Maximum results per page, 1..1000 (default 100).
     */
    'page_size'?: (number);
    /**
     * Optional. The next_page_token of a previous call.
     */
    'page_token'?: (string);
}
/**
 * Request for AccessService.ListPrincipalTokens.
 */
export interface ListPrincipalTokensRequest {
    /**
     * Required. The principal.
     */
    'principal_id': (string);
    /**
     * Optional. Maximum results per page, 1..1000 (default 100).
     */
    'page_size': (number);
    /**
     * Optional. The next_page_token of a previous call.
     */
    'page_token': (string);
}
