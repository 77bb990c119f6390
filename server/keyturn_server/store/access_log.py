"""The access log: ValidateKey attempts and CryptoService calls, written in batches.

`AccessLogWriter.submit(record)` is called on the hot path. It filters by the audit level
and puts the record on a bounded in-memory queue; a background task drains the queue in
batches (up to `batch_size` events, or whatever arrived within `linger_seconds` of the first
one) and appends each batch to the hash chain in ONE transaction (`append_batch`: the same lock
and chain as `append_events`, as one executemany).

Audit levels (KEYTURN_AUDIT_LEVEL) apply to `key.validate` records only:

    basic     no validation attempts (management actions are audited in their own
              transaction elsewhere, at every level)
    detailed  failed attempts only (the default)
    verbose   every attempt, successful ones included

Every other action submitted here (e.g. `crypto.*`) is always kept.

Back-pressure, not silent loss: when the queue is full, `submit` waits up to
`put_timeout_seconds` for room, so a burst slows callers down a little instead of dropping
events. Events are still lost, and counted in `dropped` plus a warning log line, when:

* the queue stays full for longer than that wait (the database is down or far too slow);
* a batch cannot be written after the retries at shutdown (the database is unreachable);
* the process dies without a graceful stop (SIGKILL, OOM, power loss): whatever is in the
  queue, at most `audit_queue_size` events plus one batch, is gone and cannot be counted.

A graceful stop (SIGTERM) stops accepting RPCs first, then `stop()` flushes the queue.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable

from keyturn_server import background
from keyturn_server.config import AuditLevel
from keyturn_server.domain.audit import AuditRecord, level_records
from keyturn_server.domain.audit_query import VALIDATE_ACTION
from keyturn_server.store.audit import append_batch
from keyturn_server.store.db import Database, is_outage

log = logging.getLogger("keyturn.audit")

DEFAULT_BATCH_SIZE = 500
DEFAULT_LINGER_SECONDS = 0.1
DEFAULT_PUT_TIMEOUT_SECONDS = 1.0
_RETRY_DELAYS = (0.1, 0.5, 1.0, 2.0)


def keeps(level: AuditLevel, record: AuditRecord) -> bool:
    """Whether the audit level records this access event."""
    return level_records(level, record.action == VALIDATE_ACTION, record.outcome)


class AccessLogWriter:
    """Implements domain.ports.AccessLog over a bounded queue and a batching writer task."""

    def __init__(
        self,
        db: Database,
        level: AuditLevel,
        queue_size: int,
        *,
        batch_size: int = DEFAULT_BATCH_SIZE,
        linger_seconds: float = DEFAULT_LINGER_SECONDS,
        put_timeout_seconds: float = DEFAULT_PUT_TIMEOUT_SECONDS,
        on_written: Callable[[], None] | None = None,
    ) -> None:
        self.db = db
        self.level = level
        self.batch_size = batch_size
        self.linger_seconds = linger_seconds
        self.put_timeout_seconds = put_timeout_seconds
        self.queue: asyncio.Queue[AuditRecord] = asyncio.Queue(maxsize=max(1, queue_size))
        self.on_written = on_written
        # Counters for tests, logs and (later) metrics.
        self.accepted = 0
        self.filtered = 0
        self.written = 0
        self.batches = 0
        self.dropped = 0
        self._task: asyncio.Task[None] | None = None
        self._closed = False
        # The batch being collected: kept on the instance so a cancelled task loses nothing.
        self._pending: list[AuditRecord] = []

    # -- the hot path -------------------------------------------------------------------

    def keeps(self, action: str, outcome: str) -> bool:
        """Would an event of this action and outcome be kept? (Callers skip building it.)"""
        return level_records(self.level, action == VALIDATE_ACTION, outcome)

    async def submit(self, record: AuditRecord) -> None:
        if not keeps(self.level, record):
            self.filtered += 1
            return
        if self._closed:
            self._drop(1, "access log already stopped")
            return
        try:
            self.queue.put_nowait(record)
        except asyncio.QueueFull:
            try:
                await asyncio.wait_for(self.queue.put(record), self.put_timeout_seconds)
            except TimeoutError:
                self._drop(1, "audit queue full")
                return
        self.accepted += 1

    # -- lifecycle ----------------------------------------------------------------------

    async def start(self) -> None:
        if self._task is None:
            self._closed = False
            self._task = asyncio.create_task(self._run(), name="keyturn-access-log")

    async def flush(self) -> None:
        """Wait until everything submitted so far is written (or counted as dropped)."""
        await self.queue.join()

    async def stop(self) -> None:
        """Stop accepting, write what is queued, then end the writer task."""
        self._closed = True
        task, self._task = self._task, None
        if task is None:
            await self._drain_remaining()
            return
        try:
            await asyncio.wait_for(self.queue.join(), 30.0)
        except TimeoutError:
            log.warning("access log flush timed out", extra={"fields": {"queued": self.queue.qsize()}})
        await background.cancel(task)
        await self._drain_remaining()

    # -- the writer ---------------------------------------------------------------------

    async def _run(self) -> None:
        while True:
            await self._collect()
            batch, self._pending = self._pending, []
            await self._write(batch, retry_forever=not self._closed)

    async def _collect(self) -> None:
        """Fill self._pending: wait for one record, then up to batch_size or the linger time."""
        batch = self._pending
        batch.append(await self.queue.get())
        deadline = time.monotonic() + self.linger_seconds
        while len(batch) < self.batch_size:
            try:
                batch.append(self.queue.get_nowait())
                continue
            except asyncio.QueueEmpty:
                pass
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            try:
                batch.append(await asyncio.wait_for(self.queue.get(), remaining))
            except TimeoutError:
                break

    async def _write(self, batch: list[AuditRecord], *, retry_forever: bool) -> None:
        """Append one batch in one transaction, retrying while the database is unavailable."""
        attempt = 0
        try:
            while True:
                try:
                    async with self.db.transaction() as session:
                        await append_batch(session, batch)
                    break
                except asyncio.CancelledError:
                    self._drop(len(batch), "stopped while writing")
                    raise
                except Exception as error:
                    attempt += 1
                    if not retry_forever and attempt > len(_RETRY_DELAYS):
                        self._drop(len(batch), "audit batch could not be written")
                        return
                    delay = _RETRY_DELAYS[min(attempt, len(_RETRY_DELAYS)) - 1]
                    log.warning("audit batch write failed; retrying", exc_info=not is_outage(error))
                    await asyncio.sleep(delay)
                    retry_forever = retry_forever and not self._closed
            self.written += len(batch)
            self.batches += 1
            if self.on_written is not None:
                self.on_written()
        finally:
            for _ in batch:
                self.queue.task_done()

    async def _drain_remaining(self) -> None:
        """After the task has ended: write anything still queued (late submits)."""
        if self._pending:
            batch, self._pending = self._pending, []
            await self._write(batch, retry_forever=False)
        while not self.queue.empty():
            batch = []
            while len(batch) < self.batch_size and not self.queue.empty():
                batch.append(self.queue.get_nowait())
            await self._write(batch, retry_forever=False)

    def _drop(self, count: int, why: str) -> None:
        self.dropped += count
        log.warning(
            "audit events dropped",
            extra={"fields": {"dropped": count, "dropped_total": self.dropped, "why": why}},
        )
