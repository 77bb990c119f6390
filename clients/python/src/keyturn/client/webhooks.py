"""Verify Keyturn webhook deliveries (no server needed).

Keyturn signs each delivery with the subscription's secret, in Stripe's shape::

    Keyturn-Signature: t=1767225600,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd

`v1` is the hex HMAC-SHA256, keyed with the UTF-8 bytes of the whole secret (``whsec_...``),
of ``"<t>." + raw body``. During a secret rotation's overlap the header carries one `v1` per
secret; a delivery is genuine when any of them matches. Verify the raw request body (before
any JSON parsing), then deduplicate by the ``Keyturn-Delivery-Id`` header: delivery is at
least once.

    from keyturn.client.webhooks import verify_signature, WebhookSignatureError

    try:
        verify_signature(request_body, request.headers["Keyturn-Signature"], secret)
    except WebhookSignatureError:
        return 400
"""

from __future__ import annotations

import hashlib
import hmac
import time

__all__ = ["SIGNATURE_HEADER", "WebhookSignatureError", "sign", "verify_signature"]

SIGNATURE_HEADER = "Keyturn-Signature"


class WebhookSignatureError(ValueError):
    """The header is malformed, too old (or in the future), or no signature matches."""


def sign(payload: bytes, secret: str, timestamp: int) -> str:
    """The hex `v1` signature of `payload` at `timestamp` (what Keyturn sends)."""
    return hmac.new(secret.encode(), str(timestamp).encode() + b"." + payload, hashlib.sha256).hexdigest()


def verify_signature(
    payload: bytes, header: str, secret: str, tolerance: float = 300, *, now: float | None = None
) -> int:
    """Check a delivery; returns its timestamp, or raises WebhookSignatureError.

    `tolerance`: how many seconds the timestamp may differ from `now` (default: the current
    time) either way; 0 or less turns the check off. The comparison is constant-time.
    """
    timestamp: int | None = None
    candidates: list[str] = []
    for item in header.split(","):
        key, sep, value = item.strip().partition("=")
        if not sep:
            continue
        if key == "t":
            try:
                timestamp = int(value)
            except ValueError:
                raise WebhookSignatureError("the signature header's timestamp is not a number") from None
        elif key == "v1":
            candidates.append(value)
    if timestamp is None:
        raise WebhookSignatureError("the signature header has no timestamp (t=...)")
    if not candidates:
        raise WebhookSignatureError("the signature header has no v1 signature")
    current = time.time() if now is None else now
    if tolerance > 0 and abs(current - timestamp) > tolerance:
        raise WebhookSignatureError("the signature's timestamp is outside the tolerance")
    expected = sign(payload, secret, timestamp)
    matched = False
    for candidate in candidates:
        # Every candidate is compared (no early exit), each in constant time.
        matched |= hmac.compare_digest(expected.encode(), candidate.encode())
    if not matched:
        raise WebhookSignatureError("no signature matches the payload and secret")
    return timestamp
