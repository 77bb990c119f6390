// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { FeatureSet__Input as _google_protobuf_FeatureSet__Input, FeatureSet as _google_protobuf_FeatureSet } from '../../google/protobuf/FeatureSet';
import type { _google_protobuf_FieldOptions_FeatureSupport__Input, _google_protobuf_FieldOptions_FeatureSupport } from '../../google/protobuf/FieldOptions';
import type { UninterpretedOption__Input as _google_protobuf_UninterpretedOption__Input, UninterpretedOption as _google_protobuf_UninterpretedOption } from '../../google/protobuf/UninterpretedOption';
export interface EnumValueOptions__Input {
    'deprecated'?: (boolean);
    'features'?: (_google_protobuf_FeatureSet__Input | null);
    'debugRedact'?: (boolean);
    'featureSupport'?: (_google_protobuf_FieldOptions_FeatureSupport__Input | null);
    'uninterpretedOption'?: (_google_protobuf_UninterpretedOption__Input)[];
}
export interface EnumValueOptions {
    'deprecated': (boolean);
    'features': (_google_protobuf_FeatureSet | null);
    'debugRedact': (boolean);
    'featureSupport': (_google_protobuf_FieldOptions_FeatureSupport | null);
    'uninterpretedOption': (_google_protobuf_UninterpretedOption)[];
}
