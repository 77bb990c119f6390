"""A grpc.aio server interceptor that guards YOUR gRPC service with Keyturn API keys.

    from keyturn.client import AsyncClient
    from keyturn.client.interceptor import APIKeyInterceptor, current_api_key

    keyturn = AsyncClient("keyturn:50051", token="kta_...")
    server = grpc.aio.server(interceptors=[
        APIKeyInterceptor(keyturn, {
            "/shop.v1.Orders/ListOrders": ["orders:read"],
            "/shop.v1.Orders/CreateOrder": ["orders:write"],
        }, product_id=SHOP_PRODUCT_ID),
    ])

    class Orders(OrdersServicer):
        async def ListOrders(self, request, context):
            key = current_api_key.get()          # the validated keyturn.v1.ApiKey
            user = key.metadata.custom["user_id"]

Each call must carry the end caller's key in `x-api-key` metadata. The interceptor validates
it with the scopes mapped to the method (exact `/pkg.Service/Method`, or `/pkg.Service/*`
for a whole service), passes the caller's address for the key's IP allow-list, and stores the
validated ApiKey in the `current_api_key` context variable for the handler. Failures become:

    missing/invalid/expired key                    UNAUTHENTICATED
    revoked, missing scope, wrong product, bad IP  PERMISSION_DENIED
    rate limited                                   RESOURCE_EXHAUSTED (+ `retry-after` trailer)
    Keyturn unreachable                            UNAVAILABLE

With `token_verifier=` (a keyturn.client.tokens.TokenVerifier) a call may instead carry a
Keyturn access token (TokenService.ExchangeKey), in `authorization: Bearer <token>` or in the
key's metadata (a JWT is recognised by its shape): it is verified offline, with the same
statuses, and `current_api_key` holds an ApiKey built from its claims.

The statuses carry Keyturn's own google.rpc.Status details (ErrorInfo reason, RetryInfo), so a caller
of your service can decode them with keyturn.client.from_rpc_error too.
"""

from __future__ import annotations

import inspect
import ipaddress
import math
from collections.abc import AsyncIterator, Awaitable, Callable, Collection, Mapping, Sequence
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

import grpc
import grpc.aio
from google.protobuf import any_pb2
from google.rpc import error_details_pb2, status_pb2

from keyturn.client.aio import AsyncClient
from keyturn.client.errors import (
    APIKeyError,
    DeadlineExceededError,
    ExpiredKeyError,
    InvalidKeyError,
    KeyRejectedError,
    QuotaError,
    UnavailableError,
    metadata_pairs,
)
from keyturn.client.streaming import KeyValidator
from keyturn.v1 import keys_pb2

if TYPE_CHECKING:
    from keyturn.client.tokens import TokenVerifier

__all__ = ["DEFAULT_PUBLIC_METHODS", "APIKeyInterceptor", "client_ip_from_peer", "current_api_key"]

current_api_key: ContextVar[keys_pb2.ApiKey | None] = ContextVar("keyturn_current_api_key", default=None)
"""The ApiKey validated for the RPC being handled (None outside a guarded call)."""

DEFAULT_PUBLIC_METHODS: tuple[str, ...] = ("/grpc.health.v1.Health/", "/grpc.reflection.")

_STATUS_DETAILS_KEY = "grpc-status-details-bin"
_DOMAIN = "keyturn.dev"


def client_ip_from_peer(peer: str) -> str:
    """The IP address in a gRPC peer string (`ipv4:1.2.3.4:5678`, `ipv6:[::1]:5678`), or ""."""
    kind, _, rest = peer.partition(":")
    rest = unquote(rest)
    if kind == "ipv4":
        host = rest.rsplit(":", 1)[0]
    elif kind == "ipv6":
        host = rest.rsplit(":", 1)[0].strip("[]") if rest.startswith("[") else rest
    else:
        return ""
    host = host.split("%", 1)[0]  # drop an IPv6 zone
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:
        return ""


def _metadata_value(context: grpc.aio.ServicerContext[Any, Any], name: str) -> str:
    for key, value in context.invocation_metadata() or ():
        if key == name:
            return value if isinstance(value, str) else value.decode("utf-8", "replace")
    return ""


def _rich_status(code: grpc.StatusCode, message: str, reason: str, extra: Sequence[Any] = ()) -> bytes:
    details = []
    for item in (error_details_pb2.ErrorInfo(reason=reason, domain=_DOMAIN), *extra):
        packed = any_pb2.Any()
        packed.Pack(item)
        details.append(packed)
    status = status_pb2.Status(code=code.value[0], message=message, details=details)
    return bytes(status.SerializeToString())


def _forwarded_details(error: APIKeyError) -> bytes | None:
    """Keyturn's own google.rpc.Status of the failed validation, to pass on unchanged."""
    if error.grpc_error is None:
        return bytes(error.status.SerializeToString()) if error.status is not None else None
    for key, value in metadata_pairs(error.grpc_error):
        if key == _STATUS_DETAILS_KEY and isinstance(value, bytes):
            return value
    return None


class APIKeyInterceptor(grpc.aio.ServerInterceptor):  # type: ignore[type-arg]
    """Validates the `x-api-key` of every guarded call with Keyturn before the handler runs.

    Args:
        client: the AsyncClient used to call KeyService.ValidateKey.
        method_scopes: required scopes per method, by full name (`/pkg.Service/Method`) or per
            service (`/pkg.Service/*`). A method found in neither needs a valid key with no
            particular scope, unless `require_key_for_unlisted=False`.
        product_id: validate keys for this Keyturn product (WRONG_PRODUCT otherwise).
        public_methods: names or prefixes (ending in `/` or `.`) that need no key; health
            checking and reflection by default.
        metadata_key: where the key travels (lower-case metadata name).
        skip_rate_limit, skip_usage: passed to ValidateKey (both off by default).
        stream: validate over one shared KeyService.ValidateKeys stream (a KeyValidator)
            instead of one unary ValidateKey per call: the same answers, much cheaper per
            validation under load. Off by default.
    """

    def __init__(
        self,
        client: AsyncClient,
        method_scopes: Mapping[str, Sequence[str]] | None = None,
        *,
        product_id: str = "",
        public_methods: Collection[str] = DEFAULT_PUBLIC_METHODS,
        require_key_for_unlisted: bool = True,
        metadata_key: str = "x-api-key",
        skip_rate_limit: bool = False,
        skip_usage: bool = False,
        stream: bool = False,
        token_verifier: TokenVerifier | None = None,
    ) -> None:
        self._client = client
        self._verifier = token_verifier
        self._validate = KeyValidator(client).validate if stream else client.validate_key
        self._scopes = {name: tuple(scopes) for name, scopes in (method_scopes or {}).items()}
        self._product_id = product_id
        self._public = tuple(public_methods)
        self._require_unlisted = require_key_for_unlisted
        self._metadata_key = metadata_key.lower()
        self._skip_rate_limit = skip_rate_limit
        self._skip_usage = skip_usage

    def required_scopes(self, method: str) -> tuple[str, ...] | None:
        """Scopes a method needs; None when it needs no key at all."""
        if any(method == p or (p.endswith(("/", ".")) and method.startswith(p)) for p in self._public):
            return None
        if method in self._scopes:
            return self._scopes[method]
        service = method.rsplit("/", 1)[0] + "/*"
        if service in self._scopes:
            return self._scopes[service]
        return () if self._require_unlisted else None

    async def intercept_service(
        self,
        continuation: Callable[[grpc.HandlerCallDetails], Awaitable[grpc.RpcMethodHandler[Any, Any]]],
        handler_call_details: grpc.HandlerCallDetails,
    ) -> grpc.RpcMethodHandler[Any, Any]:
        handler = await continuation(handler_call_details)
        method: str = handler_call_details.method
        scopes = self.required_scopes(method)
        if handler is None or scopes is None:
            return handler
        kwargs: dict[str, Any] = {
            "request_deserializer": handler.request_deserializer,
            "response_serializer": handler.response_serializer,
        }
        if handler.unary_unary:
            return grpc.unary_unary_rpc_method_handler(
                self._guard_unary(handler.unary_unary, scopes), **kwargs
            )
        if handler.stream_unary:
            return grpc.stream_unary_rpc_method_handler(
                self._guard_unary(handler.stream_unary, scopes), **kwargs
            )
        if handler.unary_stream:
            return grpc.unary_stream_rpc_method_handler(
                self._guard_stream(handler.unary_stream, scopes), **kwargs
            )
        if handler.stream_stream:
            return grpc.stream_stream_rpc_method_handler(
                self._guard_stream(handler.stream_stream, scopes), **kwargs
            )
        return handler

    def _guard_unary(self, inner: Any, scopes: tuple[str, ...]) -> Callable[..., Awaitable[Any]]:
        async def guarded(request: Any, context: grpc.aio.ServicerContext[Any, Any]) -> Any:
            await self._authorize(context, scopes)
            result = inner(request, context)
            return await result if inspect.isawaitable(result) else result

        return guarded

    def _guard_stream(self, inner: Any, scopes: tuple[str, ...]) -> Callable[..., AsyncIterator[Any]]:
        async def guarded(request: Any, context: grpc.aio.ServicerContext[Any, Any]) -> AsyncIterator[Any]:
            await self._authorize(context, scopes)
            result = inner(request, context)
            if inspect.isasyncgen(result):
                async for item in result:
                    yield item
            elif inspect.isawaitable(result):
                await result  # a handler that writes with context.write()
            else:
                for item in result:
                    yield item

        return guarded

    async def _authorize(self, context: grpc.aio.ServicerContext[Any, Any], scopes: tuple[str, ...]) -> None:
        presented = _metadata_value(context, self._metadata_key)
        if self._verifier is not None:
            from keyturn.client.tokens import api_key_of, looks_like_jwt

            scheme, _, bearer = _metadata_value(context, "authorization").partition(" ")
            token = bearer.strip() if scheme.lower() == "bearer" else presented
            if token and looks_like_jwt(token):
                try:
                    verified = await self._verifier.verify_async(
                        token, required_scopes=scopes, product_id=self._product_id
                    )
                except APIKeyError as error:
                    await self._reject(context, error)
                    raise  # not reached: abort raises
                current_api_key.set(api_key_of(verified))
                return
        if not presented:
            message = f"missing API key: send it in `{self._metadata_key}` metadata"
            await context.abort(
                grpc.StatusCode.UNAUTHENTICATED,
                message,
                (
                    (
                        _STATUS_DETAILS_KEY,
                        _rich_status(grpc.StatusCode.UNAUTHENTICATED, message, "KEY_INVALID"),
                    ),
                ),
            )
        try:
            response = await self._validate(
                presented,
                product_id=self._product_id,
                required_scopes=scopes,
                client_ip=client_ip_from_peer(context.peer() or ""),
                skip_rate_limit=self._skip_rate_limit,
                skip_usage=self._skip_usage,
            )
        except APIKeyError as error:
            await self._reject(context, error)
            raise  # not reached: abort raises
        current_api_key.set(response.key)

    async def _reject(self, context: grpc.aio.ServicerContext[Any, Any], error: APIKeyError) -> None:
        trailers: list[tuple[str, str | bytes]] = []
        if isinstance(error, KeyRejectedError):
            if isinstance(error, InvalidKeyError | ExpiredKeyError):
                code = grpc.StatusCode.UNAUTHENTICATED
            elif isinstance(error, QuotaError):
                code = grpc.StatusCode.RESOURCE_EXHAUSTED
                if error.retry_after_seconds is not None:
                    trailers.append(("retry-after", str(max(1, math.ceil(error.retry_after_seconds)))))
            else:
                code = grpc.StatusCode.PERMISSION_DENIED
            message = error.message
            forwarded = _forwarded_details(error)
            if forwarded is not None and status_pb2.Status.FromString(forwarded).code == code.value[0]:
                trailers.append((_STATUS_DETAILS_KEY, forwarded))
            else:
                trailers.append((_STATUS_DETAILS_KEY, _rich_status(code, message, error.reason)))
        elif isinstance(error, UnavailableError | DeadlineExceededError):
            code, message = grpc.StatusCode.UNAVAILABLE, "API key validation is unavailable; try again"
            trailers.append((_STATUS_DETAILS_KEY, _rich_status(code, message, "UNAVAILABLE")))
        else:
            # Our own credentials or configuration are wrong: nothing the caller can fix, and
            # nothing about it the caller should see.
            code, message = grpc.StatusCode.INTERNAL, "API key validation failed"
            trailers.append((_STATUS_DETAILS_KEY, _rich_status(code, message, "INTERNAL")))
        await context.abort(code, message, tuple(trailers))
