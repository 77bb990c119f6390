// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { KeyStatusFilter__Input as _keyturn_v1_KeyStatusFilter__Input, KeyStatusFilter as _keyturn_v1_KeyStatusFilter } from '../../keyturn/v1/KeyStatusFilter';
import type { Timestamp__Input as _google_protobuf_Timestamp__Input, Timestamp as _google_protobuf_Timestamp } from '../../google/protobuf/Timestamp';
/**
 * Request for KeyService.ListKeys. Exactly one of organization_id, project_id and
 * product_id is the parent; the others must be empty.
 */
export interface ListKeysRequest__Input {
    /**
     * List the keys of this organization.
     */
    'organization_id'?: (string);
    /**
     * List the keys scoped to this project.
     */
    'project_id'?: (string);
    /**
     * List the keys scoped to this product.
     */
    'product_id'?: (string);
    /**
     * Optional. Status filter (default ALL).
     */
    'status'?: (_keyturn_v1_KeyStatusFilter__Input);
    /**
     * Optional. Only keys whose expire_time is set and before this time.
     */
    'expire_before'?: (_google_protobuf_Timestamp__Input | null);
    /**
     * Optional. Only keys not used since this time (never-used keys included).
     */
    'not_used_since'?: (_google_protobuf_Timestamp__Input | null);
    /**
     * Optional. Maximum results per page, 1..1000 (default 100).
     */
    'page_size'?: (number);
    /**
     * Optional. The next_page_token of a previous call with the same filters.
     */
    'page_token'?: (string);
    /**
     * Optional. Only the direct children of this key (keys created with it as
     * parent_key_id), within the parent above.
     */
    'parent_key_id'?: (string);
    /**
     * Optional. Only keys whose next_rotation_time is set and before this time.
     */
    'next_rotation_before'?: (_google_protobuf_Timestamp__Input | null);
    /**
     * Required. Whose keys to list: exactly one of an organization, a project or a product.
     * A caller bound to a single organization may leave it empty (its organization).
     */
    'parent'?: "organization_id" | "project_id" | "product_id";
}
/**
 * Request for KeyService.ListKeys. Exactly one of organization_id, project_id and
 * product_id is the parent; the others must be empty.
 */
export interface ListKeysRequest {
    /**
     * List the keys of this organization.
     */
    'organization_id'?: (string);
    /**
     * List the keys scoped to this project.
     */
    'project_id'?: (string);
    /**
     * List the keys scoped to this product.
     */
    'product_id'?: (string);
    /**
     * Optional. Status filter (default ALL).
     */
    'status': (_keyturn_v1_KeyStatusFilter);
    /**
     * Optional. Only keys whose expire_time is set and before this time.
     */
    'expire_before': (_google_protobuf_Timestamp | null);
    /**
     * Optional. Only keys not used since this time (never-used keys included).
     */
    'not_used_since': (_google_protobuf_Timestamp | null);
    /**
     * Optional. Maximum results per page, 1..1000 (default 100).
     */
    'page_size': (number);
    /**
     * Optional. The next_page_token of a previous call with the same filters.
     */
    'page_token': (string);
    /**
     * Optional. Only the direct children of this key (keys created with it as
     * parent_key_id), within the parent above.
     */
    'parent_key_id': (string);
    /**
     * Optional. Only keys whose next_rotation_time is set and before this time.
     */
    'next_rotation_before': (_google_protobuf_Timestamp | null);
    /**
     * Required. Whose keys to list: exactly one of an organization, a project or a product.
     * A caller bound to a single organization may leave it empty (its organization).
     */
    'parent'?: "organization_id" | "project_id" | "product_id";
}
