// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { AccessTokenType__Input as _keyturn_v1_AccessTokenType__Input, AccessTokenType as _keyturn_v1_AccessTokenType } from '../../keyturn/v1/AccessTokenType';
import type { Duration__Input as _google_protobuf_Duration__Input, Duration as _google_protobuf_Duration } from '../../google/protobuf/Duration';
/**
 * Access-token settings of a policy.
 */
export interface TokenPolicy__Input {
    /**
     * Optional. The token type (default JWT).
     */
    'type'?: (_keyturn_v1_AccessTokenType__Input);
    /**
     * Optional. Lifetime when ExchangeKey asks for none (default 5 minutes, at most 1 hour).
     */
    'default_ttl'?: (_google_protobuf_Duration__Input | null);
    /**
     * Optional. The longest lifetime ExchangeKey may grant (at most 1 hour).
     */
    'max_ttl'?: (_google_protobuf_Duration__Input | null);
    /**
     * Optional. Top-level fields of the key's metadata.custom copied into tokens as claims.
     */
    'custom_claims'?: (string)[];
}
/**
 * Access-token settings of a policy.
 */
export interface TokenPolicy {
    /**
     * Optional. The token type (default JWT).
     */
    'type': (_keyturn_v1_AccessTokenType);
    /**
     * Optional. Lifetime when ExchangeKey asks for none (default 5 minutes, at most 1 hour).
     */
    'default_ttl': (_google_protobuf_Duration | null);
    /**
     * Optional. The longest lifetime ExchangeKey may grant (at most 1 hour).
     */
    'max_ttl': (_google_protobuf_Duration | null);
    /**
     * Optional. Top-level fields of the key's metadata.custom copied into tokens as claims.
     */
    'custom_claims': (string)[];
}
