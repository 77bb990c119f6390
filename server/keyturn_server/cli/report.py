"""`keyturn report usage`: validations over time for a key, project or organization.

    keyturn report usage --project <id> --since 7d --granularity day --unused-since 30d

Talks to a running server through keyturn-client (cli/common.py). Usage reports count
`key.validate` audit events, so successful validations appear only when the server runs with
`--audit-level verbose`; the output says so when a key was used but no success was counted.
"""

from __future__ import annotations

import argparse
from datetime import UTC
from typing import Any

from keyturn_server.cli.common import add_server_flags, connect, parse_duration, parse_time
from keyturn_server.cli.output import Column, console, fmt_time, print_table

VERBOSE_NOTE = (
    "note: SUCCESS counts successful validations only when the server runs with "
    "--audit-level verbose (KEYTURN_AUDIT_LEVEL=verbose); at the default level (detailed) only "
    "failures are audited. LAST USED is kept at every level."
)


def register(sub: Any) -> None:
    report = sub.add_parser("report", help="reports")
    report_sub = report.add_subparsers(dest="report_command", required=True)
    usage = report_sub.add_parser("usage", help="validations over time for a key, project or organization")
    add_server_flags(usage)
    subject = usage.add_mutually_exclusive_group(required=True)
    subject.add_argument("--organization", help="organization id")
    subject.add_argument("--project", help="project id")
    subject.add_argument("--key", help="key id")
    usage.add_argument("--since", type=parse_time, default="7d", help="RFC 3339 or an age (default 7d)")
    usage.add_argument("--until", type=parse_time, help="RFC 3339 or an age (default now)")
    usage.add_argument(
        "--granularity", choices=("hour", "day"), default="day", help="bucket width (default day)"
    )
    usage.add_argument(
        "--expiring-within",
        type=parse_duration,
        default=parse_duration("30d"),
        help="list keys expiring within this duration (default 30d)",
    )
    usage.add_argument("--unused-since", type=parse_time, default=None, help="list keys unused since then")
    usage.add_argument("--skip-empty", action="store_true", help="hide buckets without validations")
    usage.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from keyturn.client import ReportGranularity

    with connect(args, timeout=60) as client:
        report = client.get_usage_report(
            start_time=args.since,
            key_id=args.key or "",
            project_id=args.project or "",
            organization_id=args.organization or "",
            end_time=args.until,
            granularity=ReportGranularity.HOUR if args.granularity == "hour" else ReportGranularity.DAY,
            expiring_within=args.expiring_within,
            unused_since=args.unused_since,
        )
    out = console()
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
    print_table(
        out,
        (
            Column("BUCKET (UTC)"),
            Column("SUCCESS", justify="right"),
            Column("FAILURE", justify="right"),
            Column("FAILURES BY REASON"),
        ),
        rows,
    )
    reasons = ", ".join(f"{k}={v}" for k, v in sorted(report.failures_by_reason.items()))
    last = report.last_used_time.ToDatetime(tzinfo=UTC) if report.HasField("last_used_time") else None
    out.print()
    print_table(
        out,
        (
            Column("TOTAL SUCCESS", justify="right"),
            Column("TOTAL FAILURE", justify="right"),
            Column("FAILURES BY REASON"),
            Column("LAST USED"),
        ),
        [(report.total_success, report.total_failure, reasons or "-", fmt_time(last))],
    )
    if last is not None and report.total_success == 0:
        # No RPC tells the audit level; a use with no success counted is the telltale sign.
        out.print()
        out.print(VERBOSE_NOTE, style="yellow")
    for title, keys in (("Keys expiring soon", report.expiring_keys), ("Unused keys", report.unused_keys)):
        if not keys:
            continue
        out.print(f"\n{title}:")
        print_table(
            out,
            (Column("KEY"), Column("NAME"), Column("START"), Column("EXPIRES"), Column("LAST USED")),
            (
                (
                    k.id,
                    k.metadata.name or "-",
                    k.start or "-",
                    fmt_time(k.expire_time.ToDatetime(tzinfo=UTC)) if k.HasField("expire_time") else "-",
                    fmt_time(k.last_used_time.ToDatetime(tzinfo=UTC))
                    if k.HasField("last_used_time")
                    else "never",
                )
                for k in keys
            ),
        )
    return 0
