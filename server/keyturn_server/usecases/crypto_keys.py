"""Managed keys: CryptoService's keys kept for an organization, and every operation on them.

One class, `CryptoKeys`, with its dependencies in its constructor (container.py builds it):

* Management (create, get, list, update, rotate, version state changes, import) frames one
  transaction per call, authorizes against the organization/project of what it loaded
  (another organization's key is NOT_FOUND), and appends its audit event last in the same
  transaction. After commit the key is evicted from the material cache here and, through the
  key-event bus topic `crypto_key`, on every other replica.
* Uses (encrypt, decrypt, sign, MAC, ...) read the key and the version they need through a
  bounded TTL cache of DECRYPTED material (`KeyCache`), so a hot key costs no database round
  trip; a miss loads the key and one version in one transaction, unwrapping the material
  under the root key and re-wrapping it under the newest root-key version if it is older
  (lazy re-wrap). The caller is authorized on every call, against the cached tenant.
  Outcomes go to the access log as `crypto_key.<operation>` records by the audit level's
  rule for access attempts (basic: none, detailed: failures, verbose: all).

Nothing here ever puts a plaintext, a payload or key material into an audit record, an error
or a log line: records carry ids, version numbers, states and reasons only.

Slow work runs off the event loop: RSA key generation and signing, import unwrapping and
payloads above 64 KiB.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Protocol, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from keyturn_server.domain import access as policy
from keyturn_server.domain import managed_keys as mk
from keyturn_server.domain.access import Permission
from keyturn_server.domain.access_tokens import RESERVED_NAME_PREFIX
from keyturn_server.domain.audit import FAILURE, SUCCESS, AuditRecord, ResourceType, change, level_records
from keyturn_server.domain.errors import (
    DataLoss,
    DecryptionFailed,
    DomainError,
    FailedPrecondition,
    InvalidArgument,
    NotFound,
    PayloadTooLarge,
)
from keyturn_server.domain.keyset import RootKeyRing, UnwrapFailed, WrappedMaterial
from keyturn_server.domain.paging import SEQUENCE
from keyturn_server.domain.ports import AccessLog
from keyturn_server.store import crypto_keys as repo
from keyturn_server.store.audit import append_events
from keyturn_server.store.db import Database
from keyturn_server.store.models import CryptoKey, CryptoKeyVersion, ImportJob
from keyturn_server.usecases import Page, Pages, audit, utcnow
from keyturn_server.usecases.keycache import KeyCache
from keyturn_server.usecases.tenancy import require_organization, require_project

log = logging.getLogger("keyturn.crypto_keys")
T = TypeVar("T")

CRYPTO_KEY = ResourceType.CRYPTO_KEY
CRYPTO_KEY_VERSION = ResourceType.CRYPTO_KEY_VERSION
IMPORT_JOB = ResourceType.IMPORT_JOB
P = Permission
# The key-event bus topic that tells every replica to drop cached managed-key material.
TOPIC = "crypto_key"
# RootKeyRing kinds: what a wrapped blob belongs to (bound into its associated data).
VERSION_KIND = "crypto_key_version"
IMPORT_JOB_KIND = "import_job"
SCHEDULER_ACTOR = "keyturn-scheduler"
MAX_BATCH_ITEMS = 1000
# Payloads up to this size are sealed on the event loop: a thread hop costs more than AEAD.
INLINE_PAYLOAD_BYTES = 64 * 1024
UPDATE_PATHS = (
    "labels",
    "primary_version",
    "rotation_period",
    "next_rotation_time",
    "min_decryption_version",
)


class Announcer(Protocol):
    """The key-event bus seam: run `topic`'s callbacks here and on every other replica."""

    async def announce(self, topic: str, subject: str = "") -> None: ...


# --- inputs -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class NewCryptoKey:
    """A validated CreateCryptoKey request."""

    organization_id: str
    project_id: str | None
    name: str
    purpose: mk.Purpose
    algorithm: mk.Algorithm
    labels: dict[str, str] = field(default_factory=dict)
    rotation_period: timedelta | None = None
    next_rotation_time: datetime | None = None
    destroy_scheduled_duration: timedelta | None = None
    import_only: bool = False


@dataclass(frozen=True)
class CryptoKeyUpdate:
    """A validated UpdateCryptoKey request: new values of the update_mask paths in `paths`."""

    key_id: str
    paths: frozenset[str]
    labels: dict[str, str] = field(default_factory=dict)
    primary_version: int = 0
    rotation_period: timedelta | None = None
    next_rotation_time: datetime | None = None
    min_decryption_version: int = 0


@dataclass(frozen=True)
class EncryptCommand:
    key_id: str
    plaintext: bytes = field(repr=False)
    associated_data: bytes = field(default=b"", repr=False)
    plaintext_crc32c: int | None = None
    associated_data_crc32c: int | None = None


@dataclass(frozen=True)
class DecryptCommand:
    ciphertext: bytes = field(repr=False)
    key_id: str | None = None
    associated_data: bytes = field(default=b"", repr=False)
    ciphertext_crc32c: int | None = None
    associated_data_crc32c: int | None = None


# --- results ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Encrypted:
    ciphertext: bytes
    crypto_key_id: str
    version: int
    verified_plaintext_crc32c: bool = False
    verified_associated_data_crc32c: bool = False


@dataclass(frozen=True)
class Decrypted:
    plaintext: bytes = field(repr=False)
    crypto_key_id: str = ""
    version: int = 0
    used_primary: bool = False
    verified_ciphertext_crc32c: bool = False
    verified_associated_data_crc32c: bool = False


@dataclass(frozen=True)
class ReEncrypted:
    ciphertext: bytes
    crypto_key_id: str
    version: int
    source_crypto_key_id: str
    source_version: int
    verified_ciphertext_crc32c: bool = False


@dataclass(frozen=True)
class DataKey:
    plaintext: bytes = field(repr=False)  # b"" with wrapped_only
    wrapped_key: bytes = b""
    crypto_key_id: str = ""
    version: int = 0


@dataclass(frozen=True)
class Signed:
    signature: bytes
    crypto_key_id: str
    version: int
    verified_data_crc32c: bool = False


@dataclass(frozen=True)
class Verified:
    valid: bool
    crypto_key_id: str
    version: int
    verified_data_crc32c: bool = False
    verified_signature_crc32c: bool = False


@dataclass(frozen=True)
class Maced:
    mac: bytes
    crypto_key_id: str
    version: int
    verified_data_crc32c: bool = False


@dataclass(frozen=True)
class PublicKeyView:
    pem: str
    algorithm: mk.Algorithm
    crypto_key_id: str
    version: int


@dataclass(frozen=True)
class RotateResult:
    key: CryptoKey
    version: CryptoKeyVersion


# --- what the cache holds ---------------------------------------------------------------------


@dataclass(frozen=True)
class KeyMeta:
    """A key's settings as of its load: tenant, purpose, primary, usable versions."""

    id: str
    organization_id: str
    project_id: str | None
    purpose: mk.Purpose
    algorithm: mk.Algorithm
    primary_version: int
    min_decryption_version: int
    enabled_versions: tuple[int, ...]  # newest first
    # A key only Keyturn itself signs with (the access-token signing keys): Sign refuses it.
    reserved: bool = False


@dataclass(frozen=True)
class VersionMaterial:
    """One version's state and its DECRYPTED material (None once destroyed)."""

    number: int
    state: mk.VersionState
    algorithm: mk.Algorithm
    material: bytes | None = field(repr=False)
    # The material parsed once (asymmetric signing keys): owned by this cache entry, so it is
    # evicted exactly when the material is, and never outlives it.
    signing_key: mk.SigningKey | None = field(default=None, repr=False, compare=False)


CacheEntry = KeyMeta | VersionMaterial


def version_material(
    number: int, state: mk.VersionState, algorithm: mk.Algorithm, material: bytes | None
) -> VersionMaterial:
    """A cache entry for one version; an asymmetric signing key's material is parsed here,
    once per load, instead of on every Sign, Verify or GetPublicKey."""
    parsed = None
    if material is not None and mk.purpose_of(algorithm) is mk.Purpose.ASYMMETRIC_SIGN:
        parsed = mk.signing_key(algorithm, material)
    return VersionMaterial(number, state, algorithm, material, parsed)


def _version_lookup(key_id: str, number: int) -> str:
    return f"{key_id}/{number}"


def _stamp(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat().replace("+00:00", "Z")


def _seconds(value: timedelta | None) -> int | None:
    return None if value is None else int(value.total_seconds())


def _key_values(row: CryptoKey) -> dict[str, Any]:
    """The non-secret mutable settings, in audit-change form."""
    return {
        "labels": dict(row.labels),
        "primary_version": row.primary_version,
        "rotation_period": row.rotation_period_seconds,
        "next_rotation_time": _stamp(row.next_rotation_time),
        "min_decryption_version": row.min_decryption_version,
    }


def _key_record(action: str, row: CryptoKey, changes: list[dict[str, Any]], actor: str = "") -> AuditRecord:
    return AuditRecord(
        action=action,
        resource_type=CRYPTO_KEY,
        resource_id=row.id,
        organization_id=row.organization_id,
        project_id=row.project_id or "",
        changes=changes,
        actor=actor,
    )


def _version_record(
    action: str, key: CryptoKey, number: int, changes: list[dict[str, Any]], actor: str = ""
) -> AuditRecord:
    return AuditRecord(
        action=action,
        resource_type=CRYPTO_KEY_VERSION,
        resource_id=f"{key.id}/{number}",
        organization_id=key.organization_id,
        project_id=key.project_id or "",
        changes=changes,
        actor=actor,
    )


def _new_version(
    ring: RootKeyRing,
    key_id: str,
    number: int,
    algorithm: mk.Algorithm,
    material: bytes,
    now: datetime,
    import_job_id: str | None = None,
) -> CryptoKeyVersion:
    wrapped = ring.wrap(material, VERSION_KIND, key_id, number)
    return CryptoKeyVersion(
        state=mk.VersionState.ENABLED.value,
        algorithm=algorithm.value,
        wrapped_material=wrapped.ciphertext,
        root_key_version=wrapped.root_key_version,
        create_time=now,
        destroy_time=None,
        destroy_event_time=None,
        import_job_id=import_job_id,
        import_time=now if import_job_id else None,
    )


@dataclass
class _Use:
    """One use's access-log facts, filled in as they become known."""

    action: str
    key_id: str
    organization_id: str = ""
    project_id: str = ""


class CryptoKeys:
    """Every managed-key RPC of CryptoService, and the scheduler's rotate/destroy jobs."""

    def __init__(
        self,
        db: Database,
        ring: RootKeyRing,
        pages: Pages,
        access_log: AccessLog,
        cache: KeyCache[CacheEntry],
        key_events: Announcer,
        *,
        destroy_policy: mk.DestroyPolicy | None = None,
        audit_level: str = "detailed",
        max_payload_bytes: int = 4 * 1024 * 1024,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.db = db
        self.ring = ring
        self.pages = pages
        self.access_log = access_log
        self.cache = cache
        self.key_events = key_events
        self.destroy_policy = destroy_policy or mk.DestroyPolicy()
        self.audit_level = audit_level
        self.max_payload_bytes = max_payload_bytes
        self.clock = clock

    # ==== cache and invalidation ==================================================================

    def forget_all(self) -> None:
        """Another replica changed a managed key (or LISTEN reconnected): drop what we hold."""
        self.cache.clear()

    async def _changed(self, key_id: str) -> None:
        """After commit: evict here, and tell the other replicas (their caches clear)."""
        self.cache.evict_key(key_id)
        try:
            await self.key_events.announce(TOPIC, key_id)
        except Exception:
            log.exception("could not announce a crypto key change (crypto_key_id=%s)", key_id)

    # ==== loading for use ========================================================================

    async def _load(
        self, key_id: str, number: int | None, permission: Permission
    ) -> tuple[KeyMeta, VersionMaterial | None]:
        """The key and one version (None: the primary) with its decrypted material, cached.
        The caller is authorized against the key's tenant before any material is touched."""
        meta = self.cache.get(key_id)
        if isinstance(meta, KeyMeta):
            self._authorize_use(meta, permission)
            wanted = meta.primary_version if number is None else number
            if wanted < 1:
                return meta, None
            cached = self.cache.get(_version_lookup(key_id, wanted))
            if isinstance(cached, VersionMaterial):
                return meta, cached
        generation = self.cache.generation
        async with self.db.transaction() as session:
            row = await repo.get_key(session, key_id)
            if row is None:
                raise NotFound(CRYPTO_KEY, key_id)
            policy.authorize(
                permission, row.organization_id, row.project_id, resource_type=CRYPTO_KEY, resource_id=key_id
            )
            enabled = await repo.version_numbers(session, key_id, [mk.VersionState.ENABLED.value])
            meta = KeyMeta(
                id=row.id,
                organization_id=row.organization_id,
                project_id=row.project_id,
                purpose=mk.Purpose(row.purpose),
                algorithm=mk.Algorithm(row.algorithm),
                primary_version=row.primary_version,
                min_decryption_version=row.min_decryption_version,
                enabled_versions=tuple(enabled),
                reserved=row.name.startswith(RESERVED_NAME_PREFIX),
            )
            wanted = meta.primary_version if number is None else number
            version = None
            if wanted >= 1:
                version_row = await repo.get_version(session, key_id, wanted)
                if version_row is not None:
                    version = await self._unwrap_version(session, version_row)
        self.cache.put(key_id, key_id, meta, generation)
        if version is not None:
            self.cache.put(_version_lookup(key_id, version.number), key_id, version, generation)
        return meta, version

    def _authorize_use(self, meta: KeyMeta, permission: Permission) -> None:
        policy.authorize(
            permission, meta.organization_id, meta.project_id, resource_type=CRYPTO_KEY, resource_id=meta.id
        )

    async def _unwrap_version(self, session: AsyncSession, row: CryptoKeyVersion) -> VersionMaterial:
        material = None
        if row.wrapped_material is not None:
            wrapped = WrappedMaterial(row.wrapped_material, row.root_key_version)
            material = self._unwrap(wrapped, VERSION_KIND, row.crypto_key_id, row.number)
            if self.ring.needs_rewrap(wrapped):
                # Lazy re-wrap under the newest root key; conditional, so racing replicas agree.
                fresh = self.ring.wrap(material, VERSION_KIND, row.crypto_key_id, row.number)
                await repo.replace_wrapped_material(
                    session,
                    row.crypto_key_id,
                    row.number,
                    row.root_key_version,
                    fresh.ciphertext,
                    fresh.root_key_version,
                )
        return version_material(row.number, mk.VersionState(row.state), mk.Algorithm(row.algorithm), material)

    def _unwrap(self, wrapped: WrappedMaterial, kind: str, resource_id: str, number: int) -> bytes:
        try:
            return self.ring.unwrap(wrapped, kind, resource_id, number)
        except UnwrapFailed:
            # Server-side: the root key that wrapped it is not configured, or the row was
            # altered. DATA_LOSS for the caller (retrying cannot help); ids only, here and in
            # the log line.
            log.error(
                "stored key material does not unwrap (kind=%s id=%s version=%s root_key_version=%s)",
                kind,
                resource_id,
                number,
                wrapped.root_key_version,
            )
            if kind == VERSION_KIND:
                raise DataLoss(CRYPTO_KEY_VERSION, f"{resource_id}/{number}") from None
            raise DataLoss(IMPORT_JOB if kind == IMPORT_JOB_KIND else kind, resource_id) from None

    @staticmethod
    def _primary(meta: KeyMeta, version: VersionMaterial | None) -> VersionMaterial:
        if meta.primary_version < 1 or version is None:
            raise FailedPrecondition(
                "the crypto key has no primary version yet (import one first)", {"cryptoKeyId": meta.id}
            )
        mk.require_usable(meta.id, version.number, version.state)
        return version

    @staticmethod
    def _named(meta: KeyMeta, number: int, version: VersionMaterial | None) -> VersionMaterial:
        if version is None:
            raise NotFound(CRYPTO_KEY_VERSION, f"{meta.id}/{number}")
        return version

    def _check_payload(self, field_name: str, value: bytes) -> None:
        if len(value) > self.max_payload_bytes:
            raise PayloadTooLarge(field_name, self.max_payload_bytes)

    async def _maybe_off_loop(self, size: int, func: Callable[[], T]) -> T:
        if size > INLINE_PAYLOAD_BYTES:
            return await asyncio.to_thread(func)
        return func()

    # ==== access log ==============================================================================

    async def _used(self, use: _Use, run: Callable[[], Awaitable[T]]) -> T:
        """Run one use and offer its outcome (never its data) to the access log."""
        try:
            result = await run()
        except DomainError as err:
            await self._record(use, FAILURE, err.reason)
            raise
        except Exception:
            await self._record(use, FAILURE, "INTERNAL")
            raise
        await self._record(use, SUCCESS)
        return result

    async def _record(self, use: _Use, outcome: str, reason: str = "") -> None:
        if not level_records(self.audit_level, True, outcome):
            return
        await self.access_log.submit(
            AuditRecord(
                action=use.action,
                outcome=outcome,
                reason=reason,
                resource_type=CRYPTO_KEY,
                resource_id=use.key_id,
                organization_id=use.organization_id,
                project_id=use.project_id,
            )
        )

    @staticmethod
    def _known(use: _Use, meta: KeyMeta) -> None:
        use.organization_id = meta.organization_id
        use.project_id = meta.project_id or ""

    @staticmethod
    def _not_reserved(meta: KeyMeta) -> None:
        """Keys under the reserved `keyturn.` names (access-token signing, recoverable API keys)
        serve Keyturn itself: no caller may encrypt or decrypt with them through CryptoService,
        so nobody can open a recoverable key's ciphertext or mint a lookalike."""
        if meta.reserved:
            raise FailedPrecondition(
                "this crypto key is reserved for Keyturn's own use", {"cryptoKeyId": meta.id}
            )

    # ==== encryption =============================================================================

    async def encrypt(self, command: EncryptCommand) -> Encrypted:
        use = _Use("crypto_key.encrypt", command.key_id)
        return await self._used(use, lambda: self._encrypt(use, command))

    async def _encrypt(self, use: _Use, command: EncryptCommand) -> Encrypted:
        self._check_payload("plaintext", command.plaintext)
        self._check_payload("associated_data", command.associated_data)
        verified_plaintext = mk.check_crc32c("plaintext_crc32c", command.plaintext, command.plaintext_crc32c)
        verified_ad = mk.check_crc32c(
            "associated_data_crc32c", command.associated_data, command.associated_data_crc32c
        )
        meta, version = await self._load(command.key_id, None, P.CRYPTO_KEYS_ENCRYPT)
        self._known(use, meta)
        self._not_reserved(meta)
        mk.require_purpose(meta.purpose, mk.Purpose.ENCRYPT_DECRYPT)
        primary = self._primary(meta, version)
        material = primary.material
        assert material is not None
        ciphertext = await self._maybe_off_loop(
            len(command.plaintext),
            lambda: mk.encrypt(
                primary.algorithm,
                material,
                meta.id,
                primary.number,
                command.plaintext,
                command.associated_data,
            ),
        )
        return Encrypted(ciphertext, meta.id, primary.number, verified_plaintext, verified_ad)

    async def seal_within(
        self, session: AsyncSession, key_id: str, plaintext: bytes, associated_data: bytes
    ) -> bytes:
        """Encrypt with the key's primary version inside the caller's transaction (trusted
        in-process use: no permission check, no access-log record, no second transaction).
        Recoverable API keys (usecases/key_rotation.py) keep their plaintext this way."""
        row = await repo.get_key(session, key_id)
        if row is None:
            raise NotFound(CRYPTO_KEY, key_id)
        mk.require_purpose(mk.Purpose(row.purpose), mk.Purpose.ENCRYPT_DECRYPT)
        version_row = await repo.get_version(session, key_id, row.primary_version)
        if version_row is None:
            raise FailedPrecondition("the crypto key has no primary version", {"cryptoKeyId": key_id})
        version = await self._unwrap_version(session, version_row)
        mk.require_usable(key_id, version.number, version.state)
        assert version.material is not None
        return mk.encrypt(
            version.algorithm, version.material, key_id, version.number, plaintext, associated_data
        )

    async def open_within(self, session: AsyncSession, ciphertext: bytes, associated_data: bytes) -> bytes:
        """Decrypt what `seal_within` made, inside the caller's transaction (trusted use)."""
        header = mk.parse_ciphertext(ciphertext)
        row = await repo.get_key(session, header.crypto_key_id)
        version_row = await repo.get_version(session, header.crypto_key_id, header.version)
        if row is None or version_row is None:
            raise DecryptionFailed
        version = await self._unwrap_version(session, version_row)
        mk.require_decryptable(row.id, version.number, version.state, row.min_decryption_version)
        assert version.material is not None
        return mk.decrypt(version.algorithm, version.material, ciphertext, associated_data)

    async def decrypt(self, command: DecryptCommand) -> Decrypted:
        use = _Use("crypto_key.decrypt", command.key_id or "")
        return await self._used(use, lambda: self._decrypt(use, command))

    async def _open(
        self, use: _Use, ciphertext: bytes, expected_key: str | None, associated_data: bytes
    ) -> tuple[bytes, KeyMeta, VersionMaterial]:
        header = mk.parse_ciphertext(ciphertext)
        if expected_key and expected_key != header.crypto_key_id:
            raise DecryptionFailed
        use.key_id = header.crypto_key_id
        meta, version = await self._load(header.crypto_key_id, header.version, P.CRYPTO_KEYS_DECRYPT)
        self._known(use, meta)
        self._not_reserved(meta)
        mk.require_purpose(meta.purpose, mk.Purpose.ENCRYPT_DECRYPT)
        if version is None:
            raise DecryptionFailed
        mk.require_decryptable(meta.id, version.number, version.state, meta.min_decryption_version)
        material = version.material
        assert material is not None
        plaintext = await self._maybe_off_loop(
            len(ciphertext), lambda: mk.decrypt(version.algorithm, material, ciphertext, associated_data)
        )
        return plaintext, meta, version

    async def _decrypt(self, use: _Use, command: DecryptCommand) -> Decrypted:
        self._check_payload("ciphertext", command.ciphertext)
        verified_ct = mk.check_crc32c("ciphertext_crc32c", command.ciphertext, command.ciphertext_crc32c)
        verified_ad = mk.check_crc32c(
            "associated_data_crc32c", command.associated_data, command.associated_data_crc32c
        )
        plaintext, meta, version = await self._open(
            use, command.ciphertext, command.key_id, command.associated_data
        )
        return Decrypted(
            plaintext,
            meta.id,
            version.number,
            version.number == meta.primary_version,
            verified_ct,
            verified_ad,
        )

    async def re_encrypt(
        self,
        ciphertext: bytes,
        associated_data: bytes,
        destination_key_id: str | None,
        ciphertext_crc32c: int | None,
    ) -> ReEncrypted:
        use = _Use("crypto_key.re_encrypt", destination_key_id or "")

        async def run() -> ReEncrypted:
            self._check_payload("ciphertext", ciphertext)
            verified = mk.check_crc32c("ciphertext_crc32c", ciphertext, ciphertext_crc32c)
            # The caller needs decrypt on the source (checked on load) and encrypt on the
            # destination (the coarse check, and again on load).
            plaintext, source, source_version = await self._open(use, ciphertext, None, associated_data)
            destination = destination_key_id or source.id
            encrypted = await self._encrypt(use, EncryptCommand(destination, plaintext, associated_data))
            return ReEncrypted(
                encrypted.ciphertext,
                encrypted.crypto_key_id,
                encrypted.version,
                source.id,
                source_version.number,
                verified,
            )

        return await self._used(use, run)

    async def generate_data_key(self, key_id: str, associated_data: bytes, wrapped_only: bool) -> DataKey:
        use = _Use("crypto_key.generate_data_key", key_id)

        async def run() -> DataKey:
            self._check_payload("associated_data", associated_data)
            meta, version = await self._load(key_id, None, P.CRYPTO_KEYS_ENCRYPT)
            self._known(use, meta)
            self._not_reserved(meta)
            mk.require_purpose(meta.purpose, mk.Purpose.ENCRYPT_DECRYPT)
            primary = self._primary(meta, version)
            assert primary.material is not None
            generated = mk.generate_data_key(
                primary.algorithm, primary.material, meta.id, primary.number, associated_data
            )
            return DataKey(
                b"" if wrapped_only else generated.plaintext, generated.wrapped, meta.id, primary.number
            )

        return await self._used(use, run)

    async def batch_encrypt(
        self, items: Sequence[EncryptCommand | DomainError]
    ) -> list[Encrypted | DomainError]:
        """One result per item, in order; an item's error never fails the others."""
        results: list[Encrypted | DomainError] = []
        for item in items:
            if isinstance(item, DomainError):
                results.append(item)
                continue
            try:
                results.append(await self.encrypt(item))
            except DomainError as err:
                results.append(err)
        return results

    async def batch_decrypt(
        self, items: Sequence[DecryptCommand | DomainError]
    ) -> list[Decrypted | DomainError]:
        results: list[Decrypted | DomainError] = []
        for item in items:
            if isinstance(item, DomainError):
                results.append(item)
                continue
            try:
                results.append(await self.decrypt(item))
            except DomainError as err:
                results.append(err)
        return results

    # ==== signatures and MACs ====================================================================

    async def sign(
        self, key_id: str, number: int, data: bytes, data_crc32c: int | None, *, internal: bool = False
    ) -> Signed:
        """`internal`: Keyturn's own use (usecases/tokens.py); only it may sign with a
        reserved key, so no caller of CryptoService.Sign can mint access tokens."""
        use = _Use("crypto_key.sign", key_id)

        async def run() -> Signed:
            self._check_payload("data", data)
            verified = mk.check_crc32c("data_crc32c", data, data_crc32c)
            meta, version = await self._load(key_id, number or None, P.CRYPTO_KEYS_SIGN)
            self._known(use, meta)
            mk.require_purpose(meta.purpose, mk.Purpose.ASYMMETRIC_SIGN)
            if meta.reserved and not internal:
                raise FailedPrecondition(
                    "this crypto key signs Keyturn's access tokens only", {"cryptoKeyId": meta.id}
                )
            if number:
                chosen = self._named(meta, number, version)
                mk.require_usable(meta.id, number, chosen.state)
            else:
                chosen = self._primary(meta, version)
            material = chosen.material
            assert material is not None
            parsed = chosen.signing_key
            if mk.ALGORITHMS[chosen.algorithm].rsa_bits:
                signature = await asyncio.to_thread(mk.sign, chosen.algorithm, material, data, key=parsed)
            else:
                signature = mk.sign(chosen.algorithm, material, data, key=parsed)
            return Signed(signature, meta.id, chosen.number, verified)

        return await self._used(use, run)

    async def _candidates(
        self, key_id: str, number: int, permission: Permission, purpose: mk.Purpose
    ) -> tuple[KeyMeta, list[VersionMaterial]]:
        """The version named (must be usable for verifying), or every usable version."""
        meta, version = await self._load(key_id, number or None, permission)
        mk.require_purpose(meta.purpose, purpose)
        if number:
            chosen = self._named(meta, number, version)
            mk.require_decryptable(meta.id, number, chosen.state, meta.min_decryption_version)
            return meta, [chosen]
        found: list[VersionMaterial] = []
        numbers = [meta.primary_version, *(n for n in meta.enabled_versions if n != meta.primary_version)]
        for candidate in numbers:
            if candidate < max(1, meta.min_decryption_version):
                continue
            _, loaded = await self._load(key_id, candidate, permission)
            if loaded is not None and loaded.state is mk.VersionState.ENABLED:
                found.append(loaded)
        return meta, found

    async def verify(
        self,
        key_id: str,
        number: int,
        data: bytes,
        signature: bytes,
        data_crc32c: int | None,
        signature_crc32c: int | None,
    ) -> Verified:
        use = _Use("crypto_key.verify", key_id)

        async def run() -> Verified:
            self._check_payload("data", data)
            verified_data = mk.check_crc32c("data_crc32c", data, data_crc32c)
            verified_signature = mk.check_crc32c("signature_crc32c", signature, signature_crc32c)
            meta, candidates = await self._candidates(
                key_id, number, P.CRYPTO_KEYS_VERIFY, mk.Purpose.ASYMMETRIC_SIGN
            )
            self._known(use, meta)
            for candidate in candidates:
                assert candidate.material is not None
                material = candidate.material
                parsed = candidate.signing_key
                if mk.ALGORITHMS[candidate.algorithm].rsa_bits:
                    valid = await asyncio.to_thread(
                        mk.verify, candidate.algorithm, material, data, signature, key=parsed
                    )
                else:
                    valid = mk.verify(candidate.algorithm, material, data, signature, key=parsed)
                if valid:
                    return Verified(True, meta.id, candidate.number, verified_data, verified_signature)
            return Verified(False, meta.id, 0, verified_data, verified_signature)

        return await self._used(use, run)

    async def public_key(self, key_id: str, number: int) -> PublicKeyView:
        use = _Use("crypto_key.get_public_key", key_id)

        async def run() -> PublicKeyView:
            meta, version = await self._load(key_id, number or None, P.CRYPTO_KEYS_VERIFY)
            self._known(use, meta)
            mk.require_purpose(meta.purpose, mk.Purpose.ASYMMETRIC_SIGN)
            if number:
                chosen = self._named(meta, number, version)
                mk.require_usable(meta.id, number, chosen.state)
            else:
                chosen = self._primary(meta, version)
            assert chosen.material is not None
            pem = mk.public_key_pem(chosen.algorithm, chosen.material, key=chosen.signing_key)
            return PublicKeyView(pem, chosen.algorithm, meta.id, chosen.number)

        return await self._used(use, run)

    async def mac(self, key_id: str, number: int, data: bytes, data_crc32c: int | None) -> Maced:
        use = _Use("crypto_key.mac", key_id)

        async def run() -> Maced:
            self._check_payload("data", data)
            verified = mk.check_crc32c("data_crc32c", data, data_crc32c)
            meta, version = await self._load(key_id, number or None, P.CRYPTO_KEYS_MAC)
            self._known(use, meta)
            mk.require_purpose(meta.purpose, mk.Purpose.MAC)
            if number:
                chosen = self._named(meta, number, version)
                mk.require_usable(meta.id, number, chosen.state)
            else:
                chosen = self._primary(meta, version)
            assert chosen.material is not None
            material = chosen.material
            tag = await self._maybe_off_loop(len(data), lambda: mk.mac(chosen.algorithm, material, data))
            return Maced(tag, meta.id, chosen.number, verified)

        return await self._used(use, run)

    async def verify_mac(
        self,
        key_id: str,
        number: int,
        data: bytes,
        tag: bytes,
        data_crc32c: int | None,
        mac_crc32c: int | None,
    ) -> Verified:
        use = _Use("crypto_key.verify_mac", key_id)

        async def run() -> Verified:
            self._check_payload("data", data)
            verified_data = mk.check_crc32c("data_crc32c", data, data_crc32c)
            verified_mac = mk.check_crc32c("mac_crc32c", tag, mac_crc32c)
            meta, candidates = await self._candidates(key_id, number, P.CRYPTO_KEYS_MAC, mk.Purpose.MAC)
            self._known(use, meta)
            for candidate in candidates:
                assert candidate.material is not None
                if mk.verify_mac(candidate.algorithm, candidate.material, data, tag):
                    return Verified(True, meta.id, candidate.number, verified_data, verified_mac)
            return Verified(False, meta.id, 0, verified_data, verified_mac)

        return await self._used(use, run)

    # ==== management =============================================================================

    async def _generate(self, algorithm: mk.Algorithm) -> bytes:
        if mk.ALGORITHMS[algorithm].rsa_bits:
            return await asyncio.to_thread(mk.generate_material, algorithm)
        return mk.generate_material(algorithm)

    async def create_key(self, new: NewCryptoKey, *, internal: bool = False) -> CryptoKey:
        """`internal`: Keyturn's own keys (usecases/tokens.py), the only ones whose names
        may start with the reserved `keyturn.`."""
        now = self.clock()
        if new.name.startswith(RESERVED_NAME_PREFIX) and not internal:
            raise InvalidArgument.field(
                "crypto_key.name", f"names starting with `{RESERVED_NAME_PREFIX}` are reserved"
            )
        mk.check_algorithm_purpose(new.purpose, new.algorithm)
        duration = self.destroy_policy.resolve(new.destroy_scheduled_duration)
        if new.import_only and new.rotation_period is not None:
            raise InvalidArgument.field("crypto_key.rotation_period", "is not allowed for an import_only key")
        next_rotation = mk.next_rotation_time(now, new.rotation_period, new.next_rotation_time)
        permission = P.CRYPTO_KEYS_CREATE
        async with self.db.transaction() as session:
            # Authorize before generating anything (RSA key generation is slow).
            policy.require_member(permission, new.organization_id)
            await require_organization(session, new.organization_id)
            if new.project_id is not None:
                project = await require_project(session, new.project_id)
                policy.require_member(permission, project.organization_id)
                if project.organization_id != new.organization_id:
                    raise InvalidArgument.field("crypto_key.project_id", "belongs to another organization")
            policy.authorize(permission, new.organization_id, new.project_id)
        material = None if new.import_only else await self._generate(new.algorithm)
        key_id = str(uuid.uuid4())
        async with self.db.transaction() as session:
            row = CryptoKey(
                id=key_id,
                organization_id=new.organization_id,
                project_id=new.project_id,
                name=new.name,
                purpose=new.purpose.value,
                algorithm=new.algorithm.value,
                labels=dict(new.labels),
                primary_version=0,
                latest_version=0,
                rotation_period_seconds=_seconds(new.rotation_period),
                next_rotation_time=next_rotation,
                min_decryption_version=0,
                destroy_scheduled_seconds=int(duration.total_seconds()),
                import_only=new.import_only,
                create_time=now,
                update_time=now,
            )
            first = None
            if material is not None:
                first = _new_version(self.ring, key_id, 1, new.algorithm, material, now)
            created = await repo.create_key(session, row, first)
            changes = [
                change("name", None, created.name),
                change("purpose", None, created.purpose),
                change("algorithm", None, created.algorithm),
                change("import_only", None, created.import_only),
                change("destroy_scheduled_duration", None, created.destroy_scheduled_seconds),
            ]
            changes += [change(path, None, value) for path, value in _key_values(created).items()]
            await audit(session, _key_record("crypto_key.create", created, changes))
        return created

    async def _require_key(
        self, session: AsyncSession, key_id: str, permission: Permission, *, for_update: bool = False
    ) -> CryptoKey:
        row = await repo.get_key(session, key_id, for_update=for_update)
        if row is None:
            raise NotFound(CRYPTO_KEY, key_id)
        policy.authorize(
            permission, row.organization_id, row.project_id, resource_type=CRYPTO_KEY, resource_id=key_id
        )
        return row

    async def get_key(self, key_id: str) -> CryptoKey:
        async with self.db.transaction() as session:
            return await self._require_key(session, key_id, P.CRYPTO_KEYS_GET)

    async def list_keys(
        self, organization_id: str, project_id: str | None, page_size: int, page_token: str
    ) -> Page[CryptoKey]:
        permission = P.CRYPTO_KEYS_LIST
        organization_id = organization_id or policy.default_organization(permission)
        if not organization_id:
            raise InvalidArgument.field(
                "organization_id", "is required (the caller is in several organizations)"
            )
        filters = {"list": "crypto_keys", "organization_id": organization_id, "project_id": project_id}
        request = self.pages.request(page_token, page_size, filters, self.clock())
        async with self.db.transaction() as session:
            policy.require_member(permission, organization_id)
            await require_organization(session, organization_id)
            if project_id is not None:
                project = await require_project(session, project_id)
                if project.organization_id != organization_id:
                    raise NotFound(ResourceType.PROJECT, project_id)
            rows = await repo.list_keys(
                session,
                policy.visible_organizations(permission),
                organization_id=organization_id,
                project_id=project_id,
                after=request.cursor,
                limit=request.size + 1,
            )
        return request.page(list(rows), lambda r: (r.create_time, r.id))

    async def update_key(self, update: CryptoKeyUpdate) -> CryptoKey:
        now = self.clock()
        async with self.db.transaction() as session:
            row = await self._require_key(session, update.key_id, P.CRYPTO_KEYS_UPDATE, for_update=True)
            before = _key_values(row)
            paths = update.paths
            if "labels" in paths:
                row.labels = dict(update.labels)
            if "primary_version" in paths:
                version = await repo.get_version(session, row.id, update.primary_version)
                if version is None:
                    raise InvalidArgument.field(
                        "crypto_key.primary_version", f"the key has no version {update.primary_version}"
                    )
                mk.check_primary(version.number, mk.VersionState(version.state))
                row.primary_version = version.number
            if "rotation_period" in paths or "next_rotation_time" in paths:
                if "rotation_period" in paths:
                    period = update.rotation_period
                else:
                    seconds = row.rotation_period_seconds
                    period = None if seconds is None else timedelta(seconds=seconds)
                if period is not None and row.import_only:
                    raise FailedPrecondition("an import_only key cannot rotate automatically")
                requested = update.next_rotation_time if "next_rotation_time" in paths else None
                row.next_rotation_time = mk.next_rotation_time(now, period, requested)
                row.rotation_period_seconds = _seconds(period)
            if "min_decryption_version" in paths:
                mk.check_min_decryption_version(update.min_decryption_version, row.primary_version)
                row.min_decryption_version = update.min_decryption_version
            elif row.min_decryption_version > max(row.primary_version, 1):
                raise InvalidArgument.field(
                    "crypto_key.primary_version", "must be at least the key's min_decryption_version"
                )
            after = _key_values(row)
            changes = [change(p, before[p], after[p]) for p in UPDATE_PATHS if before[p] != after[p]]
            if changes:
                row.update_time = now
            await session.flush()
            await audit(session, _key_record("crypto_key.update", row, changes))
        await self._changed(row.id)
        return row

    async def rotate_key(self, key_id: str) -> RotateResult:
        async with self.db.transaction() as session:
            row = await self._require_key(session, key_id, P.CRYPTO_KEYS_ROTATE)
            if row.import_only:
                raise FailedPrecondition(
                    "an import_only key gets versions only from ImportCryptoKeyVersion",
                    {"cryptoKeyId": key_id},
                )
            algorithm = mk.Algorithm(row.algorithm)
        material = await self._generate(algorithm)
        result = await self._add_rotation(key_id, material, self.clock(), P.CRYPTO_KEYS_ROTATE, None)
        assert result is not None
        return result

    async def _add_rotation(
        self,
        key_id: str,
        material: bytes,
        now: datetime,
        permission: Permission | None,
        due_before: datetime | None,
    ) -> RotateResult | None:
        """A new primary version from `material`. For the scheduler (`due_before` set), None
        when the key is no longer due (another run rotated it meanwhile)."""
        async with self.db.transaction() as session:
            if permission is None:
                row = await repo.get_key(session, key_id, for_update=True)
                if row is None or not mk.rotation_due(row.next_rotation_time, due_before or now):
                    return None
            else:
                row = await self._require_key(session, key_id, permission, for_update=True)
            before = _key_values(row)
            number = repo.next_version_number(row)
            algorithm = mk.Algorithm(row.algorithm)
            version = _new_version(self.ring, row.id, number, algorithm, material, now)
            await repo.add_version(session, row, version, make_primary=True, now=now)
            period = row.rotation_period_seconds
            row.next_rotation_time = mk.after_rotation(
                now, None if period is None else timedelta(seconds=period)
            )
            await session.flush()
            after = _key_values(row)
            changes = [change(p, before[p], after[p]) for p in UPDATE_PATHS if before[p] != after[p]]
            actor = SCHEDULER_ACTOR if permission is None else ""
            await audit(session, _key_record("crypto_key.rotate", row, changes, actor=actor))
        await self._changed(row.id)
        return RotateResult(row, version)

    # ---- versions ---------------------------------------------------------------------------

    async def list_versions(self, key_id: str, page_size: int, page_token: str) -> Page[CryptoKeyVersion]:
        from keyturn_server.domain.paging import page_size as checked_page_size

        size = checked_page_size("page_size", page_size)
        filters = {"list": "crypto_key_versions", "crypto_key_id": key_id}
        tokens = self.pages.tokens
        state = tokens.decode("page_token", page_token, filters, SEQUENCE)
        after = 0 if state is None else int(state.cursor[0])
        as_of = self.clock() if state is None else state.as_of
        async with self.db.transaction() as session:
            await self._require_key(session, key_id, P.CRYPTO_KEYS_GET)
            rows = list(await repo.list_versions(session, key_id, after_number=after, limit=size + 1))
        if len(rows) <= size:
            return Page(rows, "")
        rows = rows[:size]
        return Page(rows, tokens.encode(filters, as_of, [rows[-1].number]))

    async def get_version(self, key_id: str, number: int) -> CryptoKeyVersion:
        async with self.db.transaction() as session:
            await self._require_key(session, key_id, P.CRYPTO_KEYS_GET)
            version = await repo.get_version(session, key_id, number)
            if version is None:
                raise NotFound(CRYPTO_KEY_VERSION, f"{key_id}/{number}")
            return version

    async def _change_version(
        self,
        key_id: str,
        number: int,
        action: str,
        decide: Callable[
            [mk.VersionState, bool, datetime, timedelta], tuple[mk.VersionState, datetime | None]
        ],
    ) -> CryptoKeyVersion:
        now = self.clock()
        async with self.db.transaction() as session:
            row = await self._require_key(session, key_id, P.CRYPTO_KEYS_MANAGE_VERSIONS, for_update=True)
            version = await repo.get_version(session, key_id, number, for_update=True)
            if version is None:
                raise NotFound(CRYPTO_KEY_VERSION, f"{key_id}/{number}")
            old_state, old_destroy = version.state, version.destroy_time
            duration = timedelta(seconds=row.destroy_scheduled_seconds)
            new_state, destroy_time = decide(
                mk.VersionState(version.state), number == row.primary_version, now, duration
            )
            if new_state.value == old_state and destroy_time == old_destroy:
                return version  # idempotent (Enable on ENABLED, Disable on DISABLED): no event
            await repo.set_version_state(session, version, new_state.value, destroy_time=destroy_time)
            changes = [change("state", old_state, new_state.value)]
            if destroy_time != old_destroy:
                changes.append(change("destroy_time", _stamp(old_destroy), _stamp(destroy_time)))
            await audit(session, _version_record(action, row, number, changes))
        await self._changed(key_id)
        return version

    async def disable_version(self, key_id: str, number: int) -> CryptoKeyVersion:
        return await self._change_version(
            key_id,
            number,
            "crypto_key_version.disable",
            lambda state, primary, now, duration: (mk.disable(state, primary), None),
        )

    async def enable_version(self, key_id: str, number: int) -> CryptoKeyVersion:
        return await self._change_version(
            key_id,
            number,
            "crypto_key_version.enable",
            lambda state, primary, now, duration: (mk.enable(state), None),
        )

    async def destroy_version(self, key_id: str, number: int) -> CryptoKeyVersion:
        return await self._change_version(
            key_id,
            number,
            "crypto_key_version.schedule_destroy",
            lambda state, primary, now, duration: mk.schedule_destroy(state, primary, now, duration),
        )

    async def restore_version(self, key_id: str, number: int) -> CryptoKeyVersion:
        return await self._change_version(
            key_id,
            number,
            "crypto_key_version.restore",
            lambda state, primary, now, duration: (mk.restore(state), None),
        )

    # ==== scheduler jobs =========================================================================

    async def rotate_due(self, now: datetime) -> int:
        """Job `crypto_key.rotate`: every key whose next_rotation_time has passed gets a new
        primary version. Idempotent: a key rotated meanwhile is no longer due."""
        rotated = 0
        while True:
            async with self.db.transaction() as session:
                due = [
                    (row.id, mk.Algorithm(row.algorithm)) for row in await repo.due_for_rotation(session, now)
                ]
            if not due:
                return rotated
            progressed = False
            for key_id, algorithm in due:
                material = await self._generate(algorithm)
                if await self._add_rotation(key_id, material, now, None, now) is not None:
                    rotated += 1
                    progressed = True
            if not progressed:
                return rotated

    async def destroy_due(self, now: datetime) -> int:
        """Job `crypto_key.destroy`: DESTROY_SCHEDULED versions past their destroy_time lose
        their material for good. Idempotent: destroyed versions are no longer due."""
        destroyed = 0
        while True:
            keys: set[str] = set()
            async with self.db.transaction() as session:
                due = await repo.due_for_destroy(session, now)
                records: list[AuditRecord] = []
                for version in due:
                    key = await repo.get_key(session, version.crypto_key_id)
                    if key is None:
                        continue
                    await repo.destroy_version(session, version, now)
                    keys.add(key.id)
                    records.append(
                        _version_record(
                            "crypto_key_version.destroy",
                            key,
                            version.number,
                            [change("state", mk.VersionState.DESTROY_SCHEDULED.value, version.state)],
                            actor=SCHEDULER_ACTOR,
                        )
                    )
                await append_events(session, records)
            for key_id in keys:
                await self._changed(key_id)
            destroyed += len(due)
            if not due:
                return destroyed

    # ==== root-key rotation ======================================================================

    async def rewrap_all(
        self, batch: int = 500, unreadable: list[tuple[str, str]] | None = None
    ) -> tuple[int, int]:
        """Re-wrap every version's material and every import job's private key under the
        newest root-key version (the operator command `keyturn rotate-root-key`). Returns
        (versions, import jobs) re-wrapped; safe to run again and beside live servers.

        With `unreadable` given, a row that no configured root key opens is left as it is,
        named there as (table, id), and the others are still done; without it the first such
        row raises DataLoss."""
        current = self.ring.current_version
        versions = jobs = 0
        skipped: set[str] = set()
        while True:
            limit = batch + len(skipped)  # the rows left behind come back in every batch
            async with self.db.transaction() as session:
                rows = await repo.versions_to_rewrap(session, current, limit)
                for row in rows:
                    assert row.wrapped_material is not None
                    name = f"{row.crypto_key_id}/{row.number}"
                    if name in skipped:
                        continue
                    old = WrappedMaterial(row.wrapped_material, row.root_key_version)
                    try:
                        material = self._unwrap(old, VERSION_KIND, row.crypto_key_id, row.number)
                    except DataLoss:
                        if unreadable is None:
                            raise
                        skipped.add(name)
                        unreadable.append(("crypto_key_version", name))
                        continue
                    fresh = self.ring.wrap(material, VERSION_KIND, row.crypto_key_id, row.number)
                    if await repo.replace_wrapped_material(
                        session,
                        row.crypto_key_id,
                        row.number,
                        row.root_key_version,
                        fresh.ciphertext,
                        current,
                    ):
                        versions += 1
            if len(rows) < limit:
                break
        skipped.clear()
        while True:
            limit = batch + len(skipped)
            async with self.db.transaction() as session:
                found = await repo.import_jobs_to_rewrap(session, current, limit)
                for job in found:
                    if job.id in skipped:
                        continue
                    old = WrappedMaterial(job.wrapped_private_key, job.root_key_version)
                    try:
                        material = self._unwrap(old, IMPORT_JOB_KIND, job.id, 0)
                    except DataLoss:
                        if unreadable is None:
                            raise
                        skipped.add(job.id)
                        unreadable.append(("import_job", job.id))
                        continue
                    fresh = self.ring.wrap(material, IMPORT_JOB_KIND, job.id)
                    if await repo.replace_import_job_key(
                        session, job.id, job.root_key_version, fresh.ciphertext, current
                    ):
                        jobs += 1
            if len(found) < limit:
                break
        self.cache.clear()
        return versions, jobs

    # ==== import (BYOK) ==========================================================================

    async def create_import_job(self, organization_id: str, method: mk.ImportMethod) -> ImportJob:
        permission = P.CRYPTO_KEYS_IMPORT
        async with self.db.transaction() as session:
            policy.require_member(permission, organization_id)
            await require_organization(session, organization_id)
            policy.authorize(permission, organization_id)
        pair = await asyncio.to_thread(mk.generate_import_key)
        now = self.clock()
        job_id = str(uuid.uuid4())
        wrapped = self.ring.wrap(pair.private_der, IMPORT_JOB_KIND, job_id)
        job = ImportJob(
            id=job_id,
            organization_id=organization_id,
            import_method=method.value,
            public_key_pem=pair.public_pem,
            wrapped_private_key=wrapped.ciphertext,
            root_key_version=wrapped.root_key_version,
            create_time=now,
            expire_time=now + mk.IMPORT_JOB_LIFETIME,
        )
        async with self.db.transaction() as session:
            await repo.add_import_job(session, job)
            await audit(
                session,
                AuditRecord(
                    action="import_job.create",
                    resource_type=IMPORT_JOB,
                    resource_id=job_id,
                    organization_id=organization_id,
                    changes=[
                        change("import_method", None, method.value),
                        change("expire_time", None, _stamp(job.expire_time)),
                    ],
                ),
            )
        return job

    async def _require_job(self, session: AsyncSession, job_id: str) -> ImportJob:
        job = await repo.get_import_job(session, job_id)
        if job is None:
            raise NotFound(IMPORT_JOB, job_id)
        policy.authorize(
            P.CRYPTO_KEYS_IMPORT, job.organization_id, resource_type=IMPORT_JOB, resource_id=job_id
        )
        return job

    async def get_import_job(self, job_id: str) -> ImportJob:
        async with self.db.transaction() as session:
            return await self._require_job(session, job_id)

    async def import_version(self, key_id: str, job_id: str, wrapped_material: bytes) -> CryptoKeyVersion:
        permission = P.CRYPTO_KEYS_IMPORT
        now = self.clock()
        async with self.db.transaction() as session:
            key = await self._require_key(session, key_id, permission)
            job = await self._require_job(session, job_id)
            if job.organization_id != key.organization_id:
                raise FailedPrecondition(
                    "the import job belongs to another organization than the key", {"importJobId": job_id}
                )
            if job.expire_time <= now:
                raise FailedPrecondition(
                    "the import job has expired; create a new one", {"importJobId": job_id}
                )
            algorithm = mk.Algorithm(key.algorithm)
            method = mk.ImportMethod(job.import_method)
            if not mk.import_method_fits(method, algorithm):
                raise InvalidArgument.field(
                    "import_job_id",
                    f"{method.value} cannot carry {algorithm.value} material; use RSA_OAEP_3072_SHA256_AES_256",
                )
            private_der = self._unwrap(
                WrappedMaterial(job.wrapped_private_key, job.root_key_version), IMPORT_JOB_KIND, job.id, 0
            )
        raw = await asyncio.to_thread(mk.unwrap_import, method, private_der, wrapped_material)
        material = await asyncio.to_thread(mk.validate_material, algorithm, raw)
        async with self.db.transaction() as session:
            key = await self._require_key(session, key_id, permission, for_update=True)
            number = repo.next_version_number(key)
            version = _new_version(self.ring, key.id, number, algorithm, material, now, import_job_id=job_id)
            make_primary = key.primary_version == 0
            await repo.add_version(session, key, version, make_primary=make_primary, now=now)
            await audit(
                session,
                _version_record(
                    "crypto_key_version.import",
                    key,
                    number,
                    [change("import_job_id", None, job_id), change("primary", None, make_primary)],
                ),
            )
        await self._changed(key_id)
        return version


def import_job_state(job: ImportJob, now: datetime) -> str:
    return "EXPIRED" if job.expire_time <= now else "ACTIVE"


__all__ = [
    "MAX_BATCH_ITEMS",
    "TOPIC",
    "UPDATE_PATHS",
    "CacheEntry",
    "CryptoKeyUpdate",
    "CryptoKeys",
    "DataKey",
    "DecryptCommand",
    "Decrypted",
    "EncryptCommand",
    "Encrypted",
    "KeyMeta",
    "Maced",
    "NewCryptoKey",
    "PublicKeyView",
    "ReEncrypted",
    "RotateResult",
    "Signed",
    "Verified",
    "VersionMaterial",
    "import_job_state",
]
