"""Wake-ups for StreamAuditEvents when new audit events may have been committed.

One `AuditFeed` per server process, shared by every open stream:

* PostgreSQL: one dedicated autocommit connection LISTENs on `keyturn_audit`;
  `append_events` NOTIFYs in the appending transaction, which PostgreSQL delivers on commit
  to every replica. Streams still re-query every `listen_poll_seconds` as a backstop (a
  notification sent while the listener was reconnecting is otherwise missed).
* SQLite (single process): streams poll every `sqlite_poll_seconds`; local writers also call
  `wake()` after they commit, so the embedded default is usually faster than the poll.

Streams never rely on the payload: a wake-up only means "query for sequence > cursor again".
Because appends are serialized by the chain lock until commit, sequences become visible in
order, so a cursor on `sequence` never skips an event.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from sqlalchemy.engine import make_url

from keyturn_server.store.audit import NOTIFY_CHANNEL
from keyturn_server.store.db import is_outage

log = logging.getLogger("keyturn.audit")


def libpq_url(database_url: str) -> str:
    """A SQLAlchemy URL as a plain postgresql:// URI psycopg accepts."""
    parsed = make_url(database_url).set(drivername="postgresql")
    return parsed.render_as_string(hide_password=False)


class AuditFeed:
    def __init__(
        self,
        database_url: str,
        is_postgres: bool,
        *,
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
        self._changed = asyncio.Event()
        self._listening = False
        self._task: asyncio.Task[None] | None = None
        self._stopped = False

    # -- for streams ----------------------------------------------------------------------

    def ticket(self) -> asyncio.Event:
        """Take BEFORE querying; `wait(ticket)` then returns at once if a wake came between."""
        self._ensure_listener()
        return self._changed

    async def wait(self, ticket: asyncio.Event) -> None:
        """Until the next wake-up after the ticket was taken, or the poll interval."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(ticket.wait(), self.poll_seconds)

    @property
    def poll_seconds(self) -> float:
        if not self.is_postgres:
            return self.sqlite_poll_seconds
        return self.listen_poll_seconds if self._listening else self.disconnected_poll_seconds

    def wake(self) -> None:
        changed, self._changed = self._changed, asyncio.Event()
        changed.set()

    # -- lifecycle ------------------------------------------------------------------------

    def _ensure_listener(self) -> None:
        if self.is_postgres and self._task is None and not self._stopped:
            self._task = asyncio.create_task(self._listen_forever(), name="keyturn-audit-listen")

    async def stop(self) -> None:
        self._stopped = True
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        self.wake()

    async def _listen_forever(self) -> None:
        import psycopg

        delay = 0.5
        while True:
            try:
                async with await psycopg.AsyncConnection.connect(
                    libpq_url(self.database_url), autocommit=True
                ) as conn:
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
