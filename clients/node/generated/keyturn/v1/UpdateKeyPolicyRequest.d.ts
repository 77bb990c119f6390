// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { KeyPolicy__Input as _keyturn_v1_KeyPolicy__Input, KeyPolicy as _keyturn_v1_KeyPolicy } from '../../keyturn/v1/KeyPolicy';
import type { FieldMask__Input as _google_protobuf_FieldMask__Input, FieldMask as _google_protobuf_FieldMask } from '../../google/protobuf/FieldMask';
/**
 * Request for KeyPolicyService.UpdateKeyPolicy.
 */
export interface UpdateKeyPolicyRequest__Input {
    /**
     * The organization's own policy.
     */
    'organization_id'?: (string);
    /**
     * The project's policy.
     */
    'project_id'?: (string);
    /**
     * Required. The new values of the fields in update_mask (organization_id, project_id
     * and update_time are output only and ignored).
     */
    'policy'?: (_keyturn_v1_KeyPolicy__Input | null);
    /**
     * Required. KeyPolicy fields to replace: `default_ttl`, `max_ttl`, `allowed_scopes`,
     * `default_scopes`, `default_rate_limit`, `max_rate_limit`, `default_allowed_cidrs`,
     * `allowed_environments`, `rotation`, `recoverable`, `leaked_key_action`, `token`.
     */
    'update_mask'?: (_google_protobuf_FieldMask__Input | null);
    /**
     * Required. Whose policy: exactly one of an organization or a project.
     */
    'owner'?: "organization_id" | "project_id";
}
/**
 * Request for KeyPolicyService.UpdateKeyPolicy.
 */
export interface UpdateKeyPolicyRequest {
    /**
     * The organization's own policy.
     */
    'organization_id'?: (string);
    /**
     * The project's policy.
     */
    'project_id'?: (string);
    /**
     * Required. The new values of the fields in update_mask (organization_id, project_id
     * and update_time are output only and ignored).
     */
    'policy': (_keyturn_v1_KeyPolicy | null);
    /**
     * Required. KeyPolicy fields to replace: `default_ttl`, `max_ttl`, `allowed_scopes`,
     * `default_scopes`, `default_rate_limit`, `max_rate_limit`, `default_allowed_cidrs`,
     * `allowed_environments`, `rotation`, `recoverable`, `leaked_key_action`, `token`.
     */
    'update_mask': (_google_protobuf_FieldMask | null);
    /**
     * Required. Whose policy: exactly one of an organization or a project.
     */
    'owner'?: "organization_id" | "project_id";
}
