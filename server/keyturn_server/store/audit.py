"""Appending to the audit hash chain.

`append_events(session, records)` runs inside the caller's transaction: management actions
append in the same transaction as the change they describe, so if the event cannot be
written the change is rolled back (fail closed). The append is serialized across server
processes: on PostgreSQL by a transaction-scoped advisory lock, on SQLite by the write lock
every transaction takes (BEGIN IMMEDIATE). Append last in a transaction: the lock is held
until commit.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC

from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession

from keyturn_server.domain.audit import GENESIS_HASH, AuditRecord, event_hash
from keyturn_server.store.models import AuditAnchor, AuditEvent

# Arbitrary constant naming Keyturn's chain lock among the database's advisory locks.
CHAIN_LOCK_ID = 0x6B74_6175  # "ktau"


async def lock_chain(session: AsyncSession) -> None:
    if session.bind.dialect.name == "postgresql":
        await session.execute(text("SELECT pg_advisory_xact_lock(:lock_id)"), {"lock_id": CHAIN_LOCK_ID})


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


async def append_events(session: AsyncSession, records: Sequence[AuditRecord]) -> list[AuditEvent]:
    """Give the records the next sequence numbers and chain hashes, and add them."""
    if not records:
        return []
    await lock_chain(session)
    sequence, previous = await chain_head(session)
    rows = []
    for record in records:
        sequence += 1
        values = {
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
        digest = event_hash(values)
        row = AuditEvent(**values, hash=digest)
        session.add(row)
        rows.append(row)
        previous = digest
    await session.flush()
    return rows
