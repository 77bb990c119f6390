"""Credits below the gRPC edge, on SQLite and PostgreSQL: two RateLimiters (two replicas'
worth) over one database never take more credits than the balance, lease large balances,
hand leases back on shutdown, and refill exactly once per period."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from keyturn_server.domain import ratelimit as rl
from keyturn_server.store import ratelimit as store_rl
from keyturn_server.store.db import Database
from keyturn_server.store.models import KeyCredit
from sqlalchemy import select

from tests.integration.test_ratelimit import _make_key, database  # noqa: F401


async def _give_credits(db: Database, key_id: str, remaining: int, **fields: object) -> None:
    async with db.transaction() as session:
        session.add(KeyCredit(key_id=key_id, remaining=remaining, low_threshold=0, refill_day=0, **fields))


async def _balance(db: Database, key_id: str) -> int:
    async with db.transaction() as session:
        value = await session.scalar(select(KeyCredit.remaining).where(KeyCredit.key_id == key_id))
    assert value is not None
    return int(value)


async def test_small_balances_are_exact_across_two_limiters(database: Database) -> None:  # noqa: F811
    key_id = await _make_key(database)
    await _give_credits(database, key_id, 100)
    replicas = [store_rl.RateLimiter(database), store_rl.RateLimiter(database)]
    policy = rl.CreditPolicy()
    allowed: list[int] = []

    async def worker(n: int) -> None:
        for _ in range(20):
            admission = await replicas[n % 2].admit(key_id, (), policy, 1)
            if admission.allowed:
                assert admission.credits is not None
                allowed.append(admission.credits.remaining)

    await asyncio.gather(*(worker(n) for n in range(16)))
    assert sorted(allowed) == list(range(100))  # each balance handed out exactly once
    assert await _balance(database, key_id) == 0


async def test_large_balances_are_leased_and_never_overspent(database: Database) -> None:  # noqa: F811
    key_id = await _make_key(database)
    balance = 5_000  # block of 5 while the balance stays >= 5000, then smaller blocks
    await _give_credits(database, key_id, balance)
    replicas = [store_rl.RateLimiter(database), store_rl.RateLimiter(database)]
    policy = rl.CreditPolicy()
    allowed = 0

    async def worker(n: int) -> None:
        nonlocal allowed
        for _ in range(400):
            if (await replicas[n % 2].admit(key_id, (), policy, 1)).allowed:
                allowed += 1

    await asyncio.gather(*(worker(n) for n in range(16)))
    # 6400 attempts against 5000 credits: never more, at most (block - 1) per replica unused.
    assert balance - 2 * (rl.lease_block(balance) - 1) <= allowed <= balance
    assert sum(r.lease_refills for r in replicas) > 0
    for replica in replicas:
        await replica.release_all()
    assert await _balance(database, key_id) == balance - allowed


async def test_a_refused_limit_returns_leased_credits(database: Database) -> None:  # noqa: F811
    key_id = await _make_key(database)
    await _give_credits(database, key_id, 100_000)
    limiter = store_rl.RateLimiter(database)
    policy = rl.CreditPolicy()
    small = (rl.Demand("small", 3, "DAY", 1),)
    results = [(await limiter.admit(key_id, small, policy, 10)).allowed for _ in range(5)]
    assert results == [True, True, True, False, False]
    await limiter.release_all()
    assert await _balance(database, key_id) == 100_000 - 30


async def test_refill_is_applied_once_per_period(database: Database) -> None:  # noqa: F811
    key_id = await _make_key(database)
    day = int(datetime(2026, 5, 10, tzinfo=UTC).timestamp())
    await _give_credits(database, key_id, 3, refill_interval="DAILY", refill_amount=50, last_refill_start=day)
    assert await store_rl.refill_due(database, day + 3600) == 0  # same day: nothing due
    assert await store_rl.refill_due(database, day + 86_400 + 5) == 1
    assert await store_rl.refill_due(database, day + 86_400 + 9) == 0
    assert await _balance(database, key_id) == 50
    # Lazily, on validation: the next day's refill, taken together with the cost.
    now = [day + 2 * 86_400 + 1.0]
    limiter = store_rl.RateLimiter(database, clock=lambda: now[0])
    policy = rl.CreditPolicy("DAILY", 50, 0, 0)
    first = await limiter.admit(key_id, (), policy, 1)
    assert first.allowed and first.credits is not None
    assert first.credits.last_refill_start == day + 2 * 86_400  # this call refilled to 50
    assert await _balance(database, key_id) == 49
    second = await limiter.admit(key_id, (), policy, 7)
    assert second.allowed and second.credits is not None and second.credits.remaining == 42
    assert second.credits.last_refill_start is None  # applied once, by the first call
