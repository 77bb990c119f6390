// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { MethodOptions__Input as _google_protobuf_MethodOptions__Input, MethodOptions as _google_protobuf_MethodOptions } from '../../google/protobuf/MethodOptions';
export interface MethodDescriptorProto__Input {
    'name'?: (string);
    'inputType'?: (string);
    'outputType'?: (string);
    'options'?: (_google_protobuf_MethodOptions__Input | null);
    'clientStreaming'?: (boolean);
    'serverStreaming'?: (boolean);
}
export interface MethodDescriptorProto {
    'name': (string);
    'inputType': (string);
    'outputType': (string);
    'options': (_google_protobuf_MethodOptions | null);
    'clientStreaming': (boolean);
    'serverStreaming': (boolean);
}
