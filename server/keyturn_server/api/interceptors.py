"""The gRPC edge: one interceptor per server doing, for every RPC, in order: request id and
per-request context, decoding, authentication and the coarse permission check
(api/auth.py CallerCheck; not for health and reflection), the handler, error mapping, one
log line. Each method's wrapped handler is built once and reused, so a call allocates no
handler objects (the interceptor runs on every call and was a measurable share of the hot
path when two interceptors each wrapped every call anew).

Servicers raise DomainError; this is the one place that turns it into a status (through the
table in api/errors.py). A database driver error that escaped a transaction is classified
the same way store/db.py classifies it (UNAVAILABLE / ABORTED, no traceback); anything else
unexpected becomes INTERNAL, logged with the request id and never shown to the caller.

`begin_request`, `undecodable`, `failure` and `log_call` are transport-neutral: the HTTP edge
(api/http/) calls the same ones, so both edges start, fail and log a call alike.

Requests are decoded here, not by grpc: the handlers are registered with no deserializer, so
bytes that do not parse (truncated, a string that is not UTF-8, a Struct nested too deep)
become INVALID_ARGUMENT with ErrorInfo, before authentication and with the usual log line
(ValidateKey answers KEY_INVALID, as for any key it cannot read). Decoded keyturn.v1 requests
then pass api/request_check.py (timestamp/duration ranges, no NUL, finite Struct numbers). The log line carries method, status code, duration, request
id and reason, never request fields, so no key, password or plaintext can reach the log.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import TYPE_CHECKING, Any

import grpc
from google.protobuf.message import Message
from google.rpc import status_pb2

from keyturn_server.api import errors as api_errors
from keyturn_server.api.auth import CallerCheck, grpc_credentials
from keyturn_server.api.permissions import PUBLIC_METHOD_PREFIXES
from keyturn_server.api.request_check import check_request
from keyturn_server.domain.context import RequestMeta, current_request, request_meta
from keyturn_server.domain.errors import DomainError, InvalidArgument, KeyInvalid
from keyturn_server.store.db import database_fault

log = logging.getLogger("keyturn.rpc")

if TYPE_CHECKING:
    from keyturn_server.api.metrics import RpcMetrics

if TYPE_CHECKING:  # grpc-stubs types the interceptor generically; the runtime class is not subscriptable
    _ServerInterceptor = grpc.aio.ServerInterceptor[Any, Any]
else:
    _ServerInterceptor = grpc.aio.ServerInterceptor

_REQUEST_ID = re.compile(r"^[A-Za-z0-9._\-]{1,64}$")
_VALIDATE_KEY = "/keyturn.v1.KeyService/ValidateKey"
_OWN_PREFIX = "/keyturn.v1."
_STATUS_DETAILS_KEY = "grpc-status-details-bin"
Deserializer = Callable[[bytes], Any]


def undecodable(
    method: str,
    field: str = "request",
    description: str = "is not a valid protobuf encoding of the request message",
) -> DomainError:
    """The error for a request that cannot be read (ValidateKey: as for any unreadable key)."""
    if method == _VALIDATE_KEY:
        return KeyInvalid()
    return InvalidArgument.field(field, description)


def _decode(deserializer: Deserializer | None, raw: Any, method: str) -> Any:
    """Parse the request bytes; keyturn.v1 requests also pass the shared checks."""
    if deserializer is None or not isinstance(raw, bytes):
        return raw
    try:
        request = deserializer(raw)
    except Exception:  # DecodeError, RecursionError, UnicodeDecodeError: all the caller's bytes
        raise undecodable(method) from None
    if method.startswith(_OWN_PREFIX) and isinstance(request, Message):
        check_request(request)
    return request


def _begin(context: grpc.aio.ServicerContext[Any, Any], method: str) -> tuple[RequestMeta, tuple[str, ...]]:
    """The call's RequestMeta (set as the current request) and its authorization values,
    from one pass over the metadata."""
    offered = agent = ""
    authorization: list[str] = []
    for key, value in context.invocation_metadata() or ():
        if key == "authorization":
            authorization.append(value if isinstance(value, str) else value.decode("utf-8", "replace"))
        elif key == "x-request-id":
            offered = value if isinstance(value, str) else value.decode("utf-8", "replace")
        elif key == "user-agent":
            agent = value if isinstance(value, str) else value.decode("utf-8", "replace")
    return begin_request(method, offered, context.peer() or "", agent), tuple(authorization)


def begin_request(method: str, offered_request_id: str, peer: str, user_agent: str) -> RequestMeta:
    """The request's RequestMeta, set as the current request (every edge starts here): the
    caller's x-request-id when it is well-formed, else a fresh one."""
    ok = offered_request_id and _REQUEST_ID.match(offered_request_id)
    meta = RequestMeta(
        request_id=offered_request_id if ok else os.urandom(16).hex(),
        method=method,
        client_address=peer,
        user_agent=user_agent[:200],
    )
    current_request.set(meta)
    return meta


class EdgeInterceptor(_ServerInterceptor):
    """The only server interceptor."""

    def __init__(self, caller_check: CallerCheck, rpc_metrics: RpcMetrics | None = None) -> None:
        self.caller_check = caller_check
        # Called once per call with (method, code name, seconds); None when metrics are off.
        self.observe = rpc_metrics.observe if rpc_metrics is not None else None
        self.count_messages = rpc_metrics.messages if rpc_metrics is not None else None
        # method -> (the registered handler, its wrapped form)
        self._wrapped: dict[str, tuple[grpc.RpcMethodHandler[Any, Any], grpc.RpcMethodHandler[Any, Any]]] = {}

    async def intercept_service(
        self,
        continuation: Callable[[grpc.HandlerCallDetails], Awaitable[grpc.RpcMethodHandler[Any, Any]]],
        handler_call_details: grpc.HandlerCallDetails,
    ) -> grpc.RpcMethodHandler[Any, Any]:
        handler = await continuation(handler_call_details)
        if handler is None:
            return None
        method: str = handler_call_details.method
        cached = self._wrapped.get(method)
        if cached is not None and cached[0] is handler:
            return cached[1]
        wrapped = self._wrap(handler, method)
        self._wrapped[method] = (handler, wrapped)
        return wrapped

    def _wrap(self, handler: grpc.RpcMethodHandler[Any, Any], method: str) -> grpc.RpcMethodHandler[Any, Any]:
        quiet = method.startswith(PUBLIC_METHOD_PREFIXES)  # health and reflection: DEBUG when OK
        check = None if self.caller_check.is_public(method) else self.caller_check
        decode = handler.request_deserializer
        kwargs = {"request_deserializer": None, "response_serializer": handler.response_serializer}
        if handler.unary_unary:
            return grpc.unary_unary_rpc_method_handler(
                self._wrap_unary(handler.unary_unary, decode, method, quiet, check), **kwargs
            )
        if handler.unary_stream:
            return grpc.unary_stream_rpc_method_handler(
                self._wrap_stream(handler.unary_stream, decode, method, quiet, check), **kwargs
            )
        if check is None:
            return handler  # client-streaming handlers (reflection) pass through untouched
        if handler.stream_stream and method.startswith(_OWN_PREFIX):
            return grpc.stream_stream_rpc_method_handler(
                self._wrap_bidi(handler.stream_stream, decode, method, quiet, check), **kwargs
            )
        # No keyturn.v1 RPC is client-streaming only; refuse rather than pass one through unchecked.
        return grpc.stream_unary_rpc_method_handler(_refuse(method), **kwargs)

    def _wrap_unary(
        self, inner: Any, decode: Deserializer | None, method: str, quiet: bool, check: CallerCheck | None
    ) -> Callable[..., Awaitable[Any]]:
        observe = self.observe

        async def unary(raw: Any, context: grpc.aio.ServicerContext[Any, Any]) -> Any:
            async with _Call(context, method, quiet, observe) as call:
                request = _decode(decode, raw, method)
                if check is not None:
                    await check.admit(method, grpc_credentials(context, call.authorization, mtls=check.mtls))
                response = await inner(request, context)
                context.set_trailing_metadata((("x-request-id", call.meta.request_id),))
                return response

        return unary

    def _wrap_stream(
        self, inner: Any, decode: Deserializer | None, method: str, quiet: bool, check: CallerCheck | None
    ) -> Callable[..., AsyncIterator[Any]]:
        observe = self.observe

        async def stream(raw: Any, context: grpc.aio.ServicerContext[Any, Any]) -> AsyncIterator[Any]:
            async with _Call(context, method, quiet, observe) as call:
                request = _decode(decode, raw, method)
                if check is not None:
                    await check.admit(method, grpc_credentials(context, call.authorization, mtls=check.mtls))
                async for item in inner(request, context):
                    yield item

        return stream

    def _wrap_bidi(
        self, inner: Any, decode: Deserializer | None, method: str, quiet: bool, check: CallerCheck
    ) -> Callable[..., AsyncIterator[Any]]:
        """A keyturn.v1 bidi stream: authenticated once when it opens, each message parsed
        here (bytes that do not parse end the stream with INVALID_ARGUMENT: which request
        they were cannot be told), one log line and one metrics sample per stream with the
        number of messages received. Per-message checks and errors are the servicer's: a
        stream answers each message on its own (ValidateKeys)."""
        observe = self.observe
        count_messages = self.count_messages

        async def bidi(
            raws: AsyncIterator[Any], context: grpc.aio.ServicerContext[Any, Any]
        ) -> AsyncIterator[Any]:
            received = 0

            async def requests() -> AsyncIterator[Any]:
                nonlocal received
                async for raw in raws:
                    received += 1
                    yield _parse(decode, raw, method)

            def counted(call: _Call) -> None:
                call.meta.log_fields["messages"] = str(received)
                if count_messages is not None:
                    count_messages(method, received)

            async with _Call(context, method, quiet, observe, on_end=counted) as call:
                await check.admit(method, grpc_credentials(context, call.authorization, mtls=check.mtls))
                async for item in inner(requests(), context):
                    yield item

        return bidi


class _Call:
    """One call at the gRPC edge, as an `async with` scope around its work: what ends the
    work becomes the call's code (an error becomes its status through the one table and
    aborts the call), and the call is observed and logged once, whatever ended it."""

    __slots__ = (
        "authorization",
        "code",
        "context",
        "meta",
        "method",
        "observe",
        "on_end",
        "quiet",
        "started",
    )

    def __init__(
        self,
        context: grpc.aio.ServicerContext[Any, Any],
        method: str,
        quiet: bool,
        observe: Callable[[str, str, float], None] | None,
        on_end: Callable[[_Call], None] | None = None,
    ) -> None:
        self.meta, self.authorization = _begin(context, method)
        self.context = context
        self.method = method
        self.quiet = quiet
        self.observe = observe
        self.on_end = on_end
        self.started = time.perf_counter()
        self.code = "OK"

    async def __aenter__(self) -> _Call:
        return self

    async def __aexit__(self, _type: Any, error: BaseException | None, _tb: Any) -> bool:
        try:
            if isinstance(error, asyncio.CancelledError):
                self.code = "CANCELLED"
            elif isinstance(error, grpc.aio.AbortError):
                self.code = _code_name(self.context)
            elif isinstance(error, Exception):
                self.code, status = failure(self.meta, self.method, error)
                await _abort(self.context, status, self.meta)  # raises AbortError
            return False
        finally:
            if self.on_end is not None:
                self.on_end(self)
            if self.observe is not None:
                self.observe(self.method, self.code, time.perf_counter() - self.started)
            log_call(self.meta, self.code, self.started, self.quiet)


def _parse(deserializer: Deserializer | None, raw: Any, method: str) -> Any:
    """Parse one message of a stream (no shared checks: the servicer answers those per message)."""
    if deserializer is None or not isinstance(raw, bytes):
        return raw
    try:
        return deserializer(raw)
    except Exception:
        raise InvalidArgument.field(
            "request", "is not a valid protobuf encoding of the request message"
        ) from None


def failure_status(error: Exception) -> status_pb2.Status:
    """The google.rpc.Status the edge would answer for `error` (the same table, the same
    logging of anything unexpected under the current request id), for RPCs that answer
    errors inside a message instead of ending the call (ValidateKeys)."""
    meta = request_meta()
    _, status = failure(meta, meta.method, error)
    for key, value in status.trailing_metadata:
        if key == _STATUS_DETAILS_KEY:
            return status_pb2.Status.FromString(value)
    return status_pb2.Status(code=status.code.value[0], message=status.details)


def _refuse(method: str) -> Callable[..., Awaitable[Any]]:
    async def refuse(_requests: Any, context: grpc.aio.ServicerContext[Any, Any]) -> Any:
        await context.abort(grpc.StatusCode.PERMISSION_DENIED, f"{method} is not allowed")

    return refuse


def failure(meta: RequestMeta, method: str, error: Exception) -> tuple[str, grpc.Status]:
    """The status code name and status that `error` stands for."""
    if isinstance(error, NotImplementedError):
        return "UNIMPLEMENTED", api_errors.not_implemented_status(method)
    domain = database_fault(error)  # a DomainError as is; a driver error classified
    if domain is None:
        log.exception("unhandled error in %s (request_id=%s)", meta.method, meta.request_id)
        return _note_error(meta, None), api_errors.internal_status(meta.request_id)
    return _note_error(meta, domain), api_errors.to_status(domain)


def _code_name(context: grpc.aio.ServicerContext[Any, Any]) -> str:
    code = context.code()
    return code.name if isinstance(code, grpc.StatusCode) else str(code or "UNKNOWN")


def _note_error(meta: RequestMeta, err: DomainError | None) -> str:
    reason = err.reason if err else "INTERNAL"
    meta.log_fields.setdefault("reason", reason)
    mapping = api_errors.ERROR_TABLE.get(reason, api_errors.ERROR_TABLE["INTERNAL"])
    return mapping.code.name


async def _abort(context: grpc.aio.ServicerContext[Any, Any], status: grpc.Status, meta: RequestMeta) -> None:
    await context.abort(
        status.code,
        status.details,
        (*status.trailing_metadata, ("x-request-id", meta.request_id)),
    )


def log_call(meta: RequestMeta, code: str, started: float, quiet: bool) -> None:
    level = logging.DEBUG if quiet and code == "OK" else logging.INFO
    if not log.isEnabledFor(level):
        return
    log.log(
        level,
        "rpc",
        extra={
            "fields": {
                "method": meta.method,
                "code": code,
                "duration_ms": round((time.perf_counter() - started) * 1000, 3),
                "request_id": meta.request_id,
                "peer": meta.client_address,
                "actor": meta.actor,
                **meta.log_fields,
            }
        },
    )
