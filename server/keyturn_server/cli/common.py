"""What every `keyturn` command shares: its flags, settings, the keyturn-client `Client`, errors.

Commands that talk to a running server (`health`, `audit tail|verify`, `report usage`) find
it, authenticate and speak TLS the same way:

- address: `--addr`, else KEYTURN_ADDR, else the local server's KEYTURN_LISTEN (a wildcard
  host becomes loopback), else 127.0.0.1:50051;
- token: `--token`, else KEYTURN_TOKEN, else — on the embedded default, for a loopback
  address only — the admin token file the first `keyturn serve` wrote (keyturn-data/admin-token);
- TLS: `--tls-ca`/KEYTURN_TLS_CA, `--tls-client-cert`/KEYTURN_TLS_CLIENT_CERT,
  `--tls-client-key`/KEYTURN_TLS_CLIENT_KEY, `--tls-server-name`/KEYTURN_TLS_SERVER_NAME; and
  when the address comes from KEYTURN_LISTEN and the local server serves TLS (KEYTURN_TLS_CERT),
  TLS is on (so the image's HEALTHCHECK follows the server's own settings).

Failures are reported as ONE line on stderr (`CommandError`), never as a traceback or a raw
transport error.
"""

from __future__ import annotations

import argparse
import contextlib
import ipaddress
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from keyturn_server import config

if TYPE_CHECKING:
    from keyturn.client import Client


class CommandError(Exception):
    """A failure reported as one line on stderr (`keyturn: <message>`), exit code `code`."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.code = code


# -- argument types ---------------------------------------------------------------------------

_RELATIVE = re.compile(r"^(\d+)([smhdw])$")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


def parse_duration(text: str) -> timedelta:
    match = _RELATIVE.match(text.strip())
    if not match:
        raise argparse.ArgumentTypeError(f"{text!r} is not a duration like 30m, 24h, 7d")
    return timedelta(**{_UNITS[match.group(2)]: int(match.group(1))})


def parse_time(text: str) -> datetime:
    """RFC 3339 (`2025-01-31T00:00:00Z`, a zone is required) or a duration ago (`7d`)."""
    text = text.strip()
    if _RELATIVE.match(text):
        return datetime.now(UTC) - parse_duration(text)
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not an RFC 3339 time (or a duration like 7d)") from exc
    if value.tzinfo is None:
        raise argparse.ArgumentTypeError(f"{text!r} needs a time zone, e.g. a trailing Z")
    return value.astimezone(UTC)


def non_negative_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from exc
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, got {value}")
    return value


# -- flags ------------------------------------------------------------------------------------


def add_database_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--database-url", help="postgresql://... or sqlite:///path (env KEYTURN_DATABASE_URL)"
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        help=f"the embedded default's folder (env KEYTURN_DATA_DIR, default ./{config.DEFAULT_DATA_DIR})",
    )


def add_server_flags(parser: argparse.ArgumentParser, *, token: bool = True) -> None:
    """--addr, --token and the client-side TLS flags of commands that talk to a server."""
    parser.add_argument(
        "--addr",
        help="server host:port (env KEYTURN_ADDR; default: the local KEYTURN_LISTEN, else 127.0.0.1:50051)",
    )
    if token:
        parser.add_argument(
            "--token",
            help="caller bearer token (env KEYTURN_TOKEN; on the embedded default the admin-token file)",
        )
    parser.add_argument(
        "--tls-ca", type=Path, help="connect with TLS, trusting this CA (PEM; env KEYTURN_TLS_CA)"
    )
    parser.add_argument(
        "--tls-client-cert",
        type=Path,
        help="client certificate for an mTLS listener (env KEYTURN_TLS_CLIENT_CERT)",
    )
    parser.add_argument(
        "--tls-client-key",
        type=Path,
        help="client private key for an mTLS listener (env KEYTURN_TLS_CLIENT_KEY)",
    )
    parser.add_argument(
        "--tls-server-name",
        help="expected name in the server certificate, when it differs from the address (env KEYTURN_TLS_SERVER_NAME)",
    )


# -- settings ---------------------------------------------------------------------------------


def env_settings(args: argparse.Namespace) -> config.Settings:
    """KEYTURN_* settings with this command's flags applied; nothing created on disk."""
    return config.from_env().with_overrides(
        listen=getattr(args, "listen", None),
        database_url=getattr(args, "database_url", None),
        data_dir=getattr(args, "data_dir", None),
        audit_level=getattr(args, "audit_level", None),
        tls_cert=getattr(args, "tls_cert", None),
        tls_key=getattr(args, "tls_key", None),
        tls_client_ca=getattr(args, "tls_client_ca", None),
    )


def load_settings(args: argparse.Namespace, announce: bool = True) -> config.Settings:
    """Settings as `keyturn serve` uses them: the embedded default filled in and checked."""
    return config.resolve(env_settings(args), announce=announce)


def is_embedded_default(args: argparse.Namespace) -> bool:
    """No database was named: the server uses SQLite in the data directory."""
    return not env_settings(args).database_url


# -- talking to a server ----------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """Where a command connects, and how."""

    address: str
    token: str | None
    tls: bool
    root_certificates: Path | None
    client_certificate: Path | None
    client_key: Path | None
    server_name: str | None


def _env_path(name: str) -> Path | None:
    value = os.environ.get(name)
    return Path(value) if value else None


def local_address(listen: str) -> str:
    """The address a local client uses to reach a server listening on `listen`."""
    host, sep, port = listen.rpartition(":")
    if not sep:
        return listen
    if host in ("", "0.0.0.0", "*"):  # noqa: S104
        host = "127.0.0.1"
    elif host in ("[::]", "::"):
        host = "[::1]"
    return f"{host}:{port}"


def is_loopback(address: str) -> bool:
    host = address.rpartition(":")[0].strip("[]") or address
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _token_file(settings: config.Settings) -> str | None:
    path = settings.data_dir / config.ADMIN_TOKEN_FILE
    try:
        return path.read_text().strip() or None
    except OSError:
        return None


def target(args: argparse.Namespace) -> Target:
    settings = env_settings(args)
    explicit = getattr(args, "addr", None) or os.environ.get("KEYTURN_ADDR")
    address = explicit or local_address(settings.listen)
    token: str | None = getattr(args, "token", None) or os.environ.get("KEYTURN_TOKEN") or None
    if token is None and hasattr(args, "token") and not settings.database_url and is_loopback(address):
        # Only to a server on this machine: the file holds an ADMIN token.
        token = _token_file(settings)
    roots = getattr(args, "tls_ca", None) or _env_path("KEYTURN_TLS_CA")
    cert = getattr(args, "tls_client_cert", None) or _env_path("KEYTURN_TLS_CLIENT_CERT")
    key = getattr(args, "tls_client_key", None) or _env_path("KEYTURN_TLS_CLIENT_KEY")
    server_name = getattr(args, "tls_server_name", None) or os.environ.get("KEYTURN_TLS_SERVER_NAME") or None
    follows_local_tls = not explicit and settings.tls_cert is not None
    return Target(
        address=address,
        token=token,
        tls=bool(roots or cert or follows_local_tls),
        root_certificates=roots,
        client_certificate=cert,
        client_key=key,
        server_name=server_name,
    )


def unreachable(where: Target) -> CommandError:
    hint = "is `keyturn serve` running"
    if where.tls:
        hint += ", and does --tls-ca/--tls-server-name match its certificate"
    return CommandError(f"cannot reach the server at {where.address} ({hint}?)")


@contextlib.contextmanager
def connect(args: argparse.Namespace, *, timeout: float | None = 30.0) -> Iterator[Client]:
    """A keyturn-client `Client` for this command; its failures become one-line CommandErrors."""
    from keyturn.client import (
        APIKeyError,
        CallerUnauthenticatedError,
        Client,
        RetryPolicy,
        UnavailableError,
    )

    where = target(args)
    try:
        client = Client(
            where.address,
            token=where.token or "",
            tls=where.tls,
            root_certificates=where.root_certificates,
            client_certificate=where.client_certificate,
            client_key=where.client_key,
            server_name=where.server_name,
            timeout=timeout,
            retry=RetryPolicy(max_attempts=2),
        )
    except (ValueError, OSError) as exc:
        raise CommandError(f"cannot set up the connection: {exc}", code=2) from exc
    try:
        with client:
            yield client
    except UnavailableError as err:
        if err.reason:  # the server answered (e.g. it is shutting down)
            raise CommandError(f"{err.message} ({err.reason})") from err
        raise unreachable(where) from err
    except CallerUnauthenticatedError as err:
        if not where.token:
            raise CommandError("the server needs a caller token: set KEYTURN_TOKEN or pass --token") from err
        raise CommandError(f"the server refused the token: {err.message}") from err
    except APIKeyError as err:
        raise CommandError(describe(err)) from err


def describe(err: Exception) -> str:
    """One line for a keyturn-client error: the server's message, its reason and code."""
    message = getattr(err, "message", "") or str(err)
    reason = getattr(err, "reason", "")
    code = getattr(err, "code", None)
    label = reason or (code.name if code is not None else "")
    return f"{message} ({label})" if label else message
