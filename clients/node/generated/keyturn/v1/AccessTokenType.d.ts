// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
/**
 * What ValidateKey's companion ExchangeKey hands out (the reference's TokenType).
 */
export declare const AccessTokenType: {
    /**
     * Not given: JWT.
     */
    readonly ACCESS_TOKEN_TYPE_UNSPECIFIED: 'ACCESS_TOKEN_TYPE_UNSPECIFIED';
    /**
     * ExchangeKey returns a signed JWT, verifiable offline against the organization's JWKS.
     */
    readonly ACCESS_TOKEN_TYPE_JWT: 'ACCESS_TOKEN_TYPE_JWT';
    /**
     * ExchangeKey is refused: callers validate the API key itself (ValidateKey) on each call.
     */
    readonly ACCESS_TOKEN_TYPE_OPAQUE: 'ACCESS_TOKEN_TYPE_OPAQUE';
};
/**
 * What ValidateKey's companion ExchangeKey hands out (the reference's TokenType).
 */
export type AccessTokenType__Input = 
/**
 * Not given: JWT.
 */
'ACCESS_TOKEN_TYPE_UNSPECIFIED' | 0
/**
 * ExchangeKey returns a signed JWT, verifiable offline against the organization's JWKS.
 */
 | 'ACCESS_TOKEN_TYPE_JWT' | 1
/**
 * ExchangeKey is refused: callers validate the API key itself (ValidateKey) on each call.
 */
 | 'ACCESS_TOKEN_TYPE_OPAQUE' | 2;
/**
 * What ValidateKey's companion ExchangeKey hands out (the reference's TokenType).
 */
export type AccessTokenType = typeof AccessTokenType[keyof typeof AccessTokenType];
