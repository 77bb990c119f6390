"""ImportKeys, and how ValidateKey finds a key imported from another system.

Import. Each key becomes an ordinary `api_key` row (so GetKey, ListKeys, UpdateKey,
RotateKey, RevokeKey, DeleteKey and every validation check treat it as any other key) whose
`key_hash` is a placeholder that no keyed hash can equal (`imported:` + a random id, with
secret version 0, which no configured secret has), plus an `imported_key` row with the old
system's hash as given (it is a hash, not a plaintext). An HMAC secret is stored once per
organization, wrapped under the root key (RootKeyRing kind `imported_key_secret`), and found
again by a keyed fingerprint; it never appears in a log line, an error or an audit record,
and neither does any hash. The batch runs in one transaction; per key, the answer is the new
key or the error, and with `atomic` any error stores nothing. Each imported key gets one
`key.import` audit record in that transaction.

Validation (called by usecases/validate.py only when a presented plaintext does NOT have
Keyturn's key shape, and only while this deployment holds imported keys: nothing changes on
the hot path of native keys, and a Keyturn-shaped typo is still rejected by its checksum
offline). Whether imported keys exist is cached per replica for the key-cache TTL and reset
at once on every replica by the `imports` key-event topic after an import. A pending key is
found by its SHA-256 / SHA-512 digest and its HMAC-SHA256 under each stored secret (one
indexed query), or by its lookup hint for bcrypt (then at most MAX_BCRYPT_CANDIDATES bcrypt
checks, off the event loop). After the first successful validation `rehash` moves the key
to Keyturn's keyed hash and clears the imported hash, in one transaction guarded by the
placeholder: concurrent validations on several replicas compute the same keyed hash, the
first UPDATE wins and the others change nothing.
"""

from __future__ import annotations

import asyncio
import logging
import math
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Protocol

from sqlalchemy import and_, delete, exists, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from keyturn_server.domain import imported_keys as ik
from keyturn_server.domain.access import Permission
from keyturn_server.domain.audit import AuditRecord, ResourceType, change
from keyturn_server.domain.errors import (
    Aborted,
    AlreadyExists,
    BatchItemAborted,
    DomainError,
    FailedPrecondition,
    KeyHashExists,
)
from keyturn_server.domain.keyformat import KeyHasher
from keyturn_server.domain.keyset import RootKeyRing, UnwrapFailed, WrappedMaterial
from keyturn_server.store.db import Database
from keyturn_server.store.models import ApiKey, ImportedKey, ImportedKeySecret
from keyturn_server.usecases import audit, utcnow
from keyturn_server.usecases.keys import KeyManagement, NewKey, audit_values

log = logging.getLogger("keyturn.imported_keys")

SECRET_KIND = "imported_key_secret"  # noqa: S105 - a RootKeyRing kind, not a secret
TOPIC_IMPORTS = "imports"
PLACEHOLDER_PREFIX = "imported:"
PLACEHOLDER_VERSION = 0
MAX_BCRYPT_CHECKS = 2 * ik.MAX_BCRYPT_CANDIDATES


class Announcer(Protocol):
    """The key-event bus's topic announcements (store/keyevents.py KeyEventBus)."""

    async def announce(self, topic: str, subject: str = "") -> None: ...


@dataclass(frozen=True)
class ImportItem:
    """One validated ImportedKey."""

    new: NewKey
    algorithm: ik.HashAlgorithm
    hash: str  # normalised (domain.imported_keys.normalise_hash)
    lookup_hint: str
    external_id: str


@dataclass(frozen=True)
class ImportBatch:
    """A validated ImportKeys request: per key either an ImportItem or its decoding error."""

    items: Sequence[ImportItem | DomainError]
    hmac_secret: bytes = field(default=b"", repr=False)
    atomic: bool = False
    validate_only: bool = False


Outcome = ApiKey | DomainError


@dataclass
class _State:
    """What this replica knows about imported keys (refreshed every `ttl` seconds)."""

    any_imported: bool
    pending: bool
    secrets: list[tuple[str, bytes]]
    loaded_at: float


class ImportedKeys:
    """ImportKeys, and the validation fallback for keys imported by their old hashes."""

    def __init__(
        self,
        db: Database,
        hasher: KeyHasher,
        ring: RootKeyRing,
        keys: KeyManagement,
        key_events: Announcer,
        ttl_seconds: float,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.db = db
        self.hasher = hasher
        self.ring = ring
        self.keys = keys
        self.key_events = key_events
        self.ttl = ttl_seconds
        self.clock = clock
        self._state: _State | None = None
        self._loading: asyncio.Future[_State] | None = None

    # ---- ImportKeys ---------------------------------------------------------------------

    async def import_keys(self, batch: ImportBatch) -> list[Outcome]:
        now = utcnow()

        async def work(session: AsyncSession) -> list[Outcome]:
            # Safe to re-run after a serialization failure: everything is rebuilt here.
            outcomes = await self._check(session, batch)
            failed = any(isinstance(o, DomainError) for o in outcomes)
            if batch.atomic and failed:
                return [o if isinstance(o, DomainError) else BatchItemAborted() for o in outcomes]
            if batch.validate_only:
                return outcomes
            secrets: dict[str, str] = {}
            imported: list[ImportedKey] = []
            for index, outcome in enumerate(outcomes):
                item = batch.items[index]
                if isinstance(outcome, DomainError) or isinstance(item, DomainError):
                    continue
                secret_id = None
                if item.algorithm is ik.HashAlgorithm.HMAC_SHA256:
                    org = item.new.organization_id
                    if org not in secrets:
                        secrets[org] = await self._secret_row(session, org, batch.hmac_secret, now)
                    secret_id = secrets[org]
                session.add(outcome)
                imported.append(_imported_row(outcome, item, secret_id, now))
            # The keys first: imported_key references api_key without an ORM relationship, so
            # the unit of work does not order the two tables by itself.
            await session.flush()
            session.add_all(imported)
            await session.flush()
            for index, outcome in enumerate(outcomes):
                item = batch.items[index]
                if isinstance(outcome, ApiKey) and isinstance(item, ImportItem):
                    await audit(session, _audit_record(outcome, item))
            return outcomes

        try:
            outcomes = await self.db.run(work)
        except IntegrityError:
            # A concurrent import stored one of these hashes, external ids or secrets between
            # our checks and our inserts: check again, now seeing it (per-key answers).
            try:
                outcomes = await self.db.run(work)
            except IntegrityError:
                raise Aborted("a concurrent import conflicted with this one; retry") from None
        if not batch.validate_only and any(isinstance(o, ApiKey) for o in outcomes):
            self.forget_state()
            try:
                await self.key_events.announce(TOPIC_IMPORTS)
            except Exception:
                # Committed already; other replicas see the import within the state TTL.
                log.warning("could not announce an import to other replicas", exc_info=True)
        return outcomes

    async def _check(self, session: AsyncSession, batch: ImportBatch) -> list[Outcome]:
        """Per key: the row it would become, or why not (scope, duplicates)."""
        now = utcnow()
        scopes: dict[tuple[str, str | None, str | None], DomainError | None] = {}
        outcomes: list[Outcome] = []
        items = [item for item in batch.items if isinstance(item, ImportItem)]
        digests = [i.hash for i in items if i.algorithm is not ik.HashAlgorithm.BCRYPT]
        bcrypts = [i.hash for i in items if i.algorithm is ik.HashAlgorithm.BCRYPT]
        stored_hashes: set[str] = set()
        if digests:
            stored_hashes |= set(
                await session.scalars(select(ImportedKey.digest).where(ImportedKey.digest.in_(digests)))
            )
        if bcrypts:
            stored_hashes |= set(
                await session.scalars(
                    select(ImportedKey.bcrypt_hash).where(ImportedKey.bcrypt_hash.in_(bcrypts))
                )
            )
        external = [(i.new.organization_id, i.external_id) for i in items if i.external_id]
        stored_external: dict[tuple[str, str], str] = {}
        if external:
            rows = await session.execute(
                select(ImportedKey.organization_id, ImportedKey.external_id, ImportedKey.key_id).where(
                    ImportedKey.external_id.in_([e for _, e in external])
                )
            )
            stored_external = {(org, ext): key for org, ext, key in rows if ext is not None}
        hints = [i.lookup_hint for i in items if i.algorithm is ik.HashAlgorithm.BCRYPT]
        hint_counts: dict[str, int] = {}
        if hints:
            counted = await session.execute(
                select(ImportedKey.lookup_hint, func.count())
                .where(ImportedKey.lookup_hint.in_(hints), ImportedKey.bcrypt_hash.is_not(None))
                .group_by(ImportedKey.lookup_hint)
            )
            hint_counts = {hint: int(count) for hint, count in counted if hint is not None}
        seen_hashes: set[str] = set()
        seen_external: set[tuple[str, str]] = set()
        for item in batch.items:
            if isinstance(item, DomainError):
                outcomes.append(item)
                continue
            scope = (item.new.organization_id, item.new.project_id, item.new.product_id)
            if scope not in scopes:
                scopes[scope] = await self._scope_error(session, item.new)
            error = scopes[scope]
            if error is not None:
                outcomes.append(error)
                continue
            # The external id first: a re-run of an import names the key it made.
            ext = (item.new.organization_id, item.external_id)
            if item.external_id and ext in stored_external:
                outcomes.append(AlreadyExists(ResourceType.API_KEY, stored_external[ext]))
                continue
            if item.external_id and ext in seen_external:
                outcomes.append(AlreadyExists(ResourceType.API_KEY, ""))
                continue
            if item.hash in stored_hashes or item.hash in seen_hashes:
                outcomes.append(KeyHashExists())
                continue
            if item.algorithm is ik.HashAlgorithm.BCRYPT:
                count = hint_counts.get(item.lookup_hint, 0)
                if count >= ik.MAX_BCRYPT_CANDIDATES:
                    outcomes.append(_too_many_sharing(item.lookup_hint))
                    continue
                hint_counts[item.lookup_hint] = count + 1
            seen_hashes.add(item.hash)
            if item.external_id:
                seen_external.add(ext)
            outcomes.append(_key_row(item, now))
        return outcomes

    async def _scope_error(self, session: AsyncSession, new: NewKey) -> DomainError | None:
        try:
            await self.keys.check_scope(session, new, Permission.KEYS_IMPORT)
        except DomainError as error:
            return error
        return None

    async def _secret_row(
        self, session: AsyncSession, organization_id: str, secret: bytes, now: datetime
    ) -> str:
        """The id of the organization's row for this HMAC secret, stored now if new."""
        fingerprint = self.hasher.current("imported-hmac-secret\x00" + secret.hex())
        found = await session.scalar(
            select(ImportedKeySecret.id).where(
                ImportedKeySecret.organization_id == organization_id,
                ImportedKeySecret.fingerprint == fingerprint,
            )
        )
        if found is not None:
            return found
        secret_id = str(uuid.uuid4())
        wrapped = self.ring.wrap(secret, SECRET_KIND, secret_id)
        session.add(
            ImportedKeySecret(
                id=secret_id,
                organization_id=organization_id,
                fingerprint=fingerprint,
                wrapped_secret=wrapped.ciphertext,
                root_key_version=wrapped.root_key_version,
                create_time=now,
            )
        )
        await session.flush()
        return secret_id

    # ---- validation fallback ------------------------------------------------------------

    async def rewrap_secrets(self, batch: int = 500, unreadable: list[tuple[str, str]] | None = None) -> int:
        """Re-wrap every imported HMAC secret under the newest root-key version (part of
        `keyturn rotate-root-key`); conditional per row, so safe beside live servers. With
        `unreadable` given, a secret no configured root key opens is left as it is and named
        there (table, id); without it the first such secret raises UnwrapFailed."""
        current = self.ring.current_version
        done = 0
        skipped: set[str] = set()
        while True:
            limit = batch + len(skipped)  # the rows left behind come back in every batch
            async with self.db.transaction() as session:
                rows = list(
                    await session.scalars(
                        select(ImportedKeySecret)
                        .where(ImportedKeySecret.root_key_version != current)
                        .order_by(ImportedKeySecret.id)
                        .limit(limit)
                    )
                )
                for row in rows:
                    if row.id in skipped:
                        continue
                    old = WrappedMaterial(row.wrapped_secret, row.root_key_version)
                    try:
                        fresh = self.ring.rewrap(old, SECRET_KIND, row.id)
                    except UnwrapFailed:
                        if unreadable is None:
                            raise
                        log.error(
                            "stored imported-key secret does not unwrap (id=%s root_key_version=%s)",
                            row.id,
                            row.root_key_version,
                        )
                        skipped.add(row.id)
                        unreadable.append(("imported_key_secret", row.id))
                        continue
                    moved = await session.execute(
                        update(ImportedKeySecret)
                        .where(
                            ImportedKeySecret.id == row.id,
                            ImportedKeySecret.root_key_version == row.root_key_version,
                        )
                        .values(wrapped_secret=fresh.ciphertext, root_key_version=fresh.root_key_version)
                    )
                    done += int(getattr(moved, "rowcount", 0) or 0)
            if len(rows) < limit:
                return done

    def forget_state(self) -> None:
        """Imports changed (here or on another replica): look again on the next need."""
        if self._state is not None:
            self._state = replace(self._state, loaded_at=-math.inf)

    async def _current_state(self) -> _State:
        """The cached state; reloaded once it is older than the TTL (concurrent callers share
        one load). During a database outage a stale state is used rather than none, so that
        values of another shape keep being refused offline while no import is known."""
        state = self._state
        if state is not None and self.clock() - state.loaded_at < self.ttl:
            return state
        if self._loading is None:
            self._loading = asyncio.ensure_future(self._load_state())
        loading = self._loading
        try:
            return await asyncio.shield(loading)
        except Exception:
            if state is None:
                raise
            log.warning("could not refresh what is known of imported keys; using the last state")
            return state
        finally:
            if self._loading is loading and loading.done():
                self._loading = None

    async def _load_state(self) -> _State:
        async def read(session: AsyncSession) -> tuple[bool, bool, list[ImportedKeySecret]]:
            any_imported = bool(await session.scalar(select(exists().select_from(ImportedKey))))
            pending = bool(await session.scalar(select(exists().where(ImportedKey.rehash_time.is_(None)))))
            rows = list(await session.scalars(select(ImportedKeySecret))) if pending else []
            return any_imported, pending, rows

        any_imported, pending, rows = await self.db.read(read)
        secrets: list[tuple[str, bytes]] = []
        for row in rows:
            try:
                secrets.append(
                    (
                        row.id,
                        self.ring.unwrap(
                            WrappedMaterial(row.wrapped_secret, row.root_key_version), SECRET_KIND, row.id
                        ),
                    )
                )
            except UnwrapFailed:
                # Its root-key version is no longer configured, or the row was tampered with.
                log.error("an imported HMAC secret does not unwrap (id=%s)", row.id)
        state = _State(any_imported, pending, secrets, self.clock())
        self._state = state
        return state

    async def may_hold(self, plaintext: str) -> bool:
        """Could this plaintext, which failed Keyturn's offline shape check, be an imported
        key? False (no I/O) for a Keyturn-shaped plaintext with a bad checksum, and (from
        the cached state) while the deployment holds no imported keys."""
        if ik.has_native_shape(plaintext):
            return False
        return (await self._current_state()).any_imported

    async def find(self, plaintext: str) -> ApiKey | None:
        """The pending imported key whose old hash matches the plaintext, if any."""
        state = await self._current_state()
        if not state.pending:
            return None
        digests = ik.Digests.of(plaintext, state.secrets)
        hints = ik.hint_candidates(plaintext)
        condition: ColumnElement[bool] = ImportedKey.digest.in_(list(digests.by_digest))
        if hints:
            condition = or_(
                condition,
                and_(ImportedKey.lookup_hint.in_(hints), ImportedKey.bcrypt_hash.is_not(None)),
            )

        async def read(session: AsyncSession) -> list[ImportedKey]:
            query = select(ImportedKey).where(ImportedKey.rehash_time.is_(None), condition)
            return list(await session.scalars(query.limit(MAX_BCRYPT_CHECKS + len(digests.by_digest))))

        candidates = await self.db.read(read)
        match: str | None = None
        for row in candidates:
            if row.digest is not None and digests.matches(row.algorithm, row.digest, row.secret_id):
                match = row.key_id
                break
        if match is None:
            checks = 0
            for row in candidates:
                if row.bcrypt_hash is None or checks >= MAX_BCRYPT_CHECKS:
                    continue
                checks += 1
                if await asyncio.to_thread(ik.bcrypt_matches, plaintext, row.bcrypt_hash):
                    match = row.key_id
                    break
        if match is None:
            return None
        key_id = match

        async def load(session: AsyncSession) -> ApiKey | None:
            return await session.get(ApiKey, key_id)

        return await self.db.read(load)

    async def rehash(self, row: ApiKey, new_hash: str, version: int) -> None:
        """Move a pending imported key to Keyturn's keyed hash and drop its imported hash;
        a no-op when another validation (here or on another replica) got there first."""
        now = utcnow()
        async with self.db.transaction() as session:
            moved = await session.execute(
                update(ApiKey)
                .where(ApiKey.id == row.id, ApiKey.key_hash == row.key_hash)
                .values(key_hash=new_hash, secret_version=version)
            )
            if getattr(moved, "rowcount", 0) != 1:
                return
            secret_id = await session.scalar(
                select(ImportedKey.secret_id).where(ImportedKey.key_id == row.id)
            )
            await session.execute(
                update(ImportedKey)
                .where(ImportedKey.key_id == row.id)
                .values(digest=None, bcrypt_hash=None, secret_id=None, lookup_hint=None, rehash_time=now)
            )
            if secret_id is not None:
                still_used = exists().where(ImportedKey.secret_id == secret_id)
                await session.execute(
                    delete(ImportedKeySecret).where(ImportedKeySecret.id == secret_id, ~still_used)
                )
        log.info("re-hashed an imported key", extra={"fields": {"key_id": row.id}})


def is_placeholder(key_hash: str) -> bool:
    return key_hash.startswith(PLACEHOLDER_PREFIX)


def _too_many_sharing(hint: str) -> DomainError:
    return FailedPrecondition(
        f"{ik.MAX_BCRYPT_CANDIDATES} pending bcrypt keys already share this lookup_hint; "
        "import them after some have been used, or give longer hints",
        {"limit": str(ik.MAX_BCRYPT_CANDIDATES)},
    )


def _key_row(item: ImportItem, now: datetime) -> ApiKey:
    new, settings = item.new, item.new.settings
    return ApiKey(
        id=str(uuid.uuid4()),
        organization_id=new.organization_id,
        project_id=new.project_id,
        product_id=new.product_id,
        key_hash=PLACEHOLDER_PREFIX + uuid.uuid4().hex,
        secret_version=PLACEHOLDER_VERSION,
        start=item.lookup_hint,
        environment=new.environment,
        name=settings.name,
        scopes=list(settings.scopes),
        rate_limit_requests=settings.rate_limit.requests if settings.rate_limit else None,
        rate_limit_window=settings.rate_limit.window if settings.rate_limit else None,
        custom=dict(settings.custom),
        allowed_cidrs=list(settings.allowed_cidrs),
        create_time=now,
        update_time=now,
        expire_time=new.expire_time,
        revoke_time=None,
        revoke_reason="",
        use_count=0,
        last_used_time=None,
        rotated_from_key_id=None,
        replaced_by_key_id=None,
    )


def _imported_row(key: ApiKey, item: ImportItem, secret_id: str | None, now: datetime) -> ImportedKey:
    bcrypt = item.algorithm is ik.HashAlgorithm.BCRYPT
    return ImportedKey(
        key_id=key.id,
        organization_id=key.organization_id,
        external_id=item.external_id or None,
        algorithm=item.algorithm.value,
        digest=None if bcrypt else item.hash,
        bcrypt_hash=item.hash if bcrypt else None,
        secret_id=secret_id,
        lookup_hint=item.lookup_hint or None,
        import_time=now,
        rehash_time=None,
    )


def _audit_record(row: ApiKey, item: ImportItem) -> AuditRecord:
    # The algorithm and external id, never the hash or a secret.
    changes = [
        change("environment", None, row.environment),
        change("start", None, row.start),
        change("import.algorithm", None, item.algorithm.value),
        change("import.external_id", None, item.external_id),
    ]
    changes += [change(path, None, value) for path, value in audit_values(row).items()]
    return AuditRecord(
        action="key.import",
        resource_type=ResourceType.API_KEY,
        resource_id=row.id,
        organization_id=row.organization_id,
        project_id=row.project_id or "",
        key_id=row.id,
        changes=changes,
    )


__all__ = [
    "TOPIC_IMPORTS",
    "ImportBatch",
    "ImportItem",
    "ImportedKeys",
    "is_placeholder",
]
