"""keyturn.v1.TokenService: thin handlers (decode + check in, one use case, render out)."""

from __future__ import annotations

from typing import Any

import grpc
from keyturn.v1 import tokens_pb2, tokens_pb2_grpc

from keyturn_server.api import validate_servicer
from keyturn_server.domain import access_tokens as tokens
from keyturn_server.domain import validation as check
from keyturn_server.domain.keycheck import check_request
from keyturn_server.usecases.tokens import AccessTokens, ExchangeCommand

Context = grpc.aio.ServicerContext[Any, Any]


def exchange_command(request: tokens_pb2.ExchangeKeyRequest) -> ExchangeCommand:
    v = check.Violations()
    validation = v.check(
        lambda: check_request(
            request.plaintext, request.product_id, request.required_scopes, request.client_ip
        ),
        None,
    )
    audience = v.check(lambda: tokens.check_audience(request.audience), "")
    has_ttl = request.HasField("ttl")
    ttl = v.check(
        lambda: tokens.check_ttl(
            request.ttl.seconds if has_ttl else None, request.ttl.nanos if has_ttl else 0
        ),
        None,
    )
    no_claims: tuple[str, ...] = ()
    custom = v.check(lambda: tokens.check_custom_claims(request.custom_claims), no_claims)
    v.raise_if_any()
    assert validation is not None
    return ExchangeCommand(validation, audience, ttl, custom)


class TokenServicer(tokens_pb2_grpc.TokenServiceServicer):
    def __init__(self, tokens_: AccessTokens) -> None:
        self.tokens = tokens_

    async def ExchangeKey(
        self, request: tokens_pb2.ExchangeKeyRequest, context: Context
    ) -> tokens_pb2.ExchangeKeyResponse:
        issued = await self.tokens.exchange(exchange_command(request))
        response = tokens_pb2.ExchangeKeyResponse(
            access_token=issued.access_token,
            token_type=tokens.TOKEN_TYPE,
            expires_in=int(issued.ttl.total_seconds()),
            key_id=issued.key_id,
            kid=issued.kid,
            jti=issued.jti,
        )
        response.expire_time.FromDatetime(issued.expire_time)
        rendered = validate_servicer.render(issued.validated)
        if rendered.HasField("rate_limit"):
            response.rate_limit.CopyFrom(rendered.rate_limit)
        return response

    async def GetJwks(self, request: tokens_pb2.GetJwksRequest, context: Context) -> tokens_pb2.Jwks:
        organization_id = check.resource_id("organization_id", request.organization_id, required=False) or ""
        keys = await self.tokens.jwks(organization_id)
        return tokens_pb2.Jwks(keys=[tokens_pb2.Jwk(**key) for key in keys])


__all__ = ["TokenServicer", "exchange_command"]
