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
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Literal

from sqlalchemy.ext.asyncio import AsyncSession

from keyturn_server.domain import access as policy
from keyturn_server.domain import keyformat
from keyturn_server.domain.access import Permission
from keyturn_server.domain.audit import AuditRecord, ResourceType, change
from keyturn_server.domain.errors import FailedPrecondition, InvalidArgument, NotFound
from keyturn_server.domain.key_events import KeyEventType
from keyturn_server.domain.ports import KeyEvents
from keyturn_server.domain.ratelimit import CreditSetting, NamedLimit
from keyturn_server.store import repositories as repo
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
    credits_audit_value,
    named_limits_of,
    set_credits,
    set_named_limits,
)
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


@dataclass(frozen=True)
class KeyUpdate:
    """A validated UpdateKey request: the new values of the update_mask paths in `paths`
    (other fields of `settings`/`expire_time` are ignored)."""

    key_id: str
    paths: frozenset[str]
    settings: KeySettings
    expire_time: datetime | None


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

    def filters(self) -> dict[str, Any]:
        return {
            "list": "keys",
            "parent": self.parent,
            "parent_id": self.parent_id,
            "status": self.status,
            "expire_before": _stamp(self.expire_before),
            "not_used_since": _stamp(self.not_used_since),
        }


def _stamp(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat().replace("+00:00", "Z")


def _rate_limit_of(row: ApiKey) -> RateLimitSetting | None:
    if row.rate_limit_requests is None or row.rate_limit_window is None:
        return None
    return RateLimitSetting(row.rate_limit_requests, row.rate_limit_window)


def _audit_values(row: ApiKey) -> dict[str, Any]:
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


class KeyManagement:
    """CreateKey, GetKey, ListKeys, UpdateKey, RotateKey, RevokeKey, DeleteKey."""

    def __init__(
        self, db: Database, hasher: keyformat.KeyHasher, key_prefix: str, key_events: KeyEvents, pages: Pages
    ) -> None:
        self.db = db
        self.hasher = hasher
        self.key_prefix = key_prefix
        self.key_events = key_events
        self.pages = pages

    async def _check_scope(self, session: AsyncSession, new: NewKey) -> None:
        """The caller may create keys in the organization; project and product exist, are
        visible, belong to it and are linked; the caller's binding covers that scope."""
        permission = Permission.KEYS_CREATE
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

        async def work(session: AsyncSession) -> tuple[ApiKey, str]:
            # Safe to re-run after a serialization failure: nothing leaves the session.
            await self._check_scope(session, new)
            row, plaintext = _new_row(
                self.hasher,
                self.key_prefix,
                organization_id=new.organization_id,
                project_id=new.project_id,
                product_id=new.product_id,
                environment=new.environment,
                settings=new.settings,
                expire_time=new.expire_time,
                now=now,
            )
            repo.add_key(session, row)
            await session.flush()
            changes = [change("environment", None, row.environment), change("start", None, row.start)]
            changes += [change(path, None, value) for path, value in _audit_values(row).items()]
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
                after=request.cursor,
                limit=request.size + 1,
                only_projects=policy.visible_projects(permission, organization_id),
            )
        return request.page(list(rows), lambda r: (r.create_time, r.id))

    async def update_key(self, update: KeyUpdate) -> ApiKey:
        now = utcnow()
        async with self.db.transaction() as session:
            row = await _require_key(session, update.key_id, Permission.KEYS_UPDATE, lock="change")
            if row.revoke_time is not None:
                raise FailedPrecondition("the key is revoked; a revoked key cannot be updated")
            before = _audit_values(row)
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
            if "credits" in update.paths:
                set_credits(row, new.credits, now)
            after = _audit_values(row)
            changes = [
                change(path, before[path], after[path])
                for path in UPDATE_PATHS
                if before[path] != after[path]
            ]
            if changes:
                row.update_time = now
            await session.flush()
            if changes:
                fields = [c["field"] for c in changes]
                await record_key_events(session, key_event(KeyEventType.UPDATED, row, {"fields": fields}))
            await audit(session, _audit_record("key.update", row, changes))
        await notify_key_changed(self.key_events, row.id)
        return row

    async def rotate_key(self, key_id: str, grace: timedelta) -> tuple[ApiKey, str, ApiKey]:
        """A successor with the same scope, settings and expire_time; the old key expires after
        the grace period, or at its own expire_time if that is sooner. Returns
        (successor, its plaintext, the old key)."""
        now = utcnow()
        async with self.db.transaction() as session:
            old = await _require_key(session, key_id, Permission.KEYS_ROTATE, lock="change")
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
            )
            repo.add_key(session, successor)
            old_expire = old.expire_time
            grace_end = now + grace
            # The grace never extends the old key's own expiry.
            old.expire_time = grace_end if old_expire is None else min(old_expire, grace_end)
            old.replaced_by_key_id = successor.id
            old.update_time = now
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
            )
            await audit(
                session,
                _audit_record(
                    "key.rotate",
                    old,
                    [
                        change("expire_time", _stamp(old_expire), _stamp(old.expire_time)),
                        change("replaced_by_key_id", None, successor.id),
                        change("successor.start", None, successor.start),
                    ],
                ),
            )
        await notify_key_changed(self.key_events, old.id)
        return successor, plaintext, old

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
            await session.flush()
            await record_key_events(session, key_event(KeyEventType.REVOKED, row, {"reason": reason}))
            await audit(
                session,
                _audit_record("key.revoke", row, [change("revoke_time", None, _stamp(now))], reason=reason),
            )
        await notify_key_changed(self.key_events, row.id)
        return row

    async def delete_key(self, key_id: str) -> None:
        """Erasure: the key row and its rate-limit counters go; the audit history stays (it
        never held secrets)."""
        async with self.db.transaction() as session:
            row = await _require_key(session, key_id, Permission.KEYS_DELETE, lock="delete")
            record = _audit_record("key.delete", row, [])
            deleted = key_event(KeyEventType.DELETED, row)
            await repo.delete_key(session, key_id)
            await record_key_events(session, deleted)
            await audit(session, record)
        await notify_key_changed(self.key_events, key_id)
