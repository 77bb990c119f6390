"""use_count / last_used_time: aggregated in memory, written in batches as atomic increments.

The hot path only calls `UsageTracker.record(key_id, when)` (a dict update). A background
task calls `flush()` every `usage_flush_interval_seconds` (and once more on shutdown); each
flush is one transaction of

    UPDATE api_key SET use_count = use_count + :n,
                       last_used_time = CASE WHEN last_used_time IS NULL OR last_used_time < :t
                                             THEN :t ELSE last_used_time END
    WHERE id = :id

in key-id order (so concurrent flushes from several replicas cannot deadlock). The increment
happens in SQL, so replicas never lose each other's updates, and last_used_time never moves
backwards. A stored use_count lags the truth by at most one flush interval (plus the flush's
own duration); a failed flush keeps its counts and retries on the next tick. Counts for a
deleted key are dropped (the UPDATE matches no row).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import cast

from sqlalchemy import Table, bindparam, case, update

from keyturn_server.store.db import Database
from keyturn_server.store.models import ApiKey, UTCDateTime

log = logging.getLogger("keyturn.usage")

_table = cast(Table, ApiKey.__table__)
_INCREMENT = (
    update(_table)
    .where(_table.c.id == bindparam("kid"))
    .values(
        use_count=_table.c.use_count + bindparam("n"),
        last_used_time=case(
            (
                (_table.c.last_used_time.is_(None))
                | (_table.c.last_used_time < bindparam("t", type_=UTCDateTime())),
                bindparam("t", type_=UTCDateTime()),
            ),
            else_=_table.c.last_used_time,
        ),
    )
)


@dataclass
class PendingUse:
    count: int
    last_used: datetime


class UsageTracker:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._pending: dict[str, PendingUse] = {}
        # Called with (key_id, count, last_used) after each key's increment is committed.
        self.on_flushed: Callable[[str, int, datetime], None] | None = None
        # For the metrics collector: when the last flush committed (monotonic), and totals.
        self.last_flush_monotonic = time.monotonic()
        self.flushed_uses = 0
        self.flush_failures = 0

    def lag_seconds(self) -> float:
        """How far the stored use counts may be behind: 0 with nothing pending, else the
        time since the last committed flush."""
        if not self._pending:
            return 0.0
        return max(0.0, time.monotonic() - self.last_flush_monotonic)

    def record(self, key_id: str, when: datetime) -> None:
        pending = self._pending.get(key_id)
        if pending is None:
            self._pending[key_id] = PendingUse(1, when)
        else:
            pending.count += 1
            if when > pending.last_used:
                pending.last_used = when

    def pending(self, key_id: str) -> PendingUse | None:
        return self._pending.get(key_id)

    def discard(self, key_id: str) -> None:
        self._pending.pop(key_id, None)

    async def flush(self) -> int:
        """Write every pending count; returns how many uses were written."""
        if not self._pending:
            self.last_flush_monotonic = time.monotonic()
            return 0
        batch, self._pending = self._pending, {}
        params = [
            {"kid": key_id, "n": use.count, "t": use.last_used} for key_id, use in sorted(batch.items())
        ]
        try:
            async with self.db.transaction() as session:
                await session.execute(_INCREMENT, params)
        except BaseException:
            self.flush_failures += 1
            # Put the batch back (merged with anything recorded meanwhile) for the next tick.
            for key_id, use in batch.items():
                current = self._pending.get(key_id)
                if current is None:
                    self._pending[key_id] = use
                else:
                    current.count += use.count
                    current.last_used = max(current.last_used, use.last_used)
            raise
        self.last_flush_monotonic = time.monotonic()
        written = sum(use.count for use in batch.values())
        self.flushed_uses += written
        if self.on_flushed is not None:
            for key_id, use in batch.items():
                self.on_flushed(key_id, use.count, use.last_used)
        return written
