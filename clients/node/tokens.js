'use strict';
/**
 * Offline verification of Keyturn access tokens (TokenService.ExchangeKey's JWTs) with `jose`.
 *
 *   const { TokenVerifier } = require('@keyturn/client');
 *   const verifier = new TokenVerifier({
 *     jwksUrl: 'https://keyturn.example.com/v1/organizations/<org>/jwks.json',
 *     audience: 'orders-api',
 *   });
 *   const token = await verifier.verify(presented, { requiredScopes: ['orders:read'] });
 *   token.keyId, token.organizationId, token.scopes, token.custom
 *
 * The JWKS is fetched once and cached (jose's createRemoteJWKSet); an unknown `kid` refetches it
 * at most once per `minRefreshMs` (jose's cooldown), and it is re-read after `maxAgeMs`. Checks:
 * `alg` in the allow-list (EdDSA, ES256: never `none` nor an HMAC), the signature, exp/nbf with
 * `leewaySeconds`, iss, aud (when configured), the product (when given) and the required scopes.
 * Failures reject with the KeyturnError ValidateKey answers for the same situation: KEY_INVALID
 * (malformed, bad signature, unknown kid, wrong alg/iss/aud, not yet valid), KEY_EXPIRED,
 * KEY_REVOKED (refuseKey / follow), INSUFFICIENT_SCOPE (metadata.missingScopes), WRONG_PRODUCT.
 *
 * Revocation bounds: a revoked key's tokens stay valid until their exp (at most one hour); a
 * verifier told of revocations refuses them at once: `refuseKey(keyId)`,
 * `follow(asyncIterableOfKeyIds)`, or in one call
 * `const following = verifier.followRevocations(keyturn, orgId)`, which watches the
 * organization's key events (REVOKED, DELETED, EXPIRED, LEAKED when the key was revoked) from
 * the last sequence it saw, reconnects with backoff when the server is unavailable and resumes
 * after that cursor (no event missed; one may be seen twice). While disconnected the first
 * bound applies. A refused key is forgotten once every token it could have had is past its exp
 * (one hour after the event). `following.stop()` ends it; `following.done` settles then (and
 * rejects on an error waiting cannot cure, such as a missing permission).
 */
const grpc = require('@grpc/grpc-js');

const DEFAULT_ALGORITHMS = Object.freeze(['EdDSA', 'ES256']);
const ASYMMETRIC = new Set(['EdDSA', 'ES256', 'ES384', 'ES512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512']);
const JWT_SHAPE = /^eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
// ExchangeKey's longest ttl: a key's tokens are all past exp this long after it was revoked.
const MAX_TOKEN_LIFETIME_MS = 3600e3;
const ENDING_EVENTS = ['KEY_EVENT_TYPE_REVOKED', 'KEY_EVENT_TYPE_DELETED', 'KEY_EVENT_TYPE_EXPIRED', 'KEY_EVENT_TYPE_LEAKED'];
// Watch failures worth waiting out (a server restart, a replica draining, the network).
const TRANSIENT = new Set([
  grpc.status.UNAVAILABLE,
  grpc.status.DEADLINE_EXCEEDED,
  grpc.status.ABORTED,
  grpc.status.RESOURCE_EXHAUSTED,
  grpc.status.INTERNAL,
  grpc.status.UNKNOWN,
  grpc.status.CANCELLED,
]);

/** Full-jitter exponential backoff, so a restarted server is not met by every verifier at once. */
function backoffMs(failures, initial, longest) {
  return (0.5 + Math.random() / 2) * Math.min(longest, initial * 2 ** Math.min(failures - 1, 16));
}

/** True for a compact JWS (three base64url parts, a JSON header); API keys never are. */
function looksLikeJwt(value) {
  return typeof value === 'string' && value.length < 16384 && JWT_SHAPE.test(value);
}

function rejected(KeyturnError, reason, message, metadata = {}) {
  const denied = reason === 'KEY_REVOKED' || reason === 'INSUFFICIENT_SCOPE' || reason === 'WRONG_PRODUCT';
  const code = denied ? grpc.status.PERMISSION_DENIED : grpc.status.UNAUTHENTICATED;
  const codeName = denied ? 'PERMISSION_DENIED' : 'UNAUTHENTICATED';
  return new KeyturnError(message, {
    code,
    codeName,
    reason,
    domain: 'keyturn.dev',
    metadata,
    details: [{ '@type': 'google.rpc.ErrorInfo', reason, domain: 'keyturn.dev', metadata }],
  });
}

class TokenVerifier {
  /**
   * @param {object} options
   * @param {string} [options.jwksUrl] the JWKS URL (`/v1/organizations/<id>/jwks.json` or `/.well-known/jwks.json`)
   * @param {{keys: object[]}} [options.jwks] a JWKS document instead of a URL (no refresh)
   * @param {string} [options.issuer] expected `iss` (default "keyturn")
   * @param {string} [options.audience] expected `aud`; unset accepts only tokens without one
   * @param {string[]} [options.algorithms] the `alg` allow-list (asymmetric only)
   * @param {number} [options.leewaySeconds] clock skew allowed on exp/nbf (default 5)
   * @param {number} [options.minRefreshMs] an unknown kid refetches at most this often (default 30000)
   * @param {number} [options.maxAgeMs] the JWKS is re-read when older (default 300000)
   * @param {() => Date} [options.clock] the current time (tests pass their own)
   */
  constructor(options = {}) {
    const algorithms = options.algorithms || DEFAULT_ALGORITHMS;
    const unsafe = algorithms.filter((alg) => !ASYMMETRIC.has(alg));
    if (unsafe.length || !algorithms.length) {
      throw new TypeError(`algorithms must be asymmetric JWS algorithms, got ${unsafe.join(', ') || 'none'}`);
    }
    if (!options.jwksUrl === !options.jwks) throw new TypeError('give exactly one of jwksUrl and jwks');
    this.options = {
      issuer: 'keyturn',
      leewaySeconds: 5,
      minRefreshMs: 30000,
      maxAgeMs: 300000,
      ...options,
      algorithms: [...algorithms],
    };
    this.refused = new Map(); // key id -> when to forget the refusal (epoch ms; Infinity: until allowKey)
    this._refusals = 0;
    this.maxTokenLifetimeMs = MAX_TOKEN_LIFETIME_MS;
    this.revocationCursor = '0'; // followRevocations: the last key-event sequence seen (int64 text)
    this.revocationReconnects = 0; // followRevocations: watches re-opened after a failure
    this._keySet = null;
  }

  async _jose() {
    if (!this._josePromise) this._josePromise = import('jose');
    return this._josePromise;
  }

  async _keys() {
    if (!this._keySet) {
      const jose = await this._jose();
      this._keySet = this.options.jwks
        ? jose.createLocalJWKSet(this.options.jwks)
        : jose.createRemoteJWKSet(new URL(this.options.jwksUrl), {
            cooldownDuration: this.options.minRefreshMs,
            cacheMaxAge: this.options.maxAgeMs,
          });
    }
    return this._keySet;
  }

  /**
   * Refuse every token of this API key from now on (it was revoked or deleted); with `untilMs`
   * (epoch ms), until then only: by then every token it had is past its exp.
   */
  refuseKey(keyId, untilMs = Infinity) {
    if (untilMs > (this.refused.get(keyId) ?? -Infinity)) this.refused.set(keyId, untilMs);
    this._refusals += 1;
    if (this._refusals % 1024 === 0) {
      const now = Date.now();
      for (const [id, until] of this.refused) if (until <= now) this.refused.delete(id);
    }
  }

  allowKey(keyId) {
    this.refused.delete(keyId);
  }

  /** How many keys are refused right now. */
  get refusedKeys() {
    const now = Date.now();
    let count = 0;
    for (const until of this.refused.values()) if (until > now) count += 1;
    return count;
  }

  /**
   * Refuse the key of a KeyEvent that ends it (REVOKED, DELETED, EXPIRED, or LEAKED with the key
   * revoked) until every token it could have had is past its exp; true for those events.
   */
  refuseEvent(event) {
    const keyId = event && event.key_id;
    if (!keyId || !ENDING_EVENTS.includes(event.type)) return false;
    if (event.type === 'KEY_EVENT_TYPE_LEAKED') {
      const action = event.data && event.data.fields && event.data.fields.action;
      if (!action || action.string_value !== 'REVOKED') return false;
    }
    const seconds = Number(event.event_time && event.event_time.seconds);
    const happened = seconds > 0 ? seconds * 1000 + Number(event.event_time.nanos || 0) / 1e6 : Date.now();
    const until = happened + this.maxTokenLifetimeMs + 2000 * this.options.leewaySeconds;
    if (until > Date.now()) this.refuseKey(keyId, until); // older: its tokens are all dead
    return true;
  }

  /** Refuse the tokens of every key the async iterable names: key ids, or KeyEvent objects. */
  async follow(revocations) {
    for await (const item of revocations) {
      if (typeof item === 'string') this.refuseKey(item);
      else this.refuseEvent(item);
    }
  }

  /**
   * Follow the organization's revocations over KeyEventService.WatchKeyEvents (the client's
   * principal needs keyEvents.read) from `afterSequence` (default 0: every retained event, so a
   * verifier that starts late still refuses keys revoked in the last hour). On UNAVAILABLE (or
   * the watch ending) it reconnects after a jittered exponential backoff and resumes after
   * `revocationCursor`; a cursor the server pruned restarts from 0.
   * @param {import('./index').KeyturnClient} client
   * @param {string} [organizationId]
   * @param {{projectId?: string, afterSequence?: string | number, initialBackoffMs?: number, maxBackoffMs?: number}} [options]
   * @returns {{stop: () => void, done: Promise<void>}}
   */
  followRevocations(client, organizationId = '', options = {}) {
    const { decodeError } = require('./index');
    const initial = options.initialBackoffMs ?? 100;
    const longest = options.maxBackoffMs ?? 5000;
    this.revocationCursor = String(options.afterSequence ?? 0);
    let stopped = false;
    let stream = null;
    let wake = null;
    const stop = () => {
      stopped = true;
      if (stream) stream.cancel();
      if (wake) wake();
    };
    const done = (async () => {
      let failures = 0;
      while (!stopped) {
        const metadata = new grpc.Metadata();
        if (client.token) metadata.set('authorization', `Bearer ${client.token}`);
        const request = {
          filter: { organization_id: organizationId, project_id: options.projectId || '', types: ENDING_EVENTS },
          after_sequence: this.revocationCursor,
        };
        stream = client.keyEvents.WatchKeyEvents(request, metadata);
        try {
          for await (const message of stream) {
            failures = 0;
            this.refuseEvent(message.event);
            if (BigInt(message.event.sequence) > BigInt(this.revocationCursor)) {
              this.revocationCursor = String(message.event.sequence);
            }
          }
        } catch (err) {
          if (stopped) break;
          const error = decodeError(err);
          if (error.reason === 'KEY_EVENT_CURSOR_EXPIRED') {
            this.revocationCursor = '0';
            continue;
          }
          if (!TRANSIENT.has(err.code)) throw error;
        } finally {
          stream.cancel();
        }
        if (stopped) break;
        failures += 1;
        this.revocationReconnects += 1;
        await new Promise((resolve) => {
          wake = resolve;
          setTimeout(resolve, backoffMs(failures, initial, longest));
        });
      }
    })();
    return { stop, done };
  }

  /**
   * @param {string} token
   * @param {{requiredScopes?: string[], productId?: string, audience?: string}} [options]
   */
  async verify(token, options = {}) {
    const { KeyturnError } = require('./index');
    if (!looksLikeJwt(token)) throw rejected(KeyturnError, 'KEY_INVALID', 'the access token is malformed');
    const jose = await this._jose();
    const keys = await this._keys();
    const audience = options.audience !== undefined ? options.audience : this.options.audience;
    let payload;
    try {
      ({ payload } = await jose.jwtVerify(token, keys, {
        algorithms: this.options.algorithms,
        issuer: this.options.issuer,
        audience,
        clockTolerance: this.options.leewaySeconds,
        requiredClaims: ['exp', 'nbf', 'iat', 'iss', 'sub'],
        ...(this.options.clock ? { currentDate: this.options.clock() } : {}),
      }));
    } catch (err) {
      if (err instanceof jose.errors.JWTExpired) {
        const exp = Number(err.payload && err.payload.exp);
        const metadata = Number.isFinite(exp) ? { expireTime: new Date(exp * 1000).toISOString() } : {};
        throw rejected(KeyturnError, 'KEY_EXPIRED', 'the access token expired', metadata);
      }
      throw rejected(KeyturnError, 'KEY_INVALID', 'the access token is invalid');
    }
    if (audience === undefined && payload.aud !== undefined) {
      throw rejected(KeyturnError, 'KEY_INVALID', 'the access token is for an audience this verifier does not expect');
    }
    const keyId = String(payload.sub);
    const refusedUntil = this.refused.get(keyId);
    if (refusedUntil !== undefined && refusedUntil > Date.now()) throw rejected(KeyturnError, 'KEY_REVOKED', 'the API key was revoked');
    const product = String(payload.product || '');
    if (options.productId && product && product !== options.productId) {
      throw rejected(KeyturnError, 'WRONG_PRODUCT', 'the API key is for another product');
    }
    const scopes = Array.isArray(payload.scopes) ? payload.scopes.map(String) : [];
    const missing = (options.requiredScopes || []).filter((scope) => !scopes.includes(scope)).sort();
    if (missing.length) {
      throw rejected(KeyturnError, 'INSUFFICIENT_SCOPE', `the API key lacks required scopes: ${missing.join(', ')}`, {
        missingScopes: missing.join(','),
      });
    }
    return {
      keyId,
      organizationId: String(payload.org || ''),
      projectId: String(payload.project || ''),
      productId: product,
      scopes,
      custom: payload.custom && typeof payload.custom === 'object' ? payload.custom : {},
      expireTime: new Date(Number(payload.exp) * 1000),
      tokenId: String(payload.jti || ''),
      claims: payload,
    };
  }
}

module.exports = { DEFAULT_ALGORITHMS, MAX_TOKEN_LIFETIME_MS, TokenVerifier, looksLikeJwt };
