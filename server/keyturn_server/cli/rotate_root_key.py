"""`keyturn rotate-root-key`: re-wrap everything wrapped under the root key ring (managed-key
material, import jobs, imported-key HMAC secrets, webhook signing secrets) under the newest
root key version.

Run it after adding a new version in front of KEYTURN_ROOT_KEY (`2:new...,1:old...`) and
restarting the servers with it; once it reports nothing left under older versions, the old
version may be dropped from KEYTURN_ROOT_KEY (docs/managed-keys.md, "Rotating the root key").

A row that no configured root key opens (wrapped under a version missing from
KEYTURN_ROOT_KEY, or altered in the database) does not stop the command: every other row is
re-wrapped, then the rows left behind are listed on stderr by table and id (never their
material) and the exit code is 1. Run it again once the configuration is fixed (the missing
version added back) or the rows restored; it picks up only what is still under older versions.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import Any

from keyturn_server.cli.common import CommandError, add_database_flags, load_settings


def register(sub: Any) -> None:
    cmd = sub.add_parser(
        "rotate-root-key",
        help="re-wrap managed-key material and stored secrets under the newest KEYTURN_ROOT_KEY version",
    )
    add_database_flags(cmd)
    cmd.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from keyturn_server.container import Container
    from keyturn_server.domain.errors import DomainError

    settings = load_settings(args, announce=False)
    unreadable: list[tuple[str, str]] = []

    async def rewrap() -> tuple[int, int, int, int, int]:
        container = Container.build(settings)  # built, not started: no background work
        try:
            versions, jobs = await container.crypto_keys.rewrap_all(unreadable=unreadable)
            secrets = await container.imports.rewrap_secrets(unreadable=unreadable)
            webhook_secrets = await container.webhooks.rewrap_secrets(unreadable=unreadable)
            return container.root_keys.current_version, versions, jobs, secrets, webhook_secrets
        finally:
            await container.db.dispose()

    try:
        current, versions, jobs, secrets, webhook_secrets = asyncio.run(rewrap())
    except DomainError as err:  # the database went away mid-way (UNAVAILABLE, ABORTED)
        raise CommandError(f"root-key rotation stopped: {err}; run it again (done rows stay done)") from None
    done = (
        f"re-wrapped {versions} key versions, {jobs} import jobs, {secrets} imported HMAC secrets "
        f"and {webhook_secrets} webhook signing secrets under root key version {current}"
    )
    if not unreadable:
        print(f"keyturn: {done}; no material is left under older versions")
        return 0
    print(f"keyturn: {done}", file=sys.stdout)
    print(
        f"keyturn: {len(unreadable)} rows could not be re-wrapped: no configured root key opens them "
        "(their root-key version is missing from KEYTURN_ROOT_KEY, or the row was altered). "
        "Keep the old root-key versions configured; add back the missing version or restore "
        "the rows, then run `keyturn rotate-root-key` again:",
        file=sys.stderr,
    )
    for table, row_id in unreadable:
        print(f"  {table} {row_id}", file=sys.stderr)
    return 1
