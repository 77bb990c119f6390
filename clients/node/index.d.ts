// Types for @keyturn/client. The message, enum and service types are generated from the protos
// into ./generated (scripts/generate-types.js) with the options index.js loads them with:
// `ApiKey` is what the client returns (.proto field names, enums by name, int64 as strings,
// unset messages null); `ApiKey__Input` is what a request may carry. Only the wrapper below is
// written by hand.
import * as grpc from '@grpc/grpc-js';
import type {
  AccessServiceClient,
  ApiKey,
  AuditServiceClient,
  CreateKeyRequest__Input,
  CreateKeyResponse,
  CryptoServiceClient,
  ErrorReason,
  ExchangeKeyRequest__Input,
  ExchangeKeyResponse,
  Jwks,
  KeyPolicyServiceClient,
  KeyEvent,
  KeyEventServiceClient,
  KeyServiceClient,
  ListKeyEventsRequest__Input,
  ListKeyEventsResponse,
  Organization,
  TokenServiceClient,
  ValidateKeyRequest__Input,
  ValidateKeyResponse,
  WatchKeyEventsRequest__Input,
  WebhookServiceClient,
} from './generated';
import type { ProtoGrpcType as AccessProto } from './generated/access';
import type { ProtoGrpcType as AuditProto } from './generated/audit';
import type { ProtoGrpcType as CryptoProto } from './generated/crypto';
import type { ProtoGrpcType as ErrorsProto } from './generated/errors';
import type { ProtoGrpcType as KeyEventsProto } from './generated/key_events';
import type { ProtoGrpcType as KeyPoliciesProto } from './generated/key_policies';
import type { ProtoGrpcType as KeysProto } from './generated/keys';
import type { ProtoGrpcType as TokensProto } from './generated/tokens';
import type { ProtoGrpcType as WebhooksProto } from './generated/webhooks';

export { grpc };
export { WebhookSignatureError, verifySignature } from './webhooks';
export type * from './generated';

/** The keyturn.v1 package as grpc.loadPackageDefinition returns it (service constructors). */
export type KeyturnPackage = (KeysProto &
  CryptoProto &
  AuditProto &
  AccessProto &
  TokensProto &
  KeyPoliciesProto &
  KeyEventsProto &
  WebhooksProto &
  ErrorsProto)['keyturn']['v1'];

/** createKey's options: a CreateKeyRequest without organization_id. */
export type CreateKeyOptions = Omit<CreateKeyRequest__Input, 'organization_id'>;

/** validateKey's options: a ValidateKeyRequest without plaintext. */
export type ValidateKeyOptions = Omit<ValidateKeyRequest__Input, 'plaintext'>;

export interface ClientOptions {
  /** Principal token sent as `authorization: Bearer <token>` (default $KEYTURN_TOKEN). */
  token?: string;
  /** Channel credentials (default insecure). */
  credentials?: grpc.ChannelCredentials;
  /** Per-call deadline in milliseconds (default 10000). */
  timeoutMs?: number;
}

export class KeyturnError extends Error {
  /** The gRPC status code (grpc.status). */
  code: number;
  codeName: string;
  /** google.rpc.ErrorInfo.reason; empty when the status carried none. */
  reason: Exclude<ErrorReason, 'ERROR_REASON_UNSPECIFIED'> | '';
  domain: string;
  metadata: Record<string, string>;
  /** Every decoded google.rpc detail, with its '@type'. */
  details: Array<{ '@type': string; [field: string]: unknown }>;
}

export class KeyturnClient {
  constructor(target?: string, options?: ClientOptions);
  readonly target: string;
  readonly keys: KeyServiceClient;
  readonly crypto: CryptoServiceClient;
  readonly audit: AuditServiceClient;
  readonly access: AccessServiceClient;
  readonly tokens: TokenServiceClient;
  readonly keyPolicies: KeyPolicyServiceClient;
  readonly keyEvents: KeyEventServiceClient;
  readonly webhooks: WebhookServiceClient;
  /** Call any unary RPC: `call('keys', 'GetKey', { id })`; rejects with KeyturnError. */
  call<T = unknown>(
    service: 'keys' | 'crypto' | 'audit' | 'access' | 'tokens' | 'keyPolicies' | 'keyEvents' | 'webhooks',
    method: string,
    request: object,
  ): Promise<T>;
  createOrganization(name: string): Promise<Organization>;
  /** [organization, created]: safe to call on every start. */
  getOrCreateOrganization(name: string): Promise<[Organization, boolean]>;
  createKey(organizationId: string, options?: CreateKeyOptions): Promise<CreateKeyResponse>;
  validateKey(plaintext: string, options?: ValidateKeyOptions): Promise<ValidateKeyResponse>;
  /** ValidateKey's checks (and quota), then a signed access token. */
  exchangeKey(plaintext: string, options?: Omit<ExchangeKeyRequest__Input, 'plaintext'>): Promise<ExchangeKeyResponse>;
  /** The public token-signing keys of one organization (every organization's when empty). */
  getJwks(organizationId?: string): Promise<Jwks>;
  revokeKey(id: string, reason?: string): Promise<ApiKey>;
  getKey(id: string): Promise<ApiKey>;
  /** One page of key events, oldest first. */
  listKeyEvents(options?: ListKeyEventsRequest__Input): Promise<ListKeyEventsResponse>;
  /** Replay after `after_sequence`, then follow; `break` ends it; failures throw KeyturnError. */
  watchKeyEvents(options?: WatchKeyEventsRequest__Input): AsyncGenerator<KeyEvent, void, undefined>;
  close(): void;
}

export function decodeError(err: grpc.ServiceError): KeyturnError;
export function loadKeyturn(): KeyturnPackage;

export interface TokenVerifierOptions {
  /** The JWKS URL: `/v1/organizations/<id>/jwks.json` or `/.well-known/jwks.json`. */
  jwksUrl?: string;
  /** A JWKS document instead of a URL (never refreshed). */
  jwks?: { keys: object[] };
  /** Expected `iss` (default "keyturn"). */
  issuer?: string;
  /** Expected `aud`; unset accepts only tokens issued without one. */
  audience?: string;
  /** The `alg` allow-list, asymmetric algorithms only (default EdDSA, ES256). */
  algorithms?: string[];
  /** Clock skew allowed on exp and nbf, seconds (default 5). */
  leewaySeconds?: number;
  /** An unknown kid refetches the JWKS at most this often, ms (default 30000). */
  minRefreshMs?: number;
  /** The JWKS is re-read when older than this, ms (default 300000). */
  maxAgeMs?: number;
  /** The current time (tests pass their own). */
  clock?: () => Date;
}

export interface VerifiedToken {
  keyId: string;
  organizationId: string;
  projectId: string;
  productId: string;
  scopes: string[];
  custom: Record<string, unknown>;
  expireTime: Date;
  tokenId: string;
  claims: Record<string, unknown>;
}

/** Verifies access tokens offline; rejects with the KeyturnError ValidateKey would give. */
export class TokenVerifier {
  constructor(options: TokenVerifierOptions);
  verify(
    token: string,
    options?: { requiredScopes?: string[]; productId?: string; audience?: string },
  ): Promise<VerifiedToken>;
  /** Refuse this key's tokens (until `untilMs`, epoch ms; default: until allowKey). */
  refuseKey(keyId: string, untilMs?: number): void;
  allowKey(keyId: string): void;
  /** Keys refused right now. */
  readonly refusedKeys: number;
  /** followRevocations: the last key-event sequence seen (int64 as text). */
  revocationCursor: string;
  /** followRevocations: watches re-opened after a failure. */
  revocationReconnects: number;
  /** Refuse the key of a REVOKED / DELETED / EXPIRED (or LEAKED and revoked) event; true for those. */
  refuseEvent(event: KeyEvent): boolean;
  follow(revocations: AsyncIterable<string | KeyEvent>): Promise<void>;
  /** Follow the organization's key events: reconnects with backoff, resumes after its cursor. */
  followRevocations(
    client: KeyturnClient,
    organizationId?: string,
    options?: {
      projectId?: string;
      afterSequence?: string | number;
      initialBackoffMs?: number;
      maxBackoffMs?: number;
    },
  ): { stop(): void; done: Promise<void> };
}

export const DEFAULT_ALGORITHMS: readonly string[];
export function looksLikeJwt(value: string): boolean;
