"""The server factory: services, health, reflection, interceptors, background tasks, shutdown.

    server, port = await build_server(settings)   # settings.listen may use port 0
    await server.start()
    ...
    await server.stop(grace=5)

Tests bind 127.0.0.1:0 and read the port back.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import grpc
from google.rpc import error_details_pb2  # noqa: F401  (puts google.rpc details in the reflection pool)
from grpc_health.v1 import _async as health_aio  # what health.aio re-exports
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection
from keyturn.v1 import access_pb2, audit_pb2, crypto_pb2, keys_pb2

from keyturn_server.api.auth import AuthInterceptor
from keyturn_server.api.interceptors import EdgeInterceptor
from keyturn_server.config import Settings
from keyturn_server.domain.ports import AccessLog, KeyEvents
from keyturn_server.store.db import Database

log = logging.getLogger("keyturn.server")

SERVICE_NAMES = (
    keys_pb2.DESCRIPTOR.services_by_name["KeyService"].full_name,
    crypto_pb2.DESCRIPTOR.services_by_name["CryptoService"].full_name,
    audit_pb2.DESCRIPTOR.services_by_name["AuditService"].full_name,
    access_pb2.DESCRIPTOR.services_by_name["AccessService"].full_name,
)

Hook = Callable[[], Awaitable[None]]
# Time the stop hooks (usage counts, access log, leases) get after the RPCs have drained.
FLUSH_BUDGET_SECONDS = 3.0


@dataclass
class Runtime:
    """What the servicers share: settings, the database, and background work.

    Components register `on_start` hooks (start background tasks) and `on_stop` hooks
    (flush and stop them); stop hooks run in reverse order after the gRPC server has drained.
    """

    settings: Settings
    db: Database
    # Set by the components that implement them (see domain/ports.py); None until wired.
    access_log: AccessLog | None = None
    key_events: KeyEvents | None = None
    on_start: list[Hook] = field(default_factory=list)
    on_stop: list[Hook] = field(default_factory=list)
    extras: dict[str, Any] = field(default_factory=dict)
    # Set when shutdown begins, before draining: endless streams end at once.
    shutting_down: asyncio.Event = field(default_factory=asyncio.Event)


class KeyturnServer:
    def __init__(
        self, server: grpc.aio.Server, health_servicer: health_aio.HealthServicer, runtime: Runtime
    ) -> None:
        self.server = server
        self.health = health_servicer
        self.runtime = runtime
        self._stopped = False

    async def start(self) -> None:
        for hook in self.runtime.on_start:
            await hook()
        await self.server.start()
        for name in ("", *SERVICE_NAMES):
            await self.health.set(name, health_pb2.HealthCheckResponse.SERVING)

    async def stop(self, grace: float | None = None) -> None:
        """Graceful: NOT_SERVING first, drain in-flight RPCs, then flush background work."""
        if self._stopped:
            return
        self._stopped = True
        self.runtime.shutting_down.set()  # endless streams end now with UNAVAILABLE
        await self.health.enter_graceful_shutdown()
        await self.server.stop(self.runtime.settings.shutdown_grace_seconds if grace is None else grace)
        # The flush gets its own budget after the grace period, so that grace + budget stays
        # inside Docker's default 10 s stop timeout (docs/architecture.md, "Shutdown").
        deadline = asyncio.get_running_loop().time() + FLUSH_BUDGET_SECONDS
        flushed = True
        for hook in reversed(self.runtime.on_stop):
            try:
                await asyncio.wait_for(hook(), max(0.1, deadline - asyncio.get_running_loop().time()))
            except TimeoutError:
                flushed = False
                log.warning("a background component did not stop within the flush budget")
            except Exception:
                flushed = False
                log.exception("error while stopping a background component")
        await self.runtime.db.dispose()
        log.info("shutdown complete", extra={"fields": {"flush_finished": flushed}})

    async def wait_for_termination(self) -> None:
        await self.server.wait_for_termination()


def _server_credentials(settings: Settings) -> grpc.ServerCredentials | None:
    if not settings.tls_cert and not settings.tls_key:
        return None
    if not (settings.tls_cert and settings.tls_key):
        raise ValueError("--tls-cert and --tls-key must be given together")
    root = settings.tls_client_ca.read_bytes() if settings.tls_client_ca else None
    return grpc.ssl_server_credentials(
        [(settings.tls_key.read_bytes(), settings.tls_cert.read_bytes())],
        root_certificates=root,
        require_client_auth=root is not None,
    )


def _register_services(server: grpc.aio.Server, runtime: Runtime) -> None:
    """Add every keyturn.v1 servicer. Imported lazily so each module owns its wiring."""
    from keyturn_server.api import wiring

    wiring.register(server, runtime)


async def build_server(settings: Settings) -> tuple[KeyturnServer, int]:
    """Build (not start) a server listening on settings.listen; returns it and the bound port."""
    runtime = Runtime(settings=settings, db=Database(settings.database_url))
    max_message = settings.max_payload_bytes + 64 * 1024
    server = grpc.aio.server(
        # EdgeInterceptor stays outermost: it maps the errors AuthInterceptor raises.
        interceptors=[EdgeInterceptor(), AuthInterceptor(runtime)],
        options=[
            ("grpc.max_receive_message_length", max_message),
            ("grpc.max_send_message_length", max_message),
            ("grpc.so_reuseport", 0),
        ],
    )
    _register_services(server, runtime)

    health_servicer = health_aio.HealthServicer()
    health_pb2_grpc.add_HealthServicer_to_server(health_servicer, server)
    for name in ("", *SERVICE_NAMES):
        await health_servicer.set(name, health_pb2.HealthCheckResponse.NOT_SERVING)

    reflection.enable_server_reflection(
        (
            *SERVICE_NAMES,
            health.SERVICE_NAME,
            reflection.SERVICE_NAME,
        ),
        server,
    )

    credentials = _server_credentials(settings)
    if credentials is None:
        port = server.add_insecure_port(settings.listen)
    else:
        port = server.add_secure_port(settings.listen, credentials)
    if port == 0:
        raise OSError(f"could not bind {settings.listen}")
    return KeyturnServer(server, health_servicer, runtime), port


async def serve(settings: Settings) -> None:
    """Run until SIGTERM/SIGINT, then shut down gracefully."""
    import signal

    server, port = await build_server(settings)
    await server.start()
    log.info("serving", extra={"fields": {"listen": settings.listen, "port": port}})
    print(f"keyturn: serving {', '.join(SERVICE_NAMES)} on {settings.listen}", flush=True)

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    log.info("shutting down", extra={"fields": {"grace_seconds": settings.shutdown_grace_seconds}})
    await server.stop()


__all__ = ["SERVICE_NAMES", "KeyturnServer", "Runtime", "build_server", "serve"]
