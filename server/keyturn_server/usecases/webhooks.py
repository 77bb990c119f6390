"""Webhooks: subscriptions per organization and the delivery of key events to them.

Subscriptions (create/get/list/update/delete/rotate secret) are ordinary use cases: one
transaction each, authorized against the organization of what they loaded, audited last.
The signing secret is generated here, returned once, and stored only wrapped under the root
key ring (kind "webhook_secret", bound to the webhook id and secret version).

Delivery is a transactional outbox in two jobs, both taking `now`:

- `dispatch(now)` (a scheduler job: one leader) locks the cursor row, reads the key-event
  log after it, inserts one `webhook_delivery` row per event and matching enabled
  subscription, and advances the cursor - all in one transaction, so a crash or a second
  dispatcher neither loses nor duplicates a delivery ((webhook_id, event_sequence) is unique
  as a backstop). Sequences increase in commit order (store/key_event_log.py), so reading
  after the cursor never skips an event that commits later.
- `send_due(now)` (every replica; its PeriodicTask is woken at once through `wakeup` when
  `dispatch` or a redelivery on the same process created work, else on its poll) claims due rows with a lease (store/webhooks.py: FOR UPDATE
  SKIP LOCKED on PostgreSQL), POSTs them outside any transaction with httpx, and records each
  result under the lease token. 2xx succeeds; anything else is retried on the schedule of
  domain/webhooks.py (about 34 h in all), then the delivery GAVE_UP. A subscription whose
  last DISABLE_AFTER_GAVE_UP deliveries in a row gave up is disabled with disabled_reason
  and an audit record. A sender that dies mid-attempt leaves its rows due again when the
  lease ends: delivery is at least once, deduplicated by the receiver with the delivery id.

SSRF guard: unless allow_private (KEYTURN_WEBHOOK_ALLOW_PRIVATE_NETWORKS), a URL whose host
is an IP literal outside the public internet is refused when created or updated
(domain/webhooks.py `blocked_address`), and at send time the client's transport
(usecases/webhook_transport.py `PinnedTransport`) resolves the host, checks every address it
resolves to, and connects only to the checked address (Host header, TLS SNI and the
certificate check keep the name), so DNS rebinding cannot send a request elsewhere.
Connections are kept alive in one pool per (scheme, host, port, checked address); the answer
is re-resolved and re-checked after a short TTL, and a host whose fresh answer is refused
loses its pool and its connections.

Metrics (api/metrics.py reads these at scrape time): `attempt_outcomes` and the latency
histogram are counted per attempt; `backlog` (deliveries by state, oldest undelivered) is
refreshed by the sender at most every BACKLOG_REFRESH_SECONDS.
"""

from __future__ import annotations

import asyncio
import logging
import random
import ssl
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import httpx
from sqlalchemy import and_, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from keyturn_server.domain import access as policy
from keyturn_server.domain import webhooks as rules
from keyturn_server.domain.access import Permission
from keyturn_server.domain.audit import AuditRecord, ResourceType, change
from keyturn_server.domain.errors import FailedPrecondition, InvalidArgument, NotFound
from keyturn_server.domain.key_events import PROTO_PREFIX, KeyEventType
from keyturn_server.domain.keyset import RootKeyRing, UnwrapFailed, WrappedMaterial
from keyturn_server.store import webhooks as store
from keyturn_server.store.db import Database
from keyturn_server.store.key_event_log import log_head, read_after
from keyturn_server.store.models import KeyEvent, Webhook, WebhookDelivery
from keyturn_server.usecases import Page, Pages, audit, utcnow
from keyturn_server.usecases.tenancy import require_organization
from keyturn_server.usecases.webhook_transport import PinnedTransport, Refused, Resolver, resolve

log = logging.getLogger("keyturn.webhooks")

WEBHOOK = ResourceType.WEBHOOK
SECRET_KIND = "webhook_secret"  # noqa: S105 - a RootKeyRing kind, not a secret
DISPATCH_BATCH = 500
SEND_BATCH = 50
# How long a claimed delivery stays out of other senders' reach (well above the timeout).
CLAIM_LEASE = timedelta(minutes=2)
# How long an attempt may wait for a connection to its receiver, in timeouts.
POOL_WAIT_TIMEOUTS = 3
MAX_ATTEMPTS_SHOWN = 20
UPDATABLE = ("url", "event_types", "description", "enabled")
BACKLOG_REFRESH_SECONDS = 10.0
# Upper bounds (seconds) of the attempt latency histogram; the last bucket is +Inf.
LATENCY_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
# Outcomes of one attempt, the label values of keyturn_webhook_attempts_total.
OUTCOMES = ("succeeded", "http_error", "timeout", "connection_error", "refused", "no_secret")


@dataclass
class Backlog:
    """Deliveries still in the outbox, as last counted (for metrics)."""

    by_state: dict[str, int]
    oldest_undelivered: datetime | None


@dataclass(frozen=True)
class _Job:
    """One claimed attempt: everything the POST needs, read in the claiming transaction."""

    delivery_id: str
    webhook_id: str
    url: str
    event_type: str
    body: bytes
    secrets: tuple[str, ...]


@dataclass(frozen=True)
class _Outcome:
    ok: bool
    status: int
    latency_ms: float
    error: str
    kind: str  # one of OUTCOMES


class Webhooks:
    def __init__(
        self,
        db: Database,
        ring: RootKeyRing,
        pages: Pages,
        *,
        allow_http: bool = False,
        allow_private: bool = False,
        timeout_seconds: float = 10.0,
        resolver: Resolver = resolve,
        verify: ssl.SSLContext | bool = True,
        wall: Callable[[], float] = time.time,
        rng: random.Random | None = None,
        disable_after: int = rules.DISABLE_AFTER_GAVE_UP,
        connection_limits: httpx.Limits | None = None,
    ) -> None:
        self.db = db
        self.ring = ring
        self.pages = pages
        self.allow_http = allow_http
        self.allow_private = allow_private
        self.timeout_seconds = timeout_seconds
        self.resolver = resolver
        self.verify = verify  # how receivers' certificates are checked (httpx's default: certifi)
        # Per pool (one origin and address); None = webhook_transport's (keep-alive on).
        self.connection_limits = connection_limits
        # Set by dispatch when it created deliveries; the sender waits on it between polls.
        self.wakeup = asyncio.Event()
        self.attempt_outcomes: dict[str, int] = dict.fromkeys(OUTCOMES, 0)
        self.latency_counts = [0] * (len(LATENCY_BUCKETS) + 1)  # not cumulative; last = +Inf
        self.latency_sum = 0.0
        self.backlog = Backlog(by_state={}, oldest_undelivered=None)
        self._backlog_time = 0.0
        # The signature's timestamp is the real time of sending (receivers check it against
        # their clock); `now` (the scheduler's clock) drives everything else.
        self.wall = wall
        self.rng = rng or random.Random()
        self.disable_after = disable_after
        self._client: httpx.AsyncClient | None = None
        self._transport: PinnedTransport | None = None
        self._sending = asyncio.Lock()

    # --- Secrets -------------------------------------------------------------------------------

    def _wrap(self, secret: str, webhook_id: str, version: int) -> WrappedMaterial:
        return self.ring.wrap(secret.encode(), SECRET_KIND, webhook_id, version)

    def _signing_secrets(self, row: Webhook, now: datetime) -> tuple[str, ...]:
        current = WrappedMaterial(row.secret_wrapped, row.secret_root_key_version)
        found = [self.ring.unwrap(current, SECRET_KIND, row.id, row.secret_version).decode()]
        if (
            row.previous_secret_wrapped is not None
            and row.previous_secret_root_key_version is not None
            and row.previous_secret_expire_time is not None
            and now < row.previous_secret_expire_time
        ):
            previous = WrappedMaterial(row.previous_secret_wrapped, row.previous_secret_root_key_version)
            found.append(self.ring.unwrap(previous, SECRET_KIND, row.id, row.secret_version - 1).decode())
        return tuple(found)

    async def rewrap_secrets(self, batch: int = 500, unreadable: list[tuple[str, str]] | None = None) -> int:
        """Re-wrap every webhook signing secret (the current one and a previous one still in
        its overlap) under the newest root-key version (part of `keyturn rotate-root-key`);
        returns how many secrets moved. Each row's update is conditional on the versions it
        read, so a RotateWebhookSecret racing with it wins and the row is looked at again.
        With `unreadable` given, a webhook whose secret no configured root key opens is left
        as it is and named there (table, id); without it the first one raises UnwrapFailed."""
        current = self.ring.current_version
        done = 0
        skipped: set[str] = set()
        while True:
            moved_rows = 0
            limit = batch + len(skipped)  # the rows left behind come back in every batch
            async with self.db.transaction() as session:
                rows = list(
                    await session.scalars(
                        select(Webhook)
                        .where(
                            or_(
                                Webhook.secret_root_key_version != current,
                                and_(
                                    Webhook.previous_secret_wrapped.is_not(None),
                                    Webhook.previous_secret_root_key_version != current,
                                ),
                            )
                        )
                        .order_by(Webhook.id)
                        .limit(limit)
                    )
                )
                for row in rows:
                    if row.id in skipped:
                        continue
                    try:
                        values, count = self._rewrapped(row)
                    except UnwrapFailed:
                        if unreadable is None:
                            raise
                        log.error(
                            "stored webhook signing secret does not unwrap (webhook_id=%s "
                            "root_key_version=%s previous_root_key_version=%s)",
                            row.id,
                            row.secret_root_key_version,
                            row.previous_secret_root_key_version,
                        )
                        skipped.add(row.id)
                        unreadable.append(("webhook", row.id))
                        continue
                    result = await session.execute(
                        update(Webhook)
                        .where(
                            Webhook.id == row.id,
                            Webhook.secret_version == row.secret_version,
                            Webhook.secret_root_key_version == row.secret_root_key_version,
                        )
                        .values(**values)
                        .execution_options(synchronize_session=False)
                    )
                    if int(getattr(result, "rowcount", 0) or 0):
                        done += count
                        moved_rows += 1
            if len(rows) < limit or not moved_rows:
                return done

    def _rewrapped(self, row: Webhook) -> tuple[dict[str, Any], int]:
        """The row's secrets under the newest root key (columns to set) and how many moved."""
        fresh = self.ring.rewrap(
            WrappedMaterial(row.secret_wrapped, row.secret_root_key_version),
            SECRET_KIND,
            row.id,
            row.secret_version,
        )
        values: dict[str, Any] = {
            "secret_wrapped": fresh.ciphertext,
            "secret_root_key_version": fresh.root_key_version,
        }
        count = int(fresh.root_key_version != row.secret_root_key_version)
        if row.previous_secret_wrapped is not None and row.previous_secret_root_key_version is not None:
            previous = self.ring.rewrap(
                WrappedMaterial(row.previous_secret_wrapped, row.previous_secret_root_key_version),
                SECRET_KIND,
                row.id,
                row.secret_version - 1,
            )
            values["previous_secret_wrapped"] = previous.ciphertext
            values["previous_secret_root_key_version"] = previous.root_key_version
            count += int(previous.root_key_version != row.previous_secret_root_key_version)
        return values, count

    # --- Subscriptions -------------------------------------------------------------------------

    def _url(self, url: str) -> str:
        return rules.check_url(
            "webhook.url", url, allow_http=self.allow_http, allow_private=self.allow_private
        )

    async def create(
        self, organization_id: str, url: str, event_types: tuple[KeyEventType, ...], description: str
    ) -> tuple[Webhook, str]:
        url = self._url(url)
        rules.check_description("webhook.description", description)
        policy.authorize(
            Permission.WEBHOOKS_MANAGE,
            organization_id,
            resource_type=ResourceType.ORGANIZATION,
            resource_id=organization_id,
        )
        secret = rules.new_secret()
        webhook_id = str(uuid.uuid4())
        wrapped = self._wrap(secret, webhook_id, 1)
        now = utcnow()
        async with self.db.transaction() as session:
            await require_organization(session, organization_id)
            row = Webhook(
                id=webhook_id,
                organization_id=organization_id,
                url=url,
                event_types=sorted({str(t) for t in event_types}),
                description=description,
                enabled=True,
                disabled_reason="",
                start_sequence=await log_head(session),
                secret_version=1,
                secret_wrapped=wrapped.ciphertext,
                secret_root_key_version=wrapped.root_key_version,
                consecutive_gave_up=0,
                create_time=now,
                update_time=now,
            )
            session.add(row)
            await session.flush()
            await audit(
                session,
                AuditRecord(
                    action="webhook.create",
                    resource_type=WEBHOOK,
                    resource_id=webhook_id,
                    organization_id=organization_id,
                    changes=[
                        change("url", None, url),
                        change("event_types", None, row.event_types),
                        change("description", None, description),
                    ],
                ),
            )
        return row, secret

    async def _load(
        self, session: Any, webhook_id: str, permission: Permission, *, lock: bool = False
    ) -> Webhook:
        row = await store.get_webhook(session, webhook_id, lock=lock)
        if row is None:
            raise NotFound(WEBHOOK, webhook_id)
        policy.authorize(permission, row.organization_id, resource_type=WEBHOOK, resource_id=webhook_id)
        return row

    async def get(self, webhook_id: str) -> Webhook:
        async with self.db.transaction() as session:
            return await self._load(session, webhook_id, Permission.WEBHOOKS_GET)

    async def list_webhooks(self, organization_id: str, page_size: int, page_token: str) -> Page[Webhook]:
        policy.authorize(
            Permission.WEBHOOKS_GET,
            organization_id,
            resource_type=ResourceType.ORGANIZATION,
            resource_id=organization_id,
        )
        filters = {"list": "webhooks", "organization_id": organization_id}
        request = self.pages.request(page_token, page_size, filters, utcnow())
        async with self.db.transaction() as session:
            await require_organization(session, organization_id)
            rows = await store.list_webhooks(session, organization_id, request.cursor, request.size + 1)
        return request.page(list(rows), lambda r: (r.create_time, r.id))

    async def update(self, webhook_id: str, values: dict[str, Any]) -> Webhook:
        """`values`: new values of some of UPDATABLE (event_types as KeyEventType)."""
        unknown = sorted(set(values) - set(UPDATABLE))
        if unknown:
            raise InvalidArgument.field("update_mask", f"cannot update {', '.join(unknown)}")
        if "url" in values:
            values["url"] = self._url(values["url"])
        if "description" in values:
            rules.check_description("webhook.description", values["description"])
        if "event_types" in values:
            values["event_types"] = sorted({str(t) for t in values["event_types"]})

        async def work(session: AsyncSession) -> Webhook:
            row = await self._load(session, webhook_id, Permission.WEBHOOKS_MANAGE, lock=True)
            changes = []
            for name, new in values.items():
                old = getattr(row, name)
                if old != new:
                    changes.append(change(name, old, new))
                    setattr(row, name, new)
            if values.get("enabled") is True and row.disabled_reason:
                changes.append(change("disabled_reason", row.disabled_reason, ""))
                row.disabled_reason = ""
                row.consecutive_gave_up = 0
            if changes:
                row.update_time = utcnow()
                await session.flush()
                await audit(
                    session,
                    AuditRecord(
                        action="webhook.update",
                        resource_type=WEBHOOK,
                        resource_id=row.id,
                        organization_id=row.organization_id,
                        changes=changes,
                    ),
                )
            return row

        return await self.db.run(work)

    async def delete(self, webhook_id: str) -> None:
        async def work(session: AsyncSession) -> None:
            row = await self._load(session, webhook_id, Permission.WEBHOOKS_MANAGE, lock=True)
            organization_id = row.organization_id
            await session.delete(row)
            await session.flush()
            await audit(
                session,
                AuditRecord(
                    action="webhook.delete",
                    resource_type=WEBHOOK,
                    resource_id=webhook_id,
                    organization_id=organization_id,
                ),
            )

        await self.db.run(work)

    async def rotate_secret(self, webhook_id: str, overlap: timedelta | None) -> tuple[Webhook, str]:
        overlap = rules.DEFAULT_SECRET_OVERLAP if overlap is None else overlap
        if overlap < timedelta(0) or overlap > rules.MAX_SECRET_OVERLAP:
            raise InvalidArgument.field("overlap", "must be between 0s and 7 days")
        secret = rules.new_secret()
        now = utcnow()

        async def work(session: AsyncSession) -> tuple[Webhook, str]:
            row = await self._load(session, webhook_id, Permission.WEBHOOKS_MANAGE, lock=True)
            version = row.secret_version + 1
            wrapped = self._wrap(secret, row.id, version)
            if overlap > timedelta(0):
                # The previous secret stays wrapped as it was (bound to its own version).
                row.previous_secret_wrapped = row.secret_wrapped
                row.previous_secret_root_key_version = row.secret_root_key_version
                row.previous_secret_expire_time = now + overlap
            else:
                row.previous_secret_wrapped = None
                row.previous_secret_root_key_version = None
                row.previous_secret_expire_time = None
            row.secret_version = version
            row.secret_wrapped = wrapped.ciphertext
            row.secret_root_key_version = wrapped.root_key_version
            row.secret_rotate_time = now
            row.update_time = now
            await session.flush()
            await audit(
                session,
                AuditRecord(
                    action="webhook.rotate_secret",
                    resource_type=WEBHOOK,
                    resource_id=row.id,
                    organization_id=row.organization_id,
                    changes=[change("secret_version", version - 1, version)],
                ),
            )
            return row, secret

        return await self.db.run(work)

    async def list_deliveries(
        self, webhook_id: str, state: str | None, page_size: int, page_token: str
    ) -> Page[WebhookDelivery]:
        filters = {"list": "webhook_deliveries", "webhook_id": webhook_id, "state": state or ""}
        request = self.pages.request(page_token, page_size, filters, utcnow())
        async with self.db.transaction() as session:
            await self._load(session, webhook_id, Permission.WEBHOOKS_GET)
            rows = await store.list_deliveries(session, webhook_id, state, request.cursor, request.size + 1)
        return request.page(list(rows), lambda r: (r.create_time, r.id))

    async def redeliver(self, delivery_id: str, now: datetime | None = None) -> WebhookDelivery:
        now = now or utcnow()

        async def work(session: AsyncSession) -> WebhookDelivery:
            delivery = await store.get_delivery(session, delivery_id)
            if delivery is None:
                raise NotFound(ResourceType.WEBHOOK_DELIVERY, delivery_id)
            # Lock order everywhere: the webhook, then its deliveries, then the audit chain.
            row = await self._load(session, delivery.webhook_id, Permission.WEBHOOKS_MANAGE, lock=True)
            delivery = await store.get_delivery(session, delivery_id, lock=True)
            if delivery is None:
                raise NotFound(ResourceType.WEBHOOK_DELIVERY, delivery_id)
            if not row.enabled:
                raise FailedPrecondition("the webhook is disabled; enable it with UpdateWebhook first")
            old_state = delivery.state
            delivery.state = store.PENDING
            delivery.next_attempt_time = now
            delivery.window_start = now
            delivery.window_attempts = 0
            delivery.lease_token = None
            await session.flush()
            await audit(
                session,
                AuditRecord(
                    action="webhook.redeliver",
                    resource_type=WEBHOOK,
                    resource_id=row.id,
                    organization_id=row.organization_id,
                    changes=[
                        change("delivery_id", None, delivery.id),
                        change("state", old_state, store.PENDING),
                    ],
                ),
            )
            return delivery

        delivery = await self.db.run(work)
        self.wakeup.set()
        return delivery

    # --- Dispatch: key events -> outbox rows ---------------------------------------------------

    async def dispatch(self, now: datetime) -> int:
        """Create the deliveries of every event after the cursor; returns how many."""

        async def batch(session: AsyncSession) -> tuple[int, int]:
            cursor = await store.lock_cursor(session)
            events = await read_after(session, cursor.sequence, limit=DISPATCH_BATCH)
            if not events:
                return 0, 0
            hooks = await store.enabled_webhooks(session, {e.organization_id for e in events})
            rows = [
                self._delivery_row(event, hook, now)
                for event in events
                for hook in hooks
                if _matches(hook, event)
            ]
            inserted = await store.insert_deliveries(session, rows)
            cursor.sequence = events[-1].sequence
            return inserted, len(events)

        created = 0
        while True:
            inserted, read = await self.db.run(batch)
            created += inserted
            if inserted:
                self.wakeup.set()  # this replica's sender starts now, not on its next poll
            if read < DISPATCH_BATCH:
                return created

    @staticmethod
    def _delivery_row(event: KeyEvent, hook: Webhook, now: datetime) -> dict[str, Any]:
        return {
            "id": str(uuid.uuid4()),
            "webhook_id": hook.id,
            "organization_id": hook.organization_id,
            "event_sequence": event.sequence,
            "event_type": event.type,
            "state": store.PENDING,
            "next_attempt_time": now,
            "window_start": now,
            "window_attempts": 0,
            "attempt_count": 0,
            "attempts": [],
            "lease_token": None,
            "create_time": now,
        }

    # --- Sending -------------------------------------------------------------------------------

    async def send_due(self, now: datetime) -> int:
        """Attempt every delivery due at `now` (in batches); returns how many attempts."""
        attempted = 0
        async with self._sending:  # one batch at a time per replica
            while True:
                token = str(uuid.uuid4())
                jobs = await self._claim(now, token)
                if not jobs:
                    break
                outcomes = await asyncio.gather(*(self._post(job) for job in jobs))
                for job, outcome in zip(jobs, outcomes, strict=True):
                    self._count(outcome)
                    await self._record(job, outcome, token, now)
                attempted += len(jobs)
                if len(jobs) < SEND_BATCH:
                    break
        if self._transport is not None:
            await self._transport.expire_idle()
        if time.monotonic() - self._backlog_time >= BACKLOG_REFRESH_SECONDS:
            await self.refresh_backlog()
        return attempted

    async def refresh_backlog(self) -> Backlog:
        """Count the outbox (deliveries of enabled webhooks not yet succeeded) for metrics."""
        async with self.db.transaction() as session:
            by_state, oldest = await store.backlog(session)
        self.backlog = Backlog(by_state=by_state, oldest_undelivered=oldest)
        self._backlog_time = time.monotonic()
        return self.backlog

    def _count(self, outcome: _Outcome) -> None:
        self.attempt_outcomes[outcome.kind] = self.attempt_outcomes.get(outcome.kind, 0) + 1
        if outcome.kind in ("refused", "no_secret"):
            return  # no request was sent: no latency to count
        seconds = outcome.latency_ms / 1000
        index = next((i for i, bound in enumerate(LATENCY_BUCKETS) if seconds <= bound), len(LATENCY_BUCKETS))
        self.latency_counts[index] += 1
        self.latency_sum += seconds

    async def _claim(self, now: datetime, token: str) -> list[_Job]:
        async with self.db.transaction() as session:
            rows = await store.claim_due(session, now, SEND_BATCH, now + CLAIM_LEASE, token)
            if not rows:
                return []
            hooks = {r.webhook_id: await store.get_webhook(session, r.webhook_id) for r in rows}
            sequences = sorted({r.event_sequence for r in rows})
            events = {e.sequence: e for e in await _events(session, sequences)}
        jobs = []
        for row in rows:
            hook, event = hooks[row.webhook_id], events.get(row.event_sequence)
            if hook is None or event is None:
                continue  # deleted meanwhile; the lease lapses harmlessly
            try:
                secrets = self._signing_secrets(hook, now)
            except UnwrapFailed:
                log.error("webhook signing secret does not unwrap (webhook_id=%s)", hook.id)
                secrets = ()
            jobs.append(
                _Job(
                    delivery_id=row.id,
                    webhook_id=hook.id,
                    url=hook.url,
                    event_type=PROTO_PREFIX + event.type,
                    body=rules.payload(
                        sequence=event.sequence,
                        type_name=PROTO_PREFIX + event.type,
                        event_time=event.event_time,
                        organization_id=event.organization_id,
                        project_id=event.project_id,
                        product_id=event.product_id,
                        key_id=event.key_id,
                        actor=event.actor,
                        data=event.data,
                    ),
                    secrets=secrets,
                )
            )
        return jobs

    def _http(self) -> httpx.AsyncClient:
        if self._client is None:
            self._transport = PinnedTransport(
                # Looked up at each resolution, so a test can swap the resolver in place.
                resolver=lambda host, port: self.resolver(host, port),
                allow_private=self.allow_private,
                verify=self.verify,
                resolve_timeout=self.timeout_seconds,
                limits=self.connection_limits,
            )
            self._client = httpx.AsyncClient(
                transport=self._transport,
                # A burst to one receiver queues for its few connections (webhook_transport
                # CONNECTIONS_PER_POOL), so the wait for one may span a few attempts; with
                # connecting and answering it stays well inside CLAIM_LEASE at the default.
                timeout=httpx.Timeout(self.timeout_seconds, pool=POOL_WAIT_TIMEOUTS * self.timeout_seconds),
                follow_redirects=False,
                trust_env=False,  # no environment proxy: it would resolve the name itself
                headers={"User-Agent": "Keyturn-Webhooks/1"},
            )
        return self._client

    async def _post(self, job: _Job) -> _Outcome:
        if not job.secrets:
            return _Outcome(False, 0, 0.0, "signing secret unavailable (server configuration)", "no_secret")
        headers = {
            "Content-Type": "application/json",
            rules.SIGNATURE_HEADER: rules.signature_header(job.secrets, int(self.wall()), job.body),
            rules.DELIVERY_ID_HEADER: job.delivery_id,
            rules.EVENT_TYPE_HEADER: job.event_type,
        }
        started = time.perf_counter()
        try:
            response = await self._http().post(job.url, content=job.body, headers=headers)
        except Refused as refused:
            return _Outcome(False, 0, 0.0, str(refused), "refused")
        except httpx.TimeoutException:
            return _Outcome(False, 0, _ms(started), "timeout", "timeout")
        except httpx.HTTPError as error:
            return _Outcome(
                False, 0, _ms(started), f"connection error ({type(error).__name__})", "connection_error"
            )
        latency = _ms(started)
        if 200 <= response.status_code < 300:
            return _Outcome(True, response.status_code, latency, "", "succeeded")
        return _Outcome(False, response.status_code, latency, f"HTTP {response.status_code}", "http_error")

    async def _record(self, job: _Job, outcome: _Outcome, token: str, now: datetime) -> None:
        async def work(session: AsyncSession) -> None:
            # The webhook first, then the delivery (the order DeleteWebhook and redelivery take).
            hook = await store.get_webhook(session, job.webhook_id, lock=True)
            row = await store.held_delivery(session, job.delivery_id, token)
            if row is None:
                return  # another sender took over after our lease ran out, or it was deleted
            attempt = {
                "time": now.isoformat(),
                "http_status": outcome.status,
                "latency_ms": round(outcome.latency_ms, 3),
                "error": outcome.error,
            }
            row.attempts = [*row.attempts, attempt][-MAX_ATTEMPTS_SHOWN:]
            row.attempt_count += 1
            row.window_attempts += 1
            row.lease_token = None
            if outcome.ok:
                row.state, row.next_attempt_time = store.SUCCEEDED, None
                if hook is not None and hook.consecutive_gave_up:
                    hook.consecutive_gave_up = 0
                return
            retry = rules.next_attempt(row.window_attempts, now, self.rng)
            if retry is not None:
                row.state, row.next_attempt_time = store.FAILED, retry
                return
            row.state, row.next_attempt_time = store.GAVE_UP, None
            if hook is None:
                return
            hook.consecutive_gave_up += 1
            if hook.enabled and hook.consecutive_gave_up >= self.disable_after:
                reason = (
                    f"disabled after {hook.consecutive_gave_up} deliveries in a row gave up "
                    f"(last: {outcome.error or 'failed'})"
                )
                hook.enabled, hook.disabled_reason, hook.update_time = False, reason, now
                await session.flush()
                await audit(
                    session,
                    AuditRecord(
                        action="webhook.disable",
                        resource_type=WEBHOOK,
                        resource_id=hook.id,
                        organization_id=hook.organization_id,
                        reason=reason,
                        actor="system",
                        changes=[change("enabled", True, False)],
                    ),
                )
                log.warning("webhook disabled after repeated failures (webhook_id=%s)", hook.id)

        await self.db.run(work)

    async def stop(self) -> None:
        client, self._client, self._transport = self._client, None, None
        if client is not None:
            await client.aclose()


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000


def _matches(hook: Webhook, event: KeyEvent) -> bool:
    if event.sequence <= hook.start_sequence:
        return False
    return not hook.event_types or event.type in hook.event_types


async def _events(session: Any, sequences: list[int]) -> list[KeyEvent]:
    return list((await session.scalars(select(KeyEvent).where(KeyEvent.sequence.in_(sequences)))).all())


__all__ = ["LATENCY_BUCKETS", "OUTCOMES", "Backlog", "Resolver", "Webhooks", "resolve"]
