// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Role__Input as _keyturn_v1_Role__Input, Role as _keyturn_v1_Role } from '../../keyturn/v1/Role';
/**
 * A role granted to a principal, optionally narrowed to a tenant.
 */
export interface RoleBinding__Input {
    /**
     * Required. The role.
     */
    'role'?: (_keyturn_v1_Role__Input);
    /**
     * Optional. The organization the role applies to. Required for ORG_ADMIN, KEY_MANAGER,
     * AUDITOR, VALIDATOR and the CRYPTO_KEY_* roles; must be empty for ADMIN, CRYPTO and LEAK_REPORTER.
     */
    'organization_id'?: (string);
    /**
     * Optional. For KEY_MANAGER: only keys of this project of the organization.
     */
    'project_id'?: (string);
    /**
     * Optional. For VALIDATOR: only keys valid for this product of the organization.
     */
    'product_id'?: (string);
}
/**
 * A role granted to a principal, optionally narrowed to a tenant.
 */
export interface RoleBinding {
    /**
     * Required. The role.
     */
    'role': (_keyturn_v1_Role);
    /**
     * Optional. The organization the role applies to. Required for ORG_ADMIN, KEY_MANAGER,
     * AUDITOR, VALIDATOR and the CRYPTO_KEY_* roles; must be empty for ADMIN, CRYPTO and LEAK_REPORTER.
     */
    'organization_id': (string);
    /**
     * Optional. For KEY_MANAGER: only keys of this project of the organization.
     */
    'project_id': (string);
    /**
     * Optional. For VALIDATOR: only keys valid for this product of the organization.
     */
    'product_id': (string);
}
