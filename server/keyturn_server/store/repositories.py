"""Repositories for tenants and API keys: queries over a session the caller owns.

They never commit: the use case frames one transaction (`async with db.transaction()`).
Inserts that can race on a unique name use INSERT ... ON CONFLICT DO NOTHING (PostgreSQL and
SQLite both have it), so a concurrent duplicate is a no-op, never an IntegrityError; the
caller then reads the row that won.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from sqlalchemy import ColumnElement, Select, and_, delete, inspect, or_, select, true, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from keyturn_server.store.models import (
    ApiKey,
    Base,
    KeyCredit,
    Organization,
    Product,
    Project,
    ProjectProduct,
    RateLimitCounter,
)

KeyStatusFilter = Literal["ALL", "ACTIVE", "REVOKED", "EXPIRED"]
KeyParent = Literal["organization", "project", "product"]


@dataclass(frozen=True)
class Cursor:
    """The sort key of the last row of the previous page."""

    create_time: datetime
    id: str


async def insert_ignoring_conflict(session: AsyncSession, model: type[Base], values: dict[str, Any]) -> bool:
    """INSERT ... ON CONFLICT DO NOTHING; True when the row was inserted.

    On PostgreSQL a conflicting row of a transaction still in flight makes this wait for
    that transaction; once it commits the insert does nothing and a following SELECT (a new
    READ COMMITTED snapshot) sees the winner. On SQLite every transaction holds the write lock.
    """
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        stmt: Any = postgresql.insert(model).values(**values).on_conflict_do_nothing()
    elif dialect == "sqlite":
        stmt = sqlite.insert(model).values(**values).on_conflict_do_nothing()
    else:  # pragma: no cover - Keyturn supports PostgreSQL and SQLite only
        raise RuntimeError(f"unsupported database dialect {dialect}")
    # RETURNING rather than rowcount: psycopg's async cursor reports rowcount -1 here.
    first_pk = next(iter(inspect(model).primary_key))
    result = await session.execute(stmt.returning(first_pk))
    return result.first() is not None


def _keyset(
    time_column: InstrumentedAttribute[datetime],
    id_column: InstrumentedAttribute[str],
    after: Cursor | None,
    *,
    newest_first: bool,
) -> ColumnElement[bool]:
    """Rows strictly after `after` in (create_time, id) order; explicit OR form for portability."""
    if after is None:
        return true()
    if newest_first:
        return or_(
            time_column < after.create_time,
            and_(time_column == after.create_time, id_column < after.id),
        )
    return or_(
        time_column > after.create_time,
        and_(time_column == after.create_time, id_column > after.id),
    )


# --- Organizations ----------------------------------------------------------------------------


async def get_organization(session: AsyncSession, organization_id: str) -> Organization | None:
    return await session.get(Organization, organization_id)


async def find_organization(session: AsyncSession, name: str) -> Organization | None:
    return (await session.scalars(select(Organization).where(Organization.name == name))).first()


async def list_organizations(
    session: AsyncSession, after: Cursor | None, limit: int, *, only: Collection[str] | None = None
) -> Sequence[Organization]:
    """Organizations in creation order; `only` narrows to the ids a caller may see."""
    visible = true() if only is None else Organization.id.in_(list(only))
    stmt = (
        select(Organization)
        .where(visible, _keyset(Organization.create_time, Organization.id, after, newest_first=False))
        .order_by(Organization.create_time, Organization.id)
        .limit(limit)
    )
    return (await session.scalars(stmt)).all()


# --- Projects ---------------------------------------------------------------------------------


async def get_project(session: AsyncSession, project_id: str) -> Project | None:
    return await session.get(Project, project_id)


async def find_project(session: AsyncSession, organization_id: str, name: str) -> Project | None:
    stmt = select(Project).where(Project.organization_id == organization_id, Project.name == name)
    return (await session.scalars(stmt)).first()


async def list_projects(
    session: AsyncSession, organization_id: str, after: Cursor | None, limit: int
) -> Sequence[Project]:
    stmt = (
        select(Project)
        .where(
            Project.organization_id == organization_id,
            _keyset(Project.create_time, Project.id, after, newest_first=False),
        )
        .order_by(Project.create_time, Project.id)
        .limit(limit)
    )
    return (await session.scalars(stmt)).all()


async def product_ids_by_project(session: AsyncSession, project_ids: Sequence[str]) -> dict[str, list[str]]:
    """Linked product ids per project, in link order."""
    found: dict[str, list[str]] = {project_id: [] for project_id in project_ids}
    if not project_ids:
        return found
    stmt = (
        select(ProjectProduct.project_id, ProjectProduct.product_id)
        .where(ProjectProduct.project_id.in_(project_ids))
        .order_by(ProjectProduct.create_time, ProjectProduct.product_id)
    )
    for project_id, product_id in await session.execute(stmt):
        found[project_id].append(product_id)
    return found


# --- Products ---------------------------------------------------------------------------------


async def get_product(session: AsyncSession, product_id: str) -> Product | None:
    return await session.get(Product, product_id)


async def find_product(session: AsyncSession, organization_id: str, name: str) -> Product | None:
    stmt = select(Product).where(Product.organization_id == organization_id, Product.name == name)
    return (await session.scalars(stmt)).first()


async def list_products(
    session: AsyncSession, organization_id: str, project_id: str | None, after: Cursor | None, limit: int
) -> Sequence[Product]:
    stmt: Select[Product] = select(Product).where(
        Product.organization_id == organization_id,
        _keyset(Product.create_time, Product.id, after, newest_first=False),
    )
    if project_id is not None:
        linked = select(ProjectProduct.product_id).where(ProjectProduct.project_id == project_id)
        stmt = stmt.where(Product.id.in_(linked))
    stmt = stmt.order_by(Product.create_time, Product.id).limit(limit)
    return (await session.scalars(stmt)).all()


async def link_product(session: AsyncSession, project_id: str, product_id: str, now: datetime) -> bool:
    """Link a product to a project; False when the link already existed."""
    return await insert_ignoring_conflict(
        session, ProjectProduct, {"project_id": project_id, "product_id": product_id, "create_time": now}
    )


async def is_linked(session: AsyncSession, project_id: str, product_id: str) -> bool:
    return await session.get(ProjectProduct, (project_id, product_id)) is not None


# --- API keys ---------------------------------------------------------------------------------


async def get_key(
    session: AsyncSession, key_id: str, *, lock: Literal["none", "change", "delete"] = "none"
) -> ApiKey | None:
    """One key, optionally locking its row (PostgreSQL) so concurrent changes serialize.

    `change` takes FOR NO KEY UPDATE: it serializes management changes without blocking the
    hot path's rate-limit counter inserts (their foreign key takes FOR KEY SHARE on the row).
    `delete` takes FOR UPDATE, which a DELETE needs anyway.
    """
    stmt = select(ApiKey).where(ApiKey.id == key_id)
    if lock == "change":
        stmt = stmt.with_for_update(key_share=True)
    elif lock == "delete":
        stmt = stmt.with_for_update()
    return (await session.scalars(stmt)).first()


def add_key(session: AsyncSession, row: ApiKey) -> None:
    session.add(row)


def status_condition(status: KeyStatusFilter, now: datetime) -> ColumnElement[bool]:
    """SQL form of the status derived in api.convert: revoked wins over expired."""
    not_revoked = ApiKey.revoke_time.is_(None)
    if status == "ACTIVE":
        return and_(not_revoked, or_(ApiKey.expire_time.is_(None), ApiKey.expire_time > now))
    if status == "REVOKED":
        return ApiKey.revoke_time.is_not(None)
    if status == "EXPIRED":
        return and_(not_revoked, ApiKey.expire_time.is_not(None), ApiKey.expire_time <= now)
    return true()


async def list_keys(
    session: AsyncSession,
    *,
    parent: KeyParent,
    parent_id: str,
    status: KeyStatusFilter,
    as_of: datetime,
    expire_before: datetime | None,
    not_used_since: datetime | None,
    after: Cursor | None,
    limit: int,
    next_rotation_before: datetime | None = None,
    only_projects: Collection[str] | None = None,
    parent_key_id: str | None = None,
) -> Sequence[ApiKey]:
    """Keys of a parent, newest first by (create_time, id): keyset pagination over the
    ix_api_key_*_created indexes, so keys created meanwhile cause neither duplicates nor gaps.
    `only_projects` narrows to the projects a project-bound caller may see."""
    parent_column = {
        "organization": ApiKey.organization_id,
        "project": ApiKey.project_id,
        "product": ApiKey.product_id,
    }[parent]
    conditions: list[ColumnElement[bool]] = [
        parent_column == parent_id,
        status_condition(status, as_of),
        _keyset(ApiKey.create_time, ApiKey.id, after, newest_first=True),
    ]
    if only_projects is not None:
        conditions.append(ApiKey.project_id.in_(list(only_projects)))
    if parent_key_id is not None:
        conditions.append(ApiKey.parent_key_id == parent_key_id)
    if expire_before is not None:
        conditions.append(and_(ApiKey.expire_time.is_not(None), ApiKey.expire_time < expire_before))
    if next_rotation_before is not None:
        conditions.append(
            and_(ApiKey.next_rotation_time.is_not(None), ApiKey.next_rotation_time < next_rotation_before)
        )
    if not_used_since is not None:
        conditions.append(or_(ApiKey.last_used_time.is_(None), ApiKey.last_used_time < not_used_since))
    stmt = (
        select(ApiKey).where(*conditions).order_by(ApiKey.create_time.desc(), ApiKey.id.desc()).limit(limit)
    )
    return (await session.scalars(stmt)).all()


async def child_keys(
    session: AsyncSession, parent_ids: Collection[str], *, lock: bool = False
) -> Sequence[ApiKey]:
    """The direct children of these keys (ix_api_key_parent_created), oldest first;
    `lock` takes FOR NO KEY UPDATE on them (PostgreSQL), as `get_key(lock="change")` does."""
    if not parent_ids:
        return []
    stmt = (
        select(ApiKey)
        .where(ApiKey.parent_key_id.in_(list(parent_ids)))
        .order_by(ApiKey.create_time, ApiKey.id)
    )
    if lock:
        stmt = stmt.with_for_update(key_share=True)
    return (await session.scalars(stmt)).all()


async def keys_by_hashes(session: AsyncSession, hashes: Collection[str]) -> Sequence[ApiKey]:
    """The keys stored under any of these keyed hashes (one per secret version): one indexed
    query, whatever the number of versions."""
    return (await session.scalars(select(ApiKey).where(ApiKey.key_hash.in_(list(hashes))))).all()


async def rehash_key(
    session: AsyncSession, key_id: str, old_hash: str, new_hash: str, secret_version: int
) -> None:
    """Move a key to a newer secret version; a no-op if it changed meanwhile."""
    await session.execute(
        update(ApiKey)
        .where(ApiKey.id == key_id, ApiKey.key_hash == old_hash)
        .values(key_hash=new_hash, secret_version=secret_version)
    )


async def product_organization(session: AsyncSession, product_id: str) -> str:
    """The organization of a product; "" when there is no such product."""
    found = await session.scalar(select(Product.organization_id).where(Product.id == product_id))
    return found or ""


async def delete_key(session: AsyncSession, key_id: str) -> None:
    """Hard delete: the key's rate-limit counters, then the key, then its credit balance
    unless a rotated or successor key still draws on it (models.KeyCredit)."""
    await session.execute(delete(RateLimitCounter).where(RateLimitCounter.key_id == key_id))
    balance = await session.scalar(select(ApiKey.credit_key_id).where(ApiKey.id == key_id))
    await session.execute(
        delete(ApiKey).where(ApiKey.id == key_id).execution_options(synchronize_session=False)
    )
    if balance is not None:
        still_used = select(ApiKey.id).where(ApiKey.credit_key_id == balance).exists()
        await session.execute(
            delete(KeyCredit)
            .where(KeyCredit.key_id == balance, ~still_used)
            .execution_options(synchronize_session=False)
        )


__all__ = [
    "Cursor",
    "KeyParent",
    "KeyStatusFilter",
    "add_key",
    "child_keys",
    "delete_key",
    "find_organization",
    "find_product",
    "find_project",
    "get_key",
    "get_organization",
    "get_product",
    "get_project",
    "insert_ignoring_conflict",
    "is_linked",
    "keys_by_hashes",
    "link_product",
    "list_keys",
    "list_organizations",
    "list_products",
    "list_projects",
    "product_ids_by_project",
    "product_organization",
    "rehash_key",
    "status_condition",
]
