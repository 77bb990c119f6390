// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Value__Input as _google_protobuf_Value__Input, Value as _google_protobuf_Value } from '../../google/protobuf/Value';
/**
 * One changed field of a management action. Secret fields never appear.
 */
export interface FieldChange__Input {
    /**
     * Output only. The field path, e.g. `metadata.scopes`.
     */
    'field'?: (string);
    /**
     * Output only. The value before the change (null when unset).
     */
    'old_value'?: (_google_protobuf_Value__Input | null);
    /**
     * Output only. The value after the change (null when cleared).
     */
    'new_value'?: (_google_protobuf_Value__Input | null);
}
/**
 * One changed field of a management action. Secret fields never appear.
 */
export interface FieldChange {
    /**
     * Output only. The field path, e.g. `metadata.scopes`.
     */
    'field': (string);
    /**
     * Output only. The value before the change (null when unset).
     */
    'old_value': (_google_protobuf_Value | null);
    /**
     * Output only. The value after the change (null when cleared).
     */
    'new_value': (_google_protobuf_Value | null);
}
