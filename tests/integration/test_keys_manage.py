"""KeyService key management over a real server, on SQLite and PostgreSQL: CreateKey, GetKey,
ListKeys, UpdateKey, RotateKey, RevokeKey, DeleteKey; validation of every field,
cross-tenant refusals, pagination under concurrent inserts, one audit event per change, and
no plaintext anywhere in the database."""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import grpc
import pytest
from google.protobuf import duration_pb2, field_mask_pb2, struct_pb2, timestamp_pb2
from keyturn.v1 import keys_pb2, keys_pb2_grpc
from keyturn_server.store.db import sync_url
from sqlalchemy import Engine, create_engine, inspect, text

from tests.support import ServerThread, expect_error

INVALID = grpc.StatusCode.INVALID_ARGUMENT
NOT_FOUND = grpc.StatusCode.NOT_FOUND
PRECONDITION = grpc.StatusCode.FAILED_PRECONDITION


@pytest.fixture(scope="module")
def stub(grpc_channel: grpc.Channel) -> keys_pb2_grpc.KeyServiceStub:
    return keys_pb2_grpc.KeyServiceStub(grpc_channel)


@pytest.fixture(scope="module")
def db(server: ServerThread) -> Iterator[Engine]:
    engine = create_engine(sync_url(server.settings.database_url))
    yield engine
    engine.dispose()


@dataclass
class Tenant:
    org: keys_pb2.Organization
    project: keys_pb2.Project
    product: keys_pb2.Product


def tenant(stub: keys_pb2_grpc.KeyServiceStub) -> Tenant:
    org = stub.CreateOrganization(keys_pb2.CreateOrganizationRequest(name=f"org-{uuid.uuid4().hex[:10]}"))
    project = stub.CreateProject(keys_pb2.CreateProjectRequest(organization_id=org.id, name="v1"))
    product = stub.CreateProduct(keys_pb2.CreateProductRequest(organization_id=org.id, name="api"))
    stub.AddProductToProject(
        keys_pb2.AddProductToProjectRequest(product_id=product.id, project_id=project.id)
    )
    return Tenant(org, project, product)


@pytest.fixture
def t(stub: keys_pb2_grpc.KeyServiceStub) -> Tenant:
    return tenant(stub)


def ts(value: datetime) -> timestamp_pb2.Timestamp:
    stamp = timestamp_pb2.Timestamp()
    stamp.FromDatetime(value)
    return stamp


def dt(stamp: timestamp_pb2.Timestamp) -> datetime:
    return stamp.ToDatetime(tzinfo=UTC)


def dur(seconds: float) -> duration_pb2.Duration:
    d = duration_pb2.Duration()
    d.FromTimedelta(timedelta(seconds=seconds))
    return d


def struct(value: dict[str, Any]) -> struct_pb2.Struct:
    s = struct_pb2.Struct()
    s.update(value)
    return s


def full_metadata(name: str = "alice") -> keys_pb2.KeyMetadata:
    return keys_pb2.KeyMetadata(
        name=name,
        scopes=["read", "write"],
        rate_limit=keys_pb2.RateLimit(requests=100, window=keys_pb2.RATE_LIMIT_WINDOW_MINUTE),
        custom=struct({"user_id": "u_alice", "plan": "pro"}),
    )


def create(stub: keys_pb2_grpc.KeyServiceStub, t: Tenant, **fields: Any) -> keys_pb2.CreateKeyResponse:
    fields.setdefault("organization_id", t.org.id)
    return stub.CreateKey(keys_pb2.CreateKeyRequest(**fields))


def events(db: Engine, **where: str) -> list[dict[str, Any]]:
    clause = " AND ".join(f"{column} = :{column}" for column in where) or "1 = 1"
    with db.connect() as conn:
        rows = conn.execute(text(f"SELECT * FROM audit_event WHERE {clause} ORDER BY sequence"), where)
        out = []
        for row in rows:
            item = dict(row._mapping)
            if isinstance(item["changes"], str):
                item["changes"] = json.loads(item["changes"])
            out.append(item)
        return out


def changes(event: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    return {c["field"]: (c["old"], c["new"]) for c in event["changes"]}


# --- CreateKey / GetKey -----------------------------------------------------------------------


def test_create_key_returns_plaintext_once_and_the_resource(
    stub: keys_pb2_grpc.KeyServiceStub, t: Tenant, db: Engine
) -> None:
    before = datetime.now(UTC)
    created = create(
        stub,
        t,
        project_id=t.project.id,
        product_id=t.product.id,
        metadata=full_metadata(),
        allowed_cidrs=["10.1.2.3/8", "2001:db8::1/32", "192.168.1.7"],
        environment=keys_pb2.ENVIRONMENT_TEST,
        ttl=dur(3600),
    )
    key = created.key
    assert created.plaintext.startswith("kt_test_")
    assert key.start == created.plaintext[: len("kt_test_") + 4]
    assert key.organization_id == t.org.id
    assert key.project_id == t.project.id and key.product_id == t.product.id
    assert key.environment == keys_pb2.ENVIRONMENT_TEST
    assert key.status == keys_pb2.KEY_STATUS_ACTIVE
    assert key.metadata.name == "alice"
    assert list(key.metadata.scopes) == ["read", "write"]
    assert key.metadata.rate_limit.requests == 100
    assert key.metadata.rate_limit.window == keys_pb2.RATE_LIMIT_WINDOW_MINUTE
    assert dict(key.metadata.custom) == {"user_id": "u_alice", "plan": "pro"}
    assert list(key.allowed_cidrs) == ["10.0.0.0/8", "2001:db8::/32", "192.168.1.7/32"]
    assert before + timedelta(seconds=3590) < dt(key.expire_time) < before + timedelta(seconds=3610)
    assert key.use_count == 0 and not key.HasField("last_used_time") and not key.HasField("revoke_time")
    assert key.create_time == key.update_time
    assert stub.GetKey(keys_pb2.GetKeyRequest(id=key.id)) == key
    # The resource never carries the plaintext.
    assert created.plaintext not in str(stub.GetKey(keys_pb2.GetKeyRequest(id=key.id)))

    recorded = events(db, action="key.create", key_id=key.id)
    assert len(recorded) == 1
    event = recorded[0]
    assert (event["resource_type"], event["resource_id"]) == ("ApiKey", key.id)
    assert event["organization_id"] == t.org.id and event["project_id"] == t.project.id
    fields = changes(event)
    assert fields["metadata.name"] == (None, "alice")
    assert fields["metadata.scopes"] == (None, ["read", "write"])
    assert fields["metadata.rate_limit"] == (None, {"requests": 100, "window": "MINUTE"})
    assert fields["environment"] == (None, "test")
    assert fields["start"] == (None, key.start)


def test_create_key_defaults(stub: keys_pb2_grpc.KeyServiceStub, t: Tenant) -> None:
    created = create(stub, t)
    key = created.key
    assert created.plaintext.startswith("kt_live_")
    assert key.environment == keys_pb2.ENVIRONMENT_LIVE
    assert key.project_id == "" and key.product_id == ""
    assert not key.HasField("expire_time")
    assert not key.metadata.HasField("rate_limit")
    assert not key.metadata.scopes and not key.allowed_cidrs and not key.metadata.custom
    # Two keys never share a plaintext.
    assert create(stub, t).plaintext != created.plaintext


def test_create_key_with_product_only_and_project_only(stub: keys_pb2_grpc.KeyServiceStub, t: Tenant) -> None:
    assert create(stub, t, product_id=t.product.id).key.product_id == t.product.id
    assert create(stub, t, project_id=t.project.id).key.project_id == t.project.id


def _violations(stub: keys_pb2_grpc.KeyServiceStub, request: keys_pb2.CreateKeyRequest) -> list[str]:
    err = expect_error(lambda: stub.CreateKey(request), INVALID, "INVALID_ARGUMENT")
    return sorted(err.field_violations)


CUSTOM_TOO_BIG = {"blob": "x" * (16 * 1024)}


@pytest.mark.parametrize(
    "fields, expected",
    [
        ({"organization_id": ""}, ["organization_id"]),
        ({"organization_id": "not-a-uuid"}, ["organization_id"]),
        ({"project_id": "nope"}, ["project_id"]),
        ({"product_id": "12345678"}, ["product_id"]),
        ({"metadata": keys_pb2.KeyMetadata(name="x" * 201)}, ["metadata.name"]),
        ({"metadata": keys_pb2.KeyMetadata(scopes=["ok", "bad scope"])}, ["metadata.scopes[1]"]),
        ({"metadata": keys_pb2.KeyMetadata(scopes=["s" * 65])}, ["metadata.scopes[0]"]),
        ({"metadata": keys_pb2.KeyMetadata(scopes=[""])}, ["metadata.scopes[0]"]),
        ({"metadata": keys_pb2.KeyMetadata(scopes=[f"s{i}" for i in range(65)])}, ["metadata.scopes"]),
        (
            {"metadata": keys_pb2.KeyMetadata(rate_limit=keys_pb2.RateLimit(requests=0, window=1))},
            ["metadata.rate_limit.requests"],
        ),
        (
            {"metadata": keys_pb2.KeyMetadata(rate_limit=keys_pb2.RateLimit(requests=5))},
            ["metadata.rate_limit.window"],
        ),
        (
            {"metadata": keys_pb2.KeyMetadata(rate_limit=keys_pb2.RateLimit(requests=5, window=9))},  # type: ignore[arg-type]
            ["metadata.rate_limit.window"],
        ),
        ({"metadata": keys_pb2.KeyMetadata(custom=struct(CUSTOM_TOO_BIG))}, ["metadata.custom"]),
        ({"allowed_cidrs": ["10.0.0.0/8", "10.0.0.0/33"]}, ["allowed_cidrs[1]"]),
        ({"allowed_cidrs": ["not-an-ip"]}, ["allowed_cidrs[0]"]),
        ({"allowed_cidrs": [f"10.0.{i}.0/24" for i in range(65)]}, ["allowed_cidrs"]),
        ({"environment": 7}, ["environment"]),
        ({"expire_time": ts(datetime.now(UTC) - timedelta(seconds=1))}, ["expire_time"]),
        ({"expire_time": timestamp_pb2.Timestamp(seconds=-(10**12))}, ["expire_time"]),
        ({"ttl": dur(0)}, ["ttl"]),
        ({"ttl": dur(-5)}, ["ttl"]),
        ({"ttl": duration_pb2.Duration(seconds=300_000_000_000)}, ["ttl"]),
        (
            {"ttl": dur(60), "expire_time": ts(datetime.now(UTC) + timedelta(hours=1))},
            ["expire_time", "ttl"],
        ),
    ],
)
def test_create_key_validates_every_field(
    stub: keys_pb2_grpc.KeyServiceStub, t: Tenant, fields: dict[str, Any], expected: list[str]
) -> None:
    fields = {"organization_id": t.org.id, **fields}
    assert _violations(stub, keys_pb2.CreateKeyRequest(**fields)) == expected


def test_create_key_reports_all_bad_fields_at_once(stub: keys_pb2_grpc.KeyServiceStub) -> None:
    request = keys_pb2.CreateKeyRequest(
        organization_id="x",
        metadata=keys_pb2.KeyMetadata(name="n" * 300, scopes=["a b"]),
        allowed_cidrs=["nope"],
        ttl=dur(-1),
    )
    assert _violations(stub, request) == [
        "allowed_cidrs[0]",
        "metadata.name",
        "metadata.scopes[0]",
        "organization_id",
        "ttl",
    ]


def test_create_key_accepts_limits(stub: keys_pb2_grpc.KeyServiceStub, t: Tenant) -> None:
    custom = {"blob": "x" * (16 * 1024 - 20)}
    key = create(
        stub,
        t,
        metadata=keys_pb2.KeyMetadata(
            name="n" * 200,
            scopes=[f"s:{i}/x.*-_" for i in range(63)] + ["s:0/x.*-_"],  # a duplicate is dropped
            custom=struct(custom),
        ),
        allowed_cidrs=[f"10.0.{i}.0/24" for i in range(64)],
    ).key
    assert len(key.metadata.scopes) == 63
    assert len(key.allowed_cidrs) == 64
    assert dict(key.metadata.custom)["blob"] == custom["blob"]


def test_create_key_refuses_other_tenants_resources(
    stub: keys_pb2_grpc.KeyServiceStub, t: Tenant, db: Engine
) -> None:
    other = tenant(stub)
    err = expect_error(lambda: create(stub, t, project_id=other.project.id), INVALID, "INVALID_ARGUMENT")
    assert err.field_violations == ["project_id"]
    err = expect_error(lambda: create(stub, t, product_id=other.product.id), INVALID, "INVALID_ARGUMENT")
    assert err.field_violations == ["product_id"]
    expect_error(
        lambda: create(stub, t, project_id=t.project.id, product_id=other.product.id),
        INVALID,
        "INVALID_ARGUMENT",
    )
    # Same organization, but the product is not linked to the project.
    unlinked = stub.CreateProduct(keys_pb2.CreateProductRequest(organization_id=t.org.id, name="unlinked"))
    expect_error(
        lambda: create(stub, t, project_id=t.project.id, product_id=unlinked.id),
        PRECONDITION,
        "FAILED_PRECONDITION",
    )
    for field in ("organization_id", "project_id", "product_id"):
        err = expect_error(
            lambda field=field: create(stub, t, **{field: str(uuid.uuid4())}), NOT_FOUND, "NOT_FOUND"
        )
    with db.connect() as conn:
        count = conn.execute(
            text("SELECT count(*) FROM api_key WHERE organization_id = :o"), {"o": t.org.id}
        ).scalar()
    assert count == 0
    assert not events(db, action="key.create", organization_id=t.org.id)


def test_get_key_ids(stub: keys_pb2_grpc.KeyServiceStub) -> None:
    err = expect_error(
        lambda: stub.GetKey(keys_pb2.GetKeyRequest(id=str(uuid.uuid4()))), NOT_FOUND, "NOT_FOUND"
    )
    assert err.metadata["resourceType"] == "ApiKey"
    err = expect_error(
        lambda: stub.GetKey(keys_pb2.GetKeyRequest(id="kt_live_abc")), INVALID, "INVALID_ARGUMENT"
    )
    assert err.field_violations == ["id"]


# --- ListKeys ---------------------------------------------------------------------------------


def list_all(stub: keys_pb2_grpc.KeyServiceStub, page_size: int = 3, **fields: Any) -> list[keys_pb2.ApiKey]:
    out: list[keys_pb2.ApiKey] = []
    token = ""
    while True:
        page = stub.ListKeys(keys_pb2.ListKeysRequest(page_size=page_size, page_token=token, **fields))
        assert len(page.keys) <= page_size
        out += page.keys
        token = page.next_page_token
        if not token:
            return out


def test_list_keys_by_parent_newest_first(stub: keys_pb2_grpc.KeyServiceStub, t: Tenant) -> None:
    org_wide = [create(stub, t).key.id for _ in range(2)]
    in_project = [create(stub, t, project_id=t.project.id).key.id for _ in range(2)]
    in_product = [create(stub, t, product_id=t.product.id).key.id for _ in range(2)]
    both = create(stub, t, project_id=t.project.id, product_id=t.product.id).key.id
    everything = [*org_wide, *in_project, *in_product, both]
    assert [k.id for k in list_all(stub, organization_id=t.org.id)] == everything[::-1]
    assert [k.id for k in list_all(stub, project_id=t.project.id)] == [*in_project, both][::-1]
    assert [k.id for k in list_all(stub, product_id=t.product.id)] == [*in_product, both][::-1]
    # Default page size returns all here; page_size above 1000 is capped, not refused.
    assert len(stub.ListKeys(keys_pb2.ListKeysRequest(organization_id=t.org.id, page_size=5000)).keys) == 7
    assert len(stub.ListKeys(keys_pb2.ListKeysRequest(organization_id=t.org.id)).keys) == 7
    # Another tenant's keys never show up.
    other = tenant(stub)
    create(stub, other)
    assert len(list_all(stub, organization_id=t.org.id)) == 7


def test_list_keys_status_and_time_filters(stub: keys_pb2_grpc.KeyServiceStub, t: Tenant, db: Engine) -> None:
    now = datetime.now(UTC)
    active = create(stub, t).key
    soon = create(stub, t, expire_time=ts(now + timedelta(hours=1))).key
    later = create(stub, t, expire_time=ts(now + timedelta(days=30))).key
    revoked = create(stub, t).key
    stub.RevokeKey(keys_pb2.RevokeKeyRequest(id=revoked.id))
    # Rotation with a zero grace period expires the old key at once.
    rotated = create(stub, t).key
    successor = stub.RotateKey(keys_pb2.RotateKeyRequest(id=rotated.id, grace_period=dur(0))).key

    def ids(**fields: Any) -> set[str]:
        return {k.id for k in list_all(stub, organization_id=t.org.id, **fields)}

    all_ids = {active.id, soon.id, later.id, revoked.id, rotated.id, successor.id}
    assert ids() == all_ids
    assert ids(status=keys_pb2.KEY_STATUS_FILTER_ALL) == all_ids
    assert ids(status=keys_pb2.KEY_STATUS_FILTER_ACTIVE) == {active.id, soon.id, later.id, successor.id}
    assert ids(status=keys_pb2.KEY_STATUS_FILTER_REVOKED) == {revoked.id}
    assert ids(status=keys_pb2.KEY_STATUS_FILTER_EXPIRED) == {rotated.id}
    for key in list_all(stub, organization_id=t.org.id, status=keys_pb2.KEY_STATUS_FILTER_EXPIRED):
        assert key.status == keys_pb2.KEY_STATUS_EXPIRED
    assert ids(expire_before=ts(now + timedelta(days=1))) == {soon.id, rotated.id}
    assert ids(expire_before=ts(now + timedelta(days=1)), status=keys_pb2.KEY_STATUS_FILTER_ACTIVE) == {
        soon.id
    }

    # not_used_since: never-used keys count as not used.
    with db.begin() as conn:
        conn.execute(
            text("UPDATE api_key SET last_used_time = :t WHERE id = :id"),
            {
                "t": (now - timedelta(days=10)).replace(tzinfo=None)
                if "sqlite" in str(db.url)
                else now - timedelta(days=10),
                "id": active.id,
            },
        )
        conn.execute(
            text("UPDATE api_key SET last_used_time = :t WHERE id = :id"),
            {"t": now.replace(tzinfo=None) if "sqlite" in str(db.url) else now, "id": later.id},
        )
    assert ids(not_used_since=ts(now - timedelta(days=1))) == all_ids - {later.id}
    assert ids(not_used_since=ts(now - timedelta(days=30))) == all_ids - {later.id, active.id}


def test_list_keys_request_validation(stub: keys_pb2_grpc.KeyServiceStub, t: Tenant) -> None:
    err = expect_error(lambda: stub.ListKeys(keys_pb2.ListKeysRequest()), INVALID, "INVALID_ARGUMENT")
    assert err.field_violations == ["parent"]
    # `parent` is a oneof: an empty id still selects its member, and is refused as that field.
    err = expect_error(
        lambda: stub.ListKeys(keys_pb2.ListKeysRequest(organization_id="")), INVALID, "INVALID_ARGUMENT"
    )
    assert err.field_violations == ["organization_id"]
    err = expect_error(
        lambda: stub.ListKeys(keys_pb2.ListKeysRequest(project_id="x")), INVALID, "INVALID_ARGUMENT"
    )
    assert err.field_violations == ["project_id"]
    err = expect_error(
        lambda: stub.ListKeys(keys_pb2.ListKeysRequest(organization_id=t.org.id, status=42)),  # type: ignore[arg-type]
        INVALID,
        "INVALID_ARGUMENT",
    )
    assert err.field_violations == ["status"]
    err = expect_error(
        lambda: stub.ListKeys(keys_pb2.ListKeysRequest(organization_id=t.org.id, page_size=-3)),
        INVALID,
        "INVALID_ARGUMENT",
    )
    assert err.field_violations == ["page_size"]
    for parent in ("organization_id", "project_id", "product_id"):
        expect_error(
            lambda parent=parent: stub.ListKeys(keys_pb2.ListKeysRequest(**{parent: str(uuid.uuid4())})),
            NOT_FOUND,
            "NOT_FOUND",
        )


def test_page_tokens_are_bound_to_their_filters(stub: keys_pb2_grpc.KeyServiceStub, t: Tenant) -> None:
    for _ in range(3):
        create(stub, t, project_id=t.project.id)
    first = stub.ListKeys(keys_pb2.ListKeysRequest(organization_id=t.org.id, page_size=1))
    token = first.next_page_token
    assert token
    # The same filters continue the listing.
    assert stub.ListKeys(
        keys_pb2.ListKeysRequest(organization_id=t.org.id, page_size=1, page_token=token)
    ).keys
    # Any other filter, or another parent, is refused.
    for other in (
        keys_pb2.ListKeysRequest(
            organization_id=t.org.id, page_token=token, status=keys_pb2.KEY_STATUS_FILTER_ACTIVE
        ),
        keys_pb2.ListKeysRequest(project_id=t.project.id, page_token=token),
        keys_pb2.ListKeysRequest(organization_id=tenant(stub).org.id, page_token=token),
        keys_pb2.ListKeysRequest(
            organization_id=t.org.id, page_token=token, expire_before=ts(datetime.now(UTC))
        ),
        keys_pb2.ListKeysRequest(
            organization_id=t.org.id, page_token=token, not_used_since=ts(datetime.now(UTC))
        ),
    ):
        err = expect_error(lambda other=other: stub.ListKeys(other), INVALID, "INVALID_ARGUMENT")
        assert err.field_violations == ["page_token"]
    for garbage in ("x", "!!!", token[:-4], "eyJ2IjogMn0"):
        expect_error(
            lambda garbage=garbage: stub.ListKeys(
                keys_pb2.ListKeysRequest(organization_id=t.org.id, page_token=garbage)
            ),
            INVALID,
            "INVALID_ARGUMENT",
        )


def test_pagination_has_no_duplicates_or_gaps_during_inserts(
    stub: keys_pb2_grpc.KeyServiceStub, t: Tenant
) -> None:
    existing = {create(stub, t).key.id for _ in range(25)}
    stop = threading.Event()
    created_meanwhile: list[str] = []

    def writer() -> None:
        while not stop.is_set() and len(created_meanwhile) < 60:
            created_meanwhile.append(create(stub, t).key.id)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        seen: list[keys_pb2.ApiKey] = []
        token = ""
        while True:
            page = stub.ListKeys(
                keys_pb2.ListKeysRequest(organization_id=t.org.id, page_size=3, page_token=token)
            )
            seen += page.keys
            token = page.next_page_token
            time.sleep(0.01)
            if not token:
                break
    finally:
        stop.set()
        thread.join()
    ids = [k.id for k in seen]
    assert len(ids) == len(set(ids)), "duplicates"
    assert existing <= set(ids), "gaps"
    assert set(ids) <= existing | set(created_meanwhile)
    order = [(dt(k.create_time), k.id) for k in seen]
    assert order == sorted(order, reverse=True)


# --- UpdateKey --------------------------------------------------------------------------------


def update(stub: keys_pb2_grpc.KeyServiceStub, key: keys_pb2.ApiKey, paths: list[str]) -> keys_pb2.ApiKey:
    return stub.UpdateKey(
        keys_pb2.UpdateKeyRequest(key=key, update_mask=field_mask_pb2.FieldMask(paths=paths))
    )


def test_update_key_replaces_only_masked_fields(
    stub: keys_pb2_grpc.KeyServiceStub, t: Tenant, db: Engine
) -> None:
    original = create(stub, t, metadata=full_metadata(), allowed_cidrs=["10.0.0.0/8"]).key
    time.sleep(0.01)
    patch = keys_pb2.ApiKey(
        id=original.id,
        metadata=keys_pb2.KeyMetadata(name="renamed", scopes=["admin"]),
        allowed_cidrs=["192.168.0.0/16"],
        start="ignored",
        organization_id="ignored",
    )
    updated = update(stub, patch, ["metadata.name"])
    assert updated.metadata.name == "renamed"
    assert list(updated.metadata.scopes) == ["read", "write"]
    assert list(updated.allowed_cidrs) == ["10.0.0.0/8"]
    assert updated.start == original.start and updated.organization_id == original.organization_id
    assert dt(updated.update_time) > dt(original.update_time)
    assert updated.create_time == original.create_time

    updated = update(stub, patch, ["metadata.scopes", "allowed_cidrs"])
    assert list(updated.metadata.scopes) == ["admin"] and list(updated.allowed_cidrs) == ["192.168.0.0/16"]
    assert updated.metadata.rate_limit.requests == 100

    # A listed field left empty clears it; `metadata` stands for all four metadata fields.
    cleared = update(stub, keys_pb2.ApiKey(id=original.id), ["metadata"])
    assert cleared.metadata.name == "" and not cleared.metadata.scopes
    assert not cleared.metadata.HasField("rate_limit") and not cleared.metadata.custom
    assert list(cleared.allowed_cidrs) == ["192.168.0.0/16"]

    expiry = datetime.now(UTC).replace(microsecond=0) + timedelta(days=2)
    with_expiry = update(stub, keys_pb2.ApiKey(id=original.id, expire_time=ts(expiry)), ["expire_time"])
    assert dt(with_expiry.expire_time) == expiry
    assert not update(stub, keys_pb2.ApiKey(id=original.id), ["expire_time"]).HasField("expire_time")
    assert stub.GetKey(keys_pb2.GetKeyRequest(id=original.id)).metadata.name == ""

    updates = events(db, action="key.update", key_id=original.id)
    assert len(updates) == 5
    assert changes(updates[0]) == {"metadata.name": ("alice", "renamed")}
    assert changes(updates[1]) == {
        "metadata.scopes": (["read", "write"], ["admin"]),
        "allowed_cidrs": (["10.0.0.0/8"], ["192.168.0.0/16"]),
    }
    assert set(changes(updates[2])) == {
        "metadata.name",
        "metadata.scopes",
        "metadata.rate_limit",
        "metadata.custom",
    }
    assert changes(updates[2])["metadata.rate_limit"] == ({"requests": 100, "window": "MINUTE"}, None)
    assert changes(updates[4])["expire_time"][1] is None


def test_update_key_validation(stub: keys_pb2_grpc.KeyServiceStub, t: Tenant) -> None:
    key = create(stub, t).key
    for paths in (["name"], ["metadata.name", "start"], ["status"], ["*"], ["organization_id"], []):
        err = expect_error(lambda paths=paths: update(stub, key, paths), INVALID, "INVALID_ARGUMENT")
        assert "update_mask" in err.field_violations, paths
    bad = keys_pb2.ApiKey(
        id=key.id,
        metadata=keys_pb2.KeyMetadata(
            scopes=["no spaces"], rate_limit=keys_pb2.RateLimit(requests=-1, window=2)
        ),
        allowed_cidrs=["300.0.0.0/8"],
        expire_time=ts(datetime.now(UTC) - timedelta(minutes=1)),
    )
    err = expect_error(
        lambda: update(stub, bad, ["metadata.scopes", "metadata.rate_limit", "allowed_cidrs", "expire_time"]),
        INVALID,
        "INVALID_ARGUMENT",
    )
    assert sorted(err.field_violations) == [
        "allowed_cidrs[0]",
        "key.expire_time",
        "metadata.rate_limit.requests",
        "metadata.scopes[0]",
    ]
    expect_error(
        lambda: update(stub, keys_pb2.ApiKey(id="bad"), ["metadata.name"]), INVALID, "INVALID_ARGUMENT"
    )
    expect_error(
        lambda: update(stub, keys_pb2.ApiKey(id=str(uuid.uuid4())), ["metadata.name"]), NOT_FOUND, "NOT_FOUND"
    )


def test_revoked_key_cannot_be_updated(stub: keys_pb2_grpc.KeyServiceStub, t: Tenant, db: Engine) -> None:
    key = create(stub, t, metadata=full_metadata()).key
    stub.RevokeKey(keys_pb2.RevokeKeyRequest(id=key.id))
    patch = keys_pb2.ApiKey(id=key.id, metadata=keys_pb2.KeyMetadata(name="again"))
    expect_error(lambda: update(stub, patch, ["metadata.name"]), PRECONDITION, "FAILED_PRECONDITION")
    expect_error(lambda: update(stub, patch, ["expire_time"]), PRECONDITION, "FAILED_PRECONDITION")
    after = stub.GetKey(keys_pb2.GetKeyRequest(id=key.id))
    assert after.metadata.name == "alice" and after.status == keys_pb2.KEY_STATUS_REVOKED
    assert not events(db, action="key.update", key_id=key.id)


# --- RotateKey --------------------------------------------------------------------------------


def test_rotate_key_inherits_settings_and_links(
    stub: keys_pb2_grpc.KeyServiceStub, t: Tenant, db: Engine
) -> None:
    expiry = datetime.now(UTC).replace(microsecond=0) + timedelta(days=7)
    old = create(
        stub,
        t,
        project_id=t.project.id,
        product_id=t.product.id,
        metadata=full_metadata(),
        allowed_cidrs=["10.0.0.0/8"],
        environment=keys_pb2.ENVIRONMENT_TEST,
        expire_time=ts(expiry),
    )
    before = datetime.now(UTC)
    rotated = stub.RotateKey(keys_pb2.RotateKeyRequest(id=old.key.id))
    new, previous = rotated.key, rotated.previous_key
    assert rotated.plaintext and rotated.plaintext != old.plaintext
    assert rotated.plaintext.startswith("kt_test_")
    assert new.id != old.key.id
    for field in ("organization_id", "project_id", "product_id", "environment", "metadata", "allowed_cidrs"):
        assert getattr(new, field) == getattr(old.key, field), field
    assert dt(new.expire_time) == expiry, "the successor inherits the old key's expire_time"
    assert new.rotated_from_key_id == old.key.id and previous.replaced_by_key_id == new.id
    assert new.status == previous.status == keys_pb2.KEY_STATUS_ACTIVE
    grace_end = dt(previous.expire_time)
    assert (
        before + timedelta(hours=24) - timedelta(seconds=5)
        <= grace_end
        <= datetime.now(UTC) + timedelta(hours=24)
    )
    assert stub.GetKey(keys_pb2.GetKeyRequest(id=old.key.id)) == previous

    # The old key keeps working during the grace period; the new one works too.
    for plaintext in (old.plaintext, rotated.plaintext):
        ok = stub.ValidateKey(
            keys_pb2.ValidateKeyRequest(plaintext=plaintext, client_ip="10.1.1.1", skip_usage=True)
        )
        assert ok.key.status == keys_pb2.KEY_STATUS_ACTIVE

    recorded = events(db, action="key.rotate", key_id=old.key.id)
    assert len(recorded) == 1
    assert changes(recorded[0])["replaced_by_key_id"] == (None, new.id)
    assert changes(recorded[0])["expire_time"][0].startswith(expiry.strftime("%Y-%m-%dT%H:%M:%S"))

    # Rotating again is refused: rotate the successor instead.
    expect_error(
        lambda: stub.RotateKey(keys_pb2.RotateKeyRequest(id=old.key.id)), PRECONDITION, "FAILED_PRECONDITION"
    )
    third = stub.RotateKey(keys_pb2.RotateKeyRequest(id=new.id, grace_period=dur(60)))
    assert third.key.rotated_from_key_id == new.id


def test_rotation_grace_never_extends_expiry(stub: keys_pb2_grpc.KeyServiceStub, t: Tenant) -> None:
    expiry = datetime.now(UTC).replace(microsecond=0) + timedelta(hours=1)
    old = create(stub, t, expire_time=ts(expiry)).key
    rotated = stub.RotateKey(keys_pb2.RotateKeyRequest(id=old.id, grace_period=dur(48 * 3600)))
    assert dt(rotated.previous_key.expire_time) == expiry
    assert dt(rotated.key.expire_time) == expiry


def test_rotation_with_zero_grace_stops_the_old_key_now(
    stub: keys_pb2_grpc.KeyServiceStub, t: Tenant
) -> None:
    old = create(stub, t)
    rotated = stub.RotateKey(keys_pb2.RotateKeyRequest(id=old.key.id, grace_period=dur(0)))
    assert rotated.previous_key.status == keys_pb2.KEY_STATUS_EXPIRED
    assert not rotated.key.HasField("expire_time")
    expect_error(
        lambda: stub.ValidateKey(keys_pb2.ValidateKeyRequest(plaintext=old.plaintext)),
        grpc.StatusCode.UNAUTHENTICATED,
        "KEY_EXPIRED",
    )
    stub.ValidateKey(keys_pb2.ValidateKeyRequest(plaintext=rotated.plaintext))
    # An expired key cannot be rotated.
    expect_error(
        lambda: stub.RotateKey(keys_pb2.RotateKeyRequest(id=old.key.id)), PRECONDITION, "FAILED_PRECONDITION"
    )


def test_rotate_key_refusals(stub: keys_pb2_grpc.KeyServiceStub, t: Tenant) -> None:
    key = create(stub, t).key
    err = expect_error(
        lambda: stub.RotateKey(keys_pb2.RotateKeyRequest(id=key.id, grace_period=dur(-1))),
        INVALID,
        "INVALID_ARGUMENT",
    )
    assert err.field_violations == ["grace_period"]
    expect_error(lambda: stub.RotateKey(keys_pb2.RotateKeyRequest(id="x")), INVALID, "INVALID_ARGUMENT")
    expect_error(
        lambda: stub.RotateKey(keys_pb2.RotateKeyRequest(id=str(uuid.uuid4()))), NOT_FOUND, "NOT_FOUND"
    )
    stub.RevokeKey(keys_pb2.RevokeKeyRequest(id=key.id))
    expect_error(
        lambda: stub.RotateKey(keys_pb2.RotateKeyRequest(id=key.id)), PRECONDITION, "FAILED_PRECONDITION"
    )


# --- RevokeKey / DeleteKey --------------------------------------------------------------------


def test_revoke_is_soft_and_idempotent(stub: keys_pb2_grpc.KeyServiceStub, t: Tenant, db: Engine) -> None:
    created = create(stub, t)
    first = stub.RevokeKey(keys_pb2.RevokeKeyRequest(id=created.key.id, reason="leaked in a log"))
    assert first.status == keys_pb2.KEY_STATUS_REVOKED
    assert first.revoke_reason == "leaked in a log" and first.HasField("revoke_time")
    time.sleep(0.01)
    second = stub.RevokeKey(keys_pb2.RevokeKeyRequest(id=created.key.id, reason="another reason"))
    assert second.revoke_time == first.revoke_time and second.revoke_reason == "leaked in a log"
    assert stub.GetKey(keys_pb2.GetKeyRequest(id=created.key.id)) == second
    expect_error(
        lambda: stub.ValidateKey(keys_pb2.ValidateKeyRequest(plaintext=created.plaintext)),
        grpc.StatusCode.PERMISSION_DENIED,
        "KEY_REVOKED",
    )
    recorded = events(db, action="key.revoke", key_id=created.key.id)
    assert len(recorded) == 1, "a repeated revoke changes nothing and records nothing"
    assert recorded[0]["reason"] == "leaked in a log"
    err = expect_error(
        lambda: stub.RevokeKey(keys_pb2.RevokeKeyRequest(id=created.key.id, reason="r" * 501)),
        INVALID,
        "INVALID_ARGUMENT",
    )
    assert err.field_violations == ["reason"]
    expect_error(
        lambda: stub.RevokeKey(keys_pb2.RevokeKeyRequest(id=str(uuid.uuid4()))), NOT_FOUND, "NOT_FOUND"
    )


def test_concurrent_revokes_keep_the_first(stub: keys_pb2_grpc.KeyServiceStub, t: Tenant, db: Engine) -> None:
    key = create(stub, t).key
    barrier = threading.Barrier(8)
    results: list[keys_pb2.ApiKey] = []

    def revoke(i: int) -> None:
        barrier.wait()
        results.append(stub.RevokeKey(keys_pb2.RevokeKeyRequest(id=key.id, reason=f"r{i}"), timeout=60))

    threads = [threading.Thread(target=revoke, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({(r.revoke_time.seconds, r.revoke_time.nanos, r.revoke_reason) for r in results}) == 1
    assert len(events(db, action="key.revoke", key_id=key.id)) == 1


def test_delete_key_erases_row_and_counters_keeps_history(
    stub: keys_pb2_grpc.KeyServiceStub, t: Tenant, db: Engine
) -> None:
    created = create(
        stub,
        t,
        metadata=keys_pb2.KeyMetadata(
            rate_limit=keys_pb2.RateLimit(requests=10, window=keys_pb2.RATE_LIMIT_WINDOW_DAY)
        ),
    )
    key_id = created.key.id
    stub.ValidateKey(keys_pb2.ValidateKeyRequest(plaintext=created.plaintext))
    with db.begin() as conn:
        conn.execute(
            text("INSERT INTO rate_limit_counter (key_id, window_start, count) VALUES (:k, 0, 3)"),
            {"k": key_id},
        )
    stub.DeleteKey(keys_pb2.DeleteKeyRequest(id=key_id))
    expect_error(lambda: stub.GetKey(keys_pb2.GetKeyRequest(id=key_id)), NOT_FOUND, "NOT_FOUND")
    expect_error(
        lambda: stub.ValidateKey(keys_pb2.ValidateKeyRequest(plaintext=created.plaintext)),
        grpc.StatusCode.UNAUTHENTICATED,
        "KEY_INVALID",
    )
    with db.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM api_key WHERE id = :k"), {"k": key_id}).scalar() == 0
        assert (
            conn.execute(
                text("SELECT count(*) FROM rate_limit_counter WHERE key_id = :k"), {"k": key_id}
            ).scalar()
            == 0
        )
    assert [e["action"] for e in events(db, key_id=key_id) if e["action"] != "key.validate"] == [
        "key.create",
        "key.delete",
    ]
    expect_error(lambda: stub.DeleteKey(keys_pb2.DeleteKeyRequest(id=key_id)), NOT_FOUND, "NOT_FOUND")
    expect_error(lambda: stub.DeleteKey(keys_pb2.DeleteKeyRequest(id="")), INVALID, "INVALID_ARGUMENT")


# --- Audit and secrets ------------------------------------------------------------------------


def test_each_action_writes_exactly_one_event(
    stub: keys_pb2_grpc.KeyServiceStub, t: Tenant, db: Engine
) -> None:
    key = create(stub, t).key
    update(stub, keys_pb2.ApiKey(id=key.id, metadata=keys_pb2.KeyMetadata(name="x")), ["metadata.name"])
    successor = stub.RotateKey(keys_pb2.RotateKeyRequest(id=key.id)).key
    stub.RevokeKey(keys_pb2.RevokeKeyRequest(id=successor.id))
    stub.DeleteKey(keys_pb2.DeleteKeyRequest(id=successor.id))
    management = [
        e
        for e in events(db, organization_id=t.org.id)
        if e["action"].startswith(("key.", "project.", "product."))
    ]
    management = [e for e in management if e["action"] != "key.validate"]
    assert [e["action"] for e in management] == [
        "project.create",
        "product.create",
        "product.link",
        "key.create",
        "key.update",
        "key.rotate",
        "key.revoke",
        "key.delete",
    ]
    for event in management:
        assert event["outcome"] == "SUCCESS"
        assert event["actor"]
        assert event["request_id"]


def _database_text(db: Engine) -> str:
    parts: list[str] = []
    with db.connect() as conn:
        for table in inspect(db).get_table_names():
            for row in conn.execute(text(f'SELECT * FROM "{table}"')):
                parts.append(repr(tuple(row)))
    return "\n".join(parts)


def test_no_plaintext_key_is_ever_stored_or_logged(
    stub: keys_pb2_grpc.KeyServiceStub,
    t: Tenant,
    db: Engine,
    server: ServerThread,
    log_records: pytest.LogCaptureFixture,
) -> None:
    first = create(stub, t, project_id=t.project.id, product_id=t.product.id, metadata=full_metadata())
    stub.ValidateKey(keys_pb2.ValidateKeyRequest(plaintext=first.plaintext, product_id=t.product.id))
    update(stub, keys_pb2.ApiKey(id=first.key.id, metadata=keys_pb2.KeyMetadata(name="n")), ["metadata.name"])
    rotated = stub.RotateKey(keys_pb2.RotateKeyRequest(id=first.key.id))
    stub.ValidateKey(keys_pb2.ValidateKeyRequest(plaintext=rotated.plaintext))
    stub.RevokeKey(keys_pb2.RevokeKeyRequest(id=first.key.id, reason="rotated"))
    third = create(stub, t)
    stub.DeleteKey(keys_pb2.DeleteKeyRequest(id=third.key.id))
    time.sleep(0.5)  # let background writers (usage, access events) flush

    dump = _database_text(db)
    for plaintext in (first.plaintext, rotated.plaintext, third.plaintext):
        body = plaintext.split("_", 2)[2]
        assert plaintext not in dump
        assert body not in dump
        assert body[:20] not in dump
    if server.settings.database_url.startswith("sqlite"):
        path = Path(server.settings.database_url.split("///", 1)[1])
        raw = b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))
        for plaintext in (first.plaintext, rotated.plaintext, third.plaintext):
            assert plaintext.split("_", 2)[2][:20].encode() not in raw
    logged = log_records.text
    assert logged, "the server logs one line per RPC"
    for plaintext in (first.plaintext, rotated.plaintext, third.plaintext):
        assert plaintext.split("_", 2)[2][:20] not in logged
