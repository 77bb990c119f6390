"""keyturn.v1.WebhookService: webhook subscriptions and their deliveries (thin: decode and
validate, call one use case, render). The signing secret appears only in the answers of
CreateWebhook and RotateWebhookSecret."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import grpc
from google.protobuf import duration_pb2
from keyturn.v1 import key_events_pb2, webhooks_pb2, webhooks_pb2_grpc

from keyturn_server.api.convert import optional_duration, to_timestamp
from keyturn_server.domain import validation as check
from keyturn_server.domain.key_events import PROTO_PREFIX, KeyEventType
from keyturn_server.store import models
from keyturn_server.usecases.webhooks import UPDATABLE, Webhooks

Context = grpc.aio.ServicerContext[Any, Any]
_STATE_PREFIX = "WEBHOOK_DELIVERY_STATE_"
_NO_TYPES: tuple[KeyEventType, ...] = ()


def _id(field: str, value: str) -> str:
    checked = check.resource_id(field, value)
    assert checked is not None
    return checked


def _ts(value: datetime | None) -> Any:
    return to_timestamp(value) if value is not None else None


def event_types(field: str, values: Any) -> tuple[KeyEventType, ...]:
    v = check.Violations()
    found = []
    for index, value in enumerate(values):
        name = (
            key_events_pb2.KeyEventType.Name(value) if value in key_events_pb2.KeyEventType.values() else ""
        )
        if not name or value == key_events_pb2.KEY_EVENT_TYPE_UNSPECIFIED:
            v.add(f"{field}[{index}]", "must be a KeyEventType other than UNSPECIFIED")
            continue
        found.append(KeyEventType(name.removeprefix(PROTO_PREFIX)))
    v.raise_if_any()
    return tuple(found)


def webhook_to_proto(row: models.Webhook) -> webhooks_pb2.Webhook:
    return webhooks_pb2.Webhook(
        id=row.id,
        organization_id=row.organization_id,
        url=row.url,
        event_types=[key_events_pb2.KeyEventType.Value(PROTO_PREFIX + t) for t in row.event_types],
        description=row.description,
        enabled=row.enabled,
        disabled_reason=row.disabled_reason,
        create_time=_ts(row.create_time),
        update_time=_ts(row.update_time),
        secret_rotate_time=_ts(row.secret_rotate_time),
        previous_secret_expire_time=_ts(row.previous_secret_expire_time),
    )


def _attempt(raw: dict[str, Any]) -> webhooks_pb2.WebhookDeliveryAttempt:
    latency = duration_pb2.Duration()
    latency.FromTimedelta(timedelta(milliseconds=float(raw.get("latency_ms", 0.0))))
    return webhooks_pb2.WebhookDeliveryAttempt(
        attempt_time=_ts(datetime.fromisoformat(raw["time"])),
        http_status=int(raw.get("http_status", 0)),
        latency=latency,
        error=str(raw.get("error", "")),
    )


def delivery_to_proto(row: models.WebhookDelivery) -> webhooks_pb2.WebhookDelivery:
    return webhooks_pb2.WebhookDelivery(
        id=row.id,
        webhook_id=row.webhook_id,
        event_sequence=row.event_sequence,
        event_type=key_events_pb2.KeyEventType.Value(PROTO_PREFIX + row.event_type),
        state=webhooks_pb2.WebhookDeliveryState.Value(_STATE_PREFIX + row.state),
        attempts=[_attempt(a) for a in row.attempts],
        next_attempt_time=_ts(row.next_attempt_time),
        create_time=_ts(row.create_time),
        attempt_count=row.attempt_count,
    )


class WebhookServicer(webhooks_pb2_grpc.WebhookServiceServicer):
    def __init__(self, webhooks: Webhooks) -> None:
        self.webhooks = webhooks

    async def CreateWebhook(
        self, request: webhooks_pb2.CreateWebhookRequest, context: Context
    ) -> webhooks_pb2.CreateWebhookResponse:
        hook = request.webhook
        v = check.Violations()
        organization_id = v.check(lambda: _id("webhook.organization_id", hook.organization_id), "")
        types = v.check(lambda: event_types("webhook.event_types", hook.event_types), _NO_TYPES)
        v.check(lambda: check.storable_text("webhook.url", hook.url), "")
        v.check(lambda: check.storable_text("webhook.description", hook.description), "")
        v.raise_if_any()
        row, secret = await self.webhooks.create(organization_id, hook.url, types, hook.description)
        return webhooks_pb2.CreateWebhookResponse(webhook=webhook_to_proto(row), secret=secret)

    async def GetWebhook(
        self, request: webhooks_pb2.GetWebhookRequest, context: Context
    ) -> webhooks_pb2.Webhook:
        return webhook_to_proto(await self.webhooks.get(_id("id", request.id)))

    async def ListWebhooks(
        self, request: webhooks_pb2.ListWebhooksRequest, context: Context
    ) -> webhooks_pb2.ListWebhooksResponse:
        organization_id = _id("organization_id", request.organization_id)
        page = await self.webhooks.list_webhooks(organization_id, request.page_size, request.page_token)
        return webhooks_pb2.ListWebhooksResponse(
            webhooks=[webhook_to_proto(r) for r in page.items], next_page_token=page.next_page_token
        )

    async def UpdateWebhook(
        self, request: webhooks_pb2.UpdateWebhookRequest, context: Context
    ) -> webhooks_pb2.Webhook:
        hook = request.webhook
        v = check.Violations()
        webhook_id = v.check(lambda: _id("webhook.id", hook.id), "")
        values: dict[str, Any] = {}
        if not request.HasField("update_mask") or not request.update_mask.paths:
            v.add("update_mask", "name at least one field to update")
        for path in request.update_mask.paths:
            if path not in UPDATABLE:
                v.add(
                    "update_mask",
                    f"unknown or immutable field {path[:64]!r}; allowed: {', '.join(UPDATABLE)}",
                )
            elif path == "event_types":
                values[path] = v.check(
                    lambda: event_types("webhook.event_types", hook.event_types), _NO_TYPES
                )
            elif path == "url":
                values[path] = v.check(lambda: check.storable_text("webhook.url", hook.url), "")
            elif path == "description":
                values[path] = v.check(
                    lambda: check.storable_text("webhook.description", hook.description), ""
                )
            else:
                values[path] = hook.enabled
        v.raise_if_any()
        return webhook_to_proto(await self.webhooks.update(webhook_id, values))

    async def DeleteWebhook(
        self, request: webhooks_pb2.DeleteWebhookRequest, context: Context
    ) -> webhooks_pb2.DeleteWebhookResponse:
        await self.webhooks.delete(_id("id", request.id))
        return webhooks_pb2.DeleteWebhookResponse()

    async def RotateWebhookSecret(
        self, request: webhooks_pb2.RotateWebhookSecretRequest, context: Context
    ) -> webhooks_pb2.RotateWebhookSecretResponse:
        v = check.Violations()
        webhook_id = v.check(lambda: _id("id", request.id), "")
        overlap = v.check(lambda: optional_duration(request, "overlap"), None)
        v.raise_if_any()
        row, secret = await self.webhooks.rotate_secret(webhook_id, overlap)
        return webhooks_pb2.RotateWebhookSecretResponse(webhook=webhook_to_proto(row), secret=secret)

    async def ListWebhookDeliveries(
        self, request: webhooks_pb2.ListWebhookDeliveriesRequest, context: Context
    ) -> webhooks_pb2.ListWebhookDeliveriesResponse:
        v = check.Violations()
        webhook_id = v.check(lambda: _id("webhook_id", request.webhook_id), "")
        state: str | None = None
        if request.state != webhooks_pb2.WEBHOOK_DELIVERY_STATE_UNSPECIFIED:
            if request.state not in webhooks_pb2.WebhookDeliveryState.values():
                v.add("state", "must be a WebhookDeliveryState")
            else:
                state = webhooks_pb2.WebhookDeliveryState.Name(request.state).removeprefix(_STATE_PREFIX)
        v.raise_if_any()
        page = await self.webhooks.list_deliveries(webhook_id, state, request.page_size, request.page_token)
        return webhooks_pb2.ListWebhookDeliveriesResponse(
            deliveries=[delivery_to_proto(r) for r in page.items], next_page_token=page.next_page_token
        )

    async def RedeliverWebhookDelivery(
        self, request: webhooks_pb2.RedeliverWebhookDeliveryRequest, context: Context
    ) -> webhooks_pb2.WebhookDelivery:
        return delivery_to_proto(await self.webhooks.redeliver(_id("id", request.id)))
