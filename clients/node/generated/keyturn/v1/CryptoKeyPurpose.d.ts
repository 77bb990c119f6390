// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * What a CryptoKey is for. Fixed at creation.
 */
export declare const CryptoKeyPurpose: {
    /**
     * Not given; CreateCryptoKey answers INVALID_ARGUMENT.
     */
    readonly CRYPTO_KEY_PURPOSE_UNSPECIFIED: 'CRYPTO_KEY_PURPOSE_UNSPECIFIED';
    /**
     * Authenticated encryption: EncryptWithKey, DecryptWithKey, ReEncrypt, GenerateDataKey and
     * the batch forms.
     */
    readonly CRYPTO_KEY_PURPOSE_ENCRYPT_DECRYPT: 'CRYPTO_KEY_PURPOSE_ENCRYPT_DECRYPT';
    /**
     * Asymmetric signatures: Sign, Verify, GetPublicKey.
     */
    readonly CRYPTO_KEY_PURPOSE_ASYMMETRIC_SIGN: 'CRYPTO_KEY_PURPOSE_ASYMMETRIC_SIGN';
    /**
     * Message authentication codes: Mac, VerifyMac.
     */
    readonly CRYPTO_KEY_PURPOSE_MAC: 'CRYPTO_KEY_PURPOSE_MAC';
};
/**
 * What a CryptoKey is for. Fixed at creation.
 */
export type CryptoKeyPurpose__Input = 
/**
 * Not given; CreateCryptoKey answers INVALID_ARGUMENT.
 */
'CRYPTO_KEY_PURPOSE_UNSPECIFIED' | 0
/**
 * Authenticated encryption: EncryptWithKey, DecryptWithKey, ReEncrypt, GenerateDataKey and
 * the batch forms.
 */
 | 'CRYPTO_KEY_PURPOSE_ENCRYPT_DECRYPT' | 1
/**
 * Asymmetric signatures: Sign, Verify, GetPublicKey.
 */
 | 'CRYPTO_KEY_PURPOSE_ASYMMETRIC_SIGN' | 2
/**
 * Message authentication codes: Mac, VerifyMac.
 */
 | 'CRYPTO_KEY_PURPOSE_MAC' | 3;
/**
 * What a CryptoKey is for. Fixed at creation.
 */
export type CryptoKeyPurpose = typeof CryptoKeyPurpose[keyof typeof CryptoKeyPurpose];
