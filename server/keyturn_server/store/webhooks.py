"""Webhook subscriptions, the delivery outbox and the dispatcher's cursor (take a session,
never commit).

Claiming (`claim_due`): due rows are selected `FOR UPDATE SKIP LOCKED` on PostgreSQL, so two
replicas' senders never pick the same row at once, and are moved past a lease
(next_attempt_time = now + lease, a fresh lease_token) in the same transaction. A sender that
dies mid-attempt leaves the row due again when the lease runs out (at least once); one that
answers late finds its token replaced and records nothing. SQLite has a single process and
serializes writers, so the plain SELECT ... UPDATE is enough there.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select, true, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from keyturn_server.store.models import Webhook, WebhookCursor, WebhookDelivery
from keyturn_server.store.repositories import Cursor

CURSOR_NAME = "webhooks"
PENDING = "PENDING"
SUCCEEDED = "SUCCEEDED"
FAILED = "FAILED"
GAVE_UP = "GAVE_UP"
DUE_STATES = (PENDING, FAILED)


def _is_postgres(session: AsyncSession) -> bool:
    return session.get_bind().dialect.name == "postgresql"


async def get_webhook(session: AsyncSession, webhook_id: str, *, lock: bool = False) -> Webhook | None:
    stmt = select(Webhook).where(Webhook.id == webhook_id)
    if lock and _is_postgres(session):
        stmt = stmt.with_for_update()
    return (await session.scalars(stmt)).first()


async def list_webhooks(
    session: AsyncSession, organization_id: str, after: Cursor | None, limit: int
) -> Sequence[Webhook]:
    keyset: ColumnElement[bool] = true()
    if after is not None:
        keyset = or_(
            Webhook.create_time > after.create_time,
            and_(Webhook.create_time == after.create_time, Webhook.id > after.id),
        )
    stmt = (
        select(Webhook)
        .where(Webhook.organization_id == organization_id, keyset)
        .order_by(Webhook.create_time, Webhook.id)
        .limit(limit)
    )
    return (await session.scalars(stmt)).all()


async def enabled_webhooks(session: AsyncSession, organization_ids: Collection[str]) -> Sequence[Webhook]:
    if not organization_ids:
        return []
    stmt = select(Webhook).where(
        Webhook.enabled.is_(True), Webhook.organization_id.in_(list(organization_ids))
    )
    return (await session.scalars(stmt)).all()


async def lock_cursor(session: AsyncSession) -> WebhookCursor:
    """The dispatcher's cursor row, locked until commit (PostgreSQL: a second dispatcher
    waits here and then reads the advanced value). Created at 0 if missing."""
    stmt = select(WebhookCursor).where(WebhookCursor.name == CURSOR_NAME)
    if _is_postgres(session):
        stmt = stmt.with_for_update()
    row = (await session.scalars(stmt)).first()
    if row is None:
        insert: Any = postgresql.insert if _is_postgres(session) else sqlite.insert
        await session.execute(
            insert(WebhookCursor).values(name=CURSOR_NAME, sequence=0).on_conflict_do_nothing()
        )
        row = (await session.scalars(stmt)).one()
    return row


async def insert_deliveries(session: AsyncSession, rows: list[dict[str, Any]]) -> int:
    """Insert outbox rows, skipping (webhook_id, event_sequence) pairs already there."""
    if not rows:
        return 0
    insert: Any = postgresql.insert if _is_postgres(session) else sqlite.insert
    result = await session.execute(
        insert(WebhookDelivery)
        .values(rows)
        .on_conflict_do_nothing(index_elements=["webhook_id", "event_sequence"])
    )
    return int(getattr(result, "rowcount", 0) or 0)


async def claim_due(
    session: AsyncSession, now: datetime, limit: int, lease_until: datetime, token: str
) -> list[WebhookDelivery]:
    stmt = (
        select(WebhookDelivery)
        .join(Webhook, Webhook.id == WebhookDelivery.webhook_id)
        .where(
            WebhookDelivery.state.in_(DUE_STATES),
            WebhookDelivery.next_attempt_time <= now,
            Webhook.enabled.is_(True),
        )
        .order_by(WebhookDelivery.next_attempt_time, WebhookDelivery.id)
        .limit(limit)
    )
    if _is_postgres(session):
        stmt = stmt.with_for_update(of=WebhookDelivery, skip_locked=True)
    rows = list((await session.scalars(stmt)).all())
    if rows:
        await session.execute(
            update(WebhookDelivery)
            .where(WebhookDelivery.id.in_([r.id for r in rows]))
            .values(next_attempt_time=lease_until, lease_token=token)
            .execution_options(synchronize_session=False)
        )
    return rows


async def backlog(session: AsyncSession) -> tuple[dict[str, int], datetime | None]:
    """Deliveries of enabled webhooks by state (PENDING, FAILED, GAVE_UP), and the creation
    time of the oldest one not yet delivered (PENDING or FAILED)."""
    counted = (PENDING, FAILED, GAVE_UP)
    rows = await session.execute(
        select(WebhookDelivery.state, func.count(), func.min(WebhookDelivery.create_time))
        .join(Webhook, Webhook.id == WebhookDelivery.webhook_id)
        .where(WebhookDelivery.state.in_(counted), Webhook.enabled.is_(True))
        .group_by(WebhookDelivery.state)
    )
    by_state = dict.fromkeys(counted, 0)
    oldest: datetime | None = None
    for state, count, first in rows.all():
        by_state[state] = int(count)
        if state in DUE_STATES and first is not None and (oldest is None or first < oldest):
            oldest = first
    return by_state, oldest


async def get_delivery(
    session: AsyncSession, delivery_id: str, *, lock: bool = False
) -> WebhookDelivery | None:
    stmt = (
        select(WebhookDelivery)
        .where(WebhookDelivery.id == delivery_id)
        .execution_options(populate_existing=True)
    )
    if lock and _is_postgres(session):
        stmt = stmt.with_for_update()
    return (await session.scalars(stmt)).first()


async def held_delivery(session: AsyncSession, delivery_id: str, token: str) -> WebhookDelivery | None:
    """The delivery, locked, if this sender's lease token still holds it."""
    stmt = select(WebhookDelivery).where(
        WebhookDelivery.id == delivery_id, WebhookDelivery.lease_token == token
    )
    if _is_postgres(session):
        stmt = stmt.with_for_update()
    return (await session.scalars(stmt)).first()


async def list_deliveries(
    session: AsyncSession, webhook_id: str, state: str | None, after: Cursor | None, limit: int
) -> Sequence[WebhookDelivery]:
    """Newest first."""
    keyset: ColumnElement[bool] = true()
    if after is not None:
        keyset = or_(
            WebhookDelivery.create_time < after.create_time,
            and_(WebhookDelivery.create_time == after.create_time, WebhookDelivery.id < after.id),
        )
    stmt = select(WebhookDelivery).where(WebhookDelivery.webhook_id == webhook_id, keyset)
    if state is not None:
        stmt = stmt.where(WebhookDelivery.state == state)
    stmt = stmt.order_by(WebhookDelivery.create_time.desc(), WebhookDelivery.id.desc()).limit(limit)
    return (await session.scalars(stmt)).all()


__all__ = [
    "CURSOR_NAME",
    "DUE_STATES",
    "FAILED",
    "GAVE_UP",
    "PENDING",
    "SUCCEEDED",
    "backlog",
    "claim_due",
    "enabled_webhooks",
    "get_delivery",
    "get_webhook",
    "held_delivery",
    "insert_deliveries",
    "list_deliveries",
    "list_webhooks",
    "lock_cursor",
]
