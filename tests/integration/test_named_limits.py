"""Named limits over a real server, on SQLite and PostgreSQL: each limit counted apart, all or
nothing (a call denied by one takes nothing from the others nor from the credits), the
denial names the limit, exact under 16 concurrent callers and across two replicas, bad input."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import grpc
import pytest
from google.protobuf import field_mask_pb2
from google.rpc import error_details_pb2
from keyturn.v1 import keys_pb2, keys_pb2_grpc

from tests.integration.test_replicas import alternating, replicas, stubs  # noqa: F401
from tests.integration.test_validate import Tenant, fresh_minute, make_tenant, outcome, validate
from tests.support import expect_error

MINUTE = keys_pb2.RATE_LIMIT_WINDOW_MINUTE
HOUR = keys_pb2.RATE_LIMIT_WINDOW_HOUR
DAY = keys_pb2.RATE_LIMIT_WINDOW_DAY
BAD = grpc.StatusCode.INVALID_ARGUMENT
EXHAUSTED = grpc.StatusCode.RESOURCE_EXHAUSTED


@pytest.fixture(scope="module")
def stub(grpc_channel: grpc.Channel) -> keys_pb2_grpc.KeyServiceStub:
    return keys_pb2_grpc.KeyServiceStub(grpc_channel)


@pytest.fixture(scope="module")
def tenant(stub: keys_pb2_grpc.KeyServiceStub) -> Tenant:
    return make_tenant(stub)


def limited_key(
    stub: keys_pb2_grpc.KeyServiceStub,
    org: str,
    named: dict[str, tuple[int, Any]],
    *,
    default: int | None = None,
    credits: int | None = None,
) -> keys_pb2.CreateKeyResponse:
    metadata = keys_pb2.KeyMetadata(name="limits")
    for name, (requests, window) in named.items():
        metadata.named_limits.add(name=name, requests=requests, window=window)
    if default is not None:
        metadata.rate_limit.requests, metadata.rate_limit.window = default, HOUR
    request = keys_pb2.CreateKeyRequest(organization_id=org, metadata=metadata)
    if credits is not None:
        request.credits.remaining = credits
    return stub.CreateKey(request)


def costs(**named: int) -> list[keys_pb2.LimitCost]:
    return [keys_pb2.LimitCost(name=name, cost=cost) for name, cost in named.items()]


def test_each_named_limit_is_counted_apart(stub: keys_pb2_grpc.KeyServiceStub, tenant: Tenant) -> None:
    created = limited_key(stub, tenant.org, {"requests": (3, HOUR), "tokens": (100, HOUR)}, default=50)
    assert [n.name for n in created.key.metadata.named_limits] == ["requests", "tokens"]
    answer = validate(stub, created.plaintext, limits=costs(requests=1, tokens=40))
    assert [(s.name, s.limit, s.remaining) for s in answer.limits] == [
        ("requests", 3, 2),
        ("tokens", 100, 60),
    ]
    assert answer.limits[1].window == HOUR and answer.limits[1].reset_time.seconds > 0
    assert not answer.HasField("rate_limit")  # the default limit was not named: not applied
    answer = validate(stub, created.plaintext, limits=costs(tokens=40, requests=1))
    assert [(s.name, s.remaining) for s in answer.limits] == [("tokens", 20), ("requests", 1)]
    # tokens cannot cover 40 more: refused, and `requests` keeps its last unit.
    err = expect_error(
        lambda: validate(stub, created.plaintext, limits=costs(requests=1, tokens=40)),
        EXHAUSTED,
        "RATE_LIMITED",
    )
    assert err.metadata["name"] == "tokens" and err.metadata["limit"] == "100"
    assert err.detail(error_details_pb2.RetryInfo).retry_delay.seconds >= 0
    answer = validate(stub, created.plaintext, limits=costs(requests=1, tokens=20))
    assert [(s.name, s.remaining) for s in answer.limits] == [("requests", 0), ("tokens", 0)]
    err = expect_error(
        lambda: validate(stub, created.plaintext, limits=costs(requests=1)), EXHAUSTED, "RATE_LIMITED"
    )
    assert err.metadata["name"] == "requests"
    # No limits named: the default limit with cost 1, untouched so far.
    answer = validate(stub, created.plaintext)
    assert answer.rate_limit.remaining == 49 and answer.rate_limit.name == "default"
    assert [s.name for s in answer.limits] == ["default"]
    answer = validate(stub, created.plaintext, limits=costs(default=9))
    assert answer.rate_limit.remaining == 40


def test_a_denied_limit_takes_no_credits(stub: keys_pb2_grpc.KeyServiceStub, tenant: Tenant) -> None:
    created = limited_key(stub, tenant.org, {"tokens": (10, DAY)}, credits=100)
    answer = validate(stub, created.plaintext, cost=5, limits=costs(tokens=10))
    assert answer.credits.remaining == 95 and answer.limits[0].remaining == 0
    expect_error(
        lambda: validate(stub, created.plaintext, cost=5, limits=costs(tokens=1)), EXHAUSTED, "RATE_LIMITED"
    )
    assert stub.GetKey(keys_pb2.GetKeyRequest(id=created.key.id)).credits.remaining == 95
    # Refused by credits: the limit keeps its units.
    other = limited_key(stub, tenant.org, {"tokens": (10, DAY)}, credits=3)
    expect_error(
        lambda: validate(stub, other.plaintext, cost=4, limits=costs(tokens=6)),
        EXHAUSTED,
        "CREDITS_EXHAUSTED",
    )
    answer = validate(stub, other.plaintext, cost=3, limits=costs(tokens=10))
    assert answer.limits[0].remaining == 0 and answer.credits.remaining == 0


def test_all_or_nothing_under_16_concurrent_callers(
    stub: keys_pb2_grpc.KeyServiceStub, tenant: Tenant
) -> None:
    created = limited_key(stub, tenant.org, {"a": (40, HOUR), "b": (100, HOUR)})
    with ThreadPoolExecutor(16) as pool:
        results = list(
            pool.map(
                lambda _: outcome(lambda: validate(stub, created.plaintext, limits=costs(a=1, b=3))),
                range(80),
            )
        )
    assert results.count("OK") == 33  # b covers 33 calls of 3
    # `a` gave exactly 33 units to the calls that passed: 7 are left.
    left = [outcome(lambda: validate(stub, created.plaintext, limits=costs(a=1))) for _ in range(8)]
    assert left == ["OK"] * 7 + ["RATE_LIMITED"]


def test_leased_and_exact_limits_together(stub: keys_pb2_grpc.KeyServiceStub, tenant: Tenant) -> None:
    # `big` is leased (block of 5); `small` is exact and refuses after 3. A refused call hands
    # its reservation of `big` back, so `big` is never taken by calls that did not pass.
    created = limited_key(stub, tenant.org, {"big": (5_000, DAY), "small": (3, DAY)})
    results = [
        outcome(lambda: validate(stub, created.plaintext, limits=costs(big=1, small=1))) for _ in range(6)
    ]
    assert results == ["OK"] * 3 + ["RATE_LIMITED"] * 3
    answer = validate(stub, created.plaintext, limits=costs(big=1))
    assert answer.limits[0].remaining == 5_000 - 4


def test_update_named_limits(stub: keys_pb2_grpc.KeyServiceStub, tenant: Tenant) -> None:
    created = limited_key(stub, tenant.org, {"x": (5, MINUTE)})
    validate(stub, created.plaintext, limits=costs(x=1))
    metadata = keys_pb2.KeyMetadata()
    metadata.named_limits.add(name="y", requests=7, window=MINUTE)
    update = keys_pb2.UpdateKeyRequest(
        key=keys_pb2.ApiKey(id=created.key.id, metadata=metadata),
        update_mask=field_mask_pb2.FieldMask(paths=["metadata.named_limits"]),
    )
    assert [n.name for n in stub.UpdateKey(update).metadata.named_limits] == ["y"]
    fresh_minute(budget=5)
    assert validate(stub, created.plaintext, limits=costs(y=2)).limits[0].remaining == 5
    err = expect_error(lambda: validate(stub, created.plaintext, limits=costs(x=1)), BAD, "INVALID_ARGUMENT")
    assert err.field_violations == ["limits[0].name"]


@pytest.mark.parametrize(
    ("limits", "violations"),
    [
        (costs(nope=1), ["limits[0].name"]),
        ([keys_pb2.LimitCost(name="a"), keys_pb2.LimitCost(name="a")], ["limits[1].name"]),
        ([keys_pb2.LimitCost(name="Bad-Name")], ["limits[0].name"]),
        (costs(a=-1), ["limits[0].cost"]),
        (costs(a=2_000_000), ["limits[0].cost"]),
        ([keys_pb2.LimitCost(name=f"l{i}") for i in range(18)], ["limits"]),
    ],
)
def test_bad_limits_on_validate(
    stub: keys_pb2_grpc.KeyServiceStub,
    tenant: Tenant,
    limits: list[keys_pb2.LimitCost],
    violations: list[str],
) -> None:
    created = limited_key(stub, tenant.org, {"a": (5, MINUTE)})
    err = expect_error(lambda: validate(stub, created.plaintext, limits=limits), BAD, "INVALID_ARGUMENT")
    assert err.field_violations == violations


@pytest.mark.parametrize(
    ("named", "violations"),
    [
        ([("a", 1, MINUTE), ("a", 2, MINUTE)], ["metadata.named_limits[1].name"]),
        ([("default", 1, MINUTE)], ["metadata.named_limits[0].name"]),
        ([("9lives", 1, MINUTE)], ["metadata.named_limits[0].name"]),
        ([("a", 0, MINUTE)], ["metadata.named_limits[0].requests"]),
        ([("a", 1, keys_pb2.RATE_LIMIT_WINDOW_UNSPECIFIED)], ["metadata.named_limits[0].window"]),
        ([(f"l{i}", 1, MINUTE) for i in range(17)], ["metadata.named_limits"]),
    ],
)
def test_bad_named_limits_on_create(
    stub: keys_pb2_grpc.KeyServiceStub,
    tenant: Tenant,
    named: list[tuple[str, int, Any]],
    violations: list[str],
) -> None:
    metadata = keys_pb2.KeyMetadata()
    for name, requests, window in named:
        metadata.named_limits.add(name=name, requests=requests, window=window)
    request = keys_pb2.CreateKeyRequest(organization_id=tenant.org, metadata=metadata)
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


def test_named_limits_and_credits_exact_across_two_replicas(
    replica_stubs: tuple[keys_pb2_grpc.KeyServiceStub, keys_pb2_grpc.KeyServiceStub],
) -> None:
    a, _ = replica_stubs
    tenant = make_tenant(a)
    created = limited_key(a, tenant.org, {"requests": (45, HOUR), "tokens": (120, HOUR)}, credits=500)
    calls = alternating(
        replica_stubs,
        lambda s: validate(s, created.plaintext, cost=2, limits=costs(requests=1, tokens=3)),
        120,
    )
    with ThreadPoolExecutor(16) as pool:
        results = list(pool.map(outcome, calls))
    assert results.count("OK") == 40  # tokens: 120 / 3
    assert a.GetKey(keys_pb2.GetKeyRequest(id=created.key.id)).credits.remaining == 500 - 80
    left = [outcome(lambda: validate(a, created.plaintext, limits=costs(requests=1))) for _ in range(6)]
    assert left == ["OK"] * 5 + ["RATE_LIMITED"]


def test_skip_rate_limit_skips_every_limit_but_not_the_credits(
    stub: keys_pb2_grpc.KeyServiceStub, tenant: Tenant
) -> None:
    created = limited_key(stub, tenant.org, {"tokens": (1, DAY)}, default=1, credits=3)
    for _ in range(2):
        answer = validate(stub, created.plaintext, skip_rate_limit=True, limits=costs(tokens=1, default=1))
        assert not answer.limits and not answer.HasField("rate_limit")
    assert answer.credits.remaining == 1
