// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
export interface _google_protobuf_GeneratedCodeInfo_Annotation__Input {
    'path'?: (number)[];
    'sourceFile'?: (string);
    'begin'?: (number);
    'end'?: (number);
    'semantic'?: (_google_protobuf_GeneratedCodeInfo_Annotation_Semantic__Input);
}
export interface _google_protobuf_GeneratedCodeInfo_Annotation {
    'path': (number)[];
    'sourceFile': (string);
    'begin': (number);
    'end': (number);
    'semantic': (_google_protobuf_GeneratedCodeInfo_Annotation_Semantic);
}
export declare const _google_protobuf_GeneratedCodeInfo_Annotation_Semantic: {
    readonly NONE: 'NONE';
    readonly SET: 'SET';
    readonly ALIAS: 'ALIAS';
};
export type _google_protobuf_GeneratedCodeInfo_Annotation_Semantic__Input = 'NONE' | 0 | 'SET' | 1 | 'ALIAS' | 2;
export type _google_protobuf_GeneratedCodeInfo_Annotation_Semantic = typeof _google_protobuf_GeneratedCodeInfo_Annotation_Semantic[keyof typeof _google_protobuf_GeneratedCodeInfo_Annotation_Semantic];
export interface GeneratedCodeInfo__Input {
    'annotation'?: (_google_protobuf_GeneratedCodeInfo_Annotation__Input)[];
}
export interface GeneratedCodeInfo {
    'annotation': (_google_protobuf_GeneratedCodeInfo_Annotation)[];
}
