"""Programmatic Alembic: `keyturn migrate` and the embedded default's automatic upgrade."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from pathlib import Path

from alembic import command
from alembic.config import Config

from keyturn_server.store.db import sync_url

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(database_url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    # ConfigParser interpolation: a literal % in a password must be doubled.
    config.set_main_option("sqlalchemy.url", sync_url(database_url).replace("%", "%%"))
    return config


@contextlib.contextmanager
def _alembic_logs(level: int) -> Iterator[None]:
    """Alembic logs plugin setup and "Context impl ..." at INFO on every start; the server's
    log shows its INFO lines only while a migration actually runs."""
    logger = logging.getLogger("alembic")
    before = logger.level
    logger.setLevel(level)
    try:
        yield
    finally:
        logger.setLevel(before)


def quiet_alembic() -> None:
    """Keep Alembic's routine INFO lines (logged on import and on every connection) out."""
    logging.getLogger("alembic").setLevel(logging.WARNING)


def head() -> str | None:
    """The newest revision the migrations define."""
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return ScriptDirectory.from_config(config).get_current_head()


def upgrade(database_url: str, revision: str = "head") -> None:
    """Apply migrations up to `revision`; at head already, a silent no-op."""
    if revision == "head" and current(database_url) == head():
        return
    with _alembic_logs(logging.INFO):
        command.upgrade(alembic_config(database_url), revision)


def downgrade(database_url: str, revision: str) -> None:
    with _alembic_logs(logging.INFO):
        command.downgrade(alembic_config(database_url), revision)


def current(database_url: str) -> str | None:
    from alembic.runtime.migration import MigrationContext
    from sqlalchemy import create_engine

    engine = create_engine(sync_url(database_url))
    try:
        with engine.connect() as connection, _alembic_logs(logging.WARNING):
            return MigrationContext.configure(connection).get_current_revision()
    finally:
        engine.dispose()
