"""Credits over a real server, on SQLite and PostgreSQL: cost, all-or-nothing with the rate
limit, exactness under 16 concurrent callers (and across two replicas on PostgreSQL),
refills (lazy and by the scheduler job), UpdateKey, bad input and the low-balance signal."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Any

import grpc
import pytest
from google.protobuf import field_mask_pb2
from google.rpc import error_details_pb2
from keyturn.v1 import keys_pb2, keys_pb2_grpc
from keyturn_server.domain.ratelimit import refill_start

from tests.integration.test_replicas import alternating, replicas, stubs  # noqa: F401
from tests.integration.test_validate import Tenant, fresh_minute, make_tenant, outcome, validate
from tests.support import ServerThread, expect_error

EXHAUSTED = grpc.StatusCode.RESOURCE_EXHAUSTED
BAD = grpc.StatusCode.INVALID_ARGUMENT
MINUTE = keys_pb2.RATE_LIMIT_WINDOW_MINUTE
DAILY = keys_pb2.CREDIT_REFILL_INTERVAL_DAILY
MONTHLY = keys_pb2.CREDIT_REFILL_INTERVAL_MONTHLY


@pytest.fixture(scope="module")
def stub(grpc_channel: grpc.Channel) -> keys_pb2_grpc.KeyServiceStub:
    return keys_pb2_grpc.KeyServiceStub(grpc_channel)


@pytest.fixture(scope="module")
def tenant(stub: keys_pb2_grpc.KeyServiceStub) -> Tenant:
    return make_tenant(stub)


def credit_key(
    stub: keys_pb2_grpc.KeyServiceStub,
    org: str,
    remaining: int,
    *,
    refill: keys_pb2.CreditRefill | None = None,
    low: int = 0,
    limit: int | None = None,
) -> keys_pb2.CreateKeyResponse:
    credits = keys_pb2.KeyCredits(remaining=remaining, low_threshold=low)
    if refill is not None:
        credits.refill.CopyFrom(refill)
    metadata = keys_pb2.KeyMetadata(name="credits")
    if limit is not None:
        metadata.rate_limit.requests, metadata.rate_limit.window = limit, MINUTE
    return stub.CreateKey(keys_pb2.CreateKeyRequest(organization_id=org, metadata=metadata, credits=credits))


def remaining(stub: keys_pb2_grpc.KeyServiceStub, key_id: str) -> int:
    return stub.GetKey(keys_pb2.GetKeyRequest(id=key_id)).credits.remaining


def test_cost_is_taken_and_reported(stub: keys_pb2_grpc.KeyServiceStub, tenant: Tenant) -> None:
    created = credit_key(stub, tenant.org, 10)
    assert created.key.credits.remaining == 10 and not created.key.credits.HasField("refill")
    first = validate(stub, created.plaintext, cost=3)
    assert first.credits.remaining == 7 and first.key.credits.remaining == 7
    second = validate(stub, created.plaintext)  # cost 0 means 1; the key is cached now
    assert second.credits.remaining == 6 and second.key.credits.remaining == 6
    err = expect_error(lambda: validate(stub, created.plaintext, cost=7), EXHAUSTED, "CREDITS_EXHAUSTED")
    assert err.metadata == {"remaining": "6", "cost": "7"}
    assert err.detail(error_details_pb2.QuotaFailure) is not None
    assert remaining(stub, created.key.id) == 6  # the refused call took nothing
    assert validate(stub, created.plaintext, cost=6).credits.remaining == 0
    expect_error(lambda: validate(stub, created.plaintext), EXHAUSTED, "CREDITS_EXHAUSTED")
    assert stub.GetKey(keys_pb2.GetKeyRequest(id=created.key.id)).use_count >= 0


def test_a_key_without_credits_has_none(stub: keys_pb2_grpc.KeyServiceStub, tenant: Tenant) -> None:
    created = stub.CreateKey(keys_pb2.CreateKeyRequest(organization_id=tenant.org))
    assert not created.key.HasField("credits")
    answer = validate(stub, created.plaintext, cost=1000)  # cost is ignored without credits
    assert not answer.HasField("credits") and not answer.key.HasField("credits")


def test_refused_credits_take_no_rate_limit_quota(stub: keys_pb2_grpc.KeyServiceStub, tenant: Tenant) -> None:
    created = credit_key(stub, tenant.org, 2, limit=5)
    fresh_minute(budget=15)
    results = [outcome(lambda: validate(stub, created.plaintext)) for _ in range(5)]
    assert results == ["OK", "OK"] + ["CREDITS_EXHAUSTED"] * 3
    update = keys_pb2.UpdateKeyRequest(
        key=keys_pb2.ApiKey(id=created.key.id, credits=keys_pb2.KeyCredits(remaining=10)),
        update_mask=field_mask_pb2.FieldMask(paths=["credits"]),
    )
    assert stub.UpdateKey(update).credits.remaining == 10
    # The three refused calls took no quota: three more fit under 5 per minute, then none.
    results = [outcome(lambda: validate(stub, created.plaintext)) for _ in range(4)]
    assert results == ["OK", "OK", "OK", "RATE_LIMITED"]
    assert remaining(stub, created.key.id) == 7  # the rate-limited call took no credits


def test_credits_are_exact_under_16_concurrent_callers(
    stub: keys_pb2_grpc.KeyServiceStub, tenant: Tenant
) -> None:
    created = credit_key(stub, tenant.org, 50)
    with ThreadPoolExecutor(16) as pool:
        results = list(pool.map(lambda _: outcome(lambda: validate(stub, created.plaintext)), range(160)))
    assert results.count("OK") == 50
    assert results.count("CREDITS_EXHAUSTED") == 110
    assert remaining(stub, created.key.id) == 0


def test_update_sets_and_clears_credits(stub: keys_pb2_grpc.KeyServiceStub, tenant: Tenant) -> None:
    created = stub.CreateKey(keys_pb2.CreateKeyRequest(organization_id=tenant.org))
    validate(stub, created.plaintext)  # cached without credits
    refill = keys_pb2.CreditRefill(interval=MONTHLY, amount=500, day_of_month=15)
    update = keys_pb2.UpdateKeyRequest(
        key=keys_pb2.ApiKey(id=created.key.id, credits=keys_pb2.KeyCredits(remaining=3, refill=refill)),
        update_mask=field_mask_pb2.FieldMask(paths=["credits"]),
    )
    updated = stub.UpdateKey(update)
    assert updated.credits.remaining == 3 and updated.credits.refill.day_of_month == 15
    assert updated.credits.refill.HasField("last_refill_time")
    assert validate(stub, created.plaintext).credits.remaining == 2  # the cache was invalidated
    clear = keys_pb2.UpdateKeyRequest(
        key=keys_pb2.ApiKey(id=created.key.id), update_mask=field_mask_pb2.FieldMask(paths=["credits"])
    )
    assert not stub.UpdateKey(clear).HasField("credits")
    assert not validate(stub, created.plaintext).HasField("credits")


def _days_later(days: float) -> float:
    return (datetime.now(UTC) + timedelta(days=days)).timestamp()


def test_daily_refill_by_the_scheduler_job(
    server: ServerThread, stub: keys_pb2_grpc.KeyServiceStub, tenant: Tenant
) -> None:
    created = credit_key(stub, tenant.org, 2, refill=keys_pb2.CreditRefill(interval=DAILY, amount=40))
    validate(stub, created.plaintext, cost=2)
    expect_error(lambda: validate(stub, created.plaintext), EXHAUSTED, "CREDITS_EXHAUSTED")
    validation = server.container.validation
    today = datetime.now(UTC)
    server.call(validation.refill_credits(today))  # nothing due yet
    assert remaining(stub, created.key.id) == 0
    tomorrow = today + timedelta(days=1)
    server.call(validation.refill_credits(tomorrow))
    server.call(validation.refill_credits(tomorrow))  # idempotent within the period
    key = stub.GetKey(keys_pb2.GetKeyRequest(id=created.key.id))
    assert key.credits.remaining == 40
    midnight = tomorrow.replace(hour=0, minute=0, second=0, microsecond=0)
    assert key.credits.refill.last_refill_time.seconds == int(midnight.timestamp())


def test_monthly_refill_applied_lazily_on_validation(
    server: ServerThread, stub: keys_pb2_grpc.KeyServiceStub, tenant: Tenant
) -> None:
    refill = keys_pb2.CreditRefill(interval=MONTHLY, amount=9, day_of_month=1)
    created = credit_key(stub, tenant.org, 1, refill=refill)
    validate(stub, created.plaintext)
    expect_error(lambda: validate(stub, created.plaintext), EXHAUSTED, "CREDITS_EXHAUSTED")
    limiter = server.container.validation.limiter
    original = limiter.clock
    limiter.clock = lambda: _days_later(32)  # past the next first of the month
    try:
        answer = validate(stub, created.plaintext, cost=4)
        assert answer.credits.remaining == 5  # refilled to 9, then 4 taken
        first_of_month = refill_start(limiter.clock(), "MONTHLY", 1)
        assert answer.credits.refill.last_refill_time.seconds == first_of_month
        assert stub.GetKey(
            keys_pb2.GetKeyRequest(id=created.key.id)
        ).credits.refill.last_refill_time.seconds == (first_of_month)
        assert validate(stub, created.plaintext).credits.remaining == 4  # refilled once only
    finally:
        limiter.clock = original


def _low_events(server: ServerThread, key_id: str) -> list[dict[str, Any]]:
    from keyturn_server.store.models import KeyEvent
    from sqlalchemy import select

    async def read() -> list[dict[str, Any]]:
        async with server.container.db.transaction() as session:
            rows = await session.scalars(
                select(KeyEvent).where(KeyEvent.key_id == key_id, KeyEvent.type == "CREDITS_LOW")
            )
            return [dict(row.data) for row in rows]

    return list(server.call(read()))


def test_credits_low_event_once_per_crossing(
    server: ServerThread, stub: keys_pb2_grpc.KeyServiceStub, tenant: Tenant
) -> None:
    created = credit_key(stub, tenant.org, 20, low=10)
    with ThreadPoolExecutor(16) as pool:
        list(pool.map(lambda _: outcome(lambda: validate(stub, created.plaintext)), range(16)))
    assert _low_events(server, created.key.id) == [{"remaining": 10, "lowThreshold": 10}]
    # Topped up above the threshold and spent again: a second crossing, a second event.
    update = keys_pb2.UpdateKeyRequest(
        key=keys_pb2.ApiKey(id=created.key.id, credits=keys_pb2.KeyCredits(remaining=12, low_threshold=10)),
        update_mask=field_mask_pb2.FieldMask(paths=["credits"]),
    )
    stub.UpdateKey(update)
    validate(stub, created.plaintext, cost=5)
    validate(stub, created.plaintext)
    assert _low_events(server, created.key.id)[1:] == [{"remaining": 7, "lowThreshold": 10}]


@pytest.mark.parametrize(
    ("fields", "violation"),
    [
        ({"cost": -1}, "cost"),
        ({"cost": 1_000_001}, "cost"),
    ],
)
def test_bad_cost(
    stub: keys_pb2_grpc.KeyServiceStub, tenant: Tenant, fields: dict[str, Any], violation: str
) -> None:
    created = credit_key(stub, tenant.org, 5)
    err = expect_error(lambda: validate(stub, created.plaintext, **fields), BAD, "INVALID_ARGUMENT")
    assert err.field_violations == [violation]
    assert remaining(stub, created.key.id) == 5


@pytest.mark.parametrize(
    ("credits", "violations"),
    [
        (keys_pb2.KeyCredits(remaining=-1), ["credits.remaining"]),
        (keys_pb2.KeyCredits(remaining=1, low_threshold=-5), ["credits.low_threshold"]),
        (
            keys_pb2.KeyCredits(remaining=1, refill=keys_pb2.CreditRefill(amount=5)),
            ["credits.refill.interval"],
        ),
        (
            keys_pb2.KeyCredits(remaining=1, refill=keys_pb2.CreditRefill(interval=DAILY, amount=0)),
            ["credits.refill.amount"],
        ),
        (
            keys_pb2.KeyCredits(
                remaining=1, refill=keys_pb2.CreditRefill(interval=MONTHLY, amount=5, day_of_month=29)
            ),
            ["credits.refill.day_of_month"],
        ),
        (
            keys_pb2.KeyCredits(
                remaining=1, refill=keys_pb2.CreditRefill(interval=DAILY, amount=5, day_of_month=3)
            ),
            ["credits.refill.day_of_month"],
        ),
    ],
)
def test_bad_credits_on_create(
    stub: keys_pb2_grpc.KeyServiceStub, tenant: Tenant, credits: keys_pb2.KeyCredits, violations: list[str]
) -> None:
    request = keys_pb2.CreateKeyRequest(organization_id=tenant.org, credits=credits)
    err = expect_error(lambda: stub.CreateKey(request), BAD, "INVALID_ARGUMENT")
    assert err.field_violations == violations


# ---- two replicas on one PostgreSQL ----------------------------------------------------------


@pytest.fixture(scope="module")
def replica_stubs(
    backend: str, request: pytest.FixtureRequest
) -> Iterator[tuple[keys_pb2_grpc.KeyServiceStub, keys_pb2_grpc.KeyServiceStub]]:
    if backend != "postgresql":
        pytest.skip("replicas share a PostgreSQL database")
    yield request.getfixturevalue("stubs")


def test_credits_are_exact_across_two_replicas(
    replica_stubs: tuple[keys_pb2_grpc.KeyServiceStub, keys_pb2_grpc.KeyServiceStub],
) -> None:
    a, _ = replica_stubs
    tenant = make_tenant(a)
    created = credit_key(a, tenant.org, 60)
    calls = alternating(replica_stubs, lambda s: validate(s, created.plaintext), 200)
    with ThreadPoolExecutor(16) as pool:
        results = list(pool.map(outcome, calls))
    assert results.count("OK") == 60
    assert results.count("CREDITS_EXHAUSTED") == 140
    assert remaining(a, created.key.id) == 0


# ---- the Python client facade ----------------------------------------------------------------


def test_python_client_credits_and_limits(server: ServerThread, tenant: Tenant) -> None:
    from keyturn.client import Client, CreditsExhaustedError, QuotaError

    with Client(server.address, token=getattr(server, "admin_token", "") or None) as client:
        metadata = keys_pb2.KeyMetadata(name="client")
        metadata.named_limits.add(name="tokens", requests=10, window=keys_pb2.RATE_LIMIT_WINDOW_DAY)
        created = client.create_key(tenant.org, metadata=metadata, credits=5)
        assert created.key.credits.remaining == 5
        answer = client.validate_key(created.plaintext, cost=2, limits={"tokens": 4})
        assert answer.credits.remaining == 3 and answer.limits[0].name == "tokens"
        with pytest.raises(CreditsExhaustedError) as no_credits:
            client.validate_key(created.plaintext, cost=4, limits={"tokens": 1})
        assert no_credits.value.remaining == 3 and no_credits.value.cost == 4
        with pytest.raises(QuotaError) as limited:
            client.validate_key(created.plaintext, cost=1, limits={"tokens": 7})
        assert limited.value.limit_name == "tokens"
