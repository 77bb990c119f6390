"""Rotation policies and recoverable API keys: CreateKey/UpdateKey/RotateKey hooks, RevealKey,
and the scheduler job that rotates (AUTOMATIC) or reminds (REMIND).

Recoverable keys. The plaintext is encrypted with a managed CryptoKey of the key's
organization, never with the root key directly: an ENCRYPT_DECRYPT key named
`RECOVERY_KEY_NAME`, created on first use through CryptoKeys.create_key (so it is audited,
wrapped under the root key ring and rotatable like every managed key). Names under
`keyturn.` are reserved: only Keyturn's own code can create such a key (CryptoKeys.create_key
refuses them to callers), so the name alone identifies it; the label `RESERVED_LABEL` it is
created with only marks it for people reading the vault, and is not checked. The
ciphertext's associated data binds it to the API key's id, so a ciphertext copied onto
another key row does not open. Sealing and opening run inside the
caller's transaction (CryptoKeys.seal_within/open_within), so the plaintext and its
ciphertext commit together with the key row. Non-recoverable keys stay hash-only.

RevealKey needs keys.reveal (role KEY_REVEALER; not KEY_MANAGER, not ORG_ADMIN), is limited
per principal and minute by one atomic counter statement (the rate-limit counter's, in table
`reveal_counter`), and every reveal is an audit record `key.reveal` with the actor.

Exactly-once automatic rotation: the job selects due keys, then for each one locks the row
(FOR NO KEY UPDATE on PostgreSQL, SQLite's write lock), checks it is still due and not
replaced, and rotates it through KeyManagement.rotate_locked (RotateKey's own code) in that
transaction. A second replica or a re-run finds the key replaced and skips it.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, delete, or_, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from keyturn_server.domain import access as policy
from keyturn_server.domain import key_rotation as rot
from keyturn_server.domain import managed_keys as mk
from keyturn_server.domain.access import Permission
from keyturn_server.domain.audit import FAILURE, SUCCESS, AuditRecord, ResourceType, change
from keyturn_server.domain.context import RequestMeta, current_request
from keyturn_server.domain.errors import (
    AlreadyExists,
    DataLoss,
    DecryptionFailed,
    FailedPrecondition,
    KeyNotRecoverable,
    NotFound,
    RateLimited,
)
from keyturn_server.domain.key_events import KeyEventType
from keyturn_server.domain.key_policy import RotationSpec
from keyturn_server.domain.key_policy_rules import SourcedPolicy
from keyturn_server.store import crypto_keys as crypto_repo
from keyturn_server.store import repositories as repo
from keyturn_server.store.db import Database
from keyturn_server.store.models import ApiKey, RevealCounter
from keyturn_server.usecases import audit, key_event, notify_key_changed, record_key_events
from keyturn_server.usecases.crypto_keys import CryptoKeys, NewCryptoKey
from keyturn_server.usecases.key_policies import KeyPolicyLookup
from keyturn_server.usecases.tenancy import require_organization

if TYPE_CHECKING:
    from keyturn_server.domain.ports import KeyEvents
    from keyturn_server.usecases.keys import KeyManagement, KeyUpdate, NewKey

log = logging.getLogger("keyturn.key_rotation")

API_KEY = ResourceType.API_KEY
ROTATION_PATH = "rotation"
RECOVERY_KEY_NAME = "keyturn.recoverable-api-keys"
# Written on the recovery key when it is created; not checked (the reserved name is).
RESERVED_LABEL = "keyturn-reserved"
RESERVED_VALUE = "recoverable-api-keys"
SYSTEM_ACTOR = "system"
JOB_BATCH = 100
REVEAL_WINDOW_SECONDS = 60

_CONSUME_REVEAL = text(
    "INSERT INTO reveal_counter (principal_id, window_start, count) VALUES (:principal, :start, 1) "
    "ON CONFLICT (principal_id, window_start) DO UPDATE SET count = reveal_counter.count + 1 "
    "WHERE reveal_counter.count + 1 <= :limit RETURNING count"
)


def _stamp(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat().replace("+00:00", "Z")


def _associated_data(key_id: str) -> bytes:
    return b"keyturn:api_key:" + key_id.encode()


@contextlib.contextmanager
def trusted() -> Iterator[None]:
    """Run in-process code with no principal (everything allowed), e.g. creating the
    organization's reserved managed key for a caller who may create API keys there."""
    token = policy.current_principal.set(None)
    try:
        yield
    finally:
        policy.current_principal.reset(token)


@contextlib.contextmanager
def as_system() -> Iterator[None]:
    """The scheduler's changes: no principal, actor `system` on events and audit records."""
    token = current_request.set(RequestMeta(actor=SYSTEM_ACTOR, method="scheduler"))
    try:
        with trusted():
            yield
    finally:
        current_request.reset(token)


def spec_of_row(row: ApiKey) -> RotationSpec | None:
    return rot.spec_of(row.rotation_mode, row.rotation_period_seconds, row.rotation_grace_seconds)


def rotation_audit_value(spec: RotationSpec | None) -> dict[str, Any] | None:
    if spec is None:
        return None
    return {
        "mode": spec.mode,
        "period_seconds": int(spec.period.total_seconds()),
        "grace_seconds": int(spec.grace.total_seconds()),
    }


def _own_expiry(row: ApiKey) -> datetime | None:
    """The key's expiry before any REMIND cap (see domain/key_rotation.py)."""
    return row.expire_cap if row.rotation_mode == rot.REMIND else row.expire_time


def _apply_spec(row: ApiKey, spec: RotationSpec | None, issued: datetime, cap: datetime | None) -> None:
    row.rotation_mode = spec.mode if spec else None
    row.rotation_period_seconds = int(spec.period.total_seconds()) if spec else None
    row.rotation_grace_seconds = int(spec.grace.total_seconds()) if spec else None
    row.next_rotation_time = rot.due_time(issued, spec) if spec else None
    row.rotation_reminders = 0
    row.expire_cap = cap if spec is not None and spec.mode == rot.REMIND else None
    row.expire_time = rot.expire_time_for(cap, spec, row.next_rotation_time)


@dataclass(frozen=True)
class CreatePlan:
    """What CreateKey applies beyond the request's settings: the resolved rotation policy
    and recoverability (request first, then the effective key policy), and that effective
    policy itself, read once here, for the defaults and bounds CreateKey's transaction
    applies (usecases/keys.py)."""

    rotation: RotationSpec | None
    recoverable: bool
    policy: SourcedPolicy


class KeyRotation:
    """Hooks for KeyManagement (create/update/rotate), RevealKey, and the rotation job."""

    def __init__(
        self, db: Database, crypto_keys: CryptoKeys, policies: KeyPolicyLookup, reveal_limit_per_minute: int
    ) -> None:
        self.db = db
        self.crypto_keys = crypto_keys
        self.policies = policies
        self.reveal_limit = reveal_limit_per_minute

    # ==== the organization's recovery key ========================================================

    async def _find_recovery_key(self, session: AsyncSession, organization_id: str) -> str | None:
        """The reserved name alone identifies it: only Keyturn creates `keyturn.` keys."""
        row = await crypto_repo.find_key_by_name(session, organization_id, RECOVERY_KEY_NAME)
        return None if row is None else row.id

    async def ensure_recovery_key(self, organization_id: str) -> str:
        """The organization's reserved ENCRYPT_DECRYPT key, created on first use (racing
        creators agree through the (organization, name) uniqueness)."""
        async with self.db.transaction() as session:
            found = await self._find_recovery_key(session, organization_id)
        if found is not None:
            return found
        with trusted():
            try:
                created = await self.crypto_keys.create_key(
                    NewCryptoKey(
                        organization_id=organization_id,
                        project_id=None,
                        name=RECOVERY_KEY_NAME,
                        purpose=mk.Purpose.ENCRYPT_DECRYPT,
                        algorithm=mk.Algorithm.AES_256_GCM,
                        labels={RESERVED_LABEL: RESERVED_VALUE},
                    ),
                    internal=True,
                )
                return created.id
            except AlreadyExists:
                pass
        async with self.db.transaction() as session:
            found = await self._find_recovery_key(session, organization_id)
        if found is None:  # created and deleted meanwhile: let the caller retry
            raise FailedPrecondition("the organization's recovery key is missing; retry")
        return found

    async def _seal(self, session: AsyncSession, row: ApiKey, plaintext: str) -> None:
        recovery_key = await self._find_recovery_key(session, row.organization_id)
        if recovery_key is None:
            raise FailedPrecondition("the organization's recovery key is missing; retry")
        row.recoverable = True
        row.recovery_ciphertext = await self.crypto_keys.seal_within(
            session, recovery_key, plaintext.encode(), _associated_data(row.id)
        )

    # ==== hooks called by KeyManagement ===========================================================

    async def plan_create(self, new: NewKey) -> CreatePlan:
        """Before CreateKey's transaction: the effective policy (read once, exactly, and
        handed to the transaction in the plan), the rotation policy and recoverability
        (request, else that policy), and the organization's recovery key when needed. This
        must run before the transaction: creating the recovery key is a CryptoKeys.create_key
        transaction of its own (audited; on SQLite a second transaction inside CreateKey's
        would wait for its write lock). The caller is checked first, so nothing is created
        in an organization it cannot use."""
        permission = Permission.KEYS_CREATE
        policy.require_member(permission, new.organization_id)
        policy.authorize(permission, new.organization_id, new.project_id, new.product_id)
        async with self.db.transaction() as session:
            await require_organization(session, new.organization_id)
            sourced = await self.policies.read(session, new.organization_id, new.project_id)
        effective = sourced.policy
        rotation = new.rotation if new.rotation is not None else effective.rotation
        recoverable = new.recoverable if new.recoverable is not None else bool(effective.recoverable)
        rot.require_recoverable_for("rotation", rotation, recoverable)
        if recoverable:
            await self.ensure_recovery_key(new.organization_id)
        return CreatePlan(rotation=rotation, recoverable=recoverable, policy=sourced)

    async def apply_create(
        self, session: AsyncSession, row: ApiKey, plaintext: str, plan: CreatePlan, now: datetime
    ) -> list[dict[str, Any]]:
        """Inside CreateKey's transaction, before the row is added. Returns audit changes."""
        _apply_spec(row, plan.rotation, now, row.expire_time)
        row.recoverable = False
        if plan.recoverable:
            await self._seal(session, row, plaintext)
        return [
            change(ROTATION_PATH, None, rotation_audit_value(plan.rotation)),
            change("next_rotation_time", None, _stamp(row.next_rotation_time)),
            change("recoverable", None, row.recoverable),
        ]

    async def inherit(
        self, session: AsyncSession, old: ApiKey, successor: ApiKey, plaintext: str, now: datetime
    ) -> None:
        """Inside a rotation (RotateKey or the job), before the successor is added: it gets the
        old key's rotation policy (due a period from now), its own expiry cap (never extended)
        and recoverability."""
        spec = spec_of_row(old)
        _apply_spec(successor, spec, now, _own_expiry(old))
        successor.recoverable = False
        if old.recoverable:
            await self._seal(session, successor, plaintext)
        old.next_rotation_time = None

    def apply_update(self, row: ApiKey, update: KeyUpdate, now: datetime) -> list[dict[str, Any]]:
        """Inside UpdateKey, after the other paths were applied: the `rotation` path (set or
        clear), and a REMIND key's cap when `expire_time` changes. Returns audit changes."""
        if ROTATION_PATH not in update.paths and "expire_time" not in update.paths:
            return []
        before = spec_of_row(row)
        # UpdateKey already wrote the new expire_time when that path is named: it is the cap.
        cap = row.expire_time if "expire_time" in update.paths else _own_expiry(row)
        if ROTATION_PATH in update.paths and update.rotation != before:
            spec = update.rotation
            if row.replaced_by_key_id is not None and spec is not None:
                raise FailedPrecondition(
                    "the key was already rotated; set the policy on its successor",
                    {"replacedByKeyId": row.replaced_by_key_id},
                )
            rot.require_recoverable_for("key.rotation", spec, row.recoverable)
            _apply_spec(row, spec, row.create_time, cap)
            if row.replaced_by_key_id is not None:
                row.next_rotation_time = None
            return [change(ROTATION_PATH, rotation_audit_value(before), rotation_audit_value(spec))]
        if before is not None and before.mode == rot.REMIND:
            # Same policy, new expiry: re-cap it, keeping the due time and the reminders sent.
            row.expire_cap = cap
            row.expire_time = rot.expire_time_for(cap, before, row.next_rotation_time)
        return []

    # ==== RevealKey ================================================================================

    async def _take_reveal_quota(self, session: AsyncSession, now: datetime) -> None:
        principal = policy.current_principal.get()
        if principal is None:
            return  # trusted in-process code
        start = int(now.timestamp()) // REVEAL_WINDOW_SECONDS * REVEAL_WINDOW_SECONDS
        got = (
            await session.execute(
                _CONSUME_REVEAL, {"principal": principal.id, "start": start, "limit": self.reveal_limit}
            )
        ).first()
        if got is None:
            reset = datetime.fromtimestamp(start + REVEAL_WINDOW_SECONDS, tz=now.tzinfo)
            raise RateLimited(self.reveal_limit, "MINUTE", reset, max(0.0, (reset - now).total_seconds()))

    async def reveal_key(self, key_id: str, now: datetime) -> tuple[ApiKey, str]:
        """The key and its plaintext, for a caller with keys.reveal on the key's tenant."""
        async with self.db.transaction() as session:
            row = await repo.get_key(session, key_id)
            if row is None:
                raise NotFound(API_KEY, key_id)
            policy.authorize(
                Permission.KEYS_REVEAL,
                row.organization_id,
                row.project_id,
                row.product_id,
                resource_type=API_KEY,
                resource_id=key_id,
            )
            await self._take_reveal_quota(session, now)
            if not row.recoverable or row.recovery_ciphertext is None:
                raise KeyNotRecoverable(key_id)
            if row.revoke_time is not None:
                raise FailedPrecondition("the key is revoked; a revoked key is not revealed")
            try:
                plaintext: bytes | None = await self.crypto_keys.open_within(
                    session, row.recovery_ciphertext, _associated_data(row.id)
                )
            except (DecryptionFailed, DataLoss):
                # Server-side: the row was altered (or copied from another key), or the
                # managed key's material does not unwrap. DATA_LOSS for the caller, the failed
                # reveal audited (committed: nothing else changed); ids only in the log.
                log.error("a recoverable key's ciphertext does not open (key_id=%s)", row.id)
                plaintext = None
            await audit(
                session,
                AuditRecord(
                    action="key.reveal",
                    outcome=SUCCESS if plaintext is not None else FAILURE,
                    reason="" if plaintext is not None else DataLoss.reason,
                    resource_type=API_KEY,
                    resource_id=row.id,
                    organization_id=row.organization_id,
                    project_id=row.project_id or "",
                    key_id=row.id,
                ),
            )
        if plaintext is None:
            raise DataLoss(API_KEY, row.id)
        return row, plaintext.decode()

    # ==== the scheduler job ========================================================================

    async def run_due(self, keys: KeyManagement, key_events: KeyEvents, now: datetime) -> tuple[int, int]:
        """One run of the job: rotate due AUTOMATIC keys, remind due REMIND keys, prune ended
        reveal windows. Returns (rotated, reminders). Safe to re-run and to run on two
        replicas at once: every key is re-checked under its row lock."""
        with as_system():
            rotated = await self._rotate_due(keys, key_events, now)
            reminded = await self._remind_due(now)
            async with self.db.transaction() as session:
                cutoff = int(now.timestamp()) - 2 * REVEAL_WINDOW_SECONDS
                await session.execute(delete(RevealCounter).where(RevealCounter.window_start < cutoff))
        return rotated, reminded

    @staticmethod
    def _live(now: datetime) -> Any:
        return and_(
            ApiKey.revoke_time.is_(None),
            ApiKey.replaced_by_key_id.is_(None),
            ApiKey.next_rotation_time.is_not(None),
            ApiKey.next_rotation_time <= now,
        )

    async def _due_ids(self, mode: str, now: datetime, extra: Any = None) -> list[str]:
        conditions = [self._live(now), ApiKey.rotation_mode == mode]
        if extra is not None:
            conditions.append(extra)
        async with self.db.transaction() as session:
            stmt = (
                select(ApiKey.id)
                .where(*conditions)
                .order_by(ApiKey.next_rotation_time, ApiKey.id)
                .limit(JOB_BATCH)
            )
            return list((await session.scalars(stmt)).all())

    async def _rotate_due(self, keys: KeyManagement, key_events: KeyEvents, now: datetime) -> int:
        rotated = 0
        alive = or_(ApiKey.expire_time.is_(None), ApiKey.expire_time > now)
        for key_id in await self._due_ids(rot.AUTOMATIC, now, alive):
            try:
                async with self.db.transaction() as session:
                    row = await repo.get_key(session, key_id, lock="change")
                    if (
                        row is None
                        or row.rotation_mode != rot.AUTOMATIC
                        or row.replaced_by_key_id is not None
                        or row.revoke_time is not None
                        or row.next_rotation_time is None
                        or row.next_rotation_time > now
                        or (row.expire_time is not None and row.expire_time <= now)
                    ):
                        continue  # rotated, changed or gone since the listing
                    spec = spec_of_row(row)
                    assert spec is not None
                    _, _, moved = await keys.rotate_locked(session, row, spec.grace, now)
            except Exception:
                log.exception("automatic rotation failed (key_id=%s); retried next run", key_id)
                continue
            await notify_key_changed(key_events, key_id)
            for child in moved:
                await notify_key_changed(key_events, child.id)
            rotated += 1
        return rotated

    async def _remind_due(self, now: datetime) -> int:
        sent = 0
        for key_id in await self._due_ids(
            rot.REMIND, now, ApiKey.rotation_reminders < rot.REMINDED_GRACE_END
        ):
            async with self.db.transaction() as session:
                row = await repo.get_key(session, key_id, lock="change")
                spec = None if row is None else spec_of_row(row)
                if (
                    row is None
                    or spec is None
                    or spec.mode != rot.REMIND
                    or row.replaced_by_key_id is not None
                    or row.revoke_time is not None
                    or row.next_rotation_time is None
                    or row.next_rotation_time > now
                ):
                    continue
                due = row.next_rotation_time
                grace_end = due + spec.grace
                data = {"due_time": _stamp(due), "expire_time": _stamp(row.expire_time)}
                events = []
                if row.rotation_reminders < rot.REMINDED_DUE:
                    events.append(
                        key_event(
                            KeyEventType.ROTATION_DUE,
                            row,
                            {**data, "stage": "due"},
                            dedupe=f"rotation_due:{row.id}:{_stamp(due)}",
                        )
                    )
                    row.rotation_reminders = rot.REMINDED_DUE
                if now >= grace_end:
                    events.append(
                        key_event(
                            KeyEventType.ROTATION_DUE,
                            row,
                            {**data, "stage": "grace_end"},
                            dedupe=f"rotation_grace_end:{row.id}:{_stamp(due)}",
                        )
                    )
                    row.rotation_reminders = rot.REMINDED_GRACE_END
                if events:
                    await session.flush()
                    await record_key_events(session, *events)
                    sent += len(events)
        return sent


__all__ = [
    "RECOVERY_KEY_NAME",
    "RESERVED_LABEL",
    "ROTATION_PATH",
    "CreatePlan",
    "KeyRotation",
    "as_system",
    "trusted",
]
