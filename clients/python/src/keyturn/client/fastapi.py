"""A FastAPI dependency that guards YOUR HTTP API with Keyturn API keys.

Needs the optional extra: `pip install "keyturn-client[fastapi]"`.

    from fastapi import Depends, FastAPI
    from keyturn.client import AsyncClient
    from keyturn.client.fastapi import require_api_key
    from keyturn.v1.keys_pb2 import ApiKey

    keyturn = AsyncClient("keyturn:50051", token="kta_...")
    app = FastAPI()

    @app.get("/orders")
    async def orders(key: ApiKey = Depends(require_api_key(keyturn, required_scopes=["orders:read"]))):
        return {"user": key.metadata.custom["user_id"]}

The end caller sends the key in the `X-API-Key` header. Answers:

    missing, invalid or expired key                 401 (WWW-Authenticate: ApiKey)
    revoked, missing scope, wrong product, bad IP   403
    rate limited                                    429 with Retry-After
    Keyturn unreachable                             503

With `token_verifier=` (a keyturn.client.tokens.TokenVerifier) the dependency also accepts a
Keyturn access token (from TokenService.ExchangeKey), in `Authorization: Bearer <token>` or in
the key header (a JWT is recognised by its shape): it is verified offline, with the same
answers, and returned as an ApiKey built from its claims.

The body is FastAPI's `{"detail": {"reason": ..., "message": ...}}` (plus `expired_at`,
`missing_scopes` or `retry_after_seconds` where they apply). The validated ApiKey is also put
on `request.state.api_key`.
"""

from __future__ import annotations

import ipaddress
import math
from collections.abc import Awaitable, Callable, Sequence
from typing import TYPE_CHECKING, Any

try:
    from fastapi import HTTPException, Request, Security
    from fastapi.concurrency import run_in_threadpool
    from fastapi.security import APIKeyHeader
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError('keyturn.client.fastapi needs FastAPI: pip install "keyturn-client[fastapi]"') from exc

from keyturn.client.aio import AsyncClient
from keyturn.client.errors import (
    APIKeyError,
    DeadlineExceededError,
    ExpiredKeyError,
    InsufficientScopeError,
    InvalidKeyError,
    KeyRejectedError,
    QuotaError,
    UnavailableError,
)
from keyturn.client.streaming import KeyValidator
from keyturn.client.sync import Client
from keyturn.v1 import keys_pb2

if TYPE_CHECKING:
    from keyturn.client.tokens import TokenVerifier

__all__ = ["http_error", "require_api_key"]


def http_error(error: APIKeyError) -> HTTPException:
    """The HTTP answer for a failed validation."""
    detail: dict[str, Any] = {"reason": error.reason, "message": error.message}
    headers: dict[str, str] = {}
    if isinstance(error, KeyRejectedError):
        if isinstance(error, InvalidKeyError | ExpiredKeyError):
            status = 401
            headers["WWW-Authenticate"] = "ApiKey"
            if isinstance(error, ExpiredKeyError) and error.expired_at is not None:
                detail["expired_at"] = error.expired_at.isoformat()
        elif isinstance(error, QuotaError):
            status = 429
            retry_after = error.retry_after_seconds
            if retry_after is not None:
                headers["Retry-After"] = str(max(1, math.ceil(retry_after)))
                detail["retry_after_seconds"] = retry_after
        else:
            status = 403
            if isinstance(error, InsufficientScopeError):
                detail["missing_scopes"] = error.missing_scopes
    elif isinstance(error, UnavailableError | DeadlineExceededError):
        status = 503
        detail = {"reason": "UNAVAILABLE", "message": "API key validation is unavailable; try again"}
    else:
        # Our own Keyturn credentials or configuration are wrong; say nothing more.
        status = 500
        detail = {"reason": "INTERNAL", "message": "API key validation failed"}
    return HTTPException(status_code=status, detail=detail, headers=headers or None)


def _ip_or_empty(host: str) -> str:
    try:
        return str(ipaddress.ip_address(host))
    except ValueError:  # a unix socket, or the test client's "testclient"
        return ""


def require_api_key(
    client: AsyncClient | Client,
    required_scopes: Sequence[str] = (),
    *,
    product_id: str = "",
    header_name: str = "X-API-Key",
    skip_rate_limit: bool = False,
    skip_usage: bool = False,
    stream: bool = False,
    token_verifier: TokenVerifier | None = None,
) -> Callable[..., Awaitable[keys_pb2.ApiKey]]:
    """A dependency that validates the request's API key and returns the keyturn.v1.ApiKey.

    `client` may be an AsyncClient (awaited on the app's loop) or a Client (run in the
    thread pool). The request's client address is checked against the key's allowed_cidrs.
    With `stream=True` (AsyncClient only) every request's validation goes over one shared
    KeyService.ValidateKeys stream (keyturn.client.streaming.KeyValidator) instead of a
    unary call each: the same answers, much cheaper per validation under load.
    """
    if stream and not isinstance(client, AsyncClient):
        raise ValueError("stream=True needs an AsyncClient (the stream lives on the app's event loop)")
    validator = KeyValidator(client) if stream and isinstance(client, AsyncClient) else None
    scheme = APIKeyHeader(name=header_name, auto_error=False, description="A Keyturn API key")
    scopes = tuple(required_scopes)
    if token_verifier is not None:
        from keyturn.client.tokens import api_key_of, looks_like_jwt

    async def dependency(request: Request, api_key: str | None = Security(scheme)) -> keys_pb2.ApiKey:
        if token_verifier is not None:
            scheme_name, _, bearer = request.headers.get("authorization", "").partition(" ")
            presented = bearer.strip() if scheme_name.lower() == "bearer" else (api_key or "")
            if presented and looks_like_jwt(presented):
                try:
                    verified = await token_verifier.verify_async(
                        presented, required_scopes=scopes, product_id=product_id
                    )
                except APIKeyError as error:
                    raise http_error(error) from error
                request.state.api_key = api_key_of(verified)
                return request.state.api_key  # type: ignore[no-any-return]
        if not api_key:
            raise HTTPException(
                status_code=401,
                detail={
                    "reason": "KEY_INVALID",
                    "message": f"missing API key: send the {header_name} header",
                },
                headers={"WWW-Authenticate": "ApiKey"},
            )
        client_ip = _ip_or_empty(request.client.host if request.client else "")
        try:
            if validator is not None:
                response = await validator.validate(
                    api_key,
                    product_id=product_id,
                    required_scopes=scopes,
                    client_ip=client_ip,
                    skip_rate_limit=skip_rate_limit,
                    skip_usage=skip_usage,
                )
            elif isinstance(client, AsyncClient):
                response = await client.validate_key(
                    api_key,
                    product_id=product_id,
                    required_scopes=scopes,
                    client_ip=client_ip,
                    skip_rate_limit=skip_rate_limit,
                    skip_usage=skip_usage,
                )
            else:
                response = await run_in_threadpool(
                    client.validate_key,
                    api_key,
                    product_id=product_id,
                    required_scopes=scopes,
                    client_ip=client_ip,
                    skip_rate_limit=skip_rate_limit,
                    skip_usage=skip_usage,
                )
        except APIKeyError as error:
            raise http_error(error) from error
        request.state.api_key = response.key
        return response.key

    return dependency
