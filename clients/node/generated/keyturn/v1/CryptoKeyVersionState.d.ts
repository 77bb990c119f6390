// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * The lifecycle state of a CryptoKeyVersion.
 */
export declare const CryptoKeyVersionState: {
    /**
     * Never returned for a stored version.
     */
    readonly CRYPTO_KEY_VERSION_STATE_UNSPECIFIED: 'CRYPTO_KEY_VERSION_STATE_UNSPECIFIED';
    /**
     * Usable for every operation of the key's purpose.
     */
    readonly CRYPTO_KEY_VERSION_STATE_ENABLED: 'CRYPTO_KEY_VERSION_STATE_ENABLED';
    /**
     * Not usable (CRYPTO_KEY_VERSION_DISABLED) until EnableCryptoKeyVersion.
     */
    readonly CRYPTO_KEY_VERSION_STATE_DISABLED: 'CRYPTO_KEY_VERSION_STATE_DISABLED';
    /**
     * Not usable; its material is destroyed at destroy_time unless
     * RestoreCryptoKeyVersion runs first (it then becomes DISABLED).
     */
    readonly CRYPTO_KEY_VERSION_STATE_DESTROY_SCHEDULED: 'CRYPTO_KEY_VERSION_STATE_DESTROY_SCHEDULED';
    /**
     * The material is gone for good (CRYPTO_KEY_VERSION_DESTROYED); the record stays.
     */
    readonly CRYPTO_KEY_VERSION_STATE_DESTROYED: 'CRYPTO_KEY_VERSION_STATE_DESTROYED';
};
/**
 * The lifecycle state of a CryptoKeyVersion.
 */
export type CryptoKeyVersionState__Input = 
/**
 * Never returned for a stored version.
 */
'CRYPTO_KEY_VERSION_STATE_UNSPECIFIED' | 0
/**
 * Usable for every operation of the key's purpose.
 */
 | 'CRYPTO_KEY_VERSION_STATE_ENABLED' | 1
/**
 * Not usable (CRYPTO_KEY_VERSION_DISABLED) until EnableCryptoKeyVersion.
 */
 | 'CRYPTO_KEY_VERSION_STATE_DISABLED' | 2
/**
 * Not usable; its material is destroyed at destroy_time unless
 * RestoreCryptoKeyVersion runs first (it then becomes DISABLED).
 */
 | 'CRYPTO_KEY_VERSION_STATE_DESTROY_SCHEDULED' | 3
/**
 * The material is gone for good (CRYPTO_KEY_VERSION_DESTROYED); the record stays.
 */
 | 'CRYPTO_KEY_VERSION_STATE_DESTROYED' | 4;
/**
 * The lifecycle state of a CryptoKeyVersion.
 */
export type CryptoKeyVersionState = typeof CryptoKeyVersionState[keyof typeof CryptoKeyVersionState];
