// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * Request for KeyPolicyService.GetKeyPolicy.
 */
export interface GetKeyPolicyRequest__Input {
    /**
     * The organization's own policy.
     */
    'organization_id'?: (string);
    /**
     * The project's policy.
     */
    'project_id'?: (string);
    /**
     * Optional. For a project, its effective policy (its organization's policy with the
     * project's fields laid over it) instead of what the project set (default false).
     */
    'effective'?: (boolean);
    /**
     * Required. Whose policy: exactly one of an organization or a project.
     */
    'owner'?: "organization_id" | "project_id";
}
/**
 * Request for KeyPolicyService.GetKeyPolicy.
 */
export interface GetKeyPolicyRequest {
    /**
     * The organization's own policy.
     */
    'organization_id'?: (string);
    /**
     * The project's policy.
     */
    'project_id'?: (string);
    /**
     * Optional. For a project, its effective policy (its organization's policy with the
     * project's fields laid over it) instead of what the project set (default false).
     */
    'effective': (boolean);
    /**
     * Required. Whose policy: exactly one of an organization or a project.
     */
    'owner'?: "organization_id" | "project_id";
}
