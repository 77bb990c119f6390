// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Timestamp__Input as _google_protobuf_Timestamp__Input, Timestamp as _google_protobuf_Timestamp } from '../../google/protobuf/Timestamp';
/**
 * An organization: the top-level tenant.
 */
export interface Organization__Input {
    /**
     * Output only. Server-assigned UUID.
     */
    'id'?: (string);
    /**
     * Required. Display name, unique across the server, 1..200 characters.
     */
    'name'?: (string);
    /**
     * Output only. When the organization was created.
     */
    'create_time'?: (_google_protobuf_Timestamp__Input | null);
}
/**
 * An organization: the top-level tenant.
 */
export interface Organization {
    /**
     * Output only. Server-assigned UUID.
     */
    'id': (string);
    /**
     * Required. Display name, unique across the server, 1..200 characters.
     */
    'name': (string);
    /**
     * Output only. When the organization was created.
     */
    'create_time': (_google_protobuf_Timestamp | null);
}
