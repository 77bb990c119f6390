"""keyturn.v1.CryptoService: placeholder until its issue lands (every RPC answers UNIMPLEMENTED)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import grpc
from keyturn.v1 import crypto_pb2_grpc

if TYPE_CHECKING:
    from keyturn_server.app import Runtime


def register(server: grpc.aio.Server, runtime: Runtime) -> None:
    crypto_pb2_grpc.add_CryptoServiceServicer_to_server(crypto_pb2_grpc.CryptoServiceServicer(), server)
