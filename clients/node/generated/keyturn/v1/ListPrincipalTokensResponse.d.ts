// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { PrincipalToken__Input as _keyturn_v1_PrincipalToken__Input, PrincipalToken as _keyturn_v1_PrincipalToken } from '../../keyturn/v1/PrincipalToken';
/**
 * Response of AccessService.ListPrincipalTokens.
 */
export interface ListPrincipalTokensResponse__Input {
    /**
     * One page of tokens, newest first.
     */
    'tokens'?: (_keyturn_v1_PrincipalToken__Input)[];
    /**
     * Token for the next page; empty on the last page.
     */
    'next_page_token'?: (string);
}
/**
 * Response of AccessService.ListPrincipalTokens.
 */
export interface ListPrincipalTokensResponse {
    /**
     * One page of tokens, newest first.
     */
    'tokens': (_keyturn_v1_PrincipalToken)[];
    /**
     * Token for the next page; empty on the last page.
     */
    'next_page_token': (string);
}
