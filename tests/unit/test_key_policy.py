"""domain/key_policy.py: JSON round trip and the organization -> project overlay."""

from __future__ import annotations

from datetime import timedelta

from keyturn_server.domain.key_policy import (
    KeyPolicy,
    RateLimitBound,
    RotationSpec,
    TokenSettings,
    scope_name,
)

FULL = KeyPolicy(
    default_ttl=timedelta(days=30),
    max_ttl=timedelta(days=90),
    allowed_scopes=("read", "write"),
    default_scopes=("read",),
    default_rate_limit=RateLimitBound(100, "MINUTE"),
    max_rate_limit=RateLimitBound(1000, "MINUTE"),
    default_allowed_cidrs=("10.0.0.0/8",),
    allowed_environments=("live",),
    rotation=RotationSpec(timedelta(days=30), "AUTOMATIC", timedelta(hours=12)),
    recoverable=True,
    leaked_key_action="FLAG",
    token=TokenSettings("JWT", timedelta(minutes=5), timedelta(hours=1), ("plan",)),
)


def test_round_trip() -> None:
    assert KeyPolicy.from_json(FULL.to_json()) == FULL
    assert KeyPolicy.from_json({}) == KeyPolicy()
    assert KeyPolicy().to_json() == {}


def test_project_fields_win_and_unset_fields_inherit() -> None:
    project = KeyPolicy(max_ttl=timedelta(days=7), recoverable=False, allowed_scopes=())
    merged = FULL.overlay(project)
    assert merged.max_ttl == timedelta(days=7)
    assert merged.recoverable is False  # an explicit false overrides
    assert merged.allowed_scopes == ()
    assert merged.default_ttl == FULL.default_ttl
    assert merged.rotation == FULL.rotation


def test_scope_names() -> None:
    assert scope_name("o1", None) == "organizations/o1"
    assert scope_name("o1", "p1") == "projects/p1"
