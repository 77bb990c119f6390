// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Edition__Input as _google_protobuf_Edition__Input, Edition as _google_protobuf_Edition } from '../../google/protobuf/Edition';
import type { FeatureSet__Input as _google_protobuf_FeatureSet__Input, FeatureSet as _google_protobuf_FeatureSet } from '../../google/protobuf/FeatureSet';
export interface _google_protobuf_FeatureSetDefaults_FeatureSetEditionDefault__Input {
    'edition'?: (_google_protobuf_Edition__Input);
    'overridableFeatures'?: (_google_protobuf_FeatureSet__Input | null);
    'fixedFeatures'?: (_google_protobuf_FeatureSet__Input | null);
}
export interface _google_protobuf_FeatureSetDefaults_FeatureSetEditionDefault {
    'edition': (_google_protobuf_Edition);
    'overridableFeatures': (_google_protobuf_FeatureSet | null);
    'fixedFeatures': (_google_protobuf_FeatureSet | null);
}
export interface FeatureSetDefaults__Input {
    'defaults'?: (_google_protobuf_FeatureSetDefaults_FeatureSetEditionDefault__Input)[];
    'minimumEdition'?: (_google_protobuf_Edition__Input);
    'maximumEdition'?: (_google_protobuf_Edition__Input);
}
export interface FeatureSetDefaults {
    'defaults': (_google_protobuf_FeatureSetDefaults_FeatureSetEditionDefault)[];
    'minimumEdition': (_google_protobuf_Edition);
    'maximumEdition': (_google_protobuf_Edition);
}
