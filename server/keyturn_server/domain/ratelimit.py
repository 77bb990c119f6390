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
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from keyturn_server.domain import validation as check

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


# ---- named limits and credits ------------------------------------------------------------

DEFAULT_LIMIT = "default"  # the name of metadata.rate_limit
LIMIT_NAME = re.compile(r"[a-z][a-z0-9_]{0,31}\Z")
MAX_NAMED_LIMITS = 16
MAX_COST = 1_000_000  # per call, for credits and for each limit
MAX_CREDITS = 10**15
REFILL_INTERVALS = ("DAILY", "MONTHLY")


@dataclass(frozen=True, slots=True)
class Demand:
    """One limit a validation applies: at most `limit` units per `window`; takes `cost`."""

    name: str
    limit: int
    window: str  # SECOND | MINUTE | HOUR | DAY
    cost: int = 1


@dataclass(frozen=True, slots=True)
class CreditPolicy:
    """How a key's credit balance is refilled and when it counts as low (the balance itself
    lives in the database only: it is mutable state, never cached)."""

    refill_interval: str | None = None  # DAILY | MONTHLY | None (never refilled)
    refill_amount: int | None = None
    refill_day: int = 0  # MONTHLY: 1..28
    low_threshold: int = 0  # 0: no CREDITS_LOW event
    # The balance's id (key_credit.key_id), shared by a rotated key and its successor; "" =
    # the validated key's own id.
    balance_id: str = ""


def refill_start(now: float, interval: str, day_of_month: int = 1) -> int:
    """The most recent refill time at or before `now` (epoch seconds, 00:00 UTC).

    DAILY: midnight UTC of `now`'s day. MONTHLY: 00:00 UTC of `day_of_month` (1..28, so it
    exists in every month) of this month if that has come, else of the previous month.
    """
    if interval == "DAILY":
        return math.floor(now / 86_400) * 86_400
    if interval != "MONTHLY" or not 1 <= day_of_month <= 28:
        raise ValueError(f"bad refill {interval!r} day {day_of_month}")
    at = datetime.fromtimestamp(now, UTC)
    year, month = at.year, at.month
    if at.day < day_of_month:
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return int(datetime(year, month, day_of_month, tzinfo=UTC).timestamp())


def crossed_low(after: int, cost: int, threshold: int) -> bool:
    """True when taking `cost` moved the balance from above `threshold` to at or below it.

    Balances change by atomic statements that serialize, so across every replica exactly
    one call sees each crossing."""
    return threshold > 0 and after <= threshold < after + cost


@dataclass(frozen=True, slots=True)
class NamedLimit:
    """One of a key's named limits, as configured (KeyMetadata.named_limits)."""

    name: str
    requests: int
    window: str

    def stored(self) -> dict[str, object]:
        return {"name": self.name, "requests": self.requests, "window": self.window}


@dataclass(frozen=True, slots=True)
class CreditSetting:
    """A key's credits as CreateKey/UpdateKey set them: the balance and its policy."""

    remaining: int
    policy: CreditPolicy

    def audit_value(self) -> dict[str, object]:
        p = self.policy
        return {
            "remaining": self.remaining,
            "low_threshold": p.low_threshold,
            "refill": None
            if p.refill_interval is None
            else {"interval": p.refill_interval, "amount": p.refill_amount, "day_of_month": p.refill_day},
        }


def check_named_limits(field: str, items: Sequence[tuple[str, int, str | None]]) -> list[NamedLimit]:
    """(name, requests, window name or None) per limit -> NamedLimits, or InvalidArgument."""
    v = check.Violations()
    if len(items) > MAX_NAMED_LIMITS:
        v.add(field, f"at most {MAX_NAMED_LIMITS} named limits")
    out: list[NamedLimit] = []
    seen: set[str] = set()
    for i, (name, requests, window) in enumerate(items):
        at = f"{field}[{i}]"
        if LIMIT_NAME.match(name) is None:
            v.add(f"{at}.name", "must match [a-z][a-z0-9_]{0,31}")
        elif name == DEFAULT_LIMIT:
            v.add(f"{at}.name", '"default" is metadata.rate_limit')
        elif name in seen:
            v.add(f"{at}.name", "duplicate limit name")
        seen.add(name)
        limit = v.check(lambda: check.rate_limit(at, requests, window), None)  # noqa: B023
        if limit is not None:
            out.append(NamedLimit(name, limit[0], limit[1]))
    v.raise_if_any()
    return out


def check_credits(
    field: str,
    remaining: int,
    low_threshold: int,
    refill: tuple[str | None, int, int] | None,
) -> CreditSetting:
    """A KeyCredits message's values -> CreditSetting, or InvalidArgument naming each field.

    `refill` is (interval name or None when unspecified, amount, day_of_month), or None."""
    v = check.Violations()
    if not 0 <= remaining <= MAX_CREDITS:
        v.add(f"{field}.remaining", f"must be 0..{MAX_CREDITS}")
    if not 0 <= low_threshold <= MAX_CREDITS:
        v.add(f"{field}.low_threshold", f"must be 0..{MAX_CREDITS}")
    policy = CreditPolicy(low_threshold=low_threshold)
    if refill is not None:
        interval, amount, day = refill
        if interval not in REFILL_INTERVALS:
            v.add(f"{field}.refill.interval", "must be DAILY or MONTHLY")
        if not 1 <= amount <= MAX_CREDITS:
            v.add(f"{field}.refill.amount", f"must be 1..{MAX_CREDITS}")
        if interval == "MONTHLY":
            day = day or 1
            if not 1 <= day <= 28:
                v.add(f"{field}.refill.day_of_month", "must be 1..28")
        elif day:
            v.add(f"{field}.refill.day_of_month", "only for MONTHLY refills")
        policy = CreditPolicy(interval, amount, day if interval == "MONTHLY" else 0, low_threshold)
    v.raise_if_any()
    return CreditSetting(remaining, policy)
