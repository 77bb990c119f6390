'use strict';
// The revocation bound against a running Keyturn server (KEYTURN_ADDR, KEYTURN_TOKEN): a
// TokenVerifier following the organization's key events (followRevocations) refuses a revoked
// key's token, and its child's, within the event latency. Run by tests/test_client_node.py.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { randomUUID } = require('node:crypto');
const { setTimeout: sleep } = require('node:timers/promises');
const { KeyturnClient, KeyturnError, TokenVerifier } = require('..');

const addr = process.env.KEYTURN_ADDR;

async function refusedWithin(verifier, token, ms = 10000) {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      await verifier.verify(token);
    } catch (err) {
      assert.ok(err instanceof KeyturnError);
      assert.equal(err.reason, 'KEY_REVOKED');
      assert.equal(err.codeName, 'PERMISSION_DENIED');
      return;
    }
    assert.ok(Date.now() < deadline, `the token was still accepted after ${ms} ms`);
    await sleep(20);
  }
}

test('a verifier following revocations refuses a revoked key and its child', { skip: !addr && 'KEYTURN_ADDR not set' }, async () => {
  const keyturn = new KeyturnClient(addr, { token: process.env.KEYTURN_TOKEN || '' });
  try {
    const org = await keyturn.createOrganization(`node-rev-${randomUUID().slice(0, 8)}`);
    const parent = await keyturn.createKey(org.id, { metadata: { scopes: ['read'] } });
    const child = await keyturn.createKey(org.id, { metadata: { scopes: ['read'] }, parent_key_id: parent.key.id });
    const other = await keyturn.createKey(org.id, { metadata: { scopes: ['read'] } });
    const [token, childToken, otherToken] = await Promise.all(
      [parent, child, other].map(async (k) => (await keyturn.exchangeKey(k.plaintext)).access_token),
    );
    const verifier = new TokenVerifier({ jwks: await keyturn.getJwks(org.id) });
    assert.equal((await verifier.verify(token)).keyId, parent.key.id);

    const following = verifier.followRevocations(keyturn, org.id, { initialBackoffMs: 50, maxBackoffMs: 300 });
    try {
      assert.equal((await verifier.verify(childToken)).keyId, child.key.id);
      await keyturn.revokeKey(parent.key.id, 'compromised');
      await refusedWithin(verifier, token);
      await refusedWithin(verifier, childToken); // revoked by its parent's revocation
      assert.equal((await verifier.verify(otherToken)).keyId, other.key.id);
      assert.ok(BigInt(verifier.revocationCursor) > 0n);
      assert.equal(verifier.refusedKeys, 2);
    } finally {
      following.stop();
      await following.done;
    }

    // An event older than the longest token lifetime is not remembered (its tokens are dead).
    const old = { key_id: 'k-old', type: 'KEY_EVENT_TYPE_REVOKED', event_time: { seconds: String(Math.floor(Date.now() / 1000) - 7200), nanos: 0 } };
    assert.equal(verifier.refuseEvent(old), true);
    const flagged = { key_id: 'k-flag', type: 'KEY_EVENT_TYPE_LEAKED', data: { fields: { action: { string_value: 'FLAGGED' } } } };
    assert.equal(verifier.refuseEvent(flagged), false);
    assert.equal(verifier.refusedKeys, 2);
  } finally {
    keyturn.close();
  }
});
