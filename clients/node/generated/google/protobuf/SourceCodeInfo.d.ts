// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
export interface _google_protobuf_SourceCodeInfo_Location__Input {
    'path'?: (number)[];
    'span'?: (number)[];
    'leadingComments'?: (string);
    'trailingComments'?: (string);
    'leadingDetachedComments'?: (string)[];
}
export interface _google_protobuf_SourceCodeInfo_Location {
    'path': (number)[];
    'span': (number)[];
    'leadingComments': (string);
    'trailingComments': (string);
    'leadingDetachedComments': (string)[];
}
export interface SourceCodeInfo__Input {
    'location'?: (_google_protobuf_SourceCodeInfo_Location__Input)[];
}
export interface SourceCodeInfo {
    'location': (_google_protobuf_SourceCodeInfo_Location)[];
}
