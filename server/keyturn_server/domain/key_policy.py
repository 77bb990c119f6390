"""Key policies: the defaults and bounds of the keys of an organization or a project.

A policy holds only what its owner set (None = inherit). The effective policy of a project is
its organization's policy overlaid with the project's (`KeyPolicy.overlay`); an organization's
own unset fields mean "no default, no bound". Stored as compact JSON (`to_json`/`from_json`)
in the `key_policy` table; the wire form is keyturn.v1.KeyPolicy (api/ converts).
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import timedelta
from typing import Any

ROTATION_MODES = ("AUTOMATIC", "REMIND")
TOKEN_TYPES = ("JWT", "OPAQUE")
LEAKED_KEY_ACTIONS = ("REVOKE", "FLAG")
DEFAULT_ROTATION_GRACE = timedelta(hours=24)


@dataclass(frozen=True)
class RateLimitBound:
    requests: int
    window: str  # SECOND, MINUTE, HOUR, DAY


@dataclass(frozen=True)
class RotationSpec:
    """A key's rotation policy: due `period` after issue, `grace` for the old key, `mode`."""

    period: timedelta
    mode: str  # AUTOMATIC or REMIND
    grace: timedelta = DEFAULT_ROTATION_GRACE


@dataclass(frozen=True)
class TokenSettings:
    type: str | None = None  # JWT or OPAQUE; None = JWT
    default_ttl: timedelta | None = None
    max_ttl: timedelta | None = None
    custom_claims: tuple[str, ...] | None = None


@dataclass(frozen=True)
class KeyPolicy:
    default_ttl: timedelta | None = None
    max_ttl: timedelta | None = None
    allowed_scopes: tuple[str, ...] | None = None
    default_scopes: tuple[str, ...] | None = None
    default_rate_limit: RateLimitBound | None = None
    max_rate_limit: RateLimitBound | None = None
    default_allowed_cidrs: tuple[str, ...] | None = None
    allowed_environments: tuple[str, ...] | None = None  # "live", "test"
    rotation: RotationSpec | None = None
    recoverable: bool | None = None
    leaked_key_action: str | None = None  # REVOKE or FLAG; None = REVOKE
    token: TokenSettings | None = None

    def overlay(self, other: KeyPolicy) -> KeyPolicy:
        """This policy with every field `other` sets taking its place (whole sub-messages)."""
        changes = {
            f.name: getattr(other, f.name) for f in fields(other) if getattr(other, f.name) is not None
        }
        return replace(self, **changes)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in ("default_ttl", "max_ttl"):
            value = getattr(self, name)
            if value is not None:
                out[name + "_seconds"] = value.total_seconds()
        for name in ("allowed_scopes", "default_scopes", "default_allowed_cidrs", "allowed_environments"):
            value = getattr(self, name)
            if value is not None:
                out[name] = list(value)
        for name in ("default_rate_limit", "max_rate_limit"):
            value = getattr(self, name)
            if value is not None:
                out[name] = {"requests": value.requests, "window": value.window}
        if self.rotation is not None:
            out["rotation"] = {
                "period_seconds": self.rotation.period.total_seconds(),
                "grace_seconds": self.rotation.grace.total_seconds(),
                "mode": self.rotation.mode,
            }
        if self.recoverable is not None:
            out["recoverable"] = self.recoverable
        if self.leaked_key_action is not None:
            out["leaked_key_action"] = self.leaked_key_action
        if self.token is not None:
            token: dict[str, Any] = {}
            if self.token.type is not None:
                token["type"] = self.token.type
            for name in ("default_ttl", "max_ttl"):
                value = getattr(self.token, name)
                if value is not None:
                    token[name + "_seconds"] = value.total_seconds()
            if self.token.custom_claims is not None:
                token["custom_claims"] = list(self.token.custom_claims)
            out["token"] = token
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> KeyPolicy:
        def seconds(mapping: dict[str, Any], name: str) -> timedelta | None:
            value = mapping.get(name + "_seconds")
            return None if value is None else timedelta(seconds=value)

        def strings(name: str) -> tuple[str, ...] | None:
            value = data.get(name)
            return None if value is None else tuple(value)

        def bound(name: str) -> RateLimitBound | None:
            value = data.get(name)
            return None if value is None else RateLimitBound(int(value["requests"]), str(value["window"]))

        rotation = data.get("rotation")
        token = data.get("token")
        return cls(
            default_ttl=seconds(data, "default_ttl"),
            max_ttl=seconds(data, "max_ttl"),
            allowed_scopes=strings("allowed_scopes"),
            default_scopes=strings("default_scopes"),
            default_rate_limit=bound("default_rate_limit"),
            max_rate_limit=bound("max_rate_limit"),
            default_allowed_cidrs=strings("default_allowed_cidrs"),
            allowed_environments=strings("allowed_environments"),
            rotation=None
            if rotation is None
            else RotationSpec(
                period=timedelta(seconds=rotation["period_seconds"]),
                mode=str(rotation["mode"]),
                grace=timedelta(seconds=rotation["grace_seconds"]),
            ),
            recoverable=data.get("recoverable"),
            leaked_key_action=data.get("leaked_key_action"),
            token=None
            if token is None
            else TokenSettings(
                type=token.get("type"),
                default_ttl=seconds(token, "default_ttl"),
                max_ttl=seconds(token, "max_ttl"),
                custom_claims=None if token.get("custom_claims") is None else tuple(token["custom_claims"]),
            ),
        )


def scope_name(organization_id: str, project_id: str | None) -> str:
    """The policy's owner as a resource name, also its storage key and the `policy` metadata
    of errors it causes: `organizations/{id}` or `projects/{id}`."""
    return f"projects/{project_id}" if project_id else f"organizations/{organization_id}"


__all__ = [
    "DEFAULT_ROTATION_GRACE",
    "LEAKED_KEY_ACTIONS",
    "ROTATION_MODES",
    "TOKEN_TYPES",
    "KeyPolicy",
    "RateLimitBound",
    "RotationSpec",
    "TokenSettings",
    "scope_name",
]
