"""Rate-limit counters: atomic in SQL, with quota leased to replicas for large limits.

The shared state is one `rate_limit_counter` row per key and window. Every change is a
single statement that checks and increments at once (PostgreSQL and SQLite >= 3.35):

    INSERT INTO rate_limit_counter (key_id, window_start, count) VALUES (:key, :start, :n)
    ON CONFLICT (key_id, window_start) DO UPDATE
        SET count = rate_limit_counter.count + :n
        WHERE rate_limit_counter.count + :n <= :limit
    RETURNING count

A row comes back only when the increment fit under the limit, so concurrent callers on any
number of replicas can never push the counter past it; there is no read-modify-write in
Python.

`RateLimiter` sits in front of the counter:

- Limits under 1000 per window (see domain.ratelimit.lease_block): each successful
  validation increments the counter by one. Exact to the unit across replicas.
- Larger limits: a replica leases a block of units (limit // 1000, at most 1000) with one
  increment and serves them from memory, so steady state costs one database round trip per
  block instead of per call. The counter still never exceeds the limit, so the limit is never
  exceeded; at worst `block - 1` units per replica stay unused when the window ends (or the
  key changes), i.e. under-admission is bounded by `replicas * (block - 1)` per window.
  Unused leases of the current window are handed back on shutdown.
- Once the counter refuses even a single unit, the replica remembers the window as exhausted
  and denies without a database round trip until the window ends.

The `remaining` reported to callers is exact for unleased limits; for leased limits it is
this replica's view (the counter at lease time minus what this replica has used since).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import text

from keyturn_server.domain.ratelimit import Window, current_window, lease_block
from keyturn_server.store.db import Database

log = logging.getLogger("keyturn.ratelimit")

_CONSUME = text(
    "INSERT INTO rate_limit_counter (key_id, window_start, count) VALUES (:key_id, :window_start, :n) "
    "ON CONFLICT (key_id, window_start) DO UPDATE SET count = rate_limit_counter.count + :n "
    "WHERE rate_limit_counter.count + :n <= :limit "
    "RETURNING count"
)
_DELETE_ENDED = text("DELETE FROM rate_limit_counter WHERE window_start < :before")
_GIVE_BACK = text(
    "UPDATE rate_limit_counter SET count = count - :n "
    "WHERE key_id = :key_id AND window_start = :window_start AND count >= :n"
)


async def consume(db: Database, key_id: str, window_start: int, n: int, limit: int) -> int | None:
    """Atomically add `n` to the window's counter if the result stays <= limit.

    Returns the new count, or None when the increment did not fit (nothing changed).
    """
    if n > limit:
        return None
    async with db.transaction() as session:
        result = await session.execute(
            _CONSUME, {"key_id": key_id, "window_start": window_start, "n": n, "limit": limit}
        )
        row = result.first()
    return None if row is None else int(row[0])


async def give_back(db: Database, key_id: str, window_start: int, n: int) -> None:
    """Return `n` unused leased units of a window (best effort, never below zero)."""
    async with db.transaction() as session:
        await session.execute(_GIVE_BACK, {"key_id": key_id, "window_start": window_start, "n": n})


async def delete_ended(db: Database, now: float) -> int:
    """Delete counters of windows that ended: anything that started over a day ago (a DAY
    window is the longest). Returns the number of rows deleted."""
    async with db.transaction() as session:
        result = await session.execute(_DELETE_ENDED, {"before": int(now) - 86_400})
    return int(getattr(result, "rowcount", 0) or 0)


@dataclass(slots=True)
class RateDecision:
    allowed: bool
    limit: int
    remaining: int
    window: Window
    retry_after: float


@dataclass
class _Lease:
    window_start: int
    window_end: int
    limit: int
    available: int
    counter: int  # the shared counter right after this lease was taken


class RateLimiter:
    def __init__(self, db: Database, clock: Callable[[], float] = time.time) -> None:
        self.db = db
        self.clock = clock
        self._leases: dict[str, _Lease] = {}
        self._exhausted: dict[str, tuple[int, int, int]] = {}  # key_id -> full (start, length, limit)
        self._locks: dict[str, asyncio.Lock] = {}
        # For the metrics collector: leases taken from the shared counter (refills), and
        # validations refused without a round trip because the window was known exhausted.
        self.lease_refills = 0
        self.exhausted_denials = 0

    async def acquire(self, key_id: str, limit: int, window_name: str) -> RateDecision:
        """Take one unit of quota for a successful validation, or deny."""
        now = self.clock()
        window = current_window(now, window_name)
        if self._exhausted.get(key_id) == (window.start, window.length, limit):
            self.exhausted_denials += 1
            return self._deny(limit, window, now)
        block = lease_block(limit)
        if block == 1:
            count = await consume(self.db, key_id, window.start, 1, limit)
            if count is None:
                self._exhausted[key_id] = (window.start, window.length, limit)
                return self._deny(limit, window, now)
            return RateDecision(True, limit, max(0, limit - count), window, 0.0)

        granted = self._from_lease(key_id, limit, window)
        if granted is not None:
            return granted
        lock = self._locks.get(key_id)
        if lock is None:
            lock = self._locks[key_id] = asyncio.Lock()
        async with lock:
            granted = self._from_lease(key_id, limit, window)
            if granted is not None:
                return granted
            n = block
            while True:
                count = await consume(self.db, key_id, window.start, n, limit)
                if count is not None:
                    break
                if n == 1:
                    self._exhausted[key_id] = (window.start, window.length, limit)
                    return self._deny(limit, window, now)
                n = 1  # the counter is nearly full: take the last units one at a time
            self._leases[key_id] = _Lease(window.start, window.reset, limit, n - 1, count)
            self.lease_refills += 1
            return RateDecision(True, limit, max(0, limit - count + n - 1), window, 0.0)

    def _from_lease(self, key_id: str, limit: int, window: Window) -> RateDecision | None:
        lease = self._leases.get(key_id)
        if lease is None or lease.window_start != window.start or lease.limit != limit:
            return None
        if lease.available <= 0:
            return None
        lease.available -= 1
        return RateDecision(True, limit, max(0, limit - lease.counter + lease.available), window, 0.0)

    def _deny(self, limit: int, window: Window, now: float) -> RateDecision:
        return RateDecision(False, limit, 0, window, window.retry_after(now))

    def forget(self, key_id: str) -> None:
        """Drop local state for a key that changed (its limit may be different now)."""
        self._leases.pop(key_id, None)
        self._exhausted.pop(key_id, None)

    def clear(self) -> None:
        self._leases.clear()
        self._exhausted.clear()

    def prune(self) -> None:
        """Forget leases and exhaustion marks of windows that have ended (bounds memory)."""
        now = self.clock()
        for key_id, (start, length, _limit) in list(self._exhausted.items()):
            if start + length <= now:
                del self._exhausted[key_id]
        for key_id, lease in list(self._leases.items()):
            if lease.window_end <= now or lease.available <= 0:
                del self._leases[key_id]
        for key_id, lock in list(self._locks.items()):
            if key_id not in self._leases and not lock.locked():
                del self._locks[key_id]

    async def release_all(self) -> None:
        """Hand unused leased units of still-current windows back to the shared counter."""
        leases, self._leases = self._leases, {}
        for key_id, lease in leases.items():
            if lease.available > 0:
                try:
                    await give_back(self.db, key_id, lease.window_start, lease.available)
                except Exception:
                    log.warning("could not return leased quota", exc_info=True)
