"""Field validation for KeyService requests: plain Python, no grpc, no SQLAlchemy.

Each check raises InvalidArgument naming the offending field (the request field path, e.g.
`metadata.scopes[2]`), or returns the value normalised for storage. `Violations` gathers
several failures so one response can name every bad field at once.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from typing import Any, TypeVar

from keyturn_server.domain.errors import FieldViolation, InvalidArgument
from keyturn_server.domain.netcheck import parse_network
from keyturn_server.domain.paging import DEFAULT_PAGE_SIZE as DEFAULT_PAGE_SIZE
from keyturn_server.domain.paging import MAX_PAGE_SIZE as MAX_PAGE_SIZE
from keyturn_server.domain.paging import page_size as page_size

T = TypeVar("T")

MAX_NAME_CHARS = 200
# A resource id as the server writes it: a lowercase UUID.
CANONICAL_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
MAX_SCOPES = 64
SCOPE_PATTERN = re.compile(r"^[A-Za-z0-9_.:\-*/]{1,64}$")
MAX_CUSTOM_BYTES = 16 * 1024
MAX_CIDRS = 64
MAX_REVOKE_REASON_CHARS = 500
# Stored names of the rate-limit windows (api_key.rate_limit_window) and their lengths.
WINDOW_SECONDS: dict[str, int] = {"SECOND": 1, "MINUTE": 60, "HOUR": 3600, "DAY": 86400}
# Stored names of the environments (api_key.environment), as in the key text.
ENVIRONMENTS = ("live", "test")
# Rotation: how long the old key keeps working when the request gives no grace period.
DEFAULT_ROTATION_GRACE = timedelta(hours=24)
MAX_ROTATION_GRACE = timedelta(days=3660)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# The ranges google.protobuf.Timestamp and Duration define (0001-01-01..9999-12-31, +-10,000 y).
MIN_TIMESTAMP_SECONDS = -62_135_596_800
MAX_TIMESTAMP_SECONDS = 253_402_300_799
MAX_DURATION_SECONDS = 315_576_000_000
NANOS = 1_000_000_000


class Violations:
    """Collects field violations; `raise_if_any` raises them together as one InvalidArgument."""

    def __init__(self) -> None:
        self.items: list[FieldViolation] = []

    def check(self, validate: Callable[[], T], fallback: T) -> T:
        """Run one check; on failure remember its violations and return `fallback`."""
        try:
            return validate()
        except InvalidArgument as err:
            self.items.extend(err.violations)
            return fallback

    def add(self, field: str, description: str) -> None:
        self.items.append(FieldViolation(field, description))

    def raise_if_any(self) -> None:
        if self.items:
            raise InvalidArgument(self.items)


def timestamp_parts(field: str, seconds: int, nanos: int) -> None:
    """A Timestamp inside 0001-01-01T00:00:00Z..9999-12-31T23:59:59.999999999Z."""
    if not 0 <= nanos < NANOS:
        raise InvalidArgument.field(field, "is not a valid timestamp: nanos must be 0..999999999")
    if not MIN_TIMESTAMP_SECONDS <= seconds <= MAX_TIMESTAMP_SECONDS:
        raise InvalidArgument.field(field, "is out of range: must be between years 0001 and 9999")


def duration_parts(field: str, seconds: int, nanos: int) -> None:
    """A Duration of at most 10,000 years either way, seconds and nanos of the same sign."""
    if abs(nanos) >= NANOS or (seconds < 0 < nanos) or (nanos < 0 < seconds):
        raise InvalidArgument.field(field, "is not a valid duration")
    if abs(seconds) > MAX_DURATION_SECONDS:
        raise InvalidArgument.field(field, "is out of range: at most 10,000 years")


def storable_text(field: str, value: str) -> str:
    """Text the databases store as given: no NUL (PostgreSQL refuses it, SQLite truncates)."""
    if "\x00" in value:
        raise InvalidArgument.field(field, "must not contain NUL characters")
    return value


def name(field: str, value: str, *, required: bool = True) -> str:
    """A display name: 1..200 characters (0..200 when optional), no control characters."""
    if not value.strip():
        if required:
            raise InvalidArgument.field(field, "is required (1..200 characters)")
        if value:
            raise InvalidArgument.field(field, "must not be only whitespace")
        return ""
    if len(value) > MAX_NAME_CHARS:
        raise InvalidArgument.field(field, f"must be at most {MAX_NAME_CHARS} characters")
    if _CONTROL.search(value):
        raise InvalidArgument.field(field, "must not contain control characters")
    return value


def resource_id(field: str, value: str, *, required: bool = True) -> str | None:
    """A server-assigned UUID in canonical lowercase form, or None when optional and empty.

    A malformed id is INVALID_ARGUMENT; whether a well-formed one exists is decided later
    (NOT_FOUND).
    """
    if not value:
        if required:
            raise InvalidArgument.field(field, "is required")
        return None
    if CANONICAL_ID.match(value):
        return value  # the common case, without building a UUID
    try:
        parsed = uuid.UUID(value)
    except ValueError:
        raise InvalidArgument.field(field, "must be a UUID") from None
    canonical = str(parsed)
    if value.lower() != canonical:
        raise InvalidArgument.field(field, "must be a UUID in the form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx")
    return canonical


def scopes(field: str, values: Iterable[str]) -> list[str]:
    """At most 64 scopes, each matching [A-Za-z0-9_.:-*/]{1,64}; duplicates dropped, order kept."""
    items = list(values)
    if len(items) > MAX_SCOPES:
        raise InvalidArgument.field(field, f"at most {MAX_SCOPES} scopes")
    bad = [
        FieldViolation(f"{field}[{i}]", "must match [A-Za-z0-9_.:\\-*/]{1,64}")
        for i, scope in enumerate(items)
        if not SCOPE_PATTERN.match(scope)
    ]
    if bad:
        raise InvalidArgument(bad)
    return list(dict.fromkeys(items))


def cidrs(field: str, values: Iterable[str]) -> list[str]:
    """At most 64 IPv4/IPv6 networks, normalised (host bits cleared, `10.0.0.1` -> `10.0.0.1/32`)."""
    items = list(values)
    if len(items) > MAX_CIDRS:
        raise InvalidArgument.field(field, f"at most {MAX_CIDRS} networks")
    normalised: list[str] = []
    bad: list[FieldViolation] = []
    for i, text in enumerate(items):
        try:
            network = parse_network(text)
        except ValueError:
            bad.append(FieldViolation(f"{field}[{i}]", "must be an IPv4 or IPv6 network in CIDR notation"))
            continue
        normalised.append(str(network))
    if bad:
        raise InvalidArgument(bad)
    return list(dict.fromkeys(normalised))


def custom(field: str, value: dict[str, Any]) -> dict[str, Any]:
    """Caller JSON, at most 16 KiB in its stored (compact JSON, UTF-8) encoding."""
    try:
        encoded = json.dumps(value, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    except ValueError:
        raise InvalidArgument.field(field, "numbers must be finite") from None
    size = len(encoded.encode())
    if size > MAX_CUSTOM_BYTES:
        raise InvalidArgument.field(field, f"is {size} bytes encoded; at most {MAX_CUSTOM_BYTES}")
    return value


def rate_limit(field: str, requests: int, window: str | None) -> tuple[int, str]:
    bad: list[FieldViolation] = []
    if requests < 1:
        bad.append(FieldViolation(f"{field}.requests", "must be at least 1"))
    if window not in WINDOW_SECONDS:
        bad.append(FieldViolation(f"{field}.window", "must be SECOND, MINUTE, HOUR or DAY"))
    if bad:
        raise InvalidArgument(bad)
    assert window is not None
    return requests, window


def future_time(field: str, value: datetime, now: datetime) -> datetime:
    if value <= now:
        raise InvalidArgument.field(field, "must be in the future")
    return value


def positive_duration(field: str, value: timedelta) -> timedelta:
    if value <= timedelta(0):
        raise InvalidArgument.field(field, "must be positive")
    return value


def expiry(
    now: datetime, expire_time: datetime | None, ttl: timedelta | None, *, expire_field: str, ttl_field: str
) -> datetime | None:
    """The expire_time of a new key from either an absolute time or a time to live."""
    if expire_time is not None and ttl is not None:
        raise InvalidArgument(
            [
                FieldViolation(expire_field, "give either expire_time or ttl, not both"),
                FieldViolation(ttl_field, "give either expire_time or ttl, not both"),
            ]
        )
    if expire_time is not None:
        return future_time(expire_field, expire_time, now)
    if ttl is not None:
        positive_duration(ttl_field, ttl)
        try:
            return now + ttl
        except OverflowError:
            raise InvalidArgument.field(ttl_field, "is too long") from None
    return None


def grace_period(field: str, value: timedelta | None) -> timedelta:
    """Rotation grace: default 24 hours, zero means the old key stops now."""
    if value is None:
        return DEFAULT_ROTATION_GRACE
    if value < timedelta(0):
        raise InvalidArgument.field(field, "must not be negative")
    if value > MAX_ROTATION_GRACE:
        raise InvalidArgument.field(field, f"must be at most {MAX_ROTATION_GRACE.days} days")
    return value


def revoke_reason(field: str, value: str) -> str:
    if len(value) > MAX_REVOKE_REASON_CHARS:
        raise InvalidArgument.field(field, f"must be at most {MAX_REVOKE_REASON_CHARS} characters")
    if _CONTROL.search(value.replace("\n", "").replace("\t", "")):
        raise InvalidArgument.field(field, "must not contain control characters")
    return value
