// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type * as grpc from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import type { ExchangeKeyRequest__Input as _keyturn_v1_ExchangeKeyRequest__Input, ExchangeKeyRequest as _keyturn_v1_ExchangeKeyRequest } from '../../keyturn/v1/ExchangeKeyRequest';
import type { ExchangeKeyResponse__Input as _keyturn_v1_ExchangeKeyResponse__Input, ExchangeKeyResponse as _keyturn_v1_ExchangeKeyResponse } from '../../keyturn/v1/ExchangeKeyResponse';
import type { GetJwksRequest__Input as _keyturn_v1_GetJwksRequest__Input, GetJwksRequest as _keyturn_v1_GetJwksRequest } from '../../keyturn/v1/GetJwksRequest';
import type { Jwks__Input as _keyturn_v1_Jwks__Input, Jwks as _keyturn_v1_Jwks } from '../../keyturn/v1/Jwks';
/**
 * TokenService turns an API key into a short-lived signed access token (a JWT) that
 * services verify offline against the organization's published public keys (JWKS), with
 * no call to Keyturn per request.
 *
 * Tokens are signed by a managed ASYMMETRIC_SIGN CryptoKey of the organization named
 * `keyturn.access-tokens` (created on first use; Ed25519 by default, ECDSA P-256 by server
 * setting), whose private material never leaves the server. Revocation bound: a token of a
 * revoked key stays valid until its exp (at most one hour); a verifier that follows key
 * events refuses it at once.
 */
export interface TokenServiceClient extends grpc.Client {
    /**
     * Validates the API key exactly as KeyService.ValidateKey does (every check, the rate
     * limit's quota, usage, audit) and answers with a signed access token for it. Fails
     * with the error ValidateKey would answer for the same key, and with
     * FAILED_PRECONDITION (metadata `tokenType: OPAQUE`) when the key policy of the key's
     * project sets token.type OPAQUE.
     */
    ExchangeKey(argument: _keyturn_v1_ExchangeKeyRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ExchangeKeyResponse>): grpc.ClientUnaryCall;
    ExchangeKey(argument: _keyturn_v1_ExchangeKeyRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_ExchangeKeyResponse>): grpc.ClientUnaryCall;
    ExchangeKey(argument: _keyturn_v1_ExchangeKeyRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ExchangeKeyResponse>): grpc.ClientUnaryCall;
    ExchangeKey(argument: _keyturn_v1_ExchangeKeyRequest__Input, callback: grpc.requestCallback<_keyturn_v1_ExchangeKeyResponse>): grpc.ClientUnaryCall;
    /**
     * Validates the API key exactly as KeyService.ValidateKey does (every check, the rate
     * limit's quota, usage, audit) and answers with a signed access token for it. Fails
     * with the error ValidateKey would answer for the same key, and with
     * FAILED_PRECONDITION (metadata `tokenType: OPAQUE`) when the key policy of the key's
     * project sets token.type OPAQUE.
     */
    exchangeKey(argument: _keyturn_v1_ExchangeKeyRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ExchangeKeyResponse>): grpc.ClientUnaryCall;
    exchangeKey(argument: _keyturn_v1_ExchangeKeyRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_ExchangeKeyResponse>): grpc.ClientUnaryCall;
    exchangeKey(argument: _keyturn_v1_ExchangeKeyRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ExchangeKeyResponse>): grpc.ClientUnaryCall;
    exchangeKey(argument: _keyturn_v1_ExchangeKeyRequest__Input, callback: grpc.requestCallback<_keyturn_v1_ExchangeKeyResponse>): grpc.ClientUnaryCall;
    /**
     * The organization's public token-signing keys as a JSON Web Key Set (RFC 7517). Needs
     * no caller credentials. After a rotation of the signing key the previous key stays
     * listed until every token it signed has expired. Over HTTP the same document is served
     * at `/v1/organizations/{organization_id}/jwks.json` and, for every organization, at
     * `/.well-known/jwks.json`, with cache headers.
     */
    GetJwks(argument: _keyturn_v1_GetJwksRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_Jwks>): grpc.ClientUnaryCall;
    GetJwks(argument: _keyturn_v1_GetJwksRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_Jwks>): grpc.ClientUnaryCall;
    GetJwks(argument: _keyturn_v1_GetJwksRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_Jwks>): grpc.ClientUnaryCall;
    GetJwks(argument: _keyturn_v1_GetJwksRequest__Input, callback: grpc.requestCallback<_keyturn_v1_Jwks>): grpc.ClientUnaryCall;
    /**
     * The organization's public token-signing keys as a JSON Web Key Set (RFC 7517). Needs
     * no caller credentials. After a rotation of the signing key the previous key stays
     * listed until every token it signed has expired. Over HTTP the same document is served
     * at `/v1/organizations/{organization_id}/jwks.json` and, for every organization, at
     * `/.well-known/jwks.json`, with cache headers.
     */
    getJwks(argument: _keyturn_v1_GetJwksRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_Jwks>): grpc.ClientUnaryCall;
    getJwks(argument: _keyturn_v1_GetJwksRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_Jwks>): grpc.ClientUnaryCall;
    getJwks(argument: _keyturn_v1_GetJwksRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_Jwks>): grpc.ClientUnaryCall;
    getJwks(argument: _keyturn_v1_GetJwksRequest__Input, callback: grpc.requestCallback<_keyturn_v1_Jwks>): grpc.ClientUnaryCall;
}
/**
 * TokenService turns an API key into a short-lived signed access token (a JWT) that
 * services verify offline against the organization's published public keys (JWKS), with
 * no call to Keyturn per request.
 *
 * Tokens are signed by a managed ASYMMETRIC_SIGN CryptoKey of the organization named
 * `keyturn.access-tokens` (created on first use; Ed25519 by default, ECDSA P-256 by server
 * setting), whose private material never leaves the server. Revocation bound: a token of a
 * revoked key stays valid until its exp (at most one hour); a verifier that follows key
 * events refuses it at once.
 */
export interface TokenServiceHandlers extends grpc.UntypedServiceImplementation {
    /**
     * Validates the API key exactly as KeyService.ValidateKey does (every check, the rate
     * limit's quota, usage, audit) and answers with a signed access token for it. Fails
     * with the error ValidateKey would answer for the same key, and with
     * FAILED_PRECONDITION (metadata `tokenType: OPAQUE`) when the key policy of the key's
     * project sets token.type OPAQUE.
     */
    ExchangeKey: grpc.handleUnaryCall<_keyturn_v1_ExchangeKeyRequest, _keyturn_v1_ExchangeKeyResponse__Input>;
    /**
     * The organization's public token-signing keys as a JSON Web Key Set (RFC 7517). Needs
     * no caller credentials. After a rotation of the signing key the previous key stays
     * listed until every token it signed has expired. Over HTTP the same document is served
     * at `/v1/organizations/{organization_id}/jwks.json` and, for every organization, at
     * `/.well-known/jwks.json`, with cache headers.
     */
    GetJwks: grpc.handleUnaryCall<_keyturn_v1_GetJwksRequest, _keyturn_v1_Jwks__Input>;
}
export interface TokenServiceDefinition extends grpc.ServiceDefinition {
    ExchangeKey: MethodDefinition<_keyturn_v1_ExchangeKeyRequest__Input, _keyturn_v1_ExchangeKeyResponse__Input, _keyturn_v1_ExchangeKeyRequest, _keyturn_v1_ExchangeKeyResponse>;
    GetJwks: MethodDefinition<_keyturn_v1_GetJwksRequest__Input, _keyturn_v1_Jwks__Input, _keyturn_v1_GetJwksRequest, _keyturn_v1_Jwks>;
}
