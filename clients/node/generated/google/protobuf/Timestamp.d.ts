// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Long } from '@grpc/proto-loader';
export interface Timestamp__Input {
    'seconds'?: (number | string | Long);
    'nanos'?: (number);
}
export interface Timestamp {
    'seconds': (string);
    'nanos': (number);
}
