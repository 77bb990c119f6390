"""Queries over the audit chain: listing, tailing, verification scans, pruning, usage counts.

Every function takes the caller's session and never commits (the use case frames the
transaction). Long scans (verification) are done in keyset chunks, each in its own short
transaction, so a verify never holds SQLite's write lock or a PostgreSQL snapshot for long.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, delete, func, literal_column, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from keyturn_server.domain.audit import HASHED_FIELDS
from keyturn_server.domain.audit_query import VALIDATE_ACTION, AuditFilter, Granularity
from keyturn_server.store.models import ApiKey, AuditAnchor, AuditEvent, utcnow

ANCHOR_ID = 1


def _conditions(flt: AuditFilter) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    if flt.organization_id:
        conds.append(AuditEvent.organization_id == flt.organization_id)
    if flt.visible_organizations is not None:
        conds.append(AuditEvent.organization_id.in_(sorted(flt.visible_organizations)))
    if flt.project_id:
        conds.append(AuditEvent.project_id == flt.project_id)
    if flt.key_id:
        conds.append(AuditEvent.key_id == flt.key_id)
    if flt.actor:
        conds.append(AuditEvent.actor == flt.actor)
    if flt.actions:
        conds.append(AuditEvent.action.in_(flt.actions))
    if flt.outcome:
        conds.append(AuditEvent.outcome == flt.outcome)
    if flt.start_time is not None:
        conds.append(AuditEvent.event_time >= flt.start_time)
    if flt.end_time is not None:
        conds.append(AuditEvent.event_time < flt.end_time)
    return conds


def _filtered(flt: AuditFilter) -> Select[AuditEvent]:
    return select(AuditEvent).where(*_conditions(flt))


async def list_page(
    session: AsyncSession, flt: AuditFilter, *, newest_first: bool, after: int | None, limit: int
) -> list[AuditEvent]:
    """One page in sequence order; `after` is the last sequence of the previous page."""
    query = _filtered(flt)
    if newest_first:
        if after is not None:
            query = query.where(AuditEvent.sequence < after)
        query = query.order_by(AuditEvent.sequence.desc())
    else:
        if after is not None:
            query = query.where(AuditEvent.sequence > after)
        query = query.order_by(AuditEvent.sequence.asc())
    return list((await session.scalars(query.limit(limit))).all())


async def events_after(
    session: AsyncSession, flt: AuditFilter, after: int, through: int, limit: int
) -> list[AuditEvent]:
    """Matching events with after < sequence <= through, oldest first."""
    query = (
        _filtered(flt)
        .where(AuditEvent.sequence > after, AuditEvent.sequence <= through)
        .order_by(AuditEvent.sequence.asc())
    )
    return list((await session.scalars(query.limit(limit))).all())


async def head_sequence(session: AsyncSession) -> int:
    value = await session.scalar(select(func.max(AuditEvent.sequence)))
    if value is not None:
        return int(value)
    anchor = await session.get(AuditAnchor, ANCHOR_ID)
    return anchor.pruned_through if anchor else 0


async def get_anchor(session: AsyncSession) -> AuditAnchor | None:
    return await session.get(AuditAnchor, ANCHOR_ID)


# -- verification -------------------------------------------------------------------------

_CHAIN_COLUMNS = [getattr(AuditEvent, name) for name in (*HASHED_FIELDS, "hash")]
_CHAIN_NAMES = (*HASHED_FIELDS, "hash")


def _row_values(row: Sequence[Any]) -> dict[str, Any]:
    return dict(zip(_CHAIN_NAMES, row, strict=True))


async def chain_chunk(
    session: AsyncSession, after: int, through: int | None, limit: int
) -> list[dict[str, Any]]:
    """The hashed fields (plus `hash`) of events with after < sequence <= through."""
    query = select(*_CHAIN_COLUMNS).where(AuditEvent.sequence > after)
    if through is not None:
        query = query.where(AuditEvent.sequence <= through)
    rows = (await session.execute(query.order_by(AuditEvent.sequence.asc()).limit(limit))).all()
    return [_row_values(row) for row in rows]


async def predecessor(session: AsyncSession, before: int) -> tuple[int, str] | None:
    """The (sequence, stored hash) of the last event below `before`, if any is kept."""
    row = (
        await session.execute(
            select(AuditEvent.sequence, AuditEvent.hash)
            .where(AuditEvent.sequence < before)
            .order_by(AuditEvent.sequence.desc())
            .limit(1)
        )
    ).first()
    return (int(row[0]), str(row[1])) if row else None


# -- pruning ------------------------------------------------------------------------------


async def times_from(session: AsyncSession, after: int, limit: int) -> list[tuple[int, datetime]]:
    rows = (
        await session.execute(
            select(AuditEvent.sequence, AuditEvent.event_time)
            .where(AuditEvent.sequence > after)
            .order_by(AuditEvent.sequence.asc())
            .limit(limit)
        )
    ).all()
    return [(int(r[0]), r[1]) for r in rows]


async def first_sequence_at_or_after(session: AsyncSession, when: datetime) -> int | None:
    value = await session.scalar(select(func.min(AuditEvent.sequence)).where(AuditEvent.event_time >= when))
    return int(value) if value is not None else None


async def prune_through(session: AsyncSession, boundary: int) -> int:
    """Delete events with sequence <= boundary and move the anchor there. Returns rows deleted.

    Call with the chain lock held (store.audit.lock_chain) so no append reads the head while
    the boundary moves.
    """
    boundary_hash = await session.scalar(select(AuditEvent.hash).where(AuditEvent.sequence == boundary))
    if boundary_hash is None:
        raise ValueError(f"no event {boundary} to anchor the pruned chain on")
    result = await session.execute(delete(AuditEvent).where(AuditEvent.sequence <= boundary))
    anchor = await session.get(AuditAnchor, ANCHOR_ID)
    if anchor is None:
        session.add(
            AuditAnchor(
                id=ANCHOR_ID, pruned_through=boundary, anchor_hash=boundary_hash, update_time=utcnow()
            )
        )
    else:
        anchor.pruned_through = boundary
        anchor.anchor_hash = boundary_hash
        anchor.update_time = utcnow()
    await session.flush()
    return int(getattr(result, "rowcount", 0) or 0)


# -- usage reports ------------------------------------------------------------------------


@dataclass(frozen=True)
class Subject:
    """Exactly one of the three is set."""

    key_id: str = ""
    project_id: str = ""
    organization_id: str = ""


def _event_subject(subject: Subject) -> ColumnElement[bool]:
    if subject.key_id:
        return AuditEvent.key_id == subject.key_id
    if subject.project_id:
        return AuditEvent.project_id == subject.project_id
    return AuditEvent.organization_id == subject.organization_id


def _key_subject(subject: Subject) -> ColumnElement[bool]:
    if subject.key_id:
        return ApiKey.id == subject.key_id
    if subject.project_id:
        return ApiKey.project_id == subject.project_id
    return ApiKey.organization_id == subject.organization_id


def _bucket_expr(dialect: str, granularity: Granularity) -> ColumnElement[Any]:
    # Constants as literals, not bound parameters: PostgreSQL matches the SELECT expression
    # against the GROUP BY one textually, and $1 is not $4.
    unit = "hour" if granularity == "hour" else "day"
    if dialect == "postgresql":
        return func.date_trunc(
            literal_column(f"'{unit}'"), func.timezone(literal_column("'UTC'"), AuditEvent.event_time)
        )
    # SQLite stores UTC as 'YYYY-MM-DD HH:MM:SS.ffffff' text.
    pattern = "%Y-%m-%d %H:00:00" if unit == "hour" else "%Y-%m-%d 00:00:00"
    return func.strftime(literal_column(f"'{pattern}'"), AuditEvent.event_time)


def _as_utc(value: Any) -> datetime:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    assert isinstance(value, datetime)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


async def validation_counts(
    session: AsyncSession, subject: Subject, start: datetime, end: datetime, granularity: Granularity
) -> list[tuple[datetime, str, str, int]]:
    """(bucket start, outcome, reason, count) of key.validate events in [start, end)."""
    dialect = session.get_bind().dialect.name
    bucket = _bucket_expr(dialect, granularity).label("bucket")
    query = (
        select(bucket, AuditEvent.outcome, AuditEvent.reason, func.count())
        .where(
            AuditEvent.action == VALIDATE_ACTION,
            _event_subject(subject),
            AuditEvent.event_time >= start,
            AuditEvent.event_time < end,
        )
        .group_by(bucket, AuditEvent.outcome, AuditEvent.reason)
    )
    rows = (await session.execute(query)).all()
    return [(_as_utc(r[0]), str(r[1]), str(r[2]), int(r[3])) for r in rows]


async def last_used(session: AsyncSession, subject: Subject) -> datetime | None:
    """Latest successful use: the keys' usage column, or a verbose-level audit event."""
    from_keys = await session.scalar(select(func.max(ApiKey.last_used_time)).where(_key_subject(subject)))
    from_events = await session.scalar(
        select(func.max(AuditEvent.event_time)).where(
            AuditEvent.action == VALIDATE_ACTION, AuditEvent.outcome == "SUCCESS", _event_subject(subject)
        )
    )
    values = [_as_utc(v) for v in (from_keys, from_events) if v is not None]
    return max(values) if values else None


def _active(now: datetime) -> ColumnElement[bool]:
    return and_(ApiKey.revoke_time.is_(None), or_(ApiKey.expire_time.is_(None), ApiKey.expire_time > now))


async def expiring_keys(
    session: AsyncSession, subject: Subject, now: datetime, horizon_end: datetime, limit: int
) -> list[ApiKey]:
    query = (
        select(ApiKey)
        .where(_key_subject(subject), _active(now), ApiKey.expire_time <= horizon_end)
        .order_by(ApiKey.expire_time.asc(), ApiKey.id.asc())
        .limit(limit)
    )
    return list((await session.scalars(query)).all())


async def unused_keys(
    session: AsyncSession, subject: Subject, now: datetime, since: datetime, limit: int
) -> list[ApiKey]:
    query = (
        select(ApiKey)
        .where(
            _key_subject(subject),
            _active(now),
            or_(ApiKey.last_used_time.is_(None), ApiKey.last_used_time < since),
        )
        .order_by(ApiKey.create_time.asc(), ApiKey.id.asc())
        .limit(limit)
    )
    return list((await session.scalars(query)).all())
