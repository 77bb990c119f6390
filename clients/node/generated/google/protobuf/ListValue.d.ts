// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Value__Input as _google_protobuf_Value__Input, Value as _google_protobuf_Value } from '../../google/protobuf/Value';
export interface ListValue__Input {
    'values'?: (_google_protobuf_Value__Input)[];
}
export interface ListValue {
    'values': (_google_protobuf_Value)[];
}
