"""Subcommands contributed by later features (audit, reports, bootstrap)."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> None:
    """Add subcommands to the `keyturn` parser's subparsers object."""
    _ = (sub, argparse)
    from keyturn_server import cli_access

    cli_access.register(sub)
    from keyturn_server import cli_audit

    cli_audit.register(sub)
