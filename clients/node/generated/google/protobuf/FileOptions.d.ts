// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { FeatureSet__Input as _google_protobuf_FeatureSet__Input, FeatureSet as _google_protobuf_FeatureSet } from '../../google/protobuf/FeatureSet';
import type { UninterpretedOption__Input as _google_protobuf_UninterpretedOption__Input, UninterpretedOption as _google_protobuf_UninterpretedOption } from '../../google/protobuf/UninterpretedOption';
export declare const _google_protobuf_FileOptions_OptimizeMode: {
    readonly SPEED: 'SPEED';
    readonly CODE_SIZE: 'CODE_SIZE';
    readonly LITE_RUNTIME: 'LITE_RUNTIME';
};
export type _google_protobuf_FileOptions_OptimizeMode__Input = 'SPEED' | 1 | 'CODE_SIZE' | 2 | 'LITE_RUNTIME' | 3;
export type _google_protobuf_FileOptions_OptimizeMode = typeof _google_protobuf_FileOptions_OptimizeMode[keyof typeof _google_protobuf_FileOptions_OptimizeMode];
export interface FileOptions__Input {
    'javaPackage'?: (string);
    'javaOuterClassname'?: (string);
    'optimizeFor'?: (_google_protobuf_FileOptions_OptimizeMode__Input);
    'javaMultipleFiles'?: (boolean);
    'goPackage'?: (string);
    'ccGenericServices'?: (boolean);
    'javaGenericServices'?: (boolean);
    'pyGenericServices'?: (boolean);
    /**
     * @deprecated
     */
    'javaGenerateEqualsAndHash'?: (boolean);
    'deprecated'?: (boolean);
    'javaStringCheckUtf8'?: (boolean);
    'ccEnableArenas'?: (boolean);
    'objcClassPrefix'?: (string);
    'csharpNamespace'?: (string);
    'swiftPrefix'?: (string);
    'phpClassPrefix'?: (string);
    'phpNamespace'?: (string);
    'phpMetadataNamespace'?: (string);
    'rubyPackage'?: (string);
    'features'?: (_google_protobuf_FeatureSet__Input | null);
    'uninterpretedOption'?: (_google_protobuf_UninterpretedOption__Input)[];
}
export interface FileOptions {
    'javaPackage': (string);
    'javaOuterClassname': (string);
    'optimizeFor': (_google_protobuf_FileOptions_OptimizeMode);
    'javaMultipleFiles': (boolean);
    'goPackage': (string);
    'ccGenericServices': (boolean);
    'javaGenericServices': (boolean);
    'pyGenericServices': (boolean);
    /**
     * @deprecated
     */
    'javaGenerateEqualsAndHash': (boolean);
    'deprecated': (boolean);
    'javaStringCheckUtf8': (boolean);
    'ccEnableArenas': (boolean);
    'objcClassPrefix': (string);
    'csharpNamespace': (string);
    'swiftPrefix': (string);
    'phpClassPrefix': (string);
    'phpNamespace': (string);
    'phpMetadataNamespace': (string);
    'rubyPackage': (string);
    'features': (_google_protobuf_FeatureSet | null);
    'uninterpretedOption': (_google_protobuf_UninterpretedOption)[];
}
