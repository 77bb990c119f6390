"""One reader per process for an append-only, sequenced log, fanned out to every open stream.

`FanOutFeed` is the shared mechanism behind StreamAuditEvents (store/audit_feed.py
AuditFeed over `audit_event`) and WatchKeyEvents (store/key_event_log.py KeyEventFeed over
`key_event`). A subclass says which channel announces appends and how to read the log's head
and the rows after a sequence; everything else is here.

Streams `subscribe()`; one reader task queries the new rows ONCE per wake-up (sequence > its
cursor, no filter) and hands the same rows to every subscriber, each of which applies its own
filter in memory. So N open streams cost one query per wake-up, not N. A subscriber that falls
more than `SUBSCRIBER_BUFFER` rows behind is marked `lagged` and dropped; its stream catches
up from the database on its own and subscribes again.

When the reader wakes:

* PostgreSQL: one dedicated autocommit connection LISTENs on the subclass's channel; the
  append NOTIFYs in the appending transaction, which PostgreSQL delivers on commit to every
  replica. The reader still re-queries every `listen_poll_seconds` as a backstop (a
  notification sent while the listener was reconnecting is otherwise missed).
* SQLite (single process): the reader polls every `sqlite_poll_seconds`; local writers also
  call `wake()` after they commit, so the embedded default is usually faster than the poll.
* PostgreSQL with KEYTURN_CHANGE_FEED=poll (engines without LISTEN/NOTIFY): no listener and
  no NOTIFY; the reader polls every `Seams.poll_seconds`, local writers still `wake()` it.

The LISTEN connection uses `Database.connect_params()` (the pool's hosts and
target_session_attrs), so it follows a primary switchover.

The reader never relies on the payload: a wake-up only means "query for sequence > cursor
again". Because appends are serialized by the chain lock until commit, sequences become
visible in order, so a cursor on `sequence` never skips a row.

`nudge()` wakes every subscriber without a read (the streams re-authorize their callers when
access changed: usecases/stream_access.py); `close_streams()` at shutdown wakes them for good.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from abc import ABC, abstractmethod
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar, cast

from keyturn_server import background
from keyturn_server.store.db import is_outage

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession
    from sqlalchemy.orm import Mapped

    from keyturn_server.store.db import Database

log = logging.getLogger("keyturn.fanout")

READ_BATCH = 500
SUBSCRIBER_BUFFER = 10_000


class Sequenced(Protocol):
    """A row of the log: its `sequence` column."""

    sequence: Mapped[int]


RowT = TypeVar("RowT", bound=Sequenced)


def sequence_of(row: Sequenced) -> int:
    """The row's sequence (the ORM column read on an instance is an int)."""
    return cast(int, row.sequence)


class Subscription(Generic[RowT]):
    """One stream's view of the feed: the rows with sequence > `start`, in order.

    `head` is the last committed sequence when the subscription began (>= start): where a
    live-only stream begins. Rows in (cursor, start] are the stream's to read from the
    database (its catch-up); the feed hands over every row after `start`.
    """

    def __init__(self, feed: FanOutFeed[RowT], start: int, head: int) -> None:
        self.feed = feed
        self.start = start
        self.head = head
        self.rows: asyncio.Queue[RowT] = asyncio.Queue()
        self.lagged = False
        self.changed = asyncio.Event()

    def _offer(self, rows: list[RowT]) -> None:
        if self.lagged:
            return
        if self.rows.qsize() + len(rows) > SUBSCRIBER_BUFFER:
            self.lagged = True  # the stream re-reads from the database and subscribes again
        else:
            for row in rows:
                self.rows.put_nowait(row)
        self.changed.set()

    async def next_batch(self, wait_seconds: float) -> list[RowT]:
        """The rows delivered so far (waits up to `wait_seconds` for the first, or a nudge);
        [] if none."""
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


class FanOutFeed(ABC, Generic[RowT]):
    """The shared reader of one sequenced log (see the module docstring)."""

    # LISTEN/NOTIFY channel the log's appends NOTIFY on; a name for tasks and log lines.
    channel: str
    name: str

    def __init__(
        self,
        db: Database,
        *,
        sqlite_poll_seconds: float = 0.2,
        listen_poll_seconds: float = 2.0,
        disconnected_poll_seconds: float = 0.5,
    ) -> None:
        self.db = db
        self.sqlite_poll_seconds = sqlite_poll_seconds
        self.listen_poll_seconds = listen_poll_seconds
        self.disconnected_poll_seconds = disconnected_poll_seconds
        self.notifications = 0
        # How many times the reader queried for new rows (one per wake-up with subscribers).
        self.reads = 0
        # How many subscribers were dropped for falling behind (each then caught up itself).
        self.dropped = 0
        self._cursor: int | None = None
        self._subscribers: set[Subscription[RowT]] = set()
        self._reader: asyncio.Task[None] | None = None
        self._lock = asyncio.Lock()
        self._changed = asyncio.Event()
        self._listening = False
        self._task: asyncio.Task[None] | None = None
        self._stopped = False
        # Set at the start of shutdown: every open stream ends at once (see close_streams).
        self.closing = False

    # -- what a subclass reads ------------------------------------------------------------

    @abstractmethod
    async def head(self, session: AsyncSession) -> int:
        """The highest committed sequence (0 when the log is empty)."""

    @abstractmethod
    async def rows_after(self, session: AsyncSession, after: int, through: int, limit: int) -> list[RowT]:
        """Every row with after < sequence <= through, oldest first, at most `limit`."""

    # -- fan-out ------------------------------------------------------------------------

    @property
    def subscribers(self) -> int:
        return len(self._subscribers)

    async def subscribe(self) -> Subscription[RowT]:
        """A subscription receiving every row after the feed's current position."""
        async with self._lock:
            async with self.db.transaction() as session:
                head = await self.head(session)
            if self._cursor is None or not self._subscribers:
                self._cursor = head  # nobody was following: nothing to hand over below head
            subscription = Subscription(self, self._cursor, head)
            self._subscribers.add(subscription)
        if self._reader is None and not self._stopped:
            self._reader = asyncio.create_task(self._read_forever(), name=f"keyturn-{self.name}-fanout")
        return subscription

    def nudge(self) -> None:
        """Wake every subscriber now, without a read (its stream re-checks its caller)."""
        for subscription in list(self._subscribers):
            subscription.changed.set()

    def close_streams(self) -> None:
        """Shutdown has begun: wake every subscriber so its stream can end now."""
        self.closing = True
        self.nudge()

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
                    log.warning("%s fan-out read failed; retrying", self.name, exc_info=not is_outage(error))
                    await asyncio.sleep(delay)
                    delay = min(delay * 2, 5.0)
                    continue
                if more:
                    continue
            await self.wait(ticket)

    async def _read_once(self) -> bool:
        """Fetch the rows after the cursor once and hand them to every subscriber."""
        async with self._lock:
            assert self._cursor is not None
            self.reads += 1
            async with self.db.transaction() as session:
                head = await self.head(session)
                rows = (
                    await self.rows_after(session, self._cursor, head, READ_BATCH)
                    if head > self._cursor
                    else []
                )
            full = len(rows) == READ_BATCH
            self._cursor = sequence_of(rows[-1]) if full else max(self._cursor, head)
            if rows:
                for subscription in list(self._subscribers):
                    subscription._offer(rows)
                    if subscription.lagged:
                        self._subscribers.discard(subscription)
                        self.dropped += 1
            return full

    # -- wake-ups -------------------------------------------------------------------------

    def ticket(self) -> asyncio.Event:
        """Take BEFORE querying; `wait(ticket)` then returns at once if a wake came between."""
        if self.listens and self._task is None and not self._stopped:
            self._task = asyncio.create_task(self._listen_forever(), name=f"keyturn-{self.name}-listen")
        return self._changed

    async def wait(self, ticket: asyncio.Event) -> None:
        """Until the next wake-up after the ticket was taken, or the poll interval."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(ticket.wait(), self.poll_seconds)

    @property
    def listens(self) -> bool:
        """True when the reader LISTENs (PostgreSQL with KEYTURN_CHANGE_FEED=notify)."""
        return self.db.is_postgres and self.db.seams.change_feed == "notify"

    @property
    def polling(self) -> bool:
        """True when the reader polls on PostgreSQL instead of LISTENing."""
        return self.db.is_postgres and not self.listens

    @property
    def poll_seconds(self) -> float:
        if not self.db.is_postgres:
            return self.sqlite_poll_seconds
        if self.polling:
            return self.db.seams.poll_seconds
        return self.listen_poll_seconds if self._listening else self.disconnected_poll_seconds

    def wake(self) -> None:
        changed, self._changed = self._changed, asyncio.Event()
        changed.set()

    # -- lifecycle ------------------------------------------------------------------------

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
                params = self.db.connect_params()
                async with await psycopg.AsyncConnection.connect(autocommit=True, **params) as conn:
                    await conn.execute(f"LISTEN {self.channel}")
                    self._listening = True
                    delay = 0.5
                    # Rows committed while we were not listening: query again.
                    self.wake()
                    async for _notify in conn.notifies():
                        self.notifications += 1
                        self.wake()
            except asyncio.CancelledError:
                raise
            except Exception as error:
                log.warning(
                    "%s LISTEN connection lost; streams fall back to polling",
                    self.name,
                    exc_info=not is_outage(error),
                )
            finally:
                self._listening = False
            await asyncio.sleep(delay)
            delay = min(delay * 2, 10.0)


__all__ = ["READ_BATCH", "SUBSCRIBER_BUFFER", "FanOutFeed", "Sequenced", "Subscription"]


# The rows of one stream (a model with a `sequence`; mypy sees ORM columns on the class only).
StreamRowT = TypeVar("StreamRowT")


async def replay_then_follow(
    feed: FanOutFeed[Any],
    cursor: int | None,
    *,
    read: Callable[[int, int], Awaitable[list[StreamRowT]]],
    batch_size: int,
    matches: Callable[[StreamRowT], bool],
    step: Callable[[], Awaitable[None]],
    before_subscribe: Callable[[int], Awaitable[None]] | None = None,
    on_start: Callable[[int], Awaitable[None]] | None = None,
) -> AsyncIterator[StreamRowT]:
    """The one stream loop of StreamAuditEvents and WatchKeyEvents: the rows after `cursor`
    (None: from the head, live only) in sequence order, until the caller stops iterating.

    Subscribe; catch up from the database with `read(after, through)` (at most `batch_size`
    rows of (after, through], already filtered) up to where the subscription starts; then
    follow the rows the shared reader hands over, filtered by `matches`. A subscriber that
    lagged behind catches up again. `step()` runs before every read and around every wait:
    it raises to end the stream (shutdown, the caller lost access) and may narrow what
    `read` and `matches` let through (they are called afresh each time).
    `before_subscribe(cursor)` checks a cursor before each subscription (a pruned cursor is
    refused); `on_start(n)` is awaited once, when the starting point n is known.
    """
    while True:
        await step()
        if before_subscribe is not None and cursor is not None:
            await before_subscribe(cursor)
        subscription = await feed.subscribe()
        try:
            if cursor is None:
                cursor = subscription.head
            if on_start is not None:
                await on_start(cursor)
                on_start = None
            # Catch up from the database: rows in (cursor, subscription.start], in short
            # reads of batch_size rows, each yielded after its read ends.
            while cursor < subscription.start:
                await step()
                rows = await read(cursor, subscription.start)
                for row in rows:
                    yield row
                cursor = (
                    sequence_of(cast(Sequenced, rows[-1])) if len(rows) == batch_size else subscription.start
                )
            # Follow: rows the shared reader hands over, filtered here.
            while not subscription.lagged:
                await step()
                batch: list[StreamRowT] = await subscription.next_batch(feed.poll_seconds)
                await step()  # access may have changed while waiting (a change nudges the wait)
                for row in batch:
                    sequence = sequence_of(cast(Sequenced, row))
                    if sequence <= cursor:
                        continue
                    cursor = sequence
                    if matches(row):
                        yield row
        finally:
            subscription.close()
