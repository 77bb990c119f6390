"""Proto <-> domain conversion of rotation policies and recoverability (keys.proto fields
ApiKey.rotation/next_rotation_time/recoverable, CreateKeyRequest.rotation/recoverable, the
UpdateKey `rotation` path). convert.py calls these; the rules live in domain/key_rotation.py."""

from __future__ import annotations

from datetime import timedelta

from keyturn.v1 import keys_pb2, rotation_pb2

from keyturn_server.domain import key_rotation as rot
from keyturn_server.domain import validation as check
from keyturn_server.domain.errors import InvalidArgument
from keyturn_server.domain.key_policy import RotationSpec
from keyturn_server.store import models

MODE_NAMES: dict[int, str] = {
    rotation_pb2.ROTATION_MODE_AUTOMATIC: rot.AUTOMATIC,
    rotation_pb2.ROTATION_MODE_REMIND: rot.REMIND,
}
MODE_VALUES: dict[str, rotation_pb2.RotationMode.ValueType] = {
    rot.AUTOMATIC: rotation_pb2.ROTATION_MODE_AUTOMATIC,
    rot.REMIND: rotation_pb2.ROTATION_MODE_REMIND,
}


def _duration(field: str, message: rotation_pb2.KeyRotationPolicy, name: str) -> timedelta | None:
    if not message.HasField(name):  # type: ignore[arg-type]
        return None
    value = getattr(message, name)
    check.duration_parts(field, value.seconds, value.nanos)
    try:
        return timedelta(seconds=value.seconds, microseconds=value.nanos // 1000)
    except OverflowError:
        raise InvalidArgument.field(field, "is out of range") from None


def rotation_from_proto(field: str, message: rotation_pb2.KeyRotationPolicy) -> RotationSpec:
    """A validated rotation policy; INVALID_ARGUMENT names `field.rotation_period` etc."""
    period = _duration(f"{field}.rotation_period", message, "rotation_period")
    grace = _duration(f"{field}.grace_period", message, "grace_period")
    return rot.rotation_spec(field, period, grace, MODE_NAMES.get(message.mode))


def create_rotation(
    v: check.Violations, request: keys_pb2.CreateKeyRequest
) -> tuple[RotationSpec | None, bool | None]:
    """CreateKeyRequest.rotation (None = the policy's) and .recoverable (None = the policy's)."""
    spec = (
        v.check(lambda: rotation_from_proto("rotation", request.rotation), None)
        if request.HasField("rotation")
        else None
    )
    recoverable = request.recoverable if request.HasField("recoverable") else None
    if spec is not None and recoverable is not None:
        v.check(lambda: rot.require_recoverable_for("rotation", spec, recoverable), None)
    return spec, recoverable


def update_rotation(v: check.Violations, key: keys_pb2.ApiKey) -> RotationSpec | None:
    """The `rotation` path's value: an unset or empty policy clears it."""
    if not key.HasField("rotation") or key.rotation == rotation_pb2.KeyRotationPolicy():
        return None
    return v.check(lambda: rotation_from_proto("key.rotation", key.rotation), None)


def fill_api_key(message: keys_pb2.ApiKey, row: models.ApiKey) -> None:
    """Set the rotation and recoverability fields of an ApiKey message from its row."""
    message.recoverable = bool(row.recoverable)
    spec = rot.spec_of(row.rotation_mode, row.rotation_period_seconds, row.rotation_grace_seconds)
    if spec is not None:
        message.rotation.mode = MODE_VALUES[spec.mode]
        message.rotation.rotation_period.FromTimedelta(spec.period)
        message.rotation.grace_period.FromTimedelta(spec.grace)
    if row.next_rotation_time is not None:
        message.next_rotation_time.FromDatetime(row.next_rotation_time)


__all__ = [
    "create_rotation",
    "fill_api_key",
    "rotation_from_proto",
    "update_rotation",
]
