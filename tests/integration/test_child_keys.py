"""Restricted child keys over a real server, on SQLite and PostgreSQL: CreateKey with
parent_key_id (each narrowing rule and its violation), the tenant isolation of the parent,
UpdateKey of a child and of a parent, the revoke/delete cascade (audit per child, caches
evicted, also on a second replica), RotateKey re-pointing children, an expiring parent, and
ListKeys by parent."""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Any

import grpc
import pytest
from google.protobuf import duration_pb2, field_mask_pb2, timestamp_pb2
from keyturn.v1 import access_pb2, access_pb2_grpc, keys_pb2, keys_pb2_grpc
from keyturn_server.store.db import sync_url
from sqlalchemy import Engine, create_engine, text

from tests.integration.test_keys_manage import changes, events
from tests.support import ServerThread, decode_error, expect_error, make_settings, with_token

INVALID = grpc.StatusCode.INVALID_ARGUMENT
NOT_FOUND = grpc.StatusCode.NOT_FOUND
PRECONDITION = grpc.StatusCode.FAILED_PRECONDITION
MINUTE = keys_pb2.RATE_LIMIT_WINDOW_MINUTE
SECOND = keys_pb2.RATE_LIMIT_WINDOW_SECOND
HOUR = keys_pb2.RATE_LIMIT_WINDOW_HOUR
Stub = keys_pb2_grpc.KeyServiceStub


@pytest.fixture(scope="module")
def stub(grpc_channel: grpc.Channel) -> Stub:
    return keys_pb2_grpc.KeyServiceStub(grpc_channel)


@pytest.fixture(scope="module")
def db(server: ServerThread) -> Iterator[Engine]:
    engine = create_engine(sync_url(server.settings.database_url))
    yield engine
    engine.dispose()


class Tenant:
    def __init__(self, stub: Stub) -> None:
        tag = uuid.uuid4().hex[:10]
        self.org = stub.CreateOrganization(keys_pb2.CreateOrganizationRequest(name=f"org-{tag}")).id
        self.project = stub.CreateProject(
            keys_pb2.CreateProjectRequest(organization_id=self.org, name="p")
        ).id
        self.other_project = stub.CreateProject(
            keys_pb2.CreateProjectRequest(organization_id=self.org, name="q")
        ).id
        self.product = stub.CreateProduct(
            keys_pb2.CreateProductRequest(organization_id=self.org, name="a")
        ).id
        stub.AddProductToProject(
            keys_pb2.AddProductToProjectRequest(product_id=self.product, project_id=self.project)
        )


@pytest.fixture
def t(stub: Stub) -> Tenant:
    return Tenant(stub)


def ts(value: datetime) -> timestamp_pb2.Timestamp:
    stamp = timestamp_pb2.Timestamp()
    stamp.FromDatetime(value)
    return stamp


def dt(stamp: timestamp_pb2.Timestamp) -> datetime:
    return stamp.ToDatetime(tzinfo=UTC)


def key(
    stub: Stub,
    org: str,
    *,
    parent: str = "",
    scopes: tuple[str, ...] = (),
    limit: tuple[int, Any] | None = None,
    cidrs: tuple[str, ...] = (),
    expire: datetime | None = None,
    **fields: Any,
) -> keys_pb2.CreateKeyResponse:
    metadata = keys_pb2.KeyMetadata(name="k", scopes=list(scopes))
    if limit is not None:
        metadata.rate_limit.requests, metadata.rate_limit.window = limit
    request = keys_pb2.CreateKeyRequest(
        organization_id=org, parent_key_id=parent, metadata=metadata, allowed_cidrs=list(cidrs), **fields
    )
    if expire is not None:
        request.expire_time.CopyFrom(ts(expire))
    return stub.CreateKey(request, timeout=30)


def parent_key(stub: Stub, t: Tenant, **fields: Any) -> keys_pb2.CreateKeyResponse:
    """A restricted parent: project-scoped, test environment, two scopes, a network, a limit,
    an expiry in ten days."""
    fields.setdefault("scopes", ("read", "write"))
    fields.setdefault("limit", (100, MINUTE))
    fields.setdefault("cidrs", ("10.0.0.0/8", "2001:db8::/32"))
    fields.setdefault("expire", datetime.now(UTC) + timedelta(days=10))
    fields.setdefault("environment", keys_pb2.ENVIRONMENT_TEST)
    return key(stub, t.org, project_id=t.project, **fields)


def child_of(stub: Stub, t: Tenant, parent: keys_pb2.ApiKey, **fields: Any) -> keys_pb2.CreateKeyResponse:
    fields.setdefault("scopes", ("read",))
    fields.setdefault("limit", (1, SECOND))
    fields.setdefault("cidrs", ("10.1.0.0/16",))
    fields.setdefault("project_id", t.project)
    return key(stub, t.org, parent=parent.id, **fields)


def validate(stub: Stub, plaintext: str, ip: str = "10.1.2.3", **fields: Any) -> keys_pb2.ValidateKeyResponse:
    return stub.ValidateKey(
        keys_pb2.ValidateKeyRequest(plaintext=plaintext, client_ip=ip, **fields), timeout=30
    )


def key_events(db: Engine, key_id: str) -> list[tuple[str, dict[str, Any]]]:
    """(type, data) of the key's entries in the durable key-event log, in order (without the
    EXPIRING/EXPIRED warnings the server's own expiry job may write meanwhile)."""
    with db.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT type, data FROM key_event WHERE key_id = :k"
                " AND type NOT IN ('EXPIRING', 'EXPIRED') ORDER BY sequence"
            ),
            {"k": key_id},
        ).all()
    return [(kind, json.loads(data) if isinstance(data, str) else data) for kind, data in rows]


def reason_of(call: Any) -> str:
    try:
        call()
    except grpc.RpcError as err:
        return decode_error(err).reason
    return "OK"


# --- CreateKey with a parent ------------------------------------------------------------------


def test_child_within_its_parent_inherits_environment_and_expiry(stub: Stub, t: Tenant, db: Engine) -> None:
    parent = parent_key(stub, t).key
    made = child_of(stub, t, parent)
    child = made.key
    assert child.parent_key_id == parent.id
    assert child.environment == keys_pb2.ENVIRONMENT_TEST  # the parent's, none was given
    assert made.plaintext.startswith("kt_test_")
    assert dt(child.expire_time) == dt(parent.expire_time)  # none given: the parent's
    assert list(child.metadata.scopes) == ["read"]
    assert stub.GetKey(keys_pb2.GetKeyRequest(id=child.id)).parent_key_id == parent.id
    answer = validate(stub, made.plaintext, required_scopes=["read"])
    assert answer.key.id == child.id and answer.key.parent_key_id == parent.id
    assert (
        reason_of(lambda: validate(stub, made.plaintext, required_scopes=["write"])) == "INSUFFICIENT_SCOPE"
    )
    assert reason_of(lambda: validate(stub, made.plaintext, ip="10.2.0.1")) == "IP_NOT_ALLOWED"
    (created,) = events(db, action="key.create", key_id=child.id)
    assert changes(created)["parent_key_id"] == (None, parent.id)


def test_equal_rate_across_windows_and_narrower_scope_are_allowed(stub: Stub, t: Tenant) -> None:
    parent = parent_key(stub, t, limit=(60, MINUTE), cidrs=()).key
    # 3600/hour is exactly 1/second = 60/minute; any networks under a parent without CIDRs;
    # a product of the parent's project narrows further.
    child = child_of(
        stub, t, parent, limit=(3600, HOUR), cidrs=("0.0.0.0/0",), product_id=t.product, scopes=()
    ).key
    assert child.product_id == t.product and child.parent_key_id == parent.id
    # A child may itself be a parent.
    grandchild = child_of(
        stub, t, child, limit=(1, SECOND), cidrs=("192.0.2.0/24",), scopes=(), product_id=t.product
    ).key
    assert grandchild.parent_key_id == child.id
    # An organization-wide parent without restrictions allows a project-scoped child.
    broad = key(stub, t.org, scopes=("x", "y")).key
    narrow = key(stub, t.org, parent=broad.id, project_id=t.project, scopes=("x",), limit=(5, SECOND))
    assert narrow.key.parent_key_id == broad.id and narrow.key.environment == keys_pb2.ENVIRONMENT_LIVE


@pytest.mark.parametrize(
    ("fields", "violations"),
    [
        ({"scopes": ("read", "admin")}, ["metadata.scopes"]),
        ({"expire": datetime.now(UTC) + timedelta(days=30)}, ["expire_time"]),
        ({"cidrs": ("10.0.0.0/7",)}, ["allowed_cidrs"]),
        ({"cidrs": ("192.168.0.0/16",)}, ["allowed_cidrs"]),
        ({"cidrs": ()}, ["allowed_cidrs"]),
        ({"limit": (2, SECOND)}, ["metadata.rate_limit"]),  # 2/s > 100/min
        ({"limit": (101, MINUTE)}, ["metadata.rate_limit"]),
        ({"limit": None}, ["metadata.rate_limit"]),
        ({"project_id": ""}, ["project_id"]),
        ({"environment": keys_pb2.ENVIRONMENT_LIVE}, ["environment"]),
        (
            {"scopes": ("root",), "limit": None, "cidrs": ("0.0.0.0/0",)},
            ["metadata.scopes", "allowed_cidrs", "metadata.rate_limit"],
        ),
    ],
)
def test_a_child_broader_than_its_parent_is_refused(
    stub: Stub, t: Tenant, db: Engine, fields: dict[str, Any], violations: list[str]
) -> None:
    parent = parent_key(stub, t).key
    err = expect_error(lambda: child_of(stub, t, parent, **fields), INVALID, "INVALID_ARGUMENT")
    assert err.field_violations == violations
    assert err.metadata == {"parentKeyId": parent.id}
    with db.connect() as conn:
        count = conn.execute(
            text("SELECT count(*) FROM api_key WHERE parent_key_id = :p"), {"p": parent.id}
        ).scalar()
    assert count == 0


def test_product_and_ipv6_rules(stub: Stub, t: Tenant) -> None:
    parent = parent_key(stub, t, product_id=t.product).key
    err = expect_error(lambda: child_of(stub, t, parent), INVALID, "INVALID_ARGUMENT")
    assert err.field_violations == ["product_id"]
    child = child_of(stub, t, parent, product_id=t.product, cidrs=("2001:db8:1::/48", "10.0.0.0/8")).key
    assert list(child.allowed_cidrs) == ["2001:db8:1::/48", "10.0.0.0/8"]
    err = expect_error(
        lambda: child_of(stub, t, parent, product_id=t.product, cidrs=("2001:db9::/32",)),
        INVALID,
        "INVALID_ARGUMENT",
    )
    assert err.field_violations == ["allowed_cidrs"]
    # A parent without scopes grants none, so neither may its children.
    bare = parent_key(stub, t, scopes=()).key
    err = expect_error(lambda: child_of(stub, t, bare, scopes=("*",)), INVALID, "INVALID_ARGUMENT")
    assert err.field_violations == ["metadata.scopes"]


def test_parent_key_id_bad_input(stub: Stub, t: Tenant) -> None:
    err = expect_error(lambda: key(stub, t.org, parent="not-a-uuid"), INVALID, "INVALID_ARGUMENT")
    assert err.field_violations == ["parent_key_id"]
    err = expect_error(lambda: key(stub, t.org, parent=str(uuid.uuid4())), NOT_FOUND, "NOT_FOUND")
    # A parent of another organization, for a caller who may see both.
    other = Tenant(stub)
    foreign = key(stub, other.org).key
    err = expect_error(lambda: key(stub, t.org, parent=foreign.id), INVALID, "INVALID_ARGUMENT")
    assert err.field_violations == ["parent_key_id"]
    assert err.metadata == {"parentKeyId": foreign.id}
    # A revoked or expired parent derives nothing.
    revoked = key(stub, t.org).key
    stub.RevokeKey(keys_pb2.RevokeKeyRequest(id=revoked.id))
    err = expect_error(lambda: key(stub, t.org, parent=revoked.id), PRECONDITION, "FAILED_PRECONDITION")
    assert err.metadata == {"parentKeyId": revoked.id}
    expiring = key(stub, t.org, ttl=duration_pb2.Duration(seconds=1)).key
    time.sleep(1.2)
    expect_error(lambda: key(stub, t.org, parent=expiring.id), PRECONDITION, "FAILED_PRECONDITION")
    # ListKeys' filter is checked too.
    err = expect_error(
        lambda: stub.ListKeys(keys_pb2.ListKeysRequest(organization_id=t.org, parent_key_id="nope")),
        INVALID,
        "INVALID_ARGUMENT",
    )
    assert err.field_violations == ["parent_key_id"]


def _principal(stub_channel: grpc.Channel, org: str, role: str) -> str:
    access = access_pb2_grpc.AccessServiceStub(stub_channel)
    principal = access.CreatePrincipal(
        access_pb2.CreatePrincipalRequest(
            principal=access_pb2.Principal(
                name=f"p-{uuid.uuid4().hex[:8]}",
                roles=[
                    access_pb2.RoleBinding(role=access_pb2.Role.Value(f"ROLE_{role}"), organization_id=org)
                ],
            )
        ),
        timeout=10,
    )
    token = access.CreatePrincipalToken(
        access_pb2.CreatePrincipalTokenRequest(principal_id=principal.id), timeout=10
    )
    return token.plaintext


def test_a_parent_of_another_tenant_is_not_found(
    stub: Stub, grpc_channel: grpc.Channel, server: ServerThread
) -> None:
    a, b = Tenant(stub), Tenant(stub)
    foreign = key(stub, b.org).key
    own = key(stub, a.org).key
    token = _principal(grpc_channel, a.org, "KEY_MANAGER")
    with grpc.insecure_channel(server.address) as raw:
        manager = keys_pb2_grpc.KeyServiceStub(with_token(raw, token))
        seen = expect_error(lambda: key(manager, a.org, parent=foreign.id), NOT_FOUND, "NOT_FOUND")
        unknown = expect_error(lambda: key(manager, a.org, parent=str(uuid.uuid4())), NOT_FOUND, "NOT_FOUND")
        # The same answer as for a key that does not exist: nothing reveals it.
        assert seen.field_violations == unknown.field_violations == []
        assert foreign.id not in seen.message and set(seen.metadata) == set(unknown.metadata)
        assert all(foreign.id != value for value in seen.metadata.values())
        child = key(manager, a.org, parent=own.id).key
        assert child.parent_key_id == own.id


# --- UpdateKey --------------------------------------------------------------------------------


def update(stub: Stub, key_id: str, paths: list[str], **fields: Any) -> keys_pb2.ApiKey:
    return stub.UpdateKey(
        keys_pb2.UpdateKeyRequest(
            key=keys_pb2.ApiKey(id=key_id, **fields), update_mask=field_mask_pb2.FieldMask(paths=paths)
        ),
        timeout=30,
    )


def test_update_of_a_child_keeps_it_within_the_parent(stub: Stub, t: Tenant) -> None:
    parent = parent_key(stub, t).key
    child = child_of(stub, t, parent).key
    err = expect_error(
        lambda: update(stub, child.id, ["metadata.scopes"], metadata=keys_pb2.KeyMetadata(scopes=["admin"])),
        INVALID,
        "INVALID_ARGUMENT",
    )
    assert err.field_violations == ["metadata.scopes"] and err.metadata == {"parentKeyId": parent.id}
    err = expect_error(lambda: update(stub, child.id, ["allowed_cidrs"]), INVALID, "INVALID_ARGUMENT")
    assert err.field_violations == ["allowed_cidrs"]
    err = expect_error(lambda: update(stub, child.id, ["metadata.rate_limit"]), INVALID, "INVALID_ARGUMENT")
    assert err.field_violations == ["metadata.rate_limit"]
    later = ts(datetime.now(UTC) + timedelta(days=20))
    err = expect_error(
        lambda: update(stub, child.id, ["expire_time"], expire_time=later), INVALID, "INVALID_ARGUMENT"
    )
    assert err.field_violations == ["key.expire_time"]
    # Clearing the expiry under an expiring parent gives the parent's.
    cleared = update(stub, child.id, ["expire_time"])
    assert dt(cleared.expire_time) == dt(parent.expire_time)
    narrowed = update(stub, child.id, ["metadata.scopes"], metadata=keys_pb2.KeyMetadata(scopes=["write"]))
    assert list(narrowed.metadata.scopes) == ["write"]


def test_update_of_a_parent_caps_children_and_refuses_to_strand_them(
    stub: Stub, t: Tenant, db: Engine
) -> None:
    parent = parent_key(stub, t).key
    child = child_of(stub, t, parent).key
    grandchild = child_of(stub, t, child, cidrs=("10.1.2.0/24",)).key
    sooner = datetime.now(UTC).replace(microsecond=0) + timedelta(days=2)
    updated = update(stub, parent.id, ["expire_time"], expire_time=ts(sooner))
    assert dt(updated.expire_time) == sooner
    for capped_key in (child, grandchild):
        assert dt(stub.GetKey(keys_pb2.GetKeyRequest(id=capped_key.id)).expire_time) == sooner
        (capped,) = [e for e in events(db, action="key.update", key_id=capped_key.id)]
        assert "expires sooner" in capped["reason"]
        old, new = changes(capped)["expire_time"]
        assert old is not None and datetime.fromisoformat(new.replace("Z", "+00:00")) == sooner
    # Taking away a scope the child holds is refused until the child is narrowed.
    err = expect_error(
        lambda: update(stub, parent.id, ["metadata.scopes"], metadata=keys_pb2.KeyMetadata(scopes=["write"])),
        PRECONDITION,
        "FAILED_PRECONDITION",
    )
    assert err.metadata == {"childKeyId": child.id}
    assert list(stub.GetKey(keys_pb2.GetKeyRequest(id=parent.id)).metadata.scopes) == ["read", "write"]
    stub.RevokeKey(keys_pb2.RevokeKeyRequest(id=child.id))
    # A revoked child no longer holds anything.
    narrowed = update(stub, parent.id, ["metadata.scopes"], metadata=keys_pb2.KeyMetadata(scopes=["write"]))
    assert list(narrowed.metadata.scopes) == ["write"]


# --- The cascade ------------------------------------------------------------------------------


def test_revoking_a_parent_revokes_its_descendants(stub: Stub, t: Tenant, db: Engine) -> None:
    parent = parent_key(stub, t)
    child = child_of(stub, t, parent.key)
    grandchild = child_of(stub, t, child.key, cidrs=("10.1.2.0/24",))
    unrelated = parent_key(stub, t)
    for made in (parent, child, grandchild, unrelated):
        validate(stub, made.plaintext)  # cached now
    stub.RevokeKey(keys_pb2.RevokeKeyRequest(id=parent.key.id, reason="leaked"))
    for made in (parent, child, grandchild):
        got = stub.GetKey(keys_pb2.GetKeyRequest(id=made.key.id))
        assert got.status == keys_pb2.KEY_STATUS_REVOKED
        assert reason_of(lambda made=made: validate(stub, made.plaintext)) == "KEY_REVOKED"
    assert stub.GetKey(keys_pb2.GetKeyRequest(id=child.key.id)).revoke_reason.startswith("parent revoked")
    validate(stub, unrelated.plaintext)
    (parent_event,) = events(db, action="key.revoke", key_id=parent.key.id)
    for made in (child, grandchild):
        (event,) = events(db, action="key.revoke", key_id=made.key.id)
        assert event["reason"].startswith("parent revoked") and parent.key.id in event["reason"]
        assert event["actor"] == parent_event["actor"]
        assert changes(event)["revoke_time"][0] is None
    # Each cascaded child has its own REVOKED event, committed with the parent's.
    for made in (child, grandchild):
        kinds = [kind for kind, _ in key_events(db, made.key.id)]
        assert kinds == ["CREATED", "REVOKED"]
        assert key_events(db, made.key.id)[1][1]["reason"].startswith("parent revoked")
    # Idempotent: revoking again changes nothing and writes nothing.
    stub.RevokeKey(keys_pb2.RevokeKeyRequest(id=parent.key.id))
    assert len(events(db, action="key.revoke", key_id=child.key.id)) == 1


def test_deleting_a_parent_revokes_its_children(stub: Stub, t: Tenant, db: Engine) -> None:
    parent = parent_key(stub, t)
    child = child_of(stub, t, parent.key)
    validate(stub, child.plaintext)
    stub.DeleteKey(keys_pb2.DeleteKeyRequest(id=parent.key.id))
    got = stub.GetKey(keys_pb2.GetKeyRequest(id=child.key.id))
    assert got.status == keys_pb2.KEY_STATUS_REVOKED and got.parent_key_id == parent.key.id
    assert reason_of(lambda: validate(stub, child.plaintext)) == "KEY_REVOKED"
    (event,) = events(db, action="key.revoke", key_id=child.key.id)
    assert event["reason"].startswith("parent revoked") and "deleted" in event["reason"]
    assert len(events(db, action="key.delete", key_id=parent.key.id)) == 1
    assert [kind for kind, _ in key_events(db, child.key.id)] == ["CREATED", "REVOKED"]
    assert [kind for kind, _ in key_events(db, parent.key.id)] == ["CREATED", "DELETED"]


def test_an_expiring_parent_takes_its_children_along(stub: Stub, t: Tenant) -> None:
    soon = datetime.now(UTC) + timedelta(seconds=1.5)
    parent = key(stub, t.org, expire=soon)
    child = key(stub, t.org, parent=parent.key.id)
    assert dt(child.key.expire_time) == dt(parent.key.expire_time)
    validate(stub, child.plaintext)
    time.sleep(max(0.0, (soon - datetime.now(UTC)).total_seconds()) + 0.2)
    assert reason_of(lambda: validate(stub, parent.plaintext)) == "KEY_EXPIRED"
    assert reason_of(lambda: validate(stub, child.plaintext)) == "KEY_EXPIRED"


def test_rotating_a_parent_moves_its_children_to_the_successor(stub: Stub, t: Tenant, db: Engine) -> None:
    parent = parent_key(stub, t)
    child = child_of(stub, t, parent.key)
    rotated = stub.RotateKey(
        keys_pb2.RotateKeyRequest(id=parent.key.id, grace_period=duration_pb2.Duration(seconds=0))
    )
    successor = rotated.key
    moved = stub.GetKey(keys_pb2.GetKeyRequest(id=child.key.id))
    assert moved.parent_key_id == successor.id
    assert moved.status == keys_pb2.KEY_STATUS_ACTIVE
    assert dt(moved.expire_time) == dt(successor.expire_time)  # still within the cap
    # The old key stopped now; the child keeps working under its new parent...
    assert reason_of(lambda: validate(stub, parent.plaintext)) == "KEY_EXPIRED"
    validate(stub, child.plaintext)
    (event,) = [e for e in events(db, action="key.update", key_id=child.key.id)]
    assert changes(event)["parent_key_id"] == (parent.key.id, successor.id)
    assert key_events(db, child.key.id)[-1] == (
        "UPDATED",
        {"fields": ["parent_key_id"], "reason": "parent rotated", "parent_key_id": successor.id},
    )
    # ...and is revoked with it.
    stub.RevokeKey(keys_pb2.RevokeKeyRequest(id=successor.id))
    assert reason_of(lambda: validate(stub, child.plaintext)) == "KEY_REVOKED"
    # Rotating a child gives a successor under the same parent.
    other_parent = parent_key(stub, t)
    other_child = child_of(stub, t, other_parent.key)
    next_child = stub.RotateKey(keys_pb2.RotateKeyRequest(id=other_child.key.id)).key
    assert next_child.parent_key_id == other_parent.key.id


# --- ListKeys by parent -----------------------------------------------------------------------


def test_list_keys_by_parent(stub: Stub, t: Tenant) -> None:
    parent = parent_key(stub, t).key
    children = [child_of(stub, t, parent).key for _ in range(3)]
    grandchild = child_of(stub, t, children[0], cidrs=("10.1.0.0/24",)).key
    key(stub, t.org, project_id=t.project)
    listed = stub.ListKeys(keys_pb2.ListKeysRequest(organization_id=t.org, parent_key_id=parent.id))
    assert [k.id for k in listed.keys] == [c.id for c in reversed(children)]
    by_project = stub.ListKeys(keys_pb2.ListKeysRequest(project_id=t.project, parent_key_id=children[0].id))
    assert [k.id for k in by_project.keys] == [grandchild.id]
    # Paging keeps the filter; a token of another filter is refused.
    first = stub.ListKeys(
        keys_pb2.ListKeysRequest(organization_id=t.org, parent_key_id=parent.id, page_size=2)
    )
    assert len(first.keys) == 2 and first.next_page_token
    rest = stub.ListKeys(
        keys_pb2.ListKeysRequest(
            organization_id=t.org, parent_key_id=parent.id, page_size=2, page_token=first.next_page_token
        )
    )
    assert [k.id for k in [*first.keys, *rest.keys]] == [c.id for c in reversed(children)]
    expect_error(
        lambda: stub.ListKeys(
            keys_pb2.ListKeysRequest(organization_id=t.org, page_size=2, page_token=first.next_page_token)
        ),
        INVALID,
        "INVALID_ARGUMENT",
    )
    assert not stub.ListKeys(
        keys_pb2.ListKeysRequest(organization_id=t.org, parent_key_id=str(uuid.uuid4()))
    ).keys


# --- A second replica -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def replica(
    server: ServerThread, backend: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServerThread]:
    if backend != "postgresql":
        pytest.skip("replicas share a PostgreSQL database (LISTEN/NOTIFY)")
    settings = make_settings(
        server.settings.database_url, tmp_path_factory.mktemp("replica"), key_cache_ttl_seconds=60.0
    )
    running = ServerThread(settings).start()
    try:
        yield running
    finally:
        running.stop()


def test_the_cascade_evicts_children_on_every_replica(stub: Stub, t: Tenant, replica: ServerThread) -> None:
    parent = parent_key(stub, t)
    child = child_of(stub, t, parent.key)
    with grpc.insecure_channel(replica.address) as raw:
        other = keys_pb2_grpc.KeyServiceStub(with_token(raw, replica.admin_token))
        validate(other, child.plaintext)  # cached on the replica for a minute
        stub.RevokeKey(keys_pb2.RevokeKeyRequest(id=parent.key.id))
        deadline = time.monotonic() + 5
        while reason_of(lambda: validate(other, child.plaintext)) == "OK":
            assert time.monotonic() < deadline, "the replica still accepts the revoked parent's child"
            time.sleep(0.05)
        assert reason_of(lambda: validate(other, child.plaintext)) == "KEY_REVOKED"


def test_a_rotated_parent_derives_nothing(stub: Stub, t: Tenant) -> None:
    parent = parent_key(stub, t).key
    successor = stub.RotateKey(keys_pb2.RotateKeyRequest(id=parent.id)).key
    err = expect_error(lambda: child_of(stub, t, parent), PRECONDITION, "FAILED_PRECONDITION")
    assert err.metadata == {"parentKeyId": parent.id, "replacedByKeyId": successor.id}
    assert child_of(stub, t, successor).key.parent_key_id == successor.id


def test_children_created_while_the_parent_is_revoked_never_outlive_it(stub: Stub, t: Tenant) -> None:
    """CreateKey locks the parent like RevokeKey does: each concurrent child either sees the
    revoked parent (FAILED_PRECONDITION) or is committed before the cascade, which revokes it."""
    parent = parent_key(stub, t).key

    def make_child() -> str:
        try:
            return child_of(stub, t, parent).key.id
        except grpc.RpcError as err:
            assert decode_error(err).reason == "FAILED_PRECONDITION"
            return ""

    with ThreadPoolExecutor(9) as pool:
        children = [pool.submit(make_child) for _ in range(8)]
        time.sleep(0.05)
        pool.submit(lambda: stub.RevokeKey(keys_pb2.RevokeKeyRequest(id=parent.id))).result()
        made = [c for c in (f.result() for f in children) if c]
    for child_id in made:
        assert stub.GetKey(keys_pb2.GetKeyRequest(id=child_id)).status == keys_pb2.KEY_STATUS_REVOKED
    listed = stub.ListKeys(
        keys_pb2.ListKeysRequest(
            organization_id=t.org, parent_key_id=parent.id, status=keys_pb2.KEY_STATUS_FILTER_ACTIVE
        )
    )
    assert not listed.keys


def test_the_python_client_derives_and_lists_children(server: ServerThread, t: Tenant) -> None:
    from keyturn.client import Client, KeyMetadata, RevokedKeyError

    with Client(server.address, token=server.admin_token) as keyturn:
        parent = keyturn.create_key(t.org, metadata=KeyMetadata(scopes=["read", "write"]))
        child = keyturn.create_key(t.org, parent_key_id=parent.key.id, metadata=KeyMetadata(scopes=["read"]))
        assert child.key.parent_key_id == parent.key.id
        assert [k.id for k in keyturn.list_keys(organization_id=t.org, parent_key_id=parent.key.id)] == [
            child.key.id
        ]
        keyturn.revoke_key(parent.key.id)
        with pytest.raises(RevokedKeyError):
            keyturn.validate_key(child.plaintext)
