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
project): they go to the callbacks registered with `subscribe(topic, ...)`, here and on
every other replica, and to all of them after a LISTEN reconnect.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable

from sqlalchemy import text
from sqlalchemy.engine import make_url

from keyturn_server.store.db import Database, is_outage

log = logging.getLogger("keyturn.keyevents")

CHANNEL = "keyturn_key_events"
TOPIC_PRINCIPAL = "principal"
TOPIC_LINKS = "links"


def libpq_url(database_url: str) -> str:
    """The SQLAlchemy URL as a plain libpq URL for psycopg.connect."""
    url = make_url(database_url).set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


class KeyEventBus:
    def __init__(
        self,
        db: Database,
        evict: Callable[[str], None],
        evict_all: Callable[[], None],
        reconnect_delay: float = 0.5,
    ) -> None:
        self.db = db
        self.evict = evict
        self.evict_all = evict_all
        self.reconnect_delay = reconnect_delay
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
        key_id = payload
        if not self.db.is_postgres:
            return
        try:
            async with self.db.engine.connect() as conn:
                await conn.execute(
                    text("SELECT pg_notify(:channel, :payload)"), {"channel": CHANNEL, "payload": key_id}
                )
                await conn.commit()
        except Exception as error:
            # The change is committed; other replicas will catch up through the cache TTL.
            log.warning("could not NOTIFY a key change", exc_info=not is_outage(error))

    async def start(self, ready_timeout: float = 5.0) -> None:
        if not self.db.is_postgres or self._task is not None:
            return
        self._task = asyncio.create_task(self._listen_forever(), name="keyturn-key-events")
        try:
            await asyncio.wait_for(self.listening.wait(), ready_timeout)
        except TimeoutError:
            log.warning("LISTEN %s not established yet; retrying in the background", CHANNEL)

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def _listen_forever(self) -> None:
        import psycopg

        delay = self.reconnect_delay
        first = True
        while True:
            try:
                conn = await psycopg.AsyncConnection.connect(libpq_url(self.db.url), autocommit=True)
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
