// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { FeatureSet__Input as _google_protobuf_FeatureSet__Input, FeatureSet as _google_protobuf_FeatureSet } from '../../google/protobuf/FeatureSet';
import type { UninterpretedOption__Input as _google_protobuf_UninterpretedOption__Input, UninterpretedOption as _google_protobuf_UninterpretedOption } from '../../google/protobuf/UninterpretedOption';
import type { HttpRule__Input as _google_api_HttpRule__Input, HttpRule as _google_api_HttpRule } from '../../google/api/HttpRule';
export declare const _google_protobuf_MethodOptions_IdempotencyLevel: {
    readonly IDEMPOTENCY_UNKNOWN: 'IDEMPOTENCY_UNKNOWN';
    readonly NO_SIDE_EFFECTS: 'NO_SIDE_EFFECTS';
    readonly IDEMPOTENT: 'IDEMPOTENT';
};
export type _google_protobuf_MethodOptions_IdempotencyLevel__Input = 'IDEMPOTENCY_UNKNOWN' | 0 | 'NO_SIDE_EFFECTS' | 1 | 'IDEMPOTENT' | 2;
export type _google_protobuf_MethodOptions_IdempotencyLevel = typeof _google_protobuf_MethodOptions_IdempotencyLevel[keyof typeof _google_protobuf_MethodOptions_IdempotencyLevel];
export interface MethodOptions__Input {
    'deprecated'?: (boolean);
    'idempotencyLevel'?: (_google_protobuf_MethodOptions_IdempotencyLevel__Input);
    'features'?: (_google_protobuf_FeatureSet__Input | null);
    'uninterpretedOption'?: (_google_protobuf_UninterpretedOption__Input)[];
    '.google.api.http'?: (_google_api_HttpRule__Input | null);
}
export interface MethodOptions {
    'deprecated': (boolean);
    'idempotencyLevel': (_google_protobuf_MethodOptions_IdempotencyLevel);
    'features': (_google_protobuf_FeatureSet | null);
    'uninterpretedOption': (_google_protobuf_UninterpretedOption)[];
    '.google.api.http': (_google_api_HttpRule | null);
}
