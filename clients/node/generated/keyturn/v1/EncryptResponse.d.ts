// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * Response of CryptoService.Encrypt. Store ciphertext, iv, tag (and salt, iterations for a
 * password) together; all of them are needed to decrypt.
 */
export interface EncryptResponse__Input {
    /**
     * The ciphertext, the same length as the plaintext (the tag is separate).
     */
    'ciphertext'?: (Buffer | Uint8Array | string);
    /**
     * The 96-bit random nonce.
     */
    'iv'?: (Buffer | Uint8Array | string);
    /**
     * The 128-bit GCM authentication tag.
     */
    'tag'?: (Buffer | Uint8Array | string);
    /**
     * The 16-byte PBKDF2 salt; empty when a raw key was used.
     */
    'salt'?: (Buffer | Uint8Array | string);
    /**
     * Always "AES-256-GCM".
     */
    'algorithm'?: (string);
    /**
     * The key derivation function: "PBKDF2-HMAC-SHA256" for a password, empty
     * for a raw key.
     */
    'kdf'?: (string);
    /**
     * The PBKDF2 iteration count used; 0 for a raw key.
     */
    'iterations'?: (number);
}
/**
 * Response of CryptoService.Encrypt. Store ciphertext, iv, tag (and salt, iterations for a
 * password) together; all of them are needed to decrypt.
 */
export interface EncryptResponse {
    /**
     * The ciphertext, the same length as the plaintext (the tag is separate).
     */
    'ciphertext': (Buffer);
    /**
     * The 96-bit random nonce.
     */
    'iv': (Buffer);
    /**
     * The 128-bit GCM authentication tag.
     */
    'tag': (Buffer);
    /**
     * The 16-byte PBKDF2 salt; empty when a raw key was used.
     */
    'salt': (Buffer);
    /**
     * Always "AES-256-GCM".
     */
    'algorithm': (string);
    /**
     * The key derivation function: "PBKDF2-HMAC-SHA256" for a password, empty
     * for a raw key.
     */
    'kdf': (string);
    /**
     * The PBKDF2 iteration count used; 0 for a raw key.
     */
    'iterations': (number);
}
