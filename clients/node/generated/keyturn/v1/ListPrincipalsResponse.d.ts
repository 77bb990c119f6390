// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Principal__Input as _keyturn_v1_Principal__Input, Principal as _keyturn_v1_Principal } from '../../keyturn/v1/Principal';
/**
 * Response of AccessService.ListPrincipals.
 */
export interface ListPrincipalsResponse__Input {
    /**
     * One page of principals.
     */
    'principals'?: (_keyturn_v1_Principal__Input)[];
    /**
     * Token for the next page; empty on the last page.
     */
    'next_page_token'?: (string);
}
/**
 * Response of AccessService.ListPrincipals.
 */
export interface ListPrincipalsResponse {
    /**
     * One page of principals.
     */
    'principals': (_keyturn_v1_Principal)[];
    /**
     * Token for the next page; empty on the last page.
     */
    'next_page_token': (string);
}
