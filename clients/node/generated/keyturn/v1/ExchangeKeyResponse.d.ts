// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type { Timestamp__Input as _google_protobuf_Timestamp__Input, Timestamp as _google_protobuf_Timestamp } from '../../google/protobuf/Timestamp';
import type { RateLimitStatus__Input as _keyturn_v1_RateLimitStatus__Input, RateLimitStatus as _keyturn_v1_RateLimitStatus } from '../../keyturn/v1/RateLimitStatus';
import type { Long } from '@grpc/proto-loader';
/**
 * Response of TokenService.ExchangeKey.
 */
export interface ExchangeKeyResponse__Input {
    /**
     * Output only. The access token: a compact JWS (JWT) with header `alg` (EdDSA or
     * ES256), `kid` and `typ: at+jwt`; claims iss, sub (the key id), org, project, product,
     * scopes, custom, iat, nbf, exp, jti and, when asked for, aud.
     */
    'access_token'?: (string);
    /**
     * Output only. Always `Bearer`: how to present the token (`authorization: Bearer ...`).
     */
    'token_type'?: (string);
    /**
     * Output only. The token's exp: issue time plus ttl, or the key's expire_time when that
     * comes first (a token never outlives its key).
     */
    'expire_time'?: (_google_protobuf_Timestamp__Input | null);
    /**
     * Output only. Seconds from issue to expiry (the ttl).
     */
    'expires_in'?: (number | string | Long);
    /**
     * Output only. The id of the API key the token stands for (the `sub` claim).
     */
    'key_id'?: (string);
    /**
     * Output only. The `kid` of the signing key, as listed by GetJwks.
     */
    'kid'?: (string);
    /**
     * Output only. The token's unique id (the `jti` claim).
     */
    'jti'?: (string);
    /**
     * Output only. The rate-limit state after the validation; unset when the key has none.
     */
    'rate_limit'?: (_keyturn_v1_RateLimitStatus__Input | null);
}
/**
 * Response of TokenService.ExchangeKey.
 */
export interface ExchangeKeyResponse {
    /**
     * Output only. The access token: a compact JWS (JWT) with header `alg` (EdDSA or
     * ES256), `kid` and `typ: at+jwt`; claims iss, sub (the key id), org, project, product,
     * scopes, custom, iat, nbf, exp, jti and, when asked for, aud.
     */
    'access_token': (string);
    /**
     * Output only. Always `Bearer`: how to present the token (`authorization: Bearer ...`).
     */
    'token_type': (string);
    /**
     * Output only. The token's exp: issue time plus ttl, or the key's expire_time when that
     * comes first (a token never outlives its key).
     */
    'expire_time': (_google_protobuf_Timestamp | null);
    /**
     * Output only. Seconds from issue to expiry (the ttl).
     */
    'expires_in': (string);
    /**
     * Output only. The id of the API key the token stands for (the `sub` claim).
     */
    'key_id': (string);
    /**
     * Output only. The `kid` of the signing key, as listed by GetJwks.
     */
    'kid': (string);
    /**
     * Output only. The token's unique id (the `jti` claim).
     */
    'jti': (string);
    /**
     * Output only. The rate-limit state after the validation; unset when the key has none.
     */
    'rate_limit': (_keyturn_v1_RateLimitStatus | null);
}
