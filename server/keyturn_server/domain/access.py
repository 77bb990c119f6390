"""Who may do what: permissions, roles, role bindings, and the tenant-scoped policy.

Plain Python (no grpc, no SQLAlchemy). An edge (api/) authenticates the caller, puts its
`Principal` in the `current_principal` contextvar and checks that one of its roles grants
the call's permission somewhere (the coarse check; api/permissions.py maps RPCs to
permissions) - otherwise CALLER_FORBIDDEN. Use cases then authorize against the tenant of
what they loaded: `authorize(...)` checks a binding covers that tenant, and a caller with no
role in the resource's organization gets NOT_FOUND (the resource does not exist as far as it
can tell), never PERMISSION_DENIED, so ids of other tenants leak nothing. Lists narrow their
queries with `visible_organizations` / `visible_projects` instead of filtering pages.

Tenant rules:
- ADMIN, CRYPTO and LEAK_REPORTER bindings are global (no organization); every other role is
  bound to one organization.
- KEY_MANAGER may be narrowed to one project: then only keys of that project (org-wide keys
  and other projects' keys are out of reach); tenancy reads stay organization-wide.
- VALIDATOR may be narrowed to one product: then ValidateKey only for that product.
- Outside an RPC (CLI, background tasks) there is no principal and nothing is checked: the
  interceptor always sets one for every RPC except health checking and reflection.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from contextvars import ContextVar
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from keyturn_server.domain.audit import ResourceType
from keyturn_server.domain.errors import (
    CallerForbidden,
    FieldViolation,
    InvalidArgument,
    NotFound,
)

TOKEN_PREFIX = "kta"  # noqa: S105 - the principal-token prefix


class Role(StrEnum):
    """Stored by these names (the proto enum value names), so the JSON column reads well."""

    ADMIN = "ROLE_ADMIN"
    ORG_ADMIN = "ROLE_ORG_ADMIN"
    KEY_MANAGER = "ROLE_KEY_MANAGER"
    AUDITOR = "ROLE_AUDITOR"
    VALIDATOR = "ROLE_VALIDATOR"
    CRYPTO = "ROLE_CRYPTO"
    CRYPTO_KEY_ADMIN = "ROLE_CRYPTO_KEY_ADMIN"
    CRYPTO_KEY_ENCRYPTER_DECRYPTER = "ROLE_CRYPTO_KEY_ENCRYPTER_DECRYPTER"
    CRYPTO_KEY_SIGNER_VERIFIER = "ROLE_CRYPTO_KEY_SIGNER_VERIFIER"
    LEAK_REPORTER = "ROLE_LEAK_REPORTER"
    KEY_REVEALER = "ROLE_KEY_REVEALER"


class Permission(StrEnum):
    ORGANIZATIONS_CREATE = "organizations.create"
    ORGANIZATIONS_GET = "organizations.get"
    ORGANIZATIONS_LIST = "organizations.list"
    PROJECTS_CREATE = "projects.create"
    PROJECTS_GET = "projects.get"
    PROJECTS_LIST = "projects.list"
    PROJECTS_UPDATE = "projects.update"
    PRODUCTS_CREATE = "products.create"
    PRODUCTS_GET = "products.get"
    PRODUCTS_LIST = "products.list"
    KEYS_CREATE = "keys.create"
    KEYS_VALIDATE = "keys.validate"
    KEYS_GET = "keys.get"
    KEYS_LIST = "keys.list"
    KEYS_UPDATE = "keys.update"
    KEYS_ROTATE = "keys.rotate"
    KEYS_REVOKE = "keys.revoke"
    KEYS_DELETE = "keys.delete"
    # ImportKeys: bring keys of another system in by their hashes.
    KEYS_IMPORT = "keys.import"
    AUDIT_READ = "audit.read"
    AUDIT_VERIFY = "audit.verify"
    USAGE_READ = "usage.read"
    CRYPTO_USE = "crypto.use"
    PRINCIPALS_GET = "principals.get"
    PRINCIPALS_LIST = "principals.list"
    PRINCIPALS_MANAGE = "principals.manage"
    CRYPTO_KEYS_CREATE = "crypto_keys.create"
    CRYPTO_KEYS_GET = "crypto_keys.get"
    CRYPTO_KEYS_LIST = "crypto_keys.list"
    CRYPTO_KEYS_UPDATE = "crypto_keys.update"
    CRYPTO_KEYS_ROTATE = "crypto_keys.rotate"
    # Enable, disable, destroy and restore versions.
    CRYPTO_KEYS_MANAGE_VERSIONS = "crypto_keys.manage_versions"
    CRYPTO_KEYS_IMPORT = "crypto_keys.import"
    CRYPTO_KEYS_ENCRYPT = "crypto_keys.encrypt"
    CRYPTO_KEYS_DECRYPT = "crypto_keys.decrypt"
    CRYPTO_KEYS_SIGN = "crypto_keys.sign"
    CRYPTO_KEYS_VERIFY = "crypto_keys.verify"
    CRYPTO_KEYS_MAC = "crypto_keys.mac"
    # ReportLeakedKeys: a key found is acted upon whoever reports it; the caller learns
    # only about keys this permission covers for it (usecases/leaks.py).
    KEYS_REPORT_LEAKED = "keys.report_leaked"
    # Key policies (GetKeyPolicy / UpdateKeyPolicy) of organizations and projects.
    KEY_POLICIES_GET = "key_policies.get"
    KEY_POLICIES_UPDATE = "key_policies.update"
    # RevealKey: the plaintext of a recoverable key. Only ADMIN and KEY_REVEALER hold it.
    KEYS_REVEAL = "keys.reveal"
    # ListKeyEvents / WatchKeyEvents (narrowed to its projects for a project-bound KEY_MANAGER).
    KEY_EVENTS_READ = "key_events.read"
    # Webhook subscriptions (create, update, delete, rotate secret, redeliver) / reading them.
    WEBHOOKS_MANAGE = "webhooks.manage"
    WEBHOOKS_GET = "webhooks.get"


P = Permission
_TENANCY_READ = {P.ORGANIZATIONS_GET, P.ORGANIZATIONS_LIST}
_KEY_MANAGEMENT = {
    P.KEYS_CREATE,
    P.KEYS_GET,
    P.KEYS_LIST,
    P.KEYS_UPDATE,
    P.KEYS_ROTATE,
    P.KEYS_REVOKE,
    P.KEYS_DELETE,
    P.KEYS_REPORT_LEAKED,
    P.KEYS_IMPORT,
}

_CRYPTO_KEY_READ = {P.CRYPTO_KEYS_GET, P.CRYPTO_KEYS_LIST}
_CRYPTO_KEY_ADMIN = _CRYPTO_KEY_READ | {
    P.CRYPTO_KEYS_CREATE,
    P.CRYPTO_KEYS_UPDATE,
    P.CRYPTO_KEYS_ROTATE,
    P.CRYPTO_KEYS_MANAGE_VERSIONS,
    P.CRYPTO_KEYS_IMPORT,
}

ROLE_PERMISSIONS: Mapping[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(Permission),
    Role.ORG_ADMIN: frozenset(
        _TENANCY_READ
        | _KEY_MANAGEMENT
        | {
            P.PROJECTS_CREATE,
            P.PROJECTS_GET,
            P.PROJECTS_LIST,
            P.PROJECTS_UPDATE,
            P.PRODUCTS_CREATE,
            P.PRODUCTS_GET,
            P.PRODUCTS_LIST,
            P.KEYS_VALIDATE,
            P.AUDIT_READ,
            P.USAGE_READ,
            P.PRINCIPALS_GET,
            P.PRINCIPALS_LIST,
            P.PRINCIPALS_MANAGE,
            P.KEY_POLICIES_GET,
            P.KEY_POLICIES_UPDATE,
            P.KEY_EVENTS_READ,
            P.WEBHOOKS_MANAGE,
            P.WEBHOOKS_GET,
        }
    ),
    Role.KEY_MANAGER: frozenset(
        _TENANCY_READ
        | _KEY_MANAGEMENT
        | {
            P.PROJECTS_GET,
            P.PROJECTS_LIST,
            P.PRODUCTS_GET,
            P.PRODUCTS_LIST,
            P.KEY_POLICIES_GET,
            P.KEY_EVENTS_READ,
        }
    ),
    Role.AUDITOR: frozenset(_TENANCY_READ | {P.AUDIT_READ, P.USAGE_READ, P.KEY_EVENTS_READ}),
    Role.VALIDATOR: frozenset({P.KEYS_VALIDATE}),
    Role.CRYPTO: frozenset({P.CRYPTO_USE}),
    # Managed keys, per organization. The admin manages keys but cannot use the material;
    # the users can use it but not change the keys (Cloud KMS's split of duties).
    Role.CRYPTO_KEY_ADMIN: frozenset(_TENANCY_READ | _CRYPTO_KEY_ADMIN),
    Role.CRYPTO_KEY_ENCRYPTER_DECRYPTER: frozenset(
        _TENANCY_READ | _CRYPTO_KEY_READ | {P.CRYPTO_KEYS_ENCRYPT, P.CRYPTO_KEYS_DECRYPT}
    ),
    Role.CRYPTO_KEY_SIGNER_VERIFIER: frozenset(
        _TENANCY_READ | _CRYPTO_KEY_READ | {P.CRYPTO_KEYS_SIGN, P.CRYPTO_KEYS_VERIFY, P.CRYPTO_KEYS_MAC}
    ),
    # A secret scanner: reports leaks anywhere, nothing else (global, like CRYPTO).
    Role.LEAK_REPORTER: frozenset({P.KEYS_REPORT_LEAKED}),
    # Reading plaintexts back is its own duty: not part of KEY_MANAGER or ORG_ADMIN (an
    # ORG_ADMIN may grant it, and every reveal is audited with the actor).
    Role.KEY_REVEALER: frozenset({P.KEYS_REVEAL, P.KEYS_GET}),
}

GLOBAL_ROLES = frozenset({Role.ADMIN, Role.CRYPTO, Role.LEAK_REPORTER})
# Permissions narrowed by a binding's project_id / product_id.
PROJECT_NARROWED = frozenset(_KEY_MANAGEMENT | {P.KEY_EVENTS_READ})
PRODUCT_NARROWED = frozenset({P.KEYS_VALIDATE})


@dataclass(frozen=True)
class RoleBinding:
    role: Role
    organization_id: str = ""
    project_id: str = ""
    product_id: str = ""

    def to_json(self) -> dict[str, str]:
        return {
            "role": self.role.value,
            "organization_id": self.organization_id,
            "project_id": self.project_id,
            "product_id": self.product_id,
        }

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> RoleBinding:
        return cls(
            role=Role(str(raw["role"])),
            organization_id=str(raw.get("organization_id") or ""),
            project_id=str(raw.get("project_id") or ""),
            product_id=str(raw.get("product_id") or ""),
        )

    @property
    def is_global(self) -> bool:
        return self.role in GLOBAL_ROLES

    def grants(
        self,
        permission: Permission,
        organization_id: str | None = None,
        project_id: str | None = None,
        product_id: str | None = None,
    ) -> bool:
        if permission not in ROLE_PERMISSIONS[self.role]:
            return False
        if self.is_global:
            return True
        if not organization_id or organization_id != self.organization_id:
            return False
        if self.project_id and permission in PROJECT_NARROWED and project_id != self.project_id:
            return False
        return not (self.product_id and permission in PRODUCT_NARROWED and product_id != self.product_id)


def validate_bindings(bindings: Iterable[RoleBinding], field_name: str = "principal.roles") -> None:
    """Org required for org-bound roles, forbidden for ADMIN/CRYPTO; narrowing only where it means something."""
    violations: list[FieldViolation] = []
    seen: set[RoleBinding] = set()
    for index, binding in enumerate(bindings):
        where = f"{field_name}[{index}]"
        if binding.is_global:
            if binding.organization_id or binding.project_id or binding.product_id:
                violations.append(
                    FieldViolation(where, f"{binding.role.value} applies everywhere: leave the tenant empty")
                )
        elif not binding.organization_id:
            violations.append(
                FieldViolation(f"{where}.organization_id", f"required for {binding.role.value}")
            )
        if binding.project_id and binding.role is not Role.KEY_MANAGER:
            violations.append(
                FieldViolation(f"{where}.project_id", "only KEY_MANAGER bindings take a project")
            )
        if binding.product_id and binding.role is not Role.VALIDATOR:
            violations.append(FieldViolation(f"{where}.product_id", "only VALIDATOR bindings take a product"))
        if binding in seen:
            violations.append(FieldViolation(where, "duplicate binding"))
        seen.add(binding)
    if violations:
        raise InvalidArgument(violations)


@dataclass(frozen=True)
class Principal:
    """An authenticated caller, as the policy sees it."""

    id: str
    name: str
    bindings: tuple[RoleBinding, ...] = ()
    disabled: bool = False
    certificate_identity: str = ""
    # How this request authenticated: "token" or "certificate" (empty outside an RPC).
    authentication_method: str = ""
    extra: Mapping[str, str] = field(default_factory=dict)

    def allows(
        self,
        permission: Permission | str,
        organization_id: str | None = None,
        project_id: str | None = None,
        product_id: str | None = None,
    ) -> bool:
        """Does a binding grant `permission` on this tenant (org-less: only global bindings)?"""
        perm = Permission(permission)
        return any(b.grants(perm, organization_id, project_id, product_id) for b in self.bindings)

    def has_permission(self, permission: Permission | str) -> bool:
        """Does any binding grant `permission` somewhere (the RPC-level check)?"""
        perm = Permission(permission)
        return any(perm in ROLE_PERMISSIONS[b.role] for b in self.bindings)

    def is_global(self, permission: Permission | str) -> bool:
        """True when the permission holds in every organization (ADMIN, or CRYPTO for crypto)."""
        perm = Permission(permission)
        return any(b.is_global and perm in ROLE_PERMISSIONS[b.role] for b in self.bindings)

    def organizations(self, permission: Permission | str) -> list[str]:
        """The organizations in which some binding grants `permission` (ignores global bindings)."""
        perm = Permission(permission)
        orgs: list[str] = []
        for b in self.bindings:
            if not b.is_global and perm in ROLE_PERMISSIONS[b.role] and b.organization_id not in orgs:
                orgs.append(b.organization_id)
        return orgs

    def narrowed_project(self, permission: Permission | str, organization_id: str) -> str | None:
        """The single project the caller is limited to in this org for `permission`, if any."""
        perm = Permission(permission)
        relevant = [
            b
            for b in self.bindings
            if not b.is_global and b.organization_id == organization_id and perm in ROLE_PERMISSIONS[b.role]
        ]
        if not relevant or perm not in PROJECT_NARROWED or any(not b.project_id for b in relevant):
            return None
        projects = {b.project_id for b in relevant}
        return projects.pop() if len(projects) == 1 else None

    def narrowed_product(self, permission: Permission | str) -> str | None:
        """The single product a product-bound VALIDATOR is limited to, when that is all it holds."""
        perm = Permission(permission)
        if perm not in PRODUCT_NARROWED or self.is_global(perm):
            return None
        relevant = [b for b in self.bindings if perm in ROLE_PERMISSIONS[b.role]]
        if not relevant or any(not b.product_id for b in relevant):
            return None
        products = {b.product_id for b in relevant}
        return products.pop() if len(products) == 1 else None

    @property
    def role_names(self) -> list[str]:
        return sorted({b.role.value for b in self.bindings})


current_principal: ContextVar[Principal | None] = ContextVar("keyturn_principal", default=None)


def caller() -> Principal | None:
    """The authenticated caller of the current RPC; None outside an RPC (trusted code)."""
    return current_principal.get()


def caller_allows(
    permission: Permission | str,
    organization_id: str | None = None,
    project_id: str | None = None,
    product_id: str | None = None,
) -> bool:
    """Like Principal.allows for the current caller; True outside an RPC."""
    principal = current_principal.get()
    if principal is None:
        return True
    return principal.allows(permission, organization_id, project_id, product_id)


def visible_organizations(permission: Permission | str) -> frozenset[str] | None:
    """The organizations the current caller may see for `permission`; None means all of them
    (a global binding, or trusted code outside an RPC). Lists use it as a WHERE clause."""
    principal = current_principal.get()
    if principal is None or principal.is_global(permission):
        return None
    return frozenset(principal.organizations(permission))


def visible_projects(permission: Permission | str, organization_id: str) -> frozenset[str] | None:
    """Within an organization the caller may see: None for the whole organization, else the
    only projects it may see (a KEY_MANAGER bound to projects). Call after `authorize`."""
    principal = current_principal.get()
    perm = Permission(permission)
    if principal is None or principal.is_global(perm) or perm not in PROJECT_NARROWED:
        return None
    projects: set[str] = set()
    for b in principal.bindings:
        if b.is_global or b.organization_id != organization_id or perm not in ROLE_PERMISSIONS[b.role]:
            continue
        if not b.project_id:
            return None
        projects.add(b.project_id)
    return frozenset(projects)


def default_organization(permission: Permission | str) -> str:
    """The one organization a caller bound to a single organization works in ("" otherwise):
    what a request that names no organization means for it."""
    principal = current_principal.get()
    if principal is None or principal.is_global(permission):
        return ""
    orgs = principal.organizations(permission)
    return orgs[0] if len(orgs) == 1 else ""


def require_member(permission: Permission | str, organization_id: str) -> None:
    """The caller holds `permission` somewhere in this organization (a project-bound binding
    counts); otherwise the organization does not exist for it (NOT_FOUND)."""
    principal = current_principal.get()
    if principal is None or principal.is_global(permission):
        return
    if organization_id not in principal.organizations(permission):
        raise NotFound(ResourceType.ORGANIZATION, organization_id)


def validation_product(requested: str) -> str:
    """The product a ValidateKey call is for: a VALIDATOR bound to one product validates for
    that product (and may not ask for another: CALLER_FORBIDDEN)."""
    principal = current_principal.get()
    if principal is None:
        return requested
    product = principal.narrowed_product(Permission.KEYS_VALIDATE)
    if product is None:
        return requested
    if requested and requested != product:
        raise CallerForbidden(Permission.KEYS_VALIDATE.value)
    return product


def authorize(
    permission: Permission | str,
    organization_id: str | None = None,
    project_id: str | None = None,
    product_id: str | None = None,
    *,
    resource_type: str = ResourceType.ORGANIZATION,
    resource_id: str = "",
) -> None:
    """Call once the resource's tenant is known.

    Raises NotFound(resource_type) when the caller holds no role in the organization that
    grants `permission` (existence is not revealed), CallerForbidden when it does but a
    narrower binding (project, product) excludes this resource.
    """
    principal = current_principal.get()
    if principal is None or principal.allows(permission, organization_id, project_id, product_id):
        return
    if organization_id and organization_id in principal.organizations(permission):
        raise CallerForbidden(str(Permission(permission)))
    raise NotFound(resource_type, resource_id)


__all__ = [
    "ROLE_PERMISSIONS",
    "TOKEN_PREFIX",
    "Permission",
    "Principal",
    "Role",
    "RoleBinding",
    "authorize",
    "caller",
    "caller_allows",
    "current_principal",
    "default_organization",
    "require_member",
    "validate_bindings",
    "validation_product",
    "visible_organizations",
    "visible_projects",
]
