"""The ONE table that turns domain errors into gRPC statuses with google.rpc details.

Every error status carries exactly one google.rpc.ErrorInfo (domain `keyturn.dev`, reason an
ErrorReason name), plus BadRequest / RetryInfo / QuotaFailure / ResourceInfo where they fit
(AIP-193). Anything that is not a DomainError becomes INTERNAL with no detail beyond the
request id; the cause goes to the log under that request id.

Every value a status echoes from a request (ids, field paths, descriptions, messages) is cut
to `MAX_ECHO_CHARS` with an ellipsis, and the whole serialized status is kept under
`MAX_STATUS_BYTES` (violations beyond that are summarised), so an error always fits in the
trailers a default client accepts (8 KiB of metadata).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import grpc
from google.protobuf import any_pb2, duration_pb2
from google.rpc import code_pb2, error_details_pb2, status_pb2
from grpc_status import rpc_status

from keyturn_server.domain import errors as de

ERROR_DOMAIN = "keyturn.dev"
MAX_ECHO_CHARS = 128
MAX_MESSAGE_CHARS = 512
MAX_STATUS_BYTES = 4096


def bounded(value: str, limit: int = MAX_ECHO_CHARS) -> str:
    """`value` cut to `limit` characters, the cut marked with an ellipsis."""
    return value if len(value) <= limit else value[: limit - 1] + "\u2026"


DetailBuilder = Callable[[de.DomainError], list[object]]


def _bad_request(err: de.DomainError) -> list[object]:
    if isinstance(err, de.InvalidArgument):
        violations = err.violations
    elif isinstance(err, de.PayloadTooLarge):
        violations = [de.FieldViolation(err.field, f"larger than {err.limit_bytes} bytes")]
    else:
        return []
    return [
        error_details_pb2.BadRequest(
            field_violations=[
                error_details_pb2.BadRequest.FieldViolation(
                    field=bounded(v.field), description=bounded(v.description, 2 * MAX_ECHO_CHARS)
                )
                for v in violations
            ]
        )
    ]


def _retry_delay(seconds: float) -> duration_pb2.Duration:
    whole = max(0, math.floor(seconds))
    nanos = max(0, round((seconds - whole) * 1e9))
    if nanos >= 1_000_000_000:
        whole, nanos = whole + 1, 0
    return duration_pb2.Duration(seconds=whole, nanos=nanos)


def _rate_limited(err: de.DomainError) -> list[object]:
    assert isinstance(err, de.RateLimited)
    return [
        error_details_pb2.RetryInfo(retry_delay=_retry_delay(err.retry_after_seconds)),
        error_details_pb2.QuotaFailure(
            violations=[
                error_details_pb2.QuotaFailure.Violation(
                    subject="api_key",
                    description=f"{err.limit} requests per {err.window.lower()}"
                    + ("" if err.name == "default" else f" (limit {bounded(err.name)})"),
                )
            ]
        ),
    ]


def _credits_exhausted(err: de.DomainError) -> list[object]:
    assert isinstance(err, de.CreditsExhausted)
    return [
        error_details_pb2.QuotaFailure(
            violations=[
                error_details_pb2.QuotaFailure.Violation(
                    subject="api_key",
                    description=f"{err.remaining} credits left, {err.cost} needed",
                )
            ]
        )
    ]


def _retry_info(err: de.DomainError) -> list[object]:
    assert isinstance(err, de.Unavailable | de.Aborted)
    return [error_details_pb2.RetryInfo(retry_delay=_retry_delay(err.retry_after_seconds))]


def _resource_info(err: de.DomainError) -> list[object]:
    if isinstance(err, de.AlreadyExists):
        return [
            error_details_pb2.ResourceInfo(
                resource_type=bounded(err.resource_type), resource_name=bounded(err.existing_id)
            )
        ]
    if isinstance(err, de.NotFound):
        return [
            error_details_pb2.ResourceInfo(
                resource_type=bounded(err.resource_type), resource_name=bounded(err.resource_id)
            )
        ]
    return []


@dataclass(frozen=True)
class Mapping:
    code: grpc.StatusCode
    details: DetailBuilder | None = None


# reason -> status code and extra details. The reasons are the ErrorReason values of
# protos/keyturn/v1/errors.proto; tests/test_contract.py checks that the two agree.
ERROR_TABLE: dict[str, Mapping] = {
    "KEY_INVALID": Mapping(grpc.StatusCode.UNAUTHENTICATED),
    "KEY_EXPIRED": Mapping(grpc.StatusCode.UNAUTHENTICATED),
    "KEY_REVOKED": Mapping(grpc.StatusCode.PERMISSION_DENIED),
    "INSUFFICIENT_SCOPE": Mapping(grpc.StatusCode.PERMISSION_DENIED),
    "WRONG_PRODUCT": Mapping(grpc.StatusCode.PERMISSION_DENIED),
    "IP_NOT_ALLOWED": Mapping(grpc.StatusCode.PERMISSION_DENIED),
    "RATE_LIMITED": Mapping(grpc.StatusCode.RESOURCE_EXHAUSTED, _rate_limited),
    "ALREADY_EXISTS": Mapping(grpc.StatusCode.ALREADY_EXISTS, _resource_info),
    "INVALID_ARGUMENT": Mapping(grpc.StatusCode.INVALID_ARGUMENT, _bad_request),
    "DECRYPTION_FAILED": Mapping(grpc.StatusCode.INVALID_ARGUMENT),
    "CALLER_UNAUTHENTICATED": Mapping(grpc.StatusCode.UNAUTHENTICATED),
    "CALLER_FORBIDDEN": Mapping(grpc.StatusCode.PERMISSION_DENIED),
    "NOT_FOUND": Mapping(grpc.StatusCode.NOT_FOUND, _resource_info),
    "FAILED_PRECONDITION": Mapping(grpc.StatusCode.FAILED_PRECONDITION),
    "PAYLOAD_TOO_LARGE": Mapping(grpc.StatusCode.INVALID_ARGUMENT, _bad_request),
    "NOT_IMPLEMENTED": Mapping(grpc.StatusCode.UNIMPLEMENTED),
    "INTERNAL": Mapping(grpc.StatusCode.INTERNAL),
    "UNAVAILABLE": Mapping(grpc.StatusCode.UNAVAILABLE, _retry_info),
    "ABORTED": Mapping(grpc.StatusCode.ABORTED, _retry_info),
    "CRYPTO_KEY_VERSION_DISABLED": Mapping(grpc.StatusCode.FAILED_PRECONDITION),
    "CRYPTO_KEY_VERSION_DESTROYED": Mapping(grpc.StatusCode.FAILED_PRECONDITION),
    "WRONG_KEY_PURPOSE": Mapping(grpc.StatusCode.FAILED_PRECONDITION),
    "KEY_HASH_EXISTS": Mapping(grpc.StatusCode.ALREADY_EXISTS),
    "BATCH_ITEM_ABORTED": Mapping(grpc.StatusCode.ABORTED),
    "KEY_NOT_RECOVERABLE": Mapping(grpc.StatusCode.FAILED_PRECONDITION),
    "CREDITS_EXHAUSTED": Mapping(grpc.StatusCode.RESOURCE_EXHAUSTED, _credits_exhausted),
    "KEY_EVENT_CURSOR_EXPIRED": Mapping(grpc.StatusCode.FAILED_PRECONDITION),
    "DATA_LOSS": Mapping(grpc.StatusCode.DATA_LOSS),
}


def _pack(code: grpc.StatusCode, message: str, parts: list[Any]) -> status_pb2.Status:
    details = []
    for message_pb in parts:
        packed = any_pb2.Any()
        packed.Pack(message_pb)
        details.append(packed)
    return status_pb2.Status(code=getattr(code_pb2, code.name), message=message, details=details)


def _status(
    code: grpc.StatusCode, message: str, info: error_details_pb2.ErrorInfo, extra: list[Any]
) -> grpc.Status:
    message = bounded(message, MAX_MESSAGE_CHARS)
    status = _pack(code, message, [info, *extra])
    if status.ByteSize() <= MAX_STATUS_BYTES:
        return rpc_status.to_status(status)
    # Too many violations: keep as many as fit (halving), then one line saying how many went.
    others = [x for x in extra if not isinstance(x, error_details_pb2.BadRequest)]
    violations = [v for x in extra if isinstance(x, error_details_pb2.BadRequest) for v in x.field_violations]
    keep = len(violations)
    while keep > 0:
        keep //= 2
        bad = error_details_pb2.BadRequest(field_violations=violations[:keep])
        bad.field_violations.add(description=f"... and {len(violations) - keep} more violations")
        status = _pack(code, message, [info, bad, *others])
        if status.ByteSize() <= MAX_STATUS_BYTES:
            return rpc_status.to_status(status)
    return rpc_status.to_status(_pack(code, bounded(message, MAX_ECHO_CHARS), [info]))


def to_status(err: de.DomainError) -> grpc.Status:
    mapping = ERROR_TABLE.get(err.reason, ERROR_TABLE["INTERNAL"])
    metadata = {bounded(k, 64): bounded(v) for k, v in list(err.metadata.items())[:16]}
    info = error_details_pb2.ErrorInfo(reason=err.reason, domain=ERROR_DOMAIN, metadata=metadata)
    extra = mapping.details(err) if mapping.details else []
    return _status(mapping.code, err.message, info, extra)


def internal_status(request_id: str) -> grpc.Status:
    info = error_details_pb2.ErrorInfo(
        reason="INTERNAL", domain=ERROR_DOMAIN, metadata={"requestId": request_id}
    )
    return _status(grpc.StatusCode.INTERNAL, f"internal error (request id {request_id})", info, [])


def not_implemented_status(method: str) -> grpc.Status:
    info = error_details_pb2.ErrorInfo(
        reason="NOT_IMPLEMENTED", domain=ERROR_DOMAIN, metadata={"method": method}
    )
    return _status(grpc.StatusCode.UNIMPLEMENTED, f"{method} is not implemented by this server", info, [])
