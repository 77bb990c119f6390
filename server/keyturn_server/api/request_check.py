"""The checks every keyturn.v1 request passes before its handler runs (called by the edge).

One walk over the decoded message, driven by its descriptor, so no RPC can skip it:

* every google.protobuf.Timestamp is inside 0001-01-01..9999-12-31 with 0 <= nanos < 1e9, and
  every Duration inside +-10,000 years with nanos of the same sign (the ranges the
  protobuf spec defines; outside them datetime conversions overflow);
* every string holds no NUL (PostgreSQL text and JSONB refuse it; SQLite would truncate
  it), including the keys and string values inside a Struct;
* every number inside a Struct is finite (JSON, and so JSONB, has no NaN or Infinity).

Violations name the field path (`metadata.custom.limits.max`, `filter.start_time`). Fields
that carry secrets (a key, a password) are not checked for NUL: they never reach the
database and their rules live with the use case. Per-field rules (id shapes, lengths,
allowed values) stay in the servicers' request decoding (api/convert.py and friends).
"""

from __future__ import annotations

import math
from typing import Any

from google.protobuf import descriptor
from google.protobuf.message import Message

from keyturn_server.domain import validation as check
from keyturn_server.domain.errors import InvalidArgument

_STRING = descriptor.FieldDescriptor.TYPE_STRING
_MESSAGE = descriptor.FieldDescriptor.TYPE_MESSAGE
# String fields holding secrets or key material: never stored, never echoed.
_SECRET_FIELDS = frozenset({"plaintext", "password", "passphrase", "key", "private_key"})
MAX_VIOLATIONS = 20
MAX_DEPTH = 64


def check_request(message: Message) -> None:
    """Raise InvalidArgument naming each field that breaks a rule above (at most 20)."""
    violations = check.Violations()
    _walk(message, "", violations, 0)
    violations.raise_if_any()


def _text(v: check.Violations, where: str, value: str) -> None:
    try:
        check.storable_text(where, value)
    except InvalidArgument as err:
        v.items.extend(err.violations)


def _join(prefix: str, name: str) -> str:
    return f"{prefix}.{name}" if prefix else name


def _full(v: check.Violations) -> bool:
    return len(v.items) >= MAX_VIOLATIONS


def _walk(message: Message, path: str, v: check.Violations, depth: int) -> None:
    kind = message.DESCRIPTOR.full_name
    if kind == "google.protobuf.Timestamp":
        v.check(lambda: check.timestamp_parts(path, message.seconds, message.nanos), None)  # type: ignore[attr-defined]
        return
    if kind == "google.protobuf.Duration":
        v.check(lambda: check.duration_parts(path, message.seconds, message.nanos), None)  # type: ignore[attr-defined]
        return
    if kind in ("google.protobuf.Struct", "google.protobuf.Value", "google.protobuf.ListValue"):
        _json(message, path, v, depth)
        return
    for field, value in message.ListFields():
        if _full(v):
            return
        if field.type == _STRING:
            # The common case - nothing wrong - builds no field paths.
            if field.name in _SECRET_FIELDS:
                continue
            if field.is_repeated:
                for index, text in enumerate(value):
                    if "\x00" in text:
                        _text(v, f"{_join(path, field.name)}[{index}]", text)
            elif "\x00" in value:
                _text(v, _join(path, field.name), value)
            continue
        name = _join(path, field.name)
        if field.type == _MESSAGE:
            if field.message_type is not None and field.message_type.GetOptions().map_entry:
                for key, item in value.items():
                    where = f"{name}[{key!r}]"[:200]
                    if isinstance(key, str):
                        _text(v, where, key)
                    if isinstance(item, Message):
                        _walk(item, where, v, depth + 1)
                    elif isinstance(item, str):
                        _text(v, where, item)
            elif field.is_repeated:
                for index, item in enumerate(value):
                    _walk(item, f"{name}[{index}]", v, depth + 1)
            else:
                _walk(value, name, v, depth + 1)


def _json(message: Any, path: str, v: check.Violations, depth: int) -> None:
    """Struct / Value / ListValue: finite numbers, NUL-free keys and strings."""
    if depth > MAX_DEPTH:
        v.add(path, f"is nested deeper than {MAX_DEPTH} levels")
        return
    kind = message.DESCRIPTOR.full_name
    if kind == "google.protobuf.Struct":
        for key, item in message.fields.items():
            if _full(v):
                return
            where = _join(path, key)[:200]
            _text(v, where, key)
            _json(item, where, v, depth + 1)
    elif kind == "google.protobuf.ListValue":
        for index, item in enumerate(message.values):
            if _full(v):
                return
            _json(item, f"{path}[{index}]", v, depth + 1)
    else:
        which = message.WhichOneof("kind")
        if which == "number_value" and not math.isfinite(message.number_value):
            v.add(path, "numbers must be finite (no NaN or Infinity)")
        elif which == "string_value":
            _text(v, path, message.string_value)
        elif which in ("struct_value", "list_value"):
            _json(getattr(message, which), path, v, depth + 1)
