"""keyturn.v1.AuditService: placeholder until its issue lands (every RPC answers UNIMPLEMENTED)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import grpc
from keyturn.v1 import audit_pb2_grpc

if TYPE_CHECKING:
    from keyturn_server.app import Runtime


def register(server: grpc.aio.Server, runtime: Runtime) -> None:
    audit_pb2_grpc.add_AuditServiceServicer_to_server(audit_pb2_grpc.AuditServiceServicer(), server)
