// Types for @keyturn/client. Messages use the .proto field names (snake_case); enums are
// their value names as strings; int64 fields are strings.
import * as grpc from '@grpc/grpc-js';

export { grpc };

export type ErrorReason =
  | 'KEY_INVALID' | 'KEY_EXPIRED' | 'KEY_REVOKED' | 'INSUFFICIENT_SCOPE' | 'WRONG_PRODUCT'
  | 'IP_NOT_ALLOWED' | 'RATE_LIMITED' | 'ALREADY_EXISTS' | 'INVALID_ARGUMENT'
  | 'DECRYPTION_FAILED' | 'CALLER_UNAUTHENTICATED' | 'CALLER_FORBIDDEN' | 'NOT_FOUND'
  | 'FAILED_PRECONDITION' | 'PAYLOAD_TOO_LARGE' | 'NOT_IMPLEMENTED' | 'INTERNAL' | 'UNAVAILABLE';

export interface Timestamp { seconds: string; nanos: number }

export interface Organization { id: string; name: string; create_time: Timestamp | null }

export interface RateLimit {
  requests: number | string;
  window: 'RATE_LIMIT_WINDOW_SECOND' | 'RATE_LIMIT_WINDOW_MINUTE' | 'RATE_LIMIT_WINDOW_HOUR' | 'RATE_LIMIT_WINDOW_DAY';
}

export interface KeyMetadata {
  name?: string;
  scopes?: string[];
  rate_limit?: RateLimit | null;
  custom?: { fields: Record<string, unknown> } | null;
}

export interface ApiKey {
  id: string;
  organization_id: string;
  project_id: string;
  product_id: string;
  start: string;
  environment: string;
  metadata: KeyMetadata | null;
  status: 'KEY_STATUS_ACTIVE' | 'KEY_STATUS_REVOKED' | 'KEY_STATUS_EXPIRED' | 'KEY_STATUS_UNSPECIFIED';
  create_time: Timestamp | null;
  expire_time: Timestamp | null;
  revoke_time: Timestamp | null;
  revoke_reason: string;
  use_count: string;
  allowed_cidrs: string[];
  [field: string]: unknown;
}

export interface CreateKeyOptions {
  project_id?: string;
  product_id?: string;
  metadata?: KeyMetadata;
  expire_time?: Timestamp;
  ttl?: { seconds: number | string; nanos?: number };
  allowed_cidrs?: string[];
  environment?: 'ENVIRONMENT_LIVE' | 'ENVIRONMENT_TEST';
}

export interface CreateKeyResponse { key: ApiKey; plaintext: string }

export interface ValidateKeyOptions {
  product_id?: string;
  required_scopes?: string[];
  client_ip?: string;
  skip_rate_limit?: boolean;
  skip_usage?: boolean;
}

export interface ValidateKeyResponse {
  key: ApiKey;
  rate_limit: { limit: string; remaining: string; reset_time: Timestamp | null; window: string } | null;
}

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
  reason: ErrorReason | '';
  domain: string;
  metadata: Record<string, string>;
  /** Every decoded google.rpc detail, with its '@type'. */
  details: Array<{ '@type': string; [field: string]: unknown }>;
}

export class KeyturnClient {
  constructor(target?: string, options?: ClientOptions);
  readonly target: string;
  call<T = unknown>(service: 'keys' | 'crypto' | 'audit' | 'access', method: string, request: object): Promise<T>;
  createOrganization(name: string): Promise<Organization>;
  getOrCreateOrganization(name: string): Promise<[Organization, boolean]>;
  createKey(organizationId: string, options?: CreateKeyOptions): Promise<CreateKeyResponse>;
  validateKey(plaintext: string, options?: ValidateKeyOptions): Promise<ValidateKeyResponse>;
  revokeKey(id: string, reason?: string): Promise<ApiKey>;
  getKey(id: string): Promise<ApiKey>;
  close(): void;
}

export function decodeError(err: grpc.ServiceError): KeyturnError;
export function loadKeyturn(): grpc.GrpcObject;
