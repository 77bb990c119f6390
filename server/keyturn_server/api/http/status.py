"""Errors over HTTP: the same google.rpc.Status the gRPC edge sends (built by the one error
table in api/errors.py), as JSON `{code, message, details: [{"@type": ...}]}` with the
standard gRPC-to-HTTP status mapping of google/rpc/code.proto (the table grpc-gateway and
Envoy's transcoder use), and `Retry-After` whenever the status carries a RetryInfo.
"""

from __future__ import annotations

import math
from typing import Any

import grpc
from google.protobuf import json_format
from google.rpc import error_details_pb2, status_pb2

# google/rpc/code.proto, each code's "HTTP Mapping" line.
HTTP_STATUS: dict[grpc.StatusCode, int] = {
    grpc.StatusCode.OK: 200,
    grpc.StatusCode.CANCELLED: 499,
    grpc.StatusCode.UNKNOWN: 500,
    grpc.StatusCode.INVALID_ARGUMENT: 400,
    grpc.StatusCode.DEADLINE_EXCEEDED: 504,
    grpc.StatusCode.NOT_FOUND: 404,
    grpc.StatusCode.ALREADY_EXISTS: 409,
    grpc.StatusCode.PERMISSION_DENIED: 403,
    grpc.StatusCode.UNAUTHENTICATED: 401,
    grpc.StatusCode.RESOURCE_EXHAUSTED: 429,
    grpc.StatusCode.FAILED_PRECONDITION: 400,
    grpc.StatusCode.ABORTED: 409,
    grpc.StatusCode.OUT_OF_RANGE: 400,
    grpc.StatusCode.UNIMPLEMENTED: 501,
    grpc.StatusCode.INTERNAL: 500,
    grpc.StatusCode.UNAVAILABLE: 503,
    grpc.StatusCode.DATA_LOSS: 500,
}
_DETAILS_KEY = "grpc-status-details-bin"


def status_proto(status: grpc.Status) -> status_pb2.Status:
    """The google.rpc.Status inside a grpc.Status made by api/errors.py."""
    for key, value in status.trailing_metadata or ():
        if key == _DETAILS_KEY and isinstance(value, bytes):
            return status_pb2.Status.FromString(value)
    return status_pb2.Status(code=status.code.value[0], message=status.details or "")


def retry_after_seconds(status: status_pb2.Status) -> int | None:
    """Whole seconds to wait (rounded up, at least 1) when the status has a RetryInfo."""
    for detail in status.details:
        if detail.Is(error_details_pb2.RetryInfo.DESCRIPTOR):
            info = error_details_pb2.RetryInfo()
            detail.Unpack(info)
            seconds: float = info.retry_delay.seconds + info.retry_delay.nanos / 1e9
            return max(1, math.ceil(seconds))
    return None


def error_body(status: grpc.Status) -> tuple[int, dict[str, Any], dict[str, str]]:
    """HTTP status, JSON body and extra headers for an error status."""
    proto = status_proto(status)
    headers: dict[str, str] = {}
    retry = retry_after_seconds(proto)
    if retry is not None:
        headers["retry-after"] = str(retry)
    body: dict[str, Any] = json_format.MessageToDict(proto, preserving_proto_field_name=True)
    body.setdefault("code", proto.code)
    body.setdefault("message", proto.message)
    body.setdefault("details", [])
    return HTTP_STATUS.get(status.code, 500), body, headers
