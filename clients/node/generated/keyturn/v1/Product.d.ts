// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Timestamp__Input as _google_protobuf_Timestamp__Input, Timestamp as _google_protobuf_Timestamp } from '../../google/protobuf/Timestamp';
/**
 * A product: a named API surface that keys can be scoped to.
 */
export interface Product__Input {
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
     * Output only. When the product was created.
     */
    'create_time'?: (_google_protobuf_Timestamp__Input | null);
}
/**
 * A product: a named API surface that keys can be scoped to.
 */
export interface Product {
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
     * Output only. When the product was created.
     */
    'create_time': (_google_protobuf_Timestamp | null);
}
