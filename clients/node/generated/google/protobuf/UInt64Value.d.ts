// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Long } from '@grpc/proto-loader';
export interface UInt64Value__Input {
    'value'?: (number | string | Long);
}
export interface UInt64Value {
    'value': (string);
}
