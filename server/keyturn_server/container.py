"""The composition root: every component built once, in dependency order, as typed fields.

    container = Container.build(settings)   # builds; touches no database, starts nothing
    await container.start()                 # background work (access log, LISTEN, flusher)
    ...
    await container.stop()                  # in reverse: flush, close, dispose the engine

Nothing else constructs a component or wires one to another: servicers and interceptors
receive their use cases through their constructors (app.py asks this class for them),
use cases receive their stores and ports through theirs. A component whose wiring was
forgotten is a missing constructor argument, not a silent no-op - for example principal
changes always reach other replicas, because Principals cannot be built without the bus.

Start hooks run in registration order, stop hooks in reverse, so a component is stopped
before anything it depends on.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from keyturn_server import background
from keyturn_server.api.metrics import MetricsServer
from keyturn_server.api.tracing import Tracing, provider_from_environment
from keyturn_server.config import Settings
from keyturn_server.domain import managed_keys as mk
from keyturn_server.domain.keyformat import KeyHasher
from keyturn_server.domain.keyset import RootKeyRing
from keyturn_server.domain.paging import PageTokens, derive_key
from keyturn_server.store.access_log import AccessLogWriter
from keyturn_server.store.audit_feed import AuditFeed
from keyturn_server.store.db import Database, PoolOptions, Seams, is_outage
from keyturn_server.store.key_event_log import KeyEventFeed
from keyturn_server.store.keyevents import TOPIC_KEY_POLICY, KeyEventBus
from keyturn_server.store.ratelimit import RateLimiter
from keyturn_server.store.scheduler import Scheduler, leadership_for
from keyturn_server.store.usage import UsageTracker
from keyturn_server.usecases import Pages
from keyturn_server.usecases.audit_trail import AuditUseCases
from keyturn_server.usecases.authenticate import Authenticator
from keyturn_server.usecases.crypto import StatelessCrypto
from keyturn_server.usecases.crypto_keys import TOPIC as CRYPTO_KEY_TOPIC
from keyturn_server.usecases.crypto_keys import CacheEntry, CryptoKeys
from keyturn_server.usecases.imported_keys import TOPIC_IMPORTS, ImportedKeys
from keyturn_server.usecases.key_events import KeyEventJobs, KeyEventUseCases, RateLimitEvents
from keyturn_server.usecases.key_policies import KeyPolicies, KeyPolicyLookup
from keyturn_server.usecases.key_rotation import KeyRotation
from keyturn_server.usecases.keycache import KeyCache
from keyturn_server.usecases.keys import KeyManagement
from keyturn_server.usecases.leaks import LEAK_APPLY_INTERVAL_SECONDS, LeakReports
from keyturn_server.usecases.principals import Principals
from keyturn_server.usecases.stream_access import StreamAccess
from keyturn_server.usecases.tenancy import Tenancy
from keyturn_server.usecases.tokens import AccessTokens
from keyturn_server.usecases.validate import CREDIT_REFILL_JOB_INTERVAL, KeyValidation
from keyturn_server.usecases.webhooks import Webhooks

log = logging.getLogger("keyturn.server")

# How often the leader looks for managed keys due for rotation and versions due for destruction.
CRYPTO_KEY_JOB_INTERVAL = timedelta(seconds=60)
# How often the leader scans for EXPIRING / EXPIRED keys and prunes old key events.
KEY_EVENT_EXPIRY_INTERVAL = timedelta(seconds=60)
KEY_EVENT_PRUNE_INTERVAL = timedelta(hours=1)
# How often the leader turns new key events into webhook deliveries, and how often every
# replica's sender looks for due deliveries (usecases/webhooks.py).
WEBHOOK_DISPATCH_INTERVAL = timedelta(seconds=1)
WEBHOOK_SEND_INTERVAL_SECONDS = 1.0

Hook = Callable[[], Awaitable[None]]


@dataclass
class Lifecycle:
    """Start hooks in order; stop hooks in reverse, each one's failure logged, not fatal."""

    starts: list[Hook] = field(default_factory=list)
    stops: list[Hook] = field(default_factory=list)

    def add(self, start: Hook | None = None, stop: Hook | None = None) -> None:
        if start is not None:
            self.starts.append(start)
        if stop is not None:
            self.stops.append(stop)

    async def start(self) -> None:
        for hook in self.starts:
            await hook()

    async def stop(self, budget_seconds: float | None = None) -> bool:
        """Run every stop hook (within `budget_seconds` altogether, if given); True when all
        of them finished in time and without error."""
        loop = asyncio.get_running_loop()
        deadline = None if budget_seconds is None else loop.time() + budget_seconds
        finished = True
        for hook in reversed(self.stops):
            try:
                if deadline is None:
                    await hook()
                else:
                    await asyncio.wait_for(hook(), max(0.1, deadline - loop.time()))
            except TimeoutError:
                finished = False
                log.warning("a background component did not stop within the flush budget")
            except Exception:
                finished = False
                log.exception("error while stopping a background component")
        return finished


class PeriodicTask:
    """Runs `tick` every `interval` seconds until stopped; a failing tick is logged and retried."""

    def __init__(self, name: str, interval: float, tick: Hook, wake: asyncio.Event | None = None) -> None:
        self.name = name
        self.interval = interval
        self.tick = tick
        # Set by whoever created work for this task: it ticks at once instead of at the next
        # interval (which stays the fallback, e.g. for work created by another replica).
        self.wake = wake
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name=self.name)

    async def stop(self) -> None:
        task, self._task = self._task, None
        await background.cancel(task)

    async def _run(self) -> None:
        while True:
            if self.wake is None:
                await asyncio.sleep(self.interval)
            else:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self.wake.wait(), self.interval)
                self.wake.clear()
            try:
                await self.tick()
            except Exception as error:
                # During a database outage one line per retry, not a traceback each time.
                log.warning("%s failed; will retry", self.name, exc_info=not is_outage(error))


@dataclass
class Container:
    settings: Settings
    db: Database
    hasher: KeyHasher
    page_tokens: PageTokens
    audit_feed: AuditFeed
    # When open streams re-check their callers (access changes, every 30 s).
    stream_access: StreamAccess
    access_log: AccessLogWriter
    validation: KeyValidation
    key_events: KeyEventBus
    authenticator: Authenticator
    tenancy: Tenancy
    keys: KeyManagement
    leaks: LeakReports
    key_policies: KeyPolicies
    # The effective key policy of a place, exact or cached (usecases/key_policies.py).
    key_policy_lookup: KeyPolicyLookup
    principals: Principals
    audit: AuditUseCases
    crypto: StatelessCrypto
    root_keys: RootKeyRing
    crypto_keys: CryptoKeys
    imports: ImportedKeys
    tokens: AccessTokens
    key_rotation: KeyRotation
    scheduler: Scheduler
    usage_flusher: PeriodicTask
    # Key events: the watchers' wake-ups, ListKeyEvents/WatchKeyEvents, the scheduler's
    # EXPIRING/EXPIRED and retention jobs, RATE_LIMIT_EXCEEDED on the denial path.
    key_event_feed: KeyEventFeed
    key_event_log: KeyEventUseCases
    key_event_jobs: KeyEventJobs
    rate_limit_events: RateLimitEvents
    webhooks: Webhooks
    webhook_sender: PeriodicTask
    lifecycle: Lifecycle
    # The Prometheus endpoint (settings.metrics_listen); None when metrics are off.
    metrics: MetricsServer | None = None
    # OpenTelemetry (OTEL_EXPORTER_OTLP_ENDPOINT, or a provider a test passes); None when off.
    tracing: Tracing | None = None

    @classmethod
    def build(cls, settings: Settings, tracer_provider: Any = None) -> Container:
        """`tracer_provider`: an OpenTelemetry TracerProvider to trace with (tests); by
        default one exporting over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set."""
        db = Database(
            settings.database_url,
            pool=PoolOptions(
                pool_size=settings.db_pool_size,
                max_overflow=settings.db_max_overflow,
                pool_timeout_seconds=settings.db_pool_timeout_seconds,
                pool_recycle_seconds=settings.db_pool_recycle_seconds,
                statement_timeout_ms=settings.db_statement_timeout_ms,
                conflict_retries=settings.db_conflict_retries,
            ),
            seams=Seams(
                locks=settings.locks,
                change_feed=settings.change_feed,
                poll_seconds=settings.change_feed_poll_ms / 1000,
            ),
        )
        secrets = [(s.version, s.value) for s in settings.secrets]
        hasher = KeyHasher(secrets)
        page_tokens = PageTokens([derive_key(value) for _, value in secrets])
        pages = Pages(page_tokens)

        audit_feed = AuditFeed(db)
        access_log = AccessLogWriter(
            db, settings.audit_level, settings.audit_queue_size, on_written=audit_feed.wake
        )
        rate_limit_events = RateLimitEvents(db)
        validation = KeyValidation(
            settings,
            db,
            hasher,
            access_log,
            RateLimiter(db),
            UsageTracker(db),
            rate_limit_events=rate_limit_events,
        )
        key_events = KeyEventBus(db, evict=validation.forget_key, evict_all=validation.forget_all)
        authenticator = Authenticator(db, hasher, settings.principal_cache_ttl_seconds)
        # What other replicas announce: new product links, and principal/token changes.
        key_events.subscribe("links", validation.links.clear)
        key_events.subscribe("principal", authenticator.forget_all)
        # Open streams re-check their callers on such a change (after the eviction above,
        # so they authenticate afresh) and every 30 s (usecases/stream_access.py).
        stream_access = StreamAccess()
        key_events.subscribe("principal", stream_access.changed)
        stream_access.wake_with(audit_feed.nudge)

        usage_flusher = PeriodicTask(
            "keyturn-usage-flusher", max(0.05, settings.usage_flush_interval_seconds), validation.tick
        )
        crypto = StatelessCrypto(access_log, settings.max_payload_bytes)

        if not settings.root_keys:
            raise ValueError("settings.root_keys is empty: resolve the settings (config.resolve) first")
        root_keys = RootKeyRing.from_versions(settings.root_keys)
        crypto_keys = CryptoKeys(
            db,
            root_keys,
            pages,
            access_log,
            KeyCache[CacheEntry](settings.crypto_key_cache_size, settings.crypto_key_cache_ttl_seconds),
            key_events,
            destroy_policy=mk.DestroyPolicy(
                default=timedelta(seconds=settings.crypto_key_destroy_default_seconds),
                minimum=timedelta(seconds=settings.crypto_key_destroy_min_seconds),
                maximum=timedelta(seconds=settings.crypto_key_destroy_max_seconds),
            ),
            audit_level=settings.audit_level,
            max_payload_bytes=settings.max_payload_bytes,
        )
        # Another replica changed a managed key (or LISTEN reconnected): drop cached material.
        key_events.subscribe(CRYPTO_KEY_TOPIC, crypto_keys.forget_all)
        # The one effective-key-policy lookup; UpdateKeyPolicy (here or on another replica)
        # announces `key_policy`, which clears its cache.
        key_policy_lookup = KeyPolicyLookup(db)
        key_events.subscribe(TOPIC_KEY_POLICY, key_policy_lookup.forget_all)
        # ExchangeKey validates through the same use case as ValidateKey, then signs with
        # the organization's managed signing key; its signing-key cache follows the same topic.
        tokens = AccessTokens(settings, db, validation, crypto_keys, key_policy_lookup)
        key_events.subscribe(CRYPTO_KEY_TOPIC, tokens.forget_all)

        # API keys: rotation policies and recoverable keys (usecases/key_rotation.py).
        key_rotation = KeyRotation(db, crypto_keys, key_policy_lookup, settings.reveal_rate_limit_per_minute)
        keys = KeyManagement(
            db, hasher, settings.key_prefix, key_events, pages, key_rotation, key_policy_lookup
        )
        # Keys imported by their old hashes: ImportKeys, and ValidateKey's fallback for
        # plaintexts without Keyturn's shape (set on the validation built above, which the
        # key-event bus, and so KeyManagement, needed first).
        imports = ImportedKeys(db, hasher, root_keys, keys, key_events, settings.key_cache_ttl_seconds)
        validation.imports = imports
        key_events.subscribe(TOPIC_IMPORTS, imports.forget_state)

        scheduler = Scheduler(leadership_for(db, mode=settings.scheduler_leadership))

        async def rotate_due(now: datetime) -> None:
            await crypto_keys.rotate_due(now)

        async def destroy_due(now: datetime) -> None:
            await crypto_keys.destroy_due(now)

        scheduler.register("crypto_key.rotate", CRYPTO_KEY_JOB_INTERVAL, rotate_due)
        scheduler.register("crypto_key.destroy", CRYPTO_KEY_JOB_INTERVAL, destroy_due)

        async def rotate_api_keys(now: datetime) -> None:
            await key_rotation.run_due(keys, key_events, now)

        scheduler.register(
            "api_key.rotate", timedelta(seconds=settings.key_rotation_job_seconds), rotate_api_keys
        )
        scheduler.register("key.refill_credits", CREDIT_REFILL_JOB_INTERVAL, validation.refill_credits)
        key_event_feed = KeyEventFeed(db)
        stream_access.wake_with(key_event_feed.nudge)
        key_event_jobs = KeyEventJobs(
            db,
            leads=[timedelta(seconds=s) for s in settings.key_event_expiring_leads_seconds],
            retention=timedelta(seconds=settings.key_event_retention_seconds),
        )

        async def key_expiry(now: datetime) -> None:
            await key_event_jobs.emit_expiry_events(now)

        async def key_event_prune(now: datetime) -> None:
            await key_event_jobs.prune(now)

        scheduler.register("key_event.expiry", KEY_EVENT_EXPIRY_INTERVAL, key_expiry)
        scheduler.register("key_event.prune", KEY_EVENT_PRUNE_INTERVAL, key_event_prune)

        webhooks = Webhooks(
            db,
            root_keys,
            pages,
            allow_http=settings.webhook_allow_http,
            allow_private=settings.webhook_allow_private_networks,
            timeout_seconds=settings.webhook_timeout_seconds,
        )

        async def dispatch_webhooks(now: datetime) -> None:
            await webhooks.dispatch(now)

        async def send_webhooks() -> None:
            # Every replica sends (claims keep them apart); the scheduler's clock is the time.
            await webhooks.send_due(scheduler.clock())

        scheduler.register("webhook.dispatch", WEBHOOK_DISPATCH_INTERVAL, dispatch_webhooks)
        webhook_sender = PeriodicTask(
            "keyturn-webhook-sender", WEBHOOK_SEND_INTERVAL_SECONDS, send_webhooks, wake=webhooks.wakeup
        )
        leaks = LeakReports(db, hasher, settings.key_prefix, key_events, key_policy_lookup)

        async def apply_leak_reports() -> None:
            await leaks.apply_pending()

        # Every replica applies the leaked-key outbox (woken just after its own reports).
        leak_applier = PeriodicTask(
            "keyturn-leak-reports", LEAK_APPLY_INTERVAL_SECONDS, apply_leak_reports, wake=leaks.wakeup
        )
        provider = tracer_provider or provider_from_environment()
        tracing = Tracing(provider, db) if provider is not None else None

        lifecycle = Lifecycle()
        if tracing is not None:
            lifecycle.add(stop=tracing.stop)  # stopped last: the final spans are exported
        lifecycle.add(stop=db.dispose)
        lifecycle.add(stop=crypto.stop)
        lifecycle.add(stop=rate_limit_events.drain)  # RATE_LIMIT_EXCEEDED writes in flight
        lifecycle.add(start=key_events.start, stop=key_events.stop)
        lifecycle.add(stop=validation.shutdown)  # after the flusher: flush usage, return leases
        lifecycle.add(start=usage_flusher.start, stop=usage_flusher.stop)
        lifecycle.add(stop=audit_feed.stop)
        lifecycle.add(stop=key_event_feed.stop)
        lifecycle.add(start=access_log.start, stop=access_log.stop)  # drains the queue
        lifecycle.add(stop=webhooks.stop)  # closes the HTTP client after the sender stopped
        lifecycle.add(start=webhook_sender.start, stop=webhook_sender.stop)
        lifecycle.add(start=leak_applier.start, stop=leak_applier.stop)
        lifecycle.add(start=scheduler.start, stop=scheduler.stop)  # stopped first: no job mid-shutdown

        container = cls(
            settings=settings,
            db=db,
            hasher=hasher,
            page_tokens=page_tokens,
            audit_feed=audit_feed,
            stream_access=stream_access,
            access_log=access_log,
            validation=validation,
            key_events=key_events,
            authenticator=authenticator,
            tenancy=Tenancy(db, key_events, pages),
            keys=keys,
            leaks=leaks,
            key_policies=KeyPolicies(db, key_policy_lookup, key_events),
            key_policy_lookup=key_policy_lookup,
            principals=Principals(db, hasher, authenticator, key_events, pages),
            audit=AuditUseCases(db, audit_feed, page_tokens, stream_access),
            crypto=crypto,
            root_keys=root_keys,
            crypto_keys=crypto_keys,
            imports=imports,
            tokens=tokens,
            key_rotation=key_rotation,
            scheduler=scheduler,
            usage_flusher=usage_flusher,
            key_event_feed=key_event_feed,
            key_event_log=KeyEventUseCases(db, key_event_feed, page_tokens, stream_access),
            key_event_jobs=key_event_jobs,
            rate_limit_events=rate_limit_events,
            webhooks=webhooks,
            webhook_sender=webhook_sender,
            lifecycle=lifecycle,
            tracing=tracing,
        )
        if settings.metrics_listen:
            # Built last: its collector reads the components above at scrape time. Started
            # last and so stopped first.
            container.metrics = MetricsServer(container, settings.metrics_listen)
            lifecycle.add(start=container.metrics.start, stop=container.metrics.stop)
        return container

    async def start(self) -> None:
        await self.lifecycle.start()

    async def stop(self, budget_seconds: float | None = None) -> bool:
        return await self.lifecycle.stop(budget_seconds)


__all__ = ["Container", "Lifecycle", "PeriodicTask"]
