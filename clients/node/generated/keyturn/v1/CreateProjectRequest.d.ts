// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * Request for KeyService.CreateProject.
 */
export interface CreateProjectRequest__Input {
    /**
     * Required. The owning organization.
     */
    'organization_id'?: (string);
    /**
     * Required. The project's name, unique within the organization, 1..200 characters.
     */
    'name'?: (string);
}
/**
 * Request for KeyService.CreateProject.
 */
export interface CreateProjectRequest {
    /**
     * Required. The owning organization.
     */
    'organization_id': (string);
    /**
     * Required. The project's name, unique within the organization, 1..200 characters.
     */
    'name': (string);
}
