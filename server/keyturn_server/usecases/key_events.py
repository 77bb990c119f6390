"""Key events: ListKeyEvents and WatchKeyEvents for a caller, and the scheduler's and the
validation path's writers (EXPIRING / EXPIRED, retention, RATE_LIMIT_EXCEEDED).

Reading (`KeyEventUseCases`):

* The caller's scope is decided once, before any row is read: the organization it names (or
  its only one; a global role may name none and reads every organization) must be one where
  it holds KEY_EVENTS_READ, else NOT_FOUND; a named project or key that exists must be in a
  tenant it may read. Rows are then filtered in SQL by organization and, for a KEY_MANAGER
  bound to projects, by those projects, so another tenant's event is never read.
* Listing and watching read the log by `sequence`, which increases in commit order across
  replicas (store/key_event_log.py): resuming after the last sequence seen misses nothing and
  repeats nothing.
* A watch subscribes to the process's one `KeyEventFeed` (store/fanout.py: one shared reader,
  LISTEN on PostgreSQL, polling otherwise), replays the backlog up to where the subscription
  starts in batches of `WATCH_BATCH`, then follows the rows the shared reader hands over,
  filtered in memory by the same scope as the SQL. N open watches cost one query per new
  batch. Each replay batch is read in its own short transaction and yielded after it ends, so
  a slow client holds no connection, and gRPC's flow control pauses the loop at the `yield`;
  a watch that falls too far behind is dropped by the feed and catches up from the database
  again (re-checking that its cursor was not pruned meanwhile). When the server begins to
  shut down an open watch ends at once with UNAVAILABLE.

Writing (`KeyEventJobs`, `RateLimitEvents`): every event carries a dedupe string, so a re-run,
a second replica or a new scheduler leader never logs one twice.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from functools import cached_property

from keyturn_server.domain import access as policy
from keyturn_server.domain import errors as de
from keyturn_server.domain.access import Permission
from keyturn_server.domain.audit import ResourceType
from keyturn_server.domain.key_events import KeyEventType, NewKeyEvent
from keyturn_server.domain.paging import SEQUENCE, PageTokens
from keyturn_server.domain.paging import page_size as page_size_rule
from keyturn_server.store import key_event_log as log_store
from keyturn_server.store import repositories as repo
from keyturn_server.store.db import Database
from keyturn_server.store.fanout import replay_then_follow
from keyturn_server.store.models import ApiKey, KeyEvent
from keyturn_server.usecases import key_event
from keyturn_server.usecases.stream_access import Recheck, StreamAccess
from keyturn_server.usecases.tenancy import require_project

log = logging.getLogger("keyturn.key_events")

READ = Permission.KEY_EVENTS_READ
WATCH_BATCH = 500
SCAN_BATCH = 500
PRUNE_BATCH = 1000
# In-process memory of dedupe strings already logged (skips repeat queries; bounded).
REMEMBERED = 100_000


@dataclass(frozen=True)
class KeyEventQuery:
    """A validated filter (ids canonical, types by domain name)."""

    organization_id: str = ""
    project_id: str = ""
    key_id: str = ""
    types: tuple[KeyEventType, ...] = ()


@dataclass(frozen=True)
class _Scope:
    """What the query reads once narrowed to the caller: None = no narrowing."""

    organization_ids: frozenset[str] | None
    project_ids: frozenset[str] | None
    query: KeyEventQuery

    async def read(self, db: Database, after: int, limit: int, through: int | None = None) -> list[KeyEvent]:
        async with db.transaction() as session:
            return await log_store.read_after(
                session,
                after,
                through=through,
                limit=limit,
                organization_ids=self.organization_ids,
                project_ids=self.project_ids,
                project_id=self.query.project_id or None,
                key_id=self.query.key_id or None,
                types=[str(t) for t in self.query.types],
            )

    def matches(self, row: KeyEvent) -> bool:
        """The in-memory twin of `read`'s WHERE clause (for rows the shared feed hands over)."""
        query = self.query
        return (
            (self.organization_ids is None or row.organization_id in self.organization_ids)
            and (self.project_ids is None or row.project_id in self.project_ids)
            and (not query.project_id or row.project_id == query.project_id)
            and (not query.key_id or row.key_id == query.key_id)
            and (not query.types or row.type in self._types)
        )

    @cached_property
    def _types(self) -> frozenset[str]:
        return frozenset(str(t) for t in self.query.types)


def _stamp(value: datetime) -> str:
    value = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    return value.isoformat().replace("+00:00", "Z")


class KeyEventUseCases:
    """KeyEventService: ListKeyEvents and WatchKeyEvents."""

    def __init__(
        self, db: Database, feed: log_store.KeyEventFeed, tokens: PageTokens, access: StreamAccess
    ) -> None:
        self.db = db
        self.feed = feed
        self.tokens = tokens
        self.access = access

    async def _scope(self, query: KeyEventQuery) -> _Scope:
        organization_id = query.organization_id or policy.default_organization(READ)
        visible = policy.visible_organizations(READ)
        if not organization_id and visible is not None:
            raise de.InvalidArgument.field(
                "filter.organization_id", "required for callers bound to several organizations"
            )
        if organization_id:
            policy.require_member(READ, organization_id)
        async with self.db.transaction() as session:
            if query.project_id:
                project = await require_project(session, query.project_id)
                policy.authorize(
                    READ,
                    project.organization_id,
                    query.project_id,
                    resource_type=ResourceType.PROJECT,
                    resource_id=query.project_id,
                )
            if query.key_id:
                # A deleted key's events stay readable; the SQL filters below keep them in
                # the caller's tenant either way.
                key = await repo.get_key(session, query.key_id)
                if key is not None:
                    policy.authorize(
                        READ,
                        key.organization_id,
                        key.project_id,
                        resource_type=ResourceType.API_KEY,
                        resource_id=query.key_id,
                    )
        organizations = frozenset({organization_id}) if organization_id else None
        projects = policy.visible_projects(READ, organization_id) if organization_id else None
        return _Scope(organizations, projects, query)

    # -- ListKeyEvents ------------------------------------------------------------------

    async def list_events(
        self, query: KeyEventQuery, *, after_sequence: int, page_size: int, page_token: str
    ) -> tuple[list[KeyEvent], str]:
        if after_sequence < 0:
            raise de.InvalidArgument.field("after_sequence", "must not be negative")
        scope = await self._scope(query)
        size = page_size_rule("page_size", page_size)
        filters = {
            "list": "key_events",
            "organization_id": query.organization_id,
            "project_id": query.project_id,
            "key_id": query.key_id,
            "types": sorted(str(t) for t in query.types),
            "after_sequence": after_sequence,
        }
        state = self.tokens.decode("page_token", page_token, filters, SEQUENCE)
        if state is None:
            await self._check_cursor(after_sequence)
        cursor = int(state.cursor[0]) if state is not None else after_sequence
        rows = await scope.read(self.db, cursor, size + 1)
        next_token = ""
        if len(rows) > size:
            rows = rows[:size]
            next_token = self.tokens.encode(filters, datetime.now(UTC), (rows[-1].sequence,))
        return rows, next_token

    # -- WatchKeyEvents -----------------------------------------------------------------

    async def watch_events(
        self, query: KeyEventQuery, *, after_sequence: int, recheck: Recheck | None = None
    ) -> AsyncIterator[KeyEvent]:
        """Replay after the cursor, then follow. Runs until the caller stops iterating.

        Live events come from the feed's one shared reader (store/key_event_log.py
        KeyEventFeed); only the replay (and a catch-up after falling behind) queries the
        database for this watch. `recheck` re-authenticates the caller (the edge's); it runs
        when access changed and periodically (usecases/stream_access.py), and the scope is
        then derived again, so a caller who lost access gets the error a new watch would.
        """
        if after_sequence < 0:
            raise de.InvalidArgument.field("after_sequence", "must not be negative")
        scope = await self._scope(query)
        guard = self.access.guard(recheck)

        async def step() -> None:
            nonlocal scope
            self._check_closing()
            if await guard.check():
                scope = await self._scope(query)

        async def read(after: int, through: int) -> list[KeyEvent]:
            return await scope.read(self.db, after, WATCH_BATCH, through=through)

        stream = replay_then_follow(
            self.feed,
            after_sequence,
            read=read,
            batch_size=WATCH_BATCH,
            matches=lambda row: scope.matches(row),
            step=step,
            before_subscribe=self._check_cursor,
        )
        try:
            async for row in stream:
                yield row
        finally:
            await stream.aclose()  # type: ignore[attr-defined]

    async def _check_cursor(self, after_sequence: int) -> None:
        """A cursor whose next events were pruned is refused, not silently skipped ahead
        (0 means "from the oldest retained event")."""
        if after_sequence == 0:
            return
        async with self.db.transaction() as session:
            oldest = await log_store.oldest_sequence(session)
        if oldest is not None and after_sequence < oldest - 1:
            raise de.KeyEventCursorExpired(after_sequence, oldest)

    def _check_closing(self) -> None:
        if self.feed.closing:
            raise de.Unavailable("server shutting down", retry_after_seconds=1.0)


class _Remembered:
    """A bounded set of dedupe strings known to be in the log (a cache, never the truth)."""

    def __init__(self, limit: int = REMEMBERED) -> None:
        self.limit = limit
        self._items: set[str] = set()

    def __contains__(self, item: str) -> bool:
        return item in self._items

    def add(self, item: str) -> None:
        if len(self._items) >= self.limit:
            self._items.clear()  # forgetting costs one indexed lookup, never a duplicate
        self._items.add(item)

    def discard(self, item: str) -> None:
        self._items.discard(item)


class KeyEventJobs:
    """The scheduler's key-event jobs: EXPIRING / EXPIRED and retention (they take `now`)."""

    def __init__(self, db: Database, *, leads: Sequence[timedelta], retention: timedelta) -> None:
        if not leads or any(lead <= timedelta(0) for lead in leads):
            raise ValueError("expiring lead times must be positive")
        if retention <= timedelta(0):
            raise ValueError("the key-event retention must be positive")
        self.db = db
        self.leads = tuple(sorted(set(leads), reverse=True))
        self.retention = retention
        self._logged = _Remembered()

    async def emit_expiry_events(self, now: datetime) -> int:
        """EXPIRING once per key, lead time and expire_time; EXPIRED once per key. Returns how
        many events were logged.

        A key is looked at while its expire_time lies within the longest lead ahead of `now`
        or within the retention behind it, so a scheduler that was down catches up, and an
        EXPIRED event is pruned only after its key has left the window (no second event).
        """
        count = 0
        for lead in self.leads:
            count += await self._scan(now, now, now + lead, KeyEventType.EXPIRING, lead)
        count += await self._scan(now, now - self.retention, now, KeyEventType.EXPIRED, None)
        return count

    async def _scan(
        self, now: datetime, start: datetime, end: datetime, kind: KeyEventType, lead: timedelta | None
    ) -> int:
        logged = 0
        after: tuple[datetime, str] | None = None
        while True:
            async with self.db.transaction() as session:
                keys = await log_store.keys_expiring_between(
                    session, start, end, after=after, limit=SCAN_BATCH
                )
                candidates = [self._event(key, kind, lead, now) for key in keys]
                fresh = [e for e in candidates if e.dedupe and e.dedupe not in self._logged]
                known = await log_store.known_dedupes(session, [e.dedupe for e in fresh if e.dedupe])
                new = [e for e in fresh if e.dedupe not in known]
                if new:
                    logged += len(await log_store.append_key_events(session, new))
            for event in candidates:
                if event.dedupe:
                    self._logged.add(event.dedupe)
            if len(keys) < SCAN_BATCH:
                return logged
            last = keys[-1]
            assert last.expire_time is not None
            after = (last.expire_time, last.id)

    @staticmethod
    def _event(key: ApiKey, kind: KeyEventType, lead: timedelta | None, now: datetime) -> NewKeyEvent:
        assert key.expire_time is not None
        expire = _stamp(key.expire_time)
        if lead is None:
            event = key_event(kind, key, {"expire_time": expire}, dedupe=f"expired:{key.id}")
        else:
            seconds = int(lead.total_seconds())
            event = key_event(
                kind,
                key,
                {"expire_time": expire, "lead": f"{seconds}s"},
                dedupe=f"expiring:{key.id}:{seconds}:{expire}",
            )
        return replace(event, actor="system", event_time=now)

    async def prune(self, now: datetime) -> int:
        """Delete events older than the retention (never the newest one); returns how many."""
        before = now - self.retention
        deleted = 0
        while True:
            async with self.db.transaction() as session:
                batch = await log_store.prune_before(session, before, limit=PRUNE_BATCH)
            deleted += batch
            if batch < PRUNE_BATCH:
                return deleted


class RateLimitEvents:
    """RATE_LIMIT_EXCEEDED: the first refusal per key, limit and window, written on the denial
    path only (a successful validation never calls this).

    An in-process set skips every repeat without I/O, so a burst of denials costs one write
    per process and window; the dedupe string makes it one event across replicas. A failed
    write is logged and forgotten, so the next denial of the window tries again: an event is
    never dropped silently.
    """

    def __init__(self, db: Database) -> None:
        self.db = db
        self._logged = _Remembered(10_000)
        self._writes: set[asyncio.Future[None]] = set()
        self.written = 0

    async def refused(
        self,
        *,
        key_id: str,
        organization_id: str,
        project_id: str,
        product_id: str,
        requests: int,
        window: str,
        window_start: int,
        reset_time: datetime,
        limit_name: str = "default",
    ) -> None:
        limit = f"{limit_name}:{requests}/{window}"
        dedupe = f"rate_limit:{key_id}:{limit}:{window_start}"
        if dedupe in self._logged:
            return
        self._logged.add(dedupe)  # before any await: concurrent denials here skip at once
        event = NewKeyEvent(
            type=KeyEventType.RATE_LIMIT_EXCEEDED,
            organization_id=organization_id,
            key_id=key_id,
            project_id=project_id,
            product_id=product_id,
            data={
                "limit": limit_name,
                "requests": requests,
                "window": window,
                "window_start": _stamp(datetime.fromtimestamp(window_start, UTC)),
                "reset_time": _stamp(reset_time),
            },
            actor="system",
            dedupe=dedupe,
        )
        # Shielded: a caller that cancels its call does not cancel the write half-way.
        task = asyncio.ensure_future(self._write(event, dedupe))
        self._writes.add(task)
        task.add_done_callback(self._writes.discard)
        await asyncio.shield(task)

    async def drain(self) -> None:
        """Stop hook: wait for the writes in flight (before the engine is disposed)."""
        if self._writes:
            await asyncio.gather(*list(self._writes), return_exceptions=True)

    async def _write(self, event: NewKeyEvent, dedupe: str) -> None:
        try:
            async with self.db.transaction() as session:
                self.written += len(await log_store.append_key_events(session, [event]))
        except Exception as error:
            self._logged.discard(dedupe)
            log.warning(
                "could not log RATE_LIMIT_EXCEEDED (key_id=%s); the next denial retries",
                event.key_id,
                exc_info=not isinstance(error, de.DomainError),
            )


__all__ = ["KeyEventJobs", "KeyEventQuery", "KeyEventUseCases", "RateLimitEvents"]
