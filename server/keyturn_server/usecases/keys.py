"""API key management: create, get, list, update, rotate, revoke, delete.

Every change runs in one transaction that ends with its audit event (fail closed), and
after commit tells the hot path's caches (`notify_key_changed`). Changes to one key lock its
row (SELECT ... FOR UPDATE on PostgreSQL; SQLite transactions hold the write lock), so
concurrent updates, rotations and revocations serialize instead of losing each other.
The plaintext exists only in memory and in the CreateKey/RotateKey response; the database
gets its keyed hash and the short non-secret `start`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any, Literal

from sqlalchemy.ext.asyncio import AsyncSession

from keyturn_server.domain import access as policy
from keyturn_server.domain import child_keys, keyformat
from keyturn_server.domain import key_policy_rules as policy_rules
from keyturn_server.domain.access import Permission
from keyturn_server.domain.audit import AuditRecord, ResourceType, change
from keyturn_server.domain.errors import FailedPrecondition, FieldViolation, InvalidArgument, NotFound
from keyturn_server.domain.key_events import KeyEventType, NewKeyEvent
from keyturn_server.domain.key_policy import RotationSpec
from keyturn_server.domain.ports import KeyEvents
from keyturn_server.domain.ratelimit import CreditSetting, NamedLimit
from keyturn_server.store import repositories as repo
from keyturn_server.store.audit import append_events
from keyturn_server.store.db import Database
from keyturn_server.store.models import ApiKey
from keyturn_server.usecases import (
    Page,
    Pages,
    audit,
    key_event,
    notify_key_changed,
    record_key_events,
    utcnow,
)
from keyturn_server.usecases.credits import (
    credit_sharers,
    credits_audit_value,
    named_limits_of,
    set_credits,
    set_named_limits,
    share_credits,
)
from keyturn_server.usecases.key_policies import KeyPolicyLookup
from keyturn_server.usecases.key_rotation import KeyRotation
from keyturn_server.usecases.tenancy import require_organization, require_product, require_project

API_KEY = ResourceType.API_KEY
PROJECT = ResourceType.PROJECT

# The mutable settings, by update_mask path; `metadata` stands for the five metadata fields.
METADATA_PATHS = (
    "metadata.name",
    "metadata.scopes",
    "metadata.rate_limit",
    "metadata.custom",
    "metadata.named_limits",
)
UPDATE_PATHS = (*METADATA_PATHS, "expire_time", "allowed_cidrs", "credits")


@dataclass(frozen=True)
class RateLimitSetting:
    requests: int
    window: str  # SECOND | MINUTE | HOUR | DAY

    def audit_value(self) -> dict[str, Any]:
        return {"requests": self.requests, "window": self.window}


@dataclass(frozen=True)
class KeySettings:
    """A key's mutable settings, validated."""

    name: str = ""
    scopes: list[str] = field(default_factory=list)
    rate_limit: RateLimitSetting | None = None
    custom: dict[str, Any] = field(default_factory=dict)
    allowed_cidrs: list[str] = field(default_factory=list)
    named_limits: list[NamedLimit] = field(default_factory=list)  # usecases/credits.py
    credits: CreditSetting | None = None


@dataclass(frozen=True)
class NewKey:
    """A validated CreateKey request."""

    organization_id: str
    project_id: str | None
    product_id: str | None
    environment: str  # live | test
    settings: KeySettings
    expire_time: datetime | None
    # Restricted child keys: derive from this key (domain/child_keys.py). Without an explicit
    # environment (`environment_given` False), a child takes its parent's.
    parent_key_id: str | None = None
    environment_given: bool = True
    # Rotation policy and recoverability; None = the effective key policy's (key_rotation.py).
    rotation: RotationSpec | None = None
    recoverable: bool | None = None


@dataclass(frozen=True)
class KeyUpdate:
    """A validated UpdateKey request: the new values of the update_mask paths in `paths`
    (other fields of `settings`/`expire_time` are ignored)."""

    key_id: str
    paths: frozenset[str]
    settings: KeySettings
    expire_time: datetime | None
    # The `rotation` path's new value (None clears it); see key_rotation.py.
    rotation: RotationSpec | None = None


@dataclass(frozen=True)
class KeyListing:
    """A validated ListKeys request."""

    parent: repo.KeyParent | None  # None: the caller's only organization
    parent_id: str
    status: repo.KeyStatusFilter
    expire_before: datetime | None
    not_used_since: datetime | None
    page_size: int
    page_token: str
    parent_key_id: str | None = None  # only the children of this key
    next_rotation_before: datetime | None = None

    def filters(self) -> dict[str, Any]:
        return {
            "list": "keys",
            "parent": self.parent,
            "parent_id": self.parent_id,
            "status": self.status,
            "expire_before": _stamp(self.expire_before),
            "not_used_since": _stamp(self.not_used_since),
            "parent_key_id": self.parent_key_id,
            "next_rotation_before": _stamp(self.next_rotation_before),
        }


def _stamp(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat().replace("+00:00", "Z")


def _rate_limit_of(row: ApiKey) -> RateLimitSetting | None:
    if row.rate_limit_requests is None or row.rate_limit_window is None:
        return None
    return RateLimitSetting(row.rate_limit_requests, row.rate_limit_window)


def audit_values(row: ApiKey) -> dict[str, Any]:
    """The non-secret, mutable fields by update path, in audit-change form."""
    rate_limit = _rate_limit_of(row)
    return {
        "metadata.name": row.name,
        "metadata.scopes": list(row.scopes),
        "metadata.rate_limit": rate_limit.audit_value() if rate_limit else None,
        "metadata.custom": dict(row.custom),
        "expire_time": _stamp(row.expire_time),
        "allowed_cidrs": list(row.allowed_cidrs),
        "metadata.named_limits": list(row.named_limits or ()),
        "credits": credits_audit_value(row),
    }


def _issue(hasher: keyformat.KeyHasher, key_prefix: str, environment: str) -> tuple[str, str, int, str]:
    """A fresh plaintext and what is stored about it: (plaintext, hash, secret version, start)."""
    plaintext = keyformat.generate(key_prefix, environment)
    start = keyformat.parse(plaintext, key_prefix).start
    return plaintext, hasher.current(plaintext), hasher.current_version, start


def _new_row(
    hasher: keyformat.KeyHasher,
    key_prefix: str,
    *,
    organization_id: str,
    project_id: str | None,
    product_id: str | None,
    environment: str,
    settings: KeySettings,
    expire_time: datetime | None,
    now: datetime,
    rotated_from: str | None = None,
    parent_key_id: str | None = None,
) -> tuple[ApiKey, str]:
    plaintext, digest, version, start = _issue(hasher, key_prefix, environment)
    row = ApiKey(
        id=str(uuid.uuid4()),
        organization_id=organization_id,
        project_id=project_id,
        product_id=product_id,
        key_hash=digest,
        secret_version=version,
        start=start,
        environment=environment,
        name=settings.name,
        scopes=list(settings.scopes),
        rate_limit_requests=settings.rate_limit.requests if settings.rate_limit else None,
        rate_limit_window=settings.rate_limit.window if settings.rate_limit else None,
        custom=dict(settings.custom),
        allowed_cidrs=list(settings.allowed_cidrs),
        create_time=now,
        update_time=now,
        expire_time=expire_time,
        revoke_time=None,
        revoke_reason="",
        use_count=0,
        last_used_time=None,
        rotated_from_key_id=rotated_from,
        replaced_by_key_id=None,
        parent_key_id=parent_key_id,
    )
    set_named_limits(row, settings.named_limits)
    if settings.credits is not None:
        set_credits(row, settings.credits, now)
    return row, plaintext


async def _require_key(
    session: AsyncSession,
    key_id: str,
    permission: Permission,
    *,
    lock: Literal["none", "change", "delete"] = "none",
) -> ApiKey:
    """The key, if the caller may act on it with `permission` (NOT_FOUND otherwise)."""
    row = await repo.get_key(session, key_id, lock=lock)
    if row is None:
        raise NotFound(API_KEY, key_id)
    policy.authorize(
        permission,
        row.organization_id,
        row.project_id,
        row.product_id,
        resource_type=API_KEY,
        resource_id=key_id,
    )
    return row


def _audit_record(action: str, row: ApiKey, changes: list[dict[str, Any]], reason: str = "") -> AuditRecord:
    return AuditRecord(
        action=action,
        resource_type=API_KEY,
        resource_id=row.id,
        organization_id=row.organization_id,
        project_id=row.project_id or "",
        key_id=row.id,
        reason=reason,
        changes=changes,
    )


# --- Key policies (domain/key_policy_rules.py) ------------------------------------------------
# CreateKey fills what the request leaves unset from the effective policy of the key's
# organization and project, then refuses what breaks a bound; UpdateKey does the same for the
# fields of its mask (a cleared field takes the policy's default). Both read the policy
# exactly, never from the cache (usecases/key_policies.py): CreateKey once, in
# KeyRotation.plan_create (its CreatePlan carries it into the transaction); UpdateKey in its
# transaction, and only when its mask names a field a policy bounds.


def _terms_of_new(new: NewKey) -> policy_rules.KeyTerms:
    rate_limit = new.settings.rate_limit
    return policy_rules.KeyTerms(
        environment=new.environment,
        scopes=tuple(new.settings.scopes),
        expire_time=new.expire_time,
        rate_limit=(rate_limit.requests, rate_limit.window) if rate_limit else None,
        allowed_cidrs=tuple(new.settings.allowed_cidrs),
    )


def _terms_of_row(row: ApiKey) -> policy_rules.KeyTerms:
    rate_limit = _rate_limit_of(row)
    return policy_rules.KeyTerms(
        environment=row.environment,
        scopes=tuple(row.scopes),
        expire_time=row.expire_time,
        rate_limit=(rate_limit.requests, rate_limit.window) if rate_limit else None,
        allowed_cidrs=tuple(row.allowed_cidrs),
    )


def _apply_policy_to_new(sourced: policy_rules.SourcedPolicy, new: NewKey, now: datetime) -> NewKey:
    terms = policy_rules.with_defaults(sourced.policy, _terms_of_new(new), now)
    policy_rules.require_within(sourced, terms, now)
    settings = replace(
        new.settings,
        scopes=list(terms.scopes),
        rate_limit=RateLimitSetting(*terms.rate_limit) if terms.rate_limit else None,
        allowed_cidrs=list(terms.allowed_cidrs),
    )
    return replace(new, settings=settings, expire_time=terms.expire_time)


async def _apply_policy_to_update(
    policies: KeyPolicyLookup, session: AsyncSession, row: ApiKey, paths: frozenset[str], now: datetime
) -> None:
    rules = {policy_rules.UPDATE_PATHS[path] for path in paths if path in policy_rules.UPDATE_PATHS}
    if not rules:
        return
    sourced = await policies.read(session, row.organization_id, row.project_id)
    terms = policy_rules.with_defaults(sourced.policy, _terms_of_row(row), now, rules)
    policy_rules.require_within(sourced, terms, now, rules, policy_rules.UPDATE_FIELDS)
    row.scopes = list(terms.scopes)
    row.rate_limit_requests, row.rate_limit_window = terms.rate_limit or (None, None)
    row.allowed_cidrs = list(terms.allowed_cidrs)
    row.expire_time = terms.expire_time


# --- Restricted child keys (domain/child_keys.py) ---------------------------------------------
# A child is checked against its parent at create and update; the parent's changes reach its
# children in the same transaction: revoke and delete revoke them (and their children), an
# earlier expiry caps theirs, narrower settings are refused while a child still uses more,
# and RotateKey re-points them to the successor (which has the parent's settings and expiry).

PARENT_REVOKED = "parent revoked"


def _bounds_of_row(row: ApiKey) -> child_keys.KeyBounds:
    rate_limit = _rate_limit_of(row)
    return child_keys.KeyBounds(
        organization_id=row.organization_id,
        project_id=row.project_id,
        product_id=row.product_id,
        environment=row.environment,
        scopes=list(row.scopes),
        expire_time=row.expire_time,
        allowed_cidrs=list(row.allowed_cidrs),
        rate_limit=(rate_limit.requests, rate_limit.window) if rate_limit else None,
    )


def _bounds_of_new(new: NewKey) -> child_keys.KeyBounds:
    rate_limit = new.settings.rate_limit
    return child_keys.KeyBounds(
        organization_id=new.organization_id,
        project_id=new.project_id,
        product_id=new.product_id,
        environment=new.environment,
        scopes=list(new.settings.scopes),
        expire_time=new.expire_time,
        allowed_cidrs=list(new.settings.allowed_cidrs),
        rate_limit=(rate_limit.requests, rate_limit.window) if rate_limit else None,
    )


async def _inherit_from_parent(session: AsyncSession, new: NewKey, now: datetime) -> tuple[ApiKey, NewKey]:
    """The parent, and `new` with the parent's environment (when none was given) and expiry
    (when the child has none); `_require_within_parent` checks the rest once the key policy
    has filled its defaults. The caller must be able to read the parent: a parent it cannot
    see, like one of another tenant, is NOT_FOUND."""
    assert new.parent_key_id is not None
    # Locked like any change to the parent: a concurrent revoke or rotation of it either
    # commits first (and is seen here) or waits for this child, which its cascade then finds.
    parent = await _require_key(session, new.parent_key_id, Permission.KEYS_GET, lock="change")
    if parent.organization_id != new.organization_id:
        raise child_keys.ChildKeyViolation(
            parent.id,
            [FieldViolation("parent_key_id", "belongs to another organization")],
        )
    if parent.revoke_time is not None:
        raise FailedPrecondition("the parent key is revoked", {"parentKeyId": parent.id})
    if parent.expire_time is not None and parent.expire_time <= now:
        raise FailedPrecondition("the parent key has expired", {"parentKeyId": parent.id})
    if parent.replaced_by_key_id is not None:
        raise FailedPrecondition(
            "the parent key was rotated; derive from its successor",
            {"parentKeyId": parent.id, "replacedByKeyId": parent.replaced_by_key_id},
        )
    new = replace(
        new,
        environment=new.environment if new.environment_given else parent.environment,
        expire_time=child_keys.capped_expiry(parent.expire_time, new.expire_time),
    )
    return parent, new


def _require_within_parent(parent: ApiKey, new: NewKey) -> None:
    child_keys.require_within(parent.id, _bounds_of_row(parent), _bounds_of_new(new))


async def _check_child_update(session: AsyncSession, row: ApiKey) -> None:
    """An updated child stays within its parent; a cleared expiry becomes the parent's."""
    if row.parent_key_id is None:
        return
    parent = await repo.get_key(session, row.parent_key_id)
    if parent is None or parent.revoke_time is not None:
        return  # the cascade revoked this child with its parent; UpdateKey refuses revoked keys
    row.expire_time = child_keys.capped_expiry(parent.expire_time, row.expire_time)
    child_keys.require_within(
        parent.id, _bounds_of_row(parent), _bounds_of_row(row), child_keys.UPDATE_FIELDS
    )


async def _cascade_parent_update(
    session: AsyncSession, parent: ApiKey, now: datetime
) -> list[tuple[ApiKey, datetime | None]]:
    """After `parent` changed: a direct child still holding more than the parent now allows
    refuses the change (narrow or revoke the child first); every live descendant expiring
    later than the parent now does is capped at the parent's expiry (returned with its old
    expiry, to audit and evict)."""
    bounds = _bounds_of_row(parent)
    capped: list[tuple[ApiKey, datetime | None]] = []
    generation = [parent.id]
    direct = True
    while generation:
        children = await repo.child_keys(session, generation, lock=True)
        generation = [child.id for child in children]
        for child in children:
            if child.revoke_time is not None:
                continue
            if parent.expire_time is not None and (
                child.expire_time is None or child.expire_time > parent.expire_time
            ):
                capped.append((child, child.expire_time))
                child.expire_time = parent.expire_time
                child.update_time = now
            broken = child_keys.violations(bounds, _bounds_of_row(child), child_keys.UPDATE_FIELDS)
            if direct and broken:
                raise FailedPrecondition(
                    f"child key {child.id} holds more than this change allows "
                    f"({broken[0].field}); narrow or revoke the child keys first",
                    {"childKeyId": child.id},
                )
        direct = False
    return capped


async def _revoke_descendants(
    session: AsyncSession, root: ApiKey, now: datetime, reason: str
) -> list[ApiKey]:
    """Revoke every live descendant of `root` (children, their children...), oldest first,
    and return them (each gets an audit record; the caller evicts them after commit)."""
    revoked: list[ApiKey] = []
    generation = [root.id]
    while generation:
        children = await repo.child_keys(session, generation, lock=True)
        generation = [child.id for child in children]
        for child in children:
            if child.revoke_time is not None:
                continue
            child.revoke_time = now
            child.revoke_reason = reason
            child.update_time = now
            revoked.append(child)
    return revoked


def _cascade_revoke_records(children: list[ApiKey], now: datetime) -> list[AuditRecord]:
    return [
        _audit_record(
            "key.revoke",
            child,
            [change("revoke_time", None, _stamp(now))],
            reason=child.revoke_reason,
        )
        for child in children
    ]


def _cascade_revoke_events(children: list[ApiKey]) -> list[NewKeyEvent]:
    return [
        key_event(
            KeyEventType.REVOKED, child, {"reason": child.revoke_reason, "parent_key_id": child.parent_key_id}
        )
        for child in children
    ]


async def _repoint_children(
    session: AsyncSession, old: ApiKey, successor: ApiKey, now: datetime
) -> list[ApiKey]:
    """RotateKey of a parent: its children follow the successor, which has the same settings
    and expiry cap, so they keep working after the old key's grace ends."""
    moved: list[ApiKey] = []
    for child in await repo.child_keys(session, [old.id], lock=True):
        child.parent_key_id = successor.id
        child.update_time = now
        moved.append(child)
    return moved


class KeyManagement:
    """CreateKey, GetKey, ListKeys, UpdateKey, RotateKey, RevokeKey, DeleteKey."""

    def __init__(
        self,
        db: Database,
        hasher: keyformat.KeyHasher,
        key_prefix: str,
        key_events: KeyEvents,
        pages: Pages,
        rotation: KeyRotation,
        policies: KeyPolicyLookup,
    ) -> None:
        self.db = db
        self.rotation = rotation
        self.policies = policies
        self.hasher = hasher
        self.key_prefix = key_prefix
        self.key_events = key_events
        self.pages = pages

    async def check_scope(
        self, session: AsyncSession, new: NewKey, permission: Permission = Permission.KEYS_CREATE
    ) -> None:
        """The caller may create (or import) keys in the organization; project and product
        exist, are visible, belong to it and are linked; the caller's binding covers that scope."""
        policy.require_member(permission, new.organization_id)
        await require_organization(session, new.organization_id)
        if new.project_id is not None:
            project = await require_project(session, new.project_id)
            policy.require_member(permission, project.organization_id)
            if project.organization_id != new.organization_id:
                raise InvalidArgument.field("project_id", "belongs to another organization")
        if new.product_id is not None:
            product = await require_product(session, new.product_id)
            policy.require_member(permission, product.organization_id)
            if product.organization_id != new.organization_id:
                raise InvalidArgument.field("product_id", "belongs to another organization")
        policy.authorize(permission, new.organization_id, new.project_id, new.product_id)
        if (
            new.project_id is not None
            and new.product_id is not None
            and not await repo.is_linked(session, new.project_id, new.product_id)
        ):
            raise FailedPrecondition(
                "the product is not linked to the project (AddProductToProject first)",
                {"projectId": new.project_id, "productId": new.product_id},
            )

    async def create_key(self, new: NewKey) -> tuple[ApiKey, str]:
        """Issue a key; returns the row and the plaintext (shown once, never stored)."""
        now = utcnow()
        plan = await self.rotation.plan_create(new)

        async def work(session: AsyncSession) -> tuple[ApiKey, str]:
            # Safe to re-run after a serialization failure: nothing leaves the session.
            await self.check_scope(session, new)
            key, parent = new, None
            if key.parent_key_id is not None:
                parent, key = await _inherit_from_parent(session, key, now)
            key = _apply_policy_to_new(plan.policy, key, now)
            if parent is not None:
                _require_within_parent(parent, key)
            row, plaintext = _new_row(
                self.hasher,
                self.key_prefix,
                organization_id=key.organization_id,
                project_id=key.project_id,
                product_id=key.product_id,
                environment=key.environment,
                settings=key.settings,
                expire_time=key.expire_time,
                now=now,
                parent_key_id=key.parent_key_id,
            )
            rotation_changes = await self.rotation.apply_create(session, row, plaintext, plan, now)
            repo.add_key(session, row)
            await session.flush()
            changes = [change("environment", None, row.environment), change("start", None, row.start)]
            if row.parent_key_id is not None:
                changes.append(change("parent_key_id", None, row.parent_key_id))
            changes += [change(path, None, value) for path, value in audit_values(row).items()]
            changes += rotation_changes
            await record_key_events(session, key_event(KeyEventType.CREATED, row))
            await audit(session, _audit_record("key.create", row, changes))
            return row, plaintext

        return await self.db.run(work)

    async def get_key(self, key_id: str) -> ApiKey:
        return await self.db.read(lambda session: _require_key(session, key_id, Permission.KEYS_GET))

    async def list_keys(self, listing: KeyListing) -> Page[ApiKey]:
        permission = Permission.KEYS_LIST
        parent, parent_id = listing.parent, listing.parent_id
        if parent is None:
            parent, parent_id = "organization", policy.default_organization(permission)
            if not parent_id:
                raise InvalidArgument.field(
                    "parent", "required: one of organization_id, project_id and product_id"
                )
        filters = {**listing.filters(), "parent": parent, "parent_id": parent_id}
        request = self.pages.request(listing.page_token, listing.page_size, filters, utcnow())
        async with self.db.transaction() as session:
            if parent == "organization":
                organization_id = (await require_organization(session, parent_id)).id
                policy.require_member(permission, organization_id)
            elif parent == "project":
                project = await require_project(session, parent_id)
                organization_id = project.organization_id
                policy.authorize(
                    permission, organization_id, project.id, resource_type=PROJECT, resource_id=project.id
                )
            else:
                product = await require_product(session, parent_id)
                organization_id = product.organization_id
                policy.require_member(permission, organization_id)
            rows = await repo.list_keys(
                session,
                parent=parent,
                parent_id=parent_id,
                status=listing.status,
                # Status is judged as of the first page, so a key expiring meanwhile neither
                # vanishes from nor appears in later pages.
                as_of=request.as_of,
                expire_before=listing.expire_before,
                not_used_since=listing.not_used_since,
                next_rotation_before=listing.next_rotation_before,
                after=request.cursor,
                limit=request.size + 1,
                only_projects=policy.visible_projects(permission, organization_id),
                parent_key_id=listing.parent_key_id,
            )
        return request.page(list(rows), lambda r: (r.create_time, r.id))

    async def update_key(self, update: KeyUpdate) -> ApiKey:
        now = utcnow()
        async with self.db.transaction() as session:
            row = await _require_key(session, update.key_id, Permission.KEYS_UPDATE, lock="change")
            if row.revoke_time is not None:
                raise FailedPrecondition("the key is revoked; a revoked key cannot be updated")
            before = audit_values(row)
            new = update.settings
            if "metadata.name" in update.paths:
                row.name = new.name
            if "metadata.scopes" in update.paths:
                row.scopes = list(new.scopes)
            if "metadata.rate_limit" in update.paths:
                row.rate_limit_requests = new.rate_limit.requests if new.rate_limit else None
                row.rate_limit_window = new.rate_limit.window if new.rate_limit else None
            if "metadata.custom" in update.paths:
                row.custom = dict(new.custom)
            if "expire_time" in update.paths:
                row.expire_time = update.expire_time
            if "allowed_cidrs" in update.paths:
                row.allowed_cidrs = list(new.allowed_cidrs)
            if "metadata.named_limits" in update.paths:
                set_named_limits(row, new.named_limits)
            sharers: list[str] = []
            if "credits" in update.paths:
                sharers = await credit_sharers(session, row)  # one balance: theirs changes too
                set_credits(row, new.credits, now)
            await _apply_policy_to_update(self.policies, session, row, update.paths, now)
            await _check_child_update(session, row)
            capped_children = await _cascade_parent_update(session, row, now)
            rotation_changes = self.rotation.apply_update(row, update, now)
            after = audit_values(row)
            changes = [
                change(path, before[path], after[path])
                for path in UPDATE_PATHS
                if before[path] != after[path]
            ]
            changes += rotation_changes
            if changes:
                row.update_time = now
            await session.flush()
            events = []
            if changes:
                fields = [c["field"] for c in changes]
                events.append(key_event(KeyEventType.UPDATED, row, {"fields": fields}))
            events += [
                key_event(
                    KeyEventType.UPDATED,
                    child,
                    {"fields": ["expire_time"], "reason": "parent expires sooner"},
                )
                for child, _ in capped_children
            ]
            await record_key_events(session, *events)
            records = [_audit_record("key.update", row, changes)]
            records += [
                _audit_record(
                    "key.update",
                    child,
                    [change("expire_time", _stamp(old_expiry), _stamp(child.expire_time))],
                    reason=f"parent key {row.id} expires sooner",
                )
                for child, old_expiry in capped_children
            ]
            await append_events(session, records)
        await notify_key_changed(self.key_events, row.id)
        for child, _ in capped_children:
            await notify_key_changed(self.key_events, child.id)
        for sharer in sharers:
            await notify_key_changed(self.key_events, sharer)
        return row

    async def rotate_key(self, key_id: str, grace: timedelta) -> tuple[ApiKey, str, ApiKey]:
        """A successor with the same scope, settings and expire_time; the old key expires after
        the grace period, or at its own expire_time if that is sooner. Returns
        (successor, its plaintext, the old key)."""
        now = utcnow()
        async with self.db.transaction() as session:
            old = await _require_key(session, key_id, Permission.KEYS_ROTATE, lock="change")
            successor, plaintext, moved = await self.rotate_locked(session, old, grace, now)
        await notify_key_changed(self.key_events, old.id)
        for child in moved:
            await notify_key_changed(self.key_events, child.id)
        return successor, plaintext, old

    async def rotate_locked(
        self, session: AsyncSession, old: ApiKey, grace: timedelta, now: datetime
    ) -> tuple[ApiKey, str, list[ApiKey]]:
        """RotateKey's change, in the caller's transaction on a row it locked and authorized
        (RotateKey, and the automatic rotation job in key_rotation.py). Returns the successor,
        its plaintext, and the children moved under it (to evict after commit)."""
        if old.revoke_time is not None:
            raise FailedPrecondition("the key is revoked; a revoked key cannot be rotated")
        if old.expire_time is not None and old.expire_time <= now:
            raise FailedPrecondition("the key has expired; an expired key cannot be rotated")
        if old.replaced_by_key_id is not None:
            raise FailedPrecondition(
                "the key was already rotated; rotate its successor instead",
                {"replacedByKeyId": old.replaced_by_key_id},
            )
        settings = KeySettings(
            name=old.name,
            scopes=list(old.scopes),
            rate_limit=_rate_limit_of(old),
            custom=dict(old.custom),
            allowed_cidrs=list(old.allowed_cidrs),
            named_limits=named_limits_of(old),
        )
        successor, plaintext = _new_row(
            self.hasher,
            self.key_prefix,
            organization_id=old.organization_id,
            project_id=old.project_id,
            product_id=old.product_id,
            environment=old.environment,
            settings=settings,
            expire_time=old.expire_time,
            now=now,
            rotated_from=old.id,
            parent_key_id=old.parent_key_id,
        )
        share_credits(old, successor)
        await self.rotation.inherit(session, old, successor, plaintext, now)
        repo.add_key(session, successor)
        old_expire = old.expire_time
        grace_end = now + grace
        # The grace never extends the old key's own expiry.
        old.expire_time = grace_end if old_expire is None else min(old_expire, grace_end)
        old.replaced_by_key_id = successor.id
        old.update_time = now
        await session.flush()
        moved = await _repoint_children(session, old, successor, now)
        await session.flush()
        await record_key_events(
            session,
            key_event(
                KeyEventType.ROTATED,
                old,
                {
                    "successor_key_id": successor.id,
                    "old_expire_time": _stamp(old.expire_time),
                },
            ),
            key_event(KeyEventType.CREATED, successor, {"rotated_from_key_id": old.id}),
            *[
                key_event(
                    KeyEventType.UPDATED,
                    child,
                    {
                        "fields": ["parent_key_id"],
                        "reason": "parent rotated",
                        "parent_key_id": successor.id,
                    },
                )
                for child in moved
            ],
        )
        records = [
            _audit_record(
                "key.rotate",
                old,
                [
                    change("expire_time", _stamp(old_expire), _stamp(old.expire_time)),
                    change("replaced_by_key_id", None, successor.id),
                    change("successor.start", None, successor.start),
                ],
            )
        ]
        records += [
            _audit_record(
                "key.update",
                child,
                [change("parent_key_id", old.id, successor.id)],
                reason="parent rotated",
            )
            for child in moved
        ]
        await append_events(session, records)
        return successor, plaintext, moved

    async def revoke_key(self, key_id: str, reason: str) -> ApiKey:
        """Soft and idempotent: the first revoke_time and reason are kept; revoking a revoked
        key changes nothing and writes no event."""
        now = utcnow()
        async with self.db.transaction() as session:
            row = await _require_key(session, key_id, Permission.KEYS_REVOKE, lock="change")
            if row.revoke_time is not None:
                return row
            row.revoke_time = now
            row.revoke_reason = reason
            row.update_time = now
            children = await _revoke_descendants(
                session, row, now, f"{PARENT_REVOKED}: key {row.id} was revoked"
            )
            await session.flush()
            await record_key_events(
                session,
                key_event(KeyEventType.REVOKED, row, {"reason": reason}),
                *_cascade_revoke_events(children),
            )
            records = [
                _audit_record("key.revoke", row, [change("revoke_time", None, _stamp(now))], reason=reason)
            ]
            await append_events(session, records + _cascade_revoke_records(children, now))
        await notify_key_changed(self.key_events, row.id)
        for child in children:
            await notify_key_changed(self.key_events, child.id)
        return row

    async def delete_key(self, key_id: str) -> None:
        """Erasure: the key row and its rate-limit counters go; the audit history stays (it
        never held secrets)."""
        async with self.db.transaction() as session:
            row = await _require_key(session, key_id, Permission.KEYS_DELETE, lock="delete")
            record = _audit_record("key.delete", row, [])
            now = utcnow()
            children = await _revoke_descendants(
                session, row, now, f"{PARENT_REVOKED}: key {row.id} was deleted"
            )
            await session.flush()
            deleted = key_event(KeyEventType.DELETED, row)
            await repo.delete_key(session, key_id)
            await record_key_events(session, deleted, *_cascade_revoke_events(children))
            await append_events(session, [record, *_cascade_revoke_records(children, now)])
        await notify_key_changed(self.key_events, key_id)
        for child in children:
            await notify_key_changed(self.key_events, child.id)
