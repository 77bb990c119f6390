// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { KeyMetadata__Input as _keyturn_v1_KeyMetadata__Input, KeyMetadata as _keyturn_v1_KeyMetadata } from '../../keyturn/v1/KeyMetadata';
import type { Timestamp__Input as _google_protobuf_Timestamp__Input, Timestamp as _google_protobuf_Timestamp } from '../../google/protobuf/Timestamp';
import type { Environment__Input as _keyturn_v1_Environment__Input, Environment as _keyturn_v1_Environment } from '../../keyturn/v1/Environment';
import type { ImportedHashAlgorithm__Input as _keyturn_v1_ImportedHashAlgorithm__Input, ImportedHashAlgorithm as _keyturn_v1_ImportedHashAlgorithm } from '../../keyturn/v1/ImportedHashAlgorithm';
/**
 * One key to import: where it goes, its settings (as CreateKey takes them) and its hash.
 */
export interface ImportedKey__Input {
    /**
     * Required. The owning organization.
     */
    'organization_id'?: (string);
    /**
     * Optional. Scope the key to this project of the organization.
     */
    'project_id'?: (string);
    /**
     * Optional. Scope the key to this product of the organization (linked to project_id when
     * both are given).
     */
    'product_id'?: (string);
    /**
     * Optional. Name, scopes, rate limit and custom data, as for CreateKey.
     */
    'metadata'?: (_keyturn_v1_KeyMetadata__Input | null);
    /**
     * Optional. When the key expires; must be in the future. Unset means never.
     */
    'expire_time'?: (_google_protobuf_Timestamp__Input | null);
    /**
     * Optional. IPv4/IPv6 CIDR networks the key may be used from; at most 64.
     */
    'allowed_cidrs'?: (string)[];
    /**
     * Optional. The key's environment (default LIVE).
     */
    'environment'?: (_keyturn_v1_Environment__Input);
    /**
     * Required. How `hash` was made.
     */
    'algorithm'?: (_keyturn_v1_ImportedHashAlgorithm__Input);
    /**
     * Required. The stored hash: hex (either case) or standard/URL-safe base64 of the digest
     * for SHA-256, SHA-512 and HMAC-SHA256; the `$2b$...` string for bcrypt. Unique across the
     * server (a hash already stored gets KEY_HASH_EXISTS).
     */
    'hash'?: (string);
    /**
     * Required for BCRYPT, optional otherwise. The key's first characters as the old system
     * stored them for display (4..32 characters, not secret; e.g. `sk_live_AbCd`): a bcrypt
     * key is found by this prefix of the presented plaintext, then compared against at most
     * 8 candidates sharing it. Becomes ApiKey.start.
     */
    'lookup_hint'?: (string);
    /**
     * Optional. The key's id in the old system, 1..200 characters, unique within the
     * organization (a repeat gets ALREADY_EXISTS with the existing key's id): makes a retried
     * import safe. Echoed in the result and the audit record.
     */
    'external_id'?: (string);
}
/**
 * One key to import: where it goes, its settings (as CreateKey takes them) and its hash.
 */
export interface ImportedKey {
    /**
     * Required. The owning organization.
     */
    'organization_id': (string);
    /**
     * Optional. Scope the key to this project of the organization.
     */
    'project_id': (string);
    /**
     * Optional. Scope the key to this product of the organization (linked to project_id when
     * both are given).
     */
    'product_id': (string);
    /**
     * Optional. Name, scopes, rate limit and custom data, as for CreateKey.
     */
    'metadata': (_keyturn_v1_KeyMetadata | null);
    /**
     * Optional. When the key expires; must be in the future. Unset means never.
     */
    'expire_time': (_google_protobuf_Timestamp | null);
    /**
     * Optional. IPv4/IPv6 CIDR networks the key may be used from; at most 64.
     */
    'allowed_cidrs': (string)[];
    /**
     * Optional. The key's environment (default LIVE).
     */
    'environment': (_keyturn_v1_Environment);
    /**
     * Required. How `hash` was made.
     */
    'algorithm': (_keyturn_v1_ImportedHashAlgorithm);
    /**
     * Required. The stored hash: hex (either case) or standard/URL-safe base64 of the digest
     * for SHA-256, SHA-512 and HMAC-SHA256; the `$2b$...` string for bcrypt. Unique across the
     * server (a hash already stored gets KEY_HASH_EXISTS).
     */
    'hash': (string);
    /**
     * Required for BCRYPT, optional otherwise. The key's first characters as the old system
     * stored them for display (4..32 characters, not secret; e.g. `sk_live_AbCd`): a bcrypt
     * key is found by this prefix of the presented plaintext, then compared against at most
     * 8 candidates sharing it. Becomes ApiKey.start.
     */
    'lookup_hint': (string);
    /**
     * Optional. The key's id in the old system, 1..200 characters, unique within the
     * organization (a repeat gets ALREADY_EXISTS with the existing key's id): makes a retried
     * import safe. Echoed in the result and the audit record.
     */
    'external_id': (string);
}
