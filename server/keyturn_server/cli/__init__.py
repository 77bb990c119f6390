"""The `keyturn` command: one module per command, shared flags and helpers in common.py.

    keyturn serve | migrate | health | bootstrap | audit tail|verify|prune | report usage |
            rotate-root-key | version

Every command module has `register(subparsers)`, which adds its parser and sets `run`, the
function that takes the parsed arguments and returns the exit code. Exit codes: 0 success,
1 the operation failed (unhealthy, broken chain, refused by the server), 2 bad usage or
configuration (argparse's own code), 130 interrupted.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from keyturn_server import config
from keyturn_server.cli import audit, bootstrap, health, migrate, report, rotate_root_key, serve, version
from keyturn_server.cli.common import CommandError

COMMANDS = (serve, migrate, health, bootstrap, audit, report, rotate_root_key, version)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="keyturn", description="Keyturn key-management service")
    parser.add_argument("--version", action="version", version=version.version_text())
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        command.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        result: int = args.run(args)
        return result
    except config.ConfigError as err:
        print(f"keyturn: configuration error: {err}", file=sys.stderr)
        return 2
    except CommandError as err:
        print(f"keyturn: {err.message}", file=sys.stderr)
        return err.code
    except KeyboardInterrupt:
        return 130
    except Exception as err:
        database_errors = sys.modules.get("sqlalchemy.exc")
        if database_errors is not None and isinstance(err, database_errors.OperationalError):
            cause = str(getattr(err, "orig", None) or err).strip().splitlines()[0]
            print(f"keyturn: cannot reach the database: {cause}", file=sys.stderr)
            return 1
        raise


__all__ = ["build_parser", "main"]
