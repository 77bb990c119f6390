// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Long } from '@grpc/proto-loader';
export interface _google_protobuf_UninterpretedOption_NamePart__Input {
    'namePart'?: (string);
    'isExtension'?: (boolean);
}
export interface _google_protobuf_UninterpretedOption_NamePart {
    'namePart': (string);
    'isExtension': (boolean);
}
export interface UninterpretedOption__Input {
    'name'?: (_google_protobuf_UninterpretedOption_NamePart__Input)[];
    'identifierValue'?: (string);
    'positiveIntValue'?: (number | string | Long);
    'negativeIntValue'?: (number | string | Long);
    'doubleValue'?: (number | string);
    'stringValue'?: (Buffer | Uint8Array | string);
    'aggregateValue'?: (string);
}
export interface UninterpretedOption {
    'name': (_google_protobuf_UninterpretedOption_NamePart)[];
    'identifierValue': (string);
    'positiveIntValue': (string);
    'negativeIntValue': (string);
    'doubleValue': (number);
    'stringValue': (Buffer);
    'aggregateValue': (string);
}
