"""Rate limits below the gRPC edge: window math, the atomic counter, leasing, usage batching,
IP allow-lists and the key cache. The end-to-end exactness tests are in test_validate.py."""

from __future__ import annotations

import asyncio
import ipaddress
import uuid
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime

import pytest
from keyturn_server.domain import netcheck
from keyturn_server.domain import ratelimit as rl
from keyturn_server.store import ratelimit as store_rl
from keyturn_server.store.db import Database
from keyturn_server.store.models import ApiKey, Organization, RateLimitCounter
from keyturn_server.store.usage import UsageTracker
from keyturn_server.usecases.keycache import KeyCache
from sqlalchemy import select

# ---- window math -------------------------------------------------------------------------


def test_windows_are_aligned_to_the_epoch() -> None:
    t = 1_700_000_123.75  # 2023-11-14T22:15:23.75Z
    assert rl.window_start(t, "SECOND") == 1_700_000_123
    assert rl.window_start(t, "MINUTE") == 1_700_000_100
    assert rl.window_start(t, "HOUR") == 1_699_999_200
    assert rl.window_start(t, "DAY") == 1_699_920_000
    window = rl.current_window(t, "minute")
    assert window.reset == 1_700_000_160
    assert window.reset_time == datetime(2023, 11, 14, 22, 16, tzinfo=UTC)
    assert window.retry_after(t) == pytest.approx(36.25)
    assert window.retry_after(window.reset + 5) == 0.0


def test_window_boundaries() -> None:
    # The last instant of a window and the first of the next fall in different windows.
    assert rl.window_start(119.999999, "MINUTE") == 60
    assert rl.window_start(120.0, "MINUTE") == 120
    assert rl.window_start(86_399.9, "DAY") == 0
    assert rl.window_start(86_400.0, "DAY") == 86_400


def test_window_names() -> None:
    assert rl.normalize_window("RATE_LIMIT_WINDOW_HOUR") == "HOUR"
    assert rl.normalize_window("day") == "DAY"
    with pytest.raises(ValueError):
        rl.normalize_window("WEEK")


def test_lease_block_is_one_for_small_limits() -> None:
    assert rl.lease_block(1) == 1
    assert rl.lease_block(100) == 1
    assert rl.lease_block(999) == 1
    assert rl.lease_block(10_000) == 10
    assert rl.lease_block(10**9) == 1000


# ---- IP allow-lists ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("client", "cidrs", "allowed"),
    [
        ("10.1.2.3", ["10.0.0.0/8"], True),
        ("11.1.2.3", ["10.0.0.0/8"], False),
        ("2001:db8::1", ["2001:db8::/32"], True),
        ("2001:db9::1", ["2001:db8::/32"], False),
        ("::ffff:10.1.2.3", ["10.0.0.0/8"], True),  # IPv4-mapped IPv6 matches IPv4 networks
        ("::ffff:11.1.2.3", ["10.0.0.0/8"], False),
        ("10.1.2.3", ["::ffff:10.0.0.0/104"], True),  # and IPv4 matches mapped networks
        ("10.1.2.3", ["2001:db8::/32"], False),
        ("192.168.1.10", ["192.168.1.10"], True),  # a bare address is a /32
        ("fe80::1%eth0", ["fe80::/10"], True),
        ("[2001:db8::5]", ["2001:db8::/64"], True),
    ],
)
def test_ip_allowed(client: str, cidrs: list[str], allowed: bool) -> None:
    assert netcheck.ip_allowed(netcheck.parse_ip(client), netcheck.parse_networks(cidrs)) is allowed


@pytest.mark.parametrize("bad", ["", "10.0.0", "300.1.1.1", "not-an-ip", "10.0.0.0/8", "::g"])
def test_malformed_client_ip(bad: str) -> None:
    with pytest.raises(ValueError):
        netcheck.parse_ip(bad)


def test_host_bits_in_stored_cidrs_are_tolerated() -> None:
    assert netcheck.parse_networks(["10.1.2.3/8"]) == (ipaddress.ip_network("10.0.0.0/8"),)


# ---- key cache ---------------------------------------------------------------------------


def test_key_cache_lru_ttl_and_eviction() -> None:
    now = [0.0]
    cache: KeyCache[str] = KeyCache(2, 5.0, clock=lambda: now[0])
    assert cache.put("h1", "k1", "one", cache.generation)
    assert cache.put("h2", "k2", "two", cache.generation)
    assert cache.get("h1") == "one"  # h1 is now the most recently used
    cache.put("h3", "k3", "three", cache.generation)
    assert cache.get("h2") is None  # least recently used went first
    assert len(cache) == 2
    cache.evict_key("k1")
    assert cache.get("h1") is None
    now[0] = 10.0
    assert cache.get("h3") is None  # TTL backstop


def test_key_cache_refuses_fills_that_raced_an_eviction() -> None:
    cache: KeyCache[str] = KeyCache(10, 5.0)
    generation = cache.generation
    cache.evict_key("k1")  # e.g. a revoke committed while the loader was reading
    assert not cache.put("h1", "k1", "stale", generation)
    assert cache.get("h1") is None


# ---- the atomic counter and leasing, on SQLite and PostgreSQL -------------------------------


@pytest.fixture(params=["sqlite", "postgresql"])
async def database(
    request: pytest.FixtureRequest, new_database_url: Callable[[str], str]
) -> AsyncIterator[Database]:
    db = Database(new_database_url(request.param))
    try:
        yield db
    finally:
        await db.dispose()


async def _make_key(db: Database) -> str:
    now = datetime.now(UTC)
    org_id, key_id = str(uuid.uuid4()), str(uuid.uuid4())
    async with db.transaction() as session:
        session.add(Organization(id=org_id, name=f"org-{org_id}", create_time=now))
        await session.flush()
        session.add(
            ApiKey(
                id=key_id,
                organization_id=org_id,
                key_hash=uuid.uuid4().hex + uuid.uuid4().hex,
                secret_version=1,
                start="kt_live_abcd",
                environment="live",
                name="",
                scopes=[],
                custom={},
                allowed_cidrs=[],
                create_time=now,
                update_time=now,
                use_count=0,
                revoke_reason="",
            )
        )
    return key_id


async def test_counter_never_passes_the_limit_under_concurrency(database: Database) -> None:
    key_id = await _make_key(database)
    results: list[int | None] = []

    async def worker() -> None:
        for _ in range(20):
            results.append(await store_rl.consume(database, key_id, 0, 1, 100))

    await asyncio.gather(*(worker() for _ in range(16)))
    granted = sorted(r for r in results if r is not None)
    assert granted == list(range(1, 101))  # each count handed out exactly once
    assert await store_rl.consume(database, key_id, 60, 1, 100) == 1  # a new window starts at 0


async def test_counter_refuses_a_block_that_does_not_fit(database: Database) -> None:
    key_id = await _make_key(database)
    assert await store_rl.consume(database, key_id, 0, 7, 10) == 7
    assert await store_rl.consume(database, key_id, 0, 7, 10) is None
    assert await store_rl.consume(database, key_id, 0, 3, 10) == 10
    assert await store_rl.consume(database, key_id, 0, 11, 10) is None
    await store_rl.give_back(database, key_id, 0, 4)
    assert await store_rl.consume(database, key_id, 0, 4, 10) == 10


async def test_limiter_is_exact_for_small_limits_across_two_replicas(database: Database) -> None:
    key_id = await _make_key(database)
    replicas = [store_rl.RateLimiter(database), store_rl.RateLimiter(database)]
    outcomes: list[bool] = []

    async def worker(n: int) -> None:
        for _ in range(20):
            decision = await replicas[n % 2].acquire(key_id, 100, "HOUR")
            outcomes.append(decision.allowed)

    await asyncio.gather(*(worker(n) for n in range(16)))
    assert outcomes.count(True) == 100
    denied = await replicas[0].acquire(key_id, 100, "HOUR")
    assert not denied.allowed and denied.remaining == 0 and denied.retry_after > 0


async def test_limiter_leases_blocks_for_large_limits(database: Database) -> None:
    key_id = await _make_key(database)
    limit = 5_000  # block of 5
    replicas = [store_rl.RateLimiter(database), store_rl.RateLimiter(database)]
    allowed = 0

    async def worker(n: int) -> None:
        nonlocal allowed
        for _ in range(400):
            if (await replicas[n % 2].acquire(key_id, limit, "DAY")).allowed:
                allowed += 1

    await asyncio.gather(*(worker(n) for n in range(16)))
    # 6400 attempts against 5000: never more than the limit, and at most (block - 1) units
    # stranded per replica.
    assert limit - 2 * (rl.lease_block(limit) - 1) <= allowed <= limit
    async with database.transaction() as session:
        counter = await session.scalar(
            select(RateLimitCounter.count).where(RateLimitCounter.key_id == key_id)
        )
    assert counter is not None and counter <= limit
    # Shutdown hands unused leased units back.
    for replica in replicas:
        await replica.release_all()
    async with database.transaction() as session:
        after = await session.scalar(select(RateLimitCounter.count).where(RateLimitCounter.key_id == key_id))
    assert after == allowed


async def test_limiter_uses_one_round_trip_per_block(database: Database) -> None:
    key_id = await _make_key(database)
    limiter = store_rl.RateLimiter(database)
    for _ in range(25):
        assert (await limiter.acquire(key_id, 10**9, "DAY")).allowed
    async with database.transaction() as session:
        counter = await session.scalar(
            select(RateLimitCounter.count).where(RateLimitCounter.key_id == key_id)
        )
    assert counter == 1000  # one lease of 1000 served all 25 calls


async def test_limiter_window_boundary_with_an_injected_clock(database: Database) -> None:
    key_id = await _make_key(database)
    now = [1_000_000.2]
    limiter = store_rl.RateLimiter(database, clock=lambda: now[0])
    assert [(await limiter.acquire(key_id, 3, "SECOND")).allowed for _ in range(4)] == [
        True,
        True,
        True,
        False,
    ]
    now[0] = 1_000_000.999
    assert not (await limiter.acquire(key_id, 3, "SECOND")).allowed
    now[0] = 1_000_001.0  # the next window
    decision = await limiter.acquire(key_id, 3, "SECOND")
    assert decision.allowed and decision.remaining == 2
    assert decision.window.reset == 1_000_002


# ---- usage batching ------------------------------------------------------------------------


async def test_usage_increments_are_atomic_across_replicas(database: Database) -> None:
    key_id = await _make_key(database)
    trackers = [UsageTracker(database), UsageTracker(database)]
    t1 = datetime(2030, 1, 1, 12, 0, 0, 500_000, tzinfo=UTC)
    t2 = datetime(2030, 1, 1, 12, 0, 1, tzinfo=UTC)
    for i in range(250):
        trackers[i % 2].record(key_id, t2 if i == 7 else t1)
    await asyncio.gather(*(t.flush() for t in trackers))
    trackers[0].record(key_id, t1)  # older than what is stored: last_used_time stays
    assert await trackers[0].flush() == 1
    async with database.transaction() as session:
        row = await session.get(ApiKey, key_id)
    assert row is not None
    assert row.use_count == 251
    assert row.last_used_time == t2


async def test_counters_of_ended_windows_are_deleted(database: Database) -> None:
    key_id = await _make_key(database)
    now = 1_000_000_000
    assert await store_rl.consume(database, key_id, now - 2 * 86_400, 1, 10) == 1
    assert await store_rl.consume(database, key_id, now - 60, 1, 10) == 1
    await store_rl.delete_ended(database, now)
    async with database.transaction() as session:
        starts = (
            await session.scalars(
                select(RateLimitCounter.window_start).where(RateLimitCounter.key_id == key_id)
            )
        ).all()
    assert list(starts) == [now - 60]
