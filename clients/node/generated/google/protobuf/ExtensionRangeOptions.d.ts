// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { FeatureSet__Input as _google_protobuf_FeatureSet__Input, FeatureSet as _google_protobuf_FeatureSet } from '../../google/protobuf/FeatureSet';
import type { UninterpretedOption__Input as _google_protobuf_UninterpretedOption__Input, UninterpretedOption as _google_protobuf_UninterpretedOption } from '../../google/protobuf/UninterpretedOption';
export interface _google_protobuf_ExtensionRangeOptions_Declaration__Input {
    'number'?: (number);
    'fullName'?: (string);
    'type'?: (string);
    'reserved'?: (boolean);
    'repeated'?: (boolean);
}
export interface _google_protobuf_ExtensionRangeOptions_Declaration {
    'number': (number);
    'fullName': (string);
    'type': (string);
    'reserved': (boolean);
    'repeated': (boolean);
}
export declare const _google_protobuf_ExtensionRangeOptions_VerificationState: {
    readonly DECLARATION: 'DECLARATION';
    readonly UNVERIFIED: 'UNVERIFIED';
};
export type _google_protobuf_ExtensionRangeOptions_VerificationState__Input = 'DECLARATION' | 0 | 'UNVERIFIED' | 1;
export type _google_protobuf_ExtensionRangeOptions_VerificationState = typeof _google_protobuf_ExtensionRangeOptions_VerificationState[keyof typeof _google_protobuf_ExtensionRangeOptions_VerificationState];
export interface ExtensionRangeOptions__Input {
    'declaration'?: (_google_protobuf_ExtensionRangeOptions_Declaration__Input)[];
    'verification'?: (_google_protobuf_ExtensionRangeOptions_VerificationState__Input);
    'features'?: (_google_protobuf_FeatureSet__Input | null);
    'uninterpretedOption'?: (_google_protobuf_UninterpretedOption__Input)[];
}
export interface ExtensionRangeOptions {
    'declaration': (_google_protobuf_ExtensionRangeOptions_Declaration)[];
    'verification': (_google_protobuf_ExtensionRangeOptions_VerificationState);
    'features': (_google_protobuf_FeatureSet | null);
    'uninterpretedOption': (_google_protobuf_UninterpretedOption)[];
}
