"""Principals (callers of the management API), their roles and their tokens.

Every change is audited in the same transaction, with the acting principal as actor, and
then evicts the principal from the authentication cache here (Authenticator) and on every
other replica (the key-event bus's `principal` topic). Visibility: a caller sees principals
that share an organization with it (global callers see all), and manages those whose every
role it could grant.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from keyturn_server.domain import access as policy
from keyturn_server.domain import keyformat
from keyturn_server.domain.access import Permission, Role, RoleBinding
from keyturn_server.domain.audit import AuditRecord, ResourceType, change
from keyturn_server.domain.errors import (
    AlreadyExists,
    CallerForbidden,
    FailedPrecondition,
    FieldViolation,
    InvalidArgument,
    NotFound,
)
from keyturn_server.domain.ports import KeyEvents
from keyturn_server.store import access as repo
from keyturn_server.store import models
from keyturn_server.store.audit import append_events
from keyturn_server.store.db import Database
from keyturn_server.store.repositories import Cursor
from keyturn_server.usecases import Page, Pages
from keyturn_server.usecases.authenticate import Authenticator

MAX_NAME = 200
MAX_DESCRIPTION = 200
MAX_IDENTITY = 500
BOOTSTRAP_ACTOR = "system:bootstrap"
_SCAN_BATCH = 500


def _now() -> datetime:
    return datetime.now(UTC)


def bindings_of(row: models.Principal) -> list[RoleBinding]:
    return [RoleBinding.from_json(raw) for raw in row.roles or ()]


@dataclass(frozen=True)
class PrincipalInput:
    name: str
    bindings: tuple[RoleBinding, ...]
    certificate_identity: str = ""
    disabled: bool = False


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


class Principals:
    def __init__(
        self,
        db: Database,
        hasher: keyformat.KeyHasher,
        authenticator: Authenticator,
        key_events: KeyEvents,
        pages: Pages,
    ) -> None:
        self.db = db
        self.hasher = hasher
        self.authenticator = authenticator
        self.key_events = key_events
        self.pages = pages

    async def _changed(self, principal_id: str) -> None:
        """After commit: drop the principal's cached authentications here and everywhere."""
        self.authenticator.forget_principal(principal_id)
        await self.key_events.principal_changed(principal_id)

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

    async def list_principals(self, organization_id: str, size: int, token: str) -> Page[models.Principal]:
        """Oldest first. Principals' roles live in one JSON column, so visibility is applied
        while scanning in key order: every page is full, whatever the caller sees."""
        if organization_id:
            policy.authorize(Permission.PRINCIPALS_LIST, organization_id, resource_id=organization_id)
        request = self.pages.request(
            token, size, {"list": "principals", "organization_id": organization_id}, _now()
        )
        wanted = request.size + 1
        visible: list[models.Principal] = []
        after = request.cursor
        async with self.db.transaction() as session:
            while len(visible) < wanted:
                batch = await repo.principals_after(session, after, _SCAN_BATCH)
                for row in batch:
                    in_org = not organization_id or organization_id in _principal_orgs(bindings_of(row))
                    if in_org and self._visible(row, Permission.PRINCIPALS_LIST):
                        visible.append(row)
                if len(batch) < _SCAN_BATCH:
                    break
                after = Cursor(batch[-1].create_time, batch[-1].id)
        return request.page(visible[:wanted], lambda r: (r.create_time, r.id))

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
        await self._changed(row.id)
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
        token = models.PrincipalToken(
            id=str(uuid.uuid4()),
            principal_id=row.id,
            token_hash=self.hasher.current(plaintext),
            secret_version=self.hasher.current_version,
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

    async def list_tokens(self, principal_id: str, size: int, page_token: str) -> Page[models.PrincipalToken]:
        request = self.pages.request(
            page_token, size, {"list": "tokens", "principal_id": principal_id}, _now()
        )
        async with self.db.transaction() as session:
            await self._load_visible(session, principal_id, Permission.PRINCIPALS_GET)
            after = (request.cursor.create_time, request.cursor.id) if request.cursor else None
            rows = list(await repo.list_tokens(session, principal_id, after, request.size + 1))
        return request.page(rows, lambda r: (r.create_time, r.id))

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
        await self._changed(token.principal_id)
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
        await self._changed(row.id)
        return row, plaintext
