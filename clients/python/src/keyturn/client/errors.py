"""Typed exceptions decoded from the server's `google.rpc.Status` details.

Every Keyturn error status carries exactly one `google.rpc.ErrorInfo` whose `reason` is an
`ErrorReason` name (protos/keyturn/v1/errors.proto). `from_rpc_error` turns a `grpc.RpcError`
into the exception class for that reason, with the useful detail lifted into attributes
(`ExpiredKeyError.expired_at`, `QuotaError.retry_after_seconds`, ...). The original
`grpc.RpcError` stays attached as `.grpc_error` (and as `__cause__` when raised by the client).

Errors without an ErrorInfo (a transport failure, a proxy in between) are classified by their
status code alone: `UnavailableError`, `DeadlineExceededError`, or the base `APIKeyError`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import grpc
from google.protobuf import any_pb2
from google.rpc import error_details_pb2, status_pb2

__all__ = [
    "APIKeyError",
    "AbortedError",
    "AlreadyExistsError",
    "BatchItemAbortedError",
    "CallerForbiddenError",
    "CallerUnauthenticatedError",
    "ChecksumMismatchError",
    "CreditsExhaustedError",
    "CryptoKeyVersionDestroyedError",
    "CryptoKeyVersionDisabledError",
    "DataLossError",
    "DeadlineExceededError",
    "DecryptionError",
    "ExpiredKeyError",
    "FailedPreconditionError",
    "FieldViolation",
    "InsufficientScopeError",
    "InternalError",
    "InvalidArgumentError",
    "InvalidKeyError",
    "IpNotAllowedError",
    "KeyEventCursorExpiredError",
    "KeyHashExistsError",
    "KeyNotRecoverableError",
    "KeyRejectedError",
    "NotFoundError",
    "NotImplementedByServerError",
    "PayloadTooLargeError",
    "QuotaError",
    "RevokedKeyError",
    "UnavailableError",
    "WrongKeyPurposeError",
    "WrongProductError",
    "from_rpc_error",
    "from_status",
]

ERROR_DOMAIN = "keyturn.dev"
_STATUS_DETAILS_KEY = "grpc-status-details-bin"
_DETAIL_TYPES: tuple[type[Any], ...] = (
    error_details_pb2.ErrorInfo,
    error_details_pb2.RetryInfo,
    error_details_pb2.QuotaFailure,
    error_details_pb2.BadRequest,
    error_details_pb2.ResourceInfo,
    error_details_pb2.PreconditionFailure,
    error_details_pb2.DebugInfo,
    error_details_pb2.Help,
    error_details_pb2.LocalizedMessage,
    error_details_pb2.RequestInfo,
)


@dataclass(frozen=True)
class FieldViolation:
    """One offending request field of an INVALID_ARGUMENT error (google.rpc.BadRequest)."""

    field: str
    description: str


class APIKeyError(Exception):
    """Base of every error the Keyturn client raises for a failed RPC.

    Attributes:
        reason: the `ErrorInfo.reason` (an ErrorReason name such as "KEY_REVOKED"); empty
            when the status carried no ErrorInfo.
        code: the gRPC status code.
        message: the status message.
        metadata: `ErrorInfo.metadata` (e.g. {"expireTime": "..."}).
        details: every decoded google.rpc detail message (ErrorInfo, RetryInfo, BadRequest...).
        request_id: the server's `x-request-id` for this call, to quote in a support request.
        grpc_error: the original `grpc.RpcError`, or None when constructed directly.
        status: the `google.rpc.Status` this error was decoded from, when there was one (a
            failed call's trailer, or an answer on a ValidateKeys stream).
    """

    reason: str
    code: grpc.StatusCode
    message: str
    metadata: dict[str, str]
    details: list[Any]
    request_id: str
    grpc_error: grpc.RpcError | None
    status: status_pb2.Status | None

    def __init__(
        self,
        message: str = "",
        *,
        reason: str = "",
        code: grpc.StatusCode = grpc.StatusCode.UNKNOWN,
        metadata: Mapping[str, str] | None = None,
        details: Sequence[Any] = (),
        request_id: str = "",
        grpc_error: grpc.RpcError | None = None,
        status: status_pb2.Status | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.reason = reason
        self.code = code
        self.metadata = dict(metadata or {})
        self.details = list(details)
        self.request_id = request_id
        self.grpc_error = grpc_error
        self.status = status

    def detail(self, kind: type[Any]) -> Any | None:
        """The first detail message of this type (e.g. error_details_pb2.RetryInfo), if any."""
        for item in self.details:
            if isinstance(item, kind):
                return item
        return None

    def __str__(self) -> str:
        label = self.reason or self.code.name
        return f"{label}: {self.message}" if self.message else label

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(reason={self.reason!r}, code={self.code.name}, message={self.message!r})"
        )


class KeyRejectedError(APIKeyError):
    """Base of the errors ValidateKey answers for a presented key that may not be used."""


class InvalidKeyError(KeyRejectedError):
    """KEY_INVALID: the key is malformed, fails its checksum, or is unknown."""


class ExpiredKeyError(KeyRejectedError):
    """KEY_EXPIRED: the key exists but is past its expire_time (`.expired_at`)."""

    @property
    def expired_at(self) -> datetime | None:
        return _parse_time(self.metadata.get("expireTime", ""))


class RevokedKeyError(KeyRejectedError):
    """KEY_REVOKED: the key was revoked."""


class InsufficientScopeError(KeyRejectedError):
    """INSUFFICIENT_SCOPE: the key lacks required scopes (`.missing_scopes`)."""

    @property
    def missing_scopes(self) -> list[str]:
        raw = self.metadata.get("missingScopes", "")
        return [scope for scope in raw.split(",") if scope]


class WrongProductError(KeyRejectedError):
    """WRONG_PRODUCT: the key is bound to another product or organization."""


class IpNotAllowedError(KeyRejectedError):
    """IP_NOT_ALLOWED: the client address is outside the key's allowed_cidrs."""


class QuotaError(KeyRejectedError):
    """RATE_LIMITED: the key's rate limit is used up (`.retry_after_seconds`)."""

    @property
    def retry_after_seconds(self) -> float | None:
        info = self.detail(error_details_pb2.RetryInfo)
        if info is None:
            return None
        delay = info.retry_delay
        return float(delay.seconds) + float(delay.nanos) / 1e9

    @property
    def limit(self) -> int | None:
        raw = self.metadata.get("limit", "")
        return int(raw) if raw.isdigit() else None

    @property
    def reset_time(self) -> datetime | None:
        return _parse_time(self.metadata.get("resetTime", ""))

    @property
    def limit_name(self) -> str:
        """The limit that refused: "default" or one of the key's named limits."""
        return self.metadata.get("name", "default")


class CreditsExhaustedError(KeyRejectedError):
    """CREDITS_EXHAUSTED: the key's credits do not cover the call's cost (`.remaining`,
    `.cost`); nothing was taken."""

    @property
    def remaining(self) -> int | None:
        raw = self.metadata.get("remaining", "")
        return int(raw) if raw.isdigit() else None

    @property
    def cost(self) -> int | None:
        raw = self.metadata.get("cost", "")
        return int(raw) if raw.isdigit() else None


class AlreadyExistsError(APIKeyError):
    """ALREADY_EXISTS: a Create* call collided with an existing name (`.existing_id`)."""

    @property
    def existing_id(self) -> str:
        found = self.metadata.get("existingId", "")
        if not found:
            info = self.detail(error_details_pb2.ResourceInfo)
            found = info.resource_name if info is not None else ""
        return found


class NotFoundError(APIKeyError):
    """NOT_FOUND: the resource does not exist or is not visible to the caller."""

    @property
    def resource_type(self) -> str:
        return self.metadata.get("resourceType", "")


class InvalidArgumentError(APIKeyError):
    """INVALID_ARGUMENT: request fields are missing or invalid (`.field_violations`)."""

    @property
    def field_violations(self) -> list[FieldViolation]:
        bad = self.detail(error_details_pb2.BadRequest)
        if bad is None:
            return []
        return [FieldViolation(v.field, v.description) for v in bad.field_violations]


class PayloadTooLargeError(InvalidArgumentError):
    """PAYLOAD_TOO_LARGE: a request or payload exceeds a server limit (`.limit_bytes`)."""

    @property
    def limit_bytes(self) -> int | None:
        raw = self.metadata.get("limitBytes", "")
        return int(raw) if raw.isdigit() else None


class DecryptionError(APIKeyError):
    """DECRYPTION_FAILED: AES-GCM authentication failed (tampered data, wrong key/password/AAD)."""


class FailedPreconditionError(APIKeyError):
    """FAILED_PRECONDITION: the resource's state forbids the call (e.g. updating a revoked key)."""


class ChecksumMismatchError(APIKeyError):
    """Raised by the client itself: a managed-key response's CRC32C integrity field does not
    match its data (corrupted between the server and here). Safe to retry."""


class CryptoKeyVersionDisabledError(FailedPreconditionError):
    """CRYPTO_KEY_VERSION_DISABLED: the managed key's version is DISABLED, scheduled for
    destruction, or below the key's min_decryption_version (`.state` says which)."""

    @property
    def crypto_key_id(self) -> str:
        return self.metadata.get("cryptoKeyId", "")

    @property
    def version(self) -> int:
        raw = self.metadata.get("version", "")
        return int(raw) if raw.isdigit() else 0

    @property
    def state(self) -> str:
        return self.metadata.get("state", "")


class CryptoKeyVersionDestroyedError(FailedPreconditionError):
    """CRYPTO_KEY_VERSION_DESTROYED: the version's material is gone for good; data it
    encrypted cannot be decrypted any more."""

    @property
    def crypto_key_id(self) -> str:
        return self.metadata.get("cryptoKeyId", "")

    @property
    def version(self) -> int:
        raw = self.metadata.get("version", "")
        return int(raw) if raw.isdigit() else 0


class WrongKeyPurposeError(FailedPreconditionError):
    """WRONG_KEY_PURPOSE: the managed key is for another purpose (`.purpose`) than the call
    needs (`.required`), e.g. Sign with an ENCRYPT_DECRYPT key."""

    @property
    def purpose(self) -> str:
        return self.metadata.get("purpose", "")

    @property
    def required(self) -> str:
        return self.metadata.get("required", "")


class KeyNotRecoverableError(FailedPreconditionError):
    """KEY_NOT_RECOVERABLE: RevealKey on a key whose plaintext was never kept (`.key_id`)."""

    @property
    def key_id(self) -> str:
        return self.metadata.get("keyId", "")


class KeyEventCursorExpiredError(FailedPreconditionError):
    """KEY_EVENT_CURSOR_EXPIRED: the key events after `.after_sequence` were pruned (the oldest
    retained one is `.oldest_sequence`); list or watch again from 0, knowing some were missed."""

    @property
    def after_sequence(self) -> int:
        raw = self.metadata.get("afterSequence", "")
        return int(raw) if raw.isdigit() else 0

    @property
    def oldest_sequence(self) -> int:
        raw = self.metadata.get("oldestSequence", "")
        return int(raw) if raw.isdigit() else 0


class CallerUnauthenticatedError(APIKeyError):
    """CALLER_UNAUTHENTICATED: this client's token (or certificate) is missing or not valid."""


class CallerForbiddenError(APIKeyError):
    """CALLER_FORBIDDEN: this client's principal may not make the call (`.permission`)."""

    @property
    def permission(self) -> str:
        return self.metadata.get("permission", "")


class NotImplementedByServerError(APIKeyError):
    """NOT_IMPLEMENTED (or UNIMPLEMENTED): the server build does not serve this RPC."""


class InternalError(APIKeyError):
    """INTERNAL: the server failed; quote `.request_id` when reporting it."""


class DataLossError(APIKeyError):
    """DATA_LOSS: data the server stored does not decrypt (a corrupted row, a root-key version
    no longer configured); `.resource_type` and `.resource_id` name it. Retrying does not help."""

    @property
    def resource_type(self) -> str:
        return self.metadata.get("resourceType", "")

    @property
    def resource_id(self) -> str:
        return self.metadata.get("resourceId", "")


class UnavailableError(APIKeyError):
    """UNAVAILABLE: the server or its database cannot be reached right now; retrying may help."""


class AbortedError(APIKeyError):
    """ABORTED: the call conflicted with a concurrent one in the database and was rolled
    back, so nothing was applied; repeating the whole call is safe."""


class DeadlineExceededError(APIKeyError):
    """DEADLINE_EXCEEDED: the call did not finish within its deadline."""


class KeyHashExistsError(AlreadyExistsError):
    """KEY_HASH_EXISTS (ImportKeys, per key): a key with this hash is already stored."""


class BatchItemAbortedError(AbortedError):
    """BATCH_ITEM_ABORTED (ImportKeys with atomic, per key): this key was fine but another
    key of the batch failed, so nothing was imported."""


_BY_REASON: dict[str, type[APIKeyError]] = {
    "KEY_INVALID": InvalidKeyError,
    "KEY_EXPIRED": ExpiredKeyError,
    "KEY_REVOKED": RevokedKeyError,
    "INSUFFICIENT_SCOPE": InsufficientScopeError,
    "WRONG_PRODUCT": WrongProductError,
    "IP_NOT_ALLOWED": IpNotAllowedError,
    "RATE_LIMITED": QuotaError,
    "CREDITS_EXHAUSTED": CreditsExhaustedError,
    "ALREADY_EXISTS": AlreadyExistsError,
    "INVALID_ARGUMENT": InvalidArgumentError,
    "DECRYPTION_FAILED": DecryptionError,
    "CALLER_UNAUTHENTICATED": CallerUnauthenticatedError,
    "CALLER_FORBIDDEN": CallerForbiddenError,
    "NOT_FOUND": NotFoundError,
    "FAILED_PRECONDITION": FailedPreconditionError,
    "PAYLOAD_TOO_LARGE": PayloadTooLargeError,
    "NOT_IMPLEMENTED": NotImplementedByServerError,
    "INTERNAL": InternalError,
    "UNAVAILABLE": UnavailableError,
    "ABORTED": AbortedError,
    "CRYPTO_KEY_VERSION_DISABLED": CryptoKeyVersionDisabledError,
    "CRYPTO_KEY_VERSION_DESTROYED": CryptoKeyVersionDestroyedError,
    "WRONG_KEY_PURPOSE": WrongKeyPurposeError,
    "KEY_HASH_EXISTS": KeyHashExistsError,
    "BATCH_ITEM_ABORTED": BatchItemAbortedError,
    "KEY_NOT_RECOVERABLE": KeyNotRecoverableError,
    "KEY_EVENT_CURSOR_EXPIRED": KeyEventCursorExpiredError,
    "DATA_LOSS": DataLossError,
}

# Used only when the status has no ErrorInfo (a transport error, a proxy, another server).
_BY_CODE: dict[grpc.StatusCode, type[APIKeyError]] = {
    grpc.StatusCode.UNAVAILABLE: UnavailableError,
    grpc.StatusCode.ABORTED: AbortedError,
    grpc.StatusCode.DEADLINE_EXCEEDED: DeadlineExceededError,
    grpc.StatusCode.UNIMPLEMENTED: NotImplementedByServerError,
    grpc.StatusCode.INTERNAL: InternalError,
    grpc.StatusCode.DATA_LOSS: DataLossError,
    grpc.StatusCode.NOT_FOUND: NotFoundError,
    grpc.StatusCode.ALREADY_EXISTS: AlreadyExistsError,
    grpc.StatusCode.INVALID_ARGUMENT: InvalidArgumentError,
    grpc.StatusCode.FAILED_PRECONDITION: FailedPreconditionError,
}


def _parse_time(raw: str) -> datetime | None:
    if not raw:
        return None
    try:
        return datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        return None


def metadata_pairs(error: grpc.RpcError) -> list[tuple[str, str | bytes]]:
    """The trailing metadata of a failed call (sync or aio) as plain pairs."""
    getter = getattr(error, "trailing_metadata", None)
    if getter is None:
        return []
    try:
        metadata = getter()
    except Exception:  # a failed call without trailers
        return []
    if metadata is None:
        return []
    return [(str(key), value) for key, value in metadata]


def _unpack(packed: any_pb2.Any) -> Any | None:
    for kind in _DETAIL_TYPES:
        if packed.Is(kind.DESCRIPTOR):
            item = kind()
            packed.Unpack(item)
            return item
    return None


def _code_of(error: grpc.RpcError) -> grpc.StatusCode:
    getter = getattr(error, "code", None)
    code = getter() if getter is not None else None
    return code if isinstance(code, grpc.StatusCode) else grpc.StatusCode.UNKNOWN


def _message_of(error: grpc.RpcError) -> str:
    getter = getattr(error, "details", None)
    message = getter() if getter is not None else None
    return str(message) if message else ""


def from_rpc_error(error: grpc.RpcError) -> APIKeyError:
    """Decode a failed call (sync `grpc.RpcError` or `grpc.aio.AioRpcError`) into an exception.

    Reads the `grpc-status-details-bin` trailer (the `google.rpc.Status` that
    `grpc_status.rpc_status.from_call` decodes), unpacks its details and picks the class by
    `ErrorInfo.reason`, falling back on the status code.
    """
    code = _code_of(error)
    message = _message_of(error)
    status: status_pb2.Status | None = None
    request_id = ""
    for key, value in metadata_pairs(error):
        if key == _STATUS_DETAILS_KEY and isinstance(value, bytes):
            status = status_pb2.Status.FromString(value)
        elif key == "x-request-id":
            request_id = value.decode() if isinstance(value, bytes) else value
    return _build(code, message, status, request_id, error)


def from_status(status: status_pb2.Status, *, request_id: str = "") -> APIKeyError:
    """Decode a `google.rpc.Status` that arrived inside a message (an error answer on a
    ValidateKeys stream) into the exception the same failure raises from a unary call."""
    try:
        code = grpc.StatusCode(next(c for c in grpc.StatusCode if c.value[0] == status.code))
    except StopIteration:
        code = grpc.StatusCode.UNKNOWN
    return _build(code, status.message, status, request_id, None)


def _build(
    code: grpc.StatusCode,
    message: str,
    status: status_pb2.Status | None,
    request_id: str,
    error: grpc.RpcError | None,
) -> APIKeyError:
    details: list[Any] = []
    if status is not None:
        message = status.message or message
        details = [item for item in map(_unpack, status.details) if item is not None]
    info = next((d for d in details if isinstance(d, error_details_pb2.ErrorInfo)), None)
    reason = info.reason if info is not None else ""
    metadata = dict(info.metadata) if info is not None else {}
    cls = _BY_REASON.get(reason) or _BY_CODE.get(code, APIKeyError)
    return cls(
        message,
        reason=reason,
        code=code,
        metadata=metadata,
        details=details,
        request_id=request_id,
        grpc_error=error,
        status=status,
    )
