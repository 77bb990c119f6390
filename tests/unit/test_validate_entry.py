"""usecases/validate.py KeyEntry: what it derives once per cached key instead of per call."""

from __future__ import annotations

from typing import Any

import pytest
from keyturn_server.domain import keycheck
from keyturn_server.domain.errors import InvalidArgument
from keyturn_server.domain.ratelimit import Demand
from keyturn_server.usecases.validate import MAX_DEMAND_SETS, KeyEntry


def _entry(**fields: Any) -> KeyEntry:
    base: dict[str, Any] = {
        "id": "k",
        "organization_id": "o",
        "project_id": "",
        "product_id": "",
        "key_hash": "h",
        "secret_version": 1,
        "scopes": frozenset(),
        "rate_limit": (10, "MINUTE"),
        "expire_time": None,
        "revoke_time": None,
        "networks": (),
        "named_limits": {f"l{i}": (100 + i, "DAY") for i in range(12)},
    }
    base.update(fields)
    return KeyEntry(keycheck.KeySnapshot(**base), row=None, use_count=0, last_used_time=None)  # type: ignore[arg-type]


def _request(limits: list[tuple[str, int]] | None = None) -> keycheck.ValidationRequest:
    return keycheck.check_request("x", "", [], "", limits=limits or [])


def test_demands_are_those_of_the_domain_rule_and_remembered() -> None:
    entry = _entry()
    request = _request([("l1", 3), ("default", 0)])
    first = entry.demands(request)
    assert first == keycheck.demands(entry.snapshot, request)
    assert first == (Demand("l1", 101, "DAY", 3), Demand("default", 10, "MINUTE", 1))
    assert entry.demands(_request([("l1", 3), ("default", 0)])) is first
    assert entry.demands(_request()) == (Demand("default", 10, "MINUTE", 1),)


def test_an_unknown_limit_raises_every_time_and_is_not_remembered() -> None:
    entry = _entry()
    for _ in range(2):
        with pytest.raises(InvalidArgument):
            entry.demands(_request([("nope", 1)]))
    assert entry.demand_sets == {}


def test_remembered_sets_are_bounded() -> None:
    entry = _entry()
    for i in range(12):
        assert entry.demands(_request([(f"l{i}", 1)])) == (Demand(f"l{i}", 100 + i, "DAY", 1),)
    assert len(entry.demand_sets) == MAX_DEMAND_SETS
    assert entry.demands(_request([("l11", 1)])) == (Demand("l11", 111, "DAY", 1),)  # still right


def test_lease_units_last_as_many_calls_whatever_the_cost() -> None:
    from keyturn_server.domain.ratelimit import lease_block
    from keyturn_server.store.ratelimit import _lease_units

    assert _lease_units(999, 1) == 1 and _lease_units(999, 7) == 7  # exact under 1000
    assert _lease_units(10**9, 1) == lease_block(10**9) == 1000
    assert _lease_units(10**12, 5) == 5000  # 1000 calls' worth, far under 0.1% of the limit
    assert _lease_units(5000, 1) == 5 and _lease_units(5000, 3) == 5  # capped at limit // 1000
    assert _lease_units(5000, 10) == 10  # never less than the call's own cost
    for limit in (1000, 5000, 10**6, 10**9, 10**12):
        for cost in (1, 2, 5, 1000):
            n = _lease_units(limit, cost)
            assert n >= cost and n >= lease_block(limit)
            assert n <= max(limit // 1000, cost)
