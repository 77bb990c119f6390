"""Proto <-> domain conversion for KeyService.

Inbound: request messages become validated use-case inputs (every field checked through
domain.validation; failures name the request field). Outbound: stored rows become resources.
`api_key_to_proto` never touches the hash: an ApiKey message cannot carry a secret.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from google.protobuf import duration_pb2, json_format, struct_pb2, timestamp_pb2
from keyturn.v1 import keys_pb2

from keyturn_server.api import rotation_convert
from keyturn_server.domain import validation as check
from keyturn_server.domain.errors import InvalidArgument
from keyturn_server.domain.ratelimit import CreditSetting, NamedLimit, check_credits, check_named_limits
from keyturn_server.store import models
from keyturn_server.store.repositories import KeyParent, KeyStatusFilter
from keyturn_server.usecases.key_rotation import ROTATION_PATH
from keyturn_server.usecases.keys import (
    METADATA_PATHS,
    UPDATE_PATHS,
    KeyListing,
    KeySettings,
    KeyUpdate,
    NewKey,
    RateLimitSetting,
)
from keyturn_server.usecases.tenancy import ProjectView

ENVIRONMENT_NAMES: dict[int, str] = {
    keys_pb2.ENVIRONMENT_UNSPECIFIED: "live",
    keys_pb2.ENVIRONMENT_LIVE: "live",
    keys_pb2.ENVIRONMENT_TEST: "test",
}
ENVIRONMENT_VALUES: dict[str, keys_pb2.Environment.ValueType] = {
    "live": keys_pb2.ENVIRONMENT_LIVE,
    "test": keys_pb2.ENVIRONMENT_TEST,
}
WINDOW_NAMES: dict[int, str] = {
    keys_pb2.RATE_LIMIT_WINDOW_SECOND: "SECOND",
    keys_pb2.RATE_LIMIT_WINDOW_MINUTE: "MINUTE",
    keys_pb2.RATE_LIMIT_WINDOW_HOUR: "HOUR",
    keys_pb2.RATE_LIMIT_WINDOW_DAY: "DAY",
}
WINDOW_VALUES: dict[str, keys_pb2.RateLimitWindow.ValueType] = {
    name: value  # type: ignore[misc]
    for value, name in WINDOW_NAMES.items()
}
STATUS_FILTERS: dict[int, KeyStatusFilter] = {
    keys_pb2.KEY_STATUS_FILTER_UNSPECIFIED: "ALL",
    keys_pb2.KEY_STATUS_FILTER_ALL: "ALL",
    keys_pb2.KEY_STATUS_FILTER_ACTIVE: "ACTIVE",
    keys_pb2.KEY_STATUS_FILTER_REVOKED: "REVOKED",
    keys_pb2.KEY_STATUS_FILTER_EXPIRED: "EXPIRED",
}


# --- Scalars ----------------------------------------------------------------------------------


def to_timestamp(value: datetime) -> timestamp_pb2.Timestamp:
    stamp = timestamp_pb2.Timestamp()
    stamp.FromDatetime(value.astimezone(UTC))
    return stamp


def from_timestamp(field: str, value: timestamp_pb2.Timestamp) -> datetime:
    """The one conversion of a request Timestamp: out of range is INVALID_ARGUMENT naming `field`."""
    check.timestamp_parts(field, value.seconds, value.nanos)
    try:
        return value.ToDatetime(tzinfo=UTC)
    except (ValueError, OverflowError):
        raise InvalidArgument.field(field, "is not a valid timestamp") from None


def from_duration(field: str, value: duration_pb2.Duration) -> timedelta:
    """The one conversion of a request Duration (range as in domain.validation.duration_parts)."""
    check.duration_parts(field, value.seconds, value.nanos)
    try:
        return value.ToTimedelta()
    except (ValueError, OverflowError):
        raise InvalidArgument.field(field, "is out of range") from None


def optional_timestamp(message: Any, name: str, field: str | None = None) -> datetime | None:
    """`message.<name>` as an aware datetime, or None when unset."""
    if not message.HasField(name):
        return None
    return from_timestamp(field or name, getattr(message, name))


def optional_duration(message: Any, name: str, field: str | None = None) -> timedelta | None:
    if not message.HasField(name):
        return None
    return from_duration(field or name, getattr(message, name))


def struct_to_dict(value: struct_pb2.Struct, field: str = "metadata.custom") -> dict[str, Any]:
    try:
        return dict(json_format.MessageToDict(value))
    except (ValueError, RecursionError, json_format.Error):
        raise InvalidArgument.field(field, "must be JSON with finite numbers") from None


def dict_to_struct(value: dict[str, Any]) -> struct_pb2.Struct:
    struct = struct_pb2.Struct()
    struct.update(value)
    return struct


# --- Tenancy ----------------------------------------------------------------------------------


def organization_to_proto(row: models.Organization) -> keys_pb2.Organization:
    return keys_pb2.Organization(id=row.id, name=row.name, create_time=to_timestamp(row.create_time))


def project_to_proto(view: ProjectView) -> keys_pb2.Project:
    row = view.project
    return keys_pb2.Project(
        id=row.id,
        organization_id=row.organization_id,
        name=row.name,
        create_time=to_timestamp(row.create_time),
        product_ids=view.product_ids,
    )


def product_to_proto(row: models.Product) -> keys_pb2.Product:
    return keys_pb2.Product(
        id=row.id,
        organization_id=row.organization_id,
        name=row.name,
        create_time=to_timestamp(row.create_time),
    )


# --- Keys: outbound ---------------------------------------------------------------------------


def key_status(row: models.ApiKey, now: datetime) -> keys_pb2.KeyStatus.ValueType:
    """Revoked wins over expired; a key is expired from its expire_time on (inclusive)."""
    if row.revoke_time is not None:
        return keys_pb2.KEY_STATUS_REVOKED
    if row.expire_time is not None and row.expire_time <= now:
        return keys_pb2.KEY_STATUS_EXPIRED
    return keys_pb2.KEY_STATUS_ACTIVE


def api_key_to_proto(row: models.ApiKey, now: datetime) -> keys_pb2.ApiKey:
    """The resource form of a stored key, with status derived as of `now`. No hash, ever."""
    metadata = keys_pb2.KeyMetadata(name=row.name, scopes=list(row.scopes))
    if row.rate_limit_requests is not None and row.rate_limit_window in WINDOW_VALUES:
        metadata.rate_limit.requests = row.rate_limit_requests
        metadata.rate_limit.window = WINDOW_VALUES[row.rate_limit_window]
    if row.custom:
        metadata.custom.update(row.custom)
    _limits_and_credits_to_proto(row, metadata)
    message = keys_pb2.ApiKey(
        id=row.id,
        organization_id=row.organization_id,
        project_id=row.project_id or "",
        product_id=row.product_id or "",
        start=row.start,
        environment=ENVIRONMENT_VALUES.get(row.environment, keys_pb2.ENVIRONMENT_UNSPECIFIED),
        metadata=metadata,
        status=key_status(row, now),
        create_time=to_timestamp(row.create_time),
        update_time=to_timestamp(row.update_time),
        revoke_reason=row.revoke_reason,
        use_count=row.use_count,
        allowed_cidrs=list(row.allowed_cidrs),
        rotated_from_key_id=row.rotated_from_key_id or "",
        replaced_by_key_id=row.replaced_by_key_id or "",
        parent_key_id=row.parent_key_id or "",
    )
    if row.expire_time is not None:
        message.expire_time.CopyFrom(to_timestamp(row.expire_time))
    if row.revoke_time is not None:
        message.revoke_time.CopyFrom(to_timestamp(row.revoke_time))
    if row.leak_time is not None:
        message.leak_time.CopyFrom(to_timestamp(row.leak_time))
    if row.last_used_time is not None:
        message.last_used_time.CopyFrom(to_timestamp(row.last_used_time))
    rotation_convert.fill_api_key(message, row)
    if row.credit is not None:
        credits_to_proto(row.credit, message.credits)
    return message


# --- Keys: named limits and credits -------------------------------------------------------

REFILL_NAMES: dict[keys_pb2.CreditRefillInterval.ValueType, str] = {
    keys_pb2.CREDIT_REFILL_INTERVAL_DAILY: "DAILY",
    keys_pb2.CREDIT_REFILL_INTERVAL_MONTHLY: "MONTHLY",
}
REFILL_VALUES: dict[str, keys_pb2.CreditRefillInterval.ValueType] = {
    name: value for value, name in REFILL_NAMES.items()
}


def _limits_and_credits_to_proto(row: models.ApiKey, metadata: keys_pb2.KeyMetadata) -> None:
    for item in row.named_limits or ():
        metadata.named_limits.add(
            name=item["name"], requests=item["requests"], window=WINDOW_VALUES[item["window"]]
        )


def credits_to_proto(
    credit: models.KeyCredit, out: keys_pb2.KeyCredits, remaining: int | None = None
) -> None:
    out.remaining = credit.remaining if remaining is None else remaining
    out.low_threshold = credit.low_threshold
    if credit.refill_interval is not None:
        out.refill.interval = REFILL_VALUES[credit.refill_interval]
        out.refill.amount = credit.refill_amount or 0
        out.refill.day_of_month = credit.refill_day
        if credit.last_refill_start is not None:
            out.refill.last_refill_time.seconds = credit.last_refill_start


def _named_limits(field: str, values: Any) -> list[NamedLimit]:
    items = [(item.name, item.requests, WINDOW_NAMES.get(item.window)) for item in values]
    return check_named_limits(field, items)


def _credits(field: str, value: keys_pb2.KeyCredits) -> CreditSetting:
    refill = None
    if value.HasField("refill"):
        refill = (REFILL_NAMES.get(value.refill.interval), value.refill.amount, value.refill.day_of_month)
    return check_credits(field, value.remaining, value.low_threshold, refill)


# --- Keys: inbound ----------------------------------------------------------------------------


def _rate_limit(field: str, value: keys_pb2.RateLimit) -> RateLimitSetting:
    requests, window = check.rate_limit(field, value.requests, WINDOW_NAMES.get(value.window))
    return RateLimitSetting(requests, window)


def _settings(
    violations: check.Violations,
    metadata: keys_pb2.KeyMetadata,
    cidrs: list[str],
    paths: frozenset[str],
    credits: tuple[str, keys_pb2.KeyCredits] | None = None,
) -> KeySettings:
    """Validate the metadata fields named in `paths` (and allowed_cidrs if named)."""
    name = ""
    scopes: list[str] = []
    rate_limit: RateLimitSetting | None = None
    custom: dict[str, Any] = {}
    allowed: list[str] = []
    if "metadata.name" in paths:
        name = violations.check(lambda: check.name("metadata.name", metadata.name, required=False), "")
    if "metadata.scopes" in paths:
        scopes = violations.check(lambda: check.scopes("metadata.scopes", metadata.scopes), [])
    if "metadata.rate_limit" in paths and metadata.HasField("rate_limit"):
        rate_limit = violations.check(lambda: _rate_limit("metadata.rate_limit", metadata.rate_limit), None)
    if "metadata.custom" in paths:
        custom = violations.check(
            lambda: check.custom("metadata.custom", struct_to_dict(metadata.custom, "metadata.custom")), {}
        )
    if "allowed_cidrs" in paths:
        allowed = violations.check(lambda: check.cidrs("allowed_cidrs", cidrs), [])
    named: list[NamedLimit] = []
    if "metadata.named_limits" in paths:
        named = violations.check(lambda: _named_limits("metadata.named_limits", metadata.named_limits), [])
    credit_setting: CreditSetting | None = None
    if "credits" in paths and credits is not None:
        field, value = credits
        credit_setting = violations.check(lambda: _credits(field, value), None)
    return KeySettings(
        name=name,
        scopes=scopes,
        rate_limit=rate_limit,
        custom=custom,
        allowed_cidrs=allowed,
        named_limits=named,
        credits=credit_setting,
    )


def new_key(request: keys_pb2.CreateKeyRequest, now: datetime) -> NewKey:
    v = check.Violations()
    organization_id = v.check(lambda: check.resource_id("organization_id", request.organization_id), None)
    project_id = v.check(lambda: check.resource_id("project_id", request.project_id, required=False), None)
    product_id = v.check(lambda: check.resource_id("product_id", request.product_id, required=False), None)
    parent_key_id = v.check(
        lambda: check.resource_id("parent_key_id", request.parent_key_id, required=False), None
    )
    environment = ENVIRONMENT_NAMES.get(request.environment)
    if environment is None:
        v.add("environment", "must be ENVIRONMENT_LIVE or ENVIRONMENT_TEST")
    settings = _settings(
        v,
        request.metadata,
        list(request.allowed_cidrs),
        frozenset(UPDATE_PATHS),
        ("credits", request.credits) if request.HasField("credits") else None,
    )
    expire_time = (
        v.check(lambda: from_timestamp("expire_time", request.expire_time), None)
        if request.HasField("expire_time")
        else None
    )
    ttl = v.check(lambda: from_duration("ttl", request.ttl), None) if request.HasField("ttl") else None
    if request.HasField("expire_time") and request.HasField("ttl"):
        v.add("expire_time", "give either expire_time or ttl, not both")
        v.add("ttl", "give either expire_time or ttl, not both")
        expires = None
    else:
        expires = v.check(
            lambda: check.expiry(now, expire_time, ttl, expire_field="expire_time", ttl_field="ttl"), None
        )
    rotation, recoverable = rotation_convert.create_rotation(v, request)
    v.raise_if_any()
    assert organization_id is not None and environment is not None
    return NewKey(
        organization_id=organization_id,
        project_id=project_id,
        product_id=product_id,
        environment=environment,
        settings=settings,
        expire_time=expires,
        parent_key_id=parent_key_id,
        environment_given=request.environment != keys_pb2.ENVIRONMENT_UNSPECIFIED,
        rotation=rotation,
        recoverable=recoverable,
    )


def key_update(request: keys_pb2.UpdateKeyRequest, now: datetime) -> KeyUpdate:
    v = check.Violations()
    key_id = v.check(lambda: check.resource_id("key.id", request.key.id), None)
    paths: set[str] = set()
    if not request.HasField("update_mask") or not request.update_mask.paths:
        v.add("update_mask", "name at least one field to update")
    for path in request.update_mask.paths:
        if path == "metadata":
            paths.update(METADATA_PATHS)
        elif path in UPDATE_PATHS or path == ROTATION_PATH:
            paths.add(path)
        else:
            v.add(
                "update_mask",
                f"unknown or immutable field {path!r}; allowed: metadata, {', '.join(UPDATE_PATHS)}, "
                f"{ROTATION_PATH}",
            )
    frozen = frozenset(paths)
    key = request.key
    settings = _settings(
        v,
        key.metadata,
        list(key.allowed_cidrs),
        frozen,
        ("key.credits", key.credits) if key.HasField("credits") else None,
    )
    expire_time: datetime | None = None
    if "expire_time" in frozen and key.HasField("expire_time"):
        expire_time = v.check(
            lambda: check.future_time(
                "key.expire_time", from_timestamp("key.expire_time", key.expire_time), now
            ),
            None,
        )
    rotation = rotation_convert.update_rotation(v, key) if ROTATION_PATH in frozen else None
    v.raise_if_any()
    assert key_id is not None
    return KeyUpdate(
        key_id=key_id, paths=frozen, settings=settings, expire_time=expire_time, rotation=rotation
    )


def key_listing(request: keys_pb2.ListKeysRequest) -> KeyListing:
    v = check.Violations()
    parents: dict[str, KeyParent] = {
        "organization_id": "organization",
        "project_id": "project",
        "product_id": "product",
    }
    field = request.WhichOneof("parent")
    # No parent: the caller's only organization (decided by the use case, which knows the caller).
    parent: KeyParent | None = parents[field] if field else None
    parent_id = ""
    if field is not None:
        value = getattr(request, field)
        parent_id = v.check(lambda: check.resource_id(field, value), None) or ""
    status = STATUS_FILTERS.get(request.status)
    if status is None:
        v.add("status", "must be a KeyStatusFilter value")
    expire_before = (
        v.check(lambda: from_timestamp("expire_before", request.expire_before), None)
        if request.HasField("expire_before")
        else None
    )
    not_used_since = (
        v.check(lambda: from_timestamp("not_used_since", request.not_used_since), None)
        if request.HasField("not_used_since")
        else None
    )
    next_rotation_before = (
        v.check(lambda: from_timestamp("next_rotation_before", request.next_rotation_before), None)
        if request.HasField("next_rotation_before")
        else None
    )
    size = v.check(lambda: check.page_size("page_size", request.page_size), 0)
    parent_key_id = v.check(
        lambda: check.resource_id("parent_key_id", request.parent_key_id, required=False), None
    )
    v.raise_if_any()
    assert status is not None
    return KeyListing(
        parent=parent,
        parent_id=parent_id,
        status=status,
        expire_before=expire_before,
        not_used_since=not_used_since,
        page_size=size,
        page_token=request.page_token,
        parent_key_id=parent_key_id,
        next_rotation_before=next_rotation_before,
    )
