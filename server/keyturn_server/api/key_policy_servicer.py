"""keyturn.v1.KeyPolicyService: GetKeyPolicy and UpdateKeyPolicy (thin: decode and check the
request into domain values, call KeyPolicies, render the KeyPolicy message)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import grpc
from keyturn.v1 import key_policies_pb2, key_policies_pb2_grpc, keys_pb2, policies_pb2, rotation_pb2

from keyturn_server.api import convert
from keyturn_server.domain import validation as check
from keyturn_server.domain.errors import InvalidArgument
from keyturn_server.domain.key_policy import (
    DEFAULT_ROTATION_GRACE,
    KeyPolicy,
    RateLimitBound,
    RotationSpec,
    TokenSettings,
)
from keyturn_server.usecases.key_policies import POLICY_PATHS, KeyPolicies, PolicyOwner, PolicyView

Context = grpc.aio.ServicerContext[Any, Any]

MAX_CUSTOM_CLAIMS = 64
MAX_CLAIM_CHARS = 64
ROTATION_MODES: dict[int, str] = {
    rotation_pb2.ROTATION_MODE_AUTOMATIC: "AUTOMATIC",
    rotation_pb2.ROTATION_MODE_REMIND: "REMIND",
}
TOKEN_TYPES: dict[int, str] = {
    policies_pb2.ACCESS_TOKEN_TYPE_JWT: "JWT",
    policies_pb2.ACCESS_TOKEN_TYPE_OPAQUE: "OPAQUE",
}
LEAKED_ACTIONS: dict[int, str] = {
    policies_pb2.LEAKED_KEY_ACTION_REVOKE: "REVOKE",
    policies_pb2.LEAKED_KEY_ACTION_FLAG: "FLAG",
}
ENVIRONMENTS: dict[int, str] = {keys_pb2.ENVIRONMENT_LIVE: "live", keys_pb2.ENVIRONMENT_TEST: "test"}


def _inverse(table: dict[int, str]) -> dict[str, Any]:
    return {name: value for value, name in table.items()}


def _owner(v: check.Violations, request: Any) -> PolicyOwner:
    which = request.WhichOneof("owner")
    if which is None:
        v.add("organization_id", "required: one of organization_id and project_id")
        return PolicyOwner()
    value = v.check(lambda: check.resource_id(which, getattr(request, which)), None)
    return PolicyOwner(**{which: value})


# --- Inbound ----------------------------------------------------------------------------------


def _duration(v: check.Violations, message: Any, name: str, field: str) -> timedelta | None:
    if not message.HasField(name):
        return None
    return v.check(lambda: convert.from_duration(field, getattr(message, name)), None)


def _strings(v: check.Violations, values: Any, field: str, checker: Any) -> tuple[str, ...] | None:
    items = list(values)
    if not items:
        return None
    return tuple(v.check(lambda: checker(field, items), []))


def _bound(v: check.Violations, message: Any, name: str) -> RateLimitBound | None:
    if not message.HasField(name):
        return None
    value: keys_pb2.RateLimit = getattr(message, name)
    checked = v.check(
        lambda: check.rate_limit(f"policy.{name}", value.requests, convert.WINDOW_NAMES.get(value.window)),
        None,
    )
    return None if checked is None else RateLimitBound(*checked)


def _environments(v: check.Violations, values: Any) -> tuple[str, ...] | None:
    items = list(values)
    if not items:
        return None
    found: list[str] = []
    for i, value in enumerate(items):
        name = ENVIRONMENTS.get(value)
        if name is None:
            v.add(f"policy.allowed_environments[{i}]", "must be ENVIRONMENT_LIVE or ENVIRONMENT_TEST")
        elif name not in found:
            found.append(name)
    return tuple(found)


def _rotation(v: check.Violations, message: policies_pb2.KeyPolicy) -> RotationSpec | None:
    if not message.HasField("rotation"):
        return None
    rotation = message.rotation
    period = _duration(v, rotation, "rotation_period", "policy.rotation.rotation_period")
    if period is None and not rotation.HasField("rotation_period"):
        v.add("policy.rotation.rotation_period", "is required")
    grace = _duration(v, rotation, "grace_period", "policy.rotation.grace_period")
    mode = ROTATION_MODES.get(rotation.mode)
    if mode is None:
        v.add("policy.rotation.mode", "must be ROTATION_MODE_AUTOMATIC or ROTATION_MODE_REMIND")
    if period is None or mode is None:
        return None
    return RotationSpec(period=period, mode=mode, grace=DEFAULT_ROTATION_GRACE if grace is None else grace)


def _claims(field: str, values: list[str]) -> list[str]:
    if len(values) > MAX_CUSTOM_CLAIMS:
        raise InvalidArgument.field(field, f"at most {MAX_CUSTOM_CLAIMS} claims")
    for i, claim in enumerate(values):
        if not claim or len(claim) > MAX_CLAIM_CHARS:
            raise InvalidArgument.field(f"{field}[{i}]", f"must be 1..{MAX_CLAIM_CHARS} characters")
    return list(dict.fromkeys(values))


def _token(v: check.Violations, message: policies_pb2.KeyPolicy) -> TokenSettings | None:
    if not message.HasField("token"):
        return None
    token = message.token
    kind = None
    if token.type != policies_pb2.ACCESS_TOKEN_TYPE_UNSPECIFIED:
        kind = TOKEN_TYPES.get(token.type)
        if kind is None:
            v.add("policy.token.type", "must be an AccessTokenType value")
    return TokenSettings(
        type=kind,
        default_ttl=_duration(v, token, "default_ttl", "policy.token.default_ttl"),
        max_ttl=_duration(v, token, "max_ttl", "policy.token.max_ttl"),
        custom_claims=_strings(v, token.custom_claims, "policy.token.custom_claims", _claims),
    )


def policy_from_proto(
    v: check.Violations, message: policies_pb2.KeyPolicy, paths: frozenset[str]
) -> KeyPolicy:
    """The masked fields of `message`, checked; other fields stay None."""
    values: dict[str, Any] = {}
    if "default_ttl" in paths:
        values["default_ttl"] = _duration(v, message, "default_ttl", "policy.default_ttl")
    if "max_ttl" in paths:
        values["max_ttl"] = _duration(v, message, "max_ttl", "policy.max_ttl")
    if "allowed_scopes" in paths:
        values["allowed_scopes"] = _strings(v, message.allowed_scopes, "policy.allowed_scopes", check.scopes)
    if "default_scopes" in paths:
        values["default_scopes"] = _strings(v, message.default_scopes, "policy.default_scopes", check.scopes)
    if "default_rate_limit" in paths:
        values["default_rate_limit"] = _bound(v, message, "default_rate_limit")
    if "max_rate_limit" in paths:
        values["max_rate_limit"] = _bound(v, message, "max_rate_limit")
    if "default_allowed_cidrs" in paths:
        values["default_allowed_cidrs"] = _strings(
            v, message.default_allowed_cidrs, "policy.default_allowed_cidrs", check.cidrs
        )
    if "allowed_environments" in paths:
        values["allowed_environments"] = _environments(v, message.allowed_environments)
    if "rotation" in paths:
        values["rotation"] = _rotation(v, message)
    if "recoverable" in paths:
        values["recoverable"] = message.recoverable if message.HasField("recoverable") else None
    if "leaked_key_action" in paths:
        action = message.leaked_key_action
        values["leaked_key_action"] = LEAKED_ACTIONS.get(action)
        if action != policies_pb2.LEAKED_KEY_ACTION_UNSPECIFIED and action not in LEAKED_ACTIONS:
            v.add("policy.leaked_key_action", "must be a LeakedKeyAction value")
    if "token" in paths:
        values["token"] = _token(v, message)
    return KeyPolicy(**values)


def _mask(v: check.Violations, request: key_policies_pb2.UpdateKeyPolicyRequest) -> frozenset[str]:
    if not request.HasField("update_mask") or not request.update_mask.paths:
        v.add("update_mask", "name at least one field to update")
    paths: set[str] = set()
    for path in request.update_mask.paths:
        if path in POLICY_PATHS:
            paths.add(path)
        else:
            v.add("update_mask", f"unknown field {path[:64]!r}; allowed: {', '.join(POLICY_PATHS)}")
    return frozenset(paths)


# --- Outbound ---------------------------------------------------------------------------------


def _set_duration(target: Any, name: str, value: timedelta | None) -> None:
    if value is not None:
        getattr(target, name).FromTimedelta(value)


def policy_to_proto(view: PolicyView) -> policies_pb2.KeyPolicy:
    p = view.policy
    message = policies_pb2.KeyPolicy(
        organization_id=view.organization_id,
        project_id=view.project_id or "",
        allowed_scopes=list(p.allowed_scopes or ()),
        default_scopes=list(p.default_scopes or ()),
        default_allowed_cidrs=list(p.default_allowed_cidrs or ()),
        allowed_environments=[_inverse(ENVIRONMENTS)[e] for e in p.allowed_environments or ()],
        leaked_key_action=_inverse(LEAKED_ACTIONS).get(p.leaked_key_action or "", 0),
    )
    _set_duration(message, "default_ttl", p.default_ttl)
    _set_duration(message, "max_ttl", p.max_ttl)
    for name in ("default_rate_limit", "max_rate_limit"):
        bound: RateLimitBound | None = getattr(p, name)
        if bound is not None:
            getattr(message, name).CopyFrom(
                keys_pb2.RateLimit(requests=bound.requests, window=convert.WINDOW_VALUES[bound.window])
            )
    if p.rotation is not None:
        message.rotation.mode = _inverse(ROTATION_MODES)[p.rotation.mode]
        message.rotation.rotation_period.FromTimedelta(p.rotation.period)
        message.rotation.grace_period.FromTimedelta(p.rotation.grace)
    if p.recoverable is not None:
        message.recoverable = p.recoverable
    if p.token is not None:
        message.token.SetInParent()
        message.token.type = _inverse(TOKEN_TYPES).get(p.token.type or "", 0)
        _set_duration(message.token, "default_ttl", p.token.default_ttl)
        _set_duration(message.token, "max_ttl", p.token.max_ttl)
        message.token.custom_claims.extend(p.token.custom_claims or ())
    if view.update_time is not None:
        message.update_time.CopyFrom(convert.to_timestamp(view.update_time))
    return message


class KeyPolicyServicer(key_policies_pb2_grpc.KeyPolicyServiceServicer):
    def __init__(self, policies: KeyPolicies) -> None:
        self.policies = policies

    async def GetKeyPolicy(
        self, request: key_policies_pb2.GetKeyPolicyRequest, context: Context
    ) -> policies_pb2.KeyPolicy:
        v = check.Violations()
        owner = _owner(v, request)
        v.raise_if_any()
        return policy_to_proto(await self.policies.get_policy(owner, request.effective))

    async def UpdateKeyPolicy(
        self, request: key_policies_pb2.UpdateKeyPolicyRequest, context: Context
    ) -> policies_pb2.KeyPolicy:
        v = check.Violations()
        owner = _owner(v, request)
        paths = _mask(v, request)
        if not request.HasField("policy"):
            v.add("policy", "is required")
        new = policy_from_proto(v, request.policy, paths)
        v.raise_if_any()
        return policy_to_proto(await self.policies.update_policy(owner, new, paths))
