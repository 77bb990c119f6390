"""Re-authorizing open streams (WatchKeyEvents, StreamAuditEvents).

A stream is authorized when it opens, but it may stay open for hours. So an open stream
re-checks its caller:

* when the caller's access may have changed: the key-event bus's `principal` topic, which
  every principal or token change announces here and on every other replica (and which runs
  after a LISTEN reconnect, when announcements may have been missed). `StreamAccess.changed`
  is subscribed to it (container.py) after the authenticator's cache eviction, and nudges
  every open stream awake through its feed;
* and at least every `interval_seconds` (30 s), which also covers a token that simply
  expired.

Re-checking admits the call's credentials again through the edge (api/auth.py
`current_recheck`: authenticate + the RPC's coarse permission, which refreshes the
`current_principal` contextvar), then re-derives the stream's scope from the request as a
new call would. A caller who lost access gets the error a new call would get now
(UNAUTHENTICATED for a revoked or expired token or a disabled principal, PERMISSION_DENIED
when no role grants the RPC's permission any more, NOT_FOUND for an organization it no
longer belongs to); a caller whose visible scope shrank keeps its stream but receives only
events inside the new scope.

A change announces no more than "some principal changed", so every open stream re-checks:
one cached or one database authentication per distinct token (SingleFlight).
"""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable

# Re-authenticates the stream's caller and refreshes `current_principal`; raises the
# DomainError a new call would get. None: trusted code, nothing to re-check.
Recheck = Callable[[], Awaitable[object]]

DEFAULT_INTERVAL_SECONDS = 30.0


class StreamAccess:
    """The process's signal that open streams should re-check their callers."""

    def __init__(
        self, interval_seconds: float = DEFAULT_INTERVAL_SECONDS, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.interval_seconds = interval_seconds
        self.clock = clock
        self.generation = 0
        # How many times an open stream re-checked its caller (for tests and metrics).
        self.rechecks = 0
        self._wakers: list[Callable[[], None]] = []

    def wake_with(self, wake: Callable[[], None]) -> None:
        """`wake()` rouses the open streams of one feed (FanOutFeed.nudge)."""
        self._wakers.append(wake)

    def changed(self) -> None:
        """Some principal's access changed: every open stream re-checks before its next event."""
        self.generation += 1
        for wake in self._wakers:
            wake()

    def guard(self, recheck: Recheck | None) -> StreamGuard:
        return StreamGuard(self, recheck)


class StreamGuard:
    """One open stream's re-check schedule."""

    def __init__(self, access: StreamAccess, recheck: Recheck | None) -> None:
        self.access = access
        self.recheck = recheck
        self._generation = access.generation
        self._due = access.clock() + access.interval_seconds

    def due(self) -> bool:
        if self.recheck is None:
            return False
        access = self.access
        return access.generation != self._generation or access.clock() >= self._due

    async def check(self) -> bool:
        """Re-check the caller when due; True when it was (re-derive the stream's scope then).
        Raises what a new call by this caller would get when it lost access."""
        if self.recheck is None or not self.due():
            return False
        access = self.access
        self._generation = access.generation
        self._due = access.clock() + access.interval_seconds
        access.rechecks += 1
        await self.recheck()
        return True


__all__ = ["DEFAULT_INTERVAL_SECONDS", "Recheck", "StreamAccess", "StreamGuard"]
