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
  A call that takes `cost` units leases `block` calls' worth (`_lease_units`: at most
  limit // 1000 units, so under 0.1% of the limit per replica still), so costly calls do
  not refill more often than cheap ones.
  Unused leases of the current window are handed back on shutdown.
- Once the counter refuses even a single unit, the replica remembers the window as exhausted
  and denies without a database round trip until the window ends.

The `remaining` reported to callers is exact for unleased limits; for leased limits it is
this replica's view (the counter at lease time minus what this replica has used since).

Named limits and credits use the same statements. A key may carry several limits (the
default `rate_limit` plus `named_limits`), each with its own counter row (`limit_name`), and
a credit balance (`key_credit.remaining`). `RateLimiter.admit` takes every unit a validation
asks for ALL OR NOTHING: units served from this replica's leases are reserved in memory,
then one transaction runs the conditional increments of every other limit (in name order,
so two transactions never wait on each other's rows in opposite orders) and the
conditional decrement of the credits

    UPDATE key_credit SET remaining = remaining - :n
    WHERE key_id = :key_id AND remaining >= :n RETURNING remaining

If any statement refuses, the transaction rolls back and the reservations go back to
their leases: a denied call takes nothing from any limit nor from the credits. Credits are
leased by the same rule as limits (`lease_block` of the balance last seen: exact to the unit
below 1000, blocks of balance // 1000 above), so the balance never goes below zero and at
most `block - 1` credits per replica sit unused in a lease; leases belong to one refill
period (a refill discards them), are dropped when the key changes (UpdateKey sets a new
balance) and handed back on shutdown. The `remaining` a call reports is the balance after
it as this replica sees it (the shared balance plus this replica's unused lease); exact
below 1000. A due refill (daily or monthly, `domain.ratelimit.refill_start`) is applied in the same
transaction by an idempotent `UPDATE ... WHERE last_refill_start < :start`, so exactly one
replica refills each period; the scheduler's job does the same for keys nobody validates.
The credit statements name the balance (`CreditPolicy.balance_id`, key_credit's id), not the
key: a rotated key and its successor draw on the same row during the grace.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from keyturn_server.domain.key_events import NewKeyEvent
from keyturn_server.domain.ratelimit import (
    DEFAULT_LIMIT,
    CreditPolicy,
    Demand,
    Window,
    crossed_low,
    current_window,
    lease_block,
    refill_start,
)
from keyturn_server.store.db import Database
from keyturn_server.store.key_event_log import append_key_events

log = logging.getLogger("keyturn.ratelimit")

LowEvent = Callable[[int], NewKeyEvent]  # the balance after the take -> the CREDITS_LOW event

_CONSUME = text(
    "INSERT INTO rate_limit_counter (key_id, limit_name, window_start, count) "
    "VALUES (:key_id, :name, :window_start, :n) "
    "ON CONFLICT (key_id, limit_name, window_start) DO UPDATE SET count = rate_limit_counter.count + :n "
    "WHERE rate_limit_counter.count + :n <= :limit "
    "RETURNING count"
)
_DELETE_ENDED = text("DELETE FROM rate_limit_counter WHERE window_start < :before")
_GIVE_BACK = text(
    "UPDATE rate_limit_counter SET count = count - :n "
    "WHERE key_id = :key_id AND limit_name = :name AND window_start = :window_start AND count >= :n"
)
_TAKE_CREDITS = text(
    "UPDATE key_credit SET remaining = remaining - :n "
    "WHERE key_id = :key_id AND remaining >= :n RETURNING remaining"
)
_GIVE_BACK_CREDITS = text(
    "UPDATE key_credit SET remaining = remaining + :n WHERE key_id = :key_id AND refill_interval IS NULL"
)
_GIVE_BACK_CREDITS_OF_PERIOD = text(
    "UPDATE key_credit SET remaining = remaining + :n WHERE key_id = :key_id AND last_refill_start = :period"
)
_CREDITS_LEFT = text("SELECT remaining FROM key_credit WHERE key_id = :key_id")
_REFILL_ONE = text(
    "UPDATE key_credit SET remaining = refill_amount, last_refill_start = :start "
    "WHERE key_id = :key_id AND refill_amount IS NOT NULL "
    "AND (last_refill_start IS NULL OR last_refill_start < :start)"
)
_REFILL_DUE = text(
    "UPDATE key_credit SET remaining = refill_amount, last_refill_start = :start "
    "WHERE refill_interval = :interval AND refill_day = :day AND refill_amount IS NOT NULL "
    "AND (last_refill_start IS NULL OR last_refill_start < :start)"
)


async def _consume_in(
    session: AsyncSession, key_id: str, name: str, window_start: int, n: int, limit: int
) -> int | None:
    if n > limit:
        return None
    result = await session.execute(
        _CONSUME, {"key_id": key_id, "name": name, "window_start": window_start, "n": n, "limit": limit}
    )
    row = result.first()
    return None if row is None else int(row[0])


async def consume(
    db: Database, key_id: str, window_start: int, n: int, limit: int, name: str = DEFAULT_LIMIT
) -> int | None:
    """Atomically add `n` to the window's counter if the result stays <= limit.

    Returns the new count, or None when the increment did not fit (nothing changed).
    """
    if n > limit:
        return None
    async with db.transaction() as session:
        return await _consume_in(session, key_id, name, window_start, n, limit)


async def give_back(db: Database, key_id: str, window_start: int, n: int, name: str = DEFAULT_LIMIT) -> None:
    """Return `n` unused leased units of a window (best effort, never below zero)."""
    async with db.transaction() as session:
        await session.execute(
            _GIVE_BACK, {"key_id": key_id, "name": name, "window_start": window_start, "n": n}
        )


async def refill_due(db: Database, now: float) -> int:
    """The scheduler's job: refill every key whose refill time has come since its last refill
    (idempotent: a key already refilled for this period is left alone). Returns how many."""
    total = 0
    async with db.transaction() as session:
        plans = [("DAILY", 0)] + [("MONTHLY", day) for day in range(1, 29)]
        for interval, day in plans:
            start = refill_start(now, interval, day or 1)
            result = await session.execute(_REFILL_DUE, {"interval": interval, "day": day, "start": start})
            total += int(getattr(result, "rowcount", 0) or 0)
    return total


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
    name: str = DEFAULT_LIMIT


@dataclass(slots=True)
class CreditDecision:
    allowed: bool
    remaining: int  # after this call (when allowed), else the balance that did not suffice
    cost: int
    crossed_low: bool = False  # this call took the balance to or below the low threshold
    last_refill_start: int | None = None  # the refill this call applied, if any
    # The refill time the balance is counted from (set on success for a refilling key: a
    # call passes only once the current period's refill is in the balance).
    period_start: int | None = None


@dataclass(slots=True)
class Admission:
    """The outcome of `RateLimiter.admit`: every limit's state (in demand order) and the
    credits', or the first thing that refused (nothing was taken then)."""

    allowed: bool
    limits: list[RateDecision]
    credits: CreditDecision | None
    denied: RateDecision | None = None  # the limit that refused


@dataclass
class _CreditLease:
    period: int  # the refill start the lease belongs to; -1 for a key that is never refilled
    available: int
    balance: int  # the shared balance right after this replica last took from it
    # The key_credit row the units came from (a rotated key and its successor share one).
    balance_id: str = ""


def _period(policy: CreditPolicy, now: float) -> int:
    if policy.refill_interval is None:
        return -1
    return refill_start(now, policy.refill_interval, policy.refill_day or 1)


def _lease_units(limit: int, cost: int) -> int:
    """Units to take from the shared counter for a call of `cost` that its lease cannot
    serve. A lease lasts as many calls whatever their cost: `lease_block(limit)` calls'
    worth, but never more than 0.1% of the limit (the stranding bound of lease_block), and
    exact (just the cost) for limits under 1000. So a limit taken 5 units a call costs no
    more refills than one taken 1 unit a call."""
    block = lease_block(limit)
    if block == 1:
        return cost
    return max(block, cost, min(block * cost, limit // 1000))


class _Refused(Exception):
    def __init__(self, index: int, credits: CreditDecision | None = None) -> None:
        self.index = index
        self.credits = credits


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
        # key_id -> limit name -> this replica's lease of that limit's current window
        self._leases: dict[str, dict[str, _Lease]] = {}
        # key_id -> limit name -> (window start, length, limit, smallest cost refused)
        self._exhausted: dict[str, dict[str, tuple[int, int, int, int]]] = {}
        # key_id -> the latest refill start this replica knows is applied
        self._refilled: dict[str, int] = {}
        # key_id -> this replica's lease of the key's credits
        self._credit_leases: dict[str, _CreditLease] = {}
        self._locks: dict[str, asyncio.Lock] = {}
        # For the metrics collector: leases taken from the shared counter (refills), and
        # validations refused without a round trip because the window was known exhausted.
        self.lease_refills = 0
        self.exhausted_denials = 0

    async def acquire(self, key_id: str, limit: int, window_name: str) -> RateDecision:
        """Take one unit of the default limit for a successful validation, or deny."""
        admission = await self.admit(key_id, (Demand(DEFAULT_LIMIT, limit, window_name, 1),), None)
        return admission.denied or admission.limits[0]

    async def admit(
        self,
        key_id: str,
        demands: Sequence[Demand],
        credits: CreditPolicy | None,
        credit_cost: int = 1,
        on_low: LowEvent | None = None,
    ) -> Admission:
        """Take `cost` units of every demanded limit and `credit_cost` credits (when the key
        has credits), all or nothing. When the take crosses the key's low threshold,
        `on_low(remaining)` is appended to the key-event log in the same transaction (so each
        crossing is logged exactly once, with the change)."""
        now = self.clock()
        windows = [current_window(now, d.window) for d in demands]
        marks = self._exhausted.get(key_id)
        if marks:
            for demand, window in zip(demands, windows, strict=True):
                mark = marks.get(demand.name)
                if mark is not None and mark[:3] == (window.start, window.length, demand.limit):
                    if demand.cost >= mark[3]:
                        self.exhausted_denials += 1
                        return self._refusal(demands, windows, demand, window, now)

        decisions: list[RateDecision | None] = [None] * len(demands)
        pending = self._reserve(key_id, demands, windows, decisions)
        credit = None if credits is None else self._reserve_credits(key_id, credits, credit_cost, now)
        if not pending and (credits is None or credit is not None):
            # The common case, all in memory: nothing pending, so every decision is made.
            return Admission(True, decisions, credit)  # type: ignore[arg-type]
        leased = any(lease_block(demands[i].limit) > 1 for i in pending)
        if leased or (credit is None and key_id in self._credit_leases):
            # One lease refill per key at a time on this replica, as before.
            lock = self._locks.get(key_id)
            if lock is None:
                lock = self._locks[key_id] = asyncio.Lock()
            async with lock:
                self._unreserve(key_id, demands, windows, decisions, credit)
                decisions = [None] * len(demands)
                pending = self._reserve(key_id, demands, windows, decisions)
                credit = None if credits is None else self._reserve_credits(key_id, credits, credit_cost, now)
                if not pending and (credits is None or credit is not None):
                    return Admission(True, [d for d in decisions if d is not None], credit)
                return await self._admit_in_db(
                    key_id, demands, windows, decisions, pending, credits, credit_cost, credit, now, on_low
                )
        return await self._admit_in_db(
            key_id, demands, windows, decisions, pending, credits, credit_cost, credit, now, on_low
        )

    def _reserve_credits(
        self, key_id: str, policy: CreditPolicy, cost: int, now: float
    ) -> CreditDecision | None:
        """Serve the credits from this replica's lease (in memory), if it covers them."""
        lease = self._credit_leases.get(key_id)
        if lease is None or lease.available < cost or lease.period != _period(policy, now):
            return None
        lease.available -= cost
        period = lease.period if lease.period >= 0 else None
        return CreditDecision(True, lease.balance + lease.available, cost, period_start=period)

    def _reserve(
        self,
        key_id: str,
        demands: Sequence[Demand],
        windows: list[Window],
        decisions: list[RateDecision | None],
    ) -> list[int]:
        """Serve what this replica's leases can (in memory); the indices of the rest."""
        leases = self._leases.get(key_id)
        pending: list[int] = []
        for i, (demand, window) in enumerate(zip(demands, windows, strict=True)):
            lease = leases.get(demand.name) if leases else None
            if (
                lease is None
                or lease.window_start != window.start
                or lease.limit != demand.limit
                or lease.available < demand.cost
            ):
                pending.append(i)
                continue
            lease.available -= demand.cost
            decisions[i] = RateDecision(
                True,
                demand.limit,
                max(0, demand.limit - lease.counter + lease.available),
                window,
                0.0,
                demand.name,
            )
        return pending

    def _unreserve(
        self,
        key_id: str,
        demands: Sequence[Demand],
        windows: list[Window],
        decisions: list[RateDecision | None],
        credit: CreditDecision | None = None,
    ) -> None:
        """Hand reservations made by `_reserve` (and `_reserve_credits`) back to their leases."""
        if credit is not None:
            credit_lease = self._credit_leases.get(key_id)
            if credit_lease is not None:
                credit_lease.available += credit.cost
        leases = self._leases.get(key_id) or {}
        for demand, window, decision in zip(demands, windows, decisions, strict=True):
            lease = leases.get(demand.name)
            if decision is not None and lease is not None and lease.window_start == window.start:
                lease.available += demand.cost

    async def _admit_in_db(
        self,
        key_id: str,
        demands: Sequence[Demand],
        windows: list[Window],
        decisions: list[RateDecision | None],
        pending: list[int],
        credits: CreditPolicy | None,
        credit_cost: int,
        reserved: CreditDecision | None,
        now: float,
        on_low: LowEvent | None = None,
    ) -> Admission:
        granted: dict[int, tuple[int, int]] = {}  # index -> (counter after, units taken)
        credit: CreditDecision | None = reserved
        extra = 0  # credits taken from the shared balance beyond this call's cost
        due = self._due_refill(key_id, credits, now)
        try:
            async with self.db.transaction() as session:
                for i in sorted(pending, key=lambda j: demands[j].name):
                    demand, window = demands[i], windows[i]
                    n = _lease_units(demand.limit, demand.cost)
                    count = await _consume_in(session, key_id, demand.name, window.start, n, demand.limit)
                    if count is None and n > demand.cost:
                        n = demand.cost  # nearly full: take exactly what this call needs
                        count = await _consume_in(session, key_id, demand.name, window.start, n, demand.limit)
                    if count is None:
                        raise _Refused(i)
                    granted[i] = (count, n)
                if credits is not None and reserved is None:
                    credit, extra = await self._take_credits(session, key_id, credits, credit_cost, due, now)
                    if credit is not None and not credit.allowed:
                        raise _Refused(-1, credit)
                    if credit is not None and credit.crossed_low and on_low is not None:
                        await append_key_events(session, [on_low(credit.remaining)])
        except _Refused as refused:
            self._unreserve(key_id, demands, windows, decisions, reserved)
            if refused.index < 0:
                return Admission(False, [], refused.credits)
            demand, window = demands[refused.index], windows[refused.index]
            marks = self._exhausted.setdefault(key_id, {})
            mark = marks.get(demand.name)
            smallest = demand.cost
            if mark is not None and mark[:3] == (window.start, window.length, demand.limit):
                smallest = min(smallest, mark[3])
            marks[demand.name] = (window.start, window.length, demand.limit, smallest)
            return self._refusal(demands, windows, demand, window, now)

        if credit is not None and credit.last_refill_start is not None:
            self._refilled[key_id] = credit.last_refill_start
        elif due is not None and credits is not None:
            self._refilled[key_id] = due  # someone else applied this period's refill
        if credits is not None and credit is not None and credit.allowed and reserved is None:
            self._lease_credits(key_id, credits, credit, extra, now)
        for i, (count, n) in granted.items():
            demand, window = demands[i], windows[i]
            spare = n - demand.cost
            if spare > 0:
                leases = self._leases.setdefault(key_id, {})
                lease = leases.get(demand.name)
                if lease is not None and lease.window_start == window.start and lease.limit == demand.limit:
                    lease.available += spare
                    lease.counter = count
                else:
                    leases[demand.name] = _Lease(window.start, window.reset, demand.limit, spare, count)
                self.lease_refills += 1
                remaining = max(0, demand.limit - count + self._leases[key_id][demand.name].available)
            else:
                remaining = max(0, demand.limit - count)
            decisions[i] = RateDecision(True, demand.limit, remaining, window, 0.0, demand.name)
        return Admission(True, [d for d in decisions if d is not None], credit)

    def _due_refill(self, key_id: str, credits: CreditPolicy | None, now: float) -> int | None:
        """The refill start to apply in this call's transaction, if this replica has not
        seen it applied yet (after that, a call costs the one conditional decrement only)."""
        if credits is None or credits.refill_interval is None:
            return None
        start = refill_start(now, credits.refill_interval, credits.refill_day or 1)
        known = self._refilled.get(key_id)
        return None if known is not None and known >= start else start

    async def _take_credits(
        self,
        session: AsyncSession,
        key_id: str,
        policy: CreditPolicy,
        cost: int,
        due: int | None,
        now: float,
    ) -> tuple[CreditDecision | None, int]:
        """Take `cost` credits (less what this replica's lease still holds), plus a lease's
        worth when the balance is large; returns the decision and the credits taken beyond
        this call's cost (the new lease)."""
        refilled: int | None = None
        balance_id = policy.balance_id or key_id  # the one balance a rotated key shares
        if due is not None:
            result = await session.execute(_REFILL_ONE, {"key_id": balance_id, "start": due})
            if getattr(result, "rowcount", 0):
                refilled = due
        lease = self._credit_leases.get(key_id)
        known = spare = 0
        if lease is not None and lease.period == _period(policy, now):
            # Claim what is left of the lease now (before any await), so no other call on
            # this replica spends the same units; it counts towards this call's cost.
            known, spare, lease.available = lease.balance, lease.available, 0
        need = cost - spare
        n = need if refilled is not None else max(lease_block(known), need)
        row = (await session.execute(_TAKE_CREDITS, {"key_id": balance_id, "n": n})).first()
        if row is None and n > need:
            n = need  # nearly spent: take exactly what this call needs
            row = (await session.execute(_TAKE_CREDITS, {"key_id": balance_id, "n": n})).first()
        if row is not None:
            after = int(row[0])
            low = crossed_low(after, n, policy.low_threshold)
            period = _period(policy, now)
            decision = CreditDecision(True, after, cost, low, refilled, period if period >= 0 else None)
            return decision, n - need
        if lease is not None and spare:
            lease.available += spare
        left = (await session.execute(_CREDITS_LEFT, {"key_id": balance_id})).first()
        if left is None:
            return None, 0  # the key's credits were removed meanwhile: unlimited
        return CreditDecision(False, int(left[0]) + spare, cost), 0

    def _lease_credits(
        self, key_id: str, policy: CreditPolicy, credit: CreditDecision, extra: int, now: float
    ) -> None:
        """After commit: keep what was taken beyond the call's cost as this replica's lease
        (and remember the balance, which sizes the next lease)."""
        period = _period(policy, now)
        lease = self._credit_leases.get(key_id)
        if lease is None or lease.period != period:
            lease = self._credit_leases[key_id] = _CreditLease(
                period, 0, credit.remaining, policy.balance_id or key_id
            )
        lease.available += extra
        lease.balance = credit.remaining
        credit.remaining += lease.available
        if extra:
            self.lease_refills += 1

    def _refusal(
        self, demands: Sequence[Demand], windows: list[Window], demand: Demand, window: Window, now: float
    ) -> Admission:
        denied = RateDecision(False, demand.limit, 0, window, window.retry_after(now), demand.name)
        return Admission(False, [], None, denied)

    def forget(self, key_id: str) -> None:
        """Drop local state for a key that changed (its limits may be different now)."""
        self._leases.pop(key_id, None)
        self._exhausted.pop(key_id, None)
        self._refilled.pop(key_id, None)
        # UpdateKey set a new balance: units leased from the old one are void.
        self._credit_leases.pop(key_id, None)

    def clear(self) -> None:
        self._leases.clear()
        self._exhausted.clear()
        self._refilled.clear()
        self._credit_leases.clear()

    def prune(self) -> None:
        """Forget leases and exhaustion marks of windows that have ended (bounds memory)."""
        now = self.clock()
        for key_id, marks in list(self._exhausted.items()):
            for name, (start, length, _limit, _cost) in list(marks.items()):
                if start + length <= now:
                    del marks[name]
            if not marks:
                del self._exhausted[key_id]
        for key_id, leases in list(self._leases.items()):
            for name, lease in list(leases.items()):
                if lease.window_end <= now or lease.available <= 0:
                    del leases[name]
            if not leases:
                del self._leases[key_id]
        for key_id, lock in list(self._locks.items()):
            if key_id not in self._leases and not lock.locked():
                del self._locks[key_id]
        for key_id, credit_lease in list(self._credit_leases.items()):
            if credit_lease.available <= 0:
                del self._credit_leases[key_id]
        if len(self._refilled) > 100_000:
            self._refilled.clear()  # only saves a no-op refill statement per key

    async def release_all(self) -> None:
        """Hand unused leased units of still-current windows back to the shared counter, and
        unused leased credits of the current refill period back to the balance."""
        credit_leases, self._credit_leases = self._credit_leases, {}
        for key_id, credit_lease in credit_leases.items():
            if credit_lease.available <= 0:
                continue
            balance_id = credit_lease.balance_id or key_id
            try:
                async with self.db.transaction() as session:
                    if credit_lease.period < 0:
                        await session.execute(
                            _GIVE_BACK_CREDITS, {"key_id": balance_id, "n": credit_lease.available}
                        )
                    else:
                        await session.execute(
                            _GIVE_BACK_CREDITS_OF_PERIOD,
                            {
                                "key_id": balance_id,
                                "n": credit_lease.available,
                                "period": credit_lease.period,
                            },
                        )
            except Exception:
                log.warning("could not return leased credits", exc_info=True)
        leases, self._leases = self._leases, {}
        for key_id, by_name in leases.items():
            for name, lease in by_name.items():
                if lease.available > 0:
                    try:
                        await give_back(self.db, key_id, lease.window_start, lease.available, name)
                    except Exception:
                        log.warning("could not return leased quota", exc_info=True)
