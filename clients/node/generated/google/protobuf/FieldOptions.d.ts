// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { FeatureSet__Input as _google_protobuf_FeatureSet__Input, FeatureSet as _google_protobuf_FeatureSet } from '../../google/protobuf/FeatureSet';
import type { UninterpretedOption__Input as _google_protobuf_UninterpretedOption__Input, UninterpretedOption as _google_protobuf_UninterpretedOption } from '../../google/protobuf/UninterpretedOption';
import type { FieldBehavior__Input as _google_api_FieldBehavior__Input, FieldBehavior as _google_api_FieldBehavior } from '../../google/api/FieldBehavior';
import type { Edition__Input as _google_protobuf_Edition__Input, Edition as _google_protobuf_Edition } from '../../google/protobuf/Edition';
export declare const _google_protobuf_FieldOptions_CType: {
    readonly STRING: 'STRING';
    readonly CORD: 'CORD';
    readonly STRING_PIECE: 'STRING_PIECE';
};
export type _google_protobuf_FieldOptions_CType__Input = 'STRING' | 0 | 'CORD' | 1 | 'STRING_PIECE' | 2;
export type _google_protobuf_FieldOptions_CType = typeof _google_protobuf_FieldOptions_CType[keyof typeof _google_protobuf_FieldOptions_CType];
export interface _google_protobuf_FieldOptions_EditionDefault__Input {
    'edition'?: (_google_protobuf_Edition__Input);
    'value'?: (string);
}
export interface _google_protobuf_FieldOptions_EditionDefault {
    'edition': (_google_protobuf_Edition);
    'value': (string);
}
export interface _google_protobuf_FieldOptions_FeatureSupport__Input {
    'editionIntroduced'?: (_google_protobuf_Edition__Input);
    'editionDeprecated'?: (_google_protobuf_Edition__Input);
    'deprecationWarning'?: (string);
    'editionRemoved'?: (_google_protobuf_Edition__Input);
}
export interface _google_protobuf_FieldOptions_FeatureSupport {
    'editionIntroduced': (_google_protobuf_Edition);
    'editionDeprecated': (_google_protobuf_Edition);
    'deprecationWarning': (string);
    'editionRemoved': (_google_protobuf_Edition);
}
export declare const _google_protobuf_FieldOptions_JSType: {
    readonly JS_NORMAL: 'JS_NORMAL';
    readonly JS_STRING: 'JS_STRING';
    readonly JS_NUMBER: 'JS_NUMBER';
};
export type _google_protobuf_FieldOptions_JSType__Input = 'JS_NORMAL' | 0 | 'JS_STRING' | 1 | 'JS_NUMBER' | 2;
export type _google_protobuf_FieldOptions_JSType = typeof _google_protobuf_FieldOptions_JSType[keyof typeof _google_protobuf_FieldOptions_JSType];
export declare const _google_protobuf_FieldOptions_OptionRetention: {
    readonly RETENTION_UNKNOWN: 'RETENTION_UNKNOWN';
    readonly RETENTION_RUNTIME: 'RETENTION_RUNTIME';
    readonly RETENTION_SOURCE: 'RETENTION_SOURCE';
};
export type _google_protobuf_FieldOptions_OptionRetention__Input = 'RETENTION_UNKNOWN' | 0 | 'RETENTION_RUNTIME' | 1 | 'RETENTION_SOURCE' | 2;
export type _google_protobuf_FieldOptions_OptionRetention = typeof _google_protobuf_FieldOptions_OptionRetention[keyof typeof _google_protobuf_FieldOptions_OptionRetention];
export declare const _google_protobuf_FieldOptions_OptionTargetType: {
    readonly TARGET_TYPE_UNKNOWN: 'TARGET_TYPE_UNKNOWN';
    readonly TARGET_TYPE_FILE: 'TARGET_TYPE_FILE';
    readonly TARGET_TYPE_EXTENSION_RANGE: 'TARGET_TYPE_EXTENSION_RANGE';
    readonly TARGET_TYPE_MESSAGE: 'TARGET_TYPE_MESSAGE';
    readonly TARGET_TYPE_FIELD: 'TARGET_TYPE_FIELD';
    readonly TARGET_TYPE_ONEOF: 'TARGET_TYPE_ONEOF';
    readonly TARGET_TYPE_ENUM: 'TARGET_TYPE_ENUM';
    readonly TARGET_TYPE_ENUM_ENTRY: 'TARGET_TYPE_ENUM_ENTRY';
    readonly TARGET_TYPE_SERVICE: 'TARGET_TYPE_SERVICE';
    readonly TARGET_TYPE_METHOD: 'TARGET_TYPE_METHOD';
};
export type _google_protobuf_FieldOptions_OptionTargetType__Input = 'TARGET_TYPE_UNKNOWN' | 0 | 'TARGET_TYPE_FILE' | 1 | 'TARGET_TYPE_EXTENSION_RANGE' | 2 | 'TARGET_TYPE_MESSAGE' | 3 | 'TARGET_TYPE_FIELD' | 4 | 'TARGET_TYPE_ONEOF' | 5 | 'TARGET_TYPE_ENUM' | 6 | 'TARGET_TYPE_ENUM_ENTRY' | 7 | 'TARGET_TYPE_SERVICE' | 8 | 'TARGET_TYPE_METHOD' | 9;
export type _google_protobuf_FieldOptions_OptionTargetType = typeof _google_protobuf_FieldOptions_OptionTargetType[keyof typeof _google_protobuf_FieldOptions_OptionTargetType];
export interface FieldOptions__Input {
    'ctype'?: (_google_protobuf_FieldOptions_CType__Input);
    'packed'?: (boolean);
    'deprecated'?: (boolean);
    'lazy'?: (boolean);
    'jstype'?: (_google_protobuf_FieldOptions_JSType__Input);
    /**
     * @deprecated
     */
    'weak'?: (boolean);
    'unverifiedLazy'?: (boolean);
    'debugRedact'?: (boolean);
    'retention'?: (_google_protobuf_FieldOptions_OptionRetention__Input);
    'targets'?: (_google_protobuf_FieldOptions_OptionTargetType__Input)[];
    'editionDefaults'?: (_google_protobuf_FieldOptions_EditionDefault__Input)[];
    'features'?: (_google_protobuf_FeatureSet__Input | null);
    'featureSupport'?: (_google_protobuf_FieldOptions_FeatureSupport__Input | null);
    'uninterpretedOption'?: (_google_protobuf_UninterpretedOption__Input)[];
    '.google.api.field_behavior'?: (_google_api_FieldBehavior__Input)[];
}
export interface FieldOptions {
    'ctype': (_google_protobuf_FieldOptions_CType);
    'packed': (boolean);
    'deprecated': (boolean);
    'lazy': (boolean);
    'jstype': (_google_protobuf_FieldOptions_JSType);
    /**
     * @deprecated
     */
    'weak': (boolean);
    'unverifiedLazy': (boolean);
    'debugRedact': (boolean);
    'retention': (_google_protobuf_FieldOptions_OptionRetention);
    'targets': (_google_protobuf_FieldOptions_OptionTargetType)[];
    'editionDefaults': (_google_protobuf_FieldOptions_EditionDefault)[];
    'features': (_google_protobuf_FeatureSet | null);
    'featureSupport': (_google_protobuf_FieldOptions_FeatureSupport | null);
    'uninterpretedOption': (_google_protobuf_UninterpretedOption)[];
    '.google.api.field_behavior': (_google_api_FieldBehavior)[];
}
