'use strict';
/**
 * Keyturn client for Node.js: @grpc/grpc-js with the keyturn.v1 protos loaded at run time by
 * @grpc/proto-loader (field names as in the .proto files, snake_case), and errors decoded from
 * the `grpc-status-details-bin` trailer (google.rpc.Status -> ErrorInfo.reason). Its types:
 * index.d.ts over ./generated (scripts/generate-types.js).
 *
 *   const { KeyturnClient } = require('@keyturn/client');
 *   const keyturn = new KeyturnClient('127.0.0.1:50051', { token: process.env.KEYTURN_TOKEN });
 *   // inside an async function (README.md has a complete script):
 *   const [org] = await keyturn.getOrCreateOrganization('Acme');
 *   const { key, plaintext } = await keyturn.createKey(org.id, { metadata: { scopes: ['read'] } });
 *   await keyturn.validateKey(plaintext, { required_scopes: ['read'] });
 */
const fs = require('node:fs');
const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const protobuf = require('protobufjs');
const { LOADER_OPTIONS, PROTO_FILES } = require('./proto-options');

/** Directories searched for .proto imports: the packaged copy, else the repository's. */
function protoDirs() {
  const packaged = path.join(__dirname, 'proto');
  if (fs.existsSync(path.join(packaged, 'keyturn', 'v1', 'keys.proto'))) return [packaged];
  const repo = path.resolve(__dirname, '..', '..');
  return [path.join(repo, 'protos'), path.join(repo, 'third_party', 'googleapis')];
}


let cachedPackage = null;
/** The loaded keyturn.v1 package (service constructors), loaded once. */
function loadKeyturn() {
  if (!cachedPackage) {
    const definition = protoLoader.loadSync(PROTO_FILES, { ...LOADER_OPTIONS, includeDirs: protoDirs() });
    cachedPackage = grpc.loadPackageDefinition(definition).keyturn.v1;
  }
  return cachedPackage;
}

let statusTypes = null;
function loadStatusTypes() {
  if (!statusTypes) {
    const dirs = protoDirs();
    const root = new protobuf.Root();
    root.resolvePath = (origin, target) => {
      for (const dir of dirs) {
        const candidate = path.join(dir, target);
        if (fs.existsSync(candidate)) return candidate;
      }
      return target; // google/protobuf/*.proto: protobufjs has them built in
    };
    root.loadSync(['google/rpc/status.proto', 'google/rpc/error_details.proto'], { keepCase: true });
    statusTypes = { root, Status: root.lookupType('google.rpc.Status') };
  }
  return statusTypes;
}

/** A failed Keyturn call: gRPC code plus the decoded google.rpc.ErrorInfo. */
class KeyturnError extends Error {
  constructor(message, { code, codeName, reason, domain, metadata, details, cause }) {
    super(message, { cause });
    this.name = 'KeyturnError';
    this.code = code;
    this.codeName = codeName;
    this.reason = reason;
    this.domain = domain;
    this.metadata = metadata;
    this.details = details;
  }
}

/** Decode a grpc-js ServiceError into a KeyturnError (reason from the status details). */
function decodeError(err) {
  const codeName = Object.keys(grpc.status).find((k) => grpc.status[k] === err.code) || 'UNKNOWN';
  let message = err.details || err.message;
  let reason = '';
  let domain = '';
  let metadata = {};
  const details = [];
  const raw = err.metadata ? err.metadata.get('grpc-status-details-bin') : [];
  if (raw && raw.length > 0) {
    const { root, Status } = loadStatusTypes();
    const status = Status.toObject(Status.decode(raw[0]), { defaults: true });
    message = status.message || message;
    for (const any of status.details || []) {
      const typeName = any.type_url.slice(any.type_url.lastIndexOf('/') + 1);
      let type;
      try {
        type = root.lookupType(typeName);
      } catch {
        continue;
      }
      const decoded = type.toObject(type.decode(any.value), { defaults: true, longs: String });
      details.push({ '@type': typeName, ...decoded });
      if (typeName === 'google.rpc.ErrorInfo' && !reason) {
        reason = decoded.reason;
        domain = decoded.domain;
        metadata = decoded.metadata || {};
      }
    }
  }
  return new KeyturnError(message, { code: err.code, codeName, reason, domain, metadata, details, cause: err });
}

function bearer(token) {
  const md = new grpc.Metadata();
  if (token) md.set('authorization', `Bearer ${token}`);
  return md;
}

class KeyturnClient {
  /**
   * @param {string} target host:port (default $KEYTURN_ADDR or 127.0.0.1:50051)
   * @param {{token?: string, credentials?: import('@grpc/grpc-js').ChannelCredentials, timeoutMs?: number}} [options]
   */
  constructor(target, options = {}) {
    const pkg = loadKeyturn();
    this.target = target || process.env.KEYTURN_ADDR || '127.0.0.1:50051';
    this.token = options.token !== undefined ? options.token : process.env.KEYTURN_TOKEN || '';
    this.timeoutMs = options.timeoutMs ?? 10000;
    const credentials = options.credentials || grpc.credentials.createInsecure();
    this.keys = new pkg.KeyService(this.target, credentials);
    this.crypto = new pkg.CryptoService(this.target, credentials, { channelOverride: this.keys.getChannel() });
    this.audit = new pkg.AuditService(this.target, credentials, { channelOverride: this.keys.getChannel() });
    this.access = new pkg.AccessService(this.target, credentials, { channelOverride: this.keys.getChannel() });
    this.tokens = new pkg.TokenService(this.target, credentials, { channelOverride: this.keys.getChannel() });
    this.keyPolicies = new pkg.KeyPolicyService(this.target, credentials, { channelOverride: this.keys.getChannel() });
    this.keyEvents = new pkg.KeyEventService(this.target, credentials, { channelOverride: this.keys.getChannel() });
    this.webhooks = new pkg.WebhookService(this.target, credentials, { channelOverride: this.keys.getChannel() });
  }

  /** Call any unary RPC: `call('keys', 'GetKey', {id})`; rejects with KeyturnError. */
  call(service, method, request) {
    const stub = this[service];
    return new Promise((resolve, reject) => {
      const deadline = new Date(Date.now() + this.timeoutMs);
      stub[method](request, bearer(this.token), { deadline }, (err, response) => {
        if (err) reject(decodeError(err));
        else resolve(response);
      });
    });
  }

  createOrganization(name) {
    return this.call('keys', 'CreateOrganization', { name });
  }

  async getOrCreateOrganization(name) {
    const res = await this.call('keys', 'GetOrCreateOrganization', { name });
    return [res.organization, res.created];
  }

  createKey(organizationId, options = {}) {
    return this.call('keys', 'CreateKey', { organization_id: organizationId, ...options });
  }

  validateKey(plaintext, options = {}) {
    return this.call('keys', 'ValidateKey', { plaintext, ...options });
  }

  /** ValidateKey's checks (and quota), then a signed access token: `{access_token, kid, ...}`. */
  exchangeKey(plaintext, options = {}) {
    return this.call('tokens', 'ExchangeKey', { plaintext, ...options });
  }

  /** The organization's public token-signing keys, `{keys: [...]}` (every organization's when empty). */
  async getJwks(organizationId = '') {
    const jwks = await this.call('tokens', 'GetJwks', { organization_id: organizationId });
    // As the JSON document has them: no empty members (an OKP key has no `y`).
    return { keys: jwks.keys.map((key) => Object.fromEntries(Object.entries(key).filter(([, v]) => v !== ''))) };
  }

  revokeKey(id, reason = '') {
    return this.call('keys', 'RevokeKey', { id, reason });
  }

  getKey(id) {
    return this.call('keys', 'GetKey', { id });
  }

  /** One page of key events (oldest first): `{ events, next_page_token }`. */
  listKeyEvents(options = {}) {
    return this.call('keyEvents', 'ListKeyEvents', options);
  }

  /**
   * WatchKeyEvents as an async iterator of events: the backlog after `after_sequence`, then
   * live ones. `break` (or return) ends the call; a failure is thrown as a KeyturnError.
   * Resume with `after_sequence` = the last `event.sequence` handled.
   */
  async *watchKeyEvents(options = {}) {
    const stream = this.keyEvents.WatchKeyEvents(options, bearer(this.token));
    try {
      for await (const message of stream) yield message.event;
    } catch (err) {
      if (err.code !== grpc.status.CANCELLED) throw decodeError(err);
    } finally {
      stream.cancel();
    }
  }

  close() {
    this.keys.close();
  }
}

const { WebhookSignatureError, verifySignature } = require('./webhooks');

module.exports = { KeyturnClient, KeyturnError, WebhookSignatureError, decodeError, loadKeyturn, grpc, verifySignature };
// After the exports above: tokens.js reads KeyturnError from this module.
const { DEFAULT_ALGORITHMS, TokenVerifier, looksLikeJwt } = require('./tokens');
Object.assign(module.exports, { DEFAULT_ALGORITHMS, TokenVerifier, looksLikeJwt });
