"""Helpers for the audit tests: append events on a running server, tamper with the database."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

import grpc
from keyturn.v1 import audit_pb2, audit_pb2_grpc
from keyturn_server.domain.audit import AuditRecord, event_hash
from keyturn_server.store.audit import append_events
from keyturn_server.store.db import sync_url
from sqlalchemy import Engine, create_engine, text

from tests.support import ServerThread

COLUMNS = (
    "sequence",
    "event_time",
    "actor",
    "action",
    "resource_type",
    "resource_id",
    "organization_id",
    "project_id",
    "key_id",
    "outcome",
    "reason",
    "request_id",
    "client_address",
    "user_agent",
    "changes",
    "key_fingerprint",
    "previous_hash",
    "hash",
)


def append(server: ServerThread, records: list[AuditRecord]) -> list[int]:
    """Append records to the chain in one transaction on the server's own loop."""

    async def run() -> list[int]:
        async with server.container.db.transaction() as session:
            rows = await append_events(session, records)
            return [row.sequence for row in rows]

    result: list[int] = server.call(run())
    return result


def crypto_records(count: int, **fields: Any) -> list[AuditRecord]:
    return [AuditRecord(action="crypto.encrypt", actor="tester", **fields) for _ in range(count)]


def audit_stub(channel: grpc.Channel) -> audit_pb2_grpc.AuditServiceStub:
    return audit_pb2_grpc.AuditServiceStub(channel)


def verify(channel: grpc.Channel, start: int = 0, end: int = 0) -> audit_pb2.VerifyAuditChainResponse:
    return audit_stub(channel).VerifyAuditChain(
        audit_pb2.VerifyAuditChainRequest(start_sequence=start, end_sequence=end), timeout=30
    )


@contextmanager
def database(url: str) -> Iterator[Engine]:
    """A synchronous engine on the server's database, for editing rows behind its back."""
    engine = create_engine(sync_url(url))
    try:
        yield engine
    finally:
        engine.dispose()


def read_row(engine: Engine, sequence: int) -> dict[str, Any]:
    with engine.connect() as conn:
        row = conn.execute(
            text(f"SELECT {', '.join(COLUMNS)} FROM audit_event WHERE sequence = :s"), {"s": sequence}
        ).one()
    return dict(row._mapping)


def insert_row(engine: Engine, values: dict[str, Any]) -> None:
    import json

    params = dict(values)
    if not isinstance(params["changes"], str):
        params["changes"] = json.dumps(params["changes"])
    if engine.dialect.name == "sqlite" and isinstance(params["event_time"], datetime):
        params["event_time"] = params["event_time"].astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    with engine.begin() as conn:
        conn.execute(
            text(
                f"INSERT INTO audit_event ({', '.join(COLUMNS)}) VALUES ({', '.join(':' + c for c in COLUMNS)})"
            ),
            params,
        )


def execute(engine: Engine, sql: str, **params: Any) -> None:
    with engine.begin() as conn:
        conn.execute(text(sql), params)


def hashed_values(row: dict[str, Any]) -> dict[str, Any]:
    """A row read back as the values the chain hash covers (times as aware datetimes)."""
    import json

    values = {c: row[c] for c in COLUMNS if c != "hash"}
    when = values["event_time"]
    if isinstance(when, str):
        when = datetime.fromisoformat(when)
    values["event_time"] = when.replace(tzinfo=UTC) if when.tzinfo is None else when
    if isinstance(values["changes"], str):
        values["changes"] = json.loads(values["changes"])
    return values


def rehash(row: dict[str, Any]) -> str:
    return event_hash(hashed_values(row))


def shift_up(engine: Engine, from_sequence: int, by: int = 1) -> None:
    """Renumber events >= from_sequence upwards (two steps so the primary key never collides)."""
    execute(
        engine, "UPDATE audit_event SET sequence = sequence + 1000000 WHERE sequence >= :s", s=from_sequence
    )
    execute(
        engine,
        "UPDATE audit_event SET sequence = sequence - 1000000 + :by WHERE sequence >= 1000000",
        by=by,
    )


def shift_down(engine: Engine, from_sequence: int, by: int = 1) -> None:
    execute(
        engine, "UPDATE audit_event SET sequence = sequence + 1000000 WHERE sequence >= :s", s=from_sequence
    )
    execute(
        engine,
        "UPDATE audit_event SET sequence = sequence - 1000000 - :by WHERE sequence >= 1000000",
        by=by,
    )


def rechain(engine: Engine) -> None:
    """Recompute every link and hash in sequence order (after a deliberate rewrite)."""
    with engine.connect() as conn:
        sequences = [r[0] for r in conn.execute(text("SELECT sequence FROM audit_event ORDER BY sequence"))]
        anchor = conn.execute(text("SELECT anchor_hash FROM audit_anchor")).scalar()
    previous = anchor or "0" * 64
    for sequence in sequences:
        row = {**read_row(engine, sequence), "previous_hash": previous}
        digest = rehash(row)
        execute(
            engine,
            "UPDATE audit_event SET previous_hash = :p, hash = :h WHERE sequence = :s",
            p=previous,
            h=digest,
            s=sequence,
        )
        previous = digest
