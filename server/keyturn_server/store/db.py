"""Engines and sessions for PostgreSQL (psycopg 3) and SQLite (aiosqlite).

The transaction is framed by the caller: `async with db.transaction() as session:` at the
edge of a use case; repositories take the session and never commit.

`transaction()` is also the one place where a database fault becomes a domain error
(`database_fault`): an outage (connection refused, admin shutdown, a dropped connection, an
exhausted pool, SQLite busy) is `Unavailable`, a lost serialization race or deadlock is
`Aborted`. Either way the transaction was rolled back, so no write is half applied. The edge
interceptor uses the same classification for anything that escapes a transaction.

Surviving a PostgreSQL failover (docs/scaling.md):

* A multi-host URL (`?host=a:5432&host=b:5432&target_session_attrs=read-write`) reaches
  whichever node is primary now. `connect_params()` is SQLAlchemy's own translation of that
  URL, so the LISTEN connections (store/keyevents.py, store/audit_feed.py) follow the same
  hosts and attributes as the pool.
* The pool pings each connection at checkout (pool_pre_ping) and recycles old ones; a
  connection that died or now points at a read-only node (SQLSTATE 25006 after a demotion)
  is treated as a disconnect, which invalidates every older pooled connection too.
* `read(work)` runs an idempotent read and retries it once when the database was
  unavailable (by then the pool reconnects, to the new primary). Writes are not retried on
  an outage: a commit whose answer was lost may have been applied, so the caller gets
  UNAVAILABLE and decides.
* `run(work)` re-runs a whole transaction after a serialization failure or deadlock
  (40001/40P01, which engines at SERIALIZABLE such as CockroachDB raise routinely), up to
  `conflict_retries` times; the last one answers ABORTED.

The PostgreSQL-specific mechanisms the rest of the store uses sit behind `Seams`, carried by
every session (`seams_of(session)`): the chain lock (advisory lock or a locked row) and the
change feed (LISTEN/NOTIFY or polling tables).
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

from sqlalchemy import event
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

from keyturn_server.domain.errors import Aborted, DomainError, Unavailable

# SQLSTATE classes of a database that cannot serve right now: 08 connection exception,
# 53 insufficient resources, 57 operator intervention (57P01 admin shutdown, 57P03 cannot
# connect now, 57014 statement timeout), 58 system error.
_UNAVAILABLE_CLASSES = ("08", "53", "57", "58")
# 25006 read_only_sql_transaction: a write reached a node that is (now) a standby; the
# connection is stale after a switchover and is dropped like a disconnect.
_STALE_STATES = ("25006",)
# 40001 serialization_failure, 40P01 deadlock_detected: retry the whole transaction.
_ABORTED_STATES = ("40001", "40P01")
T = TypeVar("T")
LockMode = Literal["advisory", "row"]
ChangeFeedMode = Literal["notify", "poll"]
LOCK_MODES: tuple[LockMode, ...] = ("advisory", "row")
CHANGE_FEED_MODES: tuple[ChangeFeedMode, ...] = ("notify", "poll")
# SQLite OperationalError texts that mean "busy or unreachable", not "the SQL is wrong".
_SQLITE_UNAVAILABLE = (
    "database is locked",
    "database is busy",
    "database table is locked",
    "disk i/o error",
    "unable to open database",
    "database or disk is full",
)


def _sqlstate(error: BaseException | None) -> str:
    for attr in ("sqlstate", "pgcode"):
        value = getattr(error, attr, None)
        if isinstance(value, str) and value:
            return value
    return ""


def database_fault(error: BaseException) -> DomainError | None:
    """The domain error a database driver exception stands for, or None (a real bug).

    Recognises SQLAlchemy's wrappers (DBAPIError and its Operational/Interface subclasses,
    the pool's TimeoutError), raw psycopg errors (the LISTEN connections use psycopg
    directly) and sqlite3 errors, by SQLSTATE where the driver gives one.
    """
    if isinstance(error, DomainError):
        return error
    if isinstance(error, sa_exc.TimeoutError):
        return Unavailable("the database connection pool is exhausted; retry shortly")
    original: BaseException | None = error
    invalidated = False
    if isinstance(error, sa_exc.DBAPIError):
        original = error.orig
        invalidated = bool(error.connection_invalidated)
    elif isinstance(error, sa_exc.SQLAlchemyError) and not isinstance(error, sa_exc.DisconnectionError):
        return None
    state = _sqlstate(original)
    if state in _ABORTED_STATES:
        return Aborted()
    if (
        state[:2] in _UNAVAILABLE_CLASSES
        or state in _STALE_STATES
        or invalidated
        or isinstance(error, sa_exc.DisconnectionError)
    ):
        return Unavailable("the database is unavailable; retry shortly")
    module = type(original).__module__ if original is not None else ""
    name = type(original).__name__
    if module.startswith("psycopg") and name in ("OperationalError", "InterfaceError") and not state:
        # No SQLSTATE: the client side failed (connection refused, closed, lost).
        return Unavailable("the database is unavailable; retry shortly")
    if module.startswith("sqlite3") and name == "OperationalError":
        text = str(original).lower()
        if any(marker in text for marker in _SQLITE_UNAVAILABLE):
            return Unavailable("the database is busy; retry shortly")
    if isinstance(original, (ConnectionError, TimeoutError)):
        return Unavailable("the database is unavailable; retry shortly")
    return None


def async_url(url: str) -> str:
    """Normalise a user-facing URL to the async driver Keyturn uses."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres", "postgresql+psycopg2", "postgresql+asyncpg"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    elif parsed.drivername in ("sqlite", "sqlite+pysqlite"):
        parsed = parsed.set(drivername="sqlite+aiosqlite")
    return parsed.render_as_string(hide_password=False)


def sync_url(url: str) -> str:
    """The same database through a synchronous driver (Alembic runs synchronously)."""
    parsed = make_url(async_url(url))
    if parsed.drivername == "sqlite+aiosqlite":
        parsed = parsed.set(drivername="sqlite+pysqlite")
    return parsed.render_as_string(hide_password=False)


def _configure_sqlite(engine: Any) -> None:
    """WAL, foreign keys, a busy timeout, and BEGIN IMMEDIATE.

    BEGIN IMMEDIATE takes SQLite's write lock at the start of every transaction, so two
    concurrent transactions queue on busy_timeout instead of one failing with "database is
    locked" when it upgrades from a read to a write lock.
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # let the "begin" hook below own BEGIN
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def is_outage(error: BaseException) -> bool:
    """True for a database outage or conflict: background retries log one line, no traceback."""
    return isinstance(database_fault(error), Unavailable | Aborted)


@dataclass(frozen=True)
class Seams:
    """Which implementation of each PostgreSQL-specific mechanism the store uses.

    locks: "advisory" (pg_advisory_xact_lock) or "row" (SELECT ... FOR UPDATE on a row of
    `lock_row`, for engines without advisory locks). change_feed: "notify" (LISTEN/NOTIFY)
    or "poll" (the `key_change` table and the audit table, read every `poll_seconds`).
    """

    locks: LockMode = "advisory"
    change_feed: ChangeFeedMode = "notify"
    poll_seconds: float = 0.2


SEAMS_INFO_KEY = "keyturn.seams"


def seams_of(session: AsyncSession) -> Seams:
    """The seams of the Database that made `session` (the defaults for a bare session)."""
    seams = session.info.get(SEAMS_INFO_KEY)
    return seams if isinstance(seams, Seams) else Seams()


@dataclass(frozen=True)
class PoolOptions:
    """Connection pool and statement limits (PostgreSQL only) and the retry budgets of
    read() and run() (every backend).

    The server passes its KEYTURN_DB_* settings (config.py); these defaults equal theirs
    except statement_timeout_ms, which is off here (CLI maintenance such as audit prune may
    run long statements) and 30 s in the server.
    """

    pool_size: int = 10
    max_overflow: int = 10
    # Seconds a caller waits for a pooled connection before UNAVAILABLE.
    pool_timeout_seconds: float = 10.0
    # Connections older than this are replaced at checkout.
    pool_recycle_seconds: float = 1800.0
    # PostgreSQL statement_timeout for every pooled connection; 0 = no limit.
    statement_timeout_ms: int = 0
    # How often run()/read() re-run a transaction that lost a serialization race/deadlock.
    conflict_retries: int = 2
    # The pause before read() retries after an outage (a failover takes seconds).
    read_retry_delay_seconds: float = 0.5


def _treat_stale_as_disconnect(engine: Any) -> None:
    """A write refused as read-only means this connection points at a demoted primary:
    invalidate it (and, as for any disconnect, every older pooled connection)."""

    @event.listens_for(engine, "handle_error")
    def _on_error(context: Any) -> None:
        if _sqlstate(context.original_exception) in _STALE_STATES:
            context.is_disconnect = True


class Database:
    def __init__(
        self,
        url: str,
        *,
        pool: PoolOptions | None = None,
        seams: Seams | None = None,
        echo: bool = False,
    ) -> None:
        self.url = async_url(url)
        self.dialect = make_url(self.url).get_backend_name()
        self.pool = pool or PoolOptions()
        self.seams = seams or Seams()
        self._connect_args: dict[str, Any] = {}
        kwargs: dict[str, Any] = {"echo": echo, "pool_pre_ping": True}
        if self.dialect == "postgresql":
            if self.pool.statement_timeout_ms > 0:
                self._connect_args["options"] = f"-c statement_timeout={int(self.pool.statement_timeout_ms)}"
            kwargs.update(
                pool_size=self.pool.pool_size,
                max_overflow=self.pool.max_overflow,
                pool_timeout=self.pool.pool_timeout_seconds,
                pool_recycle=self.pool.pool_recycle_seconds,
                connect_args=self._connect_args,
            )
        self.engine: AsyncEngine = create_async_engine(self.url, **kwargs)
        if self.dialect == "sqlite":
            _configure_sqlite(self.engine.sync_engine)
        else:
            _treat_stale_as_disconnect(self.engine.sync_engine)
        self.sessions = async_sessionmaker(
            self.engine, expire_on_commit=False, autoflush=False, info={SEAMS_INFO_KEY: self.seams}
        )

    def connect_params(self) -> dict[str, Any]:
        """Keyword arguments for `psycopg.connect` reaching the same database as the pool.

        SQLAlchemy's psycopg dialect translates the URL (a multi-host `?host=a:p&host=b:p`
        becomes `host="a,b", port="p,p"`; target_session_attrs and other query parameters
        pass through), so a dedicated connection follows a failover exactly like the pool.
        """
        _args, params = self.engine.dialect.create_connect_args(make_url(self.url))
        return {**params, **self._connect_args}

    @property
    def is_postgres(self) -> bool:
        return self.dialect == "postgresql"

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """One transaction: committed when the block ends, rolled back if it raises.

        A database fault (see `database_fault`) leaves as Unavailable or Aborted, with the
        driver error as its cause; anything else leaves unchanged.
        """
        try:
            async with self.sessions.begin() as session:
                yield session
        except DomainError:
            raise
        except Exception as error:
            fault = database_fault(error)
            if fault is None:
                raise
            raise fault from error

    async def read(self, work: Callable[[AsyncSession], Awaitable[T]]) -> T:
        """An idempotent read in its own transaction, retried once after an outage.

        `work` must only read (or make idempotent writes, such as a re-hash to the same
        value) and must not touch anything outside the session: it may run twice.
        """
        return await self._attempts(work, outage_retries=1)

    async def run(self, work: Callable[[AsyncSession], Awaitable[T]]) -> T:
        """A whole transaction, re-run after a serialization failure or deadlock.

        `work` must be safe to run again: no effects outside the session (no messages sent,
        no caches filled) until it returns, because a rolled-back attempt must leave nothing
        behind. An outage is not retried (the commit may have happened): UNAVAILABLE.
        """
        return await self._attempts(work, outage_retries=0)

    async def _attempts(self, work: Callable[[AsyncSession], Awaitable[T]], outage_retries: int) -> T:
        conflicts = outages = 0
        while True:
            try:
                async with self.transaction() as session:
                    return await work(session)
            except Aborted:
                if conflicts >= self.pool.conflict_retries:
                    raise
                conflicts += 1
                # Jitter so the transactions that collided do not collide again.
                await asyncio.sleep(random.uniform(0.0, 0.02 * 2**conflicts))
            except Unavailable:
                if outages >= outage_retries:
                    raise
                outages += 1
                await asyncio.sleep(self.pool.read_retry_delay_seconds)

    async def dispose(self) -> None:
        await self.engine.dispose()
