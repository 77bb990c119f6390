"""`keyturn serve | migrate | health` (and more subcommands as services grow)."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Sequence
from pathlib import Path

from keyturn_server import config
from keyturn_server.cli_channel import add_tls_flags, open_channel


def _settings(args: argparse.Namespace, announce: bool = True) -> config.Settings:
    settings = config.from_env().with_overrides(
        listen=getattr(args, "listen", None),
        database_url=getattr(args, "database_url", None),
        data_dir=getattr(args, "data_dir", None),
        audit_level=getattr(args, "audit_level", None),
        tls_cert=getattr(args, "tls_cert", None),
        tls_key=getattr(args, "tls_key", None),
        tls_client_ca=getattr(args, "tls_client_ca", None),
    )
    return config.resolve(settings, announce=announce)


def _add_database_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--database-url", help="postgresql://... or sqlite:///path (env KEYTURN_DATABASE_URL)"
    )
    parser.add_argument("--data-dir", type=Path, help="embedded default's folder (env KEYTURN_DATA_DIR)")


def cmd_serve(args: argparse.Namespace) -> int:
    from keyturn_server import logging_setup
    from keyturn_server.app import serve
    from keyturn_server.store import migrate

    settings = _settings(args)
    logging_setup.configure(settings.log_level, settings.log_format)
    if settings.is_sqlite or args.migrate:
        # The embedded default migrates itself; PostgreSQL deployments run `keyturn migrate`
        # once per release (or pass --migrate) so replicas never race on DDL.
        migrate.upgrade(settings.database_url)
    from keyturn_server import cli_access

    if cli_access.is_embedded_default(args):
        cli_access.bootstrap_embedded(settings)  # first start: an ADMIN and its token file
    asyncio.run(serve(settings))
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    from keyturn_server.store import migrate

    settings = _settings(args)
    if args.to and args.to != "head" and args.downgrade:
        migrate.downgrade(settings.database_url, args.to)
    else:
        migrate.upgrade(settings.database_url, args.to or "head")
    print(f"keyturn: schema at revision {migrate.current(settings.database_url)}")
    return 0


def cmd_health(args: argparse.Namespace) -> int:
    import grpc
    from grpc_health.v1 import health_pb2, health_pb2_grpc

    channel = open_channel(args.addr, args)
    with channel:
        stub = health_pb2_grpc.HealthStub(channel)
        try:
            response = stub.Check(health_pb2.HealthCheckRequest(service=args.service), timeout=args.timeout)
        except grpc.RpcError as err:
            print(f"keyturn: {args.addr} unhealthy: {err.code().name}", file=sys.stderr)
            return 1
    status = health_pb2.HealthCheckResponse.ServingStatus.Name(response.status)
    print(f"keyturn: {args.addr} {status}")
    return 0 if response.status == health_pb2.HealthCheckResponse.SERVING else 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="keyturn", description="Keyturn key-management service")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="run the gRPC server")
    serve.add_argument("--listen", help=f"host:port (env KEYTURN_LISTEN, default {config.DEFAULT_LISTEN})")
    _add_database_flags(serve)
    serve.add_argument("--audit-level", choices=config.AUDIT_LEVELS, help="env KEYTURN_AUDIT_LEVEL")
    serve.add_argument("--tls-cert", type=Path, help="PEM certificate chain (env KEYTURN_TLS_CERT)")
    serve.add_argument("--tls-key", type=Path, help="PEM private key (env KEYTURN_TLS_KEY)")
    serve.add_argument("--tls-client-ca", type=Path, help="require client certificates signed by this CA")
    serve.add_argument("--migrate", action="store_true", help="apply migrations before serving (PostgreSQL)")
    serve.set_defaults(func=cmd_serve)

    mig = sub.add_parser("migrate", help="apply Alembic migrations")
    _add_database_flags(mig)
    mig.add_argument("--to", default="head", help="target revision (default head)")
    mig.add_argument("--downgrade", action="store_true", help="downgrade to --to (e.g. base)")
    mig.set_defaults(func=cmd_migrate)

    hc = sub.add_parser("health", help="exit 0 when the server answers SERVING")
    hc.add_argument("--addr", default="127.0.0.1:50051")
    hc.add_argument("--service", default="", help="service name (default: the whole server)")
    hc.add_argument("--timeout", type=float, default=3.0)
    add_tls_flags(hc)
    hc.set_defaults(func=cmd_health)

    # Feature modules add their own subcommands (bootstrap; audit and report).
    from keyturn_server import cli_access, cli_audit

    cli_access.register(sub)
    cli_audit.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        result: int = args.func(args)
        return result
    except config.ConfigError as err:
        print(f"keyturn: configuration error: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
