// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { OneofOptions__Input as _google_protobuf_OneofOptions__Input, OneofOptions as _google_protobuf_OneofOptions } from '../../google/protobuf/OneofOptions';
export interface OneofDescriptorProto__Input {
    'name'?: (string);
    'options'?: (_google_protobuf_OneofOptions__Input | null);
}
export interface OneofDescriptorProto {
    'name': (string);
    'options': (_google_protobuf_OneofOptions | null);
}
