"""The pure parts of credits and named limits: refill times, the low-balance crossing, the
checks of CreateKey/UpdateKey/ValidateKey input, and which limits a validation applies."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from keyturn_server.domain import keycheck
from keyturn_server.domain import ratelimit as rl
from keyturn_server.domain.errors import InvalidArgument


def _epoch(*parts: int) -> float:
    return datetime(*parts, tzinfo=UTC).timestamp()  # type: ignore[arg-type]


def test_daily_refill_starts_at_midnight_utc() -> None:
    assert rl.refill_start(_epoch(2026, 3, 5, 13, 7), "DAILY") == _epoch(2026, 3, 5)
    assert rl.refill_start(_epoch(2026, 3, 5), "DAILY") == _epoch(2026, 3, 5)


def test_monthly_refill_on_its_day() -> None:
    assert rl.refill_start(_epoch(2026, 3, 20), "MONTHLY", 15) == _epoch(2026, 3, 15)
    assert rl.refill_start(_epoch(2026, 3, 15), "MONTHLY", 15) == _epoch(2026, 3, 15)
    assert rl.refill_start(_epoch(2026, 3, 14, 23, 59), "MONTHLY", 15) == _epoch(2026, 2, 15)
    assert rl.refill_start(_epoch(2026, 1, 3), "MONTHLY", 28) == _epoch(2025, 12, 28)
    with pytest.raises(ValueError):
        rl.refill_start(0, "MONTHLY", 29)
    with pytest.raises(ValueError):
        rl.refill_start(0, "WEEKLY")


def test_low_balance_crossing() -> None:
    assert rl.crossed_low(after=10, cost=1, threshold=10)  # 11 -> 10
    assert not rl.crossed_low(after=9, cost=1, threshold=10)  # already below
    assert rl.crossed_low(after=2, cost=20, threshold=10)  # 22 -> 2 jumps over it
    assert not rl.crossed_low(after=11, cost=1, threshold=10)
    assert not rl.crossed_low(after=0, cost=1, threshold=0)  # 0: no threshold


def _fields(call: object) -> list[str]:
    with pytest.raises(InvalidArgument) as caught:
        call()  # type: ignore[operator]
    return [v.field for v in caught.value.violations]


def test_named_limit_checks() -> None:
    ok = rl.check_named_limits("m", [("requests", 100, "MINUTE"), ("tokens", 10_000, "DAY")])
    assert ok == [rl.NamedLimit("requests", 100, "MINUTE"), rl.NamedLimit("tokens", 10_000, "DAY")]
    assert _fields(lambda: rl.check_named_limits("m", [("a", 1, "MINUTE"), ("a", 1, "DAY")])) == ["m[1].name"]
    assert _fields(lambda: rl.check_named_limits("m", [("default", 1, "MINUTE")])) == ["m[0].name"]
    assert _fields(lambda: rl.check_named_limits("m", [("A", 1, "MINUTE")])) == ["m[0].name"]
    assert _fields(lambda: rl.check_named_limits("m", [("a" * 33, 1, "MINUTE")])) == ["m[0].name"]
    assert _fields(lambda: rl.check_named_limits("m", [("a", 0, None)])) == ["m[0].requests", "m[0].window"]
    many = [(f"l{i}", 1, "MINUTE") for i in range(17)]
    assert _fields(lambda: rl.check_named_limits("m", many)) == ["m"]


def test_credit_checks() -> None:
    setting = rl.check_credits("c", 10, 2, ("MONTHLY", 50, 0))
    assert setting == rl.CreditSetting(10, rl.CreditPolicy("MONTHLY", 50, 1, 2))  # day defaults to 1
    assert rl.check_credits("c", 0, 0, None).policy.refill_interval is None
    assert _fields(lambda: rl.check_credits("c", -1, 0, None)) == ["c.remaining"]
    assert _fields(lambda: rl.check_credits("c", rl.MAX_CREDITS + 1, 0, None)) == ["c.remaining"]
    assert _fields(lambda: rl.check_credits("c", 1, 0, (None, 5, 0))) == ["c.refill.interval"]
    assert _fields(lambda: rl.check_credits("c", 1, 0, ("DAILY", 5, 2))) == ["c.refill.day_of_month"]
    assert _fields(lambda: rl.check_credits("c", 1, 0, ("MONTHLY", 0, 29))) == [
        "c.refill.amount",
        "c.refill.day_of_month",
    ]


def _request(**fields: object) -> keycheck.ValidationRequest:
    return keycheck.check_request("kt_live_x", "", (), "", **fields)  # type: ignore[arg-type]


def test_cost_checks() -> None:
    assert _request().cost == 1 and _request(cost=7).cost == 7
    assert _request(limits=[("a", 0)]).limits == (("a", 1),)
    assert _fields(lambda: _request(cost=-1)) == ["cost"]
    assert _fields(lambda: _request(cost=rl.MAX_COST + 1)) == ["cost"]
    assert _fields(lambda: _request(limits=[("a", 1), ("a", 2)])) == ["limits[1].name"]
    assert _fields(lambda: _request(limits=[("a", -2)])) == ["limits[0].cost"]
    assert _fields(lambda: _request(limits=[(f"l{i}", 1) for i in range(18)])) == ["limits"]


def _key(**fields: object) -> keycheck.KeySnapshot:
    base: dict[str, object] = {
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
    }
    base.update(fields)
    return keycheck.KeySnapshot(**base)  # type: ignore[arg-type]


def test_which_limits_apply() -> None:
    key = _key(named_limits={"tokens": (1000, "DAY")})
    assert keycheck.demands(key, _request()) == (rl.Demand("default", 10, "MINUTE", 1),)
    assert keycheck.demands(key, _request(limits=[("tokens", 30)])) == (rl.Demand("tokens", 1000, "DAY", 30),)
    assert keycheck.demands(key, _request(limits=[("default", 2), ("tokens", 1)])) == (
        rl.Demand("default", 10, "MINUTE", 2),
        rl.Demand("tokens", 1000, "DAY", 1),
    )
    assert keycheck.demands(_key(rate_limit=None), _request(limits=[("default", 1)])) == ()
    assert _fields(lambda: keycheck.demands(key, _request(limits=[("nope", 1)]))) == ["limits[0].name"]
