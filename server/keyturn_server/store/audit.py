"""Appending to the audit hash chain.

`append_events(session, records)` runs inside the caller's transaction: management actions
append in the same transaction as the change they describe, so if the event cannot be
written the change is rolled back (fail closed). The append is serialized across server
processes: on PostgreSQL by a transaction-scoped advisory lock (KEYTURN_LOCKS=advisory, the
default) or, for engines without advisory locks, by SELECT ... FOR UPDATE on the
`audit_chain` row of `lock_row` (KEYTURN_LOCKS=row); on SQLite by the write lock every
transaction takes (BEGIN IMMEDIATE). Append last in a transaction: the lock is held until
commit.

With KEYTURN_CHANGE_FEED=notify (the default) the append on PostgreSQL also sends
`NOTIFY keyturn_audit, '<last sequence>'`; PostgreSQL delivers it only when the transaction
commits (and drops it on rollback), so listeners (StreamAuditEvents on every replica) wake
exactly when new events become visible. With =poll nothing is sent: readers poll.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC
from typing import Any

from sqlalchemy import insert, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from keyturn_server.domain.audit import GENESIS_HASH, HASHED_FIELDS, AuditRecord, event_hash
from keyturn_server.store.db import seams_of
from keyturn_server.store.models import AuditAnchor, AuditEvent, LockRow

# Arbitrary constant naming Keyturn's chain lock among the database's advisory locks.
CHAIN_LOCK_ID = 0x6B74_6175  # "ktau"
# Its row in `lock_row` (KEYTURN_LOCKS=row).
CHAIN_LOCK_ROW = "audit_chain"
# LISTEN/NOTIFY channel announcing committed appends (payload: the last new sequence).
NOTIFY_CHANNEL = "keyturn_audit"


async def lock_chain(session: AsyncSession) -> None:
    """Hold the chain lock until this transaction ends (PostgreSQL; SQLite already has it)."""
    if session.get_bind().dialect.name != "postgresql":
        return
    if seams_of(session).locks == "row":
        await lock_row(session, CHAIN_LOCK_ROW)
    else:
        await session.execute(text("SELECT pg_advisory_xact_lock(:lock_id)"), {"lock_id": CHAIN_LOCK_ID})


async def lock_row(session: AsyncSession, name: str) -> None:
    """SELECT ... FOR UPDATE on the named lock row, creating it first if it is missing."""
    locking = select(LockRow.name).where(LockRow.name == name).with_for_update()
    if (await session.execute(locking)).first() is None:
        await session.execute(pg_insert(LockRow).values(name=name).on_conflict_do_nothing())
        await session.execute(locking)


async def chain_head(session: AsyncSession) -> tuple[int, str]:
    """The last sequence and hash (or the pruning anchor, or genesis)."""
    row = (
        await session.execute(
            select(AuditEvent.sequence, AuditEvent.hash).order_by(AuditEvent.sequence.desc()).limit(1)
        )
    ).first()
    if row is not None:
        return int(row[0]), str(row[1])
    anchor = await session.get(AuditAnchor, 1)
    if anchor is not None:
        return anchor.pruned_through, anchor.anchor_hash
    return 0, GENESIS_HASH


def _chain_values(records: Sequence[AuditRecord], sequence: int, previous: str) -> list[dict[str, Any]]:
    """The stored values of each record: next sequence numbers, links and hashes."""
    chained = []
    for record in records:
        sequence += 1
        values: dict[str, Any] = {
            "sequence": sequence,
            "event_time": record.event_time.astimezone(UTC),
            "actor": record.actor[:200],
            "action": record.action,
            "resource_type": record.resource_type,
            "resource_id": record.resource_id,
            "organization_id": record.organization_id,
            "project_id": record.project_id,
            "key_id": record.key_id,
            "outcome": record.outcome,
            "reason": record.reason[:500],
            "request_id": record.request_id,
            "client_address": record.client_address[:200],
            "user_agent": record.user_agent[:200],
            "changes": record.changes,
            "key_fingerprint": record.key_fingerprint,
            "previous_hash": previous,
        }
        values["hash"] = previous = event_hash(values)
        chained.append(values)
    return chained


async def _announce(session: AsyncSession, last_sequence: int) -> None:
    if session.get_bind().dialect.name == "postgresql" and seams_of(session).change_feed == "notify":
        await session.execute(
            text("SELECT pg_notify(:channel, :payload)"),
            {"channel": NOTIFY_CHANNEL, "payload": str(last_sequence)},
        )


async def append_events(session: AsyncSession, records: Sequence[AuditRecord]) -> list[AuditEvent]:
    """Give the records the next sequence numbers and chain hashes, and add them."""
    if not records:
        return []
    await lock_chain(session)
    sequence, previous = await chain_head(session)
    rows = [AuditEvent(**values) for values in _chain_values(records, sequence, previous)]
    session.add_all(rows)
    await session.flush()
    await _announce(session, rows[-1].sequence)
    return rows


async def append_batch(session: AsyncSession, records: Sequence[AuditRecord]) -> int:
    """append_events for large batches (the access-log writer): the same lock, chain and
    NOTIFY, without ORM objects. PostgreSQL: COPY (about 3x a pipelined executemany);
    SQLite: one executemany. Returns the last sequence."""
    if not records:
        return 0
    await lock_chain(session)
    sequence, previous = await chain_head(session)
    chained = _chain_values(records, sequence, previous)
    if session.get_bind().dialect.name == "postgresql":
        await _copy_rows(session, chained)
    else:
        await session.execute(insert(AuditEvent), chained)
    last = int(chained[-1]["sequence"])
    await _announce(session, last)
    return last


_COPY_COLUMNS = (*HASHED_FIELDS, "hash")


async def _copy_rows(session: AsyncSession, chained: list[dict[str, Any]]) -> None:
    """COPY on the session's own connection, so it is part of the caller's transaction."""
    connection = await session.connection()
    raw = await connection.get_raw_connection()
    driver: Any = raw.driver_connection
    statement = f"COPY audit_event ({', '.join(_COPY_COLUMNS)}) FROM STDIN"
    async with driver.cursor() as cursor, cursor.copy(statement) as copy:
        for values in chained:
            await copy.write_row(
                [json.dumps(values[c]) if c == "changes" else values[c] for c in _COPY_COLUMNS]
            )
