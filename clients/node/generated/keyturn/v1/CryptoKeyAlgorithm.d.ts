// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * The algorithm of a CryptoKey and of all its versions. Each belongs to one purpose.
 */
export declare const CryptoKeyAlgorithm: {
    /**
     * Not given; CreateCryptoKey answers INVALID_ARGUMENT.
     */
    readonly CRYPTO_KEY_ALGORITHM_UNSPECIFIED: 'CRYPTO_KEY_ALGORITHM_UNSPECIFIED';
    /**
     * ENCRYPT_DECRYPT: AES-256 in GCM mode, 96-bit random nonce, 128-bit tag.
     */
    readonly CRYPTO_KEY_ALGORITHM_AES_256_GCM: 'CRYPTO_KEY_ALGORITHM_AES_256_GCM';
    /**
     * ENCRYPT_DECRYPT: ChaCha20-Poly1305 (RFC 8439), 96-bit random nonce.
     */
    readonly CRYPTO_KEY_ALGORITHM_CHACHA20_POLY1305: 'CRYPTO_KEY_ALGORITHM_CHACHA20_POLY1305';
    /**
     * ASYMMETRIC_SIGN: Ed25519 (RFC 8032) over the message itself.
     */
    readonly CRYPTO_KEY_ALGORITHM_ED25519: 'CRYPTO_KEY_ALGORITHM_ED25519';
    /**
     * ASYMMETRIC_SIGN: ECDSA on NIST P-256 with SHA-256; DER-encoded signatures.
     */
    readonly CRYPTO_KEY_ALGORITHM_ECDSA_P256_SHA256: 'CRYPTO_KEY_ALGORITHM_ECDSA_P256_SHA256';
    /**
     * ASYMMETRIC_SIGN: ECDSA on NIST P-384 with SHA-384; DER-encoded signatures.
     */
    readonly CRYPTO_KEY_ALGORITHM_ECDSA_P384_SHA384: 'CRYPTO_KEY_ALGORITHM_ECDSA_P384_SHA384';
    /**
     * ASYMMETRIC_SIGN: RSASSA-PSS, 2048-bit modulus, SHA-256, MGF1-SHA-256, 32-byte salt.
     */
    readonly CRYPTO_KEY_ALGORITHM_RSA_PSS_2048_SHA256: 'CRYPTO_KEY_ALGORITHM_RSA_PSS_2048_SHA256';
    /**
     * ASYMMETRIC_SIGN: RSASSA-PSS, 3072-bit modulus, SHA-256, MGF1-SHA-256, 32-byte salt.
     */
    readonly CRYPTO_KEY_ALGORITHM_RSA_PSS_3072_SHA256: 'CRYPTO_KEY_ALGORITHM_RSA_PSS_3072_SHA256';
    /**
     * ASYMMETRIC_SIGN: RSASSA-PSS, 4096-bit modulus, SHA-256, MGF1-SHA-256, 32-byte salt.
     */
    readonly CRYPTO_KEY_ALGORITHM_RSA_PSS_4096_SHA256: 'CRYPTO_KEY_ALGORITHM_RSA_PSS_4096_SHA256';
    /**
     * MAC: HMAC-SHA256 with a 256-bit key.
     */
    readonly CRYPTO_KEY_ALGORITHM_HMAC_SHA256: 'CRYPTO_KEY_ALGORITHM_HMAC_SHA256';
    /**
     * MAC: HMAC-SHA512 with a 512-bit key.
     */
    readonly CRYPTO_KEY_ALGORITHM_HMAC_SHA512: 'CRYPTO_KEY_ALGORITHM_HMAC_SHA512';
};
/**
 * The algorithm of a CryptoKey and of all its versions. Each belongs to one purpose.
 */
export type CryptoKeyAlgorithm__Input = 
/**
 * Not given; CreateCryptoKey answers INVALID_ARGUMENT.
 */
'CRYPTO_KEY_ALGORITHM_UNSPECIFIED' | 0
/**
 * ENCRYPT_DECRYPT: AES-256 in GCM mode, 96-bit random nonce, 128-bit tag.
 */
 | 'CRYPTO_KEY_ALGORITHM_AES_256_GCM' | 1
/**
 * ENCRYPT_DECRYPT: ChaCha20-Poly1305 (RFC 8439), 96-bit random nonce.
 */
 | 'CRYPTO_KEY_ALGORITHM_CHACHA20_POLY1305' | 2
/**
 * ASYMMETRIC_SIGN: Ed25519 (RFC 8032) over the message itself.
 */
 | 'CRYPTO_KEY_ALGORITHM_ED25519' | 3
/**
 * ASYMMETRIC_SIGN: ECDSA on NIST P-256 with SHA-256; DER-encoded signatures.
 */
 | 'CRYPTO_KEY_ALGORITHM_ECDSA_P256_SHA256' | 4
/**
 * ASYMMETRIC_SIGN: ECDSA on NIST P-384 with SHA-384; DER-encoded signatures.
 */
 | 'CRYPTO_KEY_ALGORITHM_ECDSA_P384_SHA384' | 5
/**
 * ASYMMETRIC_SIGN: RSASSA-PSS, 2048-bit modulus, SHA-256, MGF1-SHA-256, 32-byte salt.
 */
 | 'CRYPTO_KEY_ALGORITHM_RSA_PSS_2048_SHA256' | 6
/**
 * ASYMMETRIC_SIGN: RSASSA-PSS, 3072-bit modulus, SHA-256, MGF1-SHA-256, 32-byte salt.
 */
 | 'CRYPTO_KEY_ALGORITHM_RSA_PSS_3072_SHA256' | 7
/**
 * ASYMMETRIC_SIGN: RSASSA-PSS, 4096-bit modulus, SHA-256, MGF1-SHA-256, 32-byte salt.
 */
 | 'CRYPTO_KEY_ALGORITHM_RSA_PSS_4096_SHA256' | 8
/**
 * MAC: HMAC-SHA256 with a 256-bit key.
 */
 | 'CRYPTO_KEY_ALGORITHM_HMAC_SHA256' | 9
/**
 * MAC: HMAC-SHA512 with a 512-bit key.
 */
 | 'CRYPTO_KEY_ALGORITHM_HMAC_SHA512' | 10;
/**
 * The algorithm of a CryptoKey and of all its versions. Each belongs to one purpose.
 */
export type CryptoKeyAlgorithm = typeof CryptoKeyAlgorithm[keyof typeof CryptoKeyAlgorithm];
