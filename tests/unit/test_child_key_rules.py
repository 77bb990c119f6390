"""domain/child_keys.py and domain/key_policy_rules.py: the narrowing and policy rules, pure."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from keyturn_server.domain import child_keys
from keyturn_server.domain import key_policy_rules as rules
from keyturn_server.domain.key_policy import KeyPolicy, RateLimitBound, RotationSpec, TokenSettings

NOW = datetime(2026, 12, 1, tzinfo=UTC)
PARENT = child_keys.KeyBounds(
    organization_id="o",
    project_id="p",
    product_id=None,
    environment="live",
    scopes=["read", "write"],
    expire_time=NOW + timedelta(days=10),
    allowed_cidrs=["10.0.0.0/8", "2001:db8::/32"],
    rate_limit=(60, "MINUTE"),
)


def child(**changes: object) -> child_keys.KeyBounds:
    values = {
        "organization_id": "o",
        "project_id": "p",
        "product_id": None,
        "environment": "live",
        "scopes": ["read"],
        "expire_time": NOW + timedelta(days=1),
        "allowed_cidrs": ["10.1.0.0/16"],
        "rate_limit": (1, "SECOND"),
    }
    values.update(changes)
    return child_keys.KeyBounds(**values)  # type: ignore[arg-type]


def fields_of(bounds: child_keys.KeyBounds, parent: child_keys.KeyBounds = PARENT) -> list[str]:
    return [v.field for v in child_keys.violations(parent, bounds)]


def test_a_narrower_child_is_valid() -> None:
    assert fields_of(child()) == []
    assert fields_of(child(product_id="x", scopes=[], rate_limit=(3600, "HOUR"))) == []
    # IPv4-mapped IPv6 networks compare as the IPv4 network they carry.
    assert fields_of(child(allowed_cidrs=["::ffff:10.2.0.0/112"])) == []


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"organization_id": "other"}, "organization_id"),
        ({"environment": "test"}, "environment"),
        ({"project_id": None}, "project_id"),
        ({"scopes": ["read", "*"]}, "metadata.scopes"),
        ({"expire_time": None}, "expire_time"),
        ({"expire_time": NOW + timedelta(days=11)}, "expire_time"),
        ({"allowed_cidrs": []}, "allowed_cidrs"),
        ({"allowed_cidrs": ["10.0.0.0/7"]}, "allowed_cidrs"),
        ({"allowed_cidrs": ["2001:db9::/48"]}, "allowed_cidrs"),
        ({"rate_limit": None}, "metadata.rate_limit"),
        ({"rate_limit": (61, "MINUTE")}, "metadata.rate_limit"),
        ({"rate_limit": (3601, "HOUR")}, "metadata.rate_limit"),
    ],
)
def test_each_broader_setting_is_named(changes: dict[str, object], field: str) -> None:
    assert fields_of(child(**changes)) == [field]


def test_an_unrestricted_parent_allows_any_networks_and_limits_but_grants_no_scopes() -> None:
    open_parent = child_keys.KeyBounds("o", None, None, "live", [], None, [], None)
    assert (
        fields_of(
            child(expire_time=None, allowed_cidrs=["0.0.0.0/0"], rate_limit=None, scopes=[]), open_parent
        )
        == []
    )
    assert fields_of(child(scopes=["*"]), open_parent) == ["metadata.scopes"]


def test_violation_names_the_parent() -> None:
    with pytest.raises(child_keys.ChildKeyViolation) as raised:
        child_keys.require_within("parent-id", PARENT, child(scopes=["admin"]))
    assert raised.value.metadata == {"parentKeyId": "parent-id"}
    assert child_keys.capped_expiry(PARENT.expire_time, None) == PARENT.expire_time
    assert child_keys.capped_expiry(None, None) is None


def test_policy_self_consistency() -> None:
    assert rules.policy_violations(KeyPolicy()) == []
    bad = KeyPolicy(
        default_ttl=timedelta(days=2),
        max_ttl=timedelta(days=1),
        allowed_scopes=("a",),
        default_scopes=("b",),
        default_rate_limit=RateLimitBound(2, "SECOND"),
        max_rate_limit=RateLimitBound(60, "MINUTE"),
        rotation=RotationSpec(period=timedelta(minutes=5), mode="REMIND", grace=timedelta(seconds=-1)),
        token=TokenSettings(default_ttl=timedelta(hours=2), max_ttl=timedelta(minutes=1)),
    )
    assert [v.field for v in rules.policy_violations(bad)] == [
        "policy.default_ttl",
        "policy.default_scopes",
        "policy.default_rate_limit",
        "policy.rotation.rotation_period",
        "policy.rotation.grace_period",
        "policy.token.default_ttl",
        "policy.token.default_ttl",
    ]


def test_defaults_and_bounds_with_their_sources() -> None:
    org = KeyPolicy(max_ttl=timedelta(days=30), default_ttl=timedelta(days=7), allowed_environments=("live",))
    project = KeyPolicy(allowed_scopes=("read",), default_scopes=("read",), default_ttl=timedelta(days=1))
    sourced = rules.SourcedPolicy.of([("organizations/o", org), ("projects/p", project)])
    assert sourced.sources["default_ttl"] == "projects/p" and sourced.sources["max_ttl"] == "organizations/o"
    empty = rules.KeyTerms("live", (), None, None, ())
    filled = rules.with_defaults(sourced.policy, empty, NOW)
    assert filled.expire_time == NOW + timedelta(days=1) and filled.scopes == ("read",)
    rules.require_within(sourced, filled, NOW)
    with pytest.raises(rules.PolicyViolation) as raised:
        rules.require_within(sourced, rules.KeyTerms("test", ("admin",), None, None, ()), NOW)
    assert raised.value.metadata == {"policy": "organizations/o"}
    assert [v.field for v in raised.value.violations] == ["environment", "metadata.scopes", "expire_time"]
    with pytest.raises(rules.PolicyViolation) as raised:
        rules.require_within(sourced, rules.KeyTerms("live", ("admin",), NOW, None, ()), NOW)
    assert raised.value.metadata == {"policy": "projects/p"}
    # Only the rules asked for are judged (UpdateKey's mask).
    rules.require_within(sourced, rules.KeyTerms("test", ("admin",), None, None, ()), NOW, rules=())
