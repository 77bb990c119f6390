// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { RoleBinding__Input as _keyturn_v1_RoleBinding__Input, RoleBinding as _keyturn_v1_RoleBinding } from '../../keyturn/v1/RoleBinding';
import type { Timestamp__Input as _google_protobuf_Timestamp__Input, Timestamp as _google_protobuf_Timestamp } from '../../google/protobuf/Timestamp';
/**
 * A caller of Keyturn: a person or an internal service.
 */
export interface Principal__Input {
    /**
     * Output only. Server-assigned UUID.
     */
    'id'?: (string);
    /**
     * Required. Display name, unique across the server, 1..200 characters.
     */
    'name'?: (string);
    /**
     * Optional. Roles held; a principal may hold several.
     */
    'roles'?: (_keyturn_v1_RoleBinding__Input)[];
    /**
     * Optional. A TLS client certificate identity (subject common name or a DNS/URI SAN)
     * that authenticates as this principal on an mTLS listener. Unique when set.
     */
    'certificate_identity'?: (string);
    /**
     * Optional. A disabled principal cannot authenticate.
     */
    'disabled'?: (boolean);
    /**
     * Output only. When the principal was created.
     */
    'create_time'?: (_google_protobuf_Timestamp__Input | null);
    /**
     * Output only. When the principal last changed.
     */
    'update_time'?: (_google_protobuf_Timestamp__Input | null);
}
/**
 * A caller of Keyturn: a person or an internal service.
 */
export interface Principal {
    /**
     * Output only. Server-assigned UUID.
     */
    'id': (string);
    /**
     * Required. Display name, unique across the server, 1..200 characters.
     */
    'name': (string);
    /**
     * Optional. Roles held; a principal may hold several.
     */
    'roles': (_keyturn_v1_RoleBinding)[];
    /**
     * Optional. A TLS client certificate identity (subject common name or a DNS/URI SAN)
     * that authenticates as this principal on an mTLS listener. Unique when set.
     */
    'certificate_identity': (string);
    /**
     * Optional. A disabled principal cannot authenticate.
     */
    'disabled': (boolean);
    /**
     * Output only. When the principal was created.
     */
    'create_time': (_google_protobuf_Timestamp | null);
    /**
     * Output only. When the principal last changed.
     */
    'update_time': (_google_protobuf_Timestamp | null);
}
