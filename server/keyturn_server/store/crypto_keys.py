"""Repository for managed keys, their versions and import jobs: queries over a caller's session.

Never commits (the use case frames the transaction). Tenancy is a WHERE clause: every read
that a caller's request drives takes `organization_ids`, the organizations the caller may
see (None: every organization, for global callers and background jobs), so another tenant's
key is simply not found. Material columns hold only root-key-wrapped blobs.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, select, true, update
from sqlalchemy.ext.asyncio import AsyncSession

from keyturn_server.domain.errors import AlreadyExists
from keyturn_server.store.models import CryptoKey, CryptoKeyVersion, ImportJob
from keyturn_server.store.repositories import Cursor, _keyset, insert_ignoring_conflict

ENABLED = "ENABLED"
DESTROY_SCHEDULED = "DESTROY_SCHEDULED"
DESTROYED = "DESTROYED"


def _visible(column: Any, organization_ids: Collection[str] | None) -> ColumnElement[bool]:
    if organization_ids is None:
        return true()
    return column.in_(list(organization_ids))  # type: ignore[no-any-return]


def _for_update(stmt: Any, session: AsyncSession) -> Any:
    # SQLite has no row locks; its BEGIN IMMEDIATE already serialises writers.
    return stmt.with_for_update() if session.get_bind().dialect.name == "postgresql" else stmt


# --- keys -----------------------------------------------------------------------------------


async def create_key(
    session: AsyncSession, key: CryptoKey, first_version: CryptoKeyVersion | None
) -> CryptoKey:
    """Insert a key (and its version 1, made primary). AlreadyExists on a name collision,
    also against a concurrent create (INSERT ... ON CONFLICT DO NOTHING, then read the winner)."""
    values: dict[str, Any] = {}
    for column in CryptoKey.__table__.columns:
        value = getattr(key, column.key)
        if value is None and column.default is not None:
            # Column defaults apply at flush; this is a Core insert, so apply them here.
            default = column.default.arg
            value = default(None) if callable(default) else default
        values[column.key] = value
    if first_version is not None:
        first_version.crypto_key_id = key.id
        first_version.number = 1
        values.update(primary_version=1, latest_version=1)
    if not await insert_ignoring_conflict(session, CryptoKey, values):
        existing = await find_key_by_name(session, key.organization_id, key.name)
        raise AlreadyExists("CryptoKey", existing.id if existing else "")
    if first_version is not None:
        session.add(first_version)
        await session.flush()
    created = await session.get(CryptoKey, key.id, populate_existing=True)
    assert created is not None
    return created


async def find_key_by_name(session: AsyncSession, organization_id: str, name: str) -> CryptoKey | None:
    stmt = select(CryptoKey).where(CryptoKey.organization_id == organization_id, CryptoKey.name == name)
    return (await session.scalars(stmt)).first()


async def get_key(
    session: AsyncSession,
    key_id: str,
    organization_ids: Collection[str] | None = None,
    *,
    for_update: bool = False,
) -> CryptoKey | None:
    stmt = select(CryptoKey).where(
        CryptoKey.id == key_id, _visible(CryptoKey.organization_id, organization_ids)
    )
    if for_update:
        stmt = _for_update(stmt, session)
    return (await session.scalars(stmt)).first()


async def list_keys(
    session: AsyncSession,
    organization_ids: Collection[str] | None,
    *,
    organization_id: str | None = None,
    project_id: str | None = None,
    after: Cursor | None = None,
    limit: int = 100,
) -> Sequence[CryptoKey]:
    """Oldest first by (create_time, id); ask for limit + 1 to know whether a next page exists."""
    conditions = [
        _visible(CryptoKey.organization_id, organization_ids),
        _keyset(CryptoKey.create_time, CryptoKey.id, after, newest_first=False),
    ]
    if organization_id is not None:
        conditions.append(CryptoKey.organization_id == organization_id)
    if project_id is not None:
        conditions.append(CryptoKey.project_id == project_id)
    stmt = (
        select(CryptoKey).where(and_(*conditions)).order_by(CryptoKey.create_time, CryptoKey.id).limit(limit)
    )
    return (await session.scalars(stmt)).all()


async def add_version(
    session: AsyncSession, key: CryptoKey, version: CryptoKeyVersion, *, make_primary: bool, now: datetime
) -> CryptoKeyVersion:
    """Number the version (latest + 1) and add it; the key row must be locked (get_key
    for_update) so two rotations never pick the same number."""
    key.latest_version += 1
    version.crypto_key_id = key.id
    version.number = key.latest_version
    if make_primary:
        key.primary_version = version.number
    key.update_time = now
    session.add(version)
    await session.flush()
    return version


def next_version_number(key: CryptoKey) -> int:
    """The number add_version will give (material is wrapped bound to it beforehand)."""
    return key.latest_version + 1


async def set_primary(session: AsyncSession, key: CryptoKey, number: int, now: datetime) -> None:
    key.primary_version = number
    key.update_time = now
    await session.flush()


# --- versions -------------------------------------------------------------------------------


async def get_version(
    session: AsyncSession, key_id: str, number: int, *, for_update: bool = False
) -> CryptoKeyVersion | None:
    stmt = select(CryptoKeyVersion).where(
        CryptoKeyVersion.crypto_key_id == key_id, CryptoKeyVersion.number == number
    )
    if for_update:
        stmt = _for_update(stmt, session)
    return (await session.scalars(stmt)).first()


async def list_versions(
    session: AsyncSession,
    key_id: str,
    *,
    after_number: int = 0,
    limit: int = 100,
    states: Collection[str] = (),
) -> Sequence[CryptoKeyVersion]:
    """Lowest number first, numbers above after_number (the page cursor)."""
    stmt = select(CryptoKeyVersion).where(
        CryptoKeyVersion.crypto_key_id == key_id, CryptoKeyVersion.number > after_number
    )
    if states:
        stmt = stmt.where(CryptoKeyVersion.state.in_(list(states)))
    return (await session.scalars(stmt.order_by(CryptoKeyVersion.number).limit(limit))).all()


async def version_numbers(
    session: AsyncSession, key_id: str, states: Collection[str], limit: int = 1000
) -> list[int]:
    """Numbers of the key's versions in these states, newest first (no material loaded)."""
    stmt = (
        select(CryptoKeyVersion.number)
        .where(CryptoKeyVersion.crypto_key_id == key_id, CryptoKeyVersion.state.in_(list(states)))
        .order_by(CryptoKeyVersion.number.desc())
        .limit(limit)
    )
    return list((await session.scalars(stmt)).all())


async def set_version_state(
    session: AsyncSession,
    version: CryptoKeyVersion,
    state: str,
    *,
    destroy_time: datetime | None = None,
) -> None:
    """ENABLED/DISABLED clear destroy_time; DESTROY_SCHEDULED sets it. Use destroy_version
    for DESTROYED (it drops the material)."""
    if state == DESTROYED:
        raise ValueError("use destroy_version")
    version.state = state
    version.destroy_time = destroy_time if state == DESTROY_SCHEDULED else None
    await session.flush()


async def destroy_version(session: AsyncSession, version: CryptoKeyVersion, now: datetime) -> None:
    """The material is gone for good: the wrapped blob is deleted, the record stays."""
    version.state = DESTROYED
    version.wrapped_material = None
    version.destroy_event_time = now
    await session.flush()


async def replace_wrapped_material(
    session: AsyncSession,
    key_id: str,
    number: int,
    expected_root_version: int,
    wrapped: bytes,
    root_version: int,
) -> bool:
    """Re-wrap in place (lazily on use, or the operator command). Conditional on the old
    root version, so two replicas re-wrapping at once both succeed harmlessly."""
    result = await session.execute(
        update(CryptoKeyVersion)
        .where(
            CryptoKeyVersion.crypto_key_id == key_id,
            CryptoKeyVersion.number == number,
            CryptoKeyVersion.root_key_version == expected_root_version,
            CryptoKeyVersion.wrapped_material.is_not(None),
        )
        .values(wrapped_material=wrapped, root_key_version=root_version)
        .returning(CryptoKeyVersion.number)
    )
    return result.first() is not None


async def versions_to_rewrap(
    session: AsyncSession, current_root_version: int, limit: int = 500
) -> Sequence[CryptoKeyVersion]:
    stmt = (
        select(CryptoKeyVersion)
        .where(
            CryptoKeyVersion.root_key_version != current_root_version,
            CryptoKeyVersion.wrapped_material.is_not(None),
        )
        .order_by(CryptoKeyVersion.crypto_key_id, CryptoKeyVersion.number)
        .limit(limit)
    )
    return (await session.scalars(stmt)).all()


# --- scheduler queries ----------------------------------------------------------------------


def _skip_locked(stmt: Any, session: AsyncSession) -> Any:
    if session.get_bind().dialect.name == "postgresql":
        return stmt.with_for_update(skip_locked=True)
    return stmt


async def due_for_rotation(session: AsyncSession, now: datetime, limit: int = 100) -> Sequence[CryptoKey]:
    """Keys whose next_rotation_time has passed, locked (SKIP LOCKED on PostgreSQL)."""
    stmt = (
        select(CryptoKey)
        .where(
            CryptoKey.next_rotation_time.is_not(None),
            CryptoKey.next_rotation_time <= now,
            CryptoKey.import_only.is_(False),
        )
        .order_by(CryptoKey.next_rotation_time, CryptoKey.id)
        .limit(limit)
    )
    return (await session.scalars(_skip_locked(stmt, session))).all()


async def due_for_destroy(
    session: AsyncSession, now: datetime, limit: int = 100
) -> Sequence[CryptoKeyVersion]:
    """DESTROY_SCHEDULED versions whose destroy_time has passed, locked."""
    stmt = (
        select(CryptoKeyVersion)
        .where(CryptoKeyVersion.state == DESTROY_SCHEDULED, CryptoKeyVersion.destroy_time <= now)
        .order_by(CryptoKeyVersion.destroy_time, CryptoKeyVersion.crypto_key_id, CryptoKeyVersion.number)
        .limit(limit)
    )
    return (await session.scalars(_skip_locked(stmt, session))).all()


# --- import jobs ----------------------------------------------------------------------------


async def add_import_job(session: AsyncSession, job: ImportJob) -> ImportJob:
    session.add(job)
    await session.flush()
    return job


async def import_jobs_to_rewrap(
    session: AsyncSession, current_root_version: int, limit: int = 500
) -> Sequence[ImportJob]:
    stmt = (
        select(ImportJob)
        .where(ImportJob.root_key_version != current_root_version)
        .order_by(ImportJob.id)
        .limit(limit)
    )
    return (await session.scalars(stmt)).all()


async def replace_import_job_key(
    session: AsyncSession, job_id: str, expected_root_version: int, wrapped: bytes, root_version: int
) -> bool:
    result = await session.execute(
        update(ImportJob)
        .where(ImportJob.id == job_id, ImportJob.root_key_version == expected_root_version)
        .values(wrapped_private_key=wrapped, root_key_version=root_version)
        .returning(ImportJob.id)
    )
    return result.first() is not None


async def get_import_job(
    session: AsyncSession, job_id: str, organization_ids: Collection[str] | None = None
) -> ImportJob | None:
    stmt = select(ImportJob).where(
        ImportJob.id == job_id, _visible(ImportJob.organization_id, organization_ids)
    )
    return (await session.scalars(stmt)).first()


__all__ = [
    "Cursor",
    "add_import_job",
    "add_version",
    "create_key",
    "destroy_version",
    "due_for_destroy",
    "due_for_rotation",
    "find_key_by_name",
    "get_import_job",
    "get_key",
    "get_version",
    "import_jobs_to_rewrap",
    "list_keys",
    "list_versions",
    "next_version_number",
    "replace_import_job_key",
    "replace_wrapped_material",
    "set_primary",
    "set_version_state",
    "version_numbers",
    "versions_to_rewrap",
]
