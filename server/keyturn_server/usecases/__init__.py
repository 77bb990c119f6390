"""Use cases: one class per area, its dependencies in its constructor (container.py builds
each once). Each method frames one transaction (`async with self.db.transaction()`), reads and
writes through repositories, authorizes against the tenant of what it loaded
(domain.access.authorize; lists narrow their queries with visible_organizations), and appends
its audit event last in the same transaction. Domain rows out.

Edges (api/) call these with validated values (domain.validation) and render the results.
Errors are domain errors, mapped to statuses once at the edge.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Generic, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from keyturn_server.domain.audit import AuditRecord
from keyturn_server.domain.key_events import KeyEventType, NewKeyEvent
from keyturn_server.domain.paging import TIME_ID, PageTokens, page_size
from keyturn_server.domain.ports import KeyEvents
from keyturn_server.store.audit import append_events
from keyturn_server.store.key_event_log import append_key_events
from keyturn_server.store.models import ApiKey
from keyturn_server.store.repositories import Cursor

T = TypeVar("T")
log = logging.getLogger("keyturn.usecases")


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a listing and the token for the next ("" on the last page)."""

    items: list[T]
    next_page_token: str


@dataclass(frozen=True)
class PageRequest:
    """A decoded page request: where to continue, the listing's start time, the filters."""

    cursor: Cursor | None
    as_of: datetime
    size: int
    filters: dict[str, Any]
    tokens: PageTokens

    def page(self, rows: list[T], sort_key: Any) -> Page[T]:
        """`rows` was fetched with limit size + 1: the extra row only says there is more."""
        if len(rows) <= self.size:
            return Page(rows, "")
        rows = rows[: self.size]
        return Page(rows, self.tokens.encode(self.filters, self.as_of, sort_key(rows[-1])))


class Pages:
    """Page requests of (create_time, id) keyset listings, over the one token codec."""

    def __init__(self, tokens: PageTokens) -> None:
        self.tokens = tokens

    def request(self, token: str, size: int, filters: dict[str, Any], now: datetime) -> PageRequest:
        size = page_size("page_size", size)
        state = self.tokens.decode("page_token", token, filters, TIME_ID)
        if state is None:
            return PageRequest(None, now, size, filters, self.tokens)
        create_time, row_id = state.cursor
        return PageRequest(Cursor(create_time, row_id), state.as_of, size, filters, self.tokens)


def utcnow() -> datetime:
    return datetime.now(UTC)


async def audit(session: AsyncSession, record: AuditRecord) -> None:
    """Append one management event; call last in the transaction (it takes the chain lock)."""
    await append_events(session, [record])


def key_event(
    type: KeyEventType, row: ApiKey, data: dict[str, Any] | None = None, *, dedupe: str | None = None
) -> NewKeyEvent:
    """The event `type` about key `row` (its organization, project and product)."""
    return NewKeyEvent(
        type=type,
        organization_id=row.organization_id,
        project_id=row.project_id or "",
        product_id=row.product_id or "",
        key_id=row.id,
        data=data or {},
        dedupe=dedupe,
    )


async def record_key_events(session: AsyncSession, *events: NewKeyEvent) -> None:
    """Append key events in the caller's transaction (before its audit record): they commit
    with the change they describe, numbered in commit order (store/key_event_log.py)."""
    await append_key_events(session, events)


async def notify_key_changed(key_events: KeyEvents, key_id: str) -> None:
    """After commit: evict the key from caches here and (PostgreSQL) on other replicas.

    The change is already committed, so a failure here is logged rather than returned: the
    caller must not retry a change that happened. Cached entries expire after a short TTL.
    """
    try:
        await key_events.key_changed(key_id)
    except Exception:
        log.exception("could not publish a key change (key_id=%s); caches expire by TTL", key_id)
