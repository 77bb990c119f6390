// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Timestamp__Input as _google_protobuf_Timestamp__Input, Timestamp as _google_protobuf_Timestamp } from '../../google/protobuf/Timestamp';
/**
 * A project groups keys within an organization (e.g. `v1`, `mobile`).
 */
export interface Project__Input {
    /**
     * Output only. Server-assigned UUID.
     */
    'id'?: (string);
    /**
     * Immutable. The owning organization.
     */
    'organization_id'?: (string);
    /**
     * Required. Name, unique within the organization, 1..200 characters.
     */
    'name'?: (string);
    /**
     * Output only. When the project was created.
     */
    'create_time'?: (_google_protobuf_Timestamp__Input | null);
    /**
     * Output only. Ids of the products linked to this project.
     */
    'product_ids'?: (string)[];
}
/**
 * A project groups keys within an organization (e.g. `v1`, `mobile`).
 */
export interface Project {
    /**
     * Output only. Server-assigned UUID.
     */
    'id': (string);
    /**
     * Immutable. The owning organization.
     */
    'organization_id': (string);
    /**
     * Required. Name, unique within the organization, 1..200 characters.
     */
    'name': (string);
    /**
     * Output only. When the project was created.
     */
    'create_time': (_google_protobuf_Timestamp | null);
    /**
     * Output only. Ids of the products linked to this project.
     */
    'product_ids': (string)[];
}
