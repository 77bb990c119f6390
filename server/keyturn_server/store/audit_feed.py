"""Live audit events for StreamAuditEvents: one reader per process, fanned out to every stream.

One `AuditFeed` per server process, shared by every open stream. Streams `subscribe()`; one
reader task queries the new events ONCE per wake-up (sequence > its cursor, no filter) and
hands the same rows to every subscriber, each of which applies its own filter. So N open
streams cost one query per wake-up, not N. A subscriber that falls more than
`SUBSCRIBER_BUFFER` rows behind is marked `lagged` and dropped; its stream catches up from
the database on its own and subscribes again.

When the reader wakes:

* PostgreSQL: one dedicated autocommit connection LISTENs on `keyturn_audit`;
  `append_events` NOTIFYs in the appending transaction, which PostgreSQL delivers on commit
  to every replica. Streams still re-query every `listen_poll_seconds` as a backstop (a
  notification sent while the listener was reconnecting is otherwise missed).
* SQLite (single process): streams poll every `sqlite_poll_seconds`; local writers also call
  `wake()` after they commit, so the embedded default is usually faster than the poll.
* PostgreSQL with KEYTURN_CHANGE_FEED=poll (engines without LISTEN/NOTIFY): no listener and
  no NOTIFY; the reader polls every `Seams.poll_seconds`, local writers still `wake()` it.

The LISTEN connection uses `Database.connect_params()` (the pool's hosts and
target_session_attrs), so it follows a primary switchover.

The reader never relies on the payload: a wake-up only means "query for sequence > cursor
again". Because appends are serialized by the chain lock until commit, sequences become
visible in order, so a cursor on `sequence` never skips an event.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING

from sqlalchemy.engine import make_url

from keyturn_server import background
from keyturn_server.domain.audit_query import AuditFilter
from keyturn_server.store import audit_queries as q
from keyturn_server.store.audit import NOTIFY_CHANNEL
from keyturn_server.store.db import is_outage

if TYPE_CHECKING:
    from keyturn_server.store.db import Database
    from keyturn_server.store.models import AuditEvent

log = logging.getLogger("keyturn.audit")


def libpq_url(database_url: str) -> str:
    """A SQLAlchemy URL as a plain postgresql:// URI psycopg accepts."""
    parsed = make_url(database_url).set(drivername="postgresql")
    return parsed.render_as_string(hide_password=False)


READ_BATCH = 500
SUBSCRIBER_BUFFER = 10_000
_EVERYTHING = AuditFilter()


class Subscription:
    """One stream's view of the feed: the rows with sequence > `start`, in order.

    `head` is the last committed sequence when the subscription began (>= start): where a
    live-only stream begins.
    """

    def __init__(self, feed: AuditFeed, start: int, head: int) -> None:
        self.feed = feed
        self.start = start
        self.head = head
        self.rows: asyncio.Queue[AuditEvent] = asyncio.Queue()
        self.lagged = False
        self.changed = asyncio.Event()

    def _offer(self, rows: list[AuditEvent]) -> None:
        if self.lagged:
            return
        if self.rows.qsize() + len(rows) > SUBSCRIBER_BUFFER:
            self.lagged = True  # the stream re-reads from the database and subscribes again
        else:
            for row in rows:
                self.rows.put_nowait(row)
        self.changed.set()

    async def next_batch(self, wait_seconds: float) -> list[AuditEvent]:
        """The rows delivered so far (waits up to `wait_seconds` for the first); [] if none."""
        if self.rows.empty() and not self.lagged and not self.feed.closing:
            self.changed.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.changed.wait(), wait_seconds)
        batch = []
        while not self.rows.empty():
            batch.append(self.rows.get_nowait())
        return batch

    def close(self) -> None:
        self.feed._subscribers.discard(self)


class AuditFeed:
    def __init__(
        self,
        database_url: str,
        is_postgres: bool,
        *,
        db: Database | None = None,
        sqlite_poll_seconds: float = 0.2,
        listen_poll_seconds: float = 2.0,
        disconnected_poll_seconds: float = 0.5,
    ) -> None:
        self.database_url = database_url
        self.is_postgres = is_postgres
        self.sqlite_poll_seconds = sqlite_poll_seconds
        self.listen_poll_seconds = listen_poll_seconds
        self.disconnected_poll_seconds = disconnected_poll_seconds
        self.notifications = 0
        # How many times the reader queried for new events (one per wake-up with subscribers).
        self.reads = 0
        self.db = db
        self._cursor: int | None = None
        self._subscribers: set[Subscription] = set()
        self._reader: asyncio.Task[None] | None = None
        self._lock = asyncio.Lock()
        self._changed = asyncio.Event()
        self._listening = False
        self._task: asyncio.Task[None] | None = None
        self._stopped = False
        # Set at the start of shutdown: every open stream ends at once (see close_streams).
        self.closing = False

    # -- fan-out ------------------------------------------------------------------------

    async def subscribe(self) -> Subscription:
        """A subscription receiving every event after the feed's current position."""
        assert self.db is not None, "AuditFeed needs a database to fan out"
        async with self._lock:
            async with self.db.transaction() as session:
                head = await q.head_sequence(session)
            if self._cursor is None or not self._subscribers:
                self._cursor = head  # nobody was following: nothing to hand over below head
            subscription = Subscription(self, self._cursor, head)
            self._subscribers.add(subscription)
        if self._reader is None and not self._stopped:
            self._reader = asyncio.create_task(self._read_forever(), name="keyturn-audit-fanout")
        return subscription

    def close_streams(self) -> None:
        """Shutdown has begun: wake every subscriber so its stream can end now."""
        self.closing = True
        for subscription in list(self._subscribers):
            subscription.changed.set()

    async def _read_forever(self) -> None:
        delay = 0.2
        while not self._stopped:
            ticket = self.ticket()
            if self._subscribers:
                try:
                    more = await self._read_once()
                    delay = 0.2
                except asyncio.CancelledError:
                    raise
                except Exception as error:
                    log.warning("audit fan-out read failed; retrying", exc_info=not is_outage(error))
                    await asyncio.sleep(delay)
                    delay = min(delay * 2, 5.0)
                    continue
                if more:
                    continue
            await self.wait(ticket)

    async def _read_once(self) -> bool:
        """Fetch the events after the cursor once and hand them to every subscriber."""
        assert self.db is not None
        async with self._lock:
            assert self._cursor is not None
            self.reads += 1
            async with self.db.transaction() as session:
                head = await q.head_sequence(session)
                rows = (
                    await q.events_after(session, _EVERYTHING, self._cursor, head, READ_BATCH)
                    if head > self._cursor
                    else []
                )
            full = len(rows) == READ_BATCH
            self._cursor = rows[-1].sequence if full else max(self._cursor, head)
            if rows:
                for subscription in list(self._subscribers):
                    subscription._offer(rows)
                    if subscription.lagged:
                        self._subscribers.discard(subscription)
            return full

    # -- wake-ups -------------------------------------------------------------------------

    def ticket(self) -> asyncio.Event:
        """Take BEFORE querying; `wait(ticket)` then returns at once if a wake came between."""
        self._ensure_listener()
        return self._changed

    async def wait(self, ticket: asyncio.Event) -> None:
        """Until the next wake-up after the ticket was taken, or the poll interval."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(ticket.wait(), self.poll_seconds)

    @property
    def polling(self) -> bool:
        """True when the reader polls on PostgreSQL instead of LISTENing."""
        return self.is_postgres and self.db is not None and self.db.seams.change_feed == "poll"

    @property
    def poll_seconds(self) -> float:
        if not self.is_postgres:
            return self.sqlite_poll_seconds
        if self.polling:
            assert self.db is not None
            return self.db.seams.poll_seconds
        return self.listen_poll_seconds if self._listening else self.disconnected_poll_seconds

    def wake(self) -> None:
        changed, self._changed = self._changed, asyncio.Event()
        changed.set()

    # -- lifecycle ------------------------------------------------------------------------

    def _ensure_listener(self) -> None:
        if self.is_postgres and not self.polling and self._task is None and not self._stopped:
            self._task = asyncio.create_task(self._listen_forever(), name="keyturn-audit-listen")

    async def stop(self) -> None:
        self._stopped = True
        for name in ("_task", "_reader"):
            task = getattr(self, name)
            setattr(self, name, None)
            await background.cancel(task)
        self.wake()

    async def _listen_forever(self) -> None:
        import psycopg

        delay = 0.5
        while True:
            try:
                params = (
                    self.db.connect_params()
                    if self.db is not None
                    else {"conninfo": libpq_url(self.database_url)}
                )
                async with await psycopg.AsyncConnection.connect(autocommit=True, **params) as conn:
                    await conn.execute(f"LISTEN {NOTIFY_CHANNEL}")
                    self._listening = True
                    delay = 0.5
                    # Events committed while we were not listening: let streams re-query.
                    self.wake()
                    async for _notify in conn.notifies():
                        self.notifications += 1
                        self.wake()
            except asyncio.CancelledError:
                raise
            except Exception as error:
                log.warning(
                    "audit LISTEN connection lost; streams fall back to polling",
                    exc_info=not is_outage(error),
                )
            finally:
                self._listening = False
            await asyncio.sleep(delay)
            delay = min(delay * 2, 10.0)
