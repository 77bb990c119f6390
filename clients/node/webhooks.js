'use strict';
/**
 * Verify Keyturn webhook deliveries (no server needed). Keyturn sends
 * `Keyturn-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>." + body)>`, keyed with
 * the UTF-8 bytes of the whole secret (`whsec_...`); during a secret rotation's overlap there is
 * one v1 per secret. Verify the raw body, then deduplicate by `Keyturn-Delivery-Id`.
 *
 *   const { verifySignature } = require('@keyturn/client/webhooks');
 *   verifySignature(rawBody, req.headers['keyturn-signature'], secret); // throws if not genuine
 */
const crypto = require('node:crypto');

class WebhookSignatureError extends Error {}

function sign(payload, secret, timestamp) {
  return crypto.createHmac('sha256', secret).update(`${timestamp}.`).update(payload).digest('hex');
}

/**
 * Returns the delivery's timestamp, or throws WebhookSignatureError. `tolerance` (seconds,
 * default 300; 0 turns it off) bounds the timestamp's distance from `now` (seconds).
 */
function verifySignature(payload, header, secret, { tolerance = 300, now } = {}) {
  let timestamp = null;
  const candidates = [];
  for (const item of String(header || '').split(',')) {
    const at = item.indexOf('=');
    if (at < 0) continue;
    const key = item.slice(0, at).trim();
    const value = item.slice(at + 1).trim();
    if (key === 't') {
      if (!/^\d+$/.test(value)) throw new WebhookSignatureError('the signature header\'s timestamp is not a number');
      timestamp = Number(value);
    } else if (key === 'v1') {
      candidates.push(value);
    }
  }
  if (timestamp === null) throw new WebhookSignatureError('the signature header has no timestamp (t=...)');
  if (candidates.length === 0) throw new WebhookSignatureError('the signature header has no v1 signature');
  const current = now === undefined ? Date.now() / 1000 : now;
  if (tolerance > 0 && Math.abs(current - timestamp) > tolerance) {
    throw new WebhookSignatureError('the signature\'s timestamp is outside the tolerance');
  }
  const expected = Buffer.from(sign(payload, secret, timestamp));
  let matched = false;
  for (const candidate of candidates) {
    const given = Buffer.from(candidate);
    // timingSafeEqual needs equal lengths; a length mismatch is simply no match.
    if (given.length === expected.length && crypto.timingSafeEqual(given, expected)) matched = true;
  }
  if (!matched) throw new WebhookSignatureError('no signature matches the payload and secret');
  return timestamp;
}

module.exports = { WebhookSignatureError, sign, verifySignature };
