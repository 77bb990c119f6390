// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * Request for KeyService.GetOrCreateProject.
 */
export interface GetOrCreateProjectRequest__Input {
    /**
     * Required. The owning organization.
     */
    'organization_id'?: (string);
    /**
     * Required. The project's name, 1..200 characters.
     */
    'name'?: (string);
}
/**
 * Request for KeyService.GetOrCreateProject.
 */
export interface GetOrCreateProjectRequest {
    /**
     * Required. The owning organization.
     */
    'organization_id': (string);
    /**
     * Required. The project's name, 1..200 characters.
     */
    'name': (string);
}
