"""The database seams and their portable fallbacks, on PostgreSQL (docs/scaling.md).

- Pool and statement settings reach the connections; a multi-host URL is translated once for
  the pool and the LISTEN connections alike.
- `Database.read` retries an idempotent read once after an outage; `Database.run` re-runs a
  transaction after a serialization failure (40001), a bounded number of times.
- KEYTURN_LOCKS=row: the audit chain lock is a locked row, and it really excludes.
- KEYTURN_CHANGE_FEED=poll: two replicas without any LISTEN connection still see each
  other's revocations within a second, streams still follow the audit trail, and the
  chain verifies after concurrent appends from both replicas (with KEYTURN_LOCKS=row).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Any

import grpc
import pytest
from keyturn.v1 import audit_pb2, audit_pb2_grpc, keys_pb2, keys_pb2_grpc
from keyturn_server import config
from keyturn_server.domain.errors import Aborted, Unavailable
from keyturn_server.store import audit as audit_store
from keyturn_server.store.db import Database, PoolOptions, Seams
from keyturn_server.store.keyevents import KeyEventBus
from keyturn_server.store.models import KeyChange
from sqlalchemy import exc as sa_exc
from sqlalchemy import insert, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncSession

from tests.integration.test_validate import create_key, make_tenant, validate
from tests.support import (
    ServerProcess,
    channel,
    decode_error,
    postgres_replicas,
)

# ---- settings -------------------------------------------------------------------------


def test_database_settings_have_documented_defaults() -> None:
    settings = config.from_env({})
    assert (settings.db_pool_size, settings.db_max_overflow) == (10, 10)
    assert settings.db_pool_timeout_seconds == 10.0
    assert settings.db_statement_timeout_ms == 30_000
    assert settings.db_conflict_retries == 2
    assert (settings.change_feed, settings.locks, settings.change_feed_poll_ms) == ("notify", "advisory", 200)


def test_database_settings_are_read_and_checked() -> None:
    settings = config.from_env(
        {
            "KEYTURN_DB_POOL_SIZE": "3",
            "KEYTURN_DB_POOL_TIMEOUT": "2.5",
            "KEYTURN_DB_STATEMENT_TIMEOUT_MS": "1500",
            "KEYTURN_CHANGE_FEED": "POLL",
            "KEYTURN_LOCKS": "row",
        }
    )
    assert (settings.db_pool_size, settings.db_pool_timeout_seconds) == (3, 2.5)
    assert (settings.db_statement_timeout_ms, settings.change_feed, settings.locks) == (1500, "poll", "row")
    for name, value in (
        ("KEYTURN_CHANGE_FEED", "kafka"),
        ("KEYTURN_LOCKS", "zookeeper"),
        ("KEYTURN_DB_POOL_SIZE", "0"),
        ("KEYTURN_DB_STATEMENT_TIMEOUT_MS", "-1"),
    ):
        with pytest.raises(config.ConfigError, match=name):
            config.from_env({name: value})


# ---- Database on PostgreSQL -------------------------------------------------------------


@pytest.fixture(scope="module")
def pg_url(new_database_url: Callable[[str], str]) -> str:
    return new_database_url("postgresql")


def _run(coro: Any) -> Any:
    return asyncio.run(coro)


def test_statement_timeout_applies_and_answers_unavailable(pg_url: str) -> None:
    async def go() -> None:
        db = Database(pg_url, pool=PoolOptions(statement_timeout_ms=300))
        try:
            async with db.transaction() as session:
                assert (await session.execute(text("SHOW statement_timeout"))).scalar_one() == "300ms"
            started = time.monotonic()
            with pytest.raises(Unavailable):
                async with db.transaction() as session:
                    await session.execute(text("SELECT pg_sleep(5)"))
            assert time.monotonic() - started < 3
        finally:
            await db.dispose()

    _run(go())


def test_multi_host_url_reaches_the_writable_host(pg_url: str) -> None:
    """The first host refuses connections; the pool and a dedicated connection both move on."""
    import psycopg

    parsed = make_url(pg_url)
    from tests.support import free_port

    dead = free_port()
    multi = (
        f"postgresql+psycopg://{parsed.username}@/{parsed.database}"
        f"?host=127.0.0.1:{dead}&host={parsed.host}:{parsed.port}&target_session_attrs=read-write"
    )

    async def go() -> None:
        db = Database(multi, pool=PoolOptions(statement_timeout_ms=1234))
        try:
            params = db.connect_params()
            assert params["host"] == f"127.0.0.1,{parsed.host}"
            assert params["port"] == f"{dead},{parsed.port}"
            assert params["target_session_attrs"] == "read-write"
            async with db.transaction() as session:
                assert (
                    await session.execute(text("SELECT current_database()"))
                ).scalar_one() == parsed.database
            async with await psycopg.AsyncConnection.connect(autocommit=True, **params) as conn:
                cursor = await conn.execute("SHOW statement_timeout")
                assert (await cursor.fetchone()) == ("1234ms",)
        finally:
            await db.dispose()

    _run(go())


def test_read_is_retried_once_after_an_outage_and_writes_are_not(pg_url: str) -> None:
    """The first attempt loses its connection (the backend is terminated mid-transaction)."""

    async def go() -> None:
        db = Database(pg_url, pool=PoolOptions(read_retry_delay_seconds=0.05))
        attempts: list[int] = []

        async def flaky(session: AsyncSession) -> int:
            attempts.append(1)
            if len(attempts) == 1:
                await session.execute(text("SELECT pg_terminate_backend(pg_backend_pid())"))
            return int((await session.execute(text("SELECT 41 + 1"))).scalar_one())

        try:
            assert await db.read(flaky) == 42
            assert len(attempts) == 2
            attempts.clear()
            with pytest.raises(Unavailable):
                await db.run(flaky)  # a write's outcome is unknown: not retried
            assert len(attempts) == 1

            async def always_down(session: AsyncSession) -> int:
                attempts.append(1)
                await session.execute(text("SELECT pg_terminate_backend(pg_backend_pid())"))
                return 0

            attempts.clear()
            with pytest.raises(Unavailable):
                await db.read(always_down)
            assert len(attempts) == 2  # once, then once more: bounded
        finally:
            await db.dispose()

    _run(go())


_SERIALIZATION_FAILURE = "DO $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = '40001'; END $$"


def test_run_retries_serialization_failures_a_bounded_number_of_times(pg_url: str) -> None:
    async def go() -> None:
        db = Database(pg_url, pool=PoolOptions(conflict_retries=2))
        attempts: list[int] = []

        def conflicting(times: int) -> Callable[[AsyncSession], Any]:
            async def work(session: AsyncSession) -> str:
                attempts.append(1)
                await session.execute(text("CREATE TABLE IF NOT EXISTS retry_probe (n int)"))
                await session.execute(text("INSERT INTO retry_probe VALUES (:n)"), {"n": len(attempts)})
                if len(attempts) <= times:
                    await session.execute(text(_SERIALIZATION_FAILURE))
                return "done"

            return work

        try:
            assert await db.run(conflicting(2)) == "done"
            assert len(attempts) == 3
            async with db.transaction() as session:
                # Only the attempt that committed left its row: the others were rolled back.
                rows = (await session.execute(text("SELECT n FROM retry_probe"))).scalars().all()
            assert rows == [3]
            attempts.clear()
            with pytest.raises(Aborted):
                await db.run(conflicting(10))
            assert len(attempts) == 3  # the first try and conflict_retries re-runs
        finally:
            await db.dispose()

    _run(go())


def test_row_lock_mode_serializes_chain_appends(pg_url: str) -> None:
    """While one transaction holds the chain's lock row, another cannot take it."""

    async def go() -> None:
        db = Database(pg_url, seams=Seams(locks="row"))
        try:
            async with db.transaction() as holder:
                await audit_store.lock_chain(holder)
                with pytest.raises(sa_exc.DBAPIError) as blocked:
                    async with db.sessions.begin() as other:
                        await other.execute(text("SET LOCAL lock_timeout = '200ms'"))
                        await audit_store.lock_chain(other)
                assert getattr(blocked.value.orig, "sqlstate", "") == "55P03"  # lock_not_available
                # The advisory lock is a different lock: row mode really uses the row.
                async with db.sessions.begin() as advisory:
                    await advisory.execute(text("SET LOCAL lock_timeout = '200ms'"))
                    await advisory.execute(
                        text("SELECT pg_advisory_xact_lock(:k)"), {"k": audit_store.CHAIN_LOCK_ID}
                    )
            async with db.transaction() as after:
                await audit_store.lock_chain(after)  # released at commit
        finally:
            await db.dispose()

    _run(go())


def test_poll_feed_dispatches_each_change_once_and_prunes_old_rows(pg_url: str) -> None:
    async def go() -> None:
        db = Database(pg_url, seams=Seams(change_feed="poll", poll_seconds=0.05))
        evicted: list[str] = []
        resets: list[int] = []
        bus = KeyEventBus(db, evict=evicted.append, evict_all=lambda: resets.append(1), retention_seconds=60)
        long_ago = datetime.now(UTC) - timedelta(hours=2)
        async with db.transaction() as session:
            await session.execute(insert(KeyChange).values(payload="ancient", create_time=long_ago))
        try:
            await bus.start()
            other = KeyEventBus(db, evict=lambda _k: None, evict_all=lambda: None)
            await other.key_changed("key-1")  # another replica's change: a row, no NOTIFY
            deadline = time.monotonic() + 2
            while "key-1" not in evicted:
                assert time.monotonic() < deadline, "the poller did not see the change"
                await asyncio.sleep(0.02)
            await asyncio.sleep(0.3)  # several more polls over the same window
            assert evicted.count("key-1") == 1 and "ancient" not in evicted and not resets
            async with db.transaction() as session:
                payloads = (await session.execute(select(KeyChange.payload))).scalars().all()
            assert payloads == ["key-1"]  # the row older than the retention is gone
        finally:
            await bus.stop()
            await db.dispose()

    _run(go())


# ---- two replicas in portable mode ------------------------------------------------------


@pytest.fixture(scope="module")
def portable_replicas(postgres_admin_url: str) -> Iterator[tuple[ServerProcess, ServerProcess]]:
    with postgres_replicas(
        postgres_admin_url,
        KEYTURN_CHANGE_FEED="poll",
        KEYTURN_CHANGE_FEED_POLL_MS="100",
        KEYTURN_LOCKS="row",
        # Every validation is audited, so the access log's batch appends take the lock too.
        KEYTURN_AUDIT_LEVEL="verbose",
        # Without the change feed a cached key would stay valid for the whole TTL.
        KEYTURN_KEY_CACHE_TTL_SECONDS="30",
    ) as pair:
        yield pair


def _listen_connections(url: str) -> int:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        row = conn.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN %'"
        ).fetchone()
    assert row is not None
    return int(row[0])


def test_poll_mode_revocation_reaches_the_other_replica_within_a_second(
    portable_replicas: tuple[ServerProcess, ServerProcess],
) -> None:
    a, b = portable_replicas
    assert _listen_connections(a.env["KEYTURN_DATABASE_URL"]) == 0
    with channel(a.address, a.admin_token) as ch_a, channel(b.address, a.admin_token) as ch_b:
        stub_a, stub_b = keys_pb2_grpc.KeyServiceStub(ch_a), keys_pb2_grpc.KeyServiceStub(ch_b)
        tenant = make_tenant(stub_a)
        created = create_key(stub_a, tenant.org)
        for _ in range(3):  # cached on both replicas
            validate(stub_a, created.plaintext)
            validate(stub_b, created.plaintext)
        stub_a.RevokeKey(keys_pb2.RevokeKeyRequest(id=created.key.id))
        revoked_at = time.monotonic()
        while True:
            try:
                validate(stub_b, created.plaintext)
            except grpc.RpcError as err:
                assert decode_error(err).reason == "KEY_REVOKED"
                break
            assert time.monotonic() - revoked_at < 1.0, "replica B still accepts a key revoked on A"
            time.sleep(0.02)


def test_poll_mode_streams_follow_events_written_by_the_other_replica(
    portable_replicas: tuple[ServerProcess, ServerProcess],
) -> None:
    a, b = portable_replicas
    with channel(a.address, a.admin_token) as ch_a, channel(b.address, a.admin_token) as ch_b:
        stream = audit_pb2_grpc.AuditServiceStub(ch_b).StreamAuditEvents(
            audit_pb2.StreamAuditEventsRequest(live_only=True), timeout=15
        )
        stream.initial_metadata()  # sent once the stream is subscribed
        org = keys_pb2_grpc.KeyServiceStub(ch_a).CreateOrganization(
            keys_pb2.CreateOrganizationRequest(name="streamed-in-poll-mode")
        )
        started = time.monotonic()
        for response in stream:
            if response.event.resource_id == org.id:
                break
        stream.cancel()
        assert time.monotonic() - started < 3


def test_row_lock_mode_chain_verifies_after_concurrent_appends_from_two_replicas(
    portable_replicas: tuple[ServerProcess, ServerProcess],
) -> None:
    a, b = portable_replicas
    with channel(a.address, a.admin_token) as ch_a, channel(b.address, a.admin_token) as ch_b:
        stubs = (keys_pb2_grpc.KeyServiceStub(ch_a), keys_pb2_grpc.KeyServiceStub(ch_b))
        tenant = make_tenant(stubs[0])
        key = create_key(stubs[0], tenant.org)

        def work(i: int) -> None:
            stub = stubs[i % 2]
            create_key(stub, tenant.org)  # a management event, appended in its transaction
            validate(stub, key.plaintext)  # an access event, appended by the access log

        with ThreadPoolExecutor(12) as pool:
            list(pool.map(work, range(120)))
        deadline = time.monotonic() + 30
        while True:  # the access logs flush their batches in the background
            result = audit_pb2_grpc.AuditServiceStub(ch_a).VerifyAuditChain(
                audit_pb2.VerifyAuditChainRequest(), timeout=60
            )
            if not result.ok or result.events_checked >= 240 or time.monotonic() > deadline:
                break
            time.sleep(0.2)
    assert result.ok, (result.first_bad_sequence, result.problem)
    assert result.events_checked >= 240
