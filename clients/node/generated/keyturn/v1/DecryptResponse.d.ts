// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * Response of CryptoService.Decrypt.
 */
export interface DecryptResponse__Input {
    /**
     * The authenticated plaintext.
     */
    'plaintext'?: (Buffer | Uint8Array | string);
    /**
     * Always "AES-256-GCM".
     */
    'algorithm'?: (string);
}
/**
 * Response of CryptoService.Decrypt.
 */
export interface DecryptResponse {
    /**
     * The authenticated plaintext.
     */
    'plaintext': (Buffer);
    /**
     * Always "AES-256-GCM".
     */
    'algorithm': (string);
}
