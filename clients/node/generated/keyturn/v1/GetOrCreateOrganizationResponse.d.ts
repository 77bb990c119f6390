// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Organization__Input as _keyturn_v1_Organization__Input, Organization as _keyturn_v1_Organization } from '../../keyturn/v1/Organization';
/**
 * Response of KeyService.GetOrCreateOrganization.
 */
export interface GetOrCreateOrganizationResponse__Input {
    /**
     * The existing or new organization.
     */
    'organization'?: (_keyturn_v1_Organization__Input | null);
    /**
     * True when this call created it.
     */
    'created'?: (boolean);
}
/**
 * Response of KeyService.GetOrCreateOrganization.
 */
export interface GetOrCreateOrganizationResponse {
    /**
     * The existing or new organization.
     */
    'organization': (_keyturn_v1_Organization | null);
    /**
     * True when this call created it.
     */
    'created': (boolean);
}
