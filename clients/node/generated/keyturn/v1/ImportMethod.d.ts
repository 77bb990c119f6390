// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * How key material is wrapped for ImportCryptoKeyVersion.
 */
export declare const ImportMethod: {
    /**
     * Not given; CreateImportJob answers INVALID_ARGUMENT.
     */
    readonly IMPORT_METHOD_UNSPECIFIED: 'IMPORT_METHOD_UNSPECIFIED';
    /**
     * The material itself is encrypted with RSAES-OAEP (3072-bit key, SHA-256, MGF1-SHA-256,
     * no label). Fits material up to 318 bytes: symmetric, HMAC, Ed25519 and EC keys.
     */
    readonly IMPORT_METHOD_RSA_OAEP_3072_SHA256: 'IMPORT_METHOD_RSA_OAEP_3072_SHA256';
    /**
     * As Cloud KMS's RSA_OAEP_3072_SHA256_AES_256: a fresh AES-256 key encrypted with
     * RSAES-OAEP-3072-SHA256, followed by the material wrapped with that key by AES key wrap
     * with padding (RFC 5649). Fits any material, including RSA private keys.
     */
    readonly IMPORT_METHOD_RSA_OAEP_3072_SHA256_AES_256: 'IMPORT_METHOD_RSA_OAEP_3072_SHA256_AES_256';
};
/**
 * How key material is wrapped for ImportCryptoKeyVersion.
 */
export type ImportMethod__Input = 
/**
 * Not given; CreateImportJob answers INVALID_ARGUMENT.
 */
'IMPORT_METHOD_UNSPECIFIED' | 0
/**
 * The material itself is encrypted with RSAES-OAEP (3072-bit key, SHA-256, MGF1-SHA-256,
 * no label). Fits material up to 318 bytes: symmetric, HMAC, Ed25519 and EC keys.
 */
 | 'IMPORT_METHOD_RSA_OAEP_3072_SHA256' | 1
/**
 * As Cloud KMS's RSA_OAEP_3072_SHA256_AES_256: a fresh AES-256 key encrypted with
 * RSAES-OAEP-3072-SHA256, followed by the material wrapped with that key by AES key wrap
 * with padding (RFC 5649). Fits any material, including RSA private keys.
 */
 | 'IMPORT_METHOD_RSA_OAEP_3072_SHA256_AES_256' | 2;
/**
 * How key material is wrapped for ImportCryptoKeyVersion.
 */
export type ImportMethod = typeof ImportMethod[keyof typeof ImportMethod];
