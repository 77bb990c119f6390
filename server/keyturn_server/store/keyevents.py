"""Key-change events: evict locally at once, and on PostgreSQL tell the other replicas.

`KeyEventBus.key_changed(key_id)` (the domain.ports.KeyEvents seam, called after the change
committed) evicts this replica's cache entry and sends `NOTIFY keyturn_key_events, '<id>'`.
Every replica keeps one dedicated autocommit psycopg connection that LISTENs on the channel
and evicts the named key when a notification arrives (typically within milliseconds).

If the LISTEN connection fails, the listener reconnects with backoff and, once listening
again, drops the whole local cache: notifications sent while it was away are lost, so
anything cached may be stale. The cache TTL bounds staleness even if the database stays
unreachable. SQLite is single-process, so there is nothing to notify.

The same channel carries other cache-invalidating topics as `topic:subject` payloads
(`principal:<id>` when a principal or token changes, `links:` when a product is linked to a
project, `key_policy:<owner>` when UpdateKeyPolicy changes a policy): they go to the callbacks registered with `subscribe(topic, ...)`, here and on
every other replica, and to all of them after a LISTEN reconnect.

The LISTEN connection uses `Database.connect_params()`: the pool's own hosts and
target_session_attrs, so after a primary switchover it reconnects to the new primary.

KEYTURN_CHANGE_FEED=poll (for engines without LISTEN/NOTIFY, e.g. CockroachDB) replaces the
channel by the durable `key_change` table: `key_changed`/`announce` insert a row where they
would NOTIFY, and every replica polls every `poll_seconds` for rows created in a window
reaching `overlap_seconds` back (sequence ids may commit out of order, so the window is by
the database's clock, and ids already handled are skipped). Rows older than
`retention_seconds` are deleted by whichever replica's poller gets there. A failed poll is
treated like a lost LISTEN connection: the next successful one drops the whole local cache.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy import delete, func, insert, select, text

from keyturn_server import background
from keyturn_server.store.db import Database, is_outage
from keyturn_server.store.models import KeyChange

log = logging.getLogger("keyturn.keyevents")

CHANNEL = "keyturn_key_events"
TOPIC_PRINCIPAL = "principal"
TOPIC_LINKS = "links"
TOPIC_KEY_POLICY = "key_policy"  # subject: the policy's owner, organizations/{id} or projects/{id}


class KeyEventBus:
    def __init__(
        self,
        db: Database,
        evict: Callable[[str], None],
        evict_all: Callable[[], None],
        reconnect_delay: float = 0.5,
        *,
        overlap_seconds: float = 5.0,
        retention_seconds: float = 3600.0,
        prune_interval_seconds: float = 60.0,
    ) -> None:
        self.db = db
        self.evict = evict
        self.evict_all = evict_all
        self.reconnect_delay = reconnect_delay
        self.polling = db.seams.change_feed == "poll"
        self.poll_seconds = db.seams.poll_seconds
        self.overlap = timedelta(seconds=overlap_seconds)
        self.retention = timedelta(seconds=retention_seconds)
        self.prune_interval = prune_interval_seconds
        self._task: asyncio.Task[None] | None = None
        self.listening = asyncio.Event()
        self.received = 0
        self._topics: dict[str, list[Callable[[], None]]] = {}

    def subscribe(self, topic: str, on_change: Callable[[], None]) -> None:
        """Call `on_change` when any replica announces `topic` (and after a reconnect, when
        announcements may have been missed)."""
        self._topics.setdefault(topic, []).append(on_change)

    async def announce(self, topic: str, subject: str = "") -> None:
        """Run this replica's `topic` callbacks now and tell the other replicas."""
        self._run(topic)
        await self._notify(f"{topic}:{subject}")

    async def principal_changed(self, principal_id: str) -> None:
        await self.announce(TOPIC_PRINCIPAL, principal_id)

    async def links_changed(self) -> None:
        await self.announce(TOPIC_LINKS)

    async def key_changed(self, key_id: str) -> None:
        self.evict(key_id)
        await self._notify(key_id)

    def _run(self, topic: str) -> None:
        for callback in self._topics.get(topic, ()):
            callback()

    def _dispatch(self, payload: str) -> None:
        topic, sep, _subject = payload.partition(":")
        if sep:
            self._run(topic)
        elif payload:
            self.evict(payload)  # key ids (UUIDs) carry no topic

    def _reset(self) -> None:
        self.evict_all()
        for topic in self._topics:
            self._run(topic)

    async def _notify(self, payload: str) -> None:
        if not self.db.is_postgres:
            return
        try:
            if self.polling:
                async with self.db.transaction() as session:
                    await session.execute(insert(KeyChange).values(payload=payload, create_time=func.now()))
                return
            async with self.db.engine.connect() as conn:
                await conn.execute(
                    text("SELECT pg_notify(:channel, :payload)"), {"channel": CHANNEL, "payload": payload}
                )
                await conn.commit()
        except Exception as error:
            # The change is committed; other replicas will catch up through the cache TTL.
            log.warning("could not announce a key change", exc_info=not is_outage(error))

    async def start(self, ready_timeout: float = 5.0) -> None:
        if not self.db.is_postgres or self._task is not None:
            return
        if self.polling:
            self._task = asyncio.create_task(self._poll_forever(), name="keyturn-key-changes")
        else:
            self._task = asyncio.create_task(self._listen_forever(), name="keyturn-key-events")
        try:
            await asyncio.wait_for(self.listening.wait(), ready_timeout)
        except TimeoutError:
            log.warning("the key-change feed is not established yet; retrying in the background")

    async def stop(self) -> None:
        task, self._task = self._task, None
        await background.cancel(task)

    async def _listen_forever(self) -> None:
        import psycopg

        delay = self.reconnect_delay
        first = True
        while True:
            try:
                conn = await psycopg.AsyncConnection.connect(autocommit=True, **self.db.connect_params())
                try:
                    await conn.execute(f"LISTEN {CHANNEL}")
                    if not first:
                        self._reset()  # we may have missed notifications while away
                    first = False
                    delay = self.reconnect_delay
                    self.listening.set()
                    async for notify in conn.notifies():
                        self.received += 1
                        self._dispatch(notify.payload)
                finally:
                    self.listening.clear()
                    with contextlib.suppress(Exception):
                        await conn.close()
            except asyncio.CancelledError:
                raise
            except Exception as error:
                log.warning(
                    "LISTEN connection lost; reconnecting (%s)",
                    type(error).__name__,
                    exc_info=not is_outage(error),
                )
                await asyncio.sleep(delay)
                delay = min(delay * 2, 10.0)

    async def _poll_forever(self) -> None:
        seen: dict[int, datetime] = {}  # ids already handled, with their create_time
        since: datetime | None = None  # the database's time at the last good poll
        missed = False  # a poll failed: changes may have gone by unseen
        next_prune = 0.0
        loop = asyncio.get_running_loop()
        while True:
            try:
                async with self.db.transaction() as session:
                    now = (await session.execute(select(func.now()))).scalar_one()
                    start = (since or now) - self.overlap
                    rows = (
                        await session.execute(
                            select(KeyChange.id, KeyChange.payload, KeyChange.create_time)
                            .where(KeyChange.create_time > start)
                            .order_by(KeyChange.id)
                        )
                    ).all()
                    if loop.time() >= next_prune:
                        cutoff = now - self.retention
                        await session.execute(delete(KeyChange).where(KeyChange.create_time < cutoff))
                        next_prune = loop.time() + self.prune_interval
                if missed:
                    self._reset()
                    missed = False
                for change_id, payload, created in rows:
                    if change_id not in seen:
                        seen[change_id] = created
                        self.received += 1
                        self._dispatch(payload)
                for change_id in [i for i, created in seen.items() if created <= start]:
                    del seen[change_id]  # outside every later window
                since = now
                self.listening.set()
            except asyncio.CancelledError:
                raise
            except Exception as error:
                if not missed:
                    log.warning(
                        "key-change poll failed; retrying (%s)",
                        type(error).__name__,
                        exc_info=not is_outage(error),
                    )
                self.listening.clear()
                missed, since = True, None
            await asyncio.sleep(self.poll_seconds)
