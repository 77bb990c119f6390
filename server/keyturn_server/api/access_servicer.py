"""keyturn.v1.AccessService: principals, their roles and tokens (thin: convert, call, convert)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import grpc
from google.protobuf import timestamp_pb2
from keyturn.v1 import access_pb2, access_pb2_grpc

from keyturn_server.domain import access as policy
from keyturn_server.domain.access import Role, RoleBinding
from keyturn_server.domain.errors import CallerUnauthenticated, FieldViolation, InvalidArgument
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


def principal_input(message: access_pb2.Principal) -> PrincipalInput:
    bindings = []
    violations = []
    for index, raw in enumerate(message.roles):
        if raw.role == access_pb2.ROLE_UNSPECIFIED or raw.role not in access_pb2.Role.values():
            violations.append(FieldViolation(f"principal.roles[{index}].role", "required"))
            continue
        bindings.append(
            RoleBinding(
                role=Role(access_pb2.Role.Name(raw.role)),
                organization_id=raw.organization_id,
                project_id=raw.project_id,
                product_id=raw.product_id,
            )
        )
    if violations:
        raise InvalidArgument(violations)
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
        return principal_to_proto(await self.access.get_principal(request.id))

    async def ListPrincipals(
        self, request: access_pb2.ListPrincipalsRequest, context: Context
    ) -> access_pb2.ListPrincipalsResponse:
        page = await self.access.list_principals(
            request.organization_id, request.page_size, request.page_token
        )
        return access_pb2.ListPrincipalsResponse(
            principals=[principal_to_proto(p) for p in page.items], next_page_token=page.next_page_token
        )

    async def UpdatePrincipal(
        self, request: access_pb2.UpdatePrincipalRequest, context: Context
    ) -> access_pb2.Principal:
        row = await self.access.update_principal(request.principal.id, principal_input(request.principal))
        return principal_to_proto(row)

    async def CreatePrincipalToken(
        self, request: access_pb2.CreatePrincipalTokenRequest, context: Context
    ) -> access_pb2.CreatePrincipalTokenResponse:
        expire = request.expire_time.ToDatetime(tzinfo=UTC) if request.HasField("expire_time") else None
        token, plaintext = await self.access.create_token(request.principal_id, request.description, expire)
        return access_pb2.CreatePrincipalTokenResponse(token=token_to_proto(token), plaintext=plaintext)

    async def ListPrincipalTokens(
        self, request: access_pb2.ListPrincipalTokensRequest, context: Context
    ) -> access_pb2.ListPrincipalTokensResponse:
        page = await self.access.list_tokens(request.principal_id, request.page_size, request.page_token)
        return access_pb2.ListPrincipalTokensResponse(
            tokens=[token_to_proto(t) for t in page.items], next_page_token=page.next_page_token
        )

    async def RevokePrincipalToken(
        self, request: access_pb2.RevokePrincipalTokenRequest, context: Context
    ) -> access_pb2.PrincipalToken:
        return token_to_proto(await self.access.revoke_token(request.id))
