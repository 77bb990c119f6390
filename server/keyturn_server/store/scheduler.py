"""The shared scheduler: one loop, named jobs with an interval, one leader across replicas.

Every replica runs a Scheduler; only the leader runs jobs. Leadership is a seam with three
implementations, chosen by `leadership_for`:

- `AdvisoryLockLeadership` (PostgreSQL): a session-level `pg_try_advisory_lock` held on a
  dedicated connection. When the leader process or its connection dies, PostgreSQL frees the
  lock and the next replica to try takes it.
- `LeaseLeadership` (portable, for engines without advisory locks, e.g. CockroachDB): a row in
  `scheduler_lease` (holder, expires_at) taken or renewed with one conditional upsert; a dead
  leader's lease expires after `ttl`. Replicas' clocks must agree to well within the ttl.
- `SingleProcessLeadership` (SQLite): the single process always leads.

Jobs must be safe to run again (they act on what the database says is due, and lock the rows
they change), because a leadership change can repeat a run; they are never run concurrently
by two leaders as long as the leadership holds. The clock is injectable, and `run_once()` is
one tick, so tests drive the scheduler without sleeping.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import os
import socket
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Literal, Protocol

from sqlalchemy import delete, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from keyturn_server import background
from keyturn_server.store.db import Database
from keyturn_server.store.models import SchedulerLease

log = logging.getLogger("keyturn.scheduler")

Clock = Callable[[], datetime]
JobFunction = Callable[[datetime], Awaitable[None]]
LeadershipMode = Literal["auto", "advisory", "lease", "single"]
LEASE_NAME = "scheduler"


def utcnow() -> datetime:
    return datetime.now(UTC)


def default_holder() -> str:
    """A replica identity for the lease row and logs: host, pid and a random suffix."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def advisory_lock_key(name: str) -> int:
    """A stable signed 64-bit key for pg_advisory_lock, derived from a name."""
    return int.from_bytes(hashlib.sha256(b"keyturn:" + name.encode()).digest()[:8], "big", signed=True)


class Leadership(Protocol):
    async def acquire(self, now: datetime) -> bool:
        """Take or renew leadership; True while this replica leads."""

    async def release(self) -> None:
        """Give leadership up (on stop), so another replica takes over at once."""


class SingleProcessLeadership:
    """SQLite: one process owns the database file, so it leads."""

    async def acquire(self, now: datetime) -> bool:
        return True

    async def release(self) -> None:
        return None


class AdvisoryLockLeadership:
    """PostgreSQL session-level advisory lock on a dedicated AUTOCOMMIT connection."""

    def __init__(self, engine: AsyncEngine, name: str = LEASE_NAME) -> None:
        self._engine = engine
        self.key = advisory_lock_key(name)
        self._connection: AsyncConnection | None = None
        # The server process id of the connection holding the lock (tests terminate it).
        self.backend_pid: int | None = None

    async def acquire(self, now: datetime) -> bool:
        try:
            if self._connection is not None:
                # Still our session? A dead connection means the lock is gone with it.
                await self._connection.execute(text("SELECT 1"))
                return True
            connection = await self._engine.connect()
            try:
                connection = await connection.execution_options(isolation_level="AUTOCOMMIT")
                got = (
                    await connection.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": self.key})
                ).scalar_one()
                if not got:
                    await connection.close()
                    return False
                self.backend_pid = (await connection.execute(text("SELECT pg_backend_pid()"))).scalar_one()
            except BaseException:
                await connection.invalidate()
                raise
            self._connection = connection
            log.info("scheduler leadership taken (advisory lock)")
            return True
        except (DBAPIError, OperationalError, OSError):
            await self._drop()
            return False

    async def _drop(self) -> None:
        connection, self._connection, self.backend_pid = self._connection, None, None
        if connection is not None:
            log.warning("scheduler leadership lost (advisory lock connection ended)")
            with contextlib.suppress(Exception):
                # Never return a lock-holding connection to the pool.
                await connection.invalidate()

    async def release(self) -> None:
        connection, self._connection, self.backend_pid = self._connection, None, None
        if connection is None:
            return
        with contextlib.suppress(Exception):
            await connection.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": self.key})
        with contextlib.suppress(Exception):
            await connection.invalidate()


class LeaseLeadership:
    """A lease row: taken when free or expired, renewed by its holder, released on stop."""

    def __init__(
        self, database: Database, holder: str, ttl: timedelta = timedelta(seconds=30), name: str = LEASE_NAME
    ) -> None:
        self._database = database
        self.holder = holder
        self.ttl = ttl
        self.name = name
        self._leading = False

    async def acquire(self, now: datetime) -> bool:
        lease = SchedulerLease
        insert: Any = postgresql.insert if self._database.is_postgres else sqlite.insert
        stmt = (
            insert(lease)
            .values(name=self.name, holder=self.holder, expires_at=now + self.ttl)
            .on_conflict_do_update(
                index_elements=["name"],
                set_={"holder": self.holder, "expires_at": now + self.ttl},
                # Renew our own lease, or take one that has expired; otherwise nothing.
                where=(lease.holder == self.holder) | (lease.expires_at < now),
            )
            .returning(lease.holder)
        )
        try:
            async with self._database.transaction() as session:
                won = (await session.execute(stmt)).first() is not None
        except (DBAPIError, OperationalError, OSError):
            won = False
        if won != self._leading:
            log.info("scheduler leadership %s (lease %s)", "taken" if won else "lost", self.name)
        self._leading = won
        return won

    async def release(self) -> None:
        if not self._leading:
            return
        self._leading = False
        with contextlib.suppress(DBAPIError, OperationalError, OSError):
            async with self._database.transaction() as session:
                await session.execute(
                    delete(SchedulerLease).where(
                        SchedulerLease.name == self.name, SchedulerLease.holder == self.holder
                    )
                )


def leadership_for(
    database: Database,
    mode: LeadershipMode = "auto",
    holder: str | None = None,
    lease_ttl: timedelta = timedelta(seconds=30),
) -> Leadership:
    """auto: the advisory lock on PostgreSQL, the single process on SQLite."""
    if mode == "auto":
        mode = "advisory" if database.is_postgres else "single"
    if mode == "single":
        if database.is_postgres:
            raise ValueError("single-process leadership is only safe on SQLite")
        return SingleProcessLeadership()
    if mode == "advisory":
        if not database.is_postgres:
            raise ValueError("advisory-lock leadership needs PostgreSQL")
        return AdvisoryLockLeadership(database.engine)
    return LeaseLeadership(database, holder or default_holder(), lease_ttl)


@dataclass
class Job:
    name: str
    interval: timedelta
    run: JobFunction
    next_run: datetime | None = None


class Scheduler:
    """One loop; `start()`/`stop()` are the composition root's hooks, `run_once()` one tick."""

    def __init__(
        self,
        leadership: Leadership,
        *,
        clock: Clock = utcnow,
        tick: timedelta = timedelta(seconds=1),
    ) -> None:
        self.leadership = leadership
        self.clock = clock
        self.tick = tick
        self.jobs: dict[str, Job] = {}
        self.is_leader = False
        self._task: asyncio.Task[None] | None = None
        # Job name -> runs / failures on this replica (the metrics collector reads them).
        self.runs: dict[str, int] = {}
        self.failures: dict[str, int] = {}

    def register(self, name: str, interval: timedelta, run: JobFunction) -> None:
        """A job run every `interval` on the leader, first as soon as it leads. `run(now)`
        gets the scheduler clock's time."""
        if name in self.jobs:
            raise ValueError(f"scheduler job {name!r} is already registered")
        if interval <= timedelta(0):
            raise ValueError("a job interval must be positive")
        self.jobs[name] = Job(name, interval, run)

    async def run_once(self) -> list[str]:
        """Renew leadership, then run every due job (in registration order) if leading.
        Returns the names of the jobs run. A failing job is logged and retried next interval."""
        now = self.clock()
        leading = await self.leadership.acquire(now)
        if leading and not self.is_leader:
            for job in self.jobs.values():
                job.next_run = now  # a new leader catches up at once
        self.is_leader = leading
        if not leading:
            return []
        ran: list[str] = []
        for job in self.jobs.values():
            if job.next_run is not None and job.next_run > now:
                continue
            job.next_run = now + job.interval
            self.runs[job.name] = self.runs.get(job.name, 0) + 1
            try:
                await job.run(now)
            except asyncio.CancelledError:
                raise
            except Exception:
                self.failures[job.name] = self.failures.get(job.name, 0) + 1
                log.exception("scheduler job %s failed", job.name)
            ran.append(job.name)
        return ran

    async def _loop(self) -> None:
        while True:
            try:
                await self.run_once()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("scheduler tick failed")
            await asyncio.sleep(self.tick.total_seconds())

    async def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._loop(), name="keyturn-scheduler")

    async def stop(self) -> None:
        task, self._task = self._task, None
        await background.cancel(task)
        self.is_leader = False
        await self.leadership.release()


__all__ = [
    "AdvisoryLockLeadership",
    "Job",
    "Leadership",
    "LeadershipMode",
    "LeaseLeadership",
    "Scheduler",
    "SingleProcessLeadership",
    "advisory_lock_key",
    "default_holder",
    "leadership_for",
]
