"""Webhook rules: URL policy, the signature scheme, the retry schedule and the payload.

Plain Python (no grpc, no SQLAlchemy).

Signature (Stripe's shape): `Keyturn-Signature: t=<unix seconds>,v1=<hex>` where the hex is
HMAC-SHA256 keyed with the UTF-8 bytes of the whole secret (`whsec_...`) over
`"<t>." + body`. During a secret rotation's overlap the header carries one v1 value per
secret (newest first); a receiver accepts the request when any of them matches.

Retries: after failed attempt n (1-based) the next one waits RETRY_SCHEDULE[n-1] times a
random factor in [1 - JITTER, 1 + JITTER]; after the last step the delivery gives up. The
steps add up to about 34.4 hours (at least 27.5 h with the jitter), so a receiver that is
down for a day still gets every event.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import random
import secrets
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from keyturn_server.domain.errors import InvalidArgument

SECRET_PREFIX = "whsec_"  # noqa: S105 - a prefix, not a secret
SIGNATURE_HEADER = "Keyturn-Signature"
DELIVERY_ID_HEADER = "Keyturn-Delivery-Id"
EVENT_TYPE_HEADER = "Keyturn-Event-Type"
MAX_URL_CHARS = 2048
MAX_DESCRIPTION_CHARS = 500

RETRY_SCHEDULE: tuple[timedelta, ...] = (
    timedelta(seconds=10),
    timedelta(seconds=30),
    timedelta(minutes=2),
    timedelta(minutes=10),
    timedelta(hours=1),
    timedelta(hours=3),
    timedelta(hours=6),
    timedelta(hours=12),
    timedelta(hours=12),
)
JITTER = 0.2
# Attempts of one delivery before it gives up: the first plus one per schedule step.
MAX_ATTEMPTS = len(RETRY_SCHEDULE) + 1
# A subscription whose last this-many deliveries in a row gave up is disabled.
DISABLE_AFTER_GAVE_UP = 5
# How long the previous secret keeps signing after a rotation, by default and at most.
DEFAULT_SECRET_OVERLAP = timedelta(hours=24)
MAX_SECRET_OVERLAP = timedelta(days=7)
# Keys of event data that are never sent, whatever a producer put there.
_FORBIDDEN_DATA_WORDS = ("plaintext", "hash", "secret")


def new_secret() -> str:
    return SECRET_PREFIX + secrets.token_urlsafe(32)


_CGNAT = ipaddress.ip_network("100.64.0.0/10")


def blocked_address(address: str) -> str:
    """Why a webhook may not be sent to this IP address by default ("" = a public address).

    Everything that is not globally routable is refused: loopback, RFC 1918 and fc00::/7,
    link-local (169.254/16 with the cloud metadata address, fe80::/10), unspecified,
    CGNAT (100.64/10), documentation and other reserved ranges (`ipaddress`'s is_global),
    plus multicast. IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) are judged as the IPv4
    address they carry.
    """
    ip: ipaddress.IPv4Address | ipaddress.IPv6Address = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for name, hit in (
        ("CGNAT", ip in _CGNAT),
        ("loopback", ip.is_loopback),
        ("unspecified", ip.is_unspecified),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("private", ip.is_private),
        ("not globally routable", not ip.is_global),
    ):
        if hit:
            return name
    return ""


def ip_literal(host: str) -> str | None:
    """The host as an IP address string if it is an IP literal, else None."""
    try:
        return str(ipaddress.ip_address(host.split("%", 1)[0]))
    except ValueError:
        return None


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_url(field: str, url: str, *, allow_http: bool, allow_private: bool = False) -> str:
    """An absolute https:// URL (http:// to a loopback host, or any with allow_http); an IP
    literal host must be a public address unless allow_private (names are checked when
    sending, after resolving them: usecases/webhooks.py)."""
    if not url:
        raise InvalidArgument.field(field, "required")
    if len(url) > MAX_URL_CHARS:
        raise InvalidArgument.field(field, f"must be at most {MAX_URL_CHARS} characters")
    if any(ord(c) < 0x21 or ord(c) == 0x7F for c in url):
        raise InvalidArgument.field(field, "must not contain spaces or control characters")
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        _ = parts.port
    except ValueError:
        raise InvalidArgument.field(field, "is not a valid URL") from None
    if parts.scheme not in ("https", "http") or not host:
        raise InvalidArgument.field(field, "must be an absolute https:// URL")
    if parts.username is not None or parts.password is not None:
        raise InvalidArgument.field(field, "must not carry user:password")
    if parts.fragment:
        raise InvalidArgument.field(field, "must not have a #fragment")
    literal = ip_literal(host)
    if literal is not None and not allow_private:
        why = blocked_address(literal)
        if why:
            raise InvalidArgument.field(
                field,
                f"must not point to a {why} address (allowed only with KEYTURN_WEBHOOK_ALLOW_PRIVATE_NETWORKS)",
            )
    if parts.scheme == "http" and not allow_http and not _is_loopback(host):
        raise InvalidArgument.field(
            field, "must use https:// (http:// only to a loopback host unless KEYTURN_WEBHOOK_ALLOW_HTTP)"
        )
    return url


def check_description(field: str, description: str) -> str:
    if len(description) > MAX_DESCRIPTION_CHARS:
        raise InvalidArgument.field(field, f"must be at most {MAX_DESCRIPTION_CHARS} characters")
    if any(ord(c) < 0x20 and c not in "\t\n" for c in description):
        raise InvalidArgument.field(field, "must not contain control characters")
    return description


def signature(secret: str, timestamp: int, body: bytes) -> str:
    signed = str(timestamp).encode() + b"." + body
    return hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()


def signature_header(secrets_newest_first: Iterable[str], timestamp: int, body: bytes) -> str:
    values = [f"v1={signature(s, timestamp, body)}" for s in secrets_newest_first]
    return ",".join([f"t={timestamp}", *values])


def next_attempt(failed_attempts: int, now: datetime, rng: random.Random | None = None) -> datetime | None:
    """When to try again after `failed_attempts` failures in the window; None: give up."""
    if failed_attempts < 1 or failed_attempts > len(RETRY_SCHEDULE):
        return None
    factor = 1 + (rng or random).uniform(-JITTER, JITTER)
    return now + RETRY_SCHEDULE[failed_attempts - 1] * factor


def _clean(data: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in data.items():
        if any(word in key.lower() for word in _FORBIDDEN_DATA_WORDS):
            continue
        out[key] = _clean(value) if isinstance(value, Mapping) else value
    return out


def payload(
    *,
    sequence: int,
    type_name: str,
    event_time: datetime,
    organization_id: str,
    project_id: str,
    product_id: str,
    key_id: str,
    actor: str,
    data: Mapping[str, Any],
) -> bytes:
    """The JSON body of a delivery: `{id, type, created, data: {the key event's fields}}`.
    `type_name` is the KeyEventType name (KEY_EVENT_TYPE_...)."""
    body = {
        "id": f"kevt_{sequence}",
        "type": type_name,
        "created": int(event_time.timestamp()),
        "data": {
            "sequence": sequence,
            "type": type_name,
            "organization_id": organization_id,
            "project_id": project_id,
            "product_id": product_id,
            "key_id": key_id,
            "event_time": event_time.isoformat().replace("+00:00", "Z"),
            "actor": actor,
            "data": _clean(data),
        },
    }
    return json.dumps(body, separators=(",", ":"), sort_keys=True, default=str).encode()


__all__ = [
    "DEFAULT_SECRET_OVERLAP",
    "DELIVERY_ID_HEADER",
    "DISABLE_AFTER_GAVE_UP",
    "EVENT_TYPE_HEADER",
    "MAX_ATTEMPTS",
    "MAX_SECRET_OVERLAP",
    "RETRY_SCHEDULE",
    "SECRET_PREFIX",
    "SIGNATURE_HEADER",
    "blocked_address",
    "check_description",
    "check_url",
    "ip_literal",
    "new_secret",
    "next_attempt",
    "payload",
    "signature",
    "signature_header",
]
