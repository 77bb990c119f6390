"""Key policies at work: is a policy itself sound, and what it does to a key.

`domain/key_policy.py` holds the policy (what an owner set, the overlay); this module holds the
rules that use it:

- `policy_violations`: a policy is refused when it contradicts itself (a default above its
  maximum, default scopes outside the allowed ones, durations not positive...). Syntax
  (scopes, CIDRs, windows) is checked where the request is decoded.
- `with_defaults`: CreateKey (every field) and UpdateKey (the cleared fields of its mask)
  fill what the key leaves unset from the effective policy: TTL, scopes, rate limit, CIDRs.
- `require_within`: what breaks a maximum or an allowed set is INVALID_ARGUMENT naming the
  request field (BadRequest) and the policy that set the bound (ErrorInfo metadata `policy`,
  `organizations/{id}` or `projects/{id}`).

Rotation, recoverability, leaked-key action and token settings are carried and validated
here but applied elsewhere.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, fields, replace
from datetime import datetime, timedelta
from fractions import Fraction

from keyturn_server.domain.errors import FieldViolation, InvalidArgument
from keyturn_server.domain.key_policy import KeyPolicy, RateLimitBound
from keyturn_server.domain.validation import WINDOW_SECONDS

MIN_ROTATION_PERIOD = timedelta(hours=1)
MAX_TOKEN_TTL = timedelta(hours=1)

# What a policy looks at in a key, by rule name.
TERMS = ("environment", "scopes", "expire_time", "rate_limit", "allowed_cidrs")
CREATE_FIELDS: Mapping[str, str] = {
    "environment": "environment",
    "scopes": "metadata.scopes",
    "expire_time": "expire_time",
    "rate_limit": "metadata.rate_limit",
    "allowed_cidrs": "allowed_cidrs",
}
UPDATE_FIELDS: Mapping[str, str] = {**CREATE_FIELDS, "expire_time": "key.expire_time"}
# UpdateKey's mask paths, by rule name.
UPDATE_PATHS: Mapping[str, str] = {
    "metadata.scopes": "scopes",
    "metadata.rate_limit": "rate_limit",
    "allowed_cidrs": "allowed_cidrs",
    "expire_time": "expire_time",
}


@dataclass(frozen=True)
class SourcedPolicy:
    """An effective policy and, per field, the owner that set it (`organizations/{id}` or
    `projects/{id}`)."""

    policy: KeyPolicy
    sources: Mapping[str, str]

    @classmethod
    def of(cls, layers: list[tuple[str, KeyPolicy]]) -> SourcedPolicy:
        """Overlay `layers` in order (the organization, then the project)."""
        policy = KeyPolicy()
        sources: dict[str, str] = {}
        for name, layer in layers:
            policy = policy.overlay(layer)
            for f in fields(layer):
                if getattr(layer, f.name) is not None:
                    sources[f.name] = name
        return cls(policy, sources)


@dataclass(frozen=True)
class KeyTerms:
    """The settings of a key a policy constrains."""

    environment: str
    scopes: tuple[str, ...]
    expire_time: datetime | None
    rate_limit: tuple[int, str] | None
    allowed_cidrs: tuple[str, ...]


class PolicyViolation(InvalidArgument):
    """INVALID_ARGUMENT: a key breaks a bound of its key policy (ErrorInfo metadata `policy`)."""

    def __init__(self, policy: str, violations: list[FieldViolation]) -> None:
        super().__init__(violations)
        self.metadata["policy"] = policy


def per_second(requests: int, window: str) -> Fraction:
    return Fraction(requests, WINDOW_SECONDS[window])


def _bound_rate(bound: RateLimitBound) -> Fraction:
    return per_second(bound.requests, bound.window)


def policy_violations(policy: KeyPolicy, prefix: str = "policy") -> list[FieldViolation]:
    """How `policy` contradicts itself (empty: it is sound)."""
    bad: list[FieldViolation] = []

    def add(name: str, description: str) -> None:
        bad.append(FieldViolation(f"{prefix}.{name}", description))

    for name in ("default_ttl", "max_ttl"):
        value = getattr(policy, name)
        if value is not None and value <= timedelta(0):
            add(name, "must be positive")
    if policy.default_ttl is not None and policy.max_ttl is not None and policy.default_ttl > policy.max_ttl:
        add("default_ttl", "must not be longer than max_ttl")
    if policy.default_scopes is not None and policy.allowed_scopes:
        outside = [s for s in policy.default_scopes if s not in set(policy.allowed_scopes)]
        if outside:
            add("default_scopes", "not in allowed_scopes: " + ", ".join(outside[:10]))
    if (
        policy.default_rate_limit is not None
        and policy.max_rate_limit is not None
        and _bound_rate(policy.default_rate_limit) > _bound_rate(policy.max_rate_limit)
    ):
        add("default_rate_limit", "must not allow more requests per second than max_rate_limit")
    if policy.rotation is not None:
        if policy.rotation.period < MIN_ROTATION_PERIOD:
            add("rotation.rotation_period", "must be at least 1 hour")
        if policy.rotation.grace < timedelta(0):
            add("rotation.grace_period", "must not be negative")
    if policy.token is not None:
        for name in ("default_ttl", "max_ttl"):
            value = getattr(policy.token, name)
            if value is not None and not timedelta(0) < value <= MAX_TOKEN_TTL:
                add(f"token.{name}", "must be positive and at most 1 hour")
        token_default, token_max = policy.token.default_ttl, policy.token.max_ttl
        if token_default is not None and token_max is not None and token_default > token_max:
            add("token.default_ttl", "must not be longer than token.max_ttl")
    return bad


def with_defaults(
    policy: KeyPolicy, terms: KeyTerms, now: datetime, rules: Collection[str] = TERMS
) -> KeyTerms:
    """`terms` with the policy's defaults in the unset fields among `rules`."""
    changes: dict[str, object] = {}
    if "expire_time" in rules and terms.expire_time is None and policy.default_ttl is not None:
        changes["expire_time"] = now + policy.default_ttl
    if "scopes" in rules and not terms.scopes and policy.default_scopes:
        changes["scopes"] = tuple(policy.default_scopes)
    if "rate_limit" in rules and terms.rate_limit is None and policy.default_rate_limit is not None:
        changes["rate_limit"] = (policy.default_rate_limit.requests, policy.default_rate_limit.window)
    if "allowed_cidrs" in rules and not terms.allowed_cidrs and policy.default_allowed_cidrs:
        changes["allowed_cidrs"] = tuple(policy.default_allowed_cidrs)
    return replace(terms, **changes) if changes else terms  # type: ignore[arg-type]


def require_within(
    sourced: SourcedPolicy,
    terms: KeyTerms,
    now: datetime,
    rules: Collection[str] = TERMS,
    request_fields: Mapping[str, str] = CREATE_FIELDS,
) -> None:
    """Refuse `terms` (the fields among `rules`) where they break a bound of the policy."""
    policy = sourced.policy
    found: list[tuple[str, FieldViolation]] = []

    def add(rule: str, source_field: str, description: str) -> None:
        found.append((sourced.sources[source_field], FieldViolation(request_fields[rule], description)))

    if "environment" in rules and policy.allowed_environments:
        if terms.environment not in policy.allowed_environments:
            allowed = ", ".join(e.upper() for e in policy.allowed_environments)
            add("environment", "allowed_environments", f"not allowed by the key policy (allowed: {allowed})")
    if "scopes" in rules and policy.allowed_scopes:
        outside = [s for s in terms.scopes if s not in set(policy.allowed_scopes)]
        if outside:
            add("scopes", "allowed_scopes", "not allowed by the key policy: " + ", ".join(outside[:10]))
    if "expire_time" in rules and policy.max_ttl is not None:
        if terms.expire_time is None:
            add("expire_time", "max_ttl", f"required: the key policy's max_ttl is {_seconds(policy.max_ttl)}")
        elif terms.expire_time > now + policy.max_ttl:
            add(
                "expire_time",
                "max_ttl",
                f"later than the key policy's max_ttl ({_seconds(policy.max_ttl)}) allows",
            )
    if "rate_limit" in rules and policy.max_rate_limit is not None:
        bound = policy.max_rate_limit
        if terms.rate_limit is None:
            add("rate_limit", "max_rate_limit", "required: the key policy sets max_rate_limit")
        elif per_second(*terms.rate_limit) > _bound_rate(bound):
            add(
                "rate_limit",
                "max_rate_limit",
                f"more requests per second than the key policy's max_rate_limit "
                f"({bound.requests}/{bound.window}) allows",
            )
    if found:
        raise PolicyViolation(found[0][0], [violation for _, violation in found])


def _seconds(value: timedelta) -> str:
    return f"{int(value.total_seconds())}s"


__all__ = [
    "CREATE_FIELDS",
    "MAX_TOKEN_TTL",
    "MIN_ROTATION_PERIOD",
    "TERMS",
    "UPDATE_FIELDS",
    "UPDATE_PATHS",
    "KeyTerms",
    "PolicyViolation",
    "SourcedPolicy",
    "per_second",
    "policy_violations",
    "require_within",
    "with_defaults",
]
