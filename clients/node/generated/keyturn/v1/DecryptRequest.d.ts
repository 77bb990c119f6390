// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * Request for CryptoService.Decrypt. Exactly one of `key` and `password` is required.
 */
export interface DecryptRequest__Input {
    /**
     * Required. The ciphertext returned by Encrypt.
     */
    'ciphertext'?: (Buffer | Uint8Array | string);
    /**
     * Required. The 12-byte nonce returned by Encrypt.
     */
    'iv'?: (Buffer | Uint8Array | string);
    /**
     * Required. The 16-byte tag returned by Encrypt.
     */
    'tag'?: (Buffer | Uint8Array | string);
    /**
     * Optional. The 256-bit key as exactly 64 hex characters. Exactly one of key and password.
     */
    'key'?: (string);
    /**
     * Optional. The password given to Encrypt. Exactly one of key and password.
     */
    'password'?: (string);
    /**
     * Optional. The salt returned by Encrypt; required with `password`.
     */
    'salt'?: (Buffer | Uint8Array | string);
    /**
     * Optional. The iteration count returned by Encrypt (default 600,000); only with
     * `password`.
     */
    'iterations'?: (number);
    /**
     * Optional. The associated data given to Encrypt, if any.
     */
    'associated_data'?: (Buffer | Uint8Array | string);
}
/**
 * Request for CryptoService.Decrypt. Exactly one of `key` and `password` is required.
 */
export interface DecryptRequest {
    /**
     * Required. The ciphertext returned by Encrypt.
     */
    'ciphertext': (Buffer);
    /**
     * Required. The 12-byte nonce returned by Encrypt.
     */
    'iv': (Buffer);
    /**
     * Required. The 16-byte tag returned by Encrypt.
     */
    'tag': (Buffer);
    /**
     * Optional. The 256-bit key as exactly 64 hex characters. Exactly one of key and password.
     */
    'key': (string);
    /**
     * Optional. The password given to Encrypt. Exactly one of key and password.
     */
    'password': (string);
    /**
     * Optional. The salt returned by Encrypt; required with `password`.
     */
    'salt': (Buffer);
    /**
     * Optional. The iteration count returned by Encrypt (default 600,000); only with
     * `password`.
     */
    'iterations': (number);
    /**
     * Optional. The associated data given to Encrypt, if any.
     */
    'associated_data': (Buffer);
}
