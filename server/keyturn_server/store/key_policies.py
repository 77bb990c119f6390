"""Key policies by owner (organization or project) and the effective policy of a key's place."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from keyturn_server.domain.key_policy import KeyPolicy, scope_name
from keyturn_server.store.models import KeyPolicyRow


async def load_policy(
    session: AsyncSession, organization_id: str, project_id: str | None
) -> KeyPolicyRow | None:
    """The policy row the organization (project_id None) or the project set, if any."""
    return await session.get(KeyPolicyRow, scope_name(organization_id, project_id))


async def effective_policy(session: AsyncSession, organization_id: str, project_id: str | None) -> KeyPolicy:
    """The organization's policy overlaid with the project's (one query)."""
    scopes = [scope_name(organization_id, None)]
    if project_id:
        scopes.append(scope_name(organization_id, project_id))
    rows = {
        row.scope: row
        for row in (
            await session.execute(select(KeyPolicyRow).where(KeyPolicyRow.scope.in_(scopes)))
        ).scalars()
    }
    policy = KeyPolicy()
    for scope in scopes:  # organization first, then the project over it
        row = rows.get(scope)
        if row is not None:
            policy = policy.overlay(KeyPolicy.from_json(row.policy))
    return policy


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


__all__ = ["effective_policy", "load_policy", "save_policy"]
