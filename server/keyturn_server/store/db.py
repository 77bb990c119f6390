"""Engines and sessions for PostgreSQL (psycopg 3) and SQLite (aiosqlite).

The transaction is framed by the caller: `async with db.transaction() as session:` at the
edge of a use case; repositories take the session and never commit.

`transaction()` is also the one place where a database fault becomes a domain error
(`database_fault`): an outage (connection refused, admin shutdown, a dropped connection, an
exhausted pool, SQLite busy) is `Unavailable`, a lost serialization race or deadlock is
`Aborted`. Either way the transaction was rolled back, so no write is half applied. The edge
interceptor uses the same classification for anything that escapes a transaction.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import event
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

from keyturn_server.domain.errors import Aborted, DomainError, Unavailable

# SQLSTATE classes of a database that cannot serve right now: 08 connection exception,
# 53 insufficient resources, 57 operator intervention (57P01 admin shutdown, 57P03 cannot
# connect now, 57014 statement timeout), 58 system error.
_UNAVAILABLE_CLASSES = ("08", "53", "57", "58")
# 40001 serialization_failure, 40P01 deadlock_detected: retry the whole transaction.
_ABORTED_STATES = ("40001", "40P01")
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
    if state[:2] in _UNAVAILABLE_CLASSES or invalidated or isinstance(error, sa_exc.DisconnectionError):
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


class Database:
    def __init__(self, url: str, *, pool_size: int = 10, echo: bool = False) -> None:
        self.url = async_url(url)
        self.dialect = make_url(self.url).get_backend_name()
        kwargs: dict[str, Any] = {"echo": echo, "pool_pre_ping": True}
        if self.dialect == "postgresql":
            kwargs.update(pool_size=pool_size, max_overflow=pool_size)
        self.engine: AsyncEngine = create_async_engine(self.url, **kwargs)
        if self.dialect == "sqlite":
            _configure_sqlite(self.engine.sync_engine)
        self.sessions = async_sessionmaker(self.engine, expire_on_commit=False, autoflush=False)

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

    async def dispose(self) -> None:
        await self.engine.dispose()
