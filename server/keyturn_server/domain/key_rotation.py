"""Rotation policies of API keys: the rules, no I/O.

A key with a rotation policy is due `period` after it was issued (a successor is issued at
the rotation, so "after the last rotation" is the successor's issue time).

- AUTOMATIC (recoverable keys only): when due, the scheduler rotates the key as RotateKey
  does; the old key keeps working for `grace`, then expires. The key's own expiry is never
  extended.
- REMIND: when due the scheduler emits ROTATION_DUE, and again at due + grace; the key
  expires at due + grace unless rotated before. So a REMIND key's expire_time is
  min(its own expiry, due + grace), its own expiry being kept as `expire_cap` so that a
  successor (or a cleared policy) starts from it again.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from keyturn_server.domain.errors import InvalidArgument
from keyturn_server.domain.key_policy import RotationSpec
from keyturn_server.domain.validation import grace_period

AUTOMATIC = "AUTOMATIC"
REMIND = "REMIND"
MIN_ROTATION_PERIOD = timedelta(hours=1)
MAX_ROTATION_PERIOD = timedelta(days=3660)
# Reminders sent for the current due time (api_key.rotation_reminders).
REMINDED_DUE = 1
REMINDED_GRACE_END = 2


def rotation_spec(
    field: str, period: timedelta | None, grace: timedelta | None, mode: str | None
) -> RotationSpec:
    """A validated rotation policy from its request parts; INVALID_ARGUMENT names `field.<part>`."""
    if mode not in (AUTOMATIC, REMIND):
        raise InvalidArgument.field(
            f"{field}.mode", "must be ROTATION_MODE_AUTOMATIC or ROTATION_MODE_REMIND"
        )
    if period is None:
        raise InvalidArgument.field(f"{field}.rotation_period", "is required")
    if period < MIN_ROTATION_PERIOD:
        raise InvalidArgument.field(f"{field}.rotation_period", "must be at least 1 hour")
    if period > MAX_ROTATION_PERIOD:
        raise InvalidArgument.field(
            f"{field}.rotation_period", f"must be at most {MAX_ROTATION_PERIOD.days} days"
        )
    return RotationSpec(period=period, mode=mode, grace=grace_period(f"{field}.grace_period", grace))


def require_recoverable_for(field: str, spec: RotationSpec | None, recoverable: bool) -> None:
    """AUTOMATIC rotation hands the successor's plaintext out through RevealKey only."""
    if spec is not None and spec.mode == AUTOMATIC and not recoverable:
        raise InvalidArgument.field(
            f"{field}.mode", "ROTATION_MODE_AUTOMATIC needs a recoverable key (recoverable = true)"
        )


def due_time(issued: datetime, spec: RotationSpec) -> datetime:
    return issued + spec.period


def expire_time_for(cap: datetime | None, spec: RotationSpec | None, due: datetime | None) -> datetime | None:
    """The expire_time of a key with expiry `cap` under `spec`, due at `due`: REMIND caps it at
    due + grace; AUTOMATIC and no policy leave the cap."""
    if spec is None or spec.mode != REMIND or due is None:
        return cap
    end = due + spec.grace
    return end if cap is None else min(cap, end)


def spec_of(mode: str | None, period_seconds: int | None, grace_seconds: int | None) -> RotationSpec | None:
    """The policy stored on a key row (None without one)."""
    if mode is None or period_seconds is None:
        return None
    return RotationSpec(
        period=timedelta(seconds=period_seconds),
        mode=mode,
        grace=timedelta(seconds=grace_seconds or 0),
    )


__all__ = [
    "AUTOMATIC",
    "MAX_ROTATION_PERIOD",
    "MIN_ROTATION_PERIOD",
    "REMIND",
    "REMINDED_DUE",
    "REMINDED_GRACE_END",
    "due_time",
    "expire_time_for",
    "require_recoverable_for",
    "rotation_spec",
    "spec_of",
]
