// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { FieldDescriptorProto__Input as _google_protobuf_FieldDescriptorProto__Input, FieldDescriptorProto as _google_protobuf_FieldDescriptorProto } from '../../google/protobuf/FieldDescriptorProto';
import type { DescriptorProto__Input as _google_protobuf_DescriptorProto__Input, DescriptorProto as _google_protobuf_DescriptorProto } from '../../google/protobuf/DescriptorProto';
import type { EnumDescriptorProto__Input as _google_protobuf_EnumDescriptorProto__Input, EnumDescriptorProto as _google_protobuf_EnumDescriptorProto } from '../../google/protobuf/EnumDescriptorProto';
import type { MessageOptions__Input as _google_protobuf_MessageOptions__Input, MessageOptions as _google_protobuf_MessageOptions } from '../../google/protobuf/MessageOptions';
import type { OneofDescriptorProto__Input as _google_protobuf_OneofDescriptorProto__Input, OneofDescriptorProto as _google_protobuf_OneofDescriptorProto } from '../../google/protobuf/OneofDescriptorProto';
import type { SymbolVisibility__Input as _google_protobuf_SymbolVisibility__Input, SymbolVisibility as _google_protobuf_SymbolVisibility } from '../../google/protobuf/SymbolVisibility';
import type { ExtensionRangeOptions__Input as _google_protobuf_ExtensionRangeOptions__Input, ExtensionRangeOptions as _google_protobuf_ExtensionRangeOptions } from '../../google/protobuf/ExtensionRangeOptions';
export interface _google_protobuf_DescriptorProto_ExtensionRange__Input {
    'start'?: (number);
    'end'?: (number);
    'options'?: (_google_protobuf_ExtensionRangeOptions__Input | null);
}
export interface _google_protobuf_DescriptorProto_ExtensionRange {
    'start': (number);
    'end': (number);
    'options': (_google_protobuf_ExtensionRangeOptions | null);
}
export interface _google_protobuf_DescriptorProto_ReservedRange__Input {
    'start'?: (number);
    'end'?: (number);
}
export interface _google_protobuf_DescriptorProto_ReservedRange {
    'start': (number);
    'end': (number);
}
export interface DescriptorProto__Input {
    'name'?: (string);
    'field'?: (_google_protobuf_FieldDescriptorProto__Input)[];
    'nestedType'?: (_google_protobuf_DescriptorProto__Input)[];
    'enumType'?: (_google_protobuf_EnumDescriptorProto__Input)[];
    'extensionRange'?: (_google_protobuf_DescriptorProto_ExtensionRange__Input)[];
    'extension'?: (_google_protobuf_FieldDescriptorProto__Input)[];
    'options'?: (_google_protobuf_MessageOptions__Input | null);
    'oneofDecl'?: (_google_protobuf_OneofDescriptorProto__Input)[];
    'reservedRange'?: (_google_protobuf_DescriptorProto_ReservedRange__Input)[];
    'reservedName'?: (string)[];
    'visibility'?: (_google_protobuf_SymbolVisibility__Input);
}
export interface DescriptorProto {
    'name': (string);
    'field': (_google_protobuf_FieldDescriptorProto)[];
    'nestedType': (_google_protobuf_DescriptorProto)[];
    'enumType': (_google_protobuf_EnumDescriptorProto)[];
    'extensionRange': (_google_protobuf_DescriptorProto_ExtensionRange)[];
    'extension': (_google_protobuf_FieldDescriptorProto)[];
    'options': (_google_protobuf_MessageOptions | null);
    'oneofDecl': (_google_protobuf_OneofDescriptorProto)[];
    'reservedRange': (_google_protobuf_DescriptorProto_ReservedRange)[];
    'reservedName': (string)[];
    'visibility': (_google_protobuf_SymbolVisibility);
}
