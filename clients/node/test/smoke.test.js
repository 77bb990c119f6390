'use strict';
// Smoke test against a running Keyturn server: KEYTURN_ADDR (and KEYTURN_TOKEN when the
// server enforces auth). Run by tests/test_client_node.py, or by hand with `npm test`.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { randomUUID } = require('node:crypto');
const { KeyturnClient, KeyturnError } = require('..');

const addr = process.env.KEYTURN_ADDR;

test('create an org and a key, validate it, revoke it, see KEY_REVOKED', { skip: !addr && 'KEYTURN_ADDR not set' }, async () => {
  const keyturn = new KeyturnClient(addr, { token: process.env.KEYTURN_TOKEN || '' });
  try {
    const org = await keyturn.createOrganization(`node-smoke-${randomUUID().slice(0, 8)}`);
    assert.match(org.id, /^[0-9a-f-]{36}$/);

    const created = await keyturn.createKey(org.id, {
      metadata: { name: 'node', scopes: ['read'], rate_limit: { requests: 100, window: 'RATE_LIMIT_WINDOW_MINUTE' } },
    });
    assert.match(created.plaintext, /^kt_live_/);
    assert.equal(created.key.organization_id, org.id);

    const ok = await keyturn.validateKey(created.plaintext, { required_scopes: ['read'] });
    assert.equal(ok.key.id, created.key.id);
    assert.equal(ok.rate_limit.limit, '100');

    await assert.rejects(keyturn.validateKey(created.plaintext, { required_scopes: ['admin'] }), (err) => {
      assert.ok(err instanceof KeyturnError);
      assert.equal(err.reason, 'INSUFFICIENT_SCOPE');
      assert.equal(err.metadata.missingScopes, 'admin');
      return true;
    });

    const revoked = await keyturn.revokeKey(created.key.id, 'node smoke test');
    assert.equal(revoked.status, 'KEY_STATUS_REVOKED');

    await assert.rejects(keyturn.validateKey(created.plaintext), (err) => {
      assert.ok(err instanceof KeyturnError);
      assert.equal(err.codeName, 'PERMISSION_DENIED');
      assert.equal(err.reason, 'KEY_REVOKED');
      assert.equal(err.domain, 'keyturn.dev');
      assert.equal(err.details[0]['@type'], 'google.rpc.ErrorInfo');
      return true;
    });

    await assert.rejects(keyturn.createOrganization(org.name), (err) => {
      assert.equal(err.reason, 'ALREADY_EXISTS');
      assert.equal(err.metadata.existingId, org.id);
      return true;
    });

    await listAndWatchKeyEvents(keyturn, org.id, created.key.id);
  } finally {
    keyturn.close();
  }
});

/** The key events of the org above: CREATED then REVOKED, listed and watched. */
async function listAndWatchKeyEvents(keyturn, organizationId, keyId) {
  const page = await keyturn.listKeyEvents({ filter: { organization_id: organizationId } });
  assert.deepEqual(
    page.events.map((e) => [e.type, e.key_id]),
    [
      ['KEY_EVENT_TYPE_CREATED', keyId],
      ['KEY_EVENT_TYPE_REVOKED', keyId],
    ],
  );
  const seen = [];
  for await (const event of keyturn.watchKeyEvents({ filter: { organization_id: organizationId } })) {
    seen.push(event.sequence);
    if (seen.length === 2) break;
  }
  assert.deepEqual(seen, page.events.map((e) => e.sequence));
  await assert.rejects(
    (async () => {
      for await (const _ of keyturn.watchKeyEvents({ filter: { organization_id: 'nope' } })) break;
    })(),
    (err) => err instanceof KeyturnError && err.reason === 'INVALID_ARGUMENT',
  );
}
