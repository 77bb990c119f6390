"""`keyturn bootstrap`, and the embedded default's first-start admin token.

    keyturn bootstrap [--database-url URL] [--name admin] [--force]

creates the first ADMIN principal and prints its token as the LAST line of output (once:
the server keeps only a keyed hash). It refuses when an ADMIN already exists unless
--force, which gives the principal called --name the ADMIN role (if needed) and a new token.

On the embedded default (SQLite in the data directory, no KEYTURN_DATABASE_URL), the first
`keyturn serve` does the same by itself and writes the token to <data_dir>/admin-token
(mode 0600), printing only the path; `keyturn bootstrap` refuses there (an ADMIN exists),
and the CLI's own commands read that file.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import stat
from pathlib import Path
from typing import Any

from keyturn_server import config
from keyturn_server.cli.common import CommandError, add_database_flags, load_settings


def register(sub: Any) -> None:
    boot = sub.add_parser(
        "bootstrap", help="create the first ADMIN principal and print its token (last line, once)"
    )
    add_database_flags(boot)
    boot.add_argument("--name", default="admin", help="the ADMIN principal's name (default admin)")
    boot.add_argument(
        "--force", action="store_true", help="even if an ADMIN exists: make --name an ADMIN, new token"
    )
    boot.set_defaults(run=run)


async def create_admin(settings: config.Settings, name: str, force: bool) -> tuple[str, str, str]:
    """(principal id, name, plaintext token) of a new (or, with force, re-keyed) ADMIN."""
    from keyturn_server.container import Container

    container = Container.build(settings)  # built, not started: no background work
    try:
        row, plaintext = await container.principals.bootstrap_admin(name=name, force=force)
        return row.id, row.name, plaintext
    finally:
        await container.db.dispose()


async def _admin_exists(settings: config.Settings) -> bool:
    from keyturn_server.container import Container

    container = Container.build(settings)
    try:
        return await container.principals.admin_exists()
    finally:
        await container.db.dispose()


def run(args: argparse.Namespace) -> int:
    from keyturn_server.domain.errors import FailedPrecondition
    from keyturn_server.store import migrate

    settings = load_settings(args)
    if settings.is_sqlite:
        migrate.upgrade(settings.database_url)  # the embedded default migrates itself
    try:
        principal_id, name, plaintext = asyncio.run(create_admin(settings, args.name, args.force))
    except FailedPrecondition as err:
        raise CommandError(err.message) from err
    print(f"keyturn: ADMIN principal {name} ({principal_id}); its token follows, shown once:", flush=True)
    print(plaintext, flush=True)
    return 0


def write_secret_file(path: Path, content: str) -> None:
    """Write a 0600 file, replacing an older one."""
    path.unlink(missing_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, stat.S_IRUSR | stat.S_IWUSR)
    with os.fdopen(fd, "w") as handle:
        handle.write(content + "\n")


async def bootstrap_embedded(settings: config.Settings, announce: bool = True) -> Path | None:
    """On the embedded default: create the first ADMIN and its token file if there is no ADMIN.

    Returns the token file's path when it was written (None when an ADMIN already existed).
    """
    path = (settings.data_dir / config.ADMIN_TOKEN_FILE).resolve()
    if await _admin_exists(settings):
        if announce and path.exists():
            print(f"keyturn: admin token in {path}", flush=True)
        return None
    _, _, plaintext = await create_admin(settings, "admin", force=False)
    write_secret_file(path, plaintext)
    if announce:
        print(f"keyturn: created the ADMIN principal `admin`; its token is in {path} (mode 0600)", flush=True)
    return path
