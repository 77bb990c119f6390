"""Key policies: GetKeyPolicy and UpdateKeyPolicy, and `KeyPolicyLookup`, the one way the
other use cases read the effective policy of a key's place.

A policy belongs to an organization or to a project; each stores only what its owner set
(store/key_policies.py). Reading needs keyPolicies.get, changing keyPolicies.update, both
authorized after load against the owner's tenant (a project-bound caller sees its projects'
policies only). Every change is audited (`key_policy.update`, one change per masked field).

`KeyPolicyLookup` (built once by the container) reads the effective policy, organization
overlaid with project, in one query (store/key_policies.py `sourced_policy`), two ways:

- `read(session, ...)`: exact, in the caller's transaction, never cached. For the writes
  whose bounds are security limits: CreateKey (once, in KeyRotation.plan_create, handed to
  its transaction in the CreatePlan) and UpdateKey. They are rare; one indexed SELECT is
  cheap, and a cache that missed an invalidation could admit a key the policy forbids.
- `cached(...)`: through a bounded TTL cache (usecases/keycache.py KeyCache, one
  single-flight load per place), for the hot paths: ExchangeKey's token settings and
  leak reports' leaked_key_action. UpdateKeyPolicy clears it at once on this replica and,
  through the key-event bus topic `key_policy` (LISTEN/NOTIFY, or the polling change
  feed), on every other one; a lost notification is bounded by the TTL (and a LISTEN
  reconnect clears it too). A change clears the whole cache rather than one
  organization's entries: the bus hands topic callbacks no subject, and policy changes
  are rare admin writes, so the cost is one re-read per place afterwards.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from keyturn_server.domain import access as policy_access
from keyturn_server.domain.access import Permission
from keyturn_server.domain.audit import AuditRecord, ResourceType, change
from keyturn_server.domain.errors import InvalidArgument
from keyturn_server.domain.key_policy import KeyPolicy, scope_name
from keyturn_server.domain.key_policy_rules import SourcedPolicy, policy_violations
from keyturn_server.store import key_policies as store
from keyturn_server.store.db import Database
from keyturn_server.store.keyevents import TOPIC_KEY_POLICY
from keyturn_server.usecases import audit, utcnow
from keyturn_server.usecases.keycache import KeyCache, SingleFlight
from keyturn_server.usecases.tenancy import require_organization, require_project

log = logging.getLogger("keyturn.key_policies")

# How long a place's cached effective policy is reused at most (the backstop when an
# invalidation is missed; UpdateKeyPolicy clears the cache at once), and how many places.
POLICY_CACHE_SECONDS = 5.0
POLICY_CACHE_SIZE = 10_000


class Announcer(Protocol):
    """The key-event bus seam (store/keyevents.py): run `topic`'s callbacks here and on
    every other replica."""

    async def announce(self, topic: str, subject: str = "") -> None: ...


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


class KeyPolicyLookup:
    """The effective key policy of (organization, project): exact or cached (see above)."""

    def __init__(
        self, db: Database, ttl_seconds: float = POLICY_CACHE_SECONDS, max_size: int = POLICY_CACHE_SIZE
    ) -> None:
        self.db = db
        self.cache: KeyCache[SourcedPolicy] = KeyCache(max_size, ttl_seconds)
        self._loads: SingleFlight[SourcedPolicy] = SingleFlight()

    def forget_all(self) -> None:
        """A policy changed here or on another replica (or LISTEN reconnected)."""
        self.cache.clear()

    async def read(
        self, session: AsyncSession, organization_id: str, project_id: str | None
    ) -> SourcedPolicy:
        """Exact: read in the caller's transaction, not from the cache."""
        return await store.sourced_policy(session, organization_id, project_id)

    async def cached(
        self, organization_id: str, project_id: str | None, session: AsyncSession | None = None
    ) -> SourcedPolicy:
        """From the cache; on a miss read in `session` when given (the caller is inside its
        own transaction: no second connection, which on SQLite would wait for the caller's
        write lock), else in a transaction of its own, one load per place at a time.

        Filling the cache from a caller's transaction is safe even if that transaction is
        later rolled back or re-run: it holds committed policy rows (PostgreSQL reads each
        statement at READ COMMITTED; SQLite's write lock keeps UpdateKeyPolicy out), never
        anything the caller wrote, and the generation read first refuses the fill when a
        change was announced meanwhile."""
        lookup = f"{organization_id}/{project_id or ''}"
        found = self.cache.get(lookup)
        if found is not None:
            return found
        if session is not None:
            generation = self.cache.generation
            found = await store.sourced_policy(session, organization_id, project_id)
            self.cache.put(lookup, organization_id, found, generation)
            return found
        return await self._loads.run(lookup, lambda: self._load(lookup, organization_id, project_id))

    async def _load(self, lookup: str, organization_id: str, project_id: str | None) -> SourcedPolicy:
        generation = self.cache.generation

        async def read(session: AsyncSession) -> SourcedPolicy:
            return await store.sourced_policy(session, organization_id, project_id)

        found = await self.db.read(read)
        self.cache.put(lookup, organization_id, found, generation)
        return found


def _audit_value(policy: KeyPolicy, path: str) -> Any:
    """One field in the policy's stored JSON form (None when unset)."""
    stored = replace(KeyPolicy(), **{path: getattr(policy, path)}).to_json()
    return next(iter(stored.values()), None)


class KeyPolicies:
    """GetKeyPolicy, UpdateKeyPolicy."""

    def __init__(self, db: Database, lookup: KeyPolicyLookup, key_events: Announcer) -> None:
        self.db = db
        self.lookup = lookup
        self.key_events = key_events

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
                own = (await self.lookup.read(session, organization_id, project_id)).policy
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
        await self._changed(organization_id, project_id)
        return PolicyView(organization_id, project_id, after, row.update_time)

    async def _changed(self, organization_id: str, project_id: str | None) -> None:
        """After commit: drop cached effective policies here and on the other replicas."""
        self.lookup.forget_all()
        try:
            await self.key_events.announce(TOPIC_KEY_POLICY, scope_name(organization_id, project_id))
        except Exception:
            # The change is committed; other replicas' caches expire within the TTL.
            log.exception("could not announce a key policy change; caches expire by TTL")


__all__ = [
    "POLICY_CACHE_SECONDS",
    "POLICY_PATHS",
    "KeyPolicies",
    "KeyPolicyLookup",
    "PolicyOwner",
    "PolicyView",
]
