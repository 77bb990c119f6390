"""`keyturn audit tail | verify | prune`.

`tail` and `verify` talk to a running server through keyturn-client (address, token and TLS
as every command: cli/common.py), so they go through the same authorization and tenant checks
as any client. `prune` is an operator task that deletes data: like `keyturn migrate` it
connects to the database directly (`--database-url` / KEYTURN_DATABASE_URL, or the embedded
default's SQLite file) and needs no server. It refuses to prune a part of the chain that does
not verify unless `--force`, says what it would delete with `--dry-run`, and asks before
deleting unless `--yes`.

    keyturn audit tail -n 50 --follow
    keyturn audit tail -n 0 -f --json      # only new events, one JSON object per line
    keyturn audit verify
    keyturn audit prune --before 90d --dry-run
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC
from itertools import islice
from typing import TYPE_CHECKING, Any

from keyturn_server import config
from keyturn_server.cli.common import (
    CommandError,
    add_database_flags,
    add_server_flags,
    connect,
    env_settings,
    non_negative_int,
    parse_time,
)
from keyturn_server.cli.output import Column, FixedTable, console, fmt_time, print_table, safe

if TYPE_CHECKING:
    from keyturn.client import Client
    from keyturn.v1 import audit_pb2


def register(sub: Any) -> None:
    audit = sub.add_parser("audit", help="read, verify and prune the audit trail")
    audit_sub = audit.add_subparsers(dest="audit_command", required=True)

    tail = audit_sub.add_parser("tail", help="print the latest audit events (gRPC)")
    add_server_flags(tail)
    tail.add_argument("--organization", help="only events of this organization id")
    tail.add_argument("--project", help="only events of this project id")
    tail.add_argument("--key", help="only events of this key id")
    tail.add_argument("--action", action="append", help="only this action (repeatable), e.g. key.revoke")
    tail.add_argument(
        "-n",
        "--lines",
        type=non_negative_int,
        default=20,
        help="how many recent events to print first (default 20; 0: none, with -f only new ones)",
    )
    tail.add_argument("-f", "--follow", action="store_true", help="keep printing new events until Ctrl-C")
    tail.add_argument("--json", action="store_true", help="one JSON object per event and line, no table")
    tail.set_defaults(run=run_tail)

    verify = audit_sub.add_parser("verify", help="recompute the hash chain (gRPC); exit 1 if broken")
    add_server_flags(verify)
    verify.add_argument(
        "--start", type=non_negative_int, default=0, help="first sequence (default: oldest kept)"
    )
    verify.add_argument("--end", type=non_negative_int, default=0, help="last sequence (default: newest)")
    verify.add_argument(
        "--timeout", type=float, default=600.0, help="seconds to wait for the answer (default 600)"
    )
    verify.set_defaults(run=run_verify)

    prune = audit_sub.add_parser("prune", help="delete old events, keeping the chain verifiable (database)")
    prune.add_argument("--before", type=parse_time, required=True, help="RFC 3339 time, or an age like 90d")
    add_database_flags(prune)
    prune.add_argument("--force", action="store_true", help="prune even if the pruned part does not verify")
    prune.add_argument("--dry-run", action="store_true", help="say what would be deleted; delete nothing")
    prune.add_argument("--yes", action="store_true", help="delete without asking for confirmation")
    prune.set_defaults(run=run_prune)


# -- tail -------------------------------------------------------------------------------------

TAIL_COLUMNS = (
    Column("SEQ", 7, justify="right"),
    Column("TIME (UTC)", 14),
    Column("ACTOR", 14),
    Column("ACTION", 24),
    Column("OUTCOME", 7),
    Column("RESOURCE", 24),
    Column("DETAIL"),
)


class ActorNames:
    """Principal id -> name through AccessService.GetPrincipal, cached; the id when unknown
    or not visible to the caller."""

    def __init__(self, client: Client) -> None:
        self.client = client
        self.cache: dict[str, str] = {}

    def __call__(self, actor: str) -> str:
        if actor in self.cache:
            return self.cache[actor]
        name = actor
        if _is_uuid(actor):
            from keyturn.client import APIKeyError, UnavailableError

            try:
                name = self.client.get_principal(actor).name or actor
            except UnavailableError:
                raise
            except APIKeyError:
                name = actor  # deleted, or the caller may not read principals
        self.cache[actor] = name
        return name


def _is_uuid(text: str) -> bool:
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def _short(identifier: str) -> str:
    return identifier[:8] if _is_uuid(identifier) else identifier


def resource_kind(event: audit_pb2.AuditEvent) -> str:
    """The audit resource type as the server's own names (`key`, `principal`, ...)."""
    from keyturn.v1 import audit_pb2

    from keyturn_server.domain.audit import ResourceType

    if not event.resource_type:
        return ""
    name = audit_pb2.AuditResourceType.Name(event.resource_type).removeprefix("AUDIT_RESOURCE_TYPE_")
    return ResourceType[name].value if name in ResourceType.__members__ else name.lower()


def event_row(event: audit_pb2.AuditEvent, actor_name: str) -> list[object]:
    from keyturn.v1 import audit_pb2
    from rich.text import Text

    if event.outcome == audit_pb2.AUDIT_OUTCOME_FAILURE:
        outcome = Text("FAIL", style="bold red")
    elif event.outcome == audit_pb2.AUDIT_OUTCOME_SUCCESS:
        outcome = Text("ok", style="green")
    else:
        outcome = Text("?")
    kind = resource_kind(event)
    resource = f"{kind}/{_short(event.resource_id)}" if event.resource_id else kind
    if not resource and event.key_id:
        resource = f"key/{_short(event.key_id)}"
    detail = event.reason or ", ".join(c.field for c in event.changes)
    if event.key_fingerprint and not event.key_id:
        detail = f"{detail} fp={event.key_fingerprint}".strip()
    when = event.event_time.ToDatetime(tzinfo=UTC) if event.HasField("event_time") else None
    return [
        str(event.sequence),
        Text(fmt_time(when, "%m-%d %H:%M:%S"), style="dim"),
        Text(safe(_short(actor_name) if actor_name == event.actor else actor_name), style="cyan"),
        safe(event.action),
        outcome,
        safe(resource or "-"),
        safe(detail or "-"),
    ]


def event_json(event: audit_pb2.AuditEvent, actor_name: str) -> str:
    from google.protobuf.json_format import MessageToDict

    record = MessageToDict(event, preserving_proto_field_name=True)
    record["actor_name"] = actor_name
    return json.dumps(record, separators=(",", ":"))


@dataclass
class _Printer:
    names: ActorNames
    as_json: bool
    table: FixedTable

    def header(self, events: Iterable[audit_pb2.AuditEvent]) -> None:
        events = list(events)
        if self.as_json:
            self.events(events)
        else:
            self.table.header([event_row(e, self.names(e.actor)) for e in events])

    def events(self, events: Iterable[audit_pb2.AuditEvent]) -> None:
        if self.as_json:
            for event in events:
                print(event_json(event, self.names(event.actor)), flush=True)
        else:
            self.table.rows([event_row(e, self.names(e.actor)) for e in events])


def run_tail(args: argparse.Namespace) -> int:
    from keyturn.client import AuditOrder

    filters: dict[str, Any] = {
        "organization_id": args.organization or "",
        "project_id": args.project or "",
        "key_id": args.key or "",
        "actions": args.action or (),
    }
    with connect(args) as client:
        printer = _Printer(ActorNames(client), args.json, FixedTable(console(), TAIL_COLUMNS))
        recent: list[audit_pb2.AuditEvent] = []
        if args.lines:
            pager = client.list_audit_events(
                **filters, order=AuditOrder.NEWEST_FIRST, page_size=min(args.lines, 1000)
            )
            recent = list(islice(pager, args.lines))
            recent.reverse()
        if not args.follow:
            if recent:
                printer.header(recent)
            return 0
        # -n 0: only what happens from now on; otherwise everything after the last one shown.
        after = recent[-1].sequence if recent else 0
        stream = client.stream_audit_events(**filters, after_sequence=after, live_only=not args.lines)
        try:
            stream.started_after()  # the header says the stream is open: nothing later is missed
            printer.header(recent)
            for event in stream:
                printer.events([event])
        except KeyboardInterrupt:
            stream.cancel()
    return 0


# -- verify -----------------------------------------------------------------------------------


def run_verify(args: argparse.Namespace) -> int:
    with connect(args, timeout=args.timeout) as client:
        result = client.verify_audit_chain(start_sequence=args.start, end_sequence=args.end)
    rows: list[tuple[object, object]] = [
        ("result", "OK" if result.ok else "BROKEN"),
        ("events checked", result.events_checked),
        ("head hash", result.head_hash or "-"),
    ]
    if not result.ok:
        rows += [("first bad sequence", result.first_bad_sequence), ("problem", result.problem)]
    print_table(console(), (Column("CHECK"), Column("VALUE")), rows)
    return 0 if result.ok else 1


# -- prune ------------------------------------------------------------------------------------


def _database_url(args: argparse.Namespace) -> str:
    settings = env_settings(args)
    if settings.database_url:
        return settings.database_url
    path = config.embedded_database_path(settings.data_dir)
    if not path.exists():
        raise CommandError(f"no database at {path}; pass --database-url or --data-dir", code=2)
    return config.embedded_database_url(settings.data_dir)


@dataclass(frozen=True)
class PrunePlan:
    first: int  # first sequence that would go
    last: int  # last sequence that would go (0: nothing)

    @property
    def count(self) -> int:
        return max(0, self.last - self.first + 1)


def _confirm(question: str) -> bool:
    print(f"{question} [y/N] ", end="", file=sys.stderr, flush=True)
    try:
        answer = sys.stdin.readline()
    except KeyboardInterrupt:
        return False
    return answer.strip().lower() in ("y", "yes")


def run_prune(args: argparse.Namespace) -> int:
    from keyturn_server.domain.errors import DomainError
    from keyturn_server.store.db import Database
    from keyturn_server.usecases.audit_trail import AuditChain

    url = _database_url(args)
    before = fmt_time(args.before)

    async def plan() -> PrunePlan:
        db = Database(url)
        try:
            return PrunePlan(*await AuditChain(db).prune_plan(args.before))
        finally:
            await db.dispose()

    async def prune() -> Any:
        db = Database(url)
        try:
            return await AuditChain(db).prune(args.before, verify_first=not args.force)
        except DomainError as err:
            raise CommandError(err.message) from err
        finally:
            await db.dispose()

    planned = asyncio.run(plan())
    what = (
        f"{planned.count} audit events older than {before} (sequences {planned.first}..{planned.last})"
        if planned.count
        else f"no audit events older than {before}"
    )
    if args.dry_run:
        print(f"keyturn: would delete {what}" if planned.count else f"keyturn: {what} to delete")
        return 0
    if not planned.count:
        print(f"keyturn: {what} to delete")
        return 0
    if not args.yes:
        if not sys.stdin.isatty():
            raise CommandError(
                f"would delete {what}; pass --yes to confirm (or --dry-run to only look)", code=2
            )
        if not _confirm(f"keyturn: delete {what}?"):
            raise CommandError("nothing deleted", code=1)
    result = asyncio.run(prune())
    print_table(
        console(),
        (Column("PRUNED"), Column("PRUNED THROUGH SEQUENCE"), Column("ANCHOR HASH")),
        [(result.deleted, result.pruned_through, result.anchor_hash)],
    )
    return 0
