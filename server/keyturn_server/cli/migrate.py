"""`keyturn migrate`: apply (or, with --downgrade, revert) the Alembic migrations."""

from __future__ import annotations

import argparse
from typing import Any

from keyturn_server.cli.common import add_database_flags, load_settings


def register(sub: Any) -> None:
    mig = sub.add_parser("migrate", help="apply Alembic migrations")
    add_database_flags(mig)
    mig.add_argument("--to", default="head", help="target revision (default head)")
    mig.add_argument("--downgrade", action="store_true", help="downgrade to --to (e.g. base)")
    mig.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from keyturn_server.store import migrate

    settings = load_settings(args)
    if args.to and args.to != "head" and args.downgrade:
        migrate.downgrade(settings.database_url, args.to)
    else:
        migrate.upgrade(settings.database_url, args.to or "head")
    print(f"keyturn: schema at revision {migrate.current(settings.database_url)}")
    return 0
