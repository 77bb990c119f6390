// Generated from the keyturn.v1 protos by scripts/generate-types.js (proto-loader-gen-types, then tsc).
// DO NOT EDIT: change the .proto files and rerun it; tests/test_client_node.py fails when this is stale.
import type * as grpc from '@grpc/grpc-js';
import type { MethodDefinition } from '@grpc/proto-loader';
import type { CreatePrincipalRequest__Input as _keyturn_v1_CreatePrincipalRequest__Input, CreatePrincipalRequest as _keyturn_v1_CreatePrincipalRequest } from '../../keyturn/v1/CreatePrincipalRequest';
import type { CreatePrincipalTokenRequest__Input as _keyturn_v1_CreatePrincipalTokenRequest__Input, CreatePrincipalTokenRequest as _keyturn_v1_CreatePrincipalTokenRequest } from '../../keyturn/v1/CreatePrincipalTokenRequest';
import type { CreatePrincipalTokenResponse__Input as _keyturn_v1_CreatePrincipalTokenResponse__Input, CreatePrincipalTokenResponse as _keyturn_v1_CreatePrincipalTokenResponse } from '../../keyturn/v1/CreatePrincipalTokenResponse';
import type { GetCallerIdentityRequest__Input as _keyturn_v1_GetCallerIdentityRequest__Input, GetCallerIdentityRequest as _keyturn_v1_GetCallerIdentityRequest } from '../../keyturn/v1/GetCallerIdentityRequest';
import type { GetCallerIdentityResponse__Input as _keyturn_v1_GetCallerIdentityResponse__Input, GetCallerIdentityResponse as _keyturn_v1_GetCallerIdentityResponse } from '../../keyturn/v1/GetCallerIdentityResponse';
import type { GetPrincipalRequest__Input as _keyturn_v1_GetPrincipalRequest__Input, GetPrincipalRequest as _keyturn_v1_GetPrincipalRequest } from '../../keyturn/v1/GetPrincipalRequest';
import type { ListPrincipalTokensRequest__Input as _keyturn_v1_ListPrincipalTokensRequest__Input, ListPrincipalTokensRequest as _keyturn_v1_ListPrincipalTokensRequest } from '../../keyturn/v1/ListPrincipalTokensRequest';
import type { ListPrincipalTokensResponse__Input as _keyturn_v1_ListPrincipalTokensResponse__Input, ListPrincipalTokensResponse as _keyturn_v1_ListPrincipalTokensResponse } from '../../keyturn/v1/ListPrincipalTokensResponse';
import type { ListPrincipalsRequest__Input as _keyturn_v1_ListPrincipalsRequest__Input, ListPrincipalsRequest as _keyturn_v1_ListPrincipalsRequest } from '../../keyturn/v1/ListPrincipalsRequest';
import type { ListPrincipalsResponse__Input as _keyturn_v1_ListPrincipalsResponse__Input, ListPrincipalsResponse as _keyturn_v1_ListPrincipalsResponse } from '../../keyturn/v1/ListPrincipalsResponse';
import type { Principal__Input as _keyturn_v1_Principal__Input, Principal as _keyturn_v1_Principal } from '../../keyturn/v1/Principal';
import type { PrincipalToken__Input as _keyturn_v1_PrincipalToken__Input, PrincipalToken as _keyturn_v1_PrincipalToken } from '../../keyturn/v1/PrincipalToken';
import type { RevokePrincipalTokenRequest__Input as _keyturn_v1_RevokePrincipalTokenRequest__Input, RevokePrincipalTokenRequest as _keyturn_v1_RevokePrincipalTokenRequest } from '../../keyturn/v1/RevokePrincipalTokenRequest';
import type { UpdatePrincipalRequest__Input as _keyturn_v1_UpdatePrincipalRequest__Input, UpdatePrincipalRequest as _keyturn_v1_UpdatePrincipalRequest } from '../../keyturn/v1/UpdatePrincipalRequest';
/**
 * AccessService manages who may call Keyturn: principals, their roles and their tokens.
 *
 * Every RPC of every Keyturn service (except health checking and reflection) requires an
 * authenticated caller: `authorization: Bearer <token>` metadata carrying a principal
 * token (`kta_...`), or a TLS client certificate mapped to a principal.
 */
export interface AccessServiceClient extends grpc.Client {
    /**
     * Creates a principal with roles.
     */
    CreatePrincipal(argument: _keyturn_v1_CreatePrincipalRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_Principal>): grpc.ClientUnaryCall;
    CreatePrincipal(argument: _keyturn_v1_CreatePrincipalRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_Principal>): grpc.ClientUnaryCall;
    CreatePrincipal(argument: _keyturn_v1_CreatePrincipalRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_Principal>): grpc.ClientUnaryCall;
    CreatePrincipal(argument: _keyturn_v1_CreatePrincipalRequest__Input, callback: grpc.requestCallback<_keyturn_v1_Principal>): grpc.ClientUnaryCall;
    /**
     * Creates a principal with roles.
     */
    createPrincipal(argument: _keyturn_v1_CreatePrincipalRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_Principal>): grpc.ClientUnaryCall;
    createPrincipal(argument: _keyturn_v1_CreatePrincipalRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_Principal>): grpc.ClientUnaryCall;
    createPrincipal(argument: _keyturn_v1_CreatePrincipalRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_Principal>): grpc.ClientUnaryCall;
    createPrincipal(argument: _keyturn_v1_CreatePrincipalRequest__Input, callback: grpc.requestCallback<_keyturn_v1_Principal>): grpc.ClientUnaryCall;
    /**
     * Issues a bearer token for a principal. The plaintext is returned once.
     */
    CreatePrincipalToken(argument: _keyturn_v1_CreatePrincipalTokenRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_CreatePrincipalTokenResponse>): grpc.ClientUnaryCall;
    CreatePrincipalToken(argument: _keyturn_v1_CreatePrincipalTokenRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_CreatePrincipalTokenResponse>): grpc.ClientUnaryCall;
    CreatePrincipalToken(argument: _keyturn_v1_CreatePrincipalTokenRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_CreatePrincipalTokenResponse>): grpc.ClientUnaryCall;
    CreatePrincipalToken(argument: _keyturn_v1_CreatePrincipalTokenRequest__Input, callback: grpc.requestCallback<_keyturn_v1_CreatePrincipalTokenResponse>): grpc.ClientUnaryCall;
    /**
     * Issues a bearer token for a principal. The plaintext is returned once.
     */
    createPrincipalToken(argument: _keyturn_v1_CreatePrincipalTokenRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_CreatePrincipalTokenResponse>): grpc.ClientUnaryCall;
    createPrincipalToken(argument: _keyturn_v1_CreatePrincipalTokenRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_CreatePrincipalTokenResponse>): grpc.ClientUnaryCall;
    createPrincipalToken(argument: _keyturn_v1_CreatePrincipalTokenRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_CreatePrincipalTokenResponse>): grpc.ClientUnaryCall;
    createPrincipalToken(argument: _keyturn_v1_CreatePrincipalTokenRequest__Input, callback: grpc.requestCallback<_keyturn_v1_CreatePrincipalTokenResponse>): grpc.ClientUnaryCall;
    /**
     * Returns the calling principal and its roles. Any authenticated caller may ask.
     */
    GetCallerIdentity(argument: _keyturn_v1_GetCallerIdentityRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_GetCallerIdentityResponse>): grpc.ClientUnaryCall;
    GetCallerIdentity(argument: _keyturn_v1_GetCallerIdentityRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_GetCallerIdentityResponse>): grpc.ClientUnaryCall;
    GetCallerIdentity(argument: _keyturn_v1_GetCallerIdentityRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_GetCallerIdentityResponse>): grpc.ClientUnaryCall;
    GetCallerIdentity(argument: _keyturn_v1_GetCallerIdentityRequest__Input, callback: grpc.requestCallback<_keyturn_v1_GetCallerIdentityResponse>): grpc.ClientUnaryCall;
    /**
     * Returns the calling principal and its roles. Any authenticated caller may ask.
     */
    getCallerIdentity(argument: _keyturn_v1_GetCallerIdentityRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_GetCallerIdentityResponse>): grpc.ClientUnaryCall;
    getCallerIdentity(argument: _keyturn_v1_GetCallerIdentityRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_GetCallerIdentityResponse>): grpc.ClientUnaryCall;
    getCallerIdentity(argument: _keyturn_v1_GetCallerIdentityRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_GetCallerIdentityResponse>): grpc.ClientUnaryCall;
    getCallerIdentity(argument: _keyturn_v1_GetCallerIdentityRequest__Input, callback: grpc.requestCallback<_keyturn_v1_GetCallerIdentityResponse>): grpc.ClientUnaryCall;
    /**
     * Gets one principal by id.
     */
    GetPrincipal(argument: _keyturn_v1_GetPrincipalRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_Principal>): grpc.ClientUnaryCall;
    GetPrincipal(argument: _keyturn_v1_GetPrincipalRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_Principal>): grpc.ClientUnaryCall;
    GetPrincipal(argument: _keyturn_v1_GetPrincipalRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_Principal>): grpc.ClientUnaryCall;
    GetPrincipal(argument: _keyturn_v1_GetPrincipalRequest__Input, callback: grpc.requestCallback<_keyturn_v1_Principal>): grpc.ClientUnaryCall;
    /**
     * Gets one principal by id.
     */
    getPrincipal(argument: _keyturn_v1_GetPrincipalRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_Principal>): grpc.ClientUnaryCall;
    getPrincipal(argument: _keyturn_v1_GetPrincipalRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_Principal>): grpc.ClientUnaryCall;
    getPrincipal(argument: _keyturn_v1_GetPrincipalRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_Principal>): grpc.ClientUnaryCall;
    getPrincipal(argument: _keyturn_v1_GetPrincipalRequest__Input, callback: grpc.requestCallback<_keyturn_v1_Principal>): grpc.ClientUnaryCall;
    /**
     * Lists a principal's tokens (never their plaintext).
     */
    ListPrincipalTokens(argument: _keyturn_v1_ListPrincipalTokensRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ListPrincipalTokensResponse>): grpc.ClientUnaryCall;
    ListPrincipalTokens(argument: _keyturn_v1_ListPrincipalTokensRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_ListPrincipalTokensResponse>): grpc.ClientUnaryCall;
    ListPrincipalTokens(argument: _keyturn_v1_ListPrincipalTokensRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ListPrincipalTokensResponse>): grpc.ClientUnaryCall;
    ListPrincipalTokens(argument: _keyturn_v1_ListPrincipalTokensRequest__Input, callback: grpc.requestCallback<_keyturn_v1_ListPrincipalTokensResponse>): grpc.ClientUnaryCall;
    /**
     * Lists a principal's tokens (never their plaintext).
     */
    listPrincipalTokens(argument: _keyturn_v1_ListPrincipalTokensRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ListPrincipalTokensResponse>): grpc.ClientUnaryCall;
    listPrincipalTokens(argument: _keyturn_v1_ListPrincipalTokensRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_ListPrincipalTokensResponse>): grpc.ClientUnaryCall;
    listPrincipalTokens(argument: _keyturn_v1_ListPrincipalTokensRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ListPrincipalTokensResponse>): grpc.ClientUnaryCall;
    listPrincipalTokens(argument: _keyturn_v1_ListPrincipalTokensRequest__Input, callback: grpc.requestCallback<_keyturn_v1_ListPrincipalTokensResponse>): grpc.ClientUnaryCall;
    /**
     * Lists principals visible to the caller, oldest first.
     */
    ListPrincipals(argument: _keyturn_v1_ListPrincipalsRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ListPrincipalsResponse>): grpc.ClientUnaryCall;
    ListPrincipals(argument: _keyturn_v1_ListPrincipalsRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_ListPrincipalsResponse>): grpc.ClientUnaryCall;
    ListPrincipals(argument: _keyturn_v1_ListPrincipalsRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ListPrincipalsResponse>): grpc.ClientUnaryCall;
    ListPrincipals(argument: _keyturn_v1_ListPrincipalsRequest__Input, callback: grpc.requestCallback<_keyturn_v1_ListPrincipalsResponse>): grpc.ClientUnaryCall;
    /**
     * Lists principals visible to the caller, oldest first.
     */
    listPrincipals(argument: _keyturn_v1_ListPrincipalsRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ListPrincipalsResponse>): grpc.ClientUnaryCall;
    listPrincipals(argument: _keyturn_v1_ListPrincipalsRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_ListPrincipalsResponse>): grpc.ClientUnaryCall;
    listPrincipals(argument: _keyturn_v1_ListPrincipalsRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_ListPrincipalsResponse>): grpc.ClientUnaryCall;
    listPrincipals(argument: _keyturn_v1_ListPrincipalsRequest__Input, callback: grpc.requestCallback<_keyturn_v1_ListPrincipalsResponse>): grpc.ClientUnaryCall;
    /**
     * Revokes a principal token at once. Idempotent.
     */
    RevokePrincipalToken(argument: _keyturn_v1_RevokePrincipalTokenRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_PrincipalToken>): grpc.ClientUnaryCall;
    RevokePrincipalToken(argument: _keyturn_v1_RevokePrincipalTokenRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_PrincipalToken>): grpc.ClientUnaryCall;
    RevokePrincipalToken(argument: _keyturn_v1_RevokePrincipalTokenRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_PrincipalToken>): grpc.ClientUnaryCall;
    RevokePrincipalToken(argument: _keyturn_v1_RevokePrincipalTokenRequest__Input, callback: grpc.requestCallback<_keyturn_v1_PrincipalToken>): grpc.ClientUnaryCall;
    /**
     * Revokes a principal token at once. Idempotent.
     */
    revokePrincipalToken(argument: _keyturn_v1_RevokePrincipalTokenRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_PrincipalToken>): grpc.ClientUnaryCall;
    revokePrincipalToken(argument: _keyturn_v1_RevokePrincipalTokenRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_PrincipalToken>): grpc.ClientUnaryCall;
    revokePrincipalToken(argument: _keyturn_v1_RevokePrincipalTokenRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_PrincipalToken>): grpc.ClientUnaryCall;
    revokePrincipalToken(argument: _keyturn_v1_RevokePrincipalTokenRequest__Input, callback: grpc.requestCallback<_keyturn_v1_PrincipalToken>): grpc.ClientUnaryCall;
    /**
     * Replaces a principal's roles, name, certificate mapping or disabled flag.
     */
    UpdatePrincipal(argument: _keyturn_v1_UpdatePrincipalRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_Principal>): grpc.ClientUnaryCall;
    UpdatePrincipal(argument: _keyturn_v1_UpdatePrincipalRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_Principal>): grpc.ClientUnaryCall;
    UpdatePrincipal(argument: _keyturn_v1_UpdatePrincipalRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_Principal>): grpc.ClientUnaryCall;
    UpdatePrincipal(argument: _keyturn_v1_UpdatePrincipalRequest__Input, callback: grpc.requestCallback<_keyturn_v1_Principal>): grpc.ClientUnaryCall;
    /**
     * Replaces a principal's roles, name, certificate mapping or disabled flag.
     */
    updatePrincipal(argument: _keyturn_v1_UpdatePrincipalRequest__Input, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_Principal>): grpc.ClientUnaryCall;
    updatePrincipal(argument: _keyturn_v1_UpdatePrincipalRequest__Input, metadata: grpc.Metadata, callback: grpc.requestCallback<_keyturn_v1_Principal>): grpc.ClientUnaryCall;
    updatePrincipal(argument: _keyturn_v1_UpdatePrincipalRequest__Input, options: grpc.CallOptions, callback: grpc.requestCallback<_keyturn_v1_Principal>): grpc.ClientUnaryCall;
    updatePrincipal(argument: _keyturn_v1_UpdatePrincipalRequest__Input, callback: grpc.requestCallback<_keyturn_v1_Principal>): grpc.ClientUnaryCall;
}
/**
 * AccessService manages who may call Keyturn: principals, their roles and their tokens.
 *
 * Every RPC of every Keyturn service (except health checking and reflection) requires an
 * authenticated caller: `authorization: Bearer <token>` metadata carrying a principal
 * token (`kta_...`), or a TLS client certificate mapped to a principal.
 */
export interface AccessServiceHandlers extends grpc.UntypedServiceImplementation {
    /**
     * Creates a principal with roles.
     */
    CreatePrincipal: grpc.handleUnaryCall<_keyturn_v1_CreatePrincipalRequest, _keyturn_v1_Principal__Input>;
    /**
     * Issues a bearer token for a principal. The plaintext is returned once.
     */
    CreatePrincipalToken: grpc.handleUnaryCall<_keyturn_v1_CreatePrincipalTokenRequest, _keyturn_v1_CreatePrincipalTokenResponse__Input>;
    /**
     * Returns the calling principal and its roles. Any authenticated caller may ask.
     */
    GetCallerIdentity: grpc.handleUnaryCall<_keyturn_v1_GetCallerIdentityRequest, _keyturn_v1_GetCallerIdentityResponse__Input>;
    /**
     * Gets one principal by id.
     */
    GetPrincipal: grpc.handleUnaryCall<_keyturn_v1_GetPrincipalRequest, _keyturn_v1_Principal__Input>;
    /**
     * Lists a principal's tokens (never their plaintext).
     */
    ListPrincipalTokens: grpc.handleUnaryCall<_keyturn_v1_ListPrincipalTokensRequest, _keyturn_v1_ListPrincipalTokensResponse__Input>;
    /**
     * Lists principals visible to the caller, oldest first.
     */
    ListPrincipals: grpc.handleUnaryCall<_keyturn_v1_ListPrincipalsRequest, _keyturn_v1_ListPrincipalsResponse__Input>;
    /**
     * Revokes a principal token at once. Idempotent.
     */
    RevokePrincipalToken: grpc.handleUnaryCall<_keyturn_v1_RevokePrincipalTokenRequest, _keyturn_v1_PrincipalToken__Input>;
    /**
     * Replaces a principal's roles, name, certificate mapping or disabled flag.
     */
    UpdatePrincipal: grpc.handleUnaryCall<_keyturn_v1_UpdatePrincipalRequest, _keyturn_v1_Principal__Input>;
}
export interface AccessServiceDefinition extends grpc.ServiceDefinition {
    CreatePrincipal: MethodDefinition<_keyturn_v1_CreatePrincipalRequest__Input, _keyturn_v1_Principal__Input, _keyturn_v1_CreatePrincipalRequest, _keyturn_v1_Principal>;
    CreatePrincipalToken: MethodDefinition<_keyturn_v1_CreatePrincipalTokenRequest__Input, _keyturn_v1_CreatePrincipalTokenResponse__Input, _keyturn_v1_CreatePrincipalTokenRequest, _keyturn_v1_CreatePrincipalTokenResponse>;
    GetCallerIdentity: MethodDefinition<_keyturn_v1_GetCallerIdentityRequest__Input, _keyturn_v1_GetCallerIdentityResponse__Input, _keyturn_v1_GetCallerIdentityRequest, _keyturn_v1_GetCallerIdentityResponse>;
    GetPrincipal: MethodDefinition<_keyturn_v1_GetPrincipalRequest__Input, _keyturn_v1_Principal__Input, _keyturn_v1_GetPrincipalRequest, _keyturn_v1_Principal>;
    ListPrincipalTokens: MethodDefinition<_keyturn_v1_ListPrincipalTokensRequest__Input, _keyturn_v1_ListPrincipalTokensResponse__Input, _keyturn_v1_ListPrincipalTokensRequest, _keyturn_v1_ListPrincipalTokensResponse>;
    ListPrincipals: MethodDefinition<_keyturn_v1_ListPrincipalsRequest__Input, _keyturn_v1_ListPrincipalsResponse__Input, _keyturn_v1_ListPrincipalsRequest, _keyturn_v1_ListPrincipalsResponse>;
    RevokePrincipalToken: MethodDefinition<_keyturn_v1_RevokePrincipalTokenRequest__Input, _keyturn_v1_PrincipalToken__Input, _keyturn_v1_RevokePrincipalTokenRequest, _keyturn_v1_PrincipalToken>;
    UpdatePrincipal: MethodDefinition<_keyturn_v1_UpdatePrincipalRequest__Input, _keyturn_v1_Principal__Input, _keyturn_v1_UpdatePrincipalRequest, _keyturn_v1_Principal>;
}
