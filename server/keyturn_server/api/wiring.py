"""Adds every keyturn.v1 servicer to the server. Each service module owns its `register`."""

from __future__ import annotations

from typing import TYPE_CHECKING

import grpc

from keyturn_server.api import access_servicer, audit_servicer, crypto_servicer, key_servicer

if TYPE_CHECKING:
    from keyturn_server.app import Runtime


def register(server: grpc.aio.Server, runtime: Runtime) -> None:
    crypto_servicer.register(server, runtime)
    key_servicer.register(server, runtime)
    audit_servicer.register(server, runtime)
    access_servicer.register(server, runtime)
