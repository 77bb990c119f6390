"""Typed SQLAlchemy models for every table. The schema itself is created by Alembic.

Conventions: singular snake_case tables, `*_time` timestamps stored as UTC, UUIDs as
36-character strings (portable between PostgreSQL and SQLite), a naming convention on the
MetaData so constraint names are stable across backends and migrations.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    event,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every backend (SQLite stores them naive)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime, dict[str, Any]: JSON, list[str]: JSON}


class Organization(Base):
    __tablename__ = "organization"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    create_time: Mapped[datetime]


class Project(Base):
    __tablename__ = "project"
    __table_args__ = (UniqueConstraint("organization_id", "name"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    organization_id: Mapped[str] = mapped_column(
        ForeignKey("organization.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    create_time: Mapped[datetime]


class Product(Base):
    __tablename__ = "product"
    __table_args__ = (UniqueConstraint("organization_id", "name"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    organization_id: Mapped[str] = mapped_column(
        ForeignKey("organization.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    create_time: Mapped[datetime]


class ProjectProduct(Base):
    """A product linked to a project of the same organization."""

    __tablename__ = "project_product"

    project_id: Mapped[str] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"), primary_key=True)
    product_id: Mapped[str] = mapped_column(
        ForeignKey("product.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    create_time: Mapped[datetime]


class ApiKey(Base):
    """An issued key. Only a keyed hash of the plaintext is stored, never the plaintext."""

    __tablename__ = "api_key"
    __table_args__ = (
        # Keyset pagination: newest first within a parent.
        Index("ix_api_key_org_created", "organization_id", "create_time", "id"),
        Index("ix_api_key_project_created", "project_id", "create_time", "id"),
        Index("ix_api_key_product_created", "product_id", "create_time", "id"),
        # Restricted child keys: ListKeys by parent_key_id and the revocation cascade.
        Index("ix_api_key_parent_created", "parent_key_id", "create_time", "id"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    organization_id: Mapped[str] = mapped_column(ForeignKey("organization.id", ondelete="CASCADE"))
    project_id: Mapped[str | None] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"))
    product_id: Mapped[str | None] = mapped_column(ForeignKey("product.id", ondelete="CASCADE"))
    # HMAC-SHA256(server secret of `secret_version`, plaintext), hex.
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    secret_version: Mapped[int] = mapped_column(Integer)
    start: Mapped[str] = mapped_column(String(40))
    environment: Mapped[str] = mapped_column(String(8))
    name: Mapped[str] = mapped_column(String(200), default="")
    scopes: Mapped[list[str]] = mapped_column(default=list)
    rate_limit_requests: Mapped[int | None] = mapped_column(BigInteger)
    rate_limit_window: Mapped[str | None] = mapped_column(String(8))
    custom: Mapped[dict[str, Any]] = mapped_column(default=dict)
    allowed_cidrs: Mapped[list[str]] = mapped_column(default=list)
    create_time: Mapped[datetime]
    update_time: Mapped[datetime]
    expire_time: Mapped[datetime | None]
    revoke_time: Mapped[datetime | None]
    revoke_reason: Mapped[str] = mapped_column(String(500), default="")
    use_count: Mapped[int] = mapped_column(BigInteger, default=0)
    last_used_time: Mapped[datetime | None]
    rotated_from_key_id: Mapped[str | None] = mapped_column(String(36))
    replaced_by_key_id: Mapped[str | None] = mapped_column(String(36))
    # When the key was first reported leaked (usecases/leaks.py); None while never reported.
    leak_time: Mapped[datetime | None] = mapped_column(default=None)
    # Restricted child keys (migration 0005_child_keys): the key this one was derived from.
    parent_key_id: Mapped[str | None] = mapped_column(String(36), default=None)
    # --- rotation policy and recoverability (usecases/key_rotation.py) ---
    # AUTOMATIC | REMIND; None = no rotation policy.
    rotation_mode: Mapped[str | None] = mapped_column(String(16))
    rotation_period_seconds: Mapped[int | None] = mapped_column(BigInteger)
    rotation_grace_seconds: Mapped[int | None] = mapped_column(BigInteger)
    # When the key is due; None without a policy or once replaced.
    next_rotation_time: Mapped[datetime | None] = mapped_column(index=True)
    # REMIND: ROTATION_DUE reminders sent for the current due time (0, 1 = due, 2 = grace end).
    rotation_reminders: Mapped[int] = mapped_column(Integer, default=0)
    # The expiry the key was given (request, policy or rotated-from key) before a REMIND
    # policy capped expire_time at due + grace; None = never.
    expire_cap: Mapped[datetime | None]
    recoverable: Mapped[bool] = mapped_column(Boolean, default=False)
    # The plaintext encrypted under the organization's reserved managed key (AAD: the key id).
    recovery_ciphertext: Mapped[bytes | None] = mapped_column(LargeBinary)
    # Credits and named limits (migration 0006_credits_limits): [{"name", "requests",
    # "window"}] besides the default rate_limit; the credit balance in `key_credit`.
    named_limits: Mapped[list[Any]] = mapped_column(JSON, default=list)
    # Shared credits (migration 0013_shared_credits): the `key_credit` balance this key draws
    # on. A rotated key and its successor reference the same one, so the grace never doubles
    # the credits; None = no credits (unlimited).
    credit_key_id: Mapped[str | None] = mapped_column(String(36), index=True, default=None)
    credit: Mapped[KeyCredit | None] = relationship(
        primaryjoin="foreign(ApiKey.credit_key_id) == KeyCredit.key_id", lazy="selectin"
    )


class RateLimitCounter(Base):
    """Successful validations of one key in one fixed window, incremented atomically in SQL."""

    __tablename__ = "rate_limit_counter"

    key_id: Mapped[str] = mapped_column(ForeignKey("api_key.id", ondelete="CASCADE"), primary_key=True)
    # "default" (metadata.rate_limit) or the name of one of the key's named_limits.
    limit_name: Mapped[str] = mapped_column(String(32), primary_key=True, server_default="default")
    # Start of the window, in seconds since the Unix epoch.
    window_start: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    count: Mapped[int] = mapped_column(BigInteger)


class KeyCredit(Base):
    """A credit balance, drawn on by the keys whose `credit_key_id` names it (a key and, while
    its rotation grace lasts, its successor). `remaining` only ever changes by single
    conditional statements (store/ratelimit.py), never by read-modify-write, so it is exact
    across replicas."""

    __tablename__ = "key_credit"

    # The balance's id: the id of the key it was created for (before 0013_shared_credits) or a
    # fresh UUID. Not a foreign key: the balance outlives a rotated key that is deleted while
    # its successor still draws on it (repositories.delete_key drops it once unreferenced).
    key_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    remaining: Mapped[int] = mapped_column(BigInteger)
    low_threshold: Mapped[int] = mapped_column(BigInteger, default=0)
    refill_interval: Mapped[str | None] = mapped_column(String(8))  # DAILY | MONTHLY
    refill_amount: Mapped[int | None] = mapped_column(BigInteger)
    refill_day: Mapped[int] = mapped_column(Integer, default=0)  # MONTHLY: 1..28, else 0
    # The refill time (epoch seconds) the balance was last refilled at or created in.
    last_refill_start: Mapped[int | None] = mapped_column(BigInteger)


@event.listens_for(ApiKey, "init")
def _no_credit_by_default(_target: ApiKey, _args: Any, kwargs: dict[str, Any]) -> None:
    # A new key without credits must not lazy-load `credit` later (no I/O in async code).
    kwargs.setdefault("credit", None)


class AuditEvent(Base):
    """One link of the audit hash chain. `sequence` is assigned under a lock by the appender."""

    __tablename__ = "audit_event"
    __table_args__ = (
        Index("ix_audit_event_org_seq", "organization_id", "sequence"),
        Index("ix_audit_event_key_seq", "key_id", "sequence"),
        Index("ix_audit_event_time", "event_time"),
        Index("ix_audit_event_action_seq", "action", "sequence"),
    )

    sequence: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    event_time: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(64))
    resource_type: Mapped[str] = mapped_column(String(32), default="")
    resource_id: Mapped[str] = mapped_column(String(64), default="")
    organization_id: Mapped[str] = mapped_column(String(36), default="")
    project_id: Mapped[str] = mapped_column(String(36), default="")
    key_id: Mapped[str] = mapped_column(String(36), default="")
    outcome: Mapped[str] = mapped_column(String(8))
    reason: Mapped[str] = mapped_column(String(500), default="")
    request_id: Mapped[str] = mapped_column(String(64), default="")
    client_address: Mapped[str] = mapped_column(String(200), default="")
    user_agent: Mapped[str] = mapped_column(String(200), default="")
    changes: Mapped[list[Any]] = mapped_column(JSON, default=list)
    key_fingerprint: Mapped[str] = mapped_column(String(32), default="")
    previous_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditAnchor(Base):
    """The chain's starting point: after pruning, the hash of the last removed event."""

    __tablename__ = "audit_anchor"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    # Events with sequence <= pruned_through were pruned; the next event links to anchor_hash.
    pruned_through: Mapped[int] = mapped_column(BigInteger, default=0)
    anchor_hash: Mapped[str] = mapped_column(String(64))
    update_time: Mapped[datetime]


class Principal(Base):
    """A caller of Keyturn (a person or an internal service) and its role bindings."""

    __tablename__ = "principal"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    # [{"role": "ROLE_KEY_MANAGER", "organization_id": ..., "project_id": ..., "product_id": ...}]
    roles: Mapped[list[Any]] = mapped_column(JSON, default=list)
    certificate_identity: Mapped[str | None] = mapped_column(String(500), unique=True)
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    create_time: Mapped[datetime]
    update_time: Mapped[datetime]


class PrincipalToken(Base):
    """A bearer token of a principal; stored like API keys, as a keyed hash only."""

    __tablename__ = "principal_token"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    principal_id: Mapped[str] = mapped_column(ForeignKey("principal.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    secret_version: Mapped[int] = mapped_column(Integer)
    start: Mapped[str] = mapped_column(String(40))
    description: Mapped[str] = mapped_column(Text, default="")
    create_time: Mapped[datetime]
    expire_time: Mapped[datetime | None]
    revoke_time: Mapped[datetime | None]


class CryptoKey(Base):
    """A managed key. Its material lives in its versions, wrapped under the root key."""

    __tablename__ = "crypto_key"
    __table_args__ = (
        UniqueConstraint("organization_id", "name"),
        # Keyset pagination: oldest first within an organization.
        Index("ix_crypto_key_org_created", "organization_id", "create_time", "id"),
        Index("ix_crypto_key_next_rotation", "next_rotation_time"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    organization_id: Mapped[str] = mapped_column(ForeignKey("organization.id", ondelete="CASCADE"))
    project_id: Mapped[str | None] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    # domain.managed_keys.Purpose / Algorithm values.
    purpose: Mapped[str] = mapped_column(String(32))
    algorithm: Mapped[str] = mapped_column(String(32))
    labels: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # 0 while an import_only key has no version yet.
    primary_version: Mapped[int] = mapped_column(Integer, default=0)
    # The highest version number handed out (versions are numbered 1, 2, ...).
    latest_version: Mapped[int] = mapped_column(Integer, default=0)
    rotation_period_seconds: Mapped[int | None] = mapped_column(BigInteger)
    next_rotation_time: Mapped[datetime | None]
    min_decryption_version: Mapped[int] = mapped_column(Integer, default=0)
    destroy_scheduled_seconds: Mapped[int] = mapped_column(BigInteger)
    import_only: Mapped[bool] = mapped_column(Boolean, default=False)
    create_time: Mapped[datetime]
    update_time: Mapped[datetime]


class CryptoKeyVersion(Base):
    """One version's material, AES-256-GCM-wrapped under `root_key_version` of the root key
    with associated data binding it to (crypto_key_id, number); NULL once destroyed."""

    __tablename__ = "crypto_key_version"
    __table_args__ = (Index("ix_crypto_key_version_destroy", "state", "destroy_time"),)

    crypto_key_id: Mapped[str] = mapped_column(
        ForeignKey("crypto_key.id", ondelete="CASCADE"), primary_key=True
    )
    number: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    # domain.managed_keys.VersionState values.
    state: Mapped[str] = mapped_column(String(24))
    algorithm: Mapped[str] = mapped_column(String(32))
    wrapped_material: Mapped[bytes | None] = mapped_column(LargeBinary)
    root_key_version: Mapped[int] = mapped_column(Integer)
    create_time: Mapped[datetime]
    destroy_time: Mapped[datetime | None]
    destroy_event_time: Mapped[datetime | None]
    import_job_id: Mapped[str | None] = mapped_column(String(36))
    import_time: Mapped[datetime | None]


class ImportJob(Base):
    """A BYOK wrapping key pair; the private key is wrapped under the root key like material."""

    __tablename__ = "import_job"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    organization_id: Mapped[str] = mapped_column(
        ForeignKey("organization.id", ondelete="CASCADE"), index=True
    )
    import_method: Mapped[str] = mapped_column(String(48))
    public_key_pem: Mapped[str] = mapped_column(Text)
    wrapped_private_key: Mapped[bytes] = mapped_column(LargeBinary)
    root_key_version: Mapped[int] = mapped_column(Integer)
    create_time: Mapped[datetime]
    expire_time: Mapped[datetime]


class SchedulerLease(Base):
    """The scheduler's leader lease (the portable path where advisory locks are not used)."""

    __tablename__ = "scheduler_lease"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    holder: Mapped[str] = mapped_column(String(200))
    expires_at: Mapped[datetime]


class KeyChange(Base):
    """A cache-invalidation announcement for KEYTURN_CHANGE_FEED=poll (store/keyevents.py).

    Written after the change committed, read by every replica's poller by `create_time`
    window (ids from a sequence may commit out of order), pruned after a retention period.
    """

    __tablename__ = "key_change"

    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    )
    payload: Mapped[str] = mapped_column(String(200))
    create_time: Mapped[datetime] = mapped_column(index=True)


class LockRow(Base):
    """One row per named lock for KEYTURN_LOCKS=row: SELECT ... FOR UPDATE instead of an
    advisory lock (engines without pg_advisory_xact_lock). Migration 0003 adds `audit_chain`."""

    __tablename__ = "lock_row"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)


class KeyEvent(Base):
    """One entry of the durable key-event log (store/key_event_log.py). `sequence` is assigned
    under the audit chain's lock, so it increases in commit order across replicas. `dedupe`
    makes an event at most once (e.g. the first RATE_LIMIT_EXCEEDED of a key and window)."""

    __tablename__ = "key_event"
    __table_args__ = (
        Index("ix_key_event_org_seq", "organization_id", "sequence"),
        Index("ix_key_event_key_seq", "key_id", "sequence"),
    )

    sequence: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    event_time: Mapped[datetime] = mapped_column(index=True)
    type: Mapped[str] = mapped_column(String(32))
    organization_id: Mapped[str] = mapped_column(String(36))
    project_id: Mapped[str] = mapped_column(String(36), default="")
    product_id: Mapped[str] = mapped_column(String(36), default="")
    key_id: Mapped[str] = mapped_column(String(36))
    actor: Mapped[str] = mapped_column(String(200), default="")
    data: Mapped[dict[str, Any]] = mapped_column(default=dict)
    dedupe: Mapped[str | None] = mapped_column(String(200), unique=True)


# The expiry scan (EXPIRING / EXPIRED key events) reads keys by expire_time ranges.
Index("ix_api_key_expire_time", ApiKey.expire_time)


class KeyPolicyRow(Base):
    """The key policy of an organization (`organizations/{id}`) or a project (`projects/{id}`);
    `policy` holds only the fields the owner set (domain/key_policy.py)."""

    __tablename__ = "key_policy"

    scope: Mapped[str] = mapped_column(String(80), primary_key=True)
    organization_id: Mapped[str] = mapped_column(ForeignKey("organization.id", ondelete="CASCADE"))
    project_id: Mapped[str | None] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"))
    policy: Mapped[dict[str, Any]] = mapped_column(default=dict)
    update_time: Mapped[datetime]


# ---- Keys imported from other systems (ImportKeys; usecases/imported_keys.py) -----------------


class ImportedKeySecret(Base):
    """An old system's HMAC secret, AES-256-GCM-wrapped under the root key (RootKeyRing kind
    `imported_key_secret`, bound to this row's id). One row per organization and secret (the
    keyed `fingerprint` finds it again); deleted once no pending imported key needs it."""

    __tablename__ = "imported_key_secret"
    __table_args__ = (UniqueConstraint("organization_id", "fingerprint"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    organization_id: Mapped[str] = mapped_column(ForeignKey("organization.id", ondelete="CASCADE"))
    # HMAC-SHA256 under the server secret of the secret: never the secret itself.
    fingerprint: Mapped[str] = mapped_column(String(64))
    wrapped_secret: Mapped[bytes] = mapped_column(LargeBinary)
    root_key_version: Mapped[int] = mapped_column(Integer)
    create_time: Mapped[datetime]


class ImportedKey(Base):
    """What an imported API key brought along. Until its first successful validation it holds
    the old system's hash (`digest` for SHA256/SHA512/HMAC_SHA256, `bcrypt_hash` + its
    `lookup_hint` for BCRYPT) and its api_key row holds a placeholder hash that matches
    nothing; the re-hash moves the key to Keyturn's keyed hash and clears these columns."""

    __tablename__ = "imported_key"
    __table_args__ = (
        UniqueConstraint("organization_id", "external_id"),
        Index("ix_imported_key_lookup_hint", "lookup_hint"),
        Index("ix_imported_key_rehash_time", "rehash_time"),
    )

    key_id: Mapped[str] = mapped_column(ForeignKey("api_key.id", ondelete="CASCADE"), primary_key=True)
    organization_id: Mapped[str] = mapped_column(ForeignKey("organization.id", ondelete="CASCADE"))
    external_id: Mapped[str | None] = mapped_column(String(200))
    # domain.imported_keys.HashAlgorithm values.
    algorithm: Mapped[str] = mapped_column(String(16))
    # Lowercase hex digest; NULL for bcrypt and once re-hashed.
    digest: Mapped[str | None] = mapped_column(String(128), unique=True)
    bcrypt_hash: Mapped[str | None] = mapped_column(String(60), unique=True)
    secret_id: Mapped[str | None] = mapped_column(ForeignKey("imported_key_secret.id"), index=True)
    lookup_hint: Mapped[str | None] = mapped_column(String(32))
    import_time: Mapped[datetime]
    # NULL while the imported hash is still the key's only hash.
    rehash_time: Mapped[datetime | None]


class RevealCounter(Base):
    """RevealKey calls of one principal in one fixed window, incremented atomically in SQL
    (the rate-limit counter's statement, store/ratelimit.py; a table of its own because
    rate_limit_counter rows belong to keys)."""

    __tablename__ = "reveal_counter"

    principal_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    # Start of the window, in seconds since the Unix epoch.
    window_start: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    count: Mapped[int] = mapped_column(BigInteger)


# --- Webhooks (store/webhooks.py, usecases/webhooks.py) ----------------------------------------


class Webhook(Base):
    """A webhook subscription. The signing secret is stored only wrapped under the root key
    ring (kind "webhook_secret", resource version = secret_version); during a rotation's
    overlap the previous secret is kept wrapped too, until previous_secret_expire_time."""

    __tablename__ = "webhook"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    organization_id: Mapped[str] = mapped_column(
        ForeignKey("organization.id", ondelete="CASCADE"), index=True
    )
    url: Mapped[str] = mapped_column(String(2048))
    event_types: Mapped[list[str]] = mapped_column(default=list)
    description: Mapped[str] = mapped_column(String(500), default="")
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    disabled_reason: Mapped[str] = mapped_column(String(500), default="")
    # Events with a sequence above this (the log head at creation) are delivered.
    start_sequence: Mapped[int] = mapped_column(BigInteger, default=0)
    secret_version: Mapped[int] = mapped_column(Integer, default=1)
    secret_wrapped: Mapped[bytes] = mapped_column(LargeBinary)
    secret_root_key_version: Mapped[int] = mapped_column(Integer)
    previous_secret_wrapped: Mapped[bytes | None] = mapped_column(LargeBinary)
    previous_secret_root_key_version: Mapped[int | None] = mapped_column(Integer)
    previous_secret_expire_time: Mapped[datetime | None]
    secret_rotate_time: Mapped[datetime | None]
    # Deliveries in a row that gave up; reset by a success. Disables the webhook at a limit.
    consecutive_gave_up: Mapped[int] = mapped_column(Integer, default=0)
    create_time: Mapped[datetime]
    update_time: Mapped[datetime]


class WebhookDelivery(Base):
    """One key event for one subscription (the outbox row). Created by the dispatcher in the
    transaction that advances webhook_cursor; (webhook_id, event_sequence) is unique, so a
    repeated dispatch cannot duplicate it. A sender claims a due row by moving
    next_attempt_time past its lease and setting lease_token; only the holder of the token
    records the attempt's result."""

    __tablename__ = "webhook_delivery"
    __table_args__ = (
        UniqueConstraint("webhook_id", "event_sequence"),
        Index("ix_webhook_delivery_due", "state", "next_attempt_time"),
        Index("ix_webhook_delivery_list", "webhook_id", "create_time", "id"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    webhook_id: Mapped[str] = mapped_column(ForeignKey("webhook.id", ondelete="CASCADE"))
    organization_id: Mapped[str] = mapped_column(String(36))
    event_sequence: Mapped[int] = mapped_column(BigInteger)
    event_type: Mapped[str] = mapped_column(String(32))
    state: Mapped[str] = mapped_column(String(16))
    next_attempt_time: Mapped[datetime | None]
    # Start of the current retry window (creation, or the last redelivery).
    window_start: Mapped[datetime]
    # Attempts in the current window (picks the backoff step); attempt_count: in all.
    window_attempts: Mapped[int] = mapped_column(Integer, default=0)
    attempt_count: Mapped[int] = mapped_column(Integer, default=0)
    attempts: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    lease_token: Mapped[str | None] = mapped_column(String(36))
    create_time: Mapped[datetime]


class WebhookCursor(Base):
    """How far the dispatcher has read the key-event log (one row, name "webhooks")."""

    __tablename__ = "webhook_cursor"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    sequence: Mapped[int] = mapped_column(BigInteger, default=0)


# --- leaked-key reports: the outbox (usecases/leaks.py) ---------------------------------------


class LeakReportOutbox(Base):
    """The part of one ReportLeakedKeys call the reporter is answered NOT_FOUND for, written
    in the call's transaction and acted upon after the answer (LeakReports.apply_pending),
    so the call takes as long whether or not a string was another tenant's live key.
    `entries`: one {"key_id" (None when no key matched), "source", "url"} per such candidate;
    never a candidate string. `actor`..`user_agent`: the reporter, for the audit records."""

    __tablename__ = "leak_report_outbox"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    create_time: Mapped[datetime] = mapped_column(index=True)
    entries: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    actor: Mapped[str] = mapped_column(String(200), default="")
    request_id: Mapped[str] = mapped_column(String(200), default="")
    client_address: Mapped[str] = mapped_column(String(200), default="")
    user_agent: Mapped[str] = mapped_column(String(500), default="")
