"""Plain inputs for the client methods: dataclasses and enums that mirror the reference SDK.

Outputs are the generated messages of keyturn.v1 (typed through their .pyi stubs); these
types exist so that callers can build requests without touching protobuf.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

from google.protobuf import duration_pb2, struct_pb2, timestamp_pb2

from keyturn.v1 import access_pb2, audit_pb2, crypto_keys_pb2, crypto_pb2, key_events_pb2, keys_pb2

__all__ = [
    "AuditOrder",
    "AuditOutcome",
    "CryptoKeyAlgorithm",
    "CryptoKeyPurpose",
    "EllipticCurve",
    "Environment",
    "ImportMethod",
    "KeyEventType",
    "KeyMetadata",
    "KeyPairAlgorithm",
    "KeyStatus",
    "RateLimit",
    "RateLimitWindow",
    "ReportGranularity",
    "Role",
    "RoleBinding",
    "TokenType",
]

# datetime.UTC is 3.11+; this distribution supports 3.10.
UTC = timezone.utc  # noqa: UP017


class CryptoKeyPurpose(enum.IntEnum):
    """What a managed key is for (fixed at creation)."""

    ENCRYPT_DECRYPT = crypto_keys_pb2.CRYPTO_KEY_PURPOSE_ENCRYPT_DECRYPT
    ASYMMETRIC_SIGN = crypto_keys_pb2.CRYPTO_KEY_PURPOSE_ASYMMETRIC_SIGN
    MAC = crypto_keys_pb2.CRYPTO_KEY_PURPOSE_MAC


class CryptoKeyAlgorithm(enum.IntEnum):
    """A managed key's algorithm; each belongs to one CryptoKeyPurpose."""

    AES_256_GCM = crypto_keys_pb2.CRYPTO_KEY_ALGORITHM_AES_256_GCM
    CHACHA20_POLY1305 = crypto_keys_pb2.CRYPTO_KEY_ALGORITHM_CHACHA20_POLY1305
    ED25519 = crypto_keys_pb2.CRYPTO_KEY_ALGORITHM_ED25519
    ECDSA_P256_SHA256 = crypto_keys_pb2.CRYPTO_KEY_ALGORITHM_ECDSA_P256_SHA256
    ECDSA_P384_SHA384 = crypto_keys_pb2.CRYPTO_KEY_ALGORITHM_ECDSA_P384_SHA384
    RSA_PSS_2048_SHA256 = crypto_keys_pb2.CRYPTO_KEY_ALGORITHM_RSA_PSS_2048_SHA256
    RSA_PSS_3072_SHA256 = crypto_keys_pb2.CRYPTO_KEY_ALGORITHM_RSA_PSS_3072_SHA256
    RSA_PSS_4096_SHA256 = crypto_keys_pb2.CRYPTO_KEY_ALGORITHM_RSA_PSS_4096_SHA256
    HMAC_SHA256 = crypto_keys_pb2.CRYPTO_KEY_ALGORITHM_HMAC_SHA256
    HMAC_SHA512 = crypto_keys_pb2.CRYPTO_KEY_ALGORITHM_HMAC_SHA512

    @property
    def purpose(self) -> CryptoKeyPurpose:
        name = self.name
        if name in ("AES_256_GCM", "CHACHA20_POLY1305"):
            return CryptoKeyPurpose.ENCRYPT_DECRYPT
        if name.startswith("HMAC"):
            return CryptoKeyPurpose.MAC
        return CryptoKeyPurpose.ASYMMETRIC_SIGN


class ImportMethod(enum.IntEnum):
    """How material is wrapped for ImportCryptoKeyVersion (bring your own key)."""

    RSA_OAEP_3072_SHA256 = crypto_keys_pb2.IMPORT_METHOD_RSA_OAEP_3072_SHA256
    RSA_OAEP_3072_SHA256_AES_256 = crypto_keys_pb2.IMPORT_METHOD_RSA_OAEP_3072_SHA256_AES_256


class RateLimitWindow(enum.IntEnum):
    """Rate-limit window length. Lower-case aliases match the reference SDK (`.minute`)."""

    SECOND = keys_pb2.RATE_LIMIT_WINDOW_SECOND
    MINUTE = keys_pb2.RATE_LIMIT_WINDOW_MINUTE
    HOUR = keys_pb2.RATE_LIMIT_WINDOW_HOUR
    DAY = keys_pb2.RATE_LIMIT_WINDOW_DAY
    second = SECOND
    minute = MINUTE
    hour = HOUR
    day = DAY


class Environment(enum.IntEnum):
    """The environment segment of a key (`kt_live_...`, `kt_test_...`)."""

    LIVE = keys_pb2.ENVIRONMENT_LIVE
    TEST = keys_pb2.ENVIRONMENT_TEST
    live = LIVE
    test = TEST


class KeyStatus(enum.IntEnum):
    """Status filter for list_keys (the reference SDK's KeyStatus.active/.revoked/...)."""

    ACTIVE = keys_pb2.KEY_STATUS_FILTER_ACTIVE
    REVOKED = keys_pb2.KEY_STATUS_FILTER_REVOKED
    EXPIRED = keys_pb2.KEY_STATUS_FILTER_EXPIRED
    ALL = keys_pb2.KEY_STATUS_FILTER_ALL
    active = ACTIVE
    revoked = REVOKED
    expired = EXPIRED
    all = ALL


class TokenType(enum.IntEnum):
    """What generate_key produces."""

    API_KEY = crypto_pb2.TOKEN_TYPE_API_KEY
    UUID_V4 = crypto_pb2.TOKEN_TYPE_UUID_V4
    NANOID = crypto_pb2.TOKEN_TYPE_NANOID
    SECRET = crypto_pb2.TOKEN_TYPE_SECRET


class KeyPairAlgorithm(enum.IntEnum):
    """Algorithms of generate_keypair."""

    RSA = crypto_pb2.KEY_PAIR_ALGORITHM_RSA
    EC = crypto_pb2.KEY_PAIR_ALGORITHM_EC
    ED25519 = crypto_pb2.KEY_PAIR_ALGORITHM_ED25519


class EllipticCurve(enum.IntEnum):
    """NIST curves for KeyPairAlgorithm.EC."""

    P256 = crypto_pb2.ELLIPTIC_CURVE_P256
    P384 = crypto_pb2.ELLIPTIC_CURVE_P384
    P521 = crypto_pb2.ELLIPTIC_CURVE_P521


class AuditOutcome(enum.IntEnum):
    """Outcome filter for audit events."""

    SUCCESS = audit_pb2.AUDIT_OUTCOME_SUCCESS
    FAILURE = audit_pb2.AUDIT_OUTCOME_FAILURE


class KeyEventType(enum.IntEnum):
    """What happened to a key (the type filter of list_key_events / watch_key_events)."""

    CREATED = key_events_pb2.KEY_EVENT_TYPE_CREATED
    UPDATED = key_events_pb2.KEY_EVENT_TYPE_UPDATED
    ROTATED = key_events_pb2.KEY_EVENT_TYPE_ROTATED
    ROTATION_DUE = key_events_pb2.KEY_EVENT_TYPE_ROTATION_DUE
    EXPIRING = key_events_pb2.KEY_EVENT_TYPE_EXPIRING
    EXPIRED = key_events_pb2.KEY_EVENT_TYPE_EXPIRED
    REVOKED = key_events_pb2.KEY_EVENT_TYPE_REVOKED
    DELETED = key_events_pb2.KEY_EVENT_TYPE_DELETED
    LEAKED = key_events_pb2.KEY_EVENT_TYPE_LEAKED
    RATE_LIMIT_EXCEEDED = key_events_pb2.KEY_EVENT_TYPE_RATE_LIMIT_EXCEEDED
    CREDITS_LOW = key_events_pb2.KEY_EVENT_TYPE_CREDITS_LOW


class AuditOrder(enum.IntEnum):
    """Order of list_audit_events."""

    NEWEST_FIRST = audit_pb2.AUDIT_ORDER_NEWEST_FIRST
    OLDEST_FIRST = audit_pb2.AUDIT_ORDER_OLDEST_FIRST


class ReportGranularity(enum.IntEnum):
    """Bucket width of get_usage_report."""

    HOUR = audit_pb2.REPORT_GRANULARITY_HOUR
    DAY = audit_pb2.REPORT_GRANULARITY_DAY


class Role(enum.IntEnum):
    """What a principal's role binding allows (AccessService)."""

    ADMIN = access_pb2.ROLE_ADMIN
    ORG_ADMIN = access_pb2.ROLE_ORG_ADMIN
    KEY_MANAGER = access_pb2.ROLE_KEY_MANAGER
    AUDITOR = access_pb2.ROLE_AUDITOR
    VALIDATOR = access_pb2.ROLE_VALIDATOR
    CRYPTO = access_pb2.ROLE_CRYPTO
    LEAK_REPORTER = access_pb2.ROLE_LEAK_REPORTER
    # RevealKey (plaintexts of recoverable keys) and GetKey, for one organization.
    KEY_REVEALER = access_pb2.ROLE_KEY_REVEALER


@dataclass(frozen=True)
class RateLimit:
    """At most `requests` successful validations per `window`."""

    requests: int
    window: RateLimitWindow = RateLimitWindow.MINUTE

    def to_proto(self) -> keys_pb2.RateLimit:
        return keys_pb2.RateLimit(requests=self.requests, window=int(self.window))  # type: ignore[arg-type]


@dataclass(frozen=True)
class KeyMetadata:
    """What a key is for and what it may do (name, scopes, rate limit, custom JSON)."""

    name: str = ""
    scopes: Sequence[str] = ()
    rate_limit: RateLimit | None = None
    custom: Mapping[str, Any] = field(default_factory=dict)

    def to_proto(self) -> keys_pb2.KeyMetadata:
        message = keys_pb2.KeyMetadata(name=self.name, scopes=list(self.scopes))
        if self.rate_limit is not None:
            message.rate_limit.CopyFrom(self.rate_limit.to_proto())
        if self.custom:
            message.custom.CopyFrom(to_struct(self.custom))
        return message


@dataclass(frozen=True)
class RoleBinding:
    """A role, optionally narrowed to an organization, project or product."""

    role: Role
    organization_id: str = ""
    project_id: str = ""
    product_id: str = ""

    def to_proto(self) -> access_pb2.RoleBinding:
        return access_pb2.RoleBinding(
            role=int(self.role),  # type: ignore[arg-type]
            organization_id=self.organization_id,
            project_id=self.project_id,
            product_id=self.product_id,
        )


def to_struct(values: Mapping[str, Any]) -> struct_pb2.Struct:
    message = struct_pb2.Struct()
    message.update(dict(values))
    return message


def to_timestamp(value: datetime) -> timestamp_pb2.Timestamp:
    """A timestamp from an aware datetime (a naive one is taken as UTC)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    message = timestamp_pb2.Timestamp()
    message.FromDatetime(value.astimezone(UTC))
    return message


def to_duration(value: timedelta | float) -> duration_pb2.Duration:
    """A duration from a timedelta or a number of seconds."""
    message = duration_pb2.Duration()
    message.FromTimedelta(value if isinstance(value, timedelta) else timedelta(seconds=value))
    return message


def from_timestamp(value: timestamp_pb2.Timestamp) -> datetime | None:
    """An aware UTC datetime, or None for an unset (zero) timestamp."""
    if value.seconds == 0 and value.nanos == 0:
        return None
    return value.ToDatetime(tzinfo=UTC)
