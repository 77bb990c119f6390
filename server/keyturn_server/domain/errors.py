"""Domain errors: raised once, where a rule is broken, and mapped once, at the gRPC edge.

Each error names its ErrorReason (the string sent as google.rpc.ErrorInfo.reason); the
status code and extra details are decided by the single table in api/errors.py. Messages
are safe to show to callers: they never contain a key, a password or a plaintext.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class FieldViolation:
    field: str
    description: str


class DomainError(Exception):
    """Base class. `reason` is an ErrorReason value name; `metadata` goes into ErrorInfo."""

    reason: str = "INTERNAL"

    def __init__(self, message: str, metadata: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.metadata = dict(metadata or {})


def _clip(text: str, limit: int = 128) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def _summary(violations: list[FieldViolation], shown: int = 5) -> str:
    """The message of an InvalidArgument: the first few violations, each clipped."""
    text = "; ".join(f"{_clip(v.field)}: {_clip(v.description)}" for v in violations[:shown])
    if len(violations) > shown:
        text += f"; and {len(violations) - shown} more"
    return text


class InvalidArgument(DomainError):
    reason = "INVALID_ARGUMENT"

    def __init__(self, violations: list[FieldViolation] | FieldViolation, message: str | None = None) -> None:
        self.violations = [violations] if isinstance(violations, FieldViolation) else list(violations)
        super().__init__(message or _summary(self.violations))

    @classmethod
    def field(cls, field: str, description: str) -> InvalidArgument:
        return cls(FieldViolation(field, description))


class PayloadTooLarge(DomainError):
    reason = "PAYLOAD_TOO_LARGE"

    def __init__(self, field: str, limit_bytes: int) -> None:
        super().__init__(
            f"{field} exceeds the limit of {limit_bytes} bytes", {"limitBytes": str(limit_bytes)}
        )
        self.field = field
        self.limit_bytes = limit_bytes


class DecryptionFailed(DomainError):
    reason = "DECRYPTION_FAILED"

    def __init__(self) -> None:
        super().__init__("decryption failed: the data, key, password or associated data do not match")


class NotFound(DomainError):
    reason = "NOT_FOUND"

    def __init__(self, resource_type: str, resource_id: str = "") -> None:
        super().__init__(f"{resource_type} not found", {"resourceType": resource_type})
        self.resource_type = resource_type
        self.resource_id = resource_id


class AlreadyExists(DomainError):
    reason = "ALREADY_EXISTS"

    def __init__(self, resource_type: str, existing_id: str) -> None:
        super().__init__(
            f"{resource_type} with this name already exists",
            {"existingId": existing_id, "resourceType": resource_type},
        )
        self.resource_type = resource_type
        self.existing_id = existing_id


class FailedPrecondition(DomainError):
    reason = "FAILED_PRECONDITION"


class KeyNotRecoverable(DomainError):
    """RevealKey on a key whose plaintext was never kept."""

    reason = "KEY_NOT_RECOVERABLE"

    def __init__(self, key_id: str) -> None:
        super().__init__("the key is not recoverable: its plaintext was never kept", {"keyId": key_id})


class KeyEventCursorExpired(DomainError):
    reason = "KEY_EVENT_CURSOR_EXPIRED"

    def __init__(self, after_sequence: int, oldest_sequence: int) -> None:
        super().__init__(
            f"the key events after sequence {after_sequence} were pruned; "
            f"the oldest retained one is {oldest_sequence}",
            {"afterSequence": str(after_sequence), "oldestSequence": str(oldest_sequence)},
        )


class KeyInvalid(DomainError):
    reason = "KEY_INVALID"

    def __init__(self) -> None:
        # One message for malformed, bad-checksum and unknown keys: no existence oracle.
        super().__init__("the API key is invalid")


class KeyExpired(DomainError):
    reason = "KEY_EXPIRED"

    def __init__(self, expire_time: datetime) -> None:
        stamp = expire_time.isoformat().replace("+00:00", "Z")
        super().__init__(f"the API key expired at {stamp}", {"expireTime": stamp})
        self.expire_time = expire_time


class KeyRevoked(DomainError):
    reason = "KEY_REVOKED"

    def __init__(self) -> None:
        super().__init__("the API key has been revoked")


class WrongProduct(DomainError):
    reason = "WRONG_PRODUCT"

    def __init__(self) -> None:
        super().__init__("the API key is not valid for this product")


class IpNotAllowed(DomainError):
    reason = "IP_NOT_ALLOWED"

    def __init__(self) -> None:
        super().__init__("the API key may not be used from this address")


class InsufficientScope(DomainError):
    reason = "INSUFFICIENT_SCOPE"

    def __init__(self, missing: list[str]) -> None:
        super().__init__(
            "the API key lacks required scopes: " + ", ".join(missing),
            {"missingScopes": ",".join(missing)},
        )
        self.missing = missing


class RateLimited(DomainError):
    reason = "RATE_LIMITED"

    def __init__(
        self,
        limit: int,
        window: str,
        reset_time: datetime,
        retry_after_seconds: float,
        name: str = "default",
    ) -> None:
        stamp = reset_time.isoformat().replace("+00:00", "Z")
        super().__init__(
            f"rate limit {name!r} of {limit} per {window.lower()} exceeded",
            {"limit": str(limit), "window": window, "resetTime": stamp, "name": name},
        )
        self.limit = limit
        self.window = window
        self.reset_time = reset_time
        self.retry_after_seconds = retry_after_seconds
        self.name = name


class CreditsExhausted(DomainError):
    reason = "CREDITS_EXHAUSTED"

    def __init__(self, remaining: int, cost: int) -> None:
        super().__init__(
            f"the API key has {remaining} credits left; this call costs {cost}",
            {"remaining": str(remaining), "cost": str(cost)},
        )
        self.remaining = remaining
        self.cost = cost


class CallerUnauthenticated(DomainError):
    reason = "CALLER_UNAUTHENTICATED"

    def __init__(self, message: str = "missing or invalid caller credentials") -> None:
        super().__init__(message)


class CallerForbidden(DomainError):
    reason = "CALLER_FORBIDDEN"

    def __init__(self, permission: str) -> None:
        super().__init__(f"the caller lacks the permission {permission}", {"permission": permission})
        self.permission = permission


class Unavailable(DomainError):
    reason = "UNAVAILABLE"

    def __init__(
        self, message: str = "a dependency is temporarily unavailable", retry_after_seconds: float = 1.0
    ) -> None:
        super().__init__(message)
        self.retry_after_seconds = retry_after_seconds


class CryptoKeyVersionDisabled(DomainError):
    """A managed key's version is DISABLED, DESTROY_SCHEDULED or below min_decryption_version."""

    reason = "CRYPTO_KEY_VERSION_DISABLED"

    def __init__(self, crypto_key_id: str, version: int, state: str) -> None:
        super().__init__(
            f"version {version} of the crypto key may not be used ({state})",
            {"cryptoKeyId": crypto_key_id, "version": str(version), "state": state},
        )
        self.crypto_key_id = crypto_key_id
        self.version = version
        self.state = state


class CryptoKeyVersionDestroyed(DomainError):
    reason = "CRYPTO_KEY_VERSION_DESTROYED"

    def __init__(self, crypto_key_id: str, version: int) -> None:
        super().__init__(
            f"version {version} of the crypto key is destroyed",
            {"cryptoKeyId": crypto_key_id, "version": str(version)},
        )
        self.crypto_key_id = crypto_key_id
        self.version = version


class WrongKeyPurpose(DomainError):
    reason = "WRONG_KEY_PURPOSE"

    def __init__(self, purpose: str, required: str) -> None:
        super().__init__(
            f"the crypto key's purpose is {purpose}; this operation needs {required}",
            {"purpose": purpose, "required": required},
        )
        self.purpose = purpose
        self.required = required


class Aborted(DomainError):
    """A concurrent transaction won (serialization failure, deadlock); nothing was applied."""

    reason = "ABORTED"

    def __init__(
        self,
        message: str = "the transaction conflicted with a concurrent one and was rolled back; retry",
        retry_after_seconds: float = 0.1,
    ) -> None:
        super().__init__(message)
        self.retry_after_seconds = retry_after_seconds


class KeyHashExists(DomainError):
    """ImportKeys: the hash is already stored. Names no key: it may be another tenant's."""

    reason = "KEY_HASH_EXISTS"

    def __init__(self) -> None:
        super().__init__("a key with this hash is already stored")


class DataLoss(DomainError):
    """Stored data does not decrypt (altered row, root-key version gone). Names ids only."""

    reason = "DATA_LOSS"

    def __init__(self, resource_type: str, resource_id: str) -> None:
        super().__init__(
            f"stored {resource_type} data cannot be read back (corrupted, or its root-key version "
            "is not configured); the operator must restore it",
            {"resourceType": resource_type, "resourceId": resource_id},
        )
        self.resource_type = resource_type
        self.resource_id = resource_id


class BatchItemAborted(DomainError):
    """ImportKeys with `atomic`: this key was fine, another one failed, nothing was stored."""

    reason = "BATCH_ITEM_ABORTED"

    def __init__(self) -> None:
        super().__init__("not imported: another key of this atomic batch failed")
