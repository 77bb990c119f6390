"""Authentication and the coarse permission check at the gRPC edge.

Called by every edge (api/interceptors.py for gRPC; the HTTP edge likewise) after the request
is decoded, before the handler. For every RPC except health checking and reflection:

1. Authenticate: `authorization: Bearer <kta token>` metadata, or - on an mTLS listener
   (--tls-client-ca) - the verified client certificate's SAN / common name mapped through
   Principal.certificate_identity. A token, when present, decides. Failure:
   UNAUTHENTICATED / CALLER_UNAUTHENTICATED.
2. Coarse permission: the RPC's permission (api/permissions.py) must be granted by one of the
   principal's roles somewhere; otherwise PERMISSION_DENIED / CALLER_FORBIDDEN.

Nothing else: no request is read or changed here. Tenancy is the use cases' job - each
authorizes against the tenant of what it loaded, and lists narrow their queries to what the
caller may see (domain/access.py).

The principal is put in the `current_principal` contextvar and its id in RequestMeta.actor,
so use cases, logs and audit events know the actor. Tokens never reach a log line or an
error message.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

import grpc

from keyturn_server.api.permissions import METHOD_PERMISSIONS, PUBLIC_METHOD_PREFIXES
from keyturn_server.domain import access as policy
from keyturn_server.domain.context import request_meta
from keyturn_server.domain.errors import CallerForbidden, CallerUnauthenticated
from keyturn_server.usecases.authenticate import Authenticator

# The current call's re-authorization: admit the same credentials for the same method again
# (an open stream calls it when the caller's access may have changed; usecases/stream_access.py).
current_recheck: ContextVar[Callable[[], Awaitable[policy.Principal]] | None] = ContextVar(
    "keyturn_current_recheck", default=None
)

_SAN = "x509_subject_alternative_name"
_CN = "x509_common_name"


@dataclass(frozen=True, slots=True)
class Credentials:
    """What a caller presented, whatever the transport: `authorization` header values and
    the verified client certificate's identities (SANs, then the common name)."""

    authorization: tuple[str, ...] = ()
    certificate_identities: tuple[str, ...] = ()


def grpc_credentials(
    context: grpc.aio.ServicerContext[Any, Any], authorization: tuple[str, ...], *, mtls: bool
) -> Credentials:
    """The credentials of a gRPC call: its authorization metadata values (already read by
    the edge), and on an mTLS listener the verified certificate's identities."""
    identities: list[str] = []
    if mtls:
        auth = context.auth_context() or {}
        for prop in (_SAN, _CN):
            for raw in auth.get(prop, ()):
                value = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
                if value and value not in identities:
                    identities.append(value)
    return Credentials(authorization, tuple(identities))


def bearer_token(credentials: Credentials) -> str | None:
    """The bearer token presented; None when no authorization header was sent."""
    values = credentials.authorization
    if not values:
        return None
    if len(values) > 1:
        raise CallerUnauthenticated("send exactly one authorization header")
    scheme, _, token = values[0].strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise CallerUnauthenticated("authorization must be `Bearer <token>`")
    return token.strip()


class CallerCheck:
    """Authenticates a call and makes the coarse permission check. Transport-independent:
    every edge (gRPC, HTTP) hands it the method name and the presented credentials."""

    def __init__(self, authenticator: Authenticator, *, mtls: bool) -> None:
        self.authenticator = authenticator
        self.mtls = mtls

    @staticmethod
    def is_public(method: str) -> bool:
        return method.startswith(PUBLIC_METHOD_PREFIXES)

    async def authenticate(self, credentials: Credentials) -> policy.Principal:
        token = bearer_token(credentials)
        if token is not None:
            return await self.authenticator.authenticate_token(token)
        if self.mtls and credentials.certificate_identities:
            return await self.authenticator.authenticate_certificate(credentials.certificate_identities)
        raise CallerUnauthenticated("missing caller credentials: send `authorization: Bearer <token>`")

    async def admit(self, method: str, credentials: Credentials) -> policy.Principal:
        """The authenticated caller, set as the current principal; or the domain error."""
        principal = await self.authenticate(credentials)
        policy.current_principal.set(principal)
        request_meta().actor = principal.id
        if method not in METHOD_PERMISSIONS:
            raise CallerForbidden(method)
        permission = METHOD_PERMISSIONS[method]
        if permission is not None and not principal.has_permission(permission):
            raise CallerForbidden(permission.value)
        current_recheck.set(lambda: self.admit(method, credentials))
        return principal


__all__ = ["CallerCheck", "Credentials", "bearer_token", "current_recheck", "grpc_credentials"]
