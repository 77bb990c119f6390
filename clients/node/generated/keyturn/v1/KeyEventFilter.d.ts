// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { KeyEventType__Input as _keyturn_v1_KeyEventType__Input, KeyEventType as _keyturn_v1_KeyEventType } from '../../keyturn/v1/KeyEventType';
/**
 * Which key events a listing or a watch returns. Every field narrows; empty means any.
 */
export interface KeyEventFilter__Input {
    /**
     * Optional. The organization. Required unless the caller is bound to one organization
     * (then that one) or holds a global role (then every organization).
     */
    'organization_id'?: (string);
    /**
     * Optional. Only events of keys of this project.
     */
    'project_id'?: (string);
    /**
     * Optional. Only events of this key.
     */
    'key_id'?: (string);
    /**
     * Optional. Only events of these types (at most 20; empty = every type).
     */
    'types'?: (_keyturn_v1_KeyEventType__Input)[];
}
/**
 * Which key events a listing or a watch returns. Every field narrows; empty means any.
 */
export interface KeyEventFilter {
    /**
     * Optional. The organization. Required unless the caller is bound to one organization
     * (then that one) or holds a global role (then every organization).
     */
    'organization_id': (string);
    /**
     * Optional. Only events of keys of this project.
     */
    'project_id': (string);
    /**
     * Optional. Only events of this key.
     */
    'key_id': (string);
    /**
     * Optional. Only events of these types (at most 20; empty = every type).
     */
    'types': (_keyturn_v1_KeyEventType)[];
}
