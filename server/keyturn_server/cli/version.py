"""`keyturn version` and `keyturn --version`."""

from __future__ import annotations

import argparse
import platform
from importlib import metadata
from typing import Any


def version_text() -> str:
    def of(distribution: str) -> str:
        try:
            return metadata.version(distribution)
        except metadata.PackageNotFoundError:
            return "unknown"

    return (
        f"keyturn {of('keyturn')} (keyturn-client {of('keyturn-client')}, Python {platform.python_version()})"
    )


def register(sub: Any) -> None:
    version = sub.add_parser("version", help="print the version of keyturn and keyturn-client")
    version.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    print(version_text())
    return 0
