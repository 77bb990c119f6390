// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
export declare const SymbolVisibility: {
    readonly VISIBILITY_UNSET: 'VISIBILITY_UNSET';
    readonly VISIBILITY_LOCAL: 'VISIBILITY_LOCAL';
    readonly VISIBILITY_EXPORT: 'VISIBILITY_EXPORT';
};
export type SymbolVisibility__Input = 'VISIBILITY_UNSET' | 0 | 'VISIBILITY_LOCAL' | 1 | 'VISIBILITY_EXPORT' | 2;
export type SymbolVisibility = typeof SymbolVisibility[keyof typeof SymbolVisibility];
