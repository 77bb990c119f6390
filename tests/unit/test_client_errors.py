"""keyturn-client decodes every ErrorReason the contract defines into a typed exception."""

from __future__ import annotations

from typing import Any

import grpc
import pytest
from google.protobuf import any_pb2
from google.rpc import error_details_pb2, status_pb2
from keyturn.client import errors
from keyturn.v1 import errors_pb2


class _Failed(grpc.RpcError):
    def __init__(self, code: grpc.StatusCode, reason: str) -> None:
        detail = any_pb2.Any()
        detail.Pack(error_details_pb2.ErrorInfo(reason=reason, domain="keyturn.dev"))
        status = status_pb2.Status(code=code.value[0], message="m", details=[detail])
        self._code = code
        self._trailers = (("grpc-status-details-bin", status.SerializeToString()),)

    def code(self) -> grpc.StatusCode:
        return self._code

    def details(self) -> str:
        return "m"

    def trailing_metadata(self) -> Any:
        return self._trailers


def test_aborted_is_its_own_error() -> None:
    error = errors.from_rpc_error(_Failed(grpc.StatusCode.ABORTED, "ABORTED"))
    assert isinstance(error, errors.AbortedError)
    assert error.reason == "ABORTED"


@pytest.mark.parametrize("reason", [v.name for v in errors_pb2.ErrorReason.DESCRIPTOR.values if v.number])
def test_every_reason_of_the_contract_has_a_class(reason: str) -> None:
    # A code with no fallback class: only the reason can pick the class.
    error = errors.from_rpc_error(_Failed(grpc.StatusCode.UNKNOWN, reason))
    assert type(error) is not errors.APIKeyError, reason
