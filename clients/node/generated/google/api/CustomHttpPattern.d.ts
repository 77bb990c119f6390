// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * A custom pattern is used for defining custom HTTP verb.
 */
export interface CustomHttpPattern__Input {
    /**
     * The name of this custom HTTP verb.
     */
    'kind'?: (string);
    /**
     * The path matched by this custom verb.
     */
    'path'?: (string);
}
/**
 * A custom pattern is used for defining custom HTTP verb.
 */
export interface CustomHttpPattern {
    /**
     * The name of this custom HTTP verb.
     */
    'kind': (string);
    /**
     * The path matched by this custom verb.
     */
    'path': (string);
}
