"""Rate-limit window math: fixed windows aligned to the Unix epoch.

A key with `RateLimit(requests=N, window=W)` may succeed at most N times in each window.
Windows are fixed, not sliding: a MINUTE window runs from second :00 to :59 of a UTC minute,
a DAY window from 00:00:00 to 23:59:59 UTC. The window containing instant `t` (seconds since
the epoch) starts at `floor(t / length) * length` and resets at `start + length`; a denied
caller is told to retry after `reset - t` seconds. A burst of 2N successes across a window
boundary is therefore possible (N at the end of one window, N at the start of the next): the
usual trade of fixed windows for one counter row per key and window.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime

WINDOW_SECONDS: dict[str, int] = {"SECOND": 1, "MINUTE": 60, "HOUR": 3600, "DAY": 86400}
_ENUM_PREFIX = "RATE_LIMIT_WINDOW_"


def normalize_window(name: str) -> str:
    """`MINUTE`, `minute` or `RATE_LIMIT_WINDOW_MINUTE` -> `MINUTE`; ValueError otherwise."""
    upper = name.strip().upper()
    if upper.startswith(_ENUM_PREFIX):
        upper = upper[len(_ENUM_PREFIX) :]
    if upper not in WINDOW_SECONDS:
        raise ValueError(f"unknown rate-limit window {name!r}")
    return upper


def window_length(window: str) -> int:
    length = WINDOW_SECONDS.get(window)  # the hot path passes normalized names
    return length if length is not None else WINDOW_SECONDS[normalize_window(window)]


def window_start(now: float, window: str) -> int:
    """Start (epoch seconds) of the window containing `now` (epoch seconds)."""
    length = window_length(window)
    return math.floor(now / length) * length


@dataclass(slots=True)
class Window:
    """One concrete window of one limit."""

    start: int
    length: int

    @property
    def reset(self) -> int:
        return self.start + self.length

    @property
    def reset_time(self) -> datetime:
        return datetime.fromtimestamp(self.reset, UTC)

    def retry_after(self, now: float) -> float:
        """Seconds until the window resets (never negative)."""
        return max(0.0, self.reset - now)


def current_window(now: float, window: str) -> Window:
    length = window_length(window)
    return Window(start=math.floor(now / length) * length, length=length)


def lease_block(limit: int) -> int:
    """How many units of quota one replica leases from the shared counter at a time.

    1 for limits under 1000, so small limits are exact to the unit however many replicas
    serve them; otherwise limit // 1000, capped at 1000. A replica can strand at most
    `block - 1` leased units when a window ends (or when the key changes), so the limit is
    never exceeded and under-admission is bounded by `replicas * (block - 1)` per window,
    i.e. under 0.1% of the limit per replica.
    """
    if limit < 1000:
        return 1
    return min(limit // 1000, 1000)
