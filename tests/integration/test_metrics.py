"""Prometheus metrics: scraped over real HTTP from a server with --metrics-listen, the series
move after RPCs (calls by code, latency, ValidateKey outcomes, caches, rate-limit leases,
usage flushes, the audit queue, the database pool)."""

from __future__ import annotations

import time
import urllib.request
from collections.abc import Iterator

import grpc
import pytest
from keyturn.v1 import keys_pb2, keys_pb2_grpc
from prometheus_client.parser import text_string_to_metric_families

from tests.integration.test_validate import create_key, make_tenant, outcome, validate
from tests.support import ServerThread, make_settings, with_token

VALIDATE = "/keyturn.v1.KeyService/ValidateKey"


@pytest.fixture(scope="module")
def metered(
    backend: str, new_database_url, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServerThread]:  # type: ignore[no-untyped-def]
    settings = make_settings(
        new_database_url(backend),
        tmp_path_factory.mktemp("metrics"),
        metrics_listen="127.0.0.1:0",
        audit_level="verbose",
    )
    running = ServerThread(settings).start()
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="module")
def stub(metered: ServerThread) -> Iterator[keys_pb2_grpc.KeyServiceStub]:
    with grpc.insecure_channel(metered.address) as ch:
        yield keys_pb2_grpc.KeyServiceStub(with_token(ch, metered.admin_token))


def scrape(server: ServerThread) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    port = server.container.metrics.port
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10) as response:
        assert response.status == 200
        assert response.headers["Content-Type"].startswith("text/plain")
        body = response.read().decode()
    samples: dict[tuple[str, tuple[tuple[str, str], ...]], float] = {}
    for family in text_string_to_metric_families(body):
        for sample in family.samples:
            samples[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return samples


def value(samples: dict[tuple[str, tuple[tuple[str, str], ...]], float], name: str, **labels: str) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


def test_metrics_are_off_by_default(server: ServerThread) -> None:
    assert server.container.metrics is None


def test_series_move_after_rpcs(metered: ServerThread, stub: keys_pb2_grpc.KeyServiceStub) -> None:
    before = scrape(metered)
    tenant = make_tenant(stub)
    limited = create_key(stub, tenant.org, limit=(2, keys_pb2.RATE_LIMIT_WINDOW_HOUR))
    leased = create_key(stub, tenant.org, limit=(10**6, keys_pb2.RATE_LIMIT_WINDOW_DAY))
    for _ in range(5):
        validate(stub, leased.plaintext)
    results = [outcome(lambda: validate(stub, limited.plaintext)) for _ in range(3)]
    assert results == ["OK", "OK", "RATE_LIMITED"]
    bad = "kt_live_" + "A" * 43 + "000000"
    assert outcome(lambda: validate(stub, bad)) == "KEY_INVALID"

    deadline = time.monotonic() + 10
    while True:  # the usage flush and the audit writer run in the background
        after = scrape(metered)
        flushed = value(after, "keyturn_usage_flushed_uses_total") - value(
            before, "keyturn_usage_flushed_uses_total"
        )
        written = value(after, "keyturn_audit_events_written_total") - value(
            before, "keyturn_audit_events_written_total"
        )
        if (flushed >= 7 and written >= 9) or time.monotonic() > deadline:
            break
        time.sleep(0.1)

    def moved(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    assert moved("keyturn_rpc_calls_total", method=VALIDATE, code="OK") == 7
    assert moved("keyturn_rpc_calls_total", method=VALIDATE, code="RESOURCE_EXHAUSTED") == 1
    assert moved("keyturn_rpc_calls_total", method=VALIDATE, code="UNAUTHENTICATED") == 1
    assert moved("keyturn_rpc_calls_total", method="/keyturn.v1.KeyService/CreateKey", code="OK") == 2
    assert moved("keyturn_rpc_duration_seconds_count", method=VALIDATE) == 9
    assert moved("keyturn_rpc_duration_seconds_bucket", method=VALIDATE, le="+Inf") == 9
    assert moved("keyturn_rpc_duration_seconds_sum", method=VALIDATE) > 0
    assert moved("keyturn_validate_outcomes_total", outcome="VALID") == 7
    assert moved("keyturn_validate_outcomes_total", outcome="RATE_LIMITED") == 1
    assert moved("keyturn_validate_outcomes_total", outcome="KEY_INVALID") == 1
    # First validation of each key misses, the rest hit; the bad key never reaches the cache
    # lookup's database side (its checksum fails) but does miss the cache.
    assert moved("keyturn_cache_misses_total", cache="key") == 3
    assert moved("keyturn_cache_hits_total", cache="key") == 6
    assert value(after, "keyturn_cache_entries", cache="key") >= 2
    assert moved("keyturn_cache_hits_total", cache="principal") >= 1
    assert moved("keyturn_ratelimit_lease_refills_total") == 1  # the 10**6/day key leases once
    assert moved("keyturn_usage_flushed_uses_total") == 7
    assert moved("keyturn_audit_events_written_total") == 9  # verbose: every attempt
    assert value(after, "keyturn_audit_queue_capacity") == metered.settings.audit_queue_size
    assert value(after, "keyturn_audit_events_dropped_total") == 0
    assert "keyturn_audit_queue_depth" in {name for name, _ in after}
    assert value(after, "keyturn_usage_flush_lag_seconds") < 5
    assert value(after, "keyturn_db_pool_in_use") >= 0
    assert moved("keyturn_db_pool_wait_seconds_count") > 0


def test_revocation_counts_as_an_invalidation(
    metered: ServerThread, stub: keys_pb2_grpc.KeyServiceStub
) -> None:
    tenant = make_tenant(stub)
    created = create_key(stub, tenant.org)
    validate(stub, created.plaintext)
    before = scrape(metered)
    stub.RevokeKey(keys_pb2.RevokeKeyRequest(id=created.key.id))
    assert outcome(lambda: validate(stub, created.plaintext)) == "KEY_REVOKED"
    after = scrape(metered)
    assert value(after, "keyturn_cache_invalidations_total", cache="key") > value(
        before, "keyturn_cache_invalidations_total", cache="key"
    )
    assert value(after, "keyturn_validate_outcomes_total", outcome="KEY_REVOKED") == 1 + value(
        before, "keyturn_validate_outcomes_total", outcome="KEY_REVOKED"
    )


def test_the_grafana_dashboard_names_only_exposed_series(
    metered: ServerThread, stub: keys_pb2_grpc.KeyServiceStub
) -> None:
    import json
    import re
    from pathlib import Path

    before = scrape(metered)
    one = keys_pb2.ValidateKeysRequest(request_id="1", validation=keys_pb2.ValidateKeyRequest(plaintext="x"))
    assert [a.request_id for a in stub.ValidateKeys(iter([one, one]), timeout=10)] == ["1", "1"]
    stream_method = "/keyturn.v1.KeyService/ValidateKeys"
    after = scrape(metered)
    assert (
        value(after, "keyturn_rpc_stream_messages_total", method=stream_method)
        - value(before, "keyturn_rpc_stream_messages_total", method=stream_method)
        == 2
    )
    assert (
        value(after, "keyturn_rpc_calls_total", method=stream_method, code="OK")
        - value(before, "keyturn_rpc_calls_total", method=stream_method, code="OK")
        == 1
    )

    dashboard = json.loads((Path(__file__).resolve().parents[2] / "deploy/grafana/keyturn.json").read_text())
    exprs = [t["expr"] for p in dashboard["panels"] for t in p["targets"]]
    named = {m for e in exprs for m in re.findall(r"\bkeyturn_[a-z_]+", e)}
    exposed = {name for name, _ in scrape(metered)}
    # The scheduler's series appear once the container builds a scheduler (jobs to run).
    missing = {n for n in named - exposed if not n.startswith("keyturn_scheduler_")}
    assert not missing, f"the dashboard queries series the server does not expose: {missing}"


def test_webhook_series(metered: ServerThread, stub: keys_pb2_grpc.KeyServiceStub) -> None:
    """Attempts by outcome, their latency, and the outbox (by state, oldest undelivered age)."""
    from datetime import UTC, datetime, timedelta

    from keyturn.v1 import webhooks_pb2, webhooks_pb2_grpc

    from tests.integration.test_webhooks import Receiver, wait_until

    receiver = Receiver().start()
    try:
        with grpc.insecure_channel(metered.address) as ch:
            authed = with_token(ch, metered.admin_token)
            webhooks = webhooks_pb2_grpc.WebhookServiceStub(authed)
            tenant = make_tenant(stub)
            hook = webhooks.CreateWebhook(
                webhooks_pb2.CreateWebhookRequest(
                    webhook=webhooks_pb2.Webhook(organization_id=tenant.org, url=receiver.url)
                ),
                timeout=10,
            ).webhook
            before = scrape(metered)
            receiver.fail(1)
            create_key(stub, tenant.org)

            def listed() -> list[webhooks_pb2.WebhookDelivery]:
                return list(
                    webhooks.ListWebhookDeliveries(
                        webhooks_pb2.ListWebhookDeliveriesRequest(webhook_id=hook.id), timeout=10
                    ).deliveries
                )

            wait_until(lambda: [d.attempt_count for d in listed()] == [1])
            container = metered.container
            metered.call(container.webhooks.refresh_backlog())
            failed = scrape(metered)
            assert value(failed, "keyturn_webhook_deliveries", state="failed") >= 1
            assert value(failed, "keyturn_webhook_oldest_pending_age_seconds") > 0

            due = listed()[0].next_attempt_time.ToDatetime(tzinfo=UTC)
            metered.call(container.webhooks.send_due(max(due, datetime.now(UTC)) + timedelta(seconds=1)))
            assert listed()[0].attempt_count == 2
            metered.call(container.webhooks.refresh_backlog())
            after = scrape(metered)
    finally:
        receiver.stop()

    def moved(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    assert moved("keyturn_webhook_attempts_total", outcome="http_error") == 1
    assert moved("keyturn_webhook_attempts_total", outcome="succeeded") == 1
    assert moved("keyturn_webhook_attempt_duration_seconds_count") == 2
    assert moved("keyturn_webhook_attempt_duration_seconds_bucket", le="+Inf") == 2
    assert moved("keyturn_webhook_attempt_duration_seconds_sum") > 0
    assert (
        value(after, "keyturn_webhook_deliveries", state="failed")
        == value(failed, "keyturn_webhook_deliveries", state="failed") - 1
    )
    assert "keyturn_webhook_deliveries" in {name for name, _ in after}
