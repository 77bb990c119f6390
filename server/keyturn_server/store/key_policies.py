"""Key policies by owner (organization or project) and the effective policy of a key's place."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from keyturn_server.domain.key_policy import KeyPolicy, scope_name
from keyturn_server.domain.key_policy_rules import SourcedPolicy
from keyturn_server.store.models import KeyPolicyRow
from keyturn_server.store.repositories import insert_ignoring_conflict


async def load_policy(
    session: AsyncSession, organization_id: str, project_id: str | None
) -> KeyPolicyRow | None:
    """The policy row the organization (project_id None) or the project set, if any."""
    return await session.get(KeyPolicyRow, scope_name(organization_id, project_id))


async def sourced_policy(
    session: AsyncSession, organization_id: str, project_id: str | None
) -> SourcedPolicy:
    """The effective policy of keys in (organization, project): the organization's policy
    overlaid with the project's, with each field's owner. One query for both layers; only
    rows of that organization count (a project id of another organization adds nothing)."""
    scopes = [scope_name(organization_id, None)]
    if project_id:
        scopes.append(scope_name(organization_id, project_id))
    query = select(KeyPolicyRow).where(
        KeyPolicyRow.scope.in_(scopes), KeyPolicyRow.organization_id == organization_id
    )
    rows = {row.scope: row for row in (await session.execute(query)).scalars()}
    # The organization first, then the project over it.
    return SourcedPolicy.of(
        [(scope, KeyPolicy.from_json(rows[scope].policy)) for scope in scopes if scope in rows]
    )


async def save_policy(
    session: AsyncSession, organization_id: str, project_id: str | None, policy: KeyPolicy, now: datetime
) -> KeyPolicyRow:
    """Create or replace the owner's policy row."""
    row = await load_policy(session, organization_id, project_id)
    if row is None:
        row = KeyPolicyRow(
            scope=scope_name(organization_id, project_id),
            organization_id=organization_id,
            project_id=project_id,
            policy=policy.to_json(),
            update_time=now,
        )
        session.add(row)
    else:
        row.policy = policy.to_json()
        row.update_time = now
    await session.flush()
    return row


async def lock_policy(
    session: AsyncSession, organization_id: str, project_id: str | None, now: datetime
) -> KeyPolicyRow:
    """The owner's policy row, created empty if missing (INSERT ... ON CONFLICT DO NOTHING, so
    concurrent first updates do not collide) and locked FOR UPDATE until the transaction ends,
    so concurrent read-modify-write updates of different fields all land."""
    scope = scope_name(organization_id, project_id)
    values: dict[str, Any] = {
        "scope": scope,
        "organization_id": organization_id,
        "project_id": project_id,
        "policy": {},
        "update_time": now,
    }
    await insert_ignoring_conflict(session, KeyPolicyRow, values)
    stmt = (
        select(KeyPolicyRow)
        .where(KeyPolicyRow.scope == scope)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    return (await session.scalars(stmt)).one()


__all__ = ["load_policy", "lock_policy", "save_policy", "sourced_policy"]
