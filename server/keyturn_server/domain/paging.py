"""The one page-token codec and page-size rule of every List RPC (AIP-158).

A token carries where the previous page ended (the last item's sort key), when the listing
started (`as_of`, so status filters mean the same on every page) and a digest of the
filters, and is MAC'd with a key derived from the server secret: a token that does not
decode to exactly what this service issued - edited, truncated, from another listing or with
other filters - is INVALID_ARGUMENT, never a query with a value the server did not choose.
Tokens are opaque and grant nothing: the parent and filters are authorized again on every
page.

    tokens = PageTokens([key])
    token = tokens.encode(filters, as_of, (create_time, id))
    state = tokens.decode("page_token", token, filters, TIME_ID)   # PageState | None
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from keyturn_server.domain.errors import InvalidArgument

DEFAULT_PAGE_SIZE = 100
MAX_PAGE_SIZE = 1000

_VERSION = 1
_MAC_BYTES = 16
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MAX_MICROS = int((datetime(9999, 12, 31, tzinfo=UTC) - _EPOCH).total_seconds()) * 1_000_000
_MIN_MICROS = 0
_MAX_INT = 2**63 - 1
_MAX_TEXT = 200

# The kinds a cursor's parts may have.
CursorPart = Literal["time", "text", "int"]
TIME_ID: tuple[CursorPart, ...] = ("time", "text")
SEQUENCE: tuple[CursorPart, ...] = ("int",)


def page_size(field: str, value: int) -> int:
    """1..1000; zero means the default (100); larger values are capped at 1000 (AIP-158)."""
    if value < 0:
        raise InvalidArgument.field(field, "must not be negative")
    if value == 0:
        return DEFAULT_PAGE_SIZE
    return min(value, MAX_PAGE_SIZE)


def derive_key(secret: bytes) -> bytes:
    """The page-token MAC key of a server secret (never the secret itself)."""
    return hmac.digest(secret, b"keyturn page tokens v1", "sha256")


@dataclass(frozen=True)
class PageState:
    """A decoded token: the sort key of the last item served, and the listing's start."""

    cursor: tuple[Any, ...]
    as_of: datetime


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _micros(value: datetime) -> int:
    delta = value.astimezone(UTC) - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


def _from_micros(value: Any) -> datetime:
    if type(value) is not int or not _MIN_MICROS <= value <= _MAX_MICROS:
        raise ValueError("time out of range")
    return _EPOCH + timedelta(microseconds=value)


def filters_digest(filters: Mapping[str, Any]) -> str:
    canonical = json.dumps(dict(filters), sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canonical.encode()).hexdigest()[:32]


class PageTokens:
    """Encodes and checks page tokens under MAC keys (the first signs; all verify, so tokens
    survive a secret rotation for as long as the older secret is configured)."""

    def __init__(self, keys: Sequence[bytes]) -> None:
        if not keys:
            raise ValueError("at least one page-token key is required")
        self._keys = list(keys)

    def _mac(self, key: bytes, payload: bytes) -> bytes:
        return hmac.digest(key, payload, "sha256")[:_MAC_BYTES]

    def encode(self, filters: Mapping[str, Any], as_of: datetime, cursor: Sequence[Any]) -> str:
        parts: list[Any] = []
        for value in cursor:
            parts.append(_micros(value) if isinstance(value, datetime) else value)
        body = [_VERSION, filters_digest(filters), _micros(as_of), parts]
        payload = json.dumps(body, separators=(",", ":")).encode()
        return _b64(payload) + "." + _b64(self._mac(self._keys[0], payload))

    def decode(
        self, field: str, token: str, filters: Mapping[str, Any], kinds: Sequence[CursorPart]
    ) -> PageState | None:
        """The state of a token this service issued for the same filters; None for ""."""
        if not token:
            return None
        bad = InvalidArgument.field(field, "is not a page token of this listing")
        if len(token) > 1024 or token.count(".") != 1:
            raise bad
        body_text, mac_text = token.split(".")
        try:
            payload, mac = _unb64(body_text), _unb64(mac_text)
        except (binascii.Error, ValueError):
            raise bad from None
        if not any(hmac.compare_digest(mac, self._mac(key, payload)) for key in self._keys):
            raise bad
        try:
            version, digest, as_of, parts = json.loads(payload)
            if version != _VERSION or not isinstance(parts, list) or len(parts) != len(kinds):
                raise ValueError("unexpected token shape")
            cursor = tuple(_part(kind, value) for kind, value in zip(kinds, parts, strict=True))
            state = PageState(cursor, _from_micros(as_of))
        except (ValueError, TypeError):
            raise bad from None
        if not isinstance(digest, str) or not hmac.compare_digest(digest, filters_digest(filters)):
            raise InvalidArgument.field(field, "was issued for a listing with other filters")
        return state


def _part(kind: CursorPart, value: Any) -> Any:
    if kind == "time":
        return _from_micros(value)
    if kind == "int":
        if type(value) is not int or not 0 <= value <= _MAX_INT:
            raise ValueError("integer out of range")
        return value
    if not isinstance(value, str) or len(value) > _MAX_TEXT or "\x00" in value:
        raise ValueError("bad text")
    return value


__all__ = [
    "DEFAULT_PAGE_SIZE",
    "MAX_PAGE_SIZE",
    "SEQUENCE",
    "TIME_ID",
    "PageState",
    "PageTokens",
    "derive_key",
    "filters_digest",
    "page_size",
]
