"""store/scheduler.py: one leader across replicas, takeover when it dies, an injectable clock."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta

import psycopg
import pytest
from keyturn_server.store.db import Database
from keyturn_server.store.scheduler import (
    AdvisoryLockLeadership,
    LeaseLeadership,
    Scheduler,
    SingleProcessLeadership,
    leadership_for,
)
from sqlalchemy.engine import make_url

T0 = datetime(2026, 5, 1, tzinfo=UTC)


class FakeClock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


class Recorder:
    def __init__(self) -> None:
        self.runs: list[tuple[str, str, datetime]] = []

    def job(self, replica: str, name: str) -> Callable[[datetime], asyncio.Future[None]]:
        async def run(now: datetime) -> None:
            self.runs.append((replica, name, now))

        return run  # type: ignore[return-value]

    def replicas(self) -> set[str]:
        return {replica for replica, _, _ in self.runs}


def scheduler(leadership: object, clock: FakeClock, recorder: Recorder, replica: str) -> Scheduler:
    s = Scheduler(leadership, clock=clock)  # type: ignore[arg-type]
    s.register("rotate", timedelta(minutes=1), recorder.job(replica, "rotate"))
    s.register("destroy", timedelta(minutes=5), recorder.job(replica, "destroy"))
    return s


@pytest.fixture
async def two_postgres(
    new_database_url: Callable[[str], str],
) -> AsyncIterator[tuple[Database, Database, str]]:
    url = new_database_url("postgresql")
    first, second = Database(url), Database(url)
    try:
        yield first, second, url
    finally:
        await first.dispose()
        await second.dispose()


def _terminate(url: str, pid: int) -> None:
    plain = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(plain, autocommit=True) as conn:
        conn.execute("SELECT pg_terminate_backend(%s)", (pid,))
        # pg_terminate_backend only signals: the lock is freed once the backend has exited.
        deadline = time.monotonic() + 10
        while conn.execute("SELECT 1 FROM pg_stat_activity WHERE pid = %s", (pid,)).fetchone():
            assert time.monotonic() < deadline, "the terminated backend never exited"
            time.sleep(0.02)


async def test_jobs_run_on_their_intervals_by_the_clock() -> None:
    clock, recorder = FakeClock(), Recorder()
    s = scheduler(SingleProcessLeadership(), clock, recorder, "a")
    assert await s.run_once() == ["rotate", "destroy"]
    assert await s.run_once() == []
    clock.advance(seconds=59)
    assert await s.run_once() == []
    clock.advance(seconds=1)
    assert await s.run_once() == ["rotate"]
    clock.advance(minutes=4)
    assert await s.run_once() == ["rotate", "destroy"]
    assert [now for _, name, now in recorder.runs if name == "destroy"] == [T0, T0 + timedelta(minutes=5)]
    with pytest.raises(ValueError):
        s.register("rotate", timedelta(minutes=1), recorder.job("a", "rotate"))
    with pytest.raises(ValueError):
        s.register("zero", timedelta(0), recorder.job("a", "zero"))


async def test_a_failing_job_does_not_stop_the_others(caplog: pytest.LogCaptureFixture) -> None:
    clock, recorder = FakeClock(), Recorder()
    s = Scheduler(SingleProcessLeadership(), clock=clock)

    async def broken(now: datetime) -> None:
        raise RuntimeError("boom")

    s.register("broken", timedelta(minutes=1), broken)
    s.register("fine", timedelta(minutes=1), recorder.job("a", "fine"))
    assert await s.run_once() == ["broken", "fine"]
    assert recorder.runs == [("a", "fine", T0)]
    assert "scheduler job broken failed" in caplog.text


async def test_start_and_stop_run_the_loop() -> None:
    ran = asyncio.Event()
    s = Scheduler(SingleProcessLeadership(), tick=timedelta(milliseconds=10))

    async def job(now: datetime) -> None:
        ran.set()

    s.register("job", timedelta(hours=1), job)
    await s.start()
    await asyncio.wait_for(ran.wait(), 5)
    await s.stop()
    assert not s.is_leader


async def test_advisory_lock_one_leader_and_takeover_when_its_connection_dies(
    two_postgres: tuple[Database, Database, str],
) -> None:
    db_a, db_b, url = two_postgres
    clock, recorder = FakeClock(), Recorder()
    lock_a, lock_b = AdvisoryLockLeadership(db_a.engine), AdvisoryLockLeadership(db_b.engine)
    a = scheduler(lock_a, clock, recorder, "a")
    b = scheduler(lock_b, clock, recorder, "b")
    for _ in range(3):
        await a.run_once()
        await b.run_once()
        clock.advance(minutes=1)
    assert a.is_leader and not b.is_leader
    assert recorder.replicas() == {"a"}

    # The leader's connection dies (a crashed replica): PostgreSQL frees the lock.
    assert lock_a.backend_pid is not None
    _terminate(url, lock_a.backend_pid)
    recorder.runs.clear()
    assert await b.run_once() == ["rotate", "destroy"]
    assert b.is_leader
    # The old leader notices it lost its session and does not run jobs beside the new one.
    clock.advance(minutes=1)
    assert await a.run_once() == []
    assert not a.is_leader
    assert await b.run_once() == ["rotate"]
    assert recorder.replicas() == {"b"}

    # A graceful stop hands over at once; the lock connection never goes back to the pool.
    await b.stop()
    assert await a.run_once() == ["rotate", "destroy"]
    await a.stop()


async def test_lease_one_leader_takeover_after_expiry_and_release(
    new_database_url: Callable[[str], str],
) -> None:
    for backend in ("sqlite", "postgresql"):
        url = new_database_url(backend)
        db_a, db_b = Database(url), Database(url)
        try:
            clock, recorder = FakeClock(), Recorder()
            ttl = timedelta(seconds=30)
            a = scheduler(LeaseLeadership(db_a, "replica-a", ttl), clock, recorder, "a")
            b = scheduler(LeaseLeadership(db_b, "replica-b", ttl), clock, recorder, "b")
            for _ in range(5):
                await a.run_once()
                await b.run_once()
                clock.advance(seconds=20)  # the leader renews well within the ttl
            assert a.is_leader and not b.is_leader and recorder.replicas() == {"a"}

            # The leader renews once more, then dies: it stops renewing. Before the ttl passes
            # nobody else leads...
            await a.run_once()
            recorder.runs.clear()
            clock.advance(seconds=29)
            assert await b.run_once() == []
            # ...after it, the other replica takes over.
            clock.advance(seconds=2)
            assert await b.run_once() == ["rotate", "destroy"]
            # The old leader, if it was only paused, finds the lease taken.
            assert await a.run_once() == [] and not a.is_leader
            assert recorder.replicas() == {"b"}

            # Release on stop lets the other replica in without waiting for the ttl.
            await b.stop()
            assert await a.run_once() == ["rotate", "destroy"]
            await a.stop()
        finally:
            await db_a.dispose()
            await db_b.dispose()


async def test_leadership_for_picks_by_backend(new_database_url: Callable[[str], str]) -> None:
    sqlite_db = Database(new_database_url("sqlite"))
    pg_db = Database(new_database_url("postgresql"))
    try:
        assert isinstance(leadership_for(sqlite_db), SingleProcessLeadership)
        assert isinstance(leadership_for(pg_db), AdvisoryLockLeadership)
        assert isinstance(leadership_for(pg_db, "lease", "me"), LeaseLeadership)
        assert isinstance(leadership_for(sqlite_db, "lease"), LeaseLeadership)
        with pytest.raises(ValueError):
            leadership_for(sqlite_db, "advisory")
        with pytest.raises(ValueError):
            leadership_for(pg_db, "single")
    finally:
        await sqlite_db.dispose()
        await pg_db.dispose()
