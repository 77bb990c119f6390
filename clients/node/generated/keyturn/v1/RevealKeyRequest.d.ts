// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * Request for KeyService.RevealKey.
 */
export interface RevealKeyRequest__Input {
    /**
     * Required. The recoverable key whose plaintext to return.
     */
    'id'?: (string);
}
/**
 * Request for KeyService.RevealKey.
 */
export interface RevealKeyRequest {
    /**
     * Required. The recoverable key whose plaintext to return.
     */
    'id': (string);
}
