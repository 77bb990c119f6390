"""Key policies: GetKeyPolicy and UpdateKeyPolicy, and the effective policy CreateKey and
UpdateKey apply (usecases/keys.py calls `sourced_policy`).

A policy belongs to an organization or to a project; each stores only what its owner set
(store/key_policies.py). Reading needs keyPolicies.get, changing keyPolicies.update, both
authorized after load against the owner's tenant (a project-bound caller sees its projects'
policies only). Every change is audited (`key_policy.update`, one change per masked field).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from keyturn_server.domain import access as policy_access
from keyturn_server.domain.access import Permission
from keyturn_server.domain.audit import AuditRecord, ResourceType, change
from keyturn_server.domain.errors import InvalidArgument
from keyturn_server.domain.key_policy import KeyPolicy, scope_name
from keyturn_server.domain.key_policy_rules import SourcedPolicy, policy_violations
from keyturn_server.store import key_policies as store
from keyturn_server.store.db import Database
from keyturn_server.usecases import audit, utcnow
from keyturn_server.usecases.tenancy import require_organization, require_project

# The KeyPolicy fields an update_mask may name.
POLICY_PATHS = (
    "default_ttl",
    "max_ttl",
    "allowed_scopes",
    "default_scopes",
    "default_rate_limit",
    "max_rate_limit",
    "default_allowed_cidrs",
    "allowed_environments",
    "rotation",
    "recoverable",
    "leaked_key_action",
    "token",
)


@dataclass(frozen=True)
class PolicyOwner:
    """Exactly one of the two is set."""

    organization_id: str | None = None
    project_id: str | None = None


@dataclass(frozen=True)
class PolicyView:
    organization_id: str
    project_id: str | None
    policy: KeyPolicy
    update_time: datetime | None


async def _policy(
    session: AsyncSession, organization_id: str, project_id: str | None
) -> tuple[KeyPolicy, datetime | None]:
    row = await store.load_policy(session, organization_id, project_id)
    if row is None:
        return KeyPolicy(), None
    return KeyPolicy.from_json(row.policy), row.update_time


async def sourced_policy(
    session: AsyncSession, organization_id: str, project_id: str | None
) -> SourcedPolicy:
    """The effective policy of keys in (organization, project), with each field's owner."""
    layers = [(scope_name(organization_id, None), (await _policy(session, organization_id, None))[0])]
    if project_id is not None:
        layers.append(
            (
                scope_name(organization_id, project_id),
                (await _policy(session, organization_id, project_id))[0],
            )
        )
    return SourcedPolicy.of(layers)


def _audit_value(policy: KeyPolicy, path: str) -> Any:
    """One field in the policy's stored JSON form (None when unset)."""
    stored = replace(KeyPolicy(), **{path: getattr(policy, path)}).to_json()
    return next(iter(stored.values()), None)


class KeyPolicies:
    """GetKeyPolicy, UpdateKeyPolicy."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def _owner(
        self, session: AsyncSession, owner: PolicyOwner, permission: Permission
    ) -> tuple[str, str | None]:
        """(organization id, project id) of the owner, if the caller may act on it."""
        if owner.project_id is not None:
            project = await require_project(session, owner.project_id)
            policy_access.authorize(
                permission,
                project.organization_id,
                project.id,
                resource_type=ResourceType.PROJECT,
                resource_id=project.id,
            )
            return project.organization_id, project.id
        assert owner.organization_id is not None
        organization = await require_organization(session, owner.organization_id)
        policy_access.authorize(
            permission, organization.id, resource_type=ResourceType.ORGANIZATION, resource_id=organization.id
        )
        return organization.id, None

    async def get_policy(self, owner: PolicyOwner, effective: bool) -> PolicyView:
        async with self.db.transaction() as session:
            organization_id, project_id = await self._owner(session, owner, Permission.KEY_POLICIES_GET)
            own, update_time = await _policy(session, organization_id, project_id)
            if effective and project_id is not None:
                own = (await sourced_policy(session, organization_id, project_id)).policy
        return PolicyView(organization_id, project_id, own, update_time)

    async def update_policy(self, owner: PolicyOwner, new: KeyPolicy, paths: frozenset[str]) -> PolicyView:
        now = utcnow()
        async with self.db.transaction() as session:
            organization_id, project_id = await self._owner(session, owner, Permission.KEY_POLICIES_UPDATE)
            row = await store.lock_policy(session, organization_id, project_id, now)
            before = KeyPolicy.from_json(row.policy)
            after = replace(before, **{path: getattr(new, path) for path in paths})
            bad = policy_violations(after)
            if not bad and project_id is not None:
                # The project's fields must also agree with what it inherits.
                inherited, _ = await _policy(session, organization_id, None)
                bad = policy_violations(inherited.overlay(after))
            if bad:
                raise InvalidArgument(bad)
            row.policy = after.to_json()
            row.update_time = now
            await session.flush()
            changes = [
                change(path, _audit_value(before, path), _audit_value(after, path))
                for path in POLICY_PATHS
                if getattr(before, path) != getattr(after, path)
            ]
            await audit(
                session,
                AuditRecord(
                    action="key_policy.update",
                    resource_type=ResourceType.PROJECT if project_id else ResourceType.ORGANIZATION,
                    resource_id=project_id or organization_id,
                    organization_id=organization_id,
                    project_id=project_id or "",
                    changes=changes,
                ),
            )
        return PolicyView(organization_id, project_id, after, row.update_time)


__all__ = ["POLICY_PATHS", "KeyPolicies", "PolicyOwner", "PolicyView", "sourced_policy"]
