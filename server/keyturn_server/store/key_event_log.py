"""The durable key-event log: append in the caller's transaction, read after a sequence.

`append_key_events` takes the audit chain's lock (store/audit.py: an advisory lock, a locked
row, or SQLite's write lock) and numbers the events after the log's head while holding it.
The lock is held until commit, so sequences increase in commit order across every replica:
a reader resuming after the last sequence it saw never misses an event that commits later
with a lower number. Events with a `dedupe` string already in the log are dropped (checked
under the same lock; the unique constraint backs it up).

With KEYTURN_CHANGE_FEED=notify on PostgreSQL the append also sends
`NOTIFY keyturn_key_event, '<last sequence>'`, delivered at commit, so watchers on every
replica wake when new events become visible; otherwise readers poll.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import UTC, datetime

from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from keyturn_server.domain.context import request_meta
from keyturn_server.domain.key_events import NewKeyEvent
from keyturn_server.store.audit import lock_chain
from keyturn_server.store.db import seams_of
from keyturn_server.store.models import KeyEvent

# LISTEN/NOTIFY channel announcing committed appends (payload: the last new sequence).
NOTIFY_CHANNEL = "keyturn_key_event"


async def log_head(session: AsyncSession) -> int:
    """The highest sequence in the log (0 when empty)."""
    return int((await session.execute(select(func.max(KeyEvent.sequence)))).scalar() or 0)


async def append_key_events(session: AsyncSession, events: Sequence[NewKeyEvent]) -> list[KeyEvent]:
    """Number and add the events (dropping already-logged dedupe strings); returns the rows added."""
    if not events:
        return []
    await lock_chain(session)
    dedupes = [e.dedupe for e in events if e.dedupe is not None]
    seen: set[str] = set()
    if dedupes:
        found = await session.execute(select(KeyEvent.dedupe).where(KeyEvent.dedupe.in_(dedupes)))
        seen = {value for (value,) in found if value is not None}
    sequence = await log_head(session)
    actor = request_meta().actor
    now = datetime.now(UTC)
    rows: list[KeyEvent] = []
    for event in events:
        if event.dedupe is not None:
            if event.dedupe in seen:
                continue
            seen.add(event.dedupe)
        sequence += 1
        rows.append(
            KeyEvent(
                sequence=sequence,
                event_time=event.event_time or now,
                type=str(event.type),
                organization_id=event.organization_id,
                project_id=event.project_id,
                product_id=event.product_id,
                key_id=event.key_id,
                actor=event.actor or actor or "system",
                data=dict(event.data),
                dedupe=event.dedupe,
            )
        )
    if not rows:
        return []
    session.add_all(rows)
    await session.flush()
    if session.get_bind().dialect.name == "postgresql" and seams_of(session).change_feed == "notify":
        await session.execute(
            text("SELECT pg_notify(:channel, :payload)"),
            {"channel": NOTIFY_CHANNEL, "payload": str(rows[-1].sequence)},
        )
    return rows


async def read_after(
    session: AsyncSession,
    after: int,
    *,
    limit: int,
    organization_ids: Collection[str] | None = None,
    project_id: str | None = None,
    key_id: str | None = None,
    types: Collection[str] = (),
) -> list[KeyEvent]:
    """Events with sequence > `after`, oldest first, at most `limit`; `organization_ids` None
    means every organization (a caller with a global role)."""
    query = select(KeyEvent).where(KeyEvent.sequence > after)
    if organization_ids is not None:
        query = query.where(KeyEvent.organization_id.in_(list(organization_ids)))
    if project_id:
        query = query.where(KeyEvent.project_id == project_id)
    if key_id:
        query = query.where(KeyEvent.key_id == key_id)
    if types:
        query = query.where(KeyEvent.type.in_(list(types)))
    return list((await session.execute(query.order_by(KeyEvent.sequence).limit(limit))).scalars())


__all__ = ["NOTIFY_CHANNEL", "append_key_events", "log_head", "read_after"]
