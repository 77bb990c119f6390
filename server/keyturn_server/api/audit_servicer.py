"""keyturn.v1.AuditService: thin handlers over usecases/audit_trail.py.

Request -> validated domain values -> use case -> proto. Bad input raises InvalidArgument
(mapped at the edge); the use case authorizes against what the caller may read.

Semantics worth knowing:
* ListAuditEvents pages with opaque keyset tokens on `sequence`, bound to the filter and
  order they were issued for. page_size 0 means 100; above 1000 is treated as 1000.
* StreamAuditEvents replays events with sequence > after_sequence (or starts at the head
  with live_only), then follows new ones until the client cancels. Live events come from one
  shared reader per server (one query per new batch, however many streams are open). When the
  server begins to shut down an open stream ends at once with UNAVAILABLE "server shutting
  down"; resume with after_sequence = the last sequence received. The response headers are
  sent as soon as the stream has its starting point, before any event, and carry
  `keyturn-stream-after: <n>`: every matching event with a sequence above n follows (with
  live_only n is the head when the stream subscribed). An open stream re-checks its caller
  when access changes and every 30 s: one who lost access gets the error a new stream would
  get; one whose organizations shrank stops receiving the others' events
  (usecases/stream_access.py).
* VerifyAuditChain reports `sequence_gap` at the first MISSING sequence; `link_mismatch` and
  `hash_mismatch` at the event whose link or hash is wrong.
* GetUsageReport counts `key.validate` events: failures are recorded at the `detailed` and
  `verbose` audit levels, successes only at `verbose` (last_used_time also uses the keys'
  own usage column, so it is right at every level).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import grpc
from google.protobuf import json_format, struct_pb2, timestamp_pb2
from keyturn.v1 import audit_pb2, audit_pb2_grpc

from keyturn_server.api import convert
from keyturn_server.api.auth import current_recheck
from keyturn_server.domain import errors as de
from keyturn_server.domain import validation as check
from keyturn_server.domain.audit import FAILURE, SUCCESS, ResourceType
from keyturn_server.domain.audit_query import AuditFilter, ChainCheck, Granularity
from keyturn_server.store.audit_queries import Subject
from keyturn_server.store.models import ApiKey, AuditEvent
from keyturn_server.usecases.audit_trail import AuditUseCases, UsageReport

MAX_ID_LENGTH = 64
# Response header of StreamAuditEvents: the sequence the stream starts after.
STREAM_AFTER_HEADER = "keyturn-stream-after"
MAX_ACTIONS = 50

_OUTCOME_TO_DOMAIN = {
    audit_pb2.AUDIT_OUTCOME_SUCCESS: SUCCESS,
    audit_pb2.AUDIT_OUTCOME_FAILURE: FAILURE,
}
_OUTCOME_TO_PROTO = {value: key for key, value in _OUTCOME_TO_DOMAIN.items()}


# -- proto <-> domain ---------------------------------------------------------------------


def _timestamp(value: datetime) -> timestamp_pb2.Timestamp:
    stamp = timestamp_pb2.Timestamp()
    stamp.FromDatetime(value.astimezone(UTC))
    return stamp


def _time_or_none(message: Any, name: str, prefix: str = "") -> datetime | None:
    """The shared Timestamp conversion (api/convert.py): out of range names the field."""
    return convert.optional_timestamp(message, name, f"{prefix}.{name}" if prefix else name)


def _value(raw: Any) -> struct_pb2.Value:
    return json_format.ParseDict(raw, struct_pb2.Value())


_RESOURCE_TYPE_TO_PROTO: dict[str, audit_pb2.AuditResourceType.ValueType] = {
    kind.value: audit_pb2.AuditResourceType.Value("AUDIT_RESOURCE_TYPE_" + kind.name) for kind in ResourceType
}


def resource_type_to_proto(stored: str) -> audit_pb2.AuditResourceType.ValueType:
    return _RESOURCE_TYPE_TO_PROTO.get(stored, audit_pb2.AUDIT_RESOURCE_TYPE_UNSPECIFIED)


def event_to_proto(row: AuditEvent) -> audit_pb2.AuditEvent:
    event = audit_pb2.AuditEvent(
        sequence=row.sequence,
        event_time=_timestamp(row.event_time),
        actor=row.actor,
        action=row.action,
        resource_type=resource_type_to_proto(row.resource_type),
        resource_id=row.resource_id,
        organization_id=row.organization_id,
        project_id=row.project_id,
        key_id=row.key_id,
        outcome=_OUTCOME_TO_PROTO.get(row.outcome, audit_pb2.AUDIT_OUTCOME_UNSPECIFIED),
        reason=row.reason,
        request_id=row.request_id,
        client_address=row.client_address,
        user_agent=row.user_agent,
        key_fingerprint=row.key_fingerprint,
        previous_hash=row.previous_hash,
        hash=row.hash,
    )
    for item in row.changes or []:
        if isinstance(item, dict):
            event.changes.add(
                field=str(item.get("field", "")),
                old_value=_value(item.get("old")),
                new_value=_value(item.get("new")),
            )
    return event


def filter_from_proto(message: audit_pb2.AuditEventFilter, prefix: str = "filter") -> AuditFilter:
    violations: list[de.FieldViolation] = []
    for name in ("organization_id", "project_id", "key_id", "actor"):
        if len(getattr(message, name)) > (200 if name == "actor" else MAX_ID_LENGTH):
            violations.append(de.FieldViolation(f"{prefix}.{name}", "too long"))
    actions = tuple(dict.fromkeys(a for a in message.actions if a))
    if len(actions) > MAX_ACTIONS or any(len(a) > 64 for a in actions):
        violations.append(
            de.FieldViolation(f"{prefix}.actions", f"at most {MAX_ACTIONS} names of 64 characters")
        )
    if message.outcome not in (audit_pb2.AUDIT_OUTCOME_UNSPECIFIED, *_OUTCOME_TO_DOMAIN):
        violations.append(de.FieldViolation(f"{prefix}.outcome", "unknown outcome"))
    start = _time_or_none(message, "start_time", prefix)
    end = _time_or_none(message, "end_time", prefix)
    if start and end and end <= start:
        violations.append(de.FieldViolation(f"{prefix}.end_time", "must be after start_time"))
    if violations:
        raise de.InvalidArgument(violations)
    return AuditFilter(
        organization_id=message.organization_id,
        project_id=message.project_id,
        key_id=message.key_id,
        actor=message.actor,
        actions=actions,
        outcome=_OUTCOME_TO_DOMAIN.get(message.outcome, ""),
        start_time=start,
        end_time=end,
    )


def check_to_proto(check: ChainCheck) -> audit_pb2.VerifyAuditChainResponse:
    return audit_pb2.VerifyAuditChainResponse(
        ok=check.ok,
        events_checked=check.events_checked,
        first_bad_sequence=check.first_bad_sequence,
        problem=check.problem,
        head_hash=check.head_hash,
    )


def _api_keys(rows: list[ApiKey], now: datetime) -> list[Any]:
    if not rows:
        return []
    return [convert.api_key_to_proto(row, now) for row in rows]


def report_to_proto(report: UsageReport, now: datetime) -> audit_pb2.GetUsageReportResponse:
    tally = report.tally
    response = audit_pb2.GetUsageReportResponse(
        total_success=tally.total_success,
        total_failure=tally.total_failure,
        failures_by_reason=tally.failures_by_reason,
    )
    for bucket in tally.buckets:
        response.buckets.add(
            start_time=_timestamp(bucket.start_time),
            success_count=bucket.success_count,
            failure_count=bucket.failure_count,
            failures_by_reason=bucket.failures_by_reason,
        )
    if report.last_used_time is not None:
        response.last_used_time.CopyFrom(_timestamp(report.last_used_time))
    response.expiring_keys.extend(_api_keys(report.expiring_keys, now))
    response.unused_keys.extend(_api_keys(report.unused_keys, now))
    return response


_GRANULARITY: dict[int, Granularity] = {
    audit_pb2.REPORT_GRANULARITY_UNSPECIFIED: "day",
    audit_pb2.REPORT_GRANULARITY_DAY: "day",
    audit_pb2.REPORT_GRANULARITY_HOUR: "hour",
}


# -- the servicer -------------------------------------------------------------------------


class AuditServicer(audit_pb2_grpc.AuditServiceServicer):
    def __init__(self, usecases: AuditUseCases) -> None:
        self.usecases = usecases

    async def ListAuditEvents(
        self, request: audit_pb2.ListAuditEventsRequest, context: grpc.aio.ServicerContext[Any, Any]
    ) -> audit_pb2.ListAuditEventsResponse:
        if request.order not in (
            audit_pb2.AUDIT_ORDER_UNSPECIFIED,
            audit_pb2.AUDIT_ORDER_NEWEST_FIRST,
            audit_pb2.AUDIT_ORDER_OLDEST_FIRST,
        ):
            raise de.InvalidArgument.field("order", "unknown order")
        rows, token = await self.usecases.list_events(
            filter_from_proto(request.filter),
            newest_first=request.order != audit_pb2.AUDIT_ORDER_OLDEST_FIRST,
            page_size=request.page_size,
            page_token=request.page_token,
        )
        return audit_pb2.ListAuditEventsResponse(
            events=[event_to_proto(row) for row in rows], next_page_token=token
        )

    async def StreamAuditEvents(
        self, request: audit_pb2.StreamAuditEventsRequest, context: grpc.aio.ServicerContext[Any, Any]
    ) -> AsyncIterator[audit_pb2.StreamAuditEventsResponse]:
        flt = filter_from_proto(request.filter)

        async def started(after: int) -> None:
            # Headers go out at once, before any event: the client learns where the stream
            # starts (live_only: the head) without waiting for the first event.
            await context.send_initial_metadata(((STREAM_AFTER_HEADER, str(after)),))

        stream = self.usecases.stream_events(
            flt,
            after_sequence=request.after_sequence,
            live_only=request.live_only,
            on_start=started,
            recheck=current_recheck.get(),  # re-authorized while open (usecases/stream_access.py)
        )
        try:
            async for row in stream:
                yield audit_pb2.StreamAuditEventsResponse(event=event_to_proto(row))
        finally:
            await stream.aclose()  # type: ignore[attr-defined]

    async def VerifyAuditChain(
        self, request: audit_pb2.VerifyAuditChainRequest, context: grpc.aio.ServicerContext[Any, Any]
    ) -> audit_pb2.VerifyAuditChainResponse:
        check = await self.usecases.verify_chain(request.start_sequence, request.end_sequence)
        return check_to_proto(check)

    async def GetUsageReport(
        self, request: audit_pb2.GetUsageReportRequest, context: grpc.aio.ServicerContext[Any, Any]
    ) -> audit_pb2.GetUsageReportResponse:
        if request.granularity not in _GRANULARITY:
            raise de.InvalidArgument.field("granularity", "unknown granularity")
        v = check.Violations()
        # The same id shape checks for every caller, before any authorization decision.
        subject = Subject(
            key_id=v.check(lambda: check.resource_id("key_id", request.key_id, required=False), None) or "",
            project_id=v.check(
                lambda: check.resource_id("project_id", request.project_id, required=False), None
            )
            or "",
            organization_id=v.check(
                lambda: check.resource_id("organization_id", request.organization_id, required=False), None
            )
            or "",
        )
        start = v.check(lambda: _time_or_none(request, "start_time"), None)
        end = v.check(lambda: _time_or_none(request, "end_time"), None)
        expiring_within = v.check(lambda: convert.optional_duration(request, "expiring_within"), None)
        unused_since = v.check(lambda: _time_or_none(request, "unused_since"), None)
        v.raise_if_any()
        now = datetime.now(UTC)
        report = await self.usecases.usage_report(
            subject,
            start=start,
            end=end,
            granularity=_GRANULARITY[request.granularity],
            expiring_within=expiring_within,
            unused_since=unused_since,
            now=now,
        )
        return report_to_proto(report, now)
