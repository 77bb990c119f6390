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
 * Revocation bound: a revoked key's tokens stay valid until their exp (at most one hour); a
 * verifier told of revocations (`refuseKey(keyId)`, or `follow(asyncIterableOfKeyIds)`) refuses
 * them at once.
 */
const grpc = require('@grpc/grpc-js');

const DEFAULT_ALGORITHMS = Object.freeze(['EdDSA', 'ES256']);
const ASYMMETRIC = new Set(['EdDSA', 'ES256', 'ES384', 'ES512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512']);
const JWT_SHAPE = /^eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

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
    this.refused = new Set();
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

  /** Refuse every token of this API key from now on (it was revoked or deleted). */
  refuseKey(keyId) {
    this.refused.add(keyId);
  }

  allowKey(keyId) {
    this.refused.delete(keyId);
  }

  /** Refuse the tokens of every key id the async iterable yields (e.g. revocation events). */
  async follow(revokedKeyIds) {
    for await (const keyId of revokedKeyIds) this.refuseKey(keyId);
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
    if (this.refused.has(keyId)) throw rejected(KeyturnError, 'KEY_REVOKED', 'the API key was revoked');
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

module.exports = { DEFAULT_ALGORITHMS, TokenVerifier, looksLikeJwt };
