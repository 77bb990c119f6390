// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Organization__Input as _keyturn_v1_Organization__Input, Organization as _keyturn_v1_Organization } from '../../keyturn/v1/Organization';
/**
 * Response of KeyService.ListOrganizations.
 */
export interface ListOrganizationsResponse__Input {
    /**
     * One page of organizations.
     */
    'organizations'?: (_keyturn_v1_Organization__Input)[];
    /**
     * Token for the next page; empty on the last page.
     */
    'next_page_token'?: (string);
}
/**
 * Response of KeyService.ListOrganizations.
 */
export interface ListOrganizationsResponse {
    /**
     * One page of organizations.
     */
    'organizations': (_keyturn_v1_Organization)[];
    /**
     * Token for the next page; empty on the last page.
     */
    'next_page_token': (string);
}
