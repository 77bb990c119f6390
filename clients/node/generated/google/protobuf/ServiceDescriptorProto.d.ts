// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { MethodDescriptorProto__Input as _google_protobuf_MethodDescriptorProto__Input, MethodDescriptorProto as _google_protobuf_MethodDescriptorProto } from '../../google/protobuf/MethodDescriptorProto';
import type { ServiceOptions__Input as _google_protobuf_ServiceOptions__Input, ServiceOptions as _google_protobuf_ServiceOptions } from '../../google/protobuf/ServiceOptions';
export interface ServiceDescriptorProto__Input {
    'name'?: (string);
    'method'?: (_google_protobuf_MethodDescriptorProto__Input)[];
    'options'?: (_google_protobuf_ServiceOptions__Input | null);
}
export interface ServiceDescriptorProto {
    'name': (string);
    'method': (_google_protobuf_MethodDescriptorProto)[];
    'options': (_google_protobuf_ServiceOptions | null);
}
