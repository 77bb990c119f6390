"""`keyturn audit tail | verify | prune` and `keyturn report usage`.

Reading commands talk to a running server over gRPC (`--addr`, env KEYTURN_ADDR; a bearer
token from `--token` / KEYTURN_TOKEN when the server enforces authentication), so they go
through the same authorization and tenant checks as any client. `audit prune` is an operator
task that deletes data: like `keyturn migrate`, it connects to the database directly
(`--database-url` / KEYTURN_DATABASE_URL, or the embedded default's SQLite file) and needs no
server. It refuses to prune a part of the chain that does not verify unless `--force`.

    keyturn audit tail --follow
    keyturn audit verify
    keyturn audit prune --before 2025-01-01T00:00:00Z
    keyturn report usage --project <id> --since 7d --granularity day
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import sys
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from keyturn_server.cli_channel import add_tls_flags, open_channel

DEFAULT_ADDR = "127.0.0.1:50051"
_RELATIVE = re.compile(r"^(\d+)([smhdw])$")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days", "w": "weeks"}


# -- parsing helpers ----------------------------------------------------------------------


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


def _fmt_time(value: datetime | None) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%SZ") if value else "-"


def table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A plain, aligned text table."""
    cells = [[str(c) for c in headers], *([str(c) for c in row] for row in rows)]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip() for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


# -- gRPC plumbing ------------------------------------------------------------------------


def _metadata(args: argparse.Namespace) -> list[tuple[str, str]]:
    token = args.token or os.environ.get("KEYTURN_TOKEN", "")
    return [("authorization", f"Bearer {token}")] if token else []


def _channel(args: argparse.Namespace) -> Any:
    return open_channel(args.addr or os.environ.get("KEYTURN_ADDR", DEFAULT_ADDR), args)


def _rpc_failed(err: Any) -> int:
    print(f"keyturn: {err.code().name}: {err.details()}", file=sys.stderr)
    return 1


def _add_server_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--addr", help=f"server host:port (env KEYTURN_ADDR, default {DEFAULT_ADDR})")
    parser.add_argument("--token", help="caller bearer token (env KEYTURN_TOKEN)")
    add_tls_flags(parser)


def _event_row(event: Any) -> list[str]:
    from keyturn.v1 import audit_pb2

    from keyturn_server.domain.audit import ResourceType

    outcome = {audit_pb2.AUDIT_OUTCOME_SUCCESS: "ok", audit_pb2.AUDIT_OUTCOME_FAILURE: "FAIL"}.get(
        event.outcome, "?"
    )
    kind = ""
    if event.resource_type:
        name = audit_pb2.AuditResourceType.Name(event.resource_type).removeprefix("AUDIT_RESOURCE_TYPE_")
        kind = ResourceType[name].value if name in ResourceType.__members__ else name
    resource = f"{kind}/{event.resource_id}" if event.resource_id else kind
    detail = event.reason or ", ".join(c.field for c in event.changes)
    if event.key_fingerprint and not event.key_id:
        detail = f"{detail} fp={event.key_fingerprint}".strip()
    return [
        str(event.sequence),
        _fmt_time(event.event_time.ToDatetime(tzinfo=UTC)),
        event.actor or "-",
        event.action,
        outcome,
        resource or "-",
        event.organization_id or "-",
        detail or "-",
    ]


_EVENT_HEADERS = ("SEQ", "TIME", "ACTOR", "ACTION", "OUTCOME", "RESOURCE", "ORGANIZATION", "DETAIL")


def _filter(args: argparse.Namespace) -> Any:
    from keyturn.v1 import audit_pb2

    return audit_pb2.AuditEventFilter(
        organization_id=args.organization or "",
        project_id=args.project or "",
        key_id=args.key or "",
        actions=args.action or [],
    )


# -- commands -----------------------------------------------------------------------------


def cmd_tail(args: argparse.Namespace) -> int:
    import grpc
    from keyturn.v1 import audit_pb2, audit_pb2_grpc

    metadata = _metadata(args)
    with _channel(args) as channel:
        stub = audit_pb2_grpc.AuditServiceStub(channel)
        try:
            page = stub.ListAuditEvents(
                audit_pb2.ListAuditEventsRequest(filter=_filter(args), page_size=args.lines),
                metadata=metadata,
                timeout=30,
            )
        except grpc.RpcError as err:
            return _rpc_failed(err)
        events = list(reversed(page.events))
        print(table(_EVENT_HEADERS, (_event_row(e) for e in events)), flush=True)
        if not args.follow:
            return 0
        after = events[-1].sequence if events else 0
        stream = stub.StreamAuditEvents(
            audit_pb2.StreamAuditEventsRequest(filter=_filter(args), after_sequence=after),
            metadata=metadata,
        )
        try:
            for message in stream:
                print("  ".join(_event_row(message.event)), flush=True)
        except KeyboardInterrupt:
            stream.cancel()
        except grpc.RpcError as err:
            return _rpc_failed(err)
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    import grpc
    from keyturn.v1 import audit_pb2, audit_pb2_grpc

    with _channel(args) as channel:
        try:
            result = audit_pb2_grpc.AuditServiceStub(channel).VerifyAuditChain(
                audit_pb2.VerifyAuditChainRequest(start_sequence=args.start, end_sequence=args.end),
                metadata=_metadata(args),
                timeout=args.timeout,
            )
        except grpc.RpcError as err:
            return _rpc_failed(err)
    rows = [
        ("result", "OK" if result.ok else "BROKEN"),
        ("events checked", result.events_checked),
        ("head hash", result.head_hash or "-"),
    ]
    if not result.ok:
        rows += [("first bad sequence", result.first_bad_sequence), ("problem", result.problem)]
    print(table(("CHECK", "VALUE"), rows))
    return 0 if result.ok else 1


def _database_url(args: argparse.Namespace) -> str:
    url = args.database_url or os.environ.get("KEYTURN_DATABASE_URL", "")
    if url:
        return str(url)
    data_dir = Path(args.data_dir or os.environ.get("KEYTURN_DATA_DIR", "keyturn-data"))
    db_path = (data_dir / "keyturn.db").resolve()
    if not db_path.exists():
        raise SystemExit(f"keyturn: no database at {db_path}; pass --database-url")
    return f"sqlite+aiosqlite:///{db_path}"


def cmd_prune(args: argparse.Namespace) -> int:
    from keyturn_server.domain.errors import DomainError
    from keyturn_server.store.db import Database
    from keyturn_server.usecases.audit_trail import AuditChain

    async def run() -> int:
        db = Database(_database_url(args))
        try:
            result = await AuditChain(db).prune(args.before, verify_first=not args.force)
        except DomainError as err:
            print(f"keyturn: {err.message}", file=sys.stderr)
            return 1
        finally:
            await db.dispose()
        print(
            table(
                ("PRUNED", "PRUNED THROUGH SEQUENCE", "ANCHOR HASH"),
                [(result.deleted, result.pruned_through, result.anchor_hash)],
            )
        )
        return 0

    return asyncio.run(run())


def cmd_report_usage(args: argparse.Namespace) -> int:
    import grpc
    from google.protobuf import duration_pb2, timestamp_pb2
    from keyturn.v1 import audit_pb2, audit_pb2_grpc

    def stamp(value: datetime) -> timestamp_pb2.Timestamp:
        result = timestamp_pb2.Timestamp()
        result.FromDatetime(value)
        return result

    request = audit_pb2.GetUsageReportRequest(
        key_id=args.key or "",
        project_id=args.project or "",
        organization_id=args.organization or "",
        start_time=stamp(args.since),
        granularity=audit_pb2.REPORT_GRANULARITY_HOUR
        if args.granularity == "hour"
        else audit_pb2.REPORT_GRANULARITY_DAY,
    )
    if args.until:
        request.end_time.CopyFrom(stamp(args.until))
    if args.expiring_within:
        request.expiring_within.CopyFrom(
            duration_pb2.Duration(seconds=int(args.expiring_within.total_seconds()))
        )
    if args.unused_since:
        request.unused_since.CopyFrom(stamp(args.unused_since))
    with _channel(args) as channel:
        try:
            report = audit_pb2_grpc.AuditServiceStub(channel).GetUsageReport(
                request, metadata=_metadata(args), timeout=60
            )
        except grpc.RpcError as err:
            return _rpc_failed(err)
    width = "%Y-%m-%d %H:00" if args.granularity == "hour" else "%Y-%m-%d"
    rows = []
    for bucket in report.buckets:
        if args.skip_empty and not (bucket.success_count or bucket.failure_count):
            continue
        reasons = ", ".join(f"{k}={v}" for k, v in sorted(bucket.failures_by_reason.items()))
        rows.append(
            (
                bucket.start_time.ToDatetime(tzinfo=UTC).strftime(width),
                bucket.success_count,
                bucket.failure_count,
                reasons or "-",
            )
        )
    print(table(("BUCKET (UTC)", "SUCCESS", "FAILURE", "FAILURES BY REASON"), rows))
    reasons = ", ".join(f"{k}={v}" for k, v in sorted(report.failures_by_reason.items()))
    last = report.last_used_time.ToDatetime(tzinfo=UTC) if report.HasField("last_used_time") else None
    print()
    print(
        table(
            ("TOTAL SUCCESS", "TOTAL FAILURE", "FAILURES BY REASON", "LAST USED"),
            [(report.total_success, report.total_failure, reasons or "-", _fmt_time(last))],
        )
    )
    for title, keys in (("Keys expiring soon", report.expiring_keys), ("Unused keys", report.unused_keys)):
        if not keys:
            continue
        print(f"\n{title}:")
        print(
            table(
                ("KEY", "NAME", "START", "EXPIRES", "LAST USED"),
                (
                    (
                        k.id,
                        k.metadata.name or "-",
                        k.start or "-",
                        _fmt_time(k.expire_time.ToDatetime(tzinfo=UTC)) if k.HasField("expire_time") else "-",
                        _fmt_time(k.last_used_time.ToDatetime(tzinfo=UTC))
                        if k.HasField("last_used_time")
                        else "never",
                    )
                    for k in keys
                ),
            )
        )
    return 0


# -- registration -------------------------------------------------------------------------


def _add_filter_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--organization", help="only events of this organization id")
    parser.add_argument("--project", help="only events of this project id")
    parser.add_argument("--key", help="only events of this key id")
    parser.add_argument("--action", action="append", help="only this action (repeatable), e.g. key.revoke")


def register(sub: Any) -> None:
    audit = sub.add_parser("audit", help="read, verify and prune the audit trail")
    audit_sub = audit.add_subparsers(dest="audit_command", required=True)

    tail = audit_sub.add_parser("tail", help="print the latest audit events (gRPC)")
    _add_server_flags(tail)
    _add_filter_flags(tail)
    tail.add_argument("-n", "--lines", type=int, default=20, help="how many recent events (default 20)")
    tail.add_argument("-f", "--follow", action="store_true", help="keep printing new events")
    tail.set_defaults(func=cmd_tail)

    verify = audit_sub.add_parser("verify", help="recompute the hash chain (gRPC); exit 1 if broken")
    _add_server_flags(verify)
    verify.add_argument("--start", type=int, default=0, help="first sequence (default: oldest kept)")
    verify.add_argument("--end", type=int, default=0, help="last sequence (default: newest)")
    verify.add_argument("--timeout", type=float, default=600.0)
    verify.set_defaults(func=cmd_verify)

    prune = audit_sub.add_parser("prune", help="delete old events, keeping the chain verifiable (database)")
    prune.add_argument("--before", type=parse_time, required=True, help="RFC 3339 time, or an age like 90d")
    prune.add_argument("--database-url", help="env KEYTURN_DATABASE_URL")
    prune.add_argument("--data-dir", type=Path, help="embedded default's folder (env KEYTURN_DATA_DIR)")
    prune.add_argument("--force", action="store_true", help="prune even if the pruned part does not verify")
    prune.set_defaults(func=cmd_prune)

    report = sub.add_parser("report", help="reports")
    report_sub = report.add_subparsers(dest="report_command", required=True)
    usage = report_sub.add_parser("usage", help="validations over time for a key, project or organization")
    _add_server_flags(usage)
    subject = usage.add_mutually_exclusive_group(required=True)
    subject.add_argument("--organization", help="organization id")
    subject.add_argument("--project", help="project id")
    subject.add_argument("--key", help="key id")
    usage.add_argument("--since", type=parse_time, default="7d", help="RFC 3339 or an age (default 7d)")
    usage.add_argument("--until", type=parse_time, help="RFC 3339 or an age (default now)")
    usage.add_argument("--granularity", choices=("hour", "day"), default="day")
    usage.add_argument("--expiring-within", type=parse_duration, default=parse_duration("30d"))
    usage.add_argument("--unused-since", type=parse_time, default=None, help="list keys unused since then")
    usage.add_argument("--skip-empty", action="store_true", help="hide buckets without validations")
    usage.set_defaults(func=cmd_report_usage)
