"""keyturn.v1.AccessService: principals, their roles and tokens (thin: convert, call, convert)."""

from __future__ import annotations

from datetime import datetime
from functools import partial
from typing import Any

import grpc
from google.protobuf import timestamp_pb2
from keyturn.v1 import access_pb2, access_pb2_grpc

from keyturn_server.api.convert import optional_timestamp
from keyturn_server.domain import access as policy
from keyturn_server.domain import validation as check
from keyturn_server.domain.access import Role, RoleBinding
from keyturn_server.domain.errors import CallerUnauthenticated
from keyturn_server.store import models
from keyturn_server.usecases.principals import PrincipalInput, Principals, bindings_of

Context = grpc.aio.ServicerContext[Any, Any]


def _timestamp(value: datetime | None) -> timestamp_pb2.Timestamp | None:
    if value is None:
        return None
    stamp = timestamp_pb2.Timestamp()
    stamp.FromDatetime(value)
    return stamp


def _binding_to_proto(binding: RoleBinding) -> access_pb2.RoleBinding:
    return access_pb2.RoleBinding(
        role=access_pb2.Role.Value(binding.role.value),
        organization_id=binding.organization_id,
        project_id=binding.project_id,
        product_id=binding.product_id,
    )


def principal_to_proto(row: models.Principal) -> access_pb2.Principal:
    return access_pb2.Principal(
        id=row.id,
        name=row.name,
        roles=[_binding_to_proto(b) for b in bindings_of(row)],
        certificate_identity=row.certificate_identity or "",
        disabled=row.disabled,
        create_time=_timestamp(row.create_time),
        update_time=_timestamp(row.update_time),
    )


def token_to_proto(row: models.PrincipalToken) -> access_pb2.PrincipalToken:
    return access_pb2.PrincipalToken(
        id=row.id,
        principal_id=row.principal_id,
        start=row.start,
        description=row.description,
        create_time=_timestamp(row.create_time),
        expire_time=_timestamp(row.expire_time),
        revoke_time=_timestamp(row.revoke_time),
    )


def request_id_field(field: str, value: str, *, required: bool = True) -> str:
    """An id from a request: a canonical UUID (shape only; existence is NOT_FOUND later)."""
    return check.resource_id(field, value, required=required) or ""


def principal_input(message: access_pb2.Principal) -> PrincipalInput:
    bindings = []
    v = check.Violations()
    for index, raw in enumerate(message.roles):
        where = f"principal.roles[{index}]"
        if raw.role == access_pb2.ROLE_UNSPECIFIED or raw.role not in access_pb2.Role.values():
            v.add(f"{where}.role", "required")
            continue
        ids = {
            name: v.check(
                partial(request_id_field, f"{where}.{name}", getattr(raw, name), required=False), ""
            )
            for name in ("organization_id", "project_id", "product_id")
        }
        bindings.append(RoleBinding(role=Role(access_pb2.Role.Name(raw.role)), **ids))
    v.check(lambda: check.storable_text("principal.name", message.name), "")
    v.check(lambda: check.storable_text("principal.certificate_identity", message.certificate_identity), "")
    v.raise_if_any()
    return PrincipalInput(
        name=message.name,
        bindings=tuple(bindings),
        certificate_identity=message.certificate_identity,
        disabled=message.disabled,
    )


class AccessServicer(access_pb2_grpc.AccessServiceServicer):
    def __init__(self, access: Principals) -> None:
        self.access = access

    async def GetCallerIdentity(
        self, request: access_pb2.GetCallerIdentityRequest, context: Context
    ) -> access_pb2.GetCallerIdentityResponse:
        caller = policy.caller()
        if caller is None:
            raise CallerUnauthenticated()
        row = await self.access.get_principal(caller.id)
        return access_pb2.GetCallerIdentityResponse(
            principal=principal_to_proto(row), authentication_method=caller.authentication_method
        )

    async def CreatePrincipal(
        self, request: access_pb2.CreatePrincipalRequest, context: Context
    ) -> access_pb2.Principal:
        row = await self.access.create_principal(principal_input(request.principal))
        return principal_to_proto(row)

    async def GetPrincipal(
        self, request: access_pb2.GetPrincipalRequest, context: Context
    ) -> access_pb2.Principal:
        return principal_to_proto(await self.access.get_principal(request_id_field("id", request.id)))

    async def ListPrincipals(
        self, request: access_pb2.ListPrincipalsRequest, context: Context
    ) -> access_pb2.ListPrincipalsResponse:
        organization_id = request_id_field("organization_id", request.organization_id, required=False)
        page = await self.access.list_principals(organization_id, request.page_size, request.page_token)
        return access_pb2.ListPrincipalsResponse(
            principals=[principal_to_proto(p) for p in page.items], next_page_token=page.next_page_token
        )

    async def UpdatePrincipal(
        self, request: access_pb2.UpdatePrincipalRequest, context: Context
    ) -> access_pb2.Principal:
        principal_id = request_id_field("principal.id", request.principal.id)
        row = await self.access.update_principal(principal_id, principal_input(request.principal))
        return principal_to_proto(row)

    async def CreatePrincipalToken(
        self, request: access_pb2.CreatePrincipalTokenRequest, context: Context
    ) -> access_pb2.CreatePrincipalTokenResponse:
        principal_id = request_id_field("principal_id", request.principal_id)
        expire = optional_timestamp(request, "expire_time")
        token, plaintext = await self.access.create_token(principal_id, request.description, expire)
        return access_pb2.CreatePrincipalTokenResponse(token=token_to_proto(token), plaintext=plaintext)

    async def ListPrincipalTokens(
        self, request: access_pb2.ListPrincipalTokensRequest, context: Context
    ) -> access_pb2.ListPrincipalTokensResponse:
        principal_id = request_id_field("principal_id", request.principal_id)
        page = await self.access.list_tokens(principal_id, request.page_size, request.page_token)
        return access_pb2.ListPrincipalTokensResponse(
            tokens=[token_to_proto(t) for t in page.items], next_page_token=page.next_page_token
        )

    async def RevokePrincipalToken(
        self, request: access_pb2.RevokePrincipalTokenRequest, context: Context
    ) -> access_pb2.PrincipalToken:
        return token_to_proto(await self.access.revoke_token(request_id_field("id", request.id)))
