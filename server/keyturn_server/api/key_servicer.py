"""keyturn.v1.KeyService: placeholder until its issue lands (every RPC answers UNIMPLEMENTED)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import grpc
from keyturn.v1 import keys_pb2_grpc

if TYPE_CHECKING:
    from keyturn_server.app import Runtime


def register(server: grpc.aio.Server, runtime: Runtime) -> None:
    keys_pb2_grpc.add_KeyServiceServicer_to_server(keys_pb2_grpc.KeyServiceServicer(), server)
