"""Authentication and authorization at the edge: who is calling, and may it call this?

Runs inside EdgeInterceptor (which stays outermost and maps the DomainErrors raised here).
For every RPC except health checking and reflection:

1. Authenticate: `authorization: Bearer <kta token>` metadata, or - on an mTLS listener
   (--tls-client-ca) - the verified client certificate's SAN / common name mapped through
   Principal.certificate_identity. Nothing else, and never both silently: a token, when
   present, decides. Failure: UNAUTHENTICATED / CALLER_UNAUTHENTICATED.
2. The RPC's permission (domain/access.py METHOD_PERMISSIONS) must be granted by one of the
   principal's roles somewhere: otherwise PERMISSION_DENIED / CALLER_FORBIDDEN.
3. Tenant guard: for callers that are not global for the permission, the resources named
   by the request are resolved to their organization and checked (NOT_FOUND for another
   organization's resources), list requests without a tenant are narrowed to the caller's
   organization, and list/stream responses are filtered so nothing of another tenant can
   slip through. Use cases additionally call domain.access.authorize once they know a
   resource's tenant (ValidateKey does, so a VALIDATOR of A gets KEY_INVALID for B's keys
   before any quota or usage is touched).

The principal is put in the `current_principal` contextvar and its id in RequestMeta.actor,
so logs and audit events name the actor. Tokens never reach a log line or an error message.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import grpc

from keyturn_server.domain import access as policy
from keyturn_server.domain.access import METHOD_PERMISSIONS, PUBLIC_METHOD_PREFIXES, Permission
from keyturn_server.domain.context import request_meta
from keyturn_server.domain.errors import (
    CallerForbidden,
    CallerUnauthenticated,
    InvalidArgument,
    KeyInvalid,
    NotFound,
)
from keyturn_server.store import access as access_store
from keyturn_server.usecases.access import AccessUseCases, setup_access

if TYPE_CHECKING:
    from keyturn_server.app import Runtime

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


@dataclass
class _Guard:
    """Tenant checks of one RPC for one non-global caller."""

    principal: policy.Principal
    permission: Permission
    access: AccessUseCases

    @property
    def orgs(self) -> list[str]:
        return self.principal.organizations(self.permission)

    async def resolve(self, kind: str, resource_id: str) -> tuple[str, str, str]:
        """(org, project, product) of a project, product or key the caller can see at all."""
        tenant = None
        if resource_id:
            async with self.access.db.transaction() as session:
                tenant = await access_store.tenant_of(session, kind, resource_id)
        if tenant is None or tenant[0] not in self.orgs:
            raise NotFound(kind, resource_id)
        return tenant

    def check(
        self,
        organization_id: str,
        project_id: str = "",
        product_id: str = "",
        *,
        resource_type: str = "Organization",
        resource_id: str = "",
    ) -> None:
        if not organization_id:
            raise InvalidArgument.field("organization_id", "required")
        if organization_id not in self.orgs:
            raise NotFound(resource_type, resource_id or organization_id)
        policy.authorize(
            self.permission,
            organization_id,
            project_id or None,
            product_id or None,
            resource_type=resource_type,
            resource_id=resource_id or organization_id,
        )

    def member(self, organization_id: str) -> None:
        """The caller holds the permission somewhere in this organization (else NOT_FOUND)."""
        if not organization_id:
            raise InvalidArgument.field("organization_id", "required")
        if organization_id not in self.orgs:
            raise NotFound("Organization", organization_id)

    async def check_ref(self, kind: str, resource_id: str) -> tuple[str, str, str]:
        org, project, product = await self.resolve(kind, resource_id)
        self.check(org, project, product, resource_type=kind, resource_id=resource_id)
        return org, project, product

    async def same_org(self, kind: str, resource_id: str, organization_id: str) -> None:
        if resource_id:
            org, _, _ = await self.resolve(kind, resource_id)
            if org != organization_id:
                raise NotFound(kind, resource_id)

    def sole_org(self) -> str:
        orgs = self.orgs
        return orgs[0] if len(orgs) == 1 else ""

    def sees(self, organization_id: str, project_id: str = "", product_id: str = "") -> bool:
        return self.principal.allows(
            self.permission, organization_id or None, project_id or None, product_id or None
        )


# ---------------------------------------------------------------------------------------
# Per-method request checks (may narrow the request) and response filters.

Before = Callable[[_Guard, Any], Awaitable[None]]
After = Callable[[_Guard, Any, Any], None]


async def _org_by_id(g: _Guard, r: Any) -> None:
    if not r.id:
        raise InvalidArgument.field("id", "required")
    g.check(r.id, resource_id=r.id)


async def _org_field(g: _Guard, r: Any) -> None:
    g.check(r.organization_id)


async def _project_by_id(g: _Guard, r: Any) -> None:
    await g.check_ref("Project", r.id)


async def _product_by_id(g: _Guard, r: Any) -> None:
    await g.check_ref("Product", r.id)


async def _list_products(g: _Guard, r: Any) -> None:
    g.check(r.organization_id)
    await g.same_org("Project", r.project_id, r.organization_id)


async def _add_product_to_project(g: _Guard, r: Any) -> None:
    org, _, _ = await g.check_ref("Product", r.product_id)
    await g.check_ref("Project", r.project_id)
    await g.same_org("Project", r.project_id, org)


async def _create_key(g: _Guard, r: Any) -> None:
    g.member(r.organization_id)
    await g.same_org("Project", r.project_id, r.organization_id)
    await g.same_org("Product", r.product_id, r.organization_id)
    g.check(r.organization_id, r.project_id, r.product_id)


async def _key_by_id(g: _Guard, r: Any) -> None:
    await g.check_ref("ApiKey", r.id)


async def _update_key(g: _Guard, r: Any) -> None:
    await g.check_ref("ApiKey", r.key.id)


async def _validate_key(g: _Guard, r: Any) -> None:
    product = g.principal.narrowed_product(g.permission)
    if product:
        if not r.product_id:
            r.product_id = product  # a product-bound validator validates for its product
        elif r.product_id != product:
            raise CallerForbidden(g.permission.value)


def _validated_key(g: _Guard, r: Any, response: Any) -> None:
    key = response.key
    if key.organization_id and not g.sees(key.organization_id, "", r.product_id or key.product_id):
        raise KeyInvalid()


async def _list_keys(g: _Guard, r: Any) -> None:
    org = r.organization_id
    if not org:
        for kind, ref in (("Project", r.project_id), ("Product", r.product_id)):
            if ref:
                org = (await g.resolve(kind, ref))[0]
                break
        else:
            org = r.organization_id = g.sole_org()
    if not org:
        return  # several organizations: the response filter below keeps only theirs
    if org not in g.orgs:
        raise NotFound("Organization", org)
    await g.same_org("Project", r.project_id, org)
    await g.same_org("Product", r.product_id, org)
    narrowed = g.principal.narrowed_project(g.permission, org)
    if narrowed and not r.project_id and not r.product_id:
        # A project-bound KEY_MANAGER lists its project's keys (ListKeys takes one parent).
        r.organization_id, r.project_id = "", narrowed
    # Listing by product: the response filter drops keys of other projects.
    policy.authorize(g.permission, org, r.project_id or narrowed or None, None, resource_id=org)


def _filter(field: str, visible: Callable[[_Guard, Any], bool]) -> After:
    def after(g: _Guard, _request: Any, response: Any) -> None:
        items = getattr(response, field)
        kept = [item for item in items if visible(g, item)]
        if len(kept) != len(items):
            del items[:]
            items.extend(kept)

    return after


def _key_visible(g: _Guard, key: Any) -> bool:
    return g.sees(key.organization_id, key.project_id, key.product_id)


def _org_visible(g: _Guard, org: Any) -> bool:
    return g.sees(org.id)


def _tenant_visible(g: _Guard, item: Any) -> bool:
    return g.sees(item.organization_id, getattr(item, "project_id", ""))


async def _audit_filter(g: _Guard, r: Any) -> None:
    f = r.filter
    if f.organization_id:
        g.check(f.organization_id)
    elif g.sole_org():
        f.organization_id = g.sole_org()
    if f.project_id:
        await g.check_ref("Project", f.project_id)
    if f.key_id:
        await g.check_ref("ApiKey", f.key_id)


async def _usage_report(g: _Guard, r: Any) -> None:
    if r.organization_id:
        g.check(r.organization_id)
    elif not r.project_id and not r.key_id:
        r.organization_id = g.sole_org()
        if not r.organization_id:
            raise InvalidArgument.field(
                "organization_id", "required for callers bound to several organizations"
            )
    if r.project_id:
        await g.check_ref("Project", r.project_id)
    if r.key_id:
        await g.check_ref("ApiKey", r.key_id)


def _usage_keys(g: _Guard, r: Any, response: Any) -> None:
    _filter("expiring_keys", _key_visible)(g, r, response)
    _filter("unused_keys", _key_visible)(g, r, response)


_K = "/keyturn.v1.KeyService/"
_A = "/keyturn.v1.AuditService/"

BEFORE: dict[str, Before] = {
    _K + "GetOrganization": _org_by_id,
    _K + "CreateProject": _org_field,
    _K + "GetOrCreateProject": _org_field,
    _K + "GetProject": _project_by_id,
    _K + "ListProjects": _org_field,
    _K + "CreateProduct": _org_field,
    _K + "GetOrCreateProduct": _org_field,
    _K + "GetProduct": _product_by_id,
    _K + "ListProducts": _list_products,
    _K + "AddProductToProject": _add_product_to_project,
    _K + "CreateKey": _create_key,
    _K + "ValidateKey": _validate_key,
    _K + "GetKey": _key_by_id,
    _K + "ListKeys": _list_keys,
    _K + "UpdateKey": _update_key,
    _K + "RotateKey": _key_by_id,
    _K + "RevokeKey": _key_by_id,
    _K + "DeleteKey": _key_by_id,
    _A + "ListAuditEvents": _audit_filter,
    _A + "StreamAuditEvents": _audit_filter,
    _A + "GetUsageReport": _usage_report,
}

AFTER: dict[str, After] = {
    _K + "ListOrganizations": _filter("organizations", _org_visible),
    _K + "ListProjects": _filter("projects", _tenant_visible),
    _K + "ListProducts": _filter("products", _tenant_visible),
    _K + "ListKeys": _filter("keys", _key_visible),
    _K + "ValidateKey": _validated_key,
    _A + "ListAuditEvents": _filter("events", _tenant_visible),
    _A + "GetUsageReport": _usage_keys,
}

# Stream items: StreamAuditEventsResponse.event.
STREAM_ITEM_VISIBLE: dict[str, Callable[[_Guard, Any], bool]] = {
    _A + "StreamAuditEvents": lambda g, item: _tenant_visible(g, item.event),
}


class AuthInterceptor(_ServerInterceptor):
    """Authenticates every non-public RPC and checks its permission and tenant."""

    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self.access = setup_access(runtime)
        self.mtls = runtime.settings.tls_client_ca is not None

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

    async def _authenticate(self, context: grpc.aio.ServicerContext[Any, Any]) -> policy.Principal:
        token = bearer_token(context)
        if token is not None:
            return await self.access.authenticate_token(token)
        if self.mtls:
            identities = certificate_identities(context)
            if identities:
                return await self.access.authenticate_certificate(identities)
        raise CallerUnauthenticated("missing caller credentials: send `authorization: Bearer <token>`")

    async def _admit(
        self, method: str, request: Any, context: grpc.aio.ServicerContext[Any, Any]
    ) -> _Guard | None:
        """Authenticate and authorize; returns the tenant guard to apply (None: no checks)."""
        principal = await self._authenticate(context)
        policy.current_principal.set(principal)
        request_meta().actor = principal.id
        if method not in METHOD_PERMISSIONS:
            raise CallerForbidden(method)
        permission = METHOD_PERMISSIONS[method]
        if permission is None:
            return None
        if not principal.has_permission(permission):
            raise CallerForbidden(permission.value)
        if principal.is_global(permission):
            return None
        guard = _Guard(principal, permission, self.access)
        before = BEFORE.get(method)
        if before is not None:
            await before(guard, request)
        return guard

    def _unary(self, inner: Any, method: str) -> Callable[..., Awaitable[Any]]:
        after = AFTER.get(method)

        async def unary(request: Any, context: grpc.aio.ServicerContext[Any, Any]) -> Any:
            guard = await self._admit(method, request, context)
            response = await inner(request, context)
            if guard is not None and after is not None and response is not None:
                after(guard, request, response)
            return response

        return unary

    def _stream(self, inner: Any, method: str) -> Callable[..., AsyncIterator[Any]]:
        visible = STREAM_ITEM_VISIBLE.get(method)

        async def stream(request: Any, context: grpc.aio.ServicerContext[Any, Any]) -> AsyncIterator[Any]:
            guard = await self._admit(method, request, context)
            async for item in inner(request, context):
                if guard is None or visible is None or visible(guard, item):
                    yield item

        return stream

    def _refuse(self, method: str) -> Callable[..., Awaitable[Any]]:
        async def refuse(_requests: Any, context: grpc.aio.ServicerContext[Any, Any]) -> Any:
            await context.abort(grpc.StatusCode.PERMISSION_DENIED, f"{method} is not allowed")

        return refuse


__all__ = ["AuthInterceptor", "bearer_token", "certificate_identities"]
