"""ValidateKey: the hot path.

1. The request's fields were checked at the edge (domain.keycheck.check_request).
2. Lookup: the keyed hash under the current secret finds the key in the bounded LRU+TTL
   cache; on a miss, the key's shape and CRC32 checksum are verified (keyformat.parse: typos
   and random strings never reach the database) and one indexed query looks the hashes up
   under every secret version at once (concurrent misses share it: SingleFlight). A key
   found under an older secret version is re-hashed with the current one after its first
   successful validation.
   A value without Keyturn's shape is looked up among keys imported from other systems, and
   only while the deployment holds some (usecases/imported_keys.py); such a key is re-hashed
   to the keyed hash after its first successful validation.
3. Tenancy: another tenant's key looks like an unknown one (KEY_INVALID), before any quota
   or usage is touched; a product-bound VALIDATOR validates for its product.
4. The decision (domain.keycheck.decide) with the product facts it asks for (cached).
5. Rate limits and credits (store/ratelimit.py `RateLimiter.admit`: the default limit or
   the named limits the request lists, each with its cost, and the key's credits, all or
   nothing), then usage (store/usage.py): only a call that passes every check takes quota
   and credits and counts as a use. The credit balance is never cached: it comes back from
   the one atomic statement that takes it, so every replica answers the current balance.
6. Every attempt goes to the access log per the audit level; unknown keys are identified only
   by a keyed fingerprint, never by their text.

In steady state (key cached, quota leased) a successful validation does no database I/O.
"""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from keyturn_server.config import Settings
from keyturn_server.domain import access as policy
from keyturn_server.domain import keyformat
from keyturn_server.domain.access import Permission
from keyturn_server.domain.audit import FAILURE, SUCCESS, AuditRecord, ResourceType
from keyturn_server.domain.context import request_meta
from keyturn_server.domain.errors import CreditsExhausted, DomainError, KeyInvalid, RateLimited
from keyturn_server.domain.key_events import KeyEventType, NewKeyEvent
from keyturn_server.domain.keycheck import (
    KeySnapshot,
    ProductFacts,
    ValidationRequest,
    decide,
    demands,
    product_facts_needed,
)
from keyturn_server.domain.netcheck import allow_list
from keyturn_server.domain.ports import AccessLog
from keyturn_server.domain.ratelimit import DEFAULT_LIMIT, CreditPolicy, Demand, normalize_window
from keyturn_server.store import repositories as repo
from keyturn_server.store.db import Database
from keyturn_server.store.models import ApiKey
from keyturn_server.store.ratelimit import (
    CreditDecision,
    LowEvent,
    RateDecision,
    RateLimiter,
    delete_ended,
    refill_due,
)
from keyturn_server.store.usage import UsageTracker
from keyturn_server.usecases.key_events import RateLimitEvents
from keyturn_server.usecases.keycache import KeyCache, SingleFlight

if TYPE_CHECKING:
    from keyturn_server.usecases.imported_keys import ImportedKeys

log = logging.getLogger("keyturn.validate")

ACTION = "key.validate"
COUNTER_CLEANUP_SECONDS = 300.0
CREDIT_REFILL_JOB_INTERVAL = timedelta(minutes=1)
MAX_DEMAND_SETS = 8  # remembered sets of requested limits per cached key


@dataclass(eq=False)
class KeyEntry:
    """A cached key: its immutable snapshot, the row it came from (for rendering), and the
    usage seen since it was loaded (flushed counts are added as they commit)."""

    snapshot: KeySnapshot
    row: ApiKey  # detached; never mutated
    use_count: int
    last_used_time: datetime | None
    # Found by its imported (old system's) hash: re-hashed on its first successful validation.
    imported: bool = False
    # Derived once per cached key, not per call (the snapshot's limits never change): the
    # demands each requested set of limits makes (a few sets per key at most), and the
    # CREDITS_LOW event maker when the key has a low threshold.
    demand_sets: dict[tuple[tuple[str, int], ...], tuple[Demand, ...]] = field(
        default_factory=dict, repr=False
    )
    on_low: LowEvent | None = field(default=None, repr=False)

    @classmethod
    def from_row(cls, row: ApiKey) -> KeyEntry:
        snapshot = KeySnapshot(
            id=row.id,
            organization_id=row.organization_id,
            project_id=row.project_id or "",
            product_id=row.product_id or "",
            key_hash=row.key_hash,
            secret_version=row.secret_version,
            scopes=frozenset(row.scopes or ()),
            rate_limit=KeySnapshot.limit_of(row.rate_limit_requests, row.rate_limit_window),
            expire_time=row.expire_time,
            revoke_time=row.revoke_time,
            networks=allow_list(row.allowed_cidrs or ()),
            named_limits=_named_limits(row),
            credits=_credit_policy(row),
        )
        on_low = None
        if snapshot.credits is not None and snapshot.credits.low_threshold:
            on_low = functools.partial(_credits_low_event, snapshot)
        return cls(snapshot, row, int(row.use_count or 0), row.last_used_time, on_low=on_low)

    def demands(self, request: ValidationRequest) -> tuple[Demand, ...]:
        """domain.keycheck.demands for this key, remembered per requested set of limits
        (an unknown name raises, so is never remembered)."""
        found = self.demand_sets.get(request.limits)
        if found is None:
            found = demands(self.snapshot, request)
            if len(self.demand_sets) < MAX_DEMAND_SETS:
                self.demand_sets[request.limits] = found
        return found


def _credits_low_event(key: KeySnapshot, remaining: int) -> NewKeyEvent:
    """CREDITS_LOW: this validation took the balance to or below the key's low threshold
    (exactly one validation per crossing, on whichever replica)."""
    threshold = key.credits.low_threshold if key.credits is not None else 0
    return NewKeyEvent(
        type=KeyEventType.CREDITS_LOW,
        organization_id=key.organization_id,
        project_id=key.project_id,
        product_id=key.product_id,
        key_id=key.id,
        data={"remaining": remaining, "lowThreshold": threshold},
    )


def _named_limits(row: ApiKey) -> dict[str, tuple[int, str]]:
    return {
        str(item["name"]): (int(item["requests"]), normalize_window(str(item["window"])))
        for item in row.named_limits or ()
    }


def _credit_policy(row: ApiKey) -> CreditPolicy | None:
    credit = row.credit
    if credit is None:
        return None
    return CreditPolicy(
        refill_interval=credit.refill_interval,
        refill_amount=credit.refill_amount,
        refill_day=credit.refill_day,
        low_threshold=credit.low_threshold,
        balance_id=credit.key_id,
    )


# A caller's last check on the key, run after ValidateKey's and before anything is charged.
BeforeCharge = Callable[[KeySnapshot], Awaitable[None]]


@dataclass(slots=True)
class Validated:
    entry: KeyEntry
    rate: RateDecision | None  # the default limit's, when applied
    use_count: int
    last_used_time: datetime | None
    now: datetime
    limits: list[RateDecision] = field(default_factory=list)  # every limit applied, in order
    credits: CreditDecision | None = None


class KeyValidation:
    """ValidateKey, its caches, and its background work (usage flush, counter cleanup)."""

    def __init__(
        self,
        settings: Settings,
        db: Database,
        hasher: keyformat.KeyHasher,
        access_log: AccessLog,
        limiter: RateLimiter,
        usage: UsageTracker,
        clock: Callable[[], float] = time.time,
        *,
        rate_limit_events: RateLimitEvents | None = None,
    ) -> None:
        self.db = db
        self.hasher = hasher
        self.key_prefix = settings.key_prefix
        self.access_log = access_log
        self.limiter = limiter
        self.usage = usage
        self.clock = clock
        self.rate_limit_events = rate_limit_events
        self.keys: KeyCache[KeyEntry] = KeyCache(settings.key_cache_size, settings.key_cache_ttl_seconds)
        facts_size = min(settings.key_cache_size, 10_000)
        # product id -> organization id ("" when the product does not exist)
        self.products: KeyCache[str] = KeyCache(facts_size, settings.key_cache_ttl_seconds)
        # "project_id/product_id" -> linked?
        self.links: KeyCache[bool] = KeyCache(facts_size, settings.key_cache_ttl_seconds)
        self._loads: SingleFlight[KeyEntry | None] = SingleFlight()
        self._next_counter_cleanup = 0.0
        # Keys imported by their old hashes (usecases/imported_keys.py; set by the container).
        self.imports: ImportedKeys | None = None
        # Outcome (VALID or the failure reason) -> count, for every edge (unary, stream,
        # REST, ext_authz); the metrics collector reads it at scrape time.
        self.outcomes: dict[str, int] = {}
        usage.on_flushed = self._on_usage_flushed

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

    async def validate(
        self, request: ValidationRequest, *, before_charge: BeforeCharge | None = None
    ) -> Validated:
        """`before_charge` (ExchangeKey's own refusals) runs once the key passed every check
        and before any rate-limit quota or credit is taken; what it raises refuses the call."""
        found: list[KeyEntry] = []
        try:
            result = await self._validate(request, found, before_charge)
        except DomainError as err:
            self.outcomes[err.reason] = self.outcomes.get(err.reason, 0) + 1
            await self._audit(request, found, FAILURE, err.reason)
            raise
        self.outcomes["VALID"] = self.outcomes.get("VALID", 0) + 1
        await self._audit(request, found, SUCCESS, "")
        return result

    async def _validate(
        self, request: ValidationRequest, found: list[KeyEntry], before_charge: BeforeCharge | None = None
    ) -> Validated:
        product_id = policy.validation_product(request.product_id)
        current_hash = self.hasher.current(request.plaintext)
        entry = await self._lookup(request.plaintext, current_hash)
        if entry is None:
            raise KeyInvalid()
        key = entry.snapshot
        if not policy.caller_allows(
            Permission.KEYS_VALIDATE, key.organization_id, None, product_id or key.product_id
        ):
            raise KeyInvalid()  # another tenant's key looks like an unknown one
        found.append(entry)
        request_meta().log_fields["key_id"] = key.id

        now_epoch = self.clock()
        now = datetime.fromtimestamp(now_epoch, UTC)
        product = await self._product_facts(key, product_id)
        if product_id != request.product_id:
            request = replace(request, product_id=product_id)
        decide(key, request, now, product)
        if before_charge is not None:
            await before_charge(key)
        decision: RateDecision | None = None
        applied: list[RateDecision] = []
        credit: CreditDecision | None = None
        wanted = () if request.skip_rate_limit else entry.demands(request)
        if wanted or key.credits is not None:
            admission = await self.limiter.admit(key.id, wanted, key.credits, request.cost, entry.on_low)
            if not admission.allowed:
                denied = admission.denied
                if denied is not None:
                    spec = next(d for d in wanted if d.name == denied.name)
                    await self._rate_limit_refused(key, denied.limit, spec.window, denied)
                    raise RateLimited(
                        denied.limit, spec.window, denied.window.reset_time, denied.retry_after, denied.name
                    )
                assert admission.credits is not None
                raise CreditsExhausted(admission.credits.remaining, admission.credits.cost)
            applied, credit = admission.limits, admission.credits
            if not request.limits:  # the default limit alone, when the key has one
                decision = applied[0] if applied else None
            else:
                decision = next((d for d in applied if d.name == DEFAULT_LIMIT), None)

        # Success from here on.
        if entry.imported:
            await self._finish_import(entry, current_hash)
        elif key.secret_version != self.hasher.current_version:
            await self._rehash(entry, current_hash)
        if not request.skip_usage:
            self.usage.record(key.id, now)
        pending = self.usage.pending(key.id)
        use_count = entry.use_count + (pending.count if pending else 0)
        last_used = entry.last_used_time
        if pending is not None and (last_used is None or pending.last_used > last_used):
            last_used = pending.last_used
        return Validated(entry, decision, use_count, last_used, now, applied, credit)

    async def _rate_limit_refused(
        self, key: KeySnapshot, limit: int, window: str, decision: RateDecision
    ) -> None:
        """The denial path only: RATE_LIMIT_EXCEEDED once per key, limit and window."""
        if self.rate_limit_events is not None:
            await self.rate_limit_events.refused(
                key_id=key.id,
                organization_id=key.organization_id,
                project_id=key.project_id,
                product_id=key.product_id,
                requests=limit,
                window=window,
                window_start=decision.window.start,
                reset_time=decision.window.reset_time,
                limit_name=decision.name,
            )

    async def _lookup(self, plaintext: str, current_hash: str) -> KeyEntry | None:
        """The key's entry, from the cache or (after checking its shape) the database.

        A cache hit skips keyformat.parse: only well-formed keys are ever stored, so a
        presented value whose keyed hash matches a stored one has the right shape.
        """
        entry = self.keys.get(current_hash)
        if entry is not None:
            key = entry.snapshot
            return (
                entry
                if self.hasher.matches(plaintext, key.key_hash, key.secret_version, current_hash)
                else None
            )
        try:
            keyformat.parse(plaintext, self.key_prefix)  # KeyInvalid before any I/O
        except KeyInvalid:
            # Not Keyturn's shape: only an imported key could match (see _load_imported).
            if self.imports is None or not await self.imports.may_hold(plaintext):
                raise
            return await self._loads.run(current_hash, lambda: self._load_imported(plaintext, current_hash))
        return await self._loads.run(current_hash, lambda: self._load(plaintext, current_hash))

    async def _load(self, plaintext: str, current_hash: str) -> KeyEntry | None:
        hashes = self.hasher.by_version(plaintext, current_hash)
        generation = self.keys.generation
        # An idempotent read: retried once after a database outage (e.g. a failover).
        rows = await self.db.read(lambda session: repo.keys_by_hashes(session, hashes.values()))
        for row in rows:
            if self.hasher.matches(plaintext, row.key_hash, row.secret_version, current_hash):
                entry = KeyEntry.from_row(row)
                self.keys.put(current_hash, row.id, entry, generation)
                return entry
        return None

    # ---- keys imported from other systems -------------------------------------------------

    async def _load_imported(self, plaintext: str, current_hash: str) -> KeyEntry | None:
        """A plaintext without Keyturn's shape, while this deployment holds imported keys:
        an imported key already re-hashed is found by its keyed hash like any key; a pending
        one by its old hash. Its cached snapshot carries the keyed hash it will get, so
        cache hits match; `imported` makes the first success re-hash it."""
        entry = await self._load(plaintext, current_hash)
        if entry is not None or self.imports is None:
            return entry
        generation = self.keys.generation
        row = await self.imports.find(plaintext)
        if row is None:
            return None
        entry = KeyEntry.from_row(row)
        entry.snapshot = replace(
            entry.snapshot, key_hash=current_hash, secret_version=self.hasher.current_version
        )
        entry.imported = True
        self.keys.put(current_hash, row.id, entry, generation)
        return entry

    async def _finish_import(self, entry: KeyEntry, current_hash: str) -> None:
        """First success of an imported key: Keyturn's keyed hash replaces the old one."""
        assert self.imports is not None
        await self.imports.rehash(entry.row, current_hash, self.hasher.current_version)
        entry.imported = False

    async def _product_facts(self, key: KeySnapshot, product_id: str) -> ProductFacts | None:
        need_org, need_link = product_facts_needed(key, product_id)
        if not need_org:
            return None
        organization_id = await self._product_org(product_id)
        linked = None
        if need_link and organization_id == key.organization_id:
            linked = await self._linked(key.project_id, product_id)
        return ProductFacts(organization_id, linked)

    async def _product_org(self, product_id: str) -> str:
        cached = self.products.get(product_id)
        if cached is not None:
            return cached
        generation = self.products.generation
        value = await self.db.read(lambda session: repo.product_organization(session, product_id))
        self.products.put(product_id, product_id, value, generation)
        return value

    async def _linked(self, project_id: str, product_id: str) -> bool:
        lookup = f"{project_id}/{product_id}"
        cached = self.links.get(lookup)
        if cached is not None:
            return cached
        generation = self.links.generation
        linked = await self.db.read(lambda session: repo.is_linked(session, project_id, product_id))
        self.links.put(lookup, lookup, linked, generation)
        return linked

    async def _rehash(self, entry: KeyEntry, current_hash: str) -> None:
        """Move a key found under an older secret version to the current one."""
        key = entry.snapshot
        version = self.hasher.current_version
        async with self.db.transaction() as session:
            await repo.rehash_key(session, key.id, key.key_hash, current_hash, version)
        # The cached snapshot now describes the stored row again.
        entry.snapshot = replace(key, key_hash=current_hash, secret_version=version)
        log.info("re-hashed a key with the current secret", extra={"fields": {"key_id": key.id}})

    async def _audit(
        self, request: ValidationRequest, found: list[KeyEntry], outcome: str, reason: str
    ) -> None:
        if not self.access_log.keeps(ACTION, outcome):
            return  # not built at all when the audit level would drop it
        if found:
            key = found[0].snapshot
            record = AuditRecord(
                action=ACTION,
                outcome=outcome,
                reason=reason,
                resource_type=ResourceType.API_KEY,
                resource_id=key.id,
                organization_id=key.organization_id,
                project_id=key.project_id,
                key_id=key.id,
            )
        else:
            record = AuditRecord(
                action=ACTION,
                outcome=outcome,
                reason=reason,
                resource_type=ResourceType.API_KEY,
                key_fingerprint=self.hasher.fingerprint(request.plaintext) if request.plaintext else "",
            )
        try:
            await self.access_log.submit(record)
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

    async def refill_credits(self, now: datetime) -> None:
        """Scheduler job: apply every due credit refill, also of keys nobody validates
        (idempotent: validation applies the same refill lazily, whichever comes first)."""
        refilled = await refill_due(self.db, now.timestamp())
        if refilled:
            log.info("refilled credits", extra={"fields": {"keys": refilled}})

    async def shutdown(self) -> None:
        await self.usage.flush()
        await self.limiter.release_all()
