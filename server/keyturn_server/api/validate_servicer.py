"""KeyService.ValidateKey at the gRPC edge: decode into a checked request, call the use case
(usecases/validate.py), render the answer. No rule lives here."""

from __future__ import annotations

import weakref
from datetime import UTC, datetime

from keyturn.v1 import keys_pb2

from keyturn_server.api.convert import api_key_to_proto, credits_to_proto
from keyturn_server.domain.keycheck import ValidationRequest, check_request
from keyturn_server.domain.ratelimit import WINDOW_SECONDS
from keyturn_server.store.ratelimit import RateDecision
from keyturn_server.usecases.validate import KeyEntry, Validated

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_WINDOWS: dict[str, keys_pb2.RateLimitWindow.ValueType] = {
    name: keys_pb2.RateLimitWindow.Value("RATE_LIMIT_WINDOW_" + name)
    for name in ("SECOND", "MINUTE", "HOUR", "DAY")
}
_WINDOWS_BY_LENGTH = {WINDOW_SECONDS[name]: value for name, value in _WINDOWS.items()}

# The rendering of each cached key, built once: an entry's row never changes, and the entry
# leaving the key cache drops its rendering with it.
_rendered: weakref.WeakKeyDictionary[KeyEntry, keys_pb2.ApiKey] = weakref.WeakKeyDictionary()


def validation_request(request: keys_pb2.ValidateKeyRequest) -> ValidationRequest:
    return check_request(
        request.plaintext,
        request.product_id,
        request.required_scopes,
        request.client_ip,
        skip_rate_limit=request.skip_rate_limit,
        skip_usage=request.skip_usage,
        cost=request.cost,
        limits=[(item.name, item.cost) for item in request.limits] if request.limits else (),
    )


def render(result: Validated) -> keys_pb2.ValidateKeyResponse:
    entry = result.entry
    base = _rendered.get(entry)
    if base is None:
        base = _rendered[entry] = api_key_to_proto(entry.row, result.now)
    response = keys_pb2.ValidateKeyResponse()
    key = response.key
    key.CopyFrom(base)
    key.status = keys_pb2.KEY_STATUS_ACTIVE
    key.use_count = result.use_count
    if result.last_used_time is not None:
        since = result.last_used_time - _EPOCH  # integer arithmetic: exact to the microsecond
        key.last_used_time.seconds = since.days * 86400 + since.seconds
        key.last_used_time.nanos = since.microseconds * 1000
    rate = result.rate
    if rate is not None:
        _status(rate, response.rate_limit)
    for decision in result.limits:
        _status(decision, response.limits.add())
    credit = result.credits
    if credit is not None and entry.row.credit is not None:
        # The balance never comes from the cached rendering: this call's statement returned it.
        credits_to_proto(entry.row.credit, key.credits, credit.remaining)
        if credit.period_start is not None:
            key.credits.refill.last_refill_time.seconds = credit.period_start
        response.credits.CopyFrom(key.credits)
    else:
        key.ClearField("credits")
    return response


def _status(decision: RateDecision, status: keys_pb2.RateLimitStatus) -> None:
    status.limit = decision.limit
    status.remaining = decision.remaining
    status.reset_time.seconds = decision.window.reset
    status.window = _WINDOWS_BY_LENGTH[decision.window.length]
    status.name = decision.name


__all__ = ["render", "validation_request"]
