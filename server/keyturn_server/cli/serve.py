"""`keyturn serve`: bind, migrate, start, wait for SIGTERM/SIGINT, stop gracefully.

The port is bound FIRST: an address in use or a listen address that does not parse is one
line on stderr and exit code 2, before any migration touches the database.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import re
import signal
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from keyturn_server import config
from keyturn_server.cli.bootstrap import bootstrap_embedded
from keyturn_server.cli.common import CommandError, add_database_flags, is_embedded_default, load_settings

if TYPE_CHECKING:
    from keyturn_server.app import KeyturnServer

log = logging.getLogger("keyturn.server")


def register(sub: Any) -> None:
    serve = sub.add_parser("serve", help="run the server (gRPC, and REST/JSON + console over HTTP)")
    serve.add_argument(
        "--listen", help=f"host:port to serve on (env KEYTURN_LISTEN, default {config.DEFAULT_LISTEN})"
    )
    serve.add_argument(
        "--http-listen",
        help="host:port for REST/JSON, /openapi.json and /console, or `off` (env KEYTURN_HTTP_LISTEN; "
        f"default {config.DEFAULT_HTTP_LISTEN} with the embedded SQLite database, off with PostgreSQL)",
    )
    add_database_flags(serve)
    serve.add_argument(
        "--audit-level",
        choices=config.AUDIT_LEVELS,
        help="which ValidateKey attempts are audited: none, failures, all (env KEYTURN_AUDIT_LEVEL, default detailed)",
    )
    serve.add_argument("--tls-cert", type=Path, help="PEM certificate chain (env KEYTURN_TLS_CERT)")
    serve.add_argument("--tls-key", type=Path, help="PEM private key (env KEYTURN_TLS_KEY)")
    serve.add_argument(
        "--tls-client-ca",
        type=Path,
        help="require client certificates signed by this CA (env KEYTURN_TLS_CLIENT_CA)",
    )
    serve.add_argument(
        "--metrics-listen",
        metavar="HOST:PORT",
        help="serve Prometheus metrics at http://HOST:PORT/metrics (env KEYTURN_METRICS_LISTEN; off by default)",
    )
    serve.add_argument(
        "--workers",
        metavar="N",
        help="processes serving the port (SO_REUSEPORT), a number or auto = one per core "
        "(env KEYTURN_WORKERS, default 1; PostgreSQL only)",
    )
    serve.add_argument(
        "--migrate",
        action="store_true",
        help="apply migrations before serving (PostgreSQL; SQLite always does)",
    )
    serve.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from keyturn_server import logging_setup
    from keyturn_server.cli import workers

    settings = load_settings(args)
    if args.http_listen is not None:
        settings = settings.with_overrides(http_listen=config.http_listen_setting(args.http_listen))
    elif "KEYTURN_HTTP_LISTEN" not in os.environ and settings.is_sqlite:
        settings = settings.with_overrides(http_listen=config.DEFAULT_HTTP_LISTEN)
    if args.metrics_listen is not None:
        settings = settings.with_overrides(metrics_listen=args.metrics_listen)
    logging_setup.configure(settings.log_level, settings.log_format)
    identity = workers.worker_identity()
    if identity is not None:
        # A worker of `--workers N`: the parent migrated; share the port, own metrics port.
        index, count = identity
        settings = workers.worker_settings(settings, index, count)
        return asyncio.run(serve(settings, migrate_first=False, embedded=False))
    count = workers.parse_workers(args.workers)
    if count > 1:
        return workers.supervise(settings, count, migrate_first=settings.is_sqlite or args.migrate)
    # The embedded default migrates itself; PostgreSQL deployments run `keyturn migrate`
    # once per release (or pass --migrate) so replicas never race on DDL.
    return asyncio.run(
        serve(settings, migrate_first=settings.is_sqlite or args.migrate, embedded=is_embedded_default(args))
    )


async def serve(settings: config.Settings, *, migrate_first: bool, embedded: bool) -> int:
    """Build (binds the port), migrate, bootstrap the embedded default, start, wait, stop."""
    from keyturn_server.store import migrate

    server, port = await bind(settings)
    if migrate_first:
        migrate.upgrade(settings.database_url)
    if embedded:
        await bootstrap_embedded(settings)  # first start: an ADMIN and its token file
    await server.start()
    address = settings.listen.rpartition(":")[0] + f":{port}"
    log.info("serving", extra={"fields": {"listen": settings.listen, "port": port}})
    print(f"keyturn: serving on {address}", flush=True)
    if server.http is not None:
        log.info(
            "serving http", extra={"fields": {"http_listen": settings.http_listen, "port": server.http.port}}
        )
        print(
            f"keyturn: REST/JSON on {server.http.url}/v1/, console at {server.http.url}/console/", flush=True
        )
    if server.container.metrics is not None:
        host = settings.metrics_listen.rpartition(":")[0]
        print(f"keyturn: metrics on http://{host}:{server.container.metrics.port}/metrics", flush=True)

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    log.info("shutting down", extra={"fields": {"grace_seconds": settings.shutdown_grace_seconds}})
    await server.stop()
    # The last line ("shutdown complete") must reach the log even if the process is then
    # stopped without running atexit hooks (a supervisor's SIGKILL after the drain).
    for handler in logging.getLogger().handlers:
        handler.flush()
    return 0


async def bind(settings: config.Settings) -> tuple[KeyturnServer, int]:
    """`build_server`, with a bind failure turned into one line (exit code 2).

    gRPC's core writes its own multi-line complaint to stderr (fd 2) before raising a
    RuntimeError that says only "Failed to bind"; it is captured here, and its reason
    ("Address already in use", "Domain name not found") goes into the one line.
    """
    from keyturn_server.app import build_server

    with _captured_stderr() as captured:
        try:
            return await build_server(settings)
        except RuntimeError as exc:
            captured.replay = False
            failure: Exception = exc
        except (OSError, ValueError) as exc:  # TLS files missing or unreadable, half a TLS pair
            raise CommandError(f"cannot serve on {settings.listen}: {exc}", code=2) from exc
    raise CommandError(
        f"cannot listen on {settings.listen}: {bind_reason(captured.text)}", code=2
    ) from failure


_REASONS = (
    re.compile(r"Error in bind for address [^:]*:?[^)]*?: ([^)]+)\)"),
    re.compile(r"Failed to add port to server: (.+)$", re.M),
)


def bind_reason(core_log: str) -> str:
    """The cause gRPC's core logged for a failed bind, in a few words."""
    for pattern in _REASONS:
        found = pattern.findall(core_log)
        if found:
            return str(found[-1]).strip()
    return "the address cannot be bound (is it host:port, and free?)"


class _Captured:
    text = ""
    replay = True  # write the captured bytes back to stderr afterwards


@contextlib.contextmanager
def _captured_stderr() -> Iterator[_Captured]:
    """Collect what is written to fd 2 meanwhile; pass it on unless the caller raised."""
    captured = _Captured()
    sys.stderr.flush()
    try:
        saved = os.dup(2)
    except OSError:
        yield captured
        return
    with tempfile.TemporaryFile() as sink:
        os.dup2(sink.fileno(), 2)
        failed = True
        try:
            yield captured
            failed = False
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)
            sink.seek(0)
            data = sink.read()
            captured.text = data.decode("utf-8", "replace")
            if data and captured.replay and not failed:
                os.write(2, data)
