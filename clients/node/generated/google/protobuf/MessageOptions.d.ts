// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { FeatureSet__Input as _google_protobuf_FeatureSet__Input, FeatureSet as _google_protobuf_FeatureSet } from '../../google/protobuf/FeatureSet';
import type { UninterpretedOption__Input as _google_protobuf_UninterpretedOption__Input, UninterpretedOption as _google_protobuf_UninterpretedOption } from '../../google/protobuf/UninterpretedOption';
export interface MessageOptions__Input {
    'messageSetWireFormat'?: (boolean);
    'noStandardDescriptorAccessor'?: (boolean);
    'deprecated'?: (boolean);
    'mapEntry'?: (boolean);
    /**
     * @deprecated
     */
    'deprecatedLegacyJsonFieldConflicts'?: (boolean);
    'features'?: (_google_protobuf_FeatureSet__Input | null);
    'uninterpretedOption'?: (_google_protobuf_UninterpretedOption__Input)[];
}
export interface MessageOptions {
    'messageSetWireFormat': (boolean);
    'noStandardDescriptorAccessor': (boolean);
    'deprecated': (boolean);
    'mapEntry': (boolean);
    /**
     * @deprecated
     */
    'deprecatedLegacyJsonFieldConflicts': (boolean);
    'features': (_google_protobuf_FeatureSet | null);
    'uninterpretedOption': (_google_protobuf_UninterpretedOption)[];
}
