"""`keyturn rotate-root-key`: re-wrap everything wrapped under the root key ring (managed-key
material, import jobs, imported-key HMAC secrets, webhook signing secrets) under the newest
root key version.

Run it after adding a new version in front of KEYTURN_ROOT_KEY (`2:new...,1:old...`) and
restarting the servers with it; once it reports nothing left under older versions, the old
version may be dropped from KEYTURN_ROOT_KEY (docs/managed-keys.md, "Rotating the root key").
"""

from __future__ import annotations

import argparse
import asyncio
from typing import Any

from keyturn_server.cli.common import add_database_flags, load_settings


def register(sub: Any) -> None:
    cmd = sub.add_parser(
        "rotate-root-key",
        help="re-wrap managed-key material and stored secrets under the newest KEYTURN_ROOT_KEY version",
    )
    add_database_flags(cmd)
    cmd.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from keyturn_server.container import Container

    settings = load_settings(args, announce=False)

    async def rewrap() -> tuple[int, int, int, int, int]:
        container = Container.build(settings)  # built, not started: no background work
        try:
            versions, jobs = await container.crypto_keys.rewrap_all()
            secrets = await container.imports.rewrap_secrets()
            webhook_secrets = await container.webhooks.rewrap_secrets()
            return container.root_keys.current_version, versions, jobs, secrets, webhook_secrets
        finally:
            await container.db.dispose()

    current, versions, jobs, secrets, webhook_secrets = asyncio.run(rewrap())
    print(
        f"keyturn: re-wrapped {versions} key versions, {jobs} import jobs, {secrets} imported HMAC secrets "
        f"and {webhook_secrets} webhook signing secrets under root key version {current}; "
        "no material is left under older versions"
    )
    return 0
