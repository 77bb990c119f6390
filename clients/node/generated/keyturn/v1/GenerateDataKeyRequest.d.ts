// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * Request for CryptoService.GenerateDataKey (envelope encryption).
 */
export interface GenerateDataKeyRequest__Input {
    /**
     * Required. An ENCRYPT_DECRYPT key; its primary version wraps the data key.
     */
    'crypto_key_id'?: (string);
    /**
     * Optional. Associated data the wrapped key is bound to (needed again to unwrap it with
     * DecryptWithKey).
     */
    'associated_data'?: (Buffer | Uint8Array | string);
    /**
     * Optional. When true, the response carries only the wrapped key, no plaintext (for a
     * component that stores keys it will not use itself).
     */
    'wrapped_only'?: (boolean);
}
/**
 * Request for CryptoService.GenerateDataKey (envelope encryption).
 */
export interface GenerateDataKeyRequest {
    /**
     * Required. An ENCRYPT_DECRYPT key; its primary version wraps the data key.
     */
    'crypto_key_id': (string);
    /**
     * Optional. Associated data the wrapped key is bound to (needed again to unwrap it with
     * DecryptWithKey).
     */
    'associated_data': (Buffer);
    /**
     * Optional. When true, the response carries only the wrapped key, no plaintext (for a
     * component that stores keys it will not use itself).
     */
    'wrapped_only': (boolean);
}
