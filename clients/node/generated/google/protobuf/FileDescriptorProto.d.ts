// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { DescriptorProto__Input as _google_protobuf_DescriptorProto__Input, DescriptorProto as _google_protobuf_DescriptorProto } from '../../google/protobuf/DescriptorProto';
import type { EnumDescriptorProto__Input as _google_protobuf_EnumDescriptorProto__Input, EnumDescriptorProto as _google_protobuf_EnumDescriptorProto } from '../../google/protobuf/EnumDescriptorProto';
import type { ServiceDescriptorProto__Input as _google_protobuf_ServiceDescriptorProto__Input, ServiceDescriptorProto as _google_protobuf_ServiceDescriptorProto } from '../../google/protobuf/ServiceDescriptorProto';
import type { FieldDescriptorProto__Input as _google_protobuf_FieldDescriptorProto__Input, FieldDescriptorProto as _google_protobuf_FieldDescriptorProto } from '../../google/protobuf/FieldDescriptorProto';
import type { FileOptions__Input as _google_protobuf_FileOptions__Input, FileOptions as _google_protobuf_FileOptions } from '../../google/protobuf/FileOptions';
import type { SourceCodeInfo__Input as _google_protobuf_SourceCodeInfo__Input, SourceCodeInfo as _google_protobuf_SourceCodeInfo } from '../../google/protobuf/SourceCodeInfo';
import type { Edition__Input as _google_protobuf_Edition__Input, Edition as _google_protobuf_Edition } from '../../google/protobuf/Edition';
export interface FileDescriptorProto__Input {
    'name'?: (string);
    'package'?: (string);
    'dependency'?: (string)[];
    'messageType'?: (_google_protobuf_DescriptorProto__Input)[];
    'enumType'?: (_google_protobuf_EnumDescriptorProto__Input)[];
    'service'?: (_google_protobuf_ServiceDescriptorProto__Input)[];
    'extension'?: (_google_protobuf_FieldDescriptorProto__Input)[];
    'options'?: (_google_protobuf_FileOptions__Input | null);
    'sourceCodeInfo'?: (_google_protobuf_SourceCodeInfo__Input | null);
    'publicDependency'?: (number)[];
    'weakDependency'?: (number)[];
    'syntax'?: (string);
    'edition'?: (_google_protobuf_Edition__Input);
    'optionDependency'?: (string)[];
}
export interface FileDescriptorProto {
    'name': (string);
    'package': (string);
    'dependency': (string)[];
    'messageType': (_google_protobuf_DescriptorProto)[];
    'enumType': (_google_protobuf_EnumDescriptorProto)[];
    'service': (_google_protobuf_ServiceDescriptorProto)[];
    'extension': (_google_protobuf_FieldDescriptorProto)[];
    'options': (_google_protobuf_FileOptions | null);
    'sourceCodeInfo': (_google_protobuf_SourceCodeInfo | null);
    'publicDependency': (number)[];
    'weakDependency': (number)[];
    'syntax': (string);
    'edition': (_google_protobuf_Edition);
    'optionDependency': (string)[];
}
