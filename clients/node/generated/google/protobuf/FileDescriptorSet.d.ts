// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { FileDescriptorProto__Input as _google_protobuf_FileDescriptorProto__Input, FileDescriptorProto as _google_protobuf_FileDescriptorProto } from '../../google/protobuf/FileDescriptorProto';
export interface FileDescriptorSet__Input {
    'file'?: (_google_protobuf_FileDescriptorProto__Input)[];
}
export interface FileDescriptorSet {
    'file': (_google_protobuf_FileDescriptorProto)[];
}
