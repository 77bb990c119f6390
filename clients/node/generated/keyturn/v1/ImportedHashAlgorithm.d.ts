// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * How the system an imported key comes from hashed it.
 */
export declare const ImportedHashAlgorithm: {
    /**
     * Not given. Invalid.
     */
    readonly IMPORTED_HASH_ALGORITHM_UNSPECIFIED: 'IMPORTED_HASH_ALGORITHM_UNSPECIFIED';
    /**
     * SHA-256 of the plaintext's UTF-8 bytes: 64 hex characters (or the 32-byte digest in
     * base64, 44 characters).
     */
    readonly IMPORTED_HASH_ALGORITHM_SHA256: 'IMPORTED_HASH_ALGORITHM_SHA256';
    /**
     * SHA-512 of the plaintext's UTF-8 bytes: 128 hex characters (or base64, 88 characters).
     */
    readonly IMPORTED_HASH_ALGORITHM_SHA512: 'IMPORTED_HASH_ALGORITHM_SHA512';
    /**
     * HMAC-SHA256 under ImportKeysRequest.hmac_secret of the plaintext's UTF-8 bytes: 64 hex
     * characters (or base64, 44 characters). The reference SDK's `signing_secret` hashes.
     */
    readonly IMPORTED_HASH_ALGORITHM_HMAC_SHA256: 'IMPORTED_HASH_ALGORITHM_HMAC_SHA256';
    /**
     * bcrypt in its modular-crypt form (`$2a$`, `$2b$` or `$2y$`, cost 4..16, 60 characters).
     * Salted, so it cannot be looked up by hash: lookup_hint is required.
     */
    readonly IMPORTED_HASH_ALGORITHM_BCRYPT: 'IMPORTED_HASH_ALGORITHM_BCRYPT';
};
/**
 * How the system an imported key comes from hashed it.
 */
export type ImportedHashAlgorithm__Input = 
/**
 * Not given. Invalid.
 */
'IMPORTED_HASH_ALGORITHM_UNSPECIFIED' | 0
/**
 * SHA-256 of the plaintext's UTF-8 bytes: 64 hex characters (or the 32-byte digest in
 * base64, 44 characters).
 */
 | 'IMPORTED_HASH_ALGORITHM_SHA256' | 1
/**
 * SHA-512 of the plaintext's UTF-8 bytes: 128 hex characters (or base64, 88 characters).
 */
 | 'IMPORTED_HASH_ALGORITHM_SHA512' | 2
/**
 * HMAC-SHA256 under ImportKeysRequest.hmac_secret of the plaintext's UTF-8 bytes: 64 hex
 * characters (or base64, 44 characters). The reference SDK's `signing_secret` hashes.
 */
 | 'IMPORTED_HASH_ALGORITHM_HMAC_SHA256' | 3
/**
 * bcrypt in its modular-crypt form (`$2a$`, `$2b$` or `$2y$`, cost 4..16, 60 characters).
 * Salted, so it cannot be looked up by hash: lookup_hint is required.
 */
 | 'IMPORTED_HASH_ALGORITHM_BCRYPT' | 4;
/**
 * How the system an imported key comes from hashed it.
 */
export type ImportedHashAlgorithm = typeof ImportedHashAlgorithm[keyof typeof ImportedHashAlgorithm];
