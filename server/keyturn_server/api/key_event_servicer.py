"""keyturn.v1.KeyEventService: thin handlers over usecases/key_events.py.

Request -> validated KeyEventQuery -> use case -> proto. Bad input raises InvalidArgument
(mapped at the edge); the use case authorizes against what the caller may read.

* ListKeyEvents pages oldest first by sequence after `after_sequence`, with opaque tokens bound
  to the filter and the cursor they were issued for. page_size 0 means 100; above 1000, 1000.
* WatchKeyEvents replays events with sequence > after_sequence, then follows new ones until
  the client cancels (at least once, in sequence order). When the server begins to shut down
  an open watch ends with UNAVAILABLE; resume with the last sequence received. An open watch
  re-checks its caller when access changes and every 30 s, and ends with the error a new
  watch would get once the caller lost access (usecases/stream_access.py).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC
from typing import Any

import grpc
from google.protobuf import json_format
from keyturn.v1 import key_events_pb2, key_events_pb2_grpc

from keyturn_server.api.auth import current_recheck
from keyturn_server.domain import validation as check
from keyturn_server.domain.key_events import PROTO_PREFIX, KeyEventType
from keyturn_server.store.models import KeyEvent
from keyturn_server.usecases.key_events import KeyEventQuery, KeyEventUseCases

MAX_TYPES = 20

_TYPE_TO_PROTO: dict[str, key_events_pb2.KeyEventType.ValueType] = {
    kind.value: key_events_pb2.KeyEventType.Value(PROTO_PREFIX + kind.value) for kind in KeyEventType
}
_TYPE_FROM_PROTO = {number: KeyEventType(name) for name, number in _TYPE_TO_PROTO.items()}


def event_to_proto(row: KeyEvent) -> key_events_pb2.KeyEvent:
    event = key_events_pb2.KeyEvent(
        sequence=row.sequence,
        type=_TYPE_TO_PROTO.get(row.type, key_events_pb2.KEY_EVENT_TYPE_UNSPECIFIED),
        organization_id=row.organization_id,
        project_id=row.project_id,
        product_id=row.product_id,
        key_id=row.key_id,
        actor=row.actor,
    )
    when = row.event_time if row.event_time.tzinfo else row.event_time.replace(tzinfo=UTC)
    event.event_time.FromDatetime(when.astimezone(UTC))
    json_format.ParseDict(row.data or {}, event.data)
    return event


def _optional_id(v: check.Violations, message: key_events_pb2.KeyEventFilter, name: str) -> str:
    value: str = getattr(message, name)

    def checked() -> str | None:
        return check.resource_id(f"filter.{name}", value, required=False)

    return v.check(checked, None) or ""


def query_from_proto(message: key_events_pb2.KeyEventFilter) -> KeyEventQuery:
    v = check.Violations()
    ids = {name: _optional_id(v, message, name) for name in ("organization_id", "project_id", "key_id")}
    types: list[KeyEventType] = []
    for index, number in enumerate(message.types):
        if number == key_events_pb2.KEY_EVENT_TYPE_UNSPECIFIED:
            continue
        kind = _TYPE_FROM_PROTO.get(number)
        if kind is None:
            v.add(f"filter.types[{index}]", "unknown key event type")
        elif kind not in types:
            types.append(kind)
    if len(message.types) > MAX_TYPES:
        v.add("filter.types", f"at most {MAX_TYPES} types")
    v.raise_if_any()
    return KeyEventQuery(types=tuple(types), **ids)


class KeyEventServicer(key_events_pb2_grpc.KeyEventServiceServicer):
    def __init__(self, usecases: KeyEventUseCases) -> None:
        self.usecases = usecases

    async def ListKeyEvents(
        self, request: key_events_pb2.ListKeyEventsRequest, context: grpc.aio.ServicerContext[Any, Any]
    ) -> key_events_pb2.ListKeyEventsResponse:
        rows, token = await self.usecases.list_events(
            query_from_proto(request.filter),
            after_sequence=request.after_sequence,
            page_size=request.page_size,
            page_token=request.page_token,
        )
        return key_events_pb2.ListKeyEventsResponse(
            events=[event_to_proto(row) for row in rows], next_page_token=token
        )

    async def WatchKeyEvents(
        self, request: key_events_pb2.WatchKeyEventsRequest, context: grpc.aio.ServicerContext[Any, Any]
    ) -> AsyncIterator[key_events_pb2.WatchKeyEventsResponse]:
        stream = self.usecases.watch_events(
            query_from_proto(request.filter),
            after_sequence=request.after_sequence,
            recheck=current_recheck.get(),  # re-authorized while open (usecases/stream_access.py)
        )
        try:
            async for row in stream:
                yield key_events_pb2.WatchKeyEventsResponse(event=event_to_proto(row))
        finally:
            await stream.aclose()  # type: ignore[attr-defined]
