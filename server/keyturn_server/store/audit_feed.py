"""Live audit events for StreamAuditEvents: one reader per process, fanned out to every stream.

One `AuditFeed` per server process, shared by every open stream: the shared fan-out reader of
store/fanout.py over `audit_event`. Streams `subscribe()`; the reader queries the new events
ONCE per wake-up and hands the same rows to every subscriber, which applies its own filter
(usecases/audit_trail.py `stream_events`). So N open streams cost one query per wake-up.

Wake-ups: on PostgreSQL `append_events` NOTIFYs `keyturn_audit` in the appending transaction
(delivered on commit to every replica) and the reader LISTENs; on SQLite and with
KEYTURN_CHANGE_FEED=poll it polls, and the batched access-log writer calls `wake()` after it
commits (container.py `on_written`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from keyturn_server.domain.audit_query import AuditFilter
from keyturn_server.store import audit_queries as q
from keyturn_server.store.audit import NOTIFY_CHANNEL
from keyturn_server.store.fanout import FanOutFeed, Subscription
from keyturn_server.store.models import AuditEvent

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession


_EVERYTHING = AuditFilter()


class AuditFeed(FanOutFeed[AuditEvent]):
    channel = NOTIFY_CHANNEL
    name = "audit"

    async def head(self, session: AsyncSession) -> int:
        return await q.head_sequence(session)

    async def rows_after(
        self, session: AsyncSession, after: int, through: int, limit: int
    ) -> list[AuditEvent]:
        return await q.events_after(session, _EVERYTHING, after, through, limit)


__all__ = ["AuditFeed", "Subscription"]
