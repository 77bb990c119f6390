"""The HTTP edge: REST/JSON over the same servicers, the OpenAPI document and the console.

An ASGI app (Starlette) served by uvicorn in the gRPC server's event loop. Each route comes
from an RPC's `google.api.http` annotation (routes.py) and runs the same steps, with the same
shared functions, as the gRPC edge (api/interceptors.py):

    begin_request -> decode (JSON -> request message) + check_request -> CallerCheck.admit
    -> the servicer method the gRPC server calls -> proto3 JSON, or failure() -> the error
    table's google.rpc.Status as JSON (status.py) -> log_call (one line per request)

so there is no second copy of any rule: authentication and the coarse permission, request
checks, use cases, audit and errors are the gRPC ones. Server streams are server-sent
events (`data: <message JSON>`; an error ends the stream with `event: error`).

Every response carries a strict Content-Security-Policy (`default-src 'self'`, no inline
script or style), `X-Frame-Options: DENY`, `X-Content-Type-Options: nosniff` and
`Referrer-Policy: no-referrer`; API answers are `Cache-Control: no-store`.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import socket
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping, Sequence
from importlib import resources
from typing import Any

import grpc
import uvicorn
from google.protobuf.message import Message
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response, StreamingResponse
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send
from starlette.types import Message as AsgiMessage

from keyturn_server.api import errors as api_errors
from keyturn_server.api.auth import CallerCheck, Credentials
from keyturn_server.api.http import reference, routes, status
from keyturn_server.api.interceptors import begin_request, failure, log_call, undecodable
from keyturn_server.api.permissions import METHOD_PERMISSIONS
from keyturn_server.api.request_check import check_request
from keyturn_server.domain import errors as de
from keyturn_server.domain.access import ROLE_PERMISSIONS
from keyturn_server.domain.context import RequestMeta

log = logging.getLogger("keyturn.http")

SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (
        b"content-security-policy",
        b"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        b"connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
        b"frame-ancestors 'none'",
    ),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
)
# Base64 makes bytes fields 4/3 larger in JSON; the rest is room for the other fields.
JSON_OVERHEAD_BYTES = 64 * 1024
# A stream whose first message (or error) comes within this time answers with a proper
# HTTP status; later errors arrive as an `event: error`.
FIRST_EVENT_WAIT_SECONDS = 0.5
KEEPALIVE_SECONDS = 15.0


class CallContext:
    """The little of grpc.aio.ServicerContext that servicers (and the generated base class
    for RPCs a servicer does not implement) use, for a call that came over HTTP."""

    def __init__(self, metadata: tuple[tuple[str, str], ...], peer: str) -> None:
        self._metadata = metadata
        self._peer = peer
        self.code: grpc.StatusCode | None = None
        self.details = ""

    def invocation_metadata(self) -> tuple[tuple[str, str], ...]:
        return self._metadata

    def peer(self) -> str:
        return self._peer

    def set_code(self, code: grpc.StatusCode) -> None:
        self.code = code

    def set_details(self, details: str) -> None:
        self.details = details

    def set_trailing_metadata(self, _metadata: Any) -> None:
        return None

    async def send_initial_metadata(self, _metadata: Any) -> None:
        return None  # a server-sent event stream has sent its headers already

    def auth_context(self) -> dict[str, Any]:
        return {}


def _peer(request: Request) -> str:
    client = request.client
    if client is None:
        return ""
    host, port = client.host, client.port
    return f"ipv6:[{host}]:{port}" if ":" in host else f"ipv4:{host}:{port}"


class SecurityHeaders:
    """Pure ASGI middleware (BaseHTTPMiddleware would break streaming and contextvars)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: AsgiMessage) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers.extend(h for h in SECURITY_HEADERS if h[0] not in present)
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class RestGateway:
    """The routes of every RPC, calling `servicers` (service full name -> servicer)."""

    def __init__(
        self,
        services: list[Any],
        servicers: Mapping[str, object],
        caller_check: CallerCheck,
        max_payload_bytes: int,
        *,
        extra_paths: Mapping[str, tuple[str, ...]] | None = None,
        cache_control: Mapping[str, str] | None = None,
    ) -> None:
        """`extra_paths`: more paths bound to an RPC (its request built from the query
        alone), e.g. `/.well-known/jwks.json`; `cache_control`: the Cache-Control of an
        RPC's successful answers instead of `no-store` (public, cacheable documents)."""
        self.extra_paths = dict(extra_paths or {})
        self.cache_control = dict(cache_control or {})
        self.caller_check = caller_check
        self.max_body_bytes = max_payload_bytes * 4 // 3 + JSON_OVERHEAD_BYTES
        self.bindings = routes.bindings(services)
        self.servicers = servicers

    def starlette_routes(self) -> list[BaseRoute]:
        found: list[BaseRoute] = []
        for binding in self.bindings:
            service = binding.rpc.split("/")[1]
            handler = getattr(self.servicers[service], binding.method.name)
            endpoint = self._endpoint(binding, handler)
            found.append(Route(binding.route_path, endpoint, methods=[binding.verb], name=binding.rpc))
            for path in self.extra_paths.get(binding.rpc, ()):
                found.append(Route(path, endpoint, methods=[binding.verb], name=f"{binding.rpc} {path}"))
        return found

    async def _read_body(self, request: Request) -> bytes:
        declared = request.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_body_bytes:
            raise de.PayloadTooLarge("body", self.max_body_bytes)
        chunks: list[bytes] = []
        size = 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > self.max_body_bytes:
                raise de.PayloadTooLarge("body", self.max_body_bytes)
            chunks.append(chunk)
        return b"".join(chunks)

    def _endpoint(
        self, binding: routes.Binding, handler: Callable[..., Any]
    ) -> Callable[[Request], Awaitable[Response]]:
        method = binding.rpc
        check = None if self.caller_check.is_public(method) else self.caller_check
        cache = {"cache-control": self.cache_control[method]} if method in self.cache_control else None

        async def prepare(request: Request) -> tuple[Message, CallContext]:
            body = await self._read_body(request) if binding.body else b""
            try:
                message = routes.build_request(
                    binding, request.path_params, request.query_params.multi_items(), body
                )
            except routes.Undecodable:
                raise undecodable(method, "body", "is not proto3 JSON of the request message") from None
            check_request(message)
            authorization = tuple(request.headers.getlist("authorization"))
            if check is not None:
                await check.admit(method, Credentials(authorization=authorization, certificate_identities=()))
            metadata = tuple(
                (k.lower(), v) for k, v in request.headers.items() if k.lower() != "authorization"
            )
            return message, CallContext(metadata, _peer(request))

        async def unary(request: Request) -> Response:
            meta = _begin(request, method)
            started = time.perf_counter()
            code = "OK"
            try:
                message, context = await prepare(request)
                answer = await handler(message, context)
                rendered = routes.render(answer)
                if method in reference.RPCS:  # the reference API's four routes keep its JSON
                    rendered = reference.response_body(method, rendered)
                return _json(200, rendered, meta, cache)
            except asyncio.CancelledError:
                code = "CANCELLED"
                raise
            except Exception as error:
                code, grpc_status = failure(meta, method, error)
                return _error(grpc_status, meta)
            finally:
                meta.log_fields.setdefault("transport", "http")
                log_call(meta, code, started, False)

        async def stream(request: Request) -> Response:
            meta = _begin(request, method)
            started = time.perf_counter()
            first: asyncio.Future[Message] | None = None
            try:
                message, context = await prepare(request)
                events: AsyncIterator[Message] = handler(message, context)
                first = asyncio.ensure_future(events.__anext__())
                await asyncio.wait({first}, timeout=FIRST_EVENT_WAIT_SECONDS)
                if first.done() and first.exception() is not None:
                    error = first.exception()
                    assert error is not None
                    if isinstance(error, StopAsyncIteration):
                        first = None
                    else:
                        raise error
            except Exception as error:
                if first is not None and not first.done():
                    first.cancel()
                code, grpc_status = failure(meta, method, error)
                meta.log_fields.setdefault("transport", "http")
                log_call(meta, code, started, False)
                return _error(grpc_status, meta)
            body = _sse(events, first, meta, method, started)
            return StreamingResponse(
                body,
                media_type="text/event-stream",
                headers={
                    "cache-control": "no-store",
                    "x-request-id": meta.request_id,
                    "x-accel-buffering": "no",
                },
            )

        return stream if binding.server_streaming else unary


async def _sse(
    events: AsyncIterator[Message],
    first: asyncio.Future[Message] | None,
    meta: RequestMeta,
    method: str,
    started: float,
) -> AsyncIterator[bytes]:
    """The stream as server-sent events; runs in the response task, so the log line is
    written here when the stream ends (OK, CANCELLED when the client went, or the error)."""
    code = "OK"
    pending: asyncio.Future[Message] | None = first
    try:
        yield b": stream open\n\n"
        while True:
            if pending is None:
                pending = asyncio.ensure_future(events.__anext__())
            done, _ = await asyncio.wait({pending}, timeout=KEEPALIVE_SECONDS)
            if not done:
                yield b": keepalive\n\n"
                continue
            try:
                item = pending.result()
            except StopAsyncIteration:
                break
            pending = None
            yield b"data: " + json.dumps(routes.render(item), separators=(",", ":")).encode() + b"\n\n"
    except asyncio.CancelledError:
        code = "CANCELLED"
        raise
    except Exception as error:
        code, grpc_status = failure(meta, method, error)
        _, body, _ = status.error_body(grpc_status)
        yield b"event: error\ndata: " + json.dumps(body, separators=(",", ":")).encode() + b"\n\n"
    finally:
        if pending is not None and not pending.done():
            pending.cancel()  # the client went: stop waiting for the next event
            with contextlib.suppress(BaseException):
                await pending
        with contextlib.suppress(Exception):
            await events.aclose()  # type: ignore[attr-defined]
        meta.log_fields.setdefault("transport", "http")
        log_call(meta, code, started, False)


def _begin(request: Request, method: str) -> RequestMeta:
    return begin_request(
        method, request.headers.get("x-request-id", ""), _peer(request), request.headers.get("user-agent", "")
    )


def _json(code: int, body: Any, meta: RequestMeta, headers: Mapping[str, str] | None = None) -> Response:
    return JSONResponse(
        body,
        status_code=code,
        headers={"cache-control": "no-store", "x-request-id": meta.request_id, **(headers or {})},
    )


def _error(grpc_status: grpc.Status, meta: RequestMeta) -> Response:
    code, body, headers = status.error_body(grpc_status)
    return _json(code, body, meta, headers)


def _route_error(request: Request, exc: Exception) -> Response:
    """404 and 405 from the router, as google.rpc.Status like every other error."""
    assert isinstance(exc, HTTPException)
    meta = _begin(request, f"{request.method} {request.url.path}"[:200])
    if exc.status_code == 405:
        grpc_status = api_errors.not_implemented_status(f"{request.method} {request.url.path}"[:128])
        _, body, _ = status.error_body(grpc_status)
        return _json(405, body, meta, dict(exc.headers or {}))
    if exc.status_code == 404:
        return _error(api_errors.to_status(de.NotFound("route", request.url.path)), meta)
    message = api_errors.bounded(str(exc.detail))
    return JSONResponse({"code": 3, "message": message, "details": []}, status_code=exc.status_code)


def role_capabilities() -> dict[str, list[str]]:
    """For the console: which RPCs each role's permissions allow (the coarse check of
    api/auth.py, computed from the same two tables), so it offers only what a caller may do."""
    table: dict[str, list[str]] = {}
    for role, granted in ROLE_PERMISSIONS.items():
        table[role.value] = sorted(
            rpc.rsplit("/", 2)[-2].rsplit(".", 1)[-1] + "/" + rpc.rsplit("/", 1)[-1]
            for rpc, permission in METHOD_PERMISSIONS.items()
            if permission is None or permission in granted
        )
    return table


def _package_file(name: str) -> bytes:
    return resources.files("keyturn_server.api.http").joinpath(name).read_bytes()


def build_app(gateway: RestGateway, extra_routes: Sequence[BaseRoute] = ()) -> ASGIApp:
    """`extra_routes`: receivers outside the contract (the GitHub secret-scanning receiver)."""
    openapi = _package_file("openapi.json")
    capabilities = json.dumps(role_capabilities(), separators=(",", ":")).encode()

    async def openapi_json(_request: Request) -> Response:
        return Response(openapi, media_type="application/json")

    async def roles_json(_request: Request) -> Response:
        return Response(capabilities, media_type="application/json", headers={"cache-control": "no-store"})

    async def to_console(_request: Request) -> Response:
        return RedirectResponse("/console/", status_code=307)

    console_dir = resources.files("keyturn_server.console")
    app = Starlette(
        routes=[
            *gateway.starlette_routes(),
            *extra_routes,
            Route("/openapi.json", openapi_json, methods=["GET"]),
            Route("/console/roles.json", roles_json, methods=["GET"]),
            Route("/", to_console, methods=["GET"]),
            Route("/console", to_console, methods=["GET"]),
            Mount("/console", StaticFiles(directory=str(console_dir), html=True), name="console"),
        ],
        exception_handlers={404: _route_error, 405: _route_error},
    )
    return SecurityHeaders(app)


class _Server(uvicorn.Server):
    """uvicorn without its own signal handling: `keyturn serve` owns SIGTERM/SIGINT and
    stops both edges together."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield


def parse_listen(listen: str) -> tuple[str, int]:
    host, sep, port = listen.rpartition(":")
    if not sep or not port.isdigit():
        raise ValueError(f"--http-listen must be host:port, got {listen!r}")
    return host.strip("[]") or "127.0.0.1", int(port)


class HttpEdge:
    """The HTTP listener: bound at build time (so a busy port fails before migrations),
    served by uvicorn as a task of the running loop."""

    def __init__(
        self,
        app: ASGIApp,
        listen: str,
        *,
        grace_seconds: float,
        tls: tuple[str, str] | None,
        reuse_port: bool = False,
    ) -> None:
        host, port = parse_listen(listen)
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.socket = socket.socket(family, socket.SOCK_STREAM)
        try:
            self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if reuse_port:  # `keyturn serve --workers N`: every worker serves the HTTP port too
                self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
            self.socket.bind((host, port))
            self.socket.listen(1024)
            self.socket.setblocking(False)
        except OSError as exc:
            self.socket.close()
            raise OSError(f"HTTP listener {listen}: {exc.strerror or exc}") from None
        self.host = host
        self.port = int(self.socket.getsockname()[1])
        self.scheme = "https" if tls else "http"
        config = uvicorn.Config(
            app,
            log_config=None,
            access_log=False,
            lifespan="off",
            server_header=False,
            timeout_graceful_shutdown=max(1, round(grace_seconds)),
            ssl_certfile=tls[0] if tls else None,
            ssl_keyfile=tls[1] if tls else None,
        )
        self.server = _Server(config)
        self._task: asyncio.Task[None] | None = None

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{self.scheme}://{host}:{self.port}"

    async def start(self) -> None:
        self._task = asyncio.create_task(self.server.serve(sockets=[self.socket]), name="keyturn-http")
        while not self.server.started:
            if self._task.done():
                self._task.result()  # raises what stopped it
                raise RuntimeError("the HTTP listener stopped during startup")
            await asyncio.sleep(0.01)

    async def stop(self) -> None:
        """Stop accepting, let open requests finish (uvicorn's graceful timeout), close."""
        if self._task is None:
            self.socket.close()
            return
        self.server.should_exit = True
        with contextlib.suppress(asyncio.CancelledError):
            await self._task
        self._task = None
        self.socket.close()


__all__ = ["CallContext", "HttpEdge", "RestGateway", "build_app", "role_capabilities"]
