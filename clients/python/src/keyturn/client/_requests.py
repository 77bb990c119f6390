"""Request builders shared by Client and AsyncClient: ergonomic arguments -> request messages."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any, Final

import google_crc32c
from google.protobuf import field_mask_pb2, wrappers_pb2

from keyturn.client.errors import ChecksumMismatchError
from keyturn.client.types import (
    AuditOrder,
    AuditOutcome,
    EllipticCurve,
    Environment,
    KeyMetadata,
    KeyPairAlgorithm,
    KeyStatus,
    RateLimit,
    ReportGranularity,
    RoleBinding,
    TokenType,
    to_duration,
    to_struct,
    to_timestamp,
)
from keyturn.v1 import access_pb2, audit_pb2, crypto_pb2, keys_pb2, rotation_pb2


class _Unset:
    """Marks an update_key argument that was not given (None means "clear the field")."""

    _instance: _Unset | None = None

    def __new__(cls) -> _Unset:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "UNSET"

    def __bool__(self) -> bool:
        return False


UNSET: Final = _Unset()

MetadataInput = KeyMetadata | keys_pb2.KeyMetadata


def metadata_proto(metadata: MetadataInput) -> keys_pb2.KeyMetadata:
    return metadata.to_proto() if isinstance(metadata, KeyMetadata) else metadata


def create_key(
    organization_id: str,
    *,
    project_id: str,
    product_id: str,
    metadata: MetadataInput | None,
    expire_time: datetime | None,
    ttl: timedelta | None,
    allowed_cidrs: Sequence[str],
    environment: Environment | None,
    parent_key_id: str = "",
    rotation: rotation_pb2.KeyRotationPolicy | None = None,
    recoverable: bool | None = None,
    credits: keys_pb2.KeyCredits | int | None = None,
) -> keys_pb2.CreateKeyRequest:
    request = keys_pb2.CreateKeyRequest(
        organization_id=organization_id,
        project_id=project_id,
        product_id=product_id,
        allowed_cidrs=list(allowed_cidrs),
        parent_key_id=parent_key_id,
    )
    if metadata is not None:
        request.metadata.CopyFrom(metadata_proto(metadata))
    if expire_time is not None:
        request.expire_time.CopyFrom(to_timestamp(expire_time))
    if ttl is not None:
        request.ttl.CopyFrom(to_duration(ttl))
    if environment is not None:
        request.environment = int(environment)  # type: ignore[assignment]
    if rotation is not None:
        request.rotation.CopyFrom(rotation)
    if recoverable is not None:
        request.recoverable = recoverable
    if isinstance(credits, int):
        request.credits.remaining = credits
    elif credits is not None:
        request.credits.CopyFrom(credits)
    return request


def validate_key(
    key: str,
    *,
    product_id: str,
    required_scopes: Sequence[str],
    client_ip: str,
    skip_rate_limit: bool,
    skip_usage: bool,
    cost: int = 0,
    limits: Mapping[str, int] | None = None,
) -> keys_pb2.ValidateKeyRequest:
    return keys_pb2.ValidateKeyRequest(
        plaintext=key,
        product_id=product_id,
        required_scopes=list(required_scopes),
        client_ip=client_ip,
        skip_rate_limit=skip_rate_limit,
        skip_usage=skip_usage,
        cost=cost,
        limits=[keys_pb2.LimitCost(name=name, cost=n) for name, n in (limits or {}).items()],
    )


def list_keys(
    *,
    organization_id: str,
    project_id: str,
    product_id: str,
    status: KeyStatus | None,
    expire_before: datetime | None,
    not_used_since: datetime | None,
    page_size: int,
    parent_key_id: str = "",
    next_rotation_before: datetime | None = None,
) -> keys_pb2.ListKeysRequest:
    request = keys_pb2.ListKeysRequest(page_size=page_size, parent_key_id=parent_key_id)
    # `parent` is a oneof: set only the one given (assigning "" would still select it).
    given = [
        (n, v)
        for n, v in (
            ("organization_id", organization_id),
            ("project_id", project_id),
            ("product_id", product_id),
        )
        if v
    ]
    for name, value in given:
        setattr(request, name, value)
    if status is not None:
        request.status = int(status)  # type: ignore[assignment]
    if expire_before is not None:
        request.expire_before.CopyFrom(to_timestamp(expire_before))
    if not_used_since is not None:
        request.not_used_since.CopyFrom(to_timestamp(not_used_since))
    if next_rotation_before is not None:
        request.next_rotation_before.CopyFrom(to_timestamp(next_rotation_before))
    return request


def update_key(
    key_id: str,
    *,
    metadata: MetadataInput | _Unset | None,
    name: str | _Unset | None,
    scopes: Sequence[str] | _Unset | None,
    rate_limit: RateLimit | _Unset | None,
    custom: Mapping[str, Any] | _Unset | None,
    expire_time: datetime | _Unset | None,
    allowed_cidrs: Sequence[str] | _Unset | None,
    rotation: rotation_pb2.KeyRotationPolicy | _Unset | None = UNSET,
) -> keys_pb2.UpdateKeyRequest:
    """The ApiKey with the given values and an update_mask naming exactly the given arguments."""
    key = keys_pb2.ApiKey(id=key_id)
    paths: list[str] = []
    if not isinstance(metadata, _Unset):
        paths.append("metadata")
        if metadata is not None:
            key.metadata.CopyFrom(metadata_proto(metadata))
    if not isinstance(name, _Unset):
        paths.append("metadata.name")
        key.metadata.name = name or ""
    if not isinstance(scopes, _Unset):
        paths.append("metadata.scopes")
        key.metadata.scopes[:] = list(scopes or ())
    if not isinstance(rate_limit, _Unset):
        paths.append("metadata.rate_limit")
        if rate_limit is not None:
            key.metadata.rate_limit.CopyFrom(rate_limit.to_proto())
    if not isinstance(custom, _Unset):
        paths.append("metadata.custom")
        if custom:
            key.metadata.custom.CopyFrom(to_struct(custom))
    if not isinstance(expire_time, _Unset):
        paths.append("expire_time")
        if expire_time is not None:
            key.expire_time.CopyFrom(to_timestamp(expire_time))
    if not isinstance(allowed_cidrs, _Unset):
        paths.append("allowed_cidrs")
        key.allowed_cidrs[:] = list(allowed_cidrs or ())
    if not isinstance(rotation, _Unset):
        paths.append("rotation")
        if rotation is not None:
            key.rotation.CopyFrom(rotation)
    if not paths:
        raise ValueError("update_key: give at least one field to change")
    if "metadata" in paths and any(p.startswith("metadata.") for p in paths):
        raise ValueError("update_key: pass either metadata= or individual metadata fields, not both")
    return keys_pb2.UpdateKeyRequest(key=key, update_mask=field_mask_pb2.FieldMask(paths=paths))


def rotate_key(key_id: str, grace_period: timedelta | float | None) -> keys_pb2.RotateKeyRequest:
    request = keys_pb2.RotateKeyRequest(id=key_id)
    if grace_period is not None:
        request.grace_period.CopyFrom(to_duration(grace_period))
    return request


def generate_key(token_type: TokenType, *, length: int, prefix: str) -> crypto_pb2.GenerateKeyRequest:
    return crypto_pb2.GenerateKeyRequest(type=int(token_type), length=length, prefix=prefix)  # type: ignore[arg-type]


def generate_keypair(
    algorithm: KeyPairAlgorithm, *, key_size: int, curve: EllipticCurve | None, passphrase: str
) -> crypto_pb2.GenerateKeyPairRequest:
    request = crypto_pb2.GenerateKeyPairRequest(
        algorithm=int(algorithm),  # type: ignore[arg-type]
        key_size=key_size,
        passphrase=passphrase,
    )
    if curve is not None:
        request.curve = int(curve)  # type: ignore[assignment]
    return request


def duration(value: timedelta | float) -> Any:
    return to_duration(value)


def timestamp(value: datetime) -> Any:
    return to_timestamp(value)


def as_bytes(value: bytes | str) -> bytes:
    return value.encode() if isinstance(value, str) else value


def crc32c(data: bytes) -> int:
    """CRC32C (Castagnoli), as the managed-key RPCs' integrity fields carry it."""
    return int(google_crc32c.value(data))


def check_crc32c(field: str, data: bytes, expected: wrappers_pb2.Int64Value) -> None:
    """The response's integrity field against its data: ChecksumMismatchError on a mismatch."""
    if crc32c(data) != expected.value:
        raise ChecksumMismatchError(
            f"{field} was corrupted in transit (CRC32C mismatch)", reason="CRC32C_MISMATCH"
        )


def _bytes(value: bytes | str) -> bytes:
    return value.encode() if isinstance(value, str) else value


def encrypt(
    plaintext: bytes | str,
    *,
    key: str,
    password: str,
    associated_data: bytes | str,
    iterations: int,
) -> crypto_pb2.EncryptRequest:
    return crypto_pb2.EncryptRequest(
        plaintext=_bytes(plaintext),
        key=key,
        password=password,
        associated_data=_bytes(associated_data),
        iterations=iterations,
    )


def decrypt(
    ciphertext: bytes | crypto_pb2.EncryptResponse,
    *,
    iv: bytes,
    tag: bytes,
    key: str,
    password: str,
    salt: bytes,
    iterations: int,
    associated_data: bytes | str,
) -> crypto_pb2.DecryptRequest:
    if isinstance(ciphertext, crypto_pb2.EncryptResponse):
        sealed = ciphertext
        return crypto_pb2.DecryptRequest(
            ciphertext=sealed.ciphertext,
            iv=sealed.iv,
            tag=sealed.tag,
            salt=sealed.salt,
            iterations=sealed.iterations,
            key=key,
            password=password,
            associated_data=_bytes(associated_data),
        )
    return crypto_pb2.DecryptRequest(
        ciphertext=ciphertext,
        iv=iv,
        tag=tag,
        key=key,
        password=password,
        salt=salt,
        iterations=iterations,
        associated_data=_bytes(associated_data),
    )


def audit_filter(
    *,
    organization_id: str,
    project_id: str,
    key_id: str,
    actor: str,
    actions: Sequence[str],
    outcome: AuditOutcome | None,
    start_time: datetime | None,
    end_time: datetime | None,
) -> audit_pb2.AuditEventFilter:
    message = audit_pb2.AuditEventFilter(
        organization_id=organization_id,
        project_id=project_id,
        key_id=key_id,
        actor=actor,
        actions=list(actions),
    )
    if outcome is not None:
        message.outcome = int(outcome)  # type: ignore[assignment]
    if start_time is not None:
        message.start_time.CopyFrom(to_timestamp(start_time))
    if end_time is not None:
        message.end_time.CopyFrom(to_timestamp(end_time))
    return message


def list_audit_events(
    event_filter: audit_pb2.AuditEventFilter, *, order: AuditOrder | None, page_size: int
) -> audit_pb2.ListAuditEventsRequest:
    request = audit_pb2.ListAuditEventsRequest(filter=event_filter, page_size=page_size)
    if order is not None:
        request.order = int(order)  # type: ignore[assignment]
    return request


def usage_report(
    *,
    key_id: str,
    project_id: str,
    organization_id: str,
    start_time: datetime,
    end_time: datetime | None,
    granularity: ReportGranularity | None,
    expiring_within: timedelta | None,
    unused_since: datetime | None,
) -> audit_pb2.GetUsageReportRequest:
    request = audit_pb2.GetUsageReportRequest(
        key_id=key_id, project_id=project_id, organization_id=organization_id
    )
    request.start_time.CopyFrom(to_timestamp(start_time))
    if end_time is not None:
        request.end_time.CopyFrom(to_timestamp(end_time))
    if granularity is not None:
        request.granularity = int(granularity)  # type: ignore[assignment]
    if expiring_within is not None:
        request.expiring_within.CopyFrom(to_duration(expiring_within))
    if unused_since is not None:
        request.unused_since.CopyFrom(to_timestamp(unused_since))
    return request


def principal(
    *,
    principal_id: str,
    name: str,
    roles: Sequence[RoleBinding | access_pb2.RoleBinding],
    certificate_identity: str,
    disabled: bool,
) -> access_pb2.Principal:
    return access_pb2.Principal(
        id=principal_id,
        name=name,
        roles=[r.to_proto() if isinstance(r, RoleBinding) else r for r in roles],
        certificate_identity=certificate_identity,
        disabled=disabled,
    )


def create_principal_token(
    principal_id: str, *, description: str, expire_time: datetime | None
) -> access_pb2.CreatePrincipalTokenRequest:
    request = access_pb2.CreatePrincipalTokenRequest(principal_id=principal_id, description=description)
    if expire_time is not None:
        request.expire_time.CopyFrom(to_timestamp(expire_time))
    return request
