"""Use cases: one transaction each (`async with runtime.db.transaction()`), repositories for
the reads and writes, the audit event appended last in the same transaction, domain rows out.

Servicers call these with validated values (domain.validation) and convert the results with
api.convert. Errors are domain errors, mapped to statuses once at the edge.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from keyturn_server.domain.audit import AuditRecord
from keyturn_server.domain.validation import PageCursor, decode_page_token, encode_page_token
from keyturn_server.store.audit import append_events
from keyturn_server.store.repositories import Cursor

if TYPE_CHECKING:
    from keyturn_server.app import Runtime

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

    @classmethod
    def decode(cls, token: str, size: int, filters: dict[str, Any], now: datetime) -> PageRequest:
        decoded = decode_page_token("page_token", token, filters)
        if decoded is None:
            return cls(None, now, size, filters)
        return cls(Cursor(decoded.create_time, decoded.id), decoded.as_of, size, filters)

    def page(self, rows: list[T], sort_key: Any) -> Page[T]:
        """`rows` was fetched with limit size + 1: the extra row only says there is more."""
        if len(rows) <= self.size:
            return Page(rows, "")
        rows = rows[: self.size]
        create_time, row_id = sort_key(rows[-1])
        token = encode_page_token(PageCursor(create_time, row_id, self.as_of), self.filters)
        return Page(rows, token)


def utcnow() -> datetime:
    return datetime.now(UTC)


async def audit(session: AsyncSession, record: AuditRecord) -> None:
    """Append one management event; call last in the transaction (it takes the chain lock)."""
    await append_events(session, [record])


async def notify_key_changed(runtime: Runtime, key_id: str) -> None:
    """After commit: evict the key from caches here and (PostgreSQL) on other replicas.

    The change is already committed, so a failure here is logged rather than returned: the
    caller must not retry a change that happened. Cached entries expire after a short TTL.
    """
    if runtime.key_events is None:
        return
    try:
        await runtime.key_events.key_changed(key_id)
    except Exception:
        log.exception("could not publish a key change (key_id=%s); caches expire by TTL", key_id)
