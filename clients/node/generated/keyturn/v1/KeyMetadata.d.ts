// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { RateLimit__Input as _keyturn_v1_RateLimit__Input, RateLimit as _keyturn_v1_RateLimit } from '../../keyturn/v1/RateLimit';
import type { Struct__Input as _google_protobuf_Struct__Input, Struct as _google_protobuf_Struct } from '../../google/protobuf/Struct';
import type { NamedRateLimit__Input as _keyturn_v1_NamedRateLimit__Input, NamedRateLimit as _keyturn_v1_NamedRateLimit } from '../../keyturn/v1/NamedRateLimit';
/**
 * What a key is for and what it may do. Field names follow the reference SDK's KeyMetadata.
 */
export interface KeyMetadata__Input {
    /**
     * Optional. Display name, at most 200 characters.
     */
    'name'?: (string);
    /**
     * Optional. Scopes granted, each matching `[A-Za-z0-9_.:\-* /]{1,64}`; at most 64.
     */
    'scopes'?: (string)[];
    /**
     * Optional. Rate limit enforced by ValidateKey; unset means unlimited.
     */
    'rate_limit'?: (_keyturn_v1_RateLimit__Input | null);
    /**
     * Optional. Arbitrary JSON for the caller (user id, plan...), at most 16 KiB encoded.
     * Returned by ValidateKey. Not a place for secrets.
     */
    'custom'?: (_google_protobuf_Struct__Input | null);
    /**
     * Optional. Further rate limits by name, applied when ValidateKeyRequest.limits names
     * them; at most 16, names unique. `rate_limit` above is the limit named "default".
     */
    'named_limits'?: (_keyturn_v1_NamedRateLimit__Input)[];
}
/**
 * What a key is for and what it may do. Field names follow the reference SDK's KeyMetadata.
 */
export interface KeyMetadata {
    /**
     * Optional. Display name, at most 200 characters.
     */
    'name': (string);
    /**
     * Optional. Scopes granted, each matching `[A-Za-z0-9_.:\-* /]{1,64}`; at most 64.
     */
    'scopes': (string)[];
    /**
     * Optional. Rate limit enforced by ValidateKey; unset means unlimited.
     */
    'rate_limit': (_keyturn_v1_RateLimit | null);
    /**
     * Optional. Arbitrary JSON for the caller (user id, plan...), at most 16 KiB encoded.
     * Returned by ValidateKey. Not a place for secrets.
     */
    'custom': (_google_protobuf_Struct | null);
    /**
     * Optional. Further rate limits by name, applied when ValidateKeyRequest.limits names
     * them; at most 16, names unique. `rate_limit` above is the limit named "default".
     */
    'named_limits': (_keyturn_v1_NamedRateLimit)[];
}
