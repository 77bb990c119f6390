"""The durable key-event log: every key change writes its event in the same transaction,
numbered in commit order; dedupe strings make an event at most once."""

from __future__ import annotations

import json
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import grpc
import pytest
from google.protobuf import duration_pb2, field_mask_pb2
from keyturn.v1 import keys_pb2, keys_pb2_grpc
from keyturn_server.domain.key_events import KeyEventType, NewKeyEvent
from keyturn_server.store.db import sync_url
from keyturn_server.store.key_event_log import append_key_events, read_after
from sqlalchemy import Engine, create_engine, text

from tests.integration.test_keys_manage import Tenant, tenant
from tests.support import ServerThread


@pytest.fixture(scope="module")
def stub(grpc_channel: grpc.Channel) -> keys_pb2_grpc.KeyServiceStub:
    return keys_pb2_grpc.KeyServiceStub(grpc_channel)


@pytest.fixture(scope="module")
def db(server: ServerThread) -> Iterator[Engine]:
    engine = create_engine(sync_url(server.settings.database_url))
    yield engine
    engine.dispose()


def key_events(db: Engine, organization_id: str) -> list[dict[str, Any]]:
    """The organization's events written by key changes (the scheduler's EXPIRING/EXPIRED
    warnings, e.g. for a rotated key's grace, are left out)."""
    with db.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT * FROM key_event WHERE organization_id = :org"
                " AND type NOT IN ('EXPIRING', 'EXPIRED') ORDER BY sequence"
            ),
            {"org": organization_id},
        )
        out = []
        for row in rows:
            item = dict(row._mapping)
            if isinstance(item["data"], str):
                item["data"] = json.loads(item["data"])
            out.append(item)
        return out


def test_each_key_change_writes_its_event(stub: keys_pb2_grpc.KeyServiceStub, db: Engine) -> None:
    t: Tenant = tenant(stub)
    created = stub.CreateKey(keys_pb2.CreateKeyRequest(organization_id=t.org.id, project_id=t.project.id))
    key_id = created.key.id
    stub.UpdateKey(
        keys_pb2.UpdateKeyRequest(
            key=keys_pb2.ApiKey(id=key_id, metadata=keys_pb2.KeyMetadata(name="renamed")),
            update_mask=field_mask_pb2.FieldMask(paths=["metadata.name"]),
        )
    )
    # An update that changes nothing writes no event.
    stub.UpdateKey(
        keys_pb2.UpdateKeyRequest(
            key=keys_pb2.ApiKey(id=key_id, metadata=keys_pb2.KeyMetadata(name="renamed")),
            update_mask=field_mask_pb2.FieldMask(paths=["metadata.name"]),
        )
    )
    rotated = stub.RotateKey(
        keys_pb2.RotateKeyRequest(id=key_id, grace_period=duration_pb2.Duration(seconds=60))
    )
    successor = rotated.key.id
    stub.RevokeKey(keys_pb2.RevokeKeyRequest(id=successor, reason="test"))
    stub.RevokeKey(keys_pb2.RevokeKeyRequest(id=successor, reason="again"))  # idempotent: no event
    stub.DeleteKey(keys_pb2.DeleteKeyRequest(id=key_id))

    events = key_events(db, t.org.id)
    assert [(e["type"], e["key_id"]) for e in events] == [
        ("CREATED", key_id),
        ("UPDATED", key_id),
        ("ROTATED", key_id),
        ("CREATED", successor),
        ("REVOKED", successor),
        ("DELETED", key_id),
    ]
    assert events[1]["data"] == {"fields": ["metadata.name"]}
    assert events[2]["data"]["successor_key_id"] == successor
    assert events[3]["data"] == {"rotated_from_key_id": key_id}
    assert events[4]["data"] == {"reason": "test"}
    assert all(e["project_id"] == t.project.id for e in events)
    actors = {e["actor"] for e in events}
    assert len(actors) == 1 and actors != {"system"}, actors  # the admin principal
    sequences = [e["sequence"] for e in events]
    assert sequences == sorted(sequences) and len(set(sequences)) == len(sequences)
    # Payloads never carry a plaintext.
    assert created.plaintext not in json.dumps([e["data"] for e in events])


def test_a_failed_change_writes_no_event(stub: keys_pb2_grpc.KeyServiceStub, db: Engine) -> None:
    t = tenant(stub)
    with pytest.raises(grpc.RpcError):
        stub.CreateKey(keys_pb2.CreateKeyRequest(organization_id=t.org.id, allowed_cidrs=["not-a-cidr"]))
    assert key_events(db, t.org.id) == []


def test_concurrent_changes_get_distinct_increasing_sequences(
    stub: keys_pb2_grpc.KeyServiceStub, db: Engine
) -> None:
    t = tenant(stub)
    with ThreadPoolExecutor(8) as pool:
        list(
            pool.map(lambda _: stub.CreateKey(keys_pb2.CreateKeyRequest(organization_id=t.org.id)), range(24))
        )
    events = key_events(db, t.org.id)
    assert len(events) == 24
    assert len({e["sequence"] for e in events}) == 24


def test_dedupe_makes_an_event_at_most_once(server: ServerThread, stub: keys_pb2_grpc.KeyServiceStub) -> None:
    t = tenant(stub)
    key = stub.CreateKey(keys_pb2.CreateKeyRequest(organization_id=t.org.id)).key
    container = server.container

    def event(dedupe: str) -> NewKeyEvent:
        return NewKeyEvent(
            KeyEventType.RATE_LIMIT_EXCEEDED, t.org.id, key.id, data={"limit": "default"}, dedupe=dedupe
        )

    async def append(*events: NewKeyEvent) -> int:
        async with container.db.transaction() as session:
            return len(await append_key_events(session, events))

    assert server.call(append(event("w1"), event("w1"))) == 1
    assert server.call(append(event("w1"))) == 0
    assert server.call(append(event("w2"))) == 1

    async def read() -> list[str]:
        async with container.db.transaction() as session:
            rows = await read_after(
                session, 0, limit=100, organization_ids=[t.org.id], types=["RATE_LIMIT_EXCEEDED"]
            )
            return [r.dedupe or "" for r in rows]

    assert server.call(read()) == ["w1", "w2"]
