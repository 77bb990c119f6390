"""ValidateKey: the hot path.

1. Shape: the request is checked (key present and bounded, product_id UUID-shaped, scopes
   well formed, client_ip an address) and the key's format and CRC32 checksum verified
   (keyformat.parse) before any database access. Malformed, bad-checksum and unknown keys get
   the same KEY_INVALID answer.
2. Lookup: HMAC-SHA256 under the current secret finds the key in a bounded in-process LRU
   cache (usecases/keycache.py); on a miss, one indexed query looks up the hashes under every
   configured secret version at once. The stored hash is compared with hmac.compare_digest.
   A key found under an older secret version is re-hashed with the current one after its
   first successful validation.
3. Checks, in order: tenancy/product (WRONG_PRODUCT), revoked (KEY_REVOKED), expired
   (KEY_EXPIRED), IP allow-list (IP_NOT_ALLOWED), scopes (INSUFFICIENT_SCOPE), rate limit
   (RATE_LIMITED). Only a call that passes every check takes quota and counts as a use.
4. Rate limits: store/ratelimit.py (atomic counter per call for small limits, leased blocks
   for large ones). Usage: store/usage.py (in-memory aggregation, batched atomic increments).
5. Every attempt is submitted to the access log (which filters by audit level); unknown keys
   are identified only by a keyed fingerprint, never by their text.

In steady state (key cached, quota leased) a successful validation does no database I/O.
"""

from __future__ import annotations

import asyncio
import hmac
import ipaddress
import logging
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select, update

from keyturn_server.config import Settings
from keyturn_server.domain import keyformat
from keyturn_server.domain.access import Permission, caller_allows
from keyturn_server.domain.audit import FAILURE, SUCCESS, AuditRecord, ResourceType
from keyturn_server.domain.context import request_meta
from keyturn_server.domain.errors import (
    DomainError,
    FieldViolation,
    InsufficientScope,
    InvalidArgument,
    IpNotAllowed,
    KeyExpired,
    KeyInvalid,
    KeyRevoked,
    RateLimited,
    WrongProduct,
)
from keyturn_server.domain.netcheck import IPAddress, IPNetwork, ip_allowed, parse_ip
from keyturn_server.domain.ports import AccessLog
from keyturn_server.domain.ratelimit import normalize_window
from keyturn_server.store.db import Database
from keyturn_server.store.models import ApiKey, Product, ProjectProduct
from keyturn_server.store.ratelimit import RateDecision, RateLimiter, delete_ended
from keyturn_server.store.usage import UsageTracker
from keyturn_server.usecases.keycache import KeyCache

log = logging.getLogger("keyturn.validate")

ACTION = "key.validate"
MAX_REQUEST_KEY_LENGTH = 512
MAX_REQUIRED_SCOPES = 64
MAX_CLIENT_IP_LENGTH = 100
_SCOPE = re.compile(r"^[A-Za-z0-9_.:\-*/]{1,64}$")
_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_UNKNOWN_PRODUCT = ""
COUNTER_CLEANUP_SECONDS = 300.0


@dataclass(slots=True)
class ValidateInput:
    key: str
    product_id: str = ""
    required_scopes: tuple[str, ...] = ()
    client_ip: str = ""
    check_rate_limit: bool = True
    track_usage: bool = True


@dataclass(slots=True)
class CheckedInput:
    key: str
    product_id: str
    required_scopes: tuple[str, ...]
    client_ip: IPAddress | None
    check_rate_limit: bool
    track_usage: bool


def check_request(request: ValidateInput, key_prefix: str) -> CheckedInput:
    """Field checks (INVALID_ARGUMENT) then the key's shape and checksum (KEY_INVALID)."""
    checked = check_fields(request)
    keyformat.parse(request.key, key_prefix)
    return checked


def check_fields(request: ValidateInput) -> CheckedInput:
    """The request's fields (INVALID_ARGUMENT); the key's shape is checked separately."""
    violations: list[FieldViolation] = []
    if not request.key:
        violations.append(FieldViolation("plaintext", "required"))
    elif len(request.key) > MAX_REQUEST_KEY_LENGTH:
        violations.append(FieldViolation("plaintext", f"at most {MAX_REQUEST_KEY_LENGTH} characters"))
    if request.product_id and not _UUID.match(request.product_id):
        violations.append(FieldViolation("product_id", "must be a UUID"))
    if len(request.required_scopes) > MAX_REQUIRED_SCOPES:
        violations.append(FieldViolation("required_scopes", f"at most {MAX_REQUIRED_SCOPES}"))
    else:
        for index, scope in enumerate(request.required_scopes):
            if not _SCOPE.match(scope):
                violations.append(
                    FieldViolation(f"required_scopes[{index}]", "must match [A-Za-z0-9_.:-*/]{1,64}")
                )
    client_ip: IPAddress | None = None
    if request.client_ip:
        try:
            if len(request.client_ip) > MAX_CLIENT_IP_LENGTH:
                raise ValueError("too long")
            client_ip = parse_ip(request.client_ip)
        except ValueError:
            violations.append(FieldViolation("client_ip", "must be an IPv4 or IPv6 address"))
    if violations:
        raise InvalidArgument(violations)
    return CheckedInput(
        key=request.key,
        product_id=request.product_id.lower(),
        required_scopes=tuple(dict.fromkeys(request.required_scopes)),
        client_ip=client_ip,
        check_rate_limit=request.check_rate_limit,
        track_usage=request.track_usage,
    )


def _hmac_hex(secret: bytes, plaintext: str) -> str:
    """keyformat.key_hash, through the one-shot C implementation (the hot path's HMAC)."""
    return hmac.digest(secret, plaintext.encode(), "sha256").hex()


def _networks(cidrs: Sequence[str]) -> tuple[IPNetwork, ...]:
    networks: list[IPNetwork] = []
    for cidr in cidrs:
        try:
            networks.append(ipaddress.ip_network(cidr.strip(), strict=False))
        except ValueError:
            # Fail closed: an unreadable entry allows nothing, but the list stays non-empty.
            log.warning("ignoring a malformed stored CIDR")
    if cidrs and not networks:
        networks.append(ipaddress.ip_network("0.0.0.0/32"))  # matches no real client
    return tuple(networks)


@dataclass
class CachedKey:
    """What the hot path needs to decide, from one api_key row (plus a rendering slot)."""

    row: ApiKey  # detached snapshot; never mutated
    id: str
    organization_id: str
    project_id: str
    product_id: str
    stored_hash: str
    secret_version: int
    scopes: frozenset[str]
    rate_limit: tuple[int, str] | None
    expire_time: datetime | None
    revoke_time: datetime | None
    networks: tuple[IPNetwork, ...]
    use_count: int
    last_used_time: datetime | None
    # The servicer's rendering of `row` (a keys_pb2.ApiKey), built once per cached entry.
    rendered: Any = None

    @classmethod
    def from_row(cls, row: ApiKey) -> CachedKey:
        limit = None
        if row.rate_limit_requests and row.rate_limit_window:
            limit = (int(row.rate_limit_requests), normalize_window(row.rate_limit_window))
        return cls(
            row=row,
            id=row.id,
            organization_id=row.organization_id,
            project_id=row.project_id or "",
            product_id=row.product_id or "",
            stored_hash=row.key_hash,
            secret_version=row.secret_version,
            scopes=frozenset(row.scopes or ()),
            rate_limit=limit,
            expire_time=row.expire_time,
            revoke_time=row.revoke_time,
            networks=_networks(row.allowed_cidrs or ()),
            use_count=int(row.use_count or 0),
            last_used_time=row.last_used_time,
        )


@dataclass(slots=True)
class Validated:
    key: CachedKey
    rate: RateDecision | None
    use_count: int
    last_used_time: datetime | None
    now: datetime


@dataclass(slots=True)
class _Facts:
    """What is known about the attempt so far, for its audit record."""

    key: CachedKey | None = None
    extra: dict[str, str] = field(default_factory=dict)


class Validator:
    def __init__(
        self,
        settings: Settings,
        db: Database,
        access_log: Callable[[], AccessLog | None] = lambda: None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.settings = settings
        self.db = db
        self.access_log = access_log
        self.clock = clock
        self.secrets = {s.version: s.value for s in settings.secrets}
        self.current = settings.current_secret
        self.keys: KeyCache[CachedKey] = KeyCache(settings.key_cache_size, settings.key_cache_ttl_seconds)
        # product id -> organization id ("" when the product does not exist)
        self.products: KeyCache[str] = KeyCache(
            min(settings.key_cache_size, 10_000), settings.key_cache_ttl_seconds
        )
        # "project_id/product_id" -> linked?
        self.links: KeyCache[bool] = KeyCache(
            min(settings.key_cache_size, 10_000), settings.key_cache_ttl_seconds
        )
        self._inflight: dict[str, asyncio.Future[CachedKey | None]] = {}
        # The AccessLog port's level rule (basic: none, detailed: failures, verbose: all),
        # applied here too so the hot path does not build records that would be dropped.
        self.audit_successes = settings.audit_level == "verbose"
        self.audit_failures = settings.audit_level != "basic"
        self.limiter = RateLimiter(db, clock=clock)
        self._next_counter_cleanup = 0.0
        self.usage = UsageTracker(db)
        self.usage.on_flushed = self._on_usage_flushed

    # ---- invalidation -------------------------------------------------------------------

    def forget_key(self, key_id: str) -> None:
        """A key changed (revoked, updated, rotated, deleted): drop everything local about it."""
        self.keys.evict_key(key_id)
        self.limiter.forget(key_id)

    def forget_all(self) -> None:
        """Invalidations may have been missed (e.g. the LISTEN connection dropped)."""
        self.keys.clear()
        self.products.clear()
        self.links.clear()
        self.limiter.clear()

    def _on_usage_flushed(self, key_id: str, count: int, last_used: datetime) -> None:
        for entry in self.keys.values_for_key(key_id):
            entry.use_count += count
            if entry.last_used_time is None or last_used > entry.last_used_time:
                entry.last_used_time = last_used

    # ---- the use case -------------------------------------------------------------------

    async def validate(self, request: ValidateInput) -> Validated:
        facts = _Facts()
        try:
            result = await self._validate(request, facts)
        except DomainError as err:
            await self._audit(request, facts, FAILURE, err.reason)
            raise
        await self._audit(request, facts, SUCCESS, "")
        return result

    async def _validate(self, request: ValidateInput, facts: _Facts) -> Validated:
        checked = check_fields(request)
        entry = await self._lookup(checked.key)
        if entry is None:
            raise KeyInvalid()
        if not caller_allows(
            Permission.KEYS_VALIDATE, entry.organization_id, None, checked.product_id or entry.product_id
        ):
            raise KeyInvalid()  # another tenant's key looks like an unknown one (domain/access.py)
        facts.key = entry
        meta = request_meta()
        meta.log_fields["key_id"] = entry.id

        now_epoch = self.clock()
        now = datetime.fromtimestamp(now_epoch, UTC)
        if checked.product_id:
            await self._check_product(entry, checked.product_id)
        if entry.revoke_time is not None:
            raise KeyRevoked()
        if entry.expire_time is not None and entry.expire_time <= now:
            raise KeyExpired(entry.expire_time)
        if entry.networks and (
            checked.client_ip is None or not ip_allowed(checked.client_ip, entry.networks)
        ):
            raise IpNotAllowed()
        if checked.required_scopes:
            missing = [s for s in checked.required_scopes if s not in entry.scopes]
            if missing:
                raise InsufficientScope(missing)
        decision: RateDecision | None = None
        if checked.check_rate_limit and entry.rate_limit is not None:
            limit, window = entry.rate_limit
            decision = await self.limiter.acquire(entry.id, limit, window)
            if not decision.allowed:
                raise RateLimited(limit, window, decision.window.reset_time, decision.retry_after)

        # Success from here on.
        if entry.secret_version != self.current.version:
            await self._rehash(entry, checked.key)
        if checked.track_usage:
            self.usage.record(entry.id, now)
        pending = self.usage.pending(entry.id)
        use_count = entry.use_count + (pending.count if pending else 0)
        last_used = entry.last_used_time
        if pending is not None and (last_used is None or pending.last_used > last_used):
            last_used = pending.last_used
        return Validated(entry, decision, use_count, last_used, now)

    async def _lookup(self, plaintext: str) -> CachedKey | None:
        """The key's entry, from the cache or (after checking its shape) the database.

        A cache hit skips keyformat.parse: only well-formed keys are ever stored, so a
        presented value whose keyed hash matches a stored one has the right shape. Every
        value that reaches the database has passed parse (shape, prefix and checksum).
        Concurrent misses for the same value share one query.
        """
        current_hash = _hmac_hex(self.current.value, plaintext)
        entry = self.keys.get(current_hash)
        if entry is not None:
            expected = (
                current_hash
                if entry.secret_version == self.current.version
                else _hmac_hex(self.secrets[entry.secret_version], plaintext)
            )
            if hmac.compare_digest(entry.stored_hash, expected):
                return entry
            return None
        keyformat.parse(plaintext, self.settings.key_prefix)  # KeyInvalid before any I/O
        # One query per value however many callers miss at once; the load runs as its own
        # task so a cancelled caller does not cancel it for the others.
        task = self._inflight.get(current_hash)
        if task is None:
            task = asyncio.ensure_future(self._load(plaintext, current_hash))
            self._inflight[current_hash] = task
            task.add_done_callback(lambda _: self._inflight.pop(current_hash, None))
        return await asyncio.shield(task)

    async def _load(self, plaintext: str, current_hash: str) -> CachedKey | None:
        by_version = {self.current.version: current_hash}
        for version, secret in self.secrets.items():
            if version != self.current.version:
                by_version[version] = _hmac_hex(secret, plaintext)
        generation = self.keys.generation
        async with self.db.transaction() as session:
            rows = (
                await session.scalars(select(ApiKey).where(ApiKey.key_hash.in_(list(by_version.values()))))
            ).all()
        for row in rows:
            wanted = by_version.get(row.secret_version)
            if wanted is not None and hmac.compare_digest(row.key_hash, wanted):
                entry = CachedKey.from_row(row)
                self.keys.put(current_hash, entry.id, entry, generation)
                return entry
        return None

    async def _check_product(self, entry: CachedKey, product_id: str) -> None:
        if entry.product_id and entry.product_id != product_id:
            raise WrongProduct()
        org = await self._product_org(product_id)
        if org != entry.organization_id:
            # Unknown products and other organizations' products look the same.
            raise WrongProduct()
        if entry.project_id and not entry.product_id:
            # A project-scoped key serves the products linked to its project.
            if not await self._linked(entry.project_id, product_id):
                raise WrongProduct()

    async def _product_org(self, product_id: str) -> str:
        cached = self.products.get(product_id)
        if cached is not None:
            return cached
        generation = self.products.generation
        async with self.db.transaction() as session:
            found = await session.scalar(select(Product.organization_id).where(Product.id == product_id))
        value = found or _UNKNOWN_PRODUCT
        self.products.put(product_id, product_id, value, generation)
        return value

    async def _linked(self, project_id: str, product_id: str) -> bool:
        lookup = f"{project_id}/{product_id}"
        cached = self.links.get(lookup)
        if cached is not None:
            return cached
        generation = self.links.generation
        async with self.db.transaction() as session:
            found = await session.scalar(
                select(ProjectProduct.product_id).where(
                    ProjectProduct.project_id == project_id, ProjectProduct.product_id == product_id
                )
            )
        linked = found is not None
        self.links.put(lookup, lookup, linked, generation)
        return linked

    async def _rehash(self, entry: CachedKey, plaintext: str) -> None:
        """Move a key found under an older secret version to the current one."""
        new_hash = _hmac_hex(self.current.value, plaintext)
        async with self.db.transaction() as session:
            await session.execute(
                update(ApiKey)
                .where(ApiKey.id == entry.id, ApiKey.key_hash == entry.stored_hash)
                .values(key_hash=new_hash, secret_version=self.current.version)
            )
        entry.stored_hash = new_hash
        entry.secret_version = self.current.version
        log.info("re-hashed a key with the current secret", extra={"fields": {"key_id": entry.id}})

    async def _audit(self, request: ValidateInput, facts: _Facts, outcome: str, reason: str) -> None:
        sink = self.access_log()
        if sink is None or not (self.audit_successes if outcome == SUCCESS else self.audit_failures):
            return
        entry = facts.key
        if entry is not None:
            record = AuditRecord(
                action=ACTION,
                outcome=outcome,
                reason=reason,
                resource_type=ResourceType.API_KEY,
                resource_id=entry.id,
                organization_id=entry.organization_id,
                project_id=entry.project_id,
                key_id=entry.id,
            )
        else:
            record = AuditRecord(
                action=ACTION,
                outcome=outcome,
                reason=reason,
                resource_type=ResourceType.API_KEY,
                key_fingerprint=keyformat.fingerprint(self.current.value, request.key) if request.key else "",
            )
        try:
            await sink.submit(record)
        except Exception:
            # The access log counts and reports its own losses; never fail the validation.
            log.warning("could not submit an access record", exc_info=True)

    # ---- background work ----------------------------------------------------------------

    async def tick(self) -> None:
        """Periodic: flush usage counts, forget ended windows, now and then delete old counters."""
        await self.usage.flush()
        self.limiter.prune()
        now = self.clock()
        if now >= self._next_counter_cleanup:
            self._next_counter_cleanup = now + COUNTER_CLEANUP_SECONDS
            await delete_ended(self.db, now)

    async def shutdown(self) -> None:
        await self.usage.flush()
        await self.limiter.release_all()
