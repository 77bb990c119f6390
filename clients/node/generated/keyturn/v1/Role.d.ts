// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * What a role binding allows.
 */
export declare const Role: {
    /**
     * Not given; invalid in a binding.
     */
    readonly ROLE_UNSPECIFIED: 'ROLE_UNSPECIFIED';
    /**
     * Everything, in every organization. Bindings with this role have no organization.
     */
    readonly ROLE_ADMIN: 'ROLE_ADMIN';
    /**
     * One organization: its projects, products, keys, principals, audit events.
     */
    readonly ROLE_ORG_ADMIN: 'ROLE_ORG_ADMIN';
    /**
     * Create, update, rotate, revoke, delete, get and list keys of one organization
     * (optionally of one project).
     */
    readonly ROLE_KEY_MANAGER: 'ROLE_KEY_MANAGER';
    /**
     * Read audit events and usage reports of one organization.
     */
    readonly ROLE_AUDITOR: 'ROLE_AUDITOR';
    /**
     * Only ValidateKey, for keys of one organization (optionally of one product).
     */
    readonly ROLE_VALIDATOR: 'ROLE_VALIDATOR';
    /**
     * CryptoService.
     */
    readonly ROLE_CRYPTO: 'ROLE_CRYPTO';
    /**
     * Managed keys of one organization: create, update, rotate, enable, disable, destroy,
     * restore, import, get and list (no use of the material).
     */
    readonly ROLE_CRYPTO_KEY_ADMIN: 'ROLE_CRYPTO_KEY_ADMIN';
    /**
     * Encrypt, decrypt, re-encrypt and generate data keys with the managed keys of one
     * organization, and get and list them.
     */
    readonly ROLE_CRYPTO_KEY_ENCRYPTER_DECRYPTER: 'ROLE_CRYPTO_KEY_ENCRYPTER_DECRYPTER';
    /**
     * Sign, verify, get public keys, compute and verify MACs with the managed keys of one
     * organization, and get and list them.
     */
    readonly ROLE_CRYPTO_KEY_SIGNER_VERIFIER: 'ROLE_CRYPTO_KEY_SIGNER_VERIFIER';
    /**
     * Only ReportLeakedKeys, in every organization: a secret scanner. Global (no
     * organization in the binding): a scanner finds keys of any tenant, and learns only
     * whether each string was a live key (which reporting revokes by default).
     */
    readonly ROLE_LEAK_REPORTER: 'ROLE_LEAK_REPORTER';
    /**
     * RevealKey (the plaintext of recoverable keys) and GetKey, for keys of one
     * organization. Granted on its own: neither KEY_MANAGER nor ORG_ADMIN includes it.
     */
    readonly ROLE_KEY_REVEALER: 'ROLE_KEY_REVEALER';
};
/**
 * What a role binding allows.
 */
export type Role__Input = 
/**
 * Not given; invalid in a binding.
 */
'ROLE_UNSPECIFIED' | 0
/**
 * Everything, in every organization. Bindings with this role have no organization.
 */
 | 'ROLE_ADMIN' | 1
/**
 * One organization: its projects, products, keys, principals, audit events.
 */
 | 'ROLE_ORG_ADMIN' | 2
/**
 * Create, update, rotate, revoke, delete, get and list keys of one organization
 * (optionally of one project).
 */
 | 'ROLE_KEY_MANAGER' | 3
/**
 * Read audit events and usage reports of one organization.
 */
 | 'ROLE_AUDITOR' | 4
/**
 * Only ValidateKey, for keys of one organization (optionally of one product).
 */
 | 'ROLE_VALIDATOR' | 5
/**
 * CryptoService.
 */
 | 'ROLE_CRYPTO' | 6
/**
 * Managed keys of one organization: create, update, rotate, enable, disable, destroy,
 * restore, import, get and list (no use of the material).
 */
 | 'ROLE_CRYPTO_KEY_ADMIN' | 7
/**
 * Encrypt, decrypt, re-encrypt and generate data keys with the managed keys of one
 * organization, and get and list them.
 */
 | 'ROLE_CRYPTO_KEY_ENCRYPTER_DECRYPTER' | 8
/**
 * Sign, verify, get public keys, compute and verify MACs with the managed keys of one
 * organization, and get and list them.
 */
 | 'ROLE_CRYPTO_KEY_SIGNER_VERIFIER' | 9
/**
 * Only ReportLeakedKeys, in every organization: a secret scanner. Global (no
 * organization in the binding): a scanner finds keys of any tenant, and learns only
 * whether each string was a live key (which reporting revokes by default).
 */
 | 'ROLE_LEAK_REPORTER' | 11
/**
 * RevealKey (the plaintext of recoverable keys) and GetKey, for keys of one
 * organization. Granted on its own: neither KEY_MANAGER nor ORG_ADMIN includes it.
 */
 | 'ROLE_KEY_REVEALER' | 10;
/**
 * What a role binding allows.
 */
export type Role = typeof Role[keyof typeof Role];
