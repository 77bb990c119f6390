"""The access policy as plain Python: role tables, tenant scoping, narrowing, binding rules."""

from __future__ import annotations

import pytest
from keyturn_server.api.permissions import METHOD_PERMISSIONS
from keyturn_server.domain.access import (
    Permission,
    Principal,
    Role,
    RoleBinding,
    authorize,
    current_principal,
    validate_bindings,
)
from keyturn_server.domain.errors import CallerForbidden, InvalidArgument, NotFound

P = Permission


def principal(*bindings: RoleBinding) -> Principal:
    return Principal(id="p", name="p", bindings=bindings)


def test_admin_allows_everything_everywhere() -> None:
    admin = principal(RoleBinding(Role.ADMIN))
    for permission in Permission:
        assert admin.allows(permission)
        assert admin.allows(permission, "any-org", "any-project", "any-product")
        assert admin.is_global(permission)


def test_org_bound_roles_only_in_their_organization() -> None:
    for role in (Role.ORG_ADMIN, Role.KEY_MANAGER):
        p = principal(RoleBinding(role, "A"))
        assert p.allows(P.KEYS_CREATE, "A")
        assert not p.allows(P.KEYS_CREATE, "B")
        assert not p.allows(P.KEYS_CREATE)  # org-less checks need a global binding
        assert not p.allows(P.ORGANIZATIONS_CREATE, "A")
        assert not p.allows(P.CRYPTO_USE)


def test_role_permissions() -> None:
    auditor = principal(RoleBinding(Role.AUDITOR, "A"))
    assert auditor.allows(P.AUDIT_READ, "A") and auditor.allows(P.USAGE_READ, "A")
    assert not auditor.has_permission(P.KEYS_LIST) and not auditor.has_permission(P.AUDIT_VERIFY)
    validator = principal(RoleBinding(Role.VALIDATOR, "A"))
    assert validator.allows(P.KEYS_VALIDATE, "A")
    assert {p for p in Permission if validator.has_permission(p)} == {P.KEYS_VALIDATE}
    crypto = principal(RoleBinding(Role.CRYPTO))
    assert {p for p in Permission if crypto.has_permission(p)} == {P.CRYPTO_USE}
    assert crypto.allows(P.CRYPTO_USE)
    nobody = principal()
    assert not any(nobody.has_permission(p) for p in Permission)


def test_project_and_product_narrowing() -> None:
    manager = principal(RoleBinding(Role.KEY_MANAGER, "A", project_id="P1"))
    assert manager.allows(P.KEYS_GET, "A", "P1")
    assert not manager.allows(P.KEYS_GET, "A", "P2")
    assert not manager.allows(P.KEYS_GET, "A")  # an org-wide key
    assert manager.allows(P.PROJECTS_LIST, "A")  # tenancy reads stay org-wide
    assert manager.narrowed_project(P.KEYS_LIST, "A") == "P1"
    validator = principal(RoleBinding(Role.VALIDATOR, "A", product_id="Q1"))
    assert validator.allows(P.KEYS_VALIDATE, "A", product_id="Q1")
    assert not validator.allows(P.KEYS_VALIDATE, "A", product_id="Q2")
    assert validator.narrowed_product(P.KEYS_VALIDATE) == "Q1"
    # A second, unnarrowed binding widens again.
    both = principal(RoleBinding(Role.VALIDATOR, "A", product_id="Q1"), RoleBinding(Role.VALIDATOR, "B"))
    assert both.narrowed_product(P.KEYS_VALIDATE) is None


def test_authorize_hides_other_organizations() -> None:
    token = current_principal.set(principal(RoleBinding(Role.KEY_MANAGER, "A", project_id="P1")))
    try:
        authorize(P.KEYS_GET, "A", "P1")
        with pytest.raises(NotFound):
            authorize(P.KEYS_GET, "B", "P9", resource_type="ApiKey")
        with pytest.raises(CallerForbidden):
            authorize(P.KEYS_GET, "A", "P2")  # its own organization: no secret to keep
    finally:
        current_principal.reset(token)
    authorize(P.KEYS_GET, "B")  # outside an RPC (CLI, background): trusted


@pytest.mark.parametrize(
    "binding",
    [
        RoleBinding(Role.ORG_ADMIN),
        RoleBinding(Role.AUDITOR),
        RoleBinding(Role.ADMIN, "A"),
        RoleBinding(Role.CRYPTO, "A"),
        RoleBinding(Role.AUDITOR, "A", project_id="P"),
        RoleBinding(Role.KEY_MANAGER, "A", product_id="Q"),
    ],
)
def test_invalid_bindings(binding: RoleBinding) -> None:
    with pytest.raises(InvalidArgument):
        validate_bindings([binding])


def test_valid_bindings_and_duplicates() -> None:
    validate_bindings(
        [
            RoleBinding(Role.ADMIN),
            RoleBinding(Role.KEY_MANAGER, "A", project_id="P"),
            RoleBinding(Role.VALIDATOR, "A", product_id="Q"),
        ]
    )
    with pytest.raises(InvalidArgument):
        validate_bindings([RoleBinding(Role.AUDITOR, "A"), RoleBinding(Role.AUDITOR, "A")])


def test_bindings_round_trip_as_json() -> None:
    binding = RoleBinding(Role.VALIDATOR, "A", product_id="Q")
    assert RoleBinding.from_json(binding.to_json()) == binding


def test_every_method_names_a_known_permission() -> None:
    for method, permission in METHOD_PERMISSIONS.items():
        assert method.startswith(("/keyturn.v1.", "/envoy.service.auth.v3.Authorization/"))
        assert permission is None or isinstance(permission, Permission)


def test_domain_knows_no_method_paths() -> None:
    """gRPC method paths live at the edge (api/permissions.py), not in domain/."""
    import pathlib

    import keyturn_server.domain as domain

    for module in pathlib.Path(domain.__file__).parent.glob("*.py"):
        assert "/keyturn.v1." not in module.read_text(), module.name
