// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
export declare const NullValue: {
    readonly NULL_VALUE: 'NULL_VALUE';
};
export type NullValue__Input = 'NULL_VALUE' | 0;
export type NullValue = typeof NullValue[keyof typeof NullValue];
