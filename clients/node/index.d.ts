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
  KeyServiceClient,
  Organization,
  ValidateKeyRequest__Input,
  ValidateKeyResponse,
  WebhookServiceClient,
} from './generated';
import type { ProtoGrpcType as AccessProto } from './generated/access';
import type { ProtoGrpcType as AuditProto } from './generated/audit';
import type { ProtoGrpcType as CryptoProto } from './generated/crypto';
import type { ProtoGrpcType as ErrorsProto } from './generated/errors';
import type { ProtoGrpcType as KeysProto } from './generated/keys';
import type { ProtoGrpcType as WebhooksProto } from './generated/webhooks';

export { grpc };
export { WebhookSignatureError, verifySignature } from './webhooks';
export type * from './generated';

/** The keyturn.v1 package as grpc.loadPackageDefinition returns it (service constructors). */
export type KeyturnPackage = (KeysProto & CryptoProto & AuditProto & AccessProto & WebhooksProto & ErrorsProto)['keyturn']['v1'];

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
  readonly webhooks: WebhookServiceClient;
  /** Call any unary RPC: `call('keys', 'GetKey', { id })`; rejects with KeyturnError. */
  call<T = unknown>(service: 'keys' | 'crypto' | 'audit' | 'access' | 'webhooks', method: string, request: object): Promise<T>;
  createOrganization(name: string): Promise<Organization>;
  /** [organization, created]: safe to call on every start. */
  getOrCreateOrganization(name: string): Promise<[Organization, boolean]>;
  createKey(organizationId: string, options?: CreateKeyOptions): Promise<CreateKeyResponse>;
  validateKey(plaintext: string, options?: ValidateKeyOptions): Promise<ValidateKeyResponse>;
  revokeKey(id: string, reason?: string): Promise<ApiKey>;
  getKey(id: string): Promise<ApiKey>;
  close(): void;
}

export function decodeError(err: grpc.ServiceError): KeyturnError;
export function loadKeyturn(): KeyturnPackage;
