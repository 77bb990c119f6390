"""Authentication and the coarse permission check at the gRPC edge.

Runs inside EdgeInterceptor (which stays outermost and maps the DomainErrors raised here).
For every RPC except health checking and reflection:

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

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import TYPE_CHECKING, Any

import grpc

from keyturn_server.api.permissions import METHOD_PERMISSIONS, PUBLIC_METHOD_PREFIXES
from keyturn_server.domain import access as policy
from keyturn_server.domain.context import request_meta
from keyturn_server.domain.errors import CallerForbidden, CallerUnauthenticated
from keyturn_server.usecases.authenticate import Authenticator

if TYPE_CHECKING:
    _ServerInterceptor = grpc.aio.ServerInterceptor[Any, Any]
else:  # not subscriptable at run time
    _ServerInterceptor = grpc.aio.ServerInterceptor

_SAN = "x509_subject_alternative_name"
_CN = "x509_common_name"


def _metadata(context: grpc.aio.ServicerContext[Any, Any], name: str) -> list[str]:
    values = []
    for key, value in context.invocation_metadata() or ():
        if key == name:
            values.append(value if isinstance(value, str) else value.decode("utf-8", "replace"))
    return values


def bearer_token(context: grpc.aio.ServicerContext[Any, Any]) -> str | None:
    """The bearer token of the call; None when no authorization metadata was sent."""
    values = _metadata(context, "authorization")
    if not values:
        return None
    if len(values) > 1:
        raise CallerUnauthenticated("send exactly one authorization header")
    scheme, _, token = values[0].strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise CallerUnauthenticated("authorization must be `Bearer <token>`")
    return token.strip()


def certificate_identities(context: grpc.aio.ServicerContext[Any, Any]) -> list[str]:
    """The verified client certificate's SANs, then its common name (empty without one)."""
    auth = context.auth_context() or {}
    identities: list[str] = []
    for prop in (_SAN, _CN):
        for raw in auth.get(prop, ()):
            value = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
            if value and value not in identities:
                identities.append(value)
    return identities


class CallerCheck:
    """Authenticates a call and makes the coarse permission check (transport-independent
    apart from how credentials are read)."""

    def __init__(self, authenticator: Authenticator, *, mtls: bool) -> None:
        self.authenticator = authenticator
        self.mtls = mtls

    async def authenticate(self, context: grpc.aio.ServicerContext[Any, Any]) -> policy.Principal:
        token = bearer_token(context)
        if token is not None:
            return await self.authenticator.authenticate_token(token)
        if self.mtls:
            identities = certificate_identities(context)
            if identities:
                return await self.authenticator.authenticate_certificate(identities)
        raise CallerUnauthenticated("missing caller credentials: send `authorization: Bearer <token>`")

    async def admit(self, method: str, context: grpc.aio.ServicerContext[Any, Any]) -> None:
        principal = await self.authenticate(context)
        policy.current_principal.set(principal)
        request_meta().actor = principal.id
        if method not in METHOD_PERMISSIONS:
            raise CallerForbidden(method)
        permission = METHOD_PERMISSIONS[method]
        if permission is not None and not principal.has_permission(permission):
            raise CallerForbidden(permission.value)


class AuthInterceptor(_ServerInterceptor):
    """Authenticates every non-public RPC and checks its coarse permission."""

    def __init__(self, check: CallerCheck) -> None:
        self.check = check

    async def intercept_service(
        self,
        continuation: Callable[[grpc.HandlerCallDetails], Awaitable[grpc.RpcMethodHandler[Any, Any]]],
        handler_call_details: grpc.HandlerCallDetails,
    ) -> grpc.RpcMethodHandler[Any, Any]:
        handler = await continuation(handler_call_details)
        method: str = handler_call_details.method
        if handler is None or method.startswith(PUBLIC_METHOD_PREFIXES):
            return handler
        kwargs = {
            "request_deserializer": handler.request_deserializer,
            "response_serializer": handler.response_serializer,
        }
        if handler.unary_unary:
            return grpc.unary_unary_rpc_method_handler(self._unary(handler.unary_unary, method), **kwargs)
        if handler.unary_stream:
            return grpc.unary_stream_rpc_method_handler(self._stream(handler.unary_stream, method), **kwargs)
        # No keyturn.v1 RPC streams requests; refuse rather than pass one through unchecked.
        return grpc.stream_unary_rpc_method_handler(self._refuse(method), **kwargs)

    def _unary(self, inner: Any, method: str) -> Callable[..., Awaitable[Any]]:
        async def unary(request: Any, context: grpc.aio.ServicerContext[Any, Any]) -> Any:
            await self.check.admit(method, context)
            return await inner(request, context)

        return unary

    def _stream(self, inner: Any, method: str) -> Callable[..., AsyncIterator[Any]]:
        async def stream(request: Any, context: grpc.aio.ServicerContext[Any, Any]) -> AsyncIterator[Any]:
            await self.check.admit(method, context)
            async for item in inner(request, context):
                yield item

        return stream

    def _refuse(self, method: str) -> Callable[..., Awaitable[Any]]:
        async def refuse(_requests: Any, context: grpc.aio.ServicerContext[Any, Any]) -> Any:
            await context.abort(grpc.StatusCode.PERMISSION_DENIED, f"{method} is not allowed")

        return refuse


__all__ = ["AuthInterceptor", "CallerCheck", "bearer_token", "certificate_identities"]
