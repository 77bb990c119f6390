// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * Request for KeyService.CreateOrganization.
 */
export interface CreateOrganizationRequest__Input {
    /**
     * Required. The organization's name, 1..200 characters.
     */
    'name'?: (string);
}
/**
 * Request for KeyService.CreateOrganization.
 */
export interface CreateOrganizationRequest {
    /**
     * Required. The organization's name, 1..200 characters.
     */
    'name': (string);
}
