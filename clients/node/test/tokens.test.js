'use strict';
// Access tokens against a running Keyturn server (KEYTURN_ADDR, KEYTURN_TOKEN): ExchangeKey,
// then TokenVerifier (jose) offline with the JWKS from GetJwks. Run by tests/test_client_node.py.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { createHmac, randomUUID } = require('node:crypto');
const { KeyturnClient, KeyturnError, TokenVerifier, looksLikeJwt } = require('..');

const addr = process.env.KEYTURN_ADDR;

function b64(value) {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
}

test('exchange a key for a token and verify it offline', { skip: !addr && 'KEYTURN_ADDR not set' }, async () => {
  const keyturn = new KeyturnClient(addr, { token: process.env.KEYTURN_TOKEN || '' });
  try {
    const org = await keyturn.createOrganization(`node-tokens-${randomUUID().slice(0, 8)}`);
    const created = await keyturn.createKey(org.id, { metadata: { scopes: ['read'], custom: { fields: {} } } });
    const issued = await keyturn.exchangeKey(created.plaintext, { audience: 'svc', ttl: { seconds: 120 } });
    assert.equal(issued.token_type, 'Bearer');
    assert.ok(looksLikeJwt(issued.access_token) && !looksLikeJwt(created.plaintext));

    const jwks = await keyturn.getJwks(org.id);
    assert.deepEqual(jwks.keys.map((k) => k.kid), [issued.kid]);
    const verifier = new TokenVerifier({ jwks, audience: 'svc' });
    const token = await verifier.verify(issued.access_token, { requiredScopes: ['read'] });
    assert.equal(token.keyId, created.key.id);
    assert.equal(token.organizationId, org.id);
    assert.deepEqual(token.scopes, ['read']);

    const refusedWith = (reason) => (err) => {
      assert.ok(err instanceof KeyturnError);
      assert.equal(err.reason, reason);
      return true;
    };
    await assert.rejects(verifier.verify(issued.access_token, { requiredScopes: ['write'] }), (err) => {
      assert.equal(err.reason, 'INSUFFICIENT_SCOPE');
      assert.equal(err.metadata.missingScopes, 'write');
      assert.equal(err.codeName, 'PERMISSION_DENIED');
      return true;
    });
    await assert.rejects(verifier.verify(issued.access_token, { audience: 'other' }), refusedWith('KEY_INVALID'));
    const [head, body, signature] = issued.access_token.split('.');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
    const tampered = `${head}.${b64({ ...claims, scopes: ['read', 'admin'] })}.${signature}`;
    await assert.rejects(verifier.verify(tampered), refusedWith('KEY_INVALID'));
    const unsigned = `${b64({ alg: 'none', kid: issued.kid })}.${body}.`;
    await assert.rejects(verifier.verify(unsigned), refusedWith('KEY_INVALID'));
    const hsHead = b64({ alg: 'HS256', kid: issued.kid, typ: 'JWT' });
    const hmac = createHmac('sha256', Buffer.from(jwks.keys[0].x, 'base64url')).update(`${hsHead}.${body}`).digest('base64url');
    await assert.rejects(verifier.verify(`${hsHead}.${body}.${hmac}`), refusedWith('KEY_INVALID'));
    await assert.rejects(verifier.verify(created.plaintext), refusedWith('KEY_INVALID'));

    async function* revoked() {
      yield created.key.id;
    }
    await verifier.follow(revoked());
    await assert.rejects(verifier.verify(issued.access_token), refusedWith('KEY_REVOKED'));

    const expiredIssuer = new TokenVerifier({ jwks, audience: 'svc', clock: () => new Date(Date.now() + 3600e3) });
    await assert.rejects(expiredIssuer.verify(issued.access_token), (err) => {
      assert.equal(err.reason, 'KEY_EXPIRED');
      assert.ok(err.metadata.expireTime);
      return true;
    });
    assert.throws(() => new TokenVerifier({ jwks, algorithms: ['HS256'] }), /asymmetric/);

    await assert.rejects(keyturn.exchangeKey(created.plaintext, { required_scopes: ['write'] }), refusedWith('INSUFFICIENT_SCOPE'));
  } finally {
    keyturn.close();
  }
});
