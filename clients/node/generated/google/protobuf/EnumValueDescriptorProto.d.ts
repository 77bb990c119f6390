// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { EnumValueOptions__Input as _google_protobuf_EnumValueOptions__Input, EnumValueOptions as _google_protobuf_EnumValueOptions } from '../../google/protobuf/EnumValueOptions';
export interface EnumValueDescriptorProto__Input {
    'name'?: (string);
    'number'?: (number);
    'options'?: (_google_protobuf_EnumValueOptions__Input | null);
}
export interface EnumValueDescriptorProto {
    'name': (string);
    'number': (number);
    'options': (_google_protobuf_EnumValueOptions | null);
}
