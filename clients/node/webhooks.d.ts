// Verification of Keyturn webhook deliveries (webhooks.js).
/** The header is malformed, outside the tolerance, or no signature matches. */
export class WebhookSignatureError extends Error {}
/** The hex v1 signature of `payload` at `timestamp`: HMAC-SHA256(secret, "<t>." + payload). */
export function sign(payload: string | Buffer, secret: string, timestamp: number): string;
/** Returns the delivery's timestamp or throws WebhookSignatureError. */
export function verifySignature(
  payload: string | Buffer,
  header: string,
  secret: string,
  options?: { tolerance?: number; now?: number },
): number;
