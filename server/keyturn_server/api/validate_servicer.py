"""KeyService.ValidateKey: the gRPC edge of the hot path (rules in usecases/validate.py).

`setup_validation(runtime)` runs once in register(), before the servicer is built: it
creates the Validator (key cache, rate limiter, usage tracker), sets `runtime.key_events`
(local eviction + PostgreSQL NOTIFY) and registers the background work (usage flusher,
LISTEN connection) as start/stop hooks; the stop hooks flush everything.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import grpc
from keyturn.v1 import keys_pb2

from keyturn_server.api.convert import api_key_to_proto
from keyturn_server.store.keyevents import KeyEventBus
from keyturn_server.usecases.validate import Validated, ValidateInput, Validator

if TYPE_CHECKING:
    from keyturn_server.app import Runtime

log = logging.getLogger("keyturn.validate")

VALIDATOR = "validator"
KEY_EVENT_BUS = "key_event_bus"


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_WINDOWS: dict[str, keys_pb2.RateLimitWindow.ValueType] = {
    name: keys_pb2.RateLimitWindow.Value("RATE_LIMIT_WINDOW_" + name)
    for name in ("SECOND", "MINUTE", "HOUR", "DAY")
}


def _render(result: Validated) -> keys_pb2.ValidateKeyResponse:
    entry = result.key
    if entry.rendered is None:
        entry.rendered = api_key_to_proto(entry.row, result.now)
    response = keys_pb2.ValidateKeyResponse()
    key = response.key
    key.CopyFrom(entry.rendered)
    key.status = keys_pb2.KEY_STATUS_ACTIVE
    key.use_count = result.use_count
    if result.last_used_time is not None:
        since = result.last_used_time - _EPOCH  # integer arithmetic: exact to the microsecond
        key.last_used_time.seconds = since.days * 86400 + since.seconds
        key.last_used_time.nanos = since.microseconds * 1000
    rate = result.rate
    if rate is not None:
        status = response.rate_limit
        status.limit = rate.limit
        status.remaining = rate.remaining
        status.reset_time.seconds = rate.window.reset
        assert entry.rate_limit is not None
        status.window = _WINDOWS[entry.rate_limit[1]]
    return response


class ValidateKeyMixin:
    """Mixed into KeyServicer, which sets `self.runtime`."""

    runtime: Runtime

    async def ValidateKey(
        self, request: keys_pb2.ValidateKeyRequest, context: grpc.aio.ServicerContext[Any, Any]
    ) -> keys_pb2.ValidateKeyResponse:
        validator: Validator = self.runtime.extras[VALIDATOR]
        result = await validator.validate(
            ValidateInput(
                key=request.plaintext,
                product_id=request.product_id,
                required_scopes=tuple(request.required_scopes),
                client_ip=request.client_ip,
                check_rate_limit=not request.skip_rate_limit,
                track_usage=not request.skip_usage,
            )
        )
        return _render(result)


def setup_validation(runtime: Runtime) -> None:
    """Create the hot-path components and register their background hooks on the runtime."""
    settings = runtime.settings
    validator = Validator(settings, runtime.db, access_log=lambda: runtime.access_log)
    bus = KeyEventBus(runtime.db, evict=validator.forget_key, evict_all=validator.forget_all)
    runtime.extras[VALIDATOR] = validator
    runtime.extras[KEY_EVENT_BUS] = bus
    runtime.key_events = bus
    bus.subscribe("links", validator.links.clear)
    interval = max(0.05, settings.usage_flush_interval_seconds)
    state: dict[str, asyncio.Task[None]] = {}

    async def flush_loop() -> None:
        while True:
            await asyncio.sleep(interval)
            try:
                await validator.tick()
            except Exception:
                log.warning("usage flush failed; will retry", exc_info=True)

    async def start() -> None:
        await bus.start()
        state["flusher"] = asyncio.create_task(flush_loop(), name="keyturn-usage-flusher")

    async def stop() -> None:
        task = state.pop("flusher", None)
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        try:
            await validator.shutdown()
        finally:
            await bus.stop()

    runtime.on_start.append(start)
    runtime.on_stop.append(stop)
