"""The one cache type and the one single-flight helper of the server.

`KeyCache`: a bounded LRU cache with a TTL, used for API-key lookups (ValidateKey), principal
tokens (authentication) and their product/link facts. Entries are found by a lookup key (the
keyed hash under the current secret) and can also be evicted by an owner id (a key or
principal id: revoke, update, delete: `evict_key`). The TTL is the backstop when an invalidation is
missed (another replica without LISTEN/NOTIFY, a lost connection).

Stale fills are prevented with a generation counter: a loader reads `generation` before its
database read and passes it to `put`; if any eviction happened in between, the entry is not
stored (the caller still uses the row it read for this one request). Otherwise a lookup
racing with a revoke could re-insert the pre-revoke row after the eviction.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

V = TypeVar("V")
R = TypeVar("R")


@dataclass
class _Slot(Generic[V]):
    value: V
    key_id: str
    expires: float


class KeyCache(Generic[V]):
    def __init__(
        self, max_size: int, ttl_seconds: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.max_size = max(0, max_size)
        self.ttl = ttl_seconds
        self.clock = clock
        self.generation = 0
        self._slots: OrderedDict[str, _Slot[V]] = OrderedDict()
        self._by_key_id: dict[str, set[str]] = {}
        # Read by the metrics collector at scrape time (api/metrics.py); plain ints, so
        # the hot path pays an increment and nothing else.
        self.hits = 0
        self.misses = 0
        self.evictions = 0  # entries pushed out by the size bound or found expired
        self.invalidations = 0  # evict_key / clear calls (revocations, missed events)

    def __len__(self) -> int:
        return len(self._slots)

    def get(self, lookup: str) -> V | None:
        slot = self._slots.get(lookup)
        if slot is None:
            self.misses += 1
            return None
        if slot.expires <= self.clock():
            self._remove(lookup)
            self.evictions += 1
            self.misses += 1
            return None
        self._slots.move_to_end(lookup)
        self.hits += 1
        return slot.value

    def put(self, lookup: str, key_id: str, value: V, generation: int) -> bool:
        """Store unless an eviction happened since `generation` was read; True if stored."""
        if generation != self.generation or self.max_size == 0 or self.ttl <= 0:
            return False
        if lookup in self._slots:
            self._remove(lookup)
        self._slots[lookup] = _Slot(value, key_id, self.clock() + self.ttl)
        self._by_key_id.setdefault(key_id, set()).add(lookup)
        while len(self._slots) > self.max_size:
            oldest = next(iter(self._slots))
            self._remove(oldest)
            self.evictions += 1
        return True

    def evict_key(self, key_id: str) -> None:
        self.generation += 1
        self.invalidations += 1
        for lookup in self._by_key_id.pop(key_id, set()):
            self._slots.pop(lookup, None)

    def clear(self) -> None:
        self.generation += 1
        self.invalidations += 1
        self._slots.clear()
        self._by_key_id.clear()

    def _remove(self, lookup: str) -> None:
        slot = self._slots.pop(lookup, None)
        if slot is None:
            return
        lookups = self._by_key_id.get(slot.key_id)
        if lookups is not None:
            lookups.discard(lookup)
            if not lookups:
                del self._by_key_id[slot.key_id]

    def values_for_key(self, key_id: str) -> list[V]:
        return [
            self._slots[lookup].value for lookup in self._by_key_id.get(key_id, ()) if lookup in self._slots
        ]


class SingleFlight(Generic[R]):
    """Concurrent loads of one lookup share one query (a cold cache under load, a thundering
    herd). The load runs as its own task, so a cancelled caller does not cancel it for the
    others; an abandoned failure is retrieved so it is not reported as never awaited."""

    def __init__(self) -> None:
        self._inflight: dict[str, asyncio.Future[R]] = {}

    def __len__(self) -> int:
        return len(self._inflight)

    async def run(self, lookup: str, load: Callable[[], Awaitable[R]]) -> R:
        task = self._inflight.get(lookup)
        if task is None:
            task = asyncio.ensure_future(load())
            self._inflight[lookup] = task
            task.add_done_callback(lambda done: self._done(lookup, done))
        return await asyncio.shield(task)

    def _done(self, lookup: str, task: asyncio.Future[R]) -> None:
        if self._inflight.get(lookup) is task:
            del self._inflight[lookup]
        if not task.cancelled():
            task.exception()
