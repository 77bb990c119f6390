"""Key events: what happened to an API key, as the durable log (store/key_event_log.py) keeps it.

Events are appended in the transaction of the change they describe, so they commit (or not)
with it. Payloads (`data`) carry only non-secret facts: ids, times, reasons, limit names, never
a plaintext or a hash.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any


class KeyEventType(StrEnum):
    """The values of keyturn.v1.KeyEventType without the `KEY_EVENT_TYPE_` prefix."""

    CREATED = "CREATED"
    UPDATED = "UPDATED"
    ROTATED = "ROTATED"
    ROTATION_DUE = "ROTATION_DUE"
    EXPIRING = "EXPIRING"
    EXPIRED = "EXPIRED"
    REVOKED = "REVOKED"
    DELETED = "DELETED"
    LEAKED = "LEAKED"
    RATE_LIMIT_EXCEEDED = "RATE_LIMIT_EXCEEDED"
    CREDITS_LOW = "CREDITS_LOW"


PROTO_PREFIX = "KEY_EVENT_TYPE_"


@dataclass(frozen=True)
class NewKeyEvent:
    """An event before it joins the log (no sequence yet).

    `dedupe`, when given, makes the event at most once: a second event with the same dedupe
    string is dropped (e.g. `rate_limit:{key}:{limit}:{window_start}` for the first refusal
    of a window, `expiring:{key}:{lead}:{expire_time}` for a lead-time warning).
    """

    type: KeyEventType
    organization_id: str
    key_id: str
    project_id: str = ""
    product_id: str = ""
    data: dict[str, Any] = field(default_factory=dict)
    actor: str = ""
    dedupe: str | None = None
    event_time: datetime | None = None


__all__ = ["PROTO_PREFIX", "KeyEventType", "NewKeyEvent"]
