"""Rotation policies on API keys: next_rotation_time, the ListKeys filter, AUTOMATIC rotation
by the scheduler job (exactly once, inheriting settings, never extending the expiry), REMIND
reminders and expiry, policy defaults, UpdateKey's `rotation` path and bad input.

Time is driven explicitly: the job (KeyRotation.run_due) is called with chosen `now` values
through the server's loop; nothing sleeps through a period."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import grpc
import pytest
from google.protobuf import duration_pb2, field_mask_pb2, struct_pb2, timestamp_pb2
from keyturn.v1 import keys_pb2, keys_pb2_grpc, rotation_pb2
from keyturn_server.domain.key_policy import KeyPolicy, RotationSpec
from keyturn_server.store.db import sync_url
from keyturn_server.store.key_policies import save_policy
from sqlalchemy import Engine, create_engine, text

from tests.integration.test_keys_manage import Tenant, tenant
from tests.support import ServerThread, expect_error

INVALID = grpc.StatusCode.INVALID_ARGUMENT
HOUR = timedelta(hours=1)


@pytest.fixture(scope="module")
def stub(grpc_channel: grpc.Channel) -> keys_pb2_grpc.KeyServiceStub:
    return keys_pb2_grpc.KeyServiceStub(grpc_channel)


@pytest.fixture(scope="module")
def db(server: ServerThread) -> Iterator[Engine]:
    engine = create_engine(sync_url(server.settings.database_url))
    yield engine
    engine.dispose()


def policy(mode: int, period: timedelta, grace: timedelta | None = None) -> rotation_pb2.KeyRotationPolicy:
    message = rotation_pb2.KeyRotationPolicy(mode=mode)  # type: ignore[arg-type]
    message.rotation_period.FromTimedelta(period)
    if grace is not None:
        message.grace_period.FromTimedelta(grace)
    return message


AUTOMATIC = rotation_pb2.ROTATION_MODE_AUTOMATIC
REMIND = rotation_pb2.ROTATION_MODE_REMIND


def when(stamp: timestamp_pb2.Timestamp) -> datetime:
    return stamp.ToDatetime(tzinfo=UTC)


def ts(value: datetime) -> timestamp_pb2.Timestamp:
    stamp = timestamp_pb2.Timestamp()
    stamp.FromDatetime(value)
    return stamp


def run_job(server: ServerThread, now: datetime) -> tuple[int, int]:
    c = server.container
    result: tuple[int, int] = server.call(c.key_rotation.run_due(c.keys, c.key_events, now))
    return result


def events(db: Engine, key_id: str) -> list[dict[str, Any]]:
    """The key's events, leaving out the EXPIRING/EXPIRED warnings the server's own expiry job
    may write meanwhile (keys here expire within its lead times)."""
    with db.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT type, actor, data FROM key_event WHERE key_id = :k"
                " AND type NOT IN ('EXPIRING', 'EXPIRED') ORDER BY sequence"
            ),
            {"k": key_id},
        )
        out = []
        for row in rows:
            item = dict(row._mapping)
            if isinstance(item["data"], str):
                item["data"] = json.loads(item["data"])
            out.append(item)
        return out


def create(stub: keys_pb2_grpc.KeyServiceStub, t: Tenant, **fields: Any) -> keys_pb2.CreateKeyResponse:
    request = keys_pb2.CreateKeyRequest(organization_id=t.org.id, project_id=t.project.id, **fields)
    return stub.CreateKey(request)  # type: ignore[no-any-return]


def test_next_rotation_time_and_list_filter(stub: keys_pb2_grpc.KeyServiceStub) -> None:
    t = tenant(stub)
    created = create(stub, t, rotation=policy(REMIND, 2 * HOUR, HOUR)).key
    plain = create(stub, t).key
    issued = when(created.create_time)
    assert when(created.next_rotation_time) == issued + 2 * HOUR
    assert created.rotation.mode == REMIND
    assert created.rotation.grace_period.ToTimedelta() == HOUR
    assert not plain.HasField("next_rotation_time") and not plain.HasField("rotation")
    # REMIND: the key expires at due + grace unless rotated.
    assert when(created.expire_time) == issued + 3 * HOUR

    def listed(before: datetime) -> list[str]:
        request = keys_pb2.ListKeysRequest(organization_id=t.org.id, next_rotation_before=ts(before))
        return [k.id for k in stub.ListKeys(request).keys]

    assert listed(issued + 2 * HOUR + timedelta(seconds=1)) == [created.id]
    assert listed(issued + HOUR) == []
    assert stub.GetKey(keys_pb2.GetKeyRequest(id=created.id)).next_rotation_time == created.next_rotation_time


def test_automatic_rotation_inherits_and_happens_once(
    stub: keys_pb2_grpc.KeyServiceStub, server: ServerThread, db: Engine
) -> None:
    t = tenant(stub)
    custom = struct_pb2.Struct()
    custom.update({"plan": "pro"})
    metadata = keys_pb2.KeyMetadata(
        name="billing",
        scopes=["read", "write"],
        rate_limit=keys_pb2.RateLimit(requests=50, window=keys_pb2.RATE_LIMIT_WINDOW_MINUTE),
        custom=custom,
    )
    created = create(
        stub,
        t,
        product_id=t.product.id,
        metadata=metadata,
        allowed_cidrs=["10.0.0.0/8"],
        ttl=duration_pb2.Duration(seconds=int((5 * HOUR).total_seconds())),
        rotation=policy(AUTOMATIC, 2 * HOUR, HOUR),
        recoverable=True,
    )
    old = created.key
    issued = when(old.create_time)
    cap = when(old.expire_time)

    run_job(server, issued + HOUR)  # not due yet
    assert not stub.GetKey(keys_pb2.GetKeyRequest(id=old.id)).replaced_by_key_id
    now = issued + 2 * HOUR + timedelta(minutes=1)
    assert run_job(server, now)[0] >= 1
    assert run_job(server, now)[0] == 0  # a re-run changes nothing
    assert run_job(server, now + timedelta(minutes=5))[0] == 0

    previous = stub.GetKey(keys_pb2.GetKeyRequest(id=old.id))
    assert previous.replaced_by_key_id
    assert when(previous.expire_time) == now + HOUR  # works for the grace, then expires
    assert not previous.HasField("next_rotation_time")
    successor = stub.GetKey(keys_pb2.GetKeyRequest(id=previous.replaced_by_key_id))
    assert successor.rotated_from_key_id == old.id
    assert successor.metadata == old.metadata
    assert list(successor.allowed_cidrs) == ["10.0.0.0/8"]
    assert successor.product_id == t.product.id and successor.project_id == t.project.id
    assert successor.recoverable and successor.rotation == old.rotation
    assert when(successor.next_rotation_time) == now + 2 * HOUR
    assert when(successor.expire_time) == cap  # the expiry cap is never extended

    old_events = events(db, old.id)
    rotated = [e for e in old_events if e["type"] == "ROTATED"]
    assert len(rotated) == 1 and rotated[0]["actor"] == "system"
    assert rotated[0]["data"]["successor_key_id"] == successor.id
    new_events = events(db, successor.id)
    assert [(e["type"], e["actor"]) for e in new_events] == [("CREATED", "system")]

    # The holder picks the new plaintext up with RevealKey; it validates, the old one too (grace).
    revealed = stub.RevealKey(keys_pb2.RevealKeyRequest(id=successor.id))
    assert revealed.plaintext != created.plaintext
    ok = stub.ValidateKey(keys_pb2.ValidateKeyRequest(plaintext=revealed.plaintext, client_ip="10.1.2.3"))
    assert ok.key.id == successor.id

    # The successor rotates in turn when due, again exactly once.
    later = now + 2 * HOUR + timedelta(minutes=1)
    assert run_job(server, later)[0] >= 1
    third = stub.GetKey(keys_pb2.GetKeyRequest(id=successor.id)).replaced_by_key_id
    assert third
    assert when(stub.GetKey(keys_pb2.GetKeyRequest(id=third)).expire_time) == cap


def test_automatic_rotation_skips_revoked_and_expired_keys(
    stub: keys_pb2_grpc.KeyServiceStub, server: ServerThread
) -> None:
    t = tenant(stub)
    revoked = create(stub, t, rotation=policy(AUTOMATIC, HOUR), recoverable=True).key
    stub.RevokeKey(keys_pb2.RevokeKeyRequest(id=revoked.id))
    expiring = create(
        stub,
        t,
        rotation=policy(AUTOMATIC, 2 * HOUR),
        recoverable=True,
        ttl=duration_pb2.Duration(seconds=3600),
    ).key
    run_job(server, when(revoked.create_time) + 3 * HOUR)
    assert not stub.GetKey(keys_pb2.GetKeyRequest(id=revoked.id)).replaced_by_key_id
    assert not stub.GetKey(keys_pb2.GetKeyRequest(id=expiring.id)).replaced_by_key_id


def test_remind_emits_rotation_due_twice_and_expires(
    stub: keys_pb2_grpc.KeyServiceStub, server: ServerThread, db: Engine
) -> None:
    t = tenant(stub)
    key = create(stub, t, rotation=policy(REMIND, 2 * HOUR, HOUR)).key
    issued = when(key.create_time)
    run_job(server, issued + HOUR)
    assert [e["type"] for e in events(db, key.id)] == ["CREATED"]
    run_job(server, issued + 2 * HOUR + timedelta(minutes=1))
    run_job(server, issued + 2 * HOUR + timedelta(minutes=2))  # re-run: no duplicate
    due = [e for e in events(db, key.id) if e["type"] == "ROTATION_DUE"]
    assert [e["data"]["stage"] for e in due] == ["due"]
    assert due[0]["actor"] == "system"
    run_job(server, issued + 3 * HOUR + timedelta(minutes=1))
    run_job(server, issued + 3 * HOUR + timedelta(minutes=2))
    due = [e for e in events(db, key.id) if e["type"] == "ROTATION_DUE"]
    assert [e["data"]["stage"] for e in due] == ["due", "grace_end"]
    current = stub.GetKey(keys_pb2.GetKeyRequest(id=key.id))
    assert not current.replaced_by_key_id  # REMIND never rotates by itself
    assert when(current.expire_time) == issued + 3 * HOUR
    # Nothing is revealed: the key is not recoverable.
    expect_error(
        lambda: stub.RevealKey(keys_pb2.RevealKeyRequest(id=key.id)),
        grpc.StatusCode.FAILED_PRECONDITION,
        "KEY_NOT_RECOVERABLE",
    )


def test_remind_key_rotated_by_hand_gets_a_fresh_period(stub: keys_pb2_grpc.KeyServiceStub) -> None:
    t = tenant(stub)
    key = create(
        stub, t, rotation=policy(REMIND, 2 * HOUR, HOUR), ttl=duration_pb2.Duration(seconds=10 * 3600)
    ).key
    rotated = stub.RotateKey(
        keys_pb2.RotateKeyRequest(id=key.id, grace_period=duration_pb2.Duration(seconds=60))
    )
    successor = rotated.key
    born = when(successor.create_time)
    assert successor.rotation == key.rotation
    assert when(successor.next_rotation_time) == born + 2 * HOUR
    assert when(successor.expire_time) == born + 3 * HOUR  # due + grace, within the 10 h cap
    assert not rotated.previous_key.HasField("next_rotation_time")


def test_policy_defaults_apply_at_create(stub: keys_pb2_grpc.KeyServiceStub, server: ServerThread) -> None:
    t = tenant(stub)

    async def set_policy() -> None:
        async with server.container.db.transaction() as session:
            spec = RotationSpec(period=3 * HOUR, mode="AUTOMATIC", grace=HOUR)
            await save_policy(
                session, t.org.id, None, KeyPolicy(rotation=spec, recoverable=True), datetime.now(UTC)
            )

    server.call(set_policy())
    key = create(stub, t).key
    assert key.recoverable and key.rotation.mode == AUTOMATIC
    assert key.rotation.rotation_period.ToTimedelta() == 3 * HOUR
    # The request wins over the policy; AUTOMATIC from the policy needs recoverability.
    decoded = expect_error(lambda: create(stub, t, recoverable=False), INVALID, "INVALID_ARGUMENT")
    assert "rotation.mode" in decoded.field_violations
    remind = create(stub, t, recoverable=False, rotation=policy(REMIND, 4 * HOUR)).key
    assert not remind.recoverable and remind.rotation.mode == REMIND


def test_update_key_sets_and_clears_rotation(stub: keys_pb2_grpc.KeyServiceStub) -> None:
    t = tenant(stub)
    key = create(stub, t, ttl=duration_pb2.Duration(seconds=10 * 3600)).key
    cap = when(key.expire_time)
    mask = field_mask_pb2.FieldMask(paths=["rotation"])
    updated = stub.UpdateKey(
        keys_pb2.UpdateKeyRequest(
            key=keys_pb2.ApiKey(id=key.id, rotation=policy(REMIND, 2 * HOUR, HOUR)), update_mask=mask
        )
    )
    assert updated.rotation.mode == REMIND
    assert when(updated.next_rotation_time) == when(key.create_time) + 2 * HOUR
    assert when(updated.expire_time) == when(key.create_time) + 3 * HOUR
    cleared = stub.UpdateKey(keys_pb2.UpdateKeyRequest(key=keys_pb2.ApiKey(id=key.id), update_mask=mask))
    assert not cleared.HasField("rotation") and not cleared.HasField("next_rotation_time")
    assert when(cleared.expire_time) == cap  # the cap comes back
    decoded = expect_error(
        lambda: stub.UpdateKey(
            keys_pb2.UpdateKeyRequest(
                key=keys_pb2.ApiKey(id=key.id, rotation=policy(AUTOMATIC, 2 * HOUR)), update_mask=mask
            )
        ),
        INVALID,
        "INVALID_ARGUMENT",
    )
    assert "key.rotation.mode" in decoded.field_violations


@pytest.mark.parametrize(
    ("rotation", "recoverable", "field"),
    [
        (policy(REMIND, timedelta(minutes=30)), None, "rotation.rotation_period"),
        (policy(REMIND, timedelta(days=4000)), None, "rotation.rotation_period"),
        (policy(AUTOMATIC, 2 * HOUR), False, "rotation.mode"),
        (policy(AUTOMATIC, 2 * HOUR), None, "rotation.mode"),
        (policy(REMIND, 2 * HOUR, timedelta(seconds=-1)), None, "rotation.grace_period"),
        (policy(rotation_pb2.ROTATION_MODE_UNSPECIFIED, 2 * HOUR), None, "rotation.mode"),
        (rotation_pb2.KeyRotationPolicy(mode=REMIND), None, "rotation.rotation_period"),
    ],
)
def test_bad_rotation_input(
    stub: keys_pb2_grpc.KeyServiceStub,
    rotation: rotation_pb2.KeyRotationPolicy,
    recoverable: bool | None,
    field: str,
) -> None:
    t = tenant(stub)
    extra: dict[str, Any] = {"rotation": rotation}
    if recoverable is not None:
        extra["recoverable"] = recoverable
    decoded = expect_error(lambda: create(stub, t, **extra), INVALID, "INVALID_ARGUMENT")
    assert field in decoded.field_violations


def test_concurrent_job_runs_rotate_each_key_once(
    stub: keys_pb2_grpc.KeyServiceStub, server: ServerThread, db: Engine
) -> None:
    """Two runs of the job at once (as two replicas would if leadership ever overlapped):
    the row lock and the re-check make every due key rotate exactly once."""
    t = tenant(stub)
    ids = [create(stub, t, rotation=policy(AUTOMATIC, HOUR), recoverable=True).key.id for _ in range(6)]
    now = datetime.now(UTC) + 2 * HOUR
    c = server.container

    async def both() -> list[tuple[int, int]]:
        return list(
            await asyncio.gather(
                c.key_rotation.run_due(c.keys, c.key_events, now),
                c.key_rotation.run_due(c.keys, c.key_events, now),
            )
        )

    server.call(both(), timeout=60)
    for key_id in ids:
        assert [e["type"] for e in events(db, key_id)].count("ROTATED") == 1
    with db.connect() as conn:
        successors = conn.execute(
            text(
                "SELECT rotated_from_key_id, count(*) FROM api_key WHERE organization_id = :o "
                "AND rotated_from_key_id IS NOT NULL GROUP BY rotated_from_key_id"
            ),
            {"o": t.org.id},
        ).all()
    assert sorted(r[0] for r in successors) == sorted(ids)
    assert all(r[1] == 1 for r in successors)


def test_two_server_processes_rotate_due_keys_exactly_once(postgres_admin_url: str) -> None:
    """Two `keyturn serve` processes on one PostgreSQL, the job every second: keys made due
    are rotated once each, and later runs (on either replica) leave them alone."""
    import time

    from tests.support import channel, postgres_replicas

    with postgres_replicas(postgres_admin_url, KEYTURN_KEY_ROTATION_JOB_SECONDS="1") as (first, _):
        engine = create_engine(sync_url(first.env["KEYTURN_DATABASE_URL"]))
        try:
            with channel(first.address, first.admin_token) as ch:
                stub = keys_pb2_grpc.KeyServiceStub(ch)
                t = tenant(stub)
                ids = [
                    create(stub, t, rotation=policy(AUTOMATIC, HOUR), recoverable=True).key.id
                    for _ in range(5)
                ]
            with engine.begin() as conn:
                conn.execute(
                    text("UPDATE api_key SET next_rotation_time = :past WHERE organization_id = :o"),
                    {"past": datetime.now(UTC) - timedelta(minutes=1), "o": t.org.id},
                )
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                with engine.connect() as conn:
                    done = conn.execute(
                        text(
                            "SELECT count(*) FROM api_key WHERE organization_id = :o "
                            "AND rotated_from_key_id IS NULL AND replaced_by_key_id IS NOT NULL"
                        ),
                        {"o": t.org.id},
                    ).scalar_one()
                if done == len(ids):
                    break
                time.sleep(0.2)
            time.sleep(3)  # more job runs on the leader: nothing happens twice
            for key_id in ids:
                assert [e["type"] for e in events(engine, key_id)].count("ROTATED") == 1
            with engine.connect() as conn:
                keys_now = conn.execute(
                    text(
                        "SELECT rotated_from_key_id, replaced_by_key_id FROM api_key WHERE organization_id = :o"
                    ),
                    {"o": t.org.id},
                ).all()
            successors = [r for r in keys_now if r[0] is not None]
            assert sorted(r[0] for r in successors) == sorted(ids)
            assert all(r[1] is None for r in successors)  # a fresh period: not rotated again
        finally:
            engine.dispose()


def test_out_of_range_durations_and_times(stub: keys_pb2_grpc.KeyServiceStub) -> None:
    t = tenant(stub)
    for bad in (
        duration_pb2.Duration(seconds=7200, nanos=-5),
        duration_pb2.Duration(seconds=315_576_000_001),
    ):
        for part in ("rotation_period", "grace_period"):
            rotation = policy(REMIND, 2 * HOUR)
            getattr(rotation, part).CopyFrom(bad)
            decoded = expect_error(
                lambda r=rotation: create(stub, t, rotation=r), INVALID, "INVALID_ARGUMENT"
            )
            assert f"rotation.{part}" in decoded.field_violations
    for stamp in (
        timestamp_pb2.Timestamp(seconds=1, nanos=-1),
        timestamp_pb2.Timestamp(seconds=253_402_300_800),
    ):
        decoded = expect_error(
            lambda s=stamp: stub.ListKeys(
                keys_pb2.ListKeysRequest(organization_id=t.org.id, next_rotation_before=s)
            ),
            INVALID,
            "INVALID_ARGUMENT",
        )
        assert "next_rotation_before" in decoded.field_violations
    key = create(stub, t).key
    decoded = expect_error(
        lambda: stub.UpdateKey(
            keys_pb2.UpdateKeyRequest(
                key=keys_pb2.ApiKey(id=key.id, rotation=policy(REMIND, timedelta(minutes=5))),
                update_mask=field_mask_pb2.FieldMask(paths=["rotation"]),
            )
        ),
        INVALID,
        "INVALID_ARGUMENT",
    )
    assert "key.rotation.rotation_period" in decoded.field_violations
