"""The server factory: the container's servicers on gRPC (health, reflection, the edge
interceptor) and, with settings.http_listen, the same servicer instances on the HTTP edge
(api/http/: REST/JSON, OpenAPI, console) in the same event loop; start and graceful stop.

    server, port = await build_server(settings)   # settings.listen may use port 0
    await server.start()
    ...
    await server.stop(grace=5)

Tests bind 127.0.0.1:0 and read the port back.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import grpc
from google.rpc import error_details_pb2  # noqa: F401  (puts google.rpc details in the reflection pool)
from grpc_health.v1 import _async as health_aio  # what health.aio re-exports
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection
from keyturn.v1 import (
    access_pb2,
    access_pb2_grpc,
    audit_pb2,
    audit_pb2_grpc,
    crypto_pb2,
    crypto_pb2_grpc,
    key_events_pb2,
    key_events_pb2_grpc,
    key_policies_pb2,
    key_policies_pb2_grpc,
    keys_pb2,
    keys_pb2_grpc,
    tokens_pb2,
    tokens_pb2_grpc,
    webhooks_pb2,
    webhooks_pb2_grpc,
)

from keyturn_server.api.access_servicer import AccessServicer
from keyturn_server.api.audit_servicer import AuditServicer
from keyturn_server.api.auth import CallerCheck
from keyturn_server.api.crypto_servicer import CryptoServicer
from keyturn_server.api.envoy_authz import SERVICE_NAME as ENVOY_AUTHORIZATION
from keyturn_server.api.envoy_authz import EnvoyAuthorizationServicer
from keyturn_server.api.envoy_authz import add_to_server as add_envoy_authorization
from keyturn_server.api.http import routes
from keyturn_server.api.http.app import HttpEdge, RestGateway, build_app
from keyturn_server.api.http.github_scanning import GitHubSecretScanning, PublicKeys
from keyturn_server.api.interceptors import EdgeInterceptor
from keyturn_server.api.key_event_servicer import KeyEventServicer
from keyturn_server.api.key_policy_servicer import KeyPolicyServicer
from keyturn_server.api.key_servicer import KeyServicer
from keyturn_server.api.token_servicer import TokenServicer
from keyturn_server.api.webhook_servicer import WebhookServicer
from keyturn_server.config import Settings
from keyturn_server.container import Container

log = logging.getLogger("keyturn.server")

# The keyturn.v1 services (also served over REST), then every service health reports.
KEYTURN_SERVICES = (
    keys_pb2.DESCRIPTOR.services_by_name["KeyService"].full_name,
    crypto_pb2.DESCRIPTOR.services_by_name["CryptoService"].full_name,
    audit_pb2.DESCRIPTOR.services_by_name["AuditService"].full_name,
    access_pb2.DESCRIPTOR.services_by_name["AccessService"].full_name,
    tokens_pb2.DESCRIPTOR.services_by_name["TokenService"].full_name,
    key_policies_pb2.DESCRIPTOR.services_by_name["KeyPolicyService"].full_name,
    key_events_pb2.DESCRIPTOR.services_by_name["KeyEventService"].full_name,
    webhooks_pb2.DESCRIPTOR.services_by_name["WebhookService"].full_name,
)
SERVICE_NAMES = (
    *KEYTURN_SERVICES,
    ENVOY_AUTHORIZATION,  # envoy.service.auth.v3.Authorization (Envoy's ext_authz filter)
)


# Time the stop hooks (usage counts, access log, leases) get after the RPCs have drained.
FLUSH_BUDGET_SECONDS = 3.0


class KeyturnServer:
    def __init__(
        self,
        server: grpc.aio.Server,
        health_servicer: health_aio.HealthServicer,
        container: Container,
        http: HttpEdge | None = None,
    ) -> None:
        self.server = server
        self.health = health_servicer
        self.container = container
        self.http = http
        self._stopped = False

    async def start(self) -> None:
        await self.container.start()
        await self.server.start()
        if self.http is not None:
            await self.http.start()
        for name in ("", *SERVICE_NAMES):
            await self.health.set(name, health_pb2.HealthCheckResponse.SERVING)

    async def stop(self, grace: float | None = None) -> None:
        """Graceful: NOT_SERVING first, drain in-flight RPCs, then flush background work."""
        if self._stopped:
            return
        self._stopped = True
        self.container.audit_feed.close_streams()  # endless streams end now with UNAVAILABLE
        self.container.key_event_feed.close_streams()
        await self.health.enter_graceful_shutdown()
        grace = self.container.settings.shutdown_grace_seconds if grace is None else grace
        # Both edges drain at once, within the same grace period.
        await asyncio.gather(self.server.stop(grace), *([self.http.stop()] if self.http else []))
        # The flush gets its own budget after the grace period, so that grace + budget stays
        # inside Docker's default 10 s stop timeout (docs/architecture.md, "Shutdown").
        flushed = await self.container.stop(budget_seconds=FLUSH_BUDGET_SECONDS)
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


def _add_servicers(server: grpc.aio.Server, c: Container) -> dict[str, object]:
    """Adds the servicers to `server`; returns the keyturn.v1 ones by service name (the HTTP
    edge calls the same instances)."""
    keys = KeyServicer(c.tenancy, c.keys, c.validation, c.leaks, c.imports)
    keys_pb2_grpc.add_KeyServiceServicer_to_server(keys, server)
    crypto = CryptoServicer(c.crypto, c.crypto_keys)
    crypto_pb2_grpc.add_CryptoServiceServicer_to_server(crypto, server)
    audit = AuditServicer(c.audit)
    audit_pb2_grpc.add_AuditServiceServicer_to_server(audit, server)
    access = AccessServicer(c.principals)
    access_pb2_grpc.add_AccessServiceServicer_to_server(access, server)
    token = TokenServicer(c.tokens)
    tokens_pb2_grpc.add_TokenServiceServicer_to_server(token, server)
    key_policies = KeyPolicyServicer(c.key_policies)
    key_policies_pb2_grpc.add_KeyPolicyServiceServicer_to_server(key_policies, server)
    key_events = KeyEventServicer(c.key_event_log)
    key_events_pb2_grpc.add_KeyEventServiceServicer_to_server(key_events, server)
    webhooks = WebhookServicer(c.webhooks)
    webhooks_pb2_grpc.add_WebhookServiceServicer_to_server(webhooks, server)
    add_envoy_authorization(EnvoyAuthorizationServicer(c.validation), server)
    servicers = (keys, crypto, audit, access, token, key_policies, key_events, webhooks)
    return dict(zip(KEYTURN_SERVICES, servicers, strict=True))


def _http_edge(
    settings: Settings, servicers: dict[str, object], caller_check: CallerCheck, container: Container
) -> HttpEdge:
    services = [pool_service(name) for name in KEYTURN_SERVICES]
    gateway = RestGateway(
        services,
        servicers,
        caller_check,
        settings.max_payload_bytes,
        # Every organization's token-signing keys (GetJwks with no organization_id).
        extra_paths=routes.EXTRA_PATHS,
        cache_control={routes.GET_JWKS: f"public, max-age={int(settings.token_jwks_max_age_seconds)}"},
    )
    receivers = []
    if settings.github_secret_scanning_keys is not None:
        github = GitHubSecretScanning(
            PublicKeys(settings.github_secret_scanning_keys), container.leaks, settings.max_payload_bytes
        )
        receivers = github.routes()
    tls = (str(settings.tls_cert), str(settings.tls_key)) if settings.tls_cert and settings.tls_key else None
    return HttpEdge(
        build_app(gateway, receivers),
        settings.http_listen,
        grace_seconds=settings.shutdown_grace_seconds,
        tls=tls,
        reuse_port=settings.workers > 1,
    )


def pool_service(name: str) -> Any:
    from google.protobuf import descriptor_pool

    return descriptor_pool.Default().FindServiceByName(name)


async def build_server(settings: Settings, tracer_provider: Any = None) -> tuple[KeyturnServer, int]:
    """Build (not start) a server listening on settings.listen; returns it and the bound port.
    `tracer_provider`: see Container.build."""
    container = Container.build(settings, tracer_provider)
    caller_check = CallerCheck(container.authenticator, mtls=settings.tls_client_ca is not None)
    max_message = settings.max_payload_bytes + 64 * 1024
    interceptors: list[Any] = [
        EdgeInterceptor(caller_check, container.metrics.rpc if container.metrics else None)
    ]
    if container.tracing is not None:
        interceptors.insert(0, container.tracing.server_interceptor())  # outermost: see api/tracing.py
    server = grpc.aio.server(
        interceptors=interceptors,
        options=[
            ("grpc.max_receive_message_length", max_message),
            ("grpc.max_send_message_length", max_message),
            # Shared only by the workers of one `keyturn serve --workers N`; otherwise a second
            # server on a busy port fails to bind instead of silently taking half the traffic.
            ("grpc.so_reuseport", 1 if settings.workers > 1 else 0),
        ],
    )
    servicers = _add_servicers(server, container)

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
    http = _http_edge(settings, servicers, caller_check, container) if settings.http_listen else None
    return KeyturnServer(server, health_servicer, container, http), port


__all__ = ["SERVICE_NAMES", "KeyturnServer", "build_server"]
