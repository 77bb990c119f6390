// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * Request for CryptoService.Encrypt. Exactly one of `key` and `password` is required.
 */
export interface EncryptRequest__Input {
    /**
     * Required. The data to encrypt, at most the server's payload limit (4 MiB by default).
     */
    'plaintext'?: (Buffer | Uint8Array | string);
    /**
     * Optional. A 256-bit key as exactly 64 hex characters. Exactly one of key and password.
     */
    'key'?: (string);
    /**
     * Optional. A password; the server derives the key with PBKDF2-HMAC-SHA256 over a fresh
     * 16-byte random salt. Exactly one of key and password.
     */
    'password'?: (string);
    /**
     * Optional. Additional authenticated data: not encrypted, but Decrypt fails unless the
     * same bytes are given back.
     */
    'associated_data'?: (Buffer | Uint8Array | string);
    /**
     * Optional. PBKDF2 iteration count when `password` is used, in 100,000..10,000,000
     * (default 600,000). Must be 0 with `key`.
     */
    'iterations'?: (number);
}
/**
 * Request for CryptoService.Encrypt. Exactly one of `key` and `password` is required.
 */
export interface EncryptRequest {
    /**
     * Required. The data to encrypt, at most the server's payload limit (4 MiB by default).
     */
    'plaintext': (Buffer);
    /**
     * Optional. A 256-bit key as exactly 64 hex characters. Exactly one of key and password.
     */
    'key': (string);
    /**
     * Optional. A password; the server derives the key with PBKDF2-HMAC-SHA256 over a fresh
     * 16-byte random salt. Exactly one of key and password.
     */
    'password': (string);
    /**
     * Optional. Additional authenticated data: not encrypted, but Decrypt fails unless the
     * same bytes are given back.
     */
    'associated_data': (Buffer);
    /**
     * Optional. PBKDF2 iteration count when `password` is used, in 100,000..10,000,000
     * (default 600,000). Must be 0 with `key`.
     */
    'iterations': (number);
}
