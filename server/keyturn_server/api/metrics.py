"""Prometheus metrics on their own HTTP port (`--metrics-listen`, off by default).

Two kinds of series, so that the hot path pays (almost) nothing:

- Per RPC (`keyturn_rpc_calls_total{method,code}`, `keyturn_rpc_duration_seconds{method}`):
  the edge interceptor calls `RpcMetrics.observe(method, code, seconds)` once per call (once
  per stream for streaming RPCs). The labelled children are bound once per method / code and
  cached in a dict, so a call costs a dict lookup, one counter increment and one histogram
  observation.
- Everything else is read from the components at scrape time by `ContainerCollector`: the
  counters the components keep anyway (KeyCache hits/misses/evictions, the access log's
  queue and drops, rate-limit lease refills, ValidateKey outcomes, usage flushes, the
  scheduler's runs, webhook attempts and the outbox as the sender last counted it) and the
  database pool's state. Nothing is counted twice and a
  validation increments plain ints only.

The registry is per server (not prometheus_client's global one): several servers in one
process (the tests) each expose their own. With `--workers N` each worker serves its metrics
on the port after the previous worker's (`port + index`), so Prometheus scrapes every worker
as its own target; docs/operations.md has a scrape config.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from prometheus_client import CollectorRegistry, Counter, Histogram, start_http_server
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, HistogramMetricFamily, Metric
from prometheus_client.registry import Collector
from sqlalchemy import event

if TYPE_CHECKING:
    from keyturn_server.container import Container
    from keyturn_server.store.db import Database
    from keyturn_server.usecases.keycache import KeyCache
    from keyturn_server.usecases.webhooks import Webhooks

log = logging.getLogger("keyturn.metrics")

# Latency buckets for an RPC whose hot path is ~0.1-1 ms and whose slow paths are queries.
RPC_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
POOL_WAIT_BUCKETS = (0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1.0, 5.0, 30.0)


class RpcMetrics:
    """Calls by method and code, and a latency histogram by method."""

    def __init__(self, registry: CollectorRegistry) -> None:
        self.calls = Counter(
            "keyturn_rpc_calls", "gRPC calls by method and status code", ("method", "code"), registry=registry
        )
        self.duration = Histogram(
            "keyturn_rpc_duration_seconds",
            "gRPC call duration (a stream: from its start to its end)",
            ("method",),
            buckets=RPC_BUCKETS,
            registry=registry,
        )
        self.stream_messages = Counter(
            "keyturn_rpc_stream_messages",
            "Messages received on client-streaming RPCs",
            ("method",),
            registry=registry,
        )
        self._calls: dict[tuple[str, str], Any] = {}
        self._durations: dict[str, Any] = {}

    def observe(self, method: str, code: str, seconds: float) -> None:
        child = self._calls.get((method, code))
        if child is None:
            child = self._calls[(method, code)] = self.calls.labels(method, code)
        child.inc()
        histogram = self._durations.get(method)
        if histogram is None:
            histogram = self._durations[method] = self.duration.labels(method)
        histogram.observe(seconds)

    def messages(self, method: str, count: int) -> None:
        if count:
            self.stream_messages.labels(method).inc(count)


class PoolWait:
    """Time spent waiting for a database connection from the pool.

    SQLAlchemy's pool events say when a connection was checked out, not how long the caller
    waited for it, so the pool's own `_do_get` (where QueuePool blocks when every connection
    is in use) is timed. This is a private method of SQLAlchemy's Pool, stable across 1.4
    and 2.x; if it is ever missing the histogram simply stays empty.
    """

    def __init__(self, registry: CollectorRegistry) -> None:
        self.histogram = Histogram(
            "keyturn_db_pool_wait_seconds",
            "Time waited for a pooled database connection",
            buckets=POOL_WAIT_BUCKETS,
            registry=registry,
        )
        self.checkouts = 0

    def attach(self, db: Database) -> None:
        pool = db.engine.sync_engine.pool
        original = getattr(pool, "_do_get", None)
        if original is None:
            return
        observe = self.histogram.observe

        def timed_get() -> Any:
            started = time.perf_counter()
            try:
                return original()
            finally:
                observe(time.perf_counter() - started)

        pool._do_get = timed_get  # type: ignore[method-assign]

        @event.listens_for(pool, "checkout")
        def _on_checkout(*_args: Any) -> None:
            self.checkouts += 1


def _counter(name: str, doc: str, labels: Iterable[str] = ()) -> CounterMetricFamily:
    return CounterMetricFamily(name, doc, labels=list(labels))


def _gauge(name: str, doc: str, labels: Iterable[str] = ()) -> GaugeMetricFamily:
    return GaugeMetricFamily(name, doc, labels=list(labels))


class ContainerCollector(Collector):
    """Reads the container's components when Prometheus scrapes (on the metrics thread).

    Only ints, `len()` and `qsize()` are read, and dicts are copied with one `list(...)`
    call, so a scrape never blocks the event loop and never sees a dict mid-resize.
    """

    def __init__(self, container: Container) -> None:
        self.container = container

    def collect(self) -> Iterator[Metric]:
        c = self.container
        caches: dict[str, KeyCache[Any]] = {
            "key": c.validation.keys,
            "product": c.validation.products,
            "link": c.validation.links,
            "principal": c.authenticator.cache,
        }
        hits = _counter("keyturn_cache_hits", "Cache lookups answered from memory", ("cache",))
        misses = _counter("keyturn_cache_misses", "Cache lookups that went to the database", ("cache",))
        evictions = _counter(
            "keyturn_cache_evictions", "Entries dropped by the size bound or found expired", ("cache",)
        )
        invalidations = _counter(
            "keyturn_cache_invalidations",
            "Evictions by id or whole-cache clears (revocations, key events, missed events)",
            ("cache",),
        )
        entries = _gauge("keyturn_cache_entries", "Entries held", ("cache",))
        for name, cache in caches.items():
            hits.add_metric([name], cache.hits)
            misses.add_metric([name], cache.misses)
            evictions.add_metric([name], cache.evictions)
            invalidations.add_metric([name], cache.invalidations)
            entries.add_metric([name], len(cache))
        yield from (hits, misses, evictions, invalidations, entries)

        outcomes = _counter(
            "keyturn_validate_outcomes",
            "ValidateKey decisions by outcome (VALID or the reason)",
            ("outcome",),
        )
        for outcome, count in list(c.validation.outcomes.items()):
            outcomes.add_metric([outcome], count)
        yield outcomes

        limiter = c.validation.limiter
        yield CounterMetricFamily(
            "keyturn_ratelimit_lease_refills",
            "Blocks of quota leased from the shared counter (one database round trip each)",
            value=limiter.lease_refills,
        )
        yield CounterMetricFamily(
            "keyturn_ratelimit_exhausted_denials",
            "Validations refused from memory because the window was known to be exhausted",
            value=limiter.exhausted_denials,
        )

        usage = c.validation.usage
        yield GaugeMetricFamily(
            "keyturn_usage_flush_lag_seconds",
            "How far stored use counts may lag (0 with nothing pending, else since the last flush)",
            value=usage.lag_seconds(),
        )
        yield CounterMetricFamily(
            "keyturn_usage_flushed_uses", "Uses written by the usage flusher", value=usage.flushed_uses
        )
        yield CounterMetricFamily(
            "keyturn_usage_flush_failures", "Usage flushes that failed (retried)", value=usage.flush_failures
        )

        audit = c.access_log
        yield GaugeMetricFamily(
            "keyturn_audit_queue_depth", "Access events waiting to be written", value=audit.queue.qsize()
        )
        yield GaugeMetricFamily(
            "keyturn_audit_queue_capacity", "Size of the access-event queue", value=audit.queue.maxsize
        )
        yield CounterMetricFamily(
            "keyturn_audit_events_written", "Access events written", value=audit.written
        )
        yield CounterMetricFamily(
            "keyturn_audit_events_dropped",
            "Access events lost (queue full, database down)",
            value=audit.dropped,
        )
        yield CounterMetricFamily(
            "keyturn_audit_events_filtered",
            "Access events not kept at this audit level",
            value=audit.filtered,
        )

        yield CounterMetricFamily(
            "keyturn_jwks_unreadable_versions",
            "Signing key versions the every-organization JWKS left out because their material "
            "does not unwrap (counted once per try, at most once per cache TTL per version)",
            value=c.tokens.jwks_versions_skipped,
        )

        yield CounterMetricFamily(
            "keyturn_leak_reports_applied",
            "Leaked-key outbox rows applied by this replica (ReportLeakedKeys calls that queued candidates)",
            value=c.leaks.applied_rows,
        )

        yield from _pool_metrics(c.db)

        scheduler = getattr(c, "scheduler", None)  # built by the container once jobs exist
        if scheduler is not None:
            runs = _counter("keyturn_scheduler_job_runs", "Scheduler job runs on this replica", ("job",))
            failures = _counter("keyturn_scheduler_job_failures", "Scheduler job runs that failed", ("job",))
            for job, count in list(scheduler.runs.items()):
                runs.add_metric([job], count)
            for job, count in list(scheduler.failures.items()):
                failures.add_metric([job], count)
            yield runs
            yield failures
            yield GaugeMetricFamily(
                "keyturn_scheduler_leader",
                "1 while this replica leads the scheduler",
                value=scheduler.is_leader,
            )

        yield from _webhook_metrics(c.webhooks)


def _webhook_metrics(webhooks: Webhooks) -> Iterator[Metric]:
    from keyturn_server.usecases.webhooks import LATENCY_BUCKETS

    backlog = webhooks.backlog  # replaced whole by the sender (at most every 10 s)
    states = _gauge(
        "keyturn_webhook_deliveries",
        "Deliveries of enabled webhooks not delivered yet (pending, failed) or given up, as last counted",
        ("state",),
    )
    for state in ("PENDING", "FAILED", "GAVE_UP"):
        states.add_metric([state.lower()], backlog.by_state.get(state, 0))
    yield states
    oldest = backlog.oldest_undelivered
    yield GaugeMetricFamily(
        "keyturn_webhook_oldest_pending_age_seconds",
        "Age of the oldest delivery not yet delivered (pending or failed; 0 when none)",
        value=0.0 if oldest is None else max(0.0, time.time() - oldest.timestamp()),
    )
    attempts = _counter("keyturn_webhook_attempts", "Webhook delivery attempts by outcome", ("outcome",))
    for outcome, count in list(webhooks.attempt_outcomes.items()):
        attempts.add_metric([outcome], count)
    yield attempts
    counts = list(webhooks.latency_counts)
    cumulative, buckets = 0, []
    for bound, count in zip([*(str(b) for b in LATENCY_BUCKETS), "+Inf"], counts, strict=True):
        cumulative += count
        buckets.append((bound, cumulative))
    yield HistogramMetricFamily(
        "keyturn_webhook_attempt_duration_seconds",
        "Duration of webhook delivery attempts that sent a request",
        buckets=buckets,
        sum_value=webhooks.latency_sum,
    )


def _pool_metrics(db: Database) -> Iterator[Metric]:
    pool: Any = db.engine.sync_engine.pool
    checked_out = getattr(pool, "checkedout", None)
    if checked_out is None:
        return
    yield GaugeMetricFamily(
        "keyturn_db_pool_in_use", "Database connections checked out of the pool", value=checked_out()
    )
    size = getattr(pool, "size", None)
    if size is not None:
        yield GaugeMetricFamily("keyturn_db_pool_size", "Connections the pool keeps open", value=size())
    overflow = getattr(pool, "overflow", None)
    if overflow is not None:
        yield GaugeMetricFamily(
            "keyturn_db_pool_overflow", "Connections open beyond the pool size", value=max(0, overflow())
        )


def split_listen(listen: str) -> tuple[str, int]:
    host, _, port = listen.rpartition(":")
    host = host.strip("[]") or "0.0.0.0"  # noqa: S104  (the operator chose to listen everywhere)
    return host, int(port)


class MetricsServer:
    """The registry and its HTTP endpoint; start/stop are container lifecycle hooks."""

    def __init__(self, container: Container, listen: str) -> None:
        self.listen = listen
        self.registry = CollectorRegistry()
        self.rpc = RpcMetrics(self.registry)
        self.pool_wait = PoolWait(self.registry)
        self.pool_wait.attach(container.db)
        self.registry.register(ContainerCollector(container))
        self.port = 0
        self._server: Any = None
        self._thread: Any = None

    async def start(self) -> None:
        host, port = split_listen(self.listen)
        self._server, self._thread = start_http_server(port, addr=host, registry=self.registry)
        self.port = int(self._server.server_port)
        log.info("metrics", extra={"fields": {"listen": f"{host}:{self.port}"}})

    async def stop(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            server.shutdown()
            server.server_close()
        if self._thread is not None:
            self._thread.join(5)
            self._thread = None


__all__ = ["ContainerCollector", "MetricsServer", "RpcMetrics", "split_listen"]
