"""Key policies over a real server, on SQLite and PostgreSQL: GetKeyPolicy/UpdateKeyPolicy
(update_mask, every field round-trips, the effective organization+project overlay, the
policy's own validation, audit, tenant isolation) and what CreateKey and UpdateKey do with
the effective policy (defaults filled in, maxima and allowed sets refused naming the field and
the policy)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Any

import grpc
import httpx
import pytest
from google.protobuf import duration_pb2, field_mask_pb2, timestamp_pb2
from keyturn.v1 import (
    access_pb2,
    access_pb2_grpc,
    key_policies_pb2,
    key_policies_pb2_grpc,
    keys_pb2,
    keys_pb2_grpc,
    rotation_pb2,
)
from keyturn.v1 import policies_pb2 as pp
from keyturn_server.store.db import sync_url
from sqlalchemy import Engine, create_engine, text

from tests import http_support
from tests.support import ServerThread, expect_error, with_token

INVALID = grpc.StatusCode.INVALID_ARGUMENT
NOT_FOUND = grpc.StatusCode.NOT_FOUND
DAY = 86400


@pytest.fixture(scope="module")
def stub(grpc_channel: grpc.Channel) -> keys_pb2_grpc.KeyServiceStub:
    return keys_pb2_grpc.KeyServiceStub(grpc_channel)


@pytest.fixture(scope="module")
def policies(grpc_channel: grpc.Channel) -> key_policies_pb2_grpc.KeyPolicyServiceStub:
    return key_policies_pb2_grpc.KeyPolicyServiceStub(grpc_channel)


@pytest.fixture(scope="module")
def db(server: ServerThread) -> Iterator[Engine]:
    engine = create_engine(sync_url(server.settings.database_url))
    yield engine
    engine.dispose()


class Tenant:
    def __init__(self, stub: keys_pb2_grpc.KeyServiceStub) -> None:
        name = f"org-{uuid.uuid4().hex[:10]}"
        self.org = stub.CreateOrganization(keys_pb2.CreateOrganizationRequest(name=name)).id
        self.project = stub.CreateProject(
            keys_pb2.CreateProjectRequest(organization_id=self.org, name="p")
        ).id


@pytest.fixture
def t(stub: keys_pb2_grpc.KeyServiceStub) -> Tenant:
    return Tenant(stub)


def dur(seconds: float) -> duration_pb2.Duration:
    d = duration_pb2.Duration()
    d.FromTimedelta(timedelta(seconds=seconds))
    return d


def limit(requests: int, window: Any = keys_pb2.RATE_LIMIT_WINDOW_SECOND) -> keys_pb2.RateLimit:
    return keys_pb2.RateLimit(requests=requests, window=window)


def set_policy(
    policies: key_policies_pb2_grpc.KeyPolicyServiceStub,
    owner: dict[str, str],
    paths: list[str],
    **fields: Any,
) -> pp.KeyPolicy:
    return policies.UpdateKeyPolicy(
        key_policies_pb2.UpdateKeyPolicyRequest(
            **owner, policy=pp.KeyPolicy(**fields), update_mask=field_mask_pb2.FieldMask(paths=paths)
        ),
        timeout=10,
    )


def create(stub: keys_pb2_grpc.KeyServiceStub, t: Tenant, **fields: Any) -> keys_pb2.ApiKey:
    fields.setdefault("organization_id", t.org)
    fields.setdefault("project_id", t.project)
    return stub.CreateKey(keys_pb2.CreateKeyRequest(**fields), timeout=10).key


def _json(value: Any) -> Any:
    """A JSON column as read back (SQLite gives text, PostgreSQL the parsed value)."""
    return json.loads(value) if isinstance(value, str) else value


def expires_in(key: keys_pb2.ApiKey) -> float:
    return (key.expire_time.ToDatetime(tzinfo=UTC) - datetime.now(UTC)).total_seconds()


# --- Get / Update -----------------------------------------------------------------------------


def test_every_field_round_trips(policies: key_policies_pb2_grpc.KeyPolicyServiceStub, t: Tenant) -> None:
    empty = policies.GetKeyPolicy(key_policies_pb2.GetKeyPolicyRequest(organization_id=t.org))
    assert empty == pp.KeyPolicy(organization_id=t.org)
    full = pp.KeyPolicy(
        default_ttl=dur(7 * DAY),
        max_ttl=dur(30 * DAY),
        allowed_scopes=["read", "write"],
        default_scopes=["read"],
        default_rate_limit=limit(10),
        max_rate_limit=limit(6000, keys_pb2.RATE_LIMIT_WINDOW_MINUTE),
        default_allowed_cidrs=["10.0.0.0/8"],
        allowed_environments=[keys_pb2.ENVIRONMENT_LIVE],
        rotation=rotation_pb2.KeyRotationPolicy(
            rotation_period=dur(90 * DAY), grace_period=dur(3600), mode=rotation_pb2.ROTATION_MODE_REMIND
        ),
        recoverable=True,
        leaked_key_action=pp.LEAKED_KEY_ACTION_FLAG,
        token=pp.TokenPolicy(
            type=pp.ACCESS_TOKEN_TYPE_JWT, default_ttl=dur(300), max_ttl=dur(3600), custom_claims=["plan"]
        ),
    )
    paths = [
        f.name
        for f in pp.KeyPolicy.DESCRIPTOR.fields
        if f.name not in ("organization_id", "project_id", "update_time")
    ]
    saved = policies.UpdateKeyPolicy(
        key_policies_pb2.UpdateKeyPolicyRequest(
            organization_id=t.org, policy=full, update_mask=field_mask_pb2.FieldMask(paths=paths)
        )
    )
    assert saved.HasField("update_time")
    got = policies.GetKeyPolicy(key_policies_pb2.GetKeyPolicyRequest(organization_id=t.org))
    assert got == saved
    expected = pp.KeyPolicy()
    expected.CopyFrom(full)
    expected.organization_id = t.org
    expected.update_time.CopyFrom(saved.update_time)
    assert got == expected
    # A masked field left unset goes back to inheriting; the others stay.
    cleared = set_policy(policies, {"organization_id": t.org}, ["default_ttl", "recoverable", "token"])
    assert not cleared.HasField("default_ttl") and not cleared.HasField("recoverable")
    assert not cleared.HasField("token")
    assert cleared.max_ttl == full.max_ttl and list(cleared.allowed_scopes) == ["read", "write"]


def test_effective_policy_overlays_the_project_on_the_organization(
    policies: key_policies_pb2_grpc.KeyPolicyServiceStub, t: Tenant
) -> None:
    set_policy(
        policies,
        {"organization_id": t.org},
        ["max_ttl", "default_scopes"],
        max_ttl=dur(30 * DAY),
        default_scopes=["read"],
    )
    set_policy(
        policies,
        {"project_id": t.project},
        ["default_ttl", "default_scopes"],
        default_ttl=dur(DAY),
        default_scopes=["write"],
    )
    own = policies.GetKeyPolicy(key_policies_pb2.GetKeyPolicyRequest(project_id=t.project))
    assert own.project_id == t.project and own.organization_id == t.org
    assert own.default_ttl == dur(DAY) and not own.HasField("max_ttl")
    effective = policies.GetKeyPolicy(
        key_policies_pb2.GetKeyPolicyRequest(project_id=t.project, effective=True)
    )
    assert effective.default_ttl == dur(DAY) and effective.max_ttl == dur(30 * DAY)
    assert list(effective.default_scopes) == ["write"]


@pytest.mark.parametrize(
    ("owner_field", "paths", "fields", "violations"),
    [
        ("organization_id", ["max_ttl"], {"max_ttl": dur(-5)}, ["policy.max_ttl"]),
        (
            "organization_id",
            ["default_ttl", "max_ttl"],
            {"default_ttl": dur(10 * DAY), "max_ttl": dur(DAY)},
            ["policy.default_ttl"],
        ),
        (
            "organization_id",
            ["allowed_scopes"],
            {"allowed_scopes": ["bad scope"]},
            ["policy.allowed_scopes[0]"],
        ),
        (
            "organization_id",
            ["allowed_scopes", "default_scopes"],
            {"allowed_scopes": ["read"], "default_scopes": ["write"]},
            ["policy.default_scopes"],
        ),
        (
            "organization_id",
            ["default_allowed_cidrs"],
            {"default_allowed_cidrs": ["10.0.0.0/99"]},
            ["policy.default_allowed_cidrs[0]"],
        ),
        (
            "organization_id",
            ["default_rate_limit", "max_rate_limit"],
            {"default_rate_limit": limit(2), "max_rate_limit": limit(60, keys_pb2.RATE_LIMIT_WINDOW_MINUTE)},
            ["policy.default_rate_limit"],
        ),
        (
            "organization_id",
            ["max_rate_limit"],
            {"max_rate_limit": limit(0)},
            ["policy.max_rate_limit.requests"],
        ),
        (
            "organization_id",
            ["allowed_environments"],
            {"allowed_environments": [keys_pb2.ENVIRONMENT_UNSPECIFIED]},
            ["policy.allowed_environments[0]"],
        ),
        (
            "organization_id",
            ["rotation"],
            {
                "rotation": rotation_pb2.KeyRotationPolicy(
                    rotation_period=dur(600), mode=rotation_pb2.ROTATION_MODE_REMIND
                )
            },
            ["policy.rotation.rotation_period"],
        ),
        (
            "organization_id",
            ["rotation"],
            {"rotation": rotation_pb2.KeyRotationPolicy(rotation_period=dur(DAY))},
            ["policy.rotation.mode"],
        ),
        (
            "organization_id",
            ["token"],
            {"token": pp.TokenPolicy(max_ttl=dur(7200))},
            ["policy.token.max_ttl"],
        ),
        ("organization_id", ["nope"], {}, ["update_mask"]),
        ("organization_id", [], {}, ["update_mask"]),
        ("", ["max_ttl"], {"max_ttl": dur(DAY)}, ["organization_id"]),
    ],
)
def test_unsound_policies_are_refused(
    policies: key_policies_pb2_grpc.KeyPolicyServiceStub,
    t: Tenant,
    owner_field: str,
    paths: list[str],
    fields: dict[str, Any],
    violations: list[str],
) -> None:
    owner = {owner_field: t.org} if owner_field else {}
    err = expect_error(lambda: set_policy(policies, owner, paths, **fields), INVALID, "INVALID_ARGUMENT")
    assert err.field_violations == violations
    assert policies.GetKeyPolicy(key_policies_pb2.GetKeyPolicyRequest(organization_id=t.org)) == pp.KeyPolicy(
        organization_id=t.org
    )


def test_a_project_policy_must_agree_with_its_organization(
    policies: key_policies_pb2_grpc.KeyPolicyServiceStub, t: Tenant
) -> None:
    set_policy(policies, {"organization_id": t.org}, ["max_ttl"], max_ttl=dur(7 * DAY))
    err = expect_error(
        lambda: set_policy(policies, {"project_id": t.project}, ["default_ttl"], default_ttl=dur(30 * DAY)),
        INVALID,
        "INVALID_ARGUMENT",
    )
    assert err.field_violations == ["policy.default_ttl"]
    # A project may tighten what it inherits.
    set_policy(
        policies,
        {"project_id": t.project},
        ["max_ttl", "default_ttl"],
        max_ttl=dur(2 * DAY),
        default_ttl=dur(DAY),
    )


def test_owner_ids_are_checked(policies: key_policies_pb2_grpc.KeyPolicyServiceStub) -> None:
    err = expect_error(
        lambda: policies.GetKeyPolicy(key_policies_pb2.GetKeyPolicyRequest(project_id="x")),
        INVALID,
        "INVALID_ARGUMENT",
    )
    assert err.field_violations == ["project_id"]
    expect_error(
        lambda: policies.GetKeyPolicy(key_policies_pb2.GetKeyPolicyRequest()), INVALID, "INVALID_ARGUMENT"
    )
    for owner in ({"organization_id": str(uuid.uuid4())}, {"project_id": str(uuid.uuid4())}):
        expect_error(
            lambda owner=owner: policies.GetKeyPolicy(key_policies_pb2.GetKeyPolicyRequest(**owner)),
            NOT_FOUND,
            "NOT_FOUND",
        )
        expect_error(
            lambda owner=owner: set_policy(policies, owner, ["max_ttl"], max_ttl=dur(DAY)),
            NOT_FOUND,
            "NOT_FOUND",
        )


def test_updates_are_audited(
    policies: key_policies_pb2_grpc.KeyPolicyServiceStub, t: Tenant, db: Engine
) -> None:
    set_policy(
        policies,
        {"project_id": t.project},
        ["max_ttl", "allowed_scopes"],
        max_ttl=dur(DAY),
        allowed_scopes=["a"],
    )
    set_policy(policies, {"project_id": t.project}, ["max_ttl"])
    with db.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT * FROM audit_event WHERE action = 'key_policy.update' AND project_id = :p ORDER BY sequence"
            ),
            {"p": t.project},
        ).all()
    assert len(rows) == 2
    first, second = (dict(r._mapping) for r in rows)
    assert first["resource_id"] == t.project and first["organization_id"] == t.org
    assert {c["field"]: (c["old"], c["new"]) for c in _json(first["changes"])} == {
        "max_ttl": (None, DAY),
        "allowed_scopes": (None, ["a"]),
    }
    assert _json(second["changes"]) == [{"field": "max_ttl", "old": DAY, "new": None}]


def test_another_tenants_policy_is_not_found(
    policies: key_policies_pb2_grpc.KeyPolicyServiceStub,
    stub: keys_pb2_grpc.KeyServiceStub,
    grpc_channel: grpc.Channel,
    server: ServerThread,
) -> None:
    a, b = Tenant(stub), Tenant(stub)
    access = access_pb2_grpc.AccessServiceStub(grpc_channel)
    principal = access.CreatePrincipal(
        access_pb2.CreatePrincipalRequest(
            principal=access_pb2.Principal(
                name=f"p-{uuid.uuid4().hex[:8]}",
                roles=[access_pb2.RoleBinding(role=access_pb2.ROLE_ORG_ADMIN, organization_id=a.org)],
            )
        )
    )
    token = access.CreatePrincipalToken(
        access_pb2.CreatePrincipalTokenRequest(principal_id=principal.id)
    ).plaintext
    with grpc.insecure_channel(server.address) as raw:
        admin_of_a = key_policies_pb2_grpc.KeyPolicyServiceStub(with_token(raw, token))
        set_policy(admin_of_a, {"organization_id": a.org}, ["max_ttl"], max_ttl=dur(DAY))
        for owner in ({"organization_id": b.org}, {"project_id": b.project}):
            expect_error(
                lambda owner=owner: admin_of_a.GetKeyPolicy(key_policies_pb2.GetKeyPolicyRequest(**owner)),
                NOT_FOUND,
                "NOT_FOUND",
            )
            expect_error(
                lambda owner=owner: set_policy(admin_of_a, owner, ["max_ttl"], max_ttl=dur(DAY)),
                NOT_FOUND,
                "NOT_FOUND",
            )
    assert policies.GetKeyPolicy(key_policies_pb2.GetKeyPolicyRequest(organization_id=b.org)) == pp.KeyPolicy(
        organization_id=b.org
    )


# --- CreateKey / UpdateKey under a policy -----------------------------------------------------


def test_create_key_takes_the_defaults(
    policies: key_policies_pb2_grpc.KeyPolicyServiceStub, stub: keys_pb2_grpc.KeyServiceStub, t: Tenant
) -> None:
    set_policy(
        policies,
        {"organization_id": t.org},
        ["default_ttl", "default_scopes", "default_rate_limit", "default_allowed_cidrs"],
        default_ttl=dur(7 * DAY),
        default_scopes=["read"],
        default_rate_limit=limit(10),
        default_allowed_cidrs=["10.0.0.0/8"],
    )
    set_policy(policies, {"project_id": t.project}, ["default_ttl"], default_ttl=dur(DAY))
    in_project = create(stub, t)
    assert DAY - 60 < expires_in(in_project) <= DAY
    assert list(in_project.metadata.scopes) == ["read"]
    assert in_project.metadata.rate_limit == limit(10)
    assert list(in_project.allowed_cidrs) == ["10.0.0.0/8"]
    org_wide = create(stub, t, project_id="")
    assert 7 * DAY - 60 < expires_in(org_wide) <= 7 * DAY
    # What the request gives wins over a default.
    given = create(
        stub,
        t,
        ttl=dur(3600),
        metadata=keys_pb2.KeyMetadata(scopes=["write"], rate_limit=limit(1)),
        allowed_cidrs=["192.0.2.0/24"],
    )
    assert expires_in(given) <= 3600 and list(given.metadata.scopes) == ["write"]
    assert given.metadata.rate_limit == limit(1) and list(given.allowed_cidrs) == ["192.0.2.0/24"]


def test_create_key_refuses_what_breaks_the_policy(
    policies: key_policies_pb2_grpc.KeyPolicyServiceStub, stub: keys_pb2_grpc.KeyServiceStub, t: Tenant
) -> None:
    org_policy = f"organizations/{t.org}"
    project_policy = f"projects/{t.project}"
    set_policy(
        policies,
        {"organization_id": t.org},
        ["max_ttl", "max_rate_limit", "allowed_environments"],
        max_ttl=dur(30 * DAY),
        max_rate_limit=limit(100, keys_pb2.RATE_LIMIT_WINDOW_MINUTE),
        allowed_environments=[keys_pb2.ENVIRONMENT_LIVE],
    )
    set_policy(policies, {"project_id": t.project}, ["allowed_scopes"], allowed_scopes=["read", "write"])
    ok = dict(ttl=dur(DAY), metadata=keys_pb2.KeyMetadata(scopes=["read"], rate_limit=limit(1)))
    create(stub, t, **ok)
    cases: list[tuple[dict[str, Any], list[str], str]] = [
        ({**ok, "ttl": dur(60 * DAY)}, ["expire_time"], org_policy),
        ({"metadata": ok["metadata"]}, ["expire_time"], org_policy),  # must expire
        (
            {**ok, "metadata": keys_pb2.KeyMetadata(scopes=["admin"], rate_limit=limit(1))},
            ["metadata.scopes"],
            project_policy,
        ),
        (
            {**ok, "metadata": keys_pb2.KeyMetadata(scopes=["read"], rate_limit=limit(2))},
            ["metadata.rate_limit"],
            org_policy,
        ),
        ({**ok, "metadata": keys_pb2.KeyMetadata(scopes=["read"])}, ["metadata.rate_limit"], org_policy),
        ({**ok, "environment": keys_pb2.ENVIRONMENT_TEST}, ["environment"], org_policy),
        (
            {"environment": keys_pb2.ENVIRONMENT_TEST, "metadata": keys_pb2.KeyMetadata(scopes=["x"])},
            ["environment", "metadata.scopes", "expire_time", "metadata.rate_limit"],
            org_policy,
        ),
    ]
    for fields, violations, owner in cases:
        err = expect_error(lambda fields=fields: create(stub, t, **fields), INVALID, "INVALID_ARGUMENT")
        assert err.field_violations == violations, fields
        assert err.metadata == {"policy": owner}
    # Keys of another project of the organization only meet the organization's bounds.
    other = stub.CreateProject(keys_pb2.CreateProjectRequest(organization_id=t.org, name="other")).id
    create(
        stub,
        t,
        project_id=other,
        ttl=dur(DAY),
        metadata=keys_pb2.KeyMetadata(scopes=["admin"], rate_limit=limit(1)),
    )


def test_update_key_under_the_policy(
    policies: key_policies_pb2_grpc.KeyPolicyServiceStub, stub: keys_pb2_grpc.KeyServiceStub, t: Tenant
) -> None:
    key = create(stub, t, metadata=keys_pb2.KeyMetadata(name="k", scopes=["admin"]))  # before any policy
    set_policy(
        policies,
        {"project_id": t.project},
        ["allowed_scopes", "max_rate_limit", "default_rate_limit", "max_ttl"],
        allowed_scopes=["read"],
        max_rate_limit=limit(10),
        default_rate_limit=limit(5),
        max_ttl=dur(DAY),
    )

    def update(paths: list[str], **fields: Any) -> keys_pb2.ApiKey:
        return stub.UpdateKey(
            keys_pb2.UpdateKeyRequest(
                key=keys_pb2.ApiKey(id=key.id, **fields), update_mask=field_mask_pb2.FieldMask(paths=paths)
            ),
            timeout=10,
        )

    # Fields outside the mask are not re-judged: renaming an old key still works.
    assert update(["metadata.name"], metadata=keys_pb2.KeyMetadata(name="renamed")).metadata.name == "renamed"
    err = expect_error(
        lambda: update(["metadata.scopes"], metadata=keys_pb2.KeyMetadata(scopes=["write"])),
        INVALID,
        "INVALID_ARGUMENT",
    )
    assert err.field_violations == ["metadata.scopes"] and err.metadata == {"policy": f"projects/{t.project}"}
    err = expect_error(
        lambda: update(["metadata.rate_limit"], metadata=keys_pb2.KeyMetadata(rate_limit=limit(11))),
        INVALID,
        "INVALID_ARGUMENT",
    )
    assert err.field_violations == ["metadata.rate_limit"]
    # A cleared rate limit takes the default.
    assert update(["metadata.rate_limit"]).metadata.rate_limit == limit(5)
    err = expect_error(lambda: update(["expire_time"]), INVALID, "INVALID_ARGUMENT")
    assert err.field_violations == ["key.expire_time"]
    soon = datetime.now(UTC) + timedelta(hours=1)
    stamp = timestamp_pb2.Timestamp()
    stamp.FromDatetime(soon)
    assert update(["expire_time"], expire_time=stamp).HasField("expire_time")


def test_concurrent_updates_of_different_fields_all_land(
    policies: key_policies_pb2_grpc.KeyPolicyServiceStub, t: Tenant
) -> None:
    """Read-modify-write under the row lock: concurrent first updates neither collide on the
    new row nor lose each other's fields."""
    updates: list[tuple[str, dict[str, Any]]] = [
        ("default_ttl", {"default_ttl": dur(DAY)}),
        ("max_ttl", {"max_ttl": dur(30 * DAY)}),
        ("allowed_scopes", {"allowed_scopes": ["a", "b"]}),
        ("default_rate_limit", {"default_rate_limit": limit(1)}),
        ("default_allowed_cidrs", {"default_allowed_cidrs": ["10.0.0.0/8"]}),
        ("recoverable", {"recoverable": False}),
        ("leaked_key_action", {"leaked_key_action": pp.LEAKED_KEY_ACTION_FLAG}),
        ("allowed_environments", {"allowed_environments": [keys_pb2.ENVIRONMENT_TEST]}),
    ]
    with ThreadPoolExecutor(len(updates)) as pool:
        futures = [
            pool.submit(set_policy, policies, {"project_id": t.project}, [path], **fields)
            for path, fields in updates
        ]
        for future in futures:
            future.result()
    final = policies.GetKeyPolicy(key_policies_pb2.GetKeyPolicyRequest(project_id=t.project))
    expected = pp.KeyPolicy(organization_id=t.org, project_id=t.project, update_time=final.update_time)
    for _, fields in updates:
        expected.MergeFrom(pp.KeyPolicy(**fields))
    assert final == expected


# --- REST ---------------------------------------------------------------------------------------

http_server = http_support.http_server
rest = http_support.rest


def test_key_policies_over_rest(rest: httpx.Client) -> None:
    org = rest.post("/v1/organizations", json={"name": f"org-{uuid.uuid4().hex[:10]}"}).json()["id"]
    saved = rest.patch(
        "/v1/keyPolicy",
        json={
            "organizationId": org,
            "policy": {"maxTtl": "86400s", "defaultScopes": ["read"]},
            "updateMask": "maxTtl,defaultScopes",
        },
    )
    assert saved.status_code == 200, saved.text
    assert saved.json()["max_ttl"] == "86400s"
    got = rest.get("/v1/keyPolicy", params={"organizationId": org})
    assert got.status_code == 200 and got.json()["default_scopes"] == ["read"]
    refused = rest.post("/v1/keys", json={"organizationId": org, "ttl": "172800s"})
    assert refused.status_code == 400
    assert http_support.error_info(refused.json())["metadata"] == {"policy": f"organizations/{org}"}
    bad = rest.patch("/v1/keyPolicy", json={"organizationId": org, "policy": {}, "updateMask": "nope"})
    assert bad.status_code == 400


def test_out_of_range_and_hostile_values_are_invalid_argument(
    policies: key_policies_pb2_grpc.KeyPolicyServiceStub, t: Tenant
) -> None:
    owner = {"organization_id": t.org}
    huge = duration_pb2.Duration(seconds=-(10**15))
    bad_nanos = duration_pb2.Duration(seconds=1, nanos=2147483647)
    cases: list[tuple[list[str], dict[str, Any], str]] = [
        (["max_ttl"], {"max_ttl": huge}, "policy.max_ttl"),
        (["default_ttl"], {"default_ttl": bad_nanos}, "policy.default_ttl"),
        (["token"], {"token": pp.TokenPolicy(default_ttl=huge)}, "policy.token.default_ttl"),
        (
            ["rotation"],
            {
                "rotation": rotation_pb2.KeyRotationPolicy(
                    rotation_period=huge, mode=rotation_pb2.ROTATION_MODE_REMIND
                )
            },
            "policy.rotation.rotation_period",
        ),
        (["allowed_scopes"], {"allowed_scopes": ["read\x00"]}, "policy.allowed_scopes[0]"),
        (["default_scopes"], {"default_scopes": ["s"] * 65}, "policy.default_scopes"),
        (
            ["default_allowed_cidrs"],
            {"default_allowed_cidrs": ["10.0.0.0/8\x00"]},
            "policy.default_allowed_cidrs[0]",
        ),
        (["token"], {"token": pp.TokenPolicy(custom_claims=[""])}, "policy.token.custom_claims[0]"),
        (["token"], {"token": pp.TokenPolicy(type=99)}, "policy.token.type"),
        (["leaked_key_action"], {"leaked_key_action": 42}, "policy.leaked_key_action"),
        (
            ["rotation"],
            {"rotation": rotation_pb2.KeyRotationPolicy(rotation_period=dur(DAY), mode=7)},
            "policy.rotation.mode",
        ),
        (["max_rate_limit"], {"max_rate_limit": limit(5, 9)}, "policy.max_rate_limit.window"),
    ]
    for paths, fields, field in cases:
        err = expect_error(
            lambda paths=paths, fields=fields: set_policy(policies, owner, paths, **fields),
            INVALID,
            "INVALID_ARGUMENT",
        )
        assert field in err.field_violations, (field, err.field_violations)
    err = expect_error(lambda: set_policy(policies, owner, ["x" * 10_000]), INVALID, "INVALID_ARGUMENT")
    assert len(err.message) < 1000  # the unknown path is not echoed in full


def test_python_client_facade(server: ServerThread, t: Tenant) -> None:
    """get_key_policy / update_key_policy, sync and async, and the policy applied by create_key."""
    import asyncio

    from keyturn.client import AsyncClient, Client

    with Client(server.address, token=server.admin_token) as client:
        updated = client.update_key_policy(
            pp.KeyPolicy(default_ttl=dur(1800), max_ttl=dur(3600), default_scopes=["read"]),
            ["default_ttl", "max_ttl", "default_scopes"],
            organization_id=t.org,
        )
        assert updated.max_ttl.seconds == 3600 and list(updated.default_scopes) == ["read"]
        key = client.create_key(t.org, project_id=t.project).key
        assert list(key.metadata.scopes) == ["read"] and 0 < expires_in(key) <= 3600
        client.update_key_policy(
            pp.KeyPolicy(default_ttl=dur(300), max_ttl=dur(600)),
            ["default_ttl", "max_ttl"],
            project_id=t.project,
        )
        assert client.get_key_policy(project_id=t.project).max_ttl.seconds == 600
        assert not client.get_key_policy(project_id=t.project).default_scopes
        assert list(client.get_key_policy(project_id=t.project, effective=True).default_scopes) == ["read"]

    async def run() -> pp.KeyPolicy:
        async with AsyncClient(server.address, token=server.admin_token) as client:
            return await client.get_key_policy(organization_id=t.org)

    assert asyncio.run(run()).max_ttl.seconds == 3600
