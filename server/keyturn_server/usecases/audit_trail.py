"""Audit use cases: list, stream, verify, prune and report; plus the wiring of the access log.

The servicer (api/audit_servicer.py) and the CLI (`keyturn audit prune`) call these; they
frame the transactions and raise DomainError for bad input. See domain/audit_query.py for the
rules (tokens, chain checks, buckets) and store/audit_queries.py for the SQL.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta

from keyturn_server.domain import access as policy
from keyturn_server.domain import errors as de
from keyturn_server.domain.access import Permission
from keyturn_server.domain.audit import ResourceType
from keyturn_server.domain.audit_query import (
    MAX_BUCKETS,
    AuditFilter,
    ChainCheck,
    ChainVerifier,
    Granularity,
    UsageTally,
    bucket_count,
    genesis_or,
)
from keyturn_server.domain.paging import SEQUENCE, PageTokens
from keyturn_server.domain.paging import page_size as page_size_rule
from keyturn_server.store import audit_queries as q
from keyturn_server.store import repositories as repo
from keyturn_server.store.audit import lock_chain
from keyturn_server.store.audit_feed import AuditFeed
from keyturn_server.store.db import Database
from keyturn_server.store.fanout import replay_then_follow
from keyturn_server.store.models import ApiKey, AuditEvent
from keyturn_server.usecases.stream_access import Recheck, StreamAccess
from keyturn_server.usecases.tenancy import require_project

STREAM_BATCH = 500
VERIFY_CHUNK = 2000
REPORT_KEY_LIMIT = 1000
RUNTIME_KEY = "audit"


@dataclass
class PruneResult:
    pruned_through: int
    deleted: int
    anchor_hash: str


@dataclass
class UsageReport:
    tally: UsageTally
    last_used_time: datetime | None
    expiring_keys: list[ApiKey] = field(default_factory=list)
    unused_keys: list[ApiKey] = field(default_factory=list)


def _filter_values(row: AuditEvent) -> dict[str, object]:
    return {
        "organization_id": row.organization_id,
        "project_id": row.project_id,
        "key_id": row.key_id,
        "actor": row.actor,
        "outcome": row.outcome,
        "action": row.action,
        "event_time": row.event_time,
    }


class AuditChain:
    """Verifying and pruning the hash chain: needs only the database (the CLI uses it too)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- VerifyAuditChain ---------------------------------------------------------------

    async def verify_chain(self, start_sequence: int = 0, end_sequence: int = 0) -> ChainCheck:
        if start_sequence < 0:
            raise de.InvalidArgument.field("start_sequence", "must not be negative")
        if end_sequence < 0:
            raise de.InvalidArgument.field("end_sequence", "must not be negative")
        if start_sequence and end_sequence and end_sequence < start_sequence:
            raise de.InvalidArgument.field("end_sequence", "must not be below start_sequence")
        async with self.db.transaction() as session:
            anchor = await q.get_anchor(session)
            pruned = anchor.pruned_through if anchor else 0
            first = max(start_sequence, pruned + 1)
            verifier = ChainVerifier(first, genesis_or(anchor.anchor_hash if anchor else None))
            if first > pruned + 1:
                before = await q.predecessor(session, first)
                if before is None or before[0] <= pruned:
                    verifier.gap(pruned + 1)
                    return verifier.result()
                if before[0] != first - 1:
                    verifier.gap(before[0] + 1)
                    return verifier.result()
                verifier.previous_hash = before[1]
        through = end_sequence or None
        cursor = first - 1
        while True:
            async with self.db.transaction() as session:
                chunk = await q.chain_chunk(session, cursor, through, VERIFY_CHUNK)
            for values in chunk:
                if not verifier.feed(values):
                    return verifier.result()
            if len(chunk) < VERIFY_CHUNK:
                return verifier.result()
            cursor = int(chunk[-1]["sequence"])

    # -- pruning (CLI) ------------------------------------------------------------------

    async def prune(self, before: datetime, *, verify_first: bool = True) -> PruneResult:
        """Delete the oldest events (a prefix of the chain, all older than `before`).

        The anchor keeps the last pruned event's sequence and hash, so the rest still verifies.
        With verify_first, refuses (FailedPrecondition) when the part to be removed is already
        broken: pruning must not launder tampering.
        """
        if before.tzinfo is None:
            raise de.InvalidArgument.field("before", "must carry a time zone")
        boundary = await self._prune_boundary(before)
        if boundary is None:
            async with self.db.transaction() as session:
                anchor = await q.get_anchor(session)
            if anchor is None:
                return PruneResult(0, 0, genesis_or(None))
            return PruneResult(anchor.pruned_through, 0, anchor.anchor_hash)
        if verify_first:
            check = await self.verify_chain(0, boundary)
            if not check.ok:
                raise de.FailedPrecondition(
                    f"the audit chain is broken at sequence {check.first_bad_sequence} "
                    f"({check.problem}); not pruning (use --force to prune anyway)"
                )
        async with self.db.transaction() as session:
            await lock_chain(session)
            deleted = await q.prune_through(session, boundary)
            anchor = await q.get_anchor(session)
            assert anchor is not None
            return PruneResult(anchor.pruned_through, deleted, anchor.anchor_hash)

    async def _prune_boundary(self, before: datetime) -> int | None:
        _first, last = await self.prune_plan(before)
        return last or None

    async def prune_plan(self, before: datetime) -> tuple[int, int]:
        """(first, last) sequence that prune(before) would delete; last 0 when nothing.

        The prefix of the chain after the anchor, up to the event before the first one at or
        after `before` (sequences have no gaps after the anchor)."""
        async with self.db.transaction() as session:
            anchor = await q.get_anchor(session)
            pruned = anchor.pruned_through if anchor else 0
            first_kept = await q.first_sequence_at_or_after(session, before)
            boundary = first_kept - 1 if first_kept is not None else await q.head_sequence(session)
        return pruned + 1, boundary if boundary > pruned else 0


class AuditUseCases(AuditChain):
    """AuditService: list, stream, verify and report, for an authenticated caller."""

    def __init__(self, db: Database, feed: AuditFeed, tokens: PageTokens, access: StreamAccess) -> None:
        super().__init__(db)
        self.feed = feed
        self.tokens = tokens
        self.access = access

    # -- authorization after load --------------------------------------------------------

    async def _authorize_named(self, permission: Permission, project_id: str, key_id: str) -> None:
        """A project or key a request names must exist and be the caller's to read."""
        if not (project_id or key_id):
            return
        async with self.db.transaction() as session:
            if project_id:
                project = await require_project(session, project_id)
                policy.authorize(
                    permission,
                    project.organization_id,
                    resource_type=ResourceType.PROJECT,
                    resource_id=project_id,
                )
            if key_id:
                key = await repo.get_key(session, key_id)
                if key is None:
                    raise de.NotFound(ResourceType.API_KEY, key_id)
                policy.authorize(
                    permission, key.organization_id, resource_type=ResourceType.API_KEY, resource_id=key_id
                )

    async def _scoped(self, flt: AuditFilter) -> AuditFilter:
        """The filter narrowed to what the caller may read; named resources must be visible."""
        permission = Permission.AUDIT_READ
        visible = policy.visible_organizations(permission)
        if visible is None:
            return flt
        if flt.organization_id:
            policy.authorize(permission, flt.organization_id, resource_id=flt.organization_id)
        await self._authorize_named(permission, flt.project_id, flt.key_id)
        return replace(flt, visible_organizations=visible)

    async def _scoped_subject(self, subject: q.Subject) -> q.Subject:
        """The report's subject: the caller's only organization when none is named; a named
        organization, project or key must be one the caller may read usage of."""
        permission = Permission.USAGE_READ
        if not (subject.key_id or subject.project_id or subject.organization_id):
            default = policy.default_organization(permission)
            if not default and policy.visible_organizations(permission) is not None:
                raise de.InvalidArgument.field(
                    "organization_id", "required for callers bound to several organizations"
                )
            subject = replace(subject, organization_id=default)
        if policy.visible_organizations(permission) is None:
            return subject
        if subject.organization_id:
            policy.authorize(permission, subject.organization_id, resource_id=subject.organization_id)
        await self._authorize_named(permission, subject.project_id, subject.key_id)
        return subject

    # -- ListAuditEvents ----------------------------------------------------------------

    async def list_events(
        self, flt: AuditFilter, *, newest_first: bool, page_size: int, page_token: str
    ) -> tuple[list[AuditEvent], str]:
        flt = await self._scoped(flt)
        size = page_size_rule("page_size", page_size)
        filters = {"list": "audit_events", "filter": flt.digest("newest" if newest_first else "oldest")}
        state = self.tokens.decode("page_token", page_token, filters, SEQUENCE)
        after: int | None = state.cursor[0] if state is not None else None
        async with self.db.transaction() as session:
            rows = await q.list_page(session, flt, newest_first=newest_first, after=after, limit=size + 1)
        next_token = ""
        if len(rows) > size:
            rows = rows[:size]
            next_token = self.tokens.encode(filters, datetime.now(UTC), (rows[-1].sequence,))
        return rows, next_token

    # -- StreamAuditEvents --------------------------------------------------------------

    async def stream_events(
        self,
        flt: AuditFilter,
        *,
        after_sequence: int,
        live_only: bool,
        on_start: Callable[[int], Awaitable[None]] | None = None,
        recheck: Recheck | None = None,
    ) -> AsyncIterator[AuditEvent]:
        """Replay, then follow. Runs until the caller stops iterating (client cancel).

        `on_start(n)` is awaited once, as soon as the stream is subscribed and knows its
        starting point: every event with a sequence above n (that matches) will follow. For
        `live_only` n is the head at that moment, so a caller can wait for it before it
        writes what it expects to see, and resume from n after losing the stream.

        Live events come from the feed's one shared reader (store/audit_feed.py); only the
        replay (and a catch-up after falling behind) queries the database for this stream.
        When the server begins to shut down the stream ends at once with UNAVAILABLE.

        `recheck` re-authenticates the caller (the edge's); it runs when access changed and
        periodically (usecases/stream_access.py), and the filter is then narrowed again, so a
        caller who lost access gets the error a new stream would, and one whose visible
        organizations shrank stops receiving events outside them.
        """
        requested = flt
        flt = await self._scoped(requested)
        guard = self.access.guard(recheck)
        if after_sequence < 0:
            raise de.InvalidArgument.field("after_sequence", "must not be negative")

        async def step() -> None:
            nonlocal flt
            self._check_closing()
            if await guard.check():
                flt = await self._scoped(requested)

        async def read(after: int, through: int) -> list[AuditEvent]:
            async with self.db.transaction() as session:
                return await q.events_after(session, flt, after, through, STREAM_BATCH)

        stream = replay_then_follow(
            self.feed,
            None if live_only else after_sequence,
            read=read,
            batch_size=STREAM_BATCH,
            matches=lambda row: flt.matches(_filter_values(row)),
            step=step,
            on_start=on_start,
        )
        try:
            async for row in stream:
                yield row
        finally:
            await stream.aclose()  # type: ignore[attr-defined]

    def _check_closing(self) -> None:
        if self.feed.closing:
            raise de.Unavailable("server shutting down", retry_after_seconds=1.0)

    # -- GetUsageReport -----------------------------------------------------------------

    async def usage_report(
        self,
        subject: q.Subject,
        *,
        start: datetime | None,
        end: datetime | None,
        granularity: Granularity,
        expiring_within: timedelta | None,
        unused_since: datetime | None,
        now: datetime | None = None,
    ) -> UsageReport:
        now = now or datetime.now(UTC)
        subject = await self._scoped_subject(subject)
        given = [name for name in ("key_id", "project_id", "organization_id") if getattr(subject, name)]
        if len(given) != 1:
            raise de.InvalidArgument.field(
                "key_id", "give exactly one of key_id, project_id and organization_id"
            )
        if start is None:
            raise de.InvalidArgument.field("start_time", "required")
        end = end or now
        if end <= start:
            raise de.InvalidArgument.field("end_time", "must be after start_time")
        if bucket_count(start, end, granularity) > MAX_BUCKETS:
            raise de.InvalidArgument.field(
                "start_time", f"the range spans more than {MAX_BUCKETS} {granularity} buckets"
            )
        if expiring_within is not None and expiring_within < timedelta(0):
            raise de.InvalidArgument.field("expiring_within", "must not be negative")
        try:
            expiring_until = now + expiring_within if expiring_within is not None else None
        except OverflowError:
            raise de.InvalidArgument.field("expiring_within", "reaches past the year 9999") from None
        tally = UsageTally.empty(start, end, granularity)
        async with self.db.transaction() as session:
            for when, outcome, reason, count in await q.validation_counts(
                session, subject, start, end, granularity
            ):
                tally.add(when, outcome, reason, count)
            report = UsageReport(tally, await q.last_used(session, subject))
            if expiring_until is not None:
                report.expiring_keys = await q.expiring_keys(
                    session, subject, now, expiring_until, REPORT_KEY_LIMIT
                )
            if unused_since is not None:
                report.unused_keys = await q.unused_keys(
                    session, subject, now, unused_since, REPORT_KEY_LIMIT
                )
        return report
