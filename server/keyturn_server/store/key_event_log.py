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

`KeyEventFeed` is what watchers follow: one per process, the shared fan-out reader of
store/fanout.py (the same mechanism as the audit stream's AuditFeed). One reader task reads
the new events ONCE per wake-up and hands them to every open watch, which filters them in
memory; so N open watches cost one query per new batch, not N. On PostgreSQL (notify) one
dedicated autocommit connection LISTENs on the channel and wakes the reader, which still
re-reads every `listen_poll_seconds` as a backstop for a notification lost while the listener
reconnected. On SQLite and with KEYTURN_CHANGE_FEED=poll the reader polls every
`poll_seconds`. Appends committed by this process wake the reader at once (an after-commit
hook), whatever the backend. A wake-up only means "read after the cursor again": the payload
is never trusted, so a lost or duplicated notification costs latency, never an event.

Sequences have no gaps: each append numbers after the head under the lock, and retention
(`prune_before`) only removes a prefix. It never deletes the newest event (the next sequence
is numbered after the head, so the head must survive for sequences to keep increasing). So a
cursor below `oldest_sequence() - 1` is one whose next events were pruned.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Collection, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, select, text
from sqlalchemy import event as sa_event
from sqlalchemy.ext.asyncio import AsyncSession

from keyturn_server.domain.context import request_meta
from keyturn_server.domain.key_events import NewKeyEvent
from keyturn_server.store.audit import lock_chain
from keyturn_server.store.db import Database, seams_of
from keyturn_server.store.fanout import FanOutFeed
from keyturn_server.store.models import ApiKey, KeyEvent

log = logging.getLogger("keyturn.key_events")

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
    seen = await known_dedupes(session, [e.dedupe for e in events if e.dedupe is not None])
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
    # Watchers in this process wake at commit without waiting for NOTIFY or the next poll.
    sa_event.listen(session.sync_session, "after_commit", _wake_local_feeds, once=True)
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
    project_ids: Collection[str] | None = None,
    through: int | None = None,
) -> list[KeyEvent]:
    """Events with `after` < sequence (<= `through` when given), oldest first, at most
    `limit`; `organization_ids` None
    means every organization (a caller with a global role), `project_ids` None every project
    (else only keys of those projects: a project-bound caller)."""
    query = select(KeyEvent).where(KeyEvent.sequence > after)
    if through is not None:
        query = query.where(KeyEvent.sequence <= through)
    if organization_ids is not None:
        query = query.where(KeyEvent.organization_id.in_(list(organization_ids)))
    if project_ids is not None:
        query = query.where(KeyEvent.project_id.in_(list(project_ids)))
    if project_id:
        query = query.where(KeyEvent.project_id == project_id)
    if key_id:
        query = query.where(KeyEvent.key_id == key_id)
    if types:
        query = query.where(KeyEvent.type.in_(list(types)))
    return list((await session.execute(query.order_by(KeyEvent.sequence).limit(limit))).scalars())


async def known_dedupes(session: AsyncSession, dedupes: Collection[str]) -> set[str]:
    """Which of these dedupe strings are already in the log (one indexed IN query)."""
    if not dedupes:
        return set()
    found = await session.execute(select(KeyEvent.dedupe).where(KeyEvent.dedupe.in_(list(dedupes))))
    return {value for (value,) in found if value is not None}


async def keys_expiring_between(
    session: AsyncSession, start: datetime, end: datetime, *, after: tuple[datetime, str] | None, limit: int
) -> list[ApiKey]:
    """Unrevoked keys with start < expire_time <= end, by (expire_time, id), after a cursor
    (ix_api_key_expire_time keeps this a range scan)."""
    query = select(ApiKey).where(
        ApiKey.expire_time.is_not(None),
        ApiKey.expire_time > start,
        ApiKey.expire_time <= end,
        ApiKey.revoke_time.is_(None),
    )
    if after is not None:
        when, key_id = after
        query = query.where(
            (ApiKey.expire_time > when) | ((ApiKey.expire_time == when) & (ApiKey.id > key_id))
        )
    query = query.order_by(ApiKey.expire_time, ApiKey.id).limit(limit)
    return list((await session.execute(query)).scalars())


async def oldest_sequence(session: AsyncSession) -> int | None:
    """The lowest sequence still in the log (None when empty)."""
    value = (await session.execute(select(func.min(KeyEvent.sequence)))).scalar()
    return None if value is None else int(value)


async def prune_before(session: AsyncSession, before: datetime, *, limit: int) -> int:
    """Delete the oldest events, up to `limit`, while they are older than `before`: a prefix of
    the log in sequence order, so the sequences left stay gapless from the oldest one (a
    cursor below it has lost events). Never the log's head. Returns how many were deleted
    (call again while it returns `limit`)."""
    head = await log_head(session)
    oldest = select(KeyEvent.sequence, KeyEvent.event_time).order_by(KeyEvent.sequence).limit(limit)
    sequences: list[int] = []
    for sequence, event_time in await session.execute(oldest):
        if event_time >= before or sequence >= head:
            break
        sequences.append(int(sequence))
    if not sequences:
        return 0
    await session.execute(delete(KeyEvent).where(KeyEvent.sequence <= sequences[-1]))
    return len(sequences)


# The feeds of this process, woken after a local append commits (same engine only: tests run
# several servers, each on its own event loop, in one process).
_FEEDS: weakref.WeakSet[KeyEventFeed] = weakref.WeakSet()


def _wake_local_feeds(session: Any) -> None:
    engine = session.get_bind()
    for feed in list(_FEEDS):
        if feed.db.engine.sync_engine is engine:
            feed.wake()


class KeyEventFeed(FanOutFeed[KeyEvent]):
    """The process's one reader of new key events, fanned out to every open watch."""

    channel = NOTIFY_CHANNEL
    name = "key-event"

    def __init__(self, db: Database, **options: float) -> None:
        super().__init__(db, **options)
        _FEEDS.add(self)

    async def head(self, session: AsyncSession) -> int:
        return await log_head(session)

    async def rows_after(self, session: AsyncSession, after: int, through: int, limit: int) -> list[KeyEvent]:
        return await read_after(session, after, through=through, limit=limit)


__all__ = [
    "NOTIFY_CHANNEL",
    "KeyEventFeed",
    "append_key_events",
    "keys_expiring_between",
    "known_dedupes",
    "log_head",
    "oldest_sequence",
    "prune_before",
    "read_after",
]
