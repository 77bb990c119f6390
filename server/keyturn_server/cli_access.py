"""`keyturn bootstrap`, and the embedded default's first-start admin token.

    keyturn bootstrap [--database-url URL] [--name admin] [--force]

creates the first ADMIN principal and prints its token as the LAST line of output (once:
the server keeps only a keyed hash). It refuses when an ADMIN already exists unless
--force, which gives the principal called --name the ADMIN role (if needed) and a new token.

On the embedded default (SQLite in the data directory, no KEYTURN_DATABASE_URL), the first
`keyturn serve` does the same by itself and writes the token to <data_dir>/admin-token
(mode 0600), printing only the path.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import stat
import sys
from pathlib import Path
from typing import Any

from keyturn_server import config

ADMIN_TOKEN_FILE = "admin-token"  # noqa: S105


async def _bootstrap(settings: config.Settings, name: str, force: bool) -> tuple[str, str, str]:
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


def cmd_bootstrap(args: argparse.Namespace) -> int:
    from keyturn_server.cli import _settings
    from keyturn_server.domain.errors import FailedPrecondition
    from keyturn_server.store import migrate

    settings = _settings(args)
    if settings.is_sqlite:
        migrate.upgrade(settings.database_url)  # the embedded default migrates itself
    try:
        principal_id, name, plaintext = asyncio.run(_bootstrap(settings, args.name, args.force))
    except FailedPrecondition as err:
        print(f"keyturn: {err.message}", file=sys.stderr)
        return 1
    print(f"keyturn: ADMIN principal {name} ({principal_id}); its token follows, shown once:", flush=True)
    print(plaintext, flush=True)
    return 0


def write_secret_file(path: Path, content: str) -> None:
    """Write a 0600 file, replacing an older one."""
    path.unlink(missing_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, stat.S_IRUSR | stat.S_IWUSR)
    with os.fdopen(fd, "w") as handle:
        handle.write(content + "\n")


def bootstrap_embedded(settings: config.Settings, announce: bool = True) -> Path | None:
    """On the embedded default: create the first ADMIN and its token file if there is no ADMIN.

    Returns the token file's path when it was written (None when an ADMIN already existed).
    """
    path = (settings.data_dir / ADMIN_TOKEN_FILE).resolve()
    if asyncio.run(_admin_exists(settings)):
        if announce and path.exists():
            print(f"keyturn: admin token in {path}", flush=True)
        return None
    _, _, plaintext = asyncio.run(_bootstrap(settings, "admin", force=False))
    write_secret_file(path, plaintext)
    if announce:
        print(f"keyturn: created the ADMIN principal `admin`; its token is in {path} (mode 0600)", flush=True)
    return path


def is_embedded_default(args: argparse.Namespace) -> bool:
    """No database was named: serve uses SQLite in the data directory."""
    return not (getattr(args, "database_url", None) or config.from_env().database_url)


def register(sub: Any) -> None:
    boot = sub.add_parser(
        "bootstrap", help="create the first ADMIN principal and print its token (last line, once)"
    )
    boot.add_argument("--database-url", help="postgresql://... or sqlite:///path (env KEYTURN_DATABASE_URL)")
    boot.add_argument("--data-dir", type=Path, help="embedded default's folder (env KEYTURN_DATA_DIR)")
    boot.add_argument("--name", default="admin", help="the ADMIN principal's name (default admin)")
    boot.add_argument(
        "--force", action="store_true", help="even if an ADMIN exists: make --name an ADMIN, new token"
    )
    boot.set_defaults(func=cmd_bootstrap)
