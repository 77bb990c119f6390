"""Principals, their tokens, and authenticating callers.

Tokens are Keyturn keys with the `kta` prefix: same shape and checksum (typos and random
strings are rejected before the database), stored as HMAC-SHA256 under the versioned server
secret, looked up by hash under every secret version. The plaintext is returned once and
never stored or logged.

Authenticated principals are cached briefly (`principal_cache_ttl_seconds`), keyed by the
token's keyed hash (never the plaintext). Revoking a token or updating a principal evicts
the entries on this replica at once; other replicas drop theirs within the TTL.

Every change is audited in the same transaction, with the acting principal as actor.
"""

from __future__ import annotations

import asyncio
import base64
import hmac
import json
import time
import uuid
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from keyturn_server.config import Settings
from keyturn_server.domain import access as policy
from keyturn_server.domain import keyformat
from keyturn_server.domain.access import Permission, Role, RoleBinding
from keyturn_server.domain.audit import AuditRecord, ResourceType, change
from keyturn_server.domain.errors import (
    AlreadyExists,
    CallerForbidden,
    CallerUnauthenticated,
    FailedPrecondition,
    InvalidArgument,
    KeyInvalid,
    NotFound,
)
from keyturn_server.store import access as repo
from keyturn_server.store import models
from keyturn_server.store.audit import append_events
from keyturn_server.store.db import Database

MAX_NAME = 200
MAX_DESCRIPTION = 200
MAX_IDENTITY = 500
DEFAULT_PAGE_SIZE = 100
MAX_PAGE_SIZE = 1000
BOOTSTRAP_ACTOR = "system:bootstrap"


def _now() -> datetime:
    return datetime.now(UTC)


def to_policy_principal(row: models.Principal, method: str = "") -> policy.Principal:
    return policy.Principal(
        id=row.id,
        name=row.name,
        bindings=tuple(RoleBinding.from_json(raw) for raw in row.roles or ()),
        disabled=row.disabled,
        certificate_identity=row.certificate_identity or "",
        authentication_method=method,
    )


def bindings_of(row: models.Principal) -> list[RoleBinding]:
    return [RoleBinding.from_json(raw) for raw in row.roles or ()]


# ---------------------------------------------------------------------------------------
# Page tokens: opaque, grant nothing (filters are re-applied on every page).


def encode_page_token(create_time: datetime, item_id: str) -> str:
    raw = json.dumps([create_time.astimezone(UTC).isoformat(), item_id]).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_page_token(token: str) -> tuple[datetime, str] | None:
    if not token:
        return None
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        stamp, item_id = json.loads(raw)
        return datetime.fromisoformat(stamp), str(item_id)
    except (ValueError, TypeError) as exc:
        raise InvalidArgument.field("page_token", "not a page token of this list") from exc


def page_size(value: int) -> int:
    if value < 0 or value > MAX_PAGE_SIZE:
        raise InvalidArgument.field("page_size", f"must be between 1 and {MAX_PAGE_SIZE}")
    return value or DEFAULT_PAGE_SIZE


# ---------------------------------------------------------------------------------------
# The principal cache.


@dataclass(frozen=True)
class _Cached:
    principal: policy.Principal
    token_id: str
    expire_time: datetime | None
    cached_at: float


class PrincipalCache:
    """Bounded, short-lived: token hash (or certificate identity) -> authenticated principal."""

    def __init__(self, ttl_seconds: float, max_entries: int = 10_000) -> None:
        self.ttl = ttl_seconds
        self.max_entries = max_entries
        self._entries: OrderedDict[str, _Cached] = OrderedDict()
        # Bumped by every eviction: a lookup that started before a revoke must not cache
        # what it read (see put).
        self.generation = 0

    def get(self, key: str) -> _Cached | None:
        entry = self._entries.get(key)
        if entry is None:
            return None
        if time.monotonic() - entry.cached_at > self.ttl:
            self._entries.pop(key, None)
            return None
        return entry

    def put(
        self,
        key: str,
        principal: policy.Principal,
        token_id: str,
        expire_time: datetime | None,
        generation: int | None = None,
    ) -> None:
        if self.ttl <= 0 or (generation is not None and generation != self.generation):
            return
        self._entries[key] = _Cached(principal, token_id, expire_time, time.monotonic())
        self._entries.move_to_end(key)
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)

    def evict_principal(self, principal_id: str) -> None:
        self.generation += 1
        for key in [k for k, v in self._entries.items() if v.principal.id == principal_id]:
            self._entries.pop(key, None)

    def evict_token(self, token_id: str) -> None:
        self.generation += 1
        for key in [k for k, v in self._entries.items() if v.token_id == token_id]:
            self._entries.pop(key, None)

    def clear(self) -> None:
        self.generation += 1
        self._entries.clear()


# ---------------------------------------------------------------------------------------
# Requests as the use cases see them.


@dataclass(frozen=True)
class PrincipalInput:
    name: str
    bindings: tuple[RoleBinding, ...]
    certificate_identity: str = ""
    disabled: bool = False


@dataclass(frozen=True)
class PrincipalPage:
    principals: list[models.Principal]
    next_page_token: str


@dataclass(frozen=True)
class TokenPage:
    tokens: list[models.PrincipalToken]
    next_page_token: str


def _validate_input(data: PrincipalInput) -> None:
    violations = []
    name = data.name.strip()
    if not name or len(name) > MAX_NAME or name != data.name:
        violations.append(
            ("principal.name", f"required, 1..{MAX_NAME} characters, no surrounding whitespace")
        )
    if len(data.certificate_identity) > MAX_IDENTITY:
        violations.append(("principal.certificate_identity", f"at most {MAX_IDENTITY} characters"))
    if violations:
        from keyturn_server.domain.errors import FieldViolation

        raise InvalidArgument([FieldViolation(f, d) for f, d in violations])
    policy.validate_bindings(data.bindings)


def _is_admin(bindings: Sequence[RoleBinding]) -> bool:
    return any(b.role is Role.ADMIN for b in bindings)


def _principal_orgs(bindings: Sequence[RoleBinding]) -> set[str]:
    return {b.organization_id for b in bindings if b.organization_id}


def _audit_org(bindings: Sequence[RoleBinding]) -> str:
    """The organization a principal event belongs to: its only organization, else none."""
    orgs = _principal_orgs(bindings)
    return orgs.pop() if len(orgs) == 1 else ""


class AccessUseCases:
    def __init__(self, db: Database, settings: Settings) -> None:
        self.db = db
        self.settings = settings
        self.cache = PrincipalCache(settings.principal_cache_ttl_seconds)
        self._in_flight: dict[str, asyncio.Future[policy.Principal]] = {}
        # Set by setup_access: tells other replicas to drop their cached callers.
        self.announce: Callable[[str], Awaitable[None]] | None = None

    async def _announce(self, principal_id: str) -> None:
        if self.announce is not None:
            await self.announce(principal_id)

    # -- authentication ------------------------------------------------------------------

    async def authenticate_token(self, presented: str) -> policy.Principal:
        """The principal a bearer token belongs to; CallerUnauthenticated for anything else."""
        try:
            keyformat.parse(presented, policy.TOKEN_PREFIX)
        except KeyInvalid:
            raise CallerUnauthenticated("the bearer token is malformed") from None
        secrets = self.settings.secrets
        hashes = [keyformat.key_hash(s.value, presented) for s in secrets]
        cache_key = "t:" + hashes[0]
        cached = self.cache.get(cache_key)
        if cached is not None:
            if cached.expire_time is not None and cached.expire_time <= _now():
                self.cache.evict_token(cached.token_id)
                raise CallerUnauthenticated("the bearer token has expired")
            return cached.principal
        # Concurrent misses for one token (a cold cache under load) share one query.
        flight = self._in_flight.get(cache_key)
        if flight is None:
            flight = asyncio.ensure_future(self._load_token(presented, hashes, cache_key))
            self._in_flight[cache_key] = flight
            flight.add_done_callback(self._flight_done(cache_key))
        return await asyncio.shield(flight)

    def _flight_done(self, cache_key: str) -> Callable[[asyncio.Future[policy.Principal]], None]:
        def done(future: asyncio.Future[policy.Principal]) -> None:
            self._in_flight.pop(cache_key, None)
            if not future.cancelled():
                future.exception()  # retrieved here, so an abandoned failure is not reported

        return done

    async def _load_token(self, presented: str, hashes: list[str], cache_key: str) -> policy.Principal:
        secrets = self.settings.secrets
        generation = self.cache.generation
        async with self.db.transaction() as session:
            found = await repo.token_by_hashes(session, hashes)
        if found is None:
            raise CallerUnauthenticated("the bearer token is not valid")
        token, row = found
        expected = dict(zip((s.version for s in secrets), hashes, strict=True)).get(token.secret_version, "")
        if not hmac.compare_digest(expected, token.token_hash):
            raise CallerUnauthenticated("the bearer token is not valid")
        if token.revoke_time is not None:
            raise CallerUnauthenticated("the bearer token has been revoked")
        if token.expire_time is not None and token.expire_time <= _now():
            raise CallerUnauthenticated("the bearer token has expired")
        if row.disabled:
            raise CallerUnauthenticated("the principal is disabled")
        if token.secret_version != secrets[0].version:
            await self._rehash(token.id, hashes[0], secrets[0].version)
        principal = to_policy_principal(row, "token")
        self.cache.put(cache_key, principal, token.id, token.expire_time, generation)
        return principal

    async def _rehash(self, token_id: str, token_hash: str, version: int) -> None:
        """Move a token hashed under an older secret version to the newest (like API keys)."""
        async with self.db.transaction() as session:
            token = await repo.get_token(session, token_id)
            if token is not None:
                token.token_hash, token.secret_version = token_hash, version

    async def authenticate_certificate(self, identities: Sequence[str]) -> policy.Principal:
        """The principal mapped to the first of the certificate's identities that has one."""
        for identity in identities:
            if not identity:
                continue
            cache_key = "c:" + identity
            cached = self.cache.get(cache_key)
            if cached is not None:
                return cached.principal
            async with self.db.transaction() as session:
                row = await repo.principal_by_certificate_identity(session, identity)
            if row is None:
                continue
            if row.disabled:
                raise CallerUnauthenticated("the principal is disabled")
            principal = to_policy_principal(row, "certificate")
            self.cache.put(cache_key, principal, "", None)
            return principal
        raise CallerUnauthenticated("the client certificate is not mapped to a principal")

    # -- authorization helpers -----------------------------------------------------------

    @staticmethod
    def _visible(row: models.Principal, permission: Permission) -> bool:
        caller = policy.caller()
        if caller is None or caller.is_global(permission) or caller.id == row.id:
            return True
        mine = set(caller.organizations(permission))
        return bool(mine & _principal_orgs(bindings_of(row)))

    @staticmethod
    def _check_grantable(bindings: Sequence[RoleBinding]) -> None:
        """The caller may grant exactly these bindings.

        Only ADMIN grants ADMIN and CRYPTO; an ORG_ADMIN grants roles in its own
        organizations (another organization is NOT_FOUND, as everywhere else).
        """
        caller = policy.caller()
        permission = Permission.PRINCIPALS_MANAGE
        if caller is None or caller.is_global(permission):
            return
        if any(b.is_global for b in bindings):
            raise CallerForbidden(permission.value)
        mine = set(caller.organizations(permission))
        for b in bindings:
            if b.organization_id not in mine:
                raise NotFound(ResourceType.ORGANIZATION, b.organization_id)

    @staticmethod
    def _check_manageable(row: models.Principal) -> None:
        """The caller may change this (visible) principal: every role it holds is grantable."""
        caller = policy.caller()
        permission = Permission.PRINCIPALS_MANAGE
        if caller is None or caller.is_global(permission):
            return
        bindings = bindings_of(row)
        mine = set(caller.organizations(permission))
        if not bindings or any(b.is_global or b.organization_id not in mine for b in bindings):
            raise CallerForbidden(permission.value)

    async def _load_visible(
        self, session: AsyncSession, principal_id: str, permission: Permission
    ) -> models.Principal:
        row = await repo.get_principal(session, principal_id) if principal_id else None
        if row is None or not self._visible(row, permission):
            raise NotFound(ResourceType.PRINCIPAL, principal_id)
        return row

    async def _load_manageable(self, session: AsyncSession, principal_id: str) -> models.Principal:
        row = await self._load_visible(session, principal_id, Permission.PRINCIPALS_MANAGE)
        self._check_manageable(row)
        return row

    # -- principals ----------------------------------------------------------------------

    async def create_principal(self, data: PrincipalInput) -> models.Principal:
        _validate_input(data)
        self._check_grantable(data.bindings)
        now = _now()
        row = models.Principal(
            id=str(uuid.uuid4()),
            name=data.name,
            roles=[b.to_json() for b in data.bindings],
            certificate_identity=data.certificate_identity or None,
            disabled=data.disabled,
            create_time=now,
            update_time=now,
        )
        try:
            async with self.db.transaction() as session:
                await self._check_unique(session, data, exclude_id="")
                await self._check_targets(session, data.bindings)
                session.add(row)
                await append_events(
                    session,
                    [
                        AuditRecord(
                            action="principal.create",
                            resource_type=ResourceType.PRINCIPAL,
                            resource_id=row.id,
                            organization_id=_audit_org(data.bindings),
                            changes=[
                                change("name", None, data.name),
                                change("roles", None, row.roles),
                                change("certificate_identity", None, data.certificate_identity),
                                change("disabled", None, data.disabled),
                            ],
                        )
                    ],
                )
        except IntegrityError:  # a concurrent create took the name or identity
            raise AlreadyExists(ResourceType.PRINCIPAL, "") from None
        return row

    async def _check_unique(self, session: AsyncSession, data: PrincipalInput, exclude_id: str) -> None:
        same_name = await repo.principal_by_name(session, data.name)
        if same_name is not None and same_name.id != exclude_id:
            raise AlreadyExists(ResourceType.PRINCIPAL, same_name.id if self._visible_any(same_name) else "")
        if data.certificate_identity:
            same_identity = await repo.principal_by_certificate_identity(session, data.certificate_identity)
            if same_identity is not None and same_identity.id != exclude_id:
                raise InvalidArgument.field(
                    "principal.certificate_identity", "already mapped to another principal"
                )

    @staticmethod
    async def _check_targets(session: AsyncSession, bindings: Sequence[RoleBinding]) -> None:
        """Bindings name tenants that exist (a project or product of the binding's organization)."""
        for binding in bindings:
            missing = await repo.binding_target_missing(
                session, binding.organization_id, binding.project_id, binding.product_id
            )
            if missing:
                ident = {
                    "Organization": binding.organization_id,
                    "Project": binding.project_id,
                    "Product": binding.product_id,
                }[missing]
                raise NotFound(missing, ident)

    def _visible_any(self, row: models.Principal) -> bool:
        return self._visible(row, Permission.PRINCIPALS_GET)

    async def get_principal(self, principal_id: str) -> models.Principal:
        async with self.db.transaction() as session:
            return await self._load_visible(session, principal_id, Permission.PRINCIPALS_GET)

    async def list_principals(self, organization_id: str, size: int, token: str) -> PrincipalPage:
        limit = page_size(size)
        after = decode_page_token(token)
        caller = policy.caller()
        if organization_id and caller is not None:
            policy.authorize(Permission.PRINCIPALS_LIST, organization_id, resource_id=organization_id)
        async with self.db.transaction() as session:
            rows = await repo.all_principals(session)
        visible = []
        for row in rows:
            if organization_id and organization_id not in _principal_orgs(bindings_of(row)):
                continue
            if not self._visible(row, Permission.PRINCIPALS_LIST):
                continue
            if after is not None and (row.create_time, row.id) <= after:
                continue
            visible.append(row)
        page = visible[:limit]
        next_token = ""
        if len(visible) > limit:
            next_token = encode_page_token(page[-1].create_time, page[-1].id)
        return PrincipalPage(page, next_token)

    async def update_principal(self, principal_id: str, data: PrincipalInput) -> models.Principal:
        if not principal_id:
            raise InvalidArgument.field("principal.id", "required")
        _validate_input(data)
        async with self.db.transaction() as session:
            row = await self._load_manageable(session, principal_id)
            self._check_grantable(data.bindings)
            await self._check_unique(session, data, exclude_id=row.id)
            await self._check_targets(session, data.bindings)
            old_bindings = bindings_of(row)
            losing_admin = _is_admin(old_bindings) and not row.disabled
            keeps_admin = _is_admin(data.bindings) and not data.disabled
            if losing_admin and not keeps_admin:
                others = [
                    p
                    for p in await repo.all_principals(session)
                    if p.id != row.id and not p.disabled and _is_admin(bindings_of(p))
                ]
                if not others:
                    raise FailedPrecondition("the last enabled ADMIN principal cannot be disabled or demoted")
            new_roles = [b.to_json() for b in data.bindings]
            changes = []
            for name, old, new in (
                ("name", row.name, data.name),
                ("roles", row.roles, new_roles),
                ("certificate_identity", row.certificate_identity or "", data.certificate_identity),
                ("disabled", row.disabled, data.disabled),
            ):
                if old != new:
                    changes.append(change(name, old, new))
            row.name = data.name
            row.roles = new_roles
            row.certificate_identity = data.certificate_identity or None
            row.disabled = data.disabled
            if changes:
                row.update_time = _now()
                await session.flush()
                await append_events(
                    session,
                    [
                        AuditRecord(
                            action="principal.update",
                            resource_type=ResourceType.PRINCIPAL,
                            resource_id=row.id,
                            organization_id=_audit_org([*old_bindings, *data.bindings]),
                            changes=changes,
                        )
                    ],
                )
        self.cache.evict_principal(row.id)
        await self._announce(row.id)
        return row

    # -- tokens --------------------------------------------------------------------------

    async def create_token(
        self, principal_id: str, description: str, expire_time: datetime | None
    ) -> tuple[models.PrincipalToken, str]:
        if len(description) > MAX_DESCRIPTION:
            raise InvalidArgument.field("description", f"at most {MAX_DESCRIPTION} characters")
        if expire_time is not None and expire_time <= _now():
            raise InvalidArgument.field("expire_time", "must be in the future")
        async with self.db.transaction() as session:
            row = await self._load_manageable(session, principal_id)
            token, plaintext = await self._issue(session, row, description, expire_time)
        return token, plaintext

    async def _issue(
        self,
        session: AsyncSession,
        row: models.Principal,
        description: str,
        expire_time: datetime | None,
        actor: str = "",
    ) -> tuple[models.PrincipalToken, str]:
        plaintext = keyformat.generate(policy.TOKEN_PREFIX, "live")
        secret = self.settings.current_secret
        token = models.PrincipalToken(
            id=str(uuid.uuid4()),
            principal_id=row.id,
            token_hash=keyformat.key_hash(secret.value, plaintext),
            secret_version=secret.version,
            start=keyformat.parse(plaintext, policy.TOKEN_PREFIX).start,
            description=description,
            create_time=_now(),
            expire_time=expire_time,
            revoke_time=None,
        )
        session.add(token)
        await session.flush()
        await append_events(
            session,
            [
                AuditRecord(
                    action="principal.token.create",
                    resource_type=ResourceType.PRINCIPAL_TOKEN,
                    resource_id=token.id,
                    organization_id=_audit_org(bindings_of(row)),
                    actor=actor,
                    changes=[
                        change("principal_id", None, row.id),
                        change("start", None, token.start),
                        change("description", None, description),
                        change(
                            "expire_time",
                            None,
                            expire_time.astimezone(UTC).isoformat() if expire_time else None,
                        ),
                    ],
                )
            ],
        )
        return token, plaintext

    async def list_tokens(self, principal_id: str, size: int, page_token: str) -> TokenPage:
        limit = page_size(size)
        after = decode_page_token(page_token)
        async with self.db.transaction() as session:
            await self._load_visible(session, principal_id, Permission.PRINCIPALS_GET)
            rows = list(await repo.list_tokens(session, principal_id, after, limit + 1))
        page = rows[:limit]
        next_token = encode_page_token(page[-1].create_time, page[-1].id) if len(rows) > limit else ""
        return TokenPage(page, next_token)

    async def revoke_token(self, token_id: str) -> models.PrincipalToken:
        if not token_id:
            raise InvalidArgument.field("id", "required")
        async with self.db.transaction() as session:
            token = await repo.get_token(session, token_id)
            if token is None:
                raise NotFound(ResourceType.PRINCIPAL_TOKEN, token_id)
            try:
                row = await self._load_manageable(session, token.principal_id)
            except NotFound:
                raise NotFound(ResourceType.PRINCIPAL_TOKEN, token_id) from None
            if token.revoke_time is None:
                token.revoke_time = _now()
                await session.flush()
                await append_events(
                    session,
                    [
                        AuditRecord(
                            action="principal.token.revoke",
                            resource_type=ResourceType.PRINCIPAL_TOKEN,
                            resource_id=token.id,
                            organization_id=_audit_org(bindings_of(row)),
                            changes=[
                                change("principal_id", None, row.id),
                                change("revoke_time", None, token.revoke_time.isoformat()),
                            ],
                        )
                    ],
                )
        self.cache.evict_token(token.id)
        await self._announce(token.principal_id)
        return token

    # -- bootstrap -----------------------------------------------------------------------

    async def admin_exists(self) -> bool:
        async with self.db.transaction() as session:
            rows = await repo.all_principals(session)
        return any(_is_admin(bindings_of(r)) for r in rows)

    async def bootstrap_admin(self, name: str = "admin", force: bool = False) -> tuple[models.Principal, str]:
        """Create the first ADMIN principal and a token for it (or, with force, a new token).

        Refuses (FailedPrecondition) when an ADMIN already exists, unless `force`: then the
        principal called `name` is (re)made an enabled ADMIN and given a new token, which is
        how a lost admin token is recovered by whoever controls the database.
        """
        async with self.db.transaction() as session:
            rows = await repo.all_principals(session)
            if not force and any(_is_admin(bindings_of(r)) for r in rows):
                raise FailedPrecondition(
                    "an ADMIN principal already exists; use --force to issue another admin token"
                )
            row = next((r for r in rows if r.name == name), None)
            admin = RoleBinding(Role.ADMIN)
            now = _now()
            if row is None:
                row = models.Principal(
                    id=str(uuid.uuid4()),
                    name=name,
                    roles=[admin.to_json()],
                    certificate_identity=None,
                    disabled=False,
                    create_time=now,
                    update_time=now,
                )
                session.add(row)
                await session.flush()
                record = AuditRecord(
                    action="principal.create",
                    resource_type=ResourceType.PRINCIPAL,
                    resource_id=row.id,
                    actor=BOOTSTRAP_ACTOR,
                    changes=[change("name", None, name), change("roles", None, row.roles)],
                )
                await append_events(session, [record])
            elif not _is_admin(bindings_of(row)) or row.disabled:
                old_roles, old_disabled = list(row.roles), row.disabled
                row.roles = [*row.roles, admin.to_json()] if not _is_admin(bindings_of(row)) else row.roles
                row.disabled = False
                row.update_time = now
                await session.flush()
                record = AuditRecord(
                    action="principal.update",
                    resource_type=ResourceType.PRINCIPAL,
                    resource_id=row.id,
                    actor=BOOTSTRAP_ACTOR,
                    changes=[change("roles", old_roles, row.roles), change("disabled", old_disabled, False)],
                )
                await append_events(session, [record])
            _, plaintext = await self._issue(session, row, "bootstrap", None, actor=BOOTSTRAP_ACTOR)
        self.cache.evict_principal(row.id)
        await self._announce(row.id)
        return row, plaintext


def setup_access(runtime: Any) -> AccessUseCases:
    """The runtime's one AccessUseCases (shared by the interceptor and the servicer)."""
    access = runtime.extras.get("access")
    if not isinstance(access, AccessUseCases):
        access = AccessUseCases(runtime.db, runtime.settings)
        runtime.extras["access"] = access
    bus = runtime.extras.get("key_event_bus")
    if bus is not None and access.announce is None:
        # Replicas on PostgreSQL: principal and token changes reach the others at once
        # (LISTEN/NOTIFY on the key-event channel), not only after the cache TTL.
        bus.subscribe("principal", access.cache.clear)
        access.announce = bus.principal_changed
    return access
