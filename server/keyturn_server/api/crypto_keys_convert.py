"""Proto <-> domain conversion for CryptoService's managed-key RPCs.

Inbound: request messages become validated use-case inputs; every failure names the request
field (`crypto_key.algorithm`, `requests[3].crypto_key_id` is named by the item's status).
Outbound: stored rows become resources. A CryptoKeyVersion message has no field for key
material, so rendering one cannot leak it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

from google.protobuf import wrappers_pb2
from google.rpc import code_pb2, status_pb2
from keyturn.v1 import crypto_keys_pb2 as ck

from keyturn_server.api import errors as api_errors
from keyturn_server.api.convert import from_duration, from_timestamp, to_timestamp
from keyturn_server.domain import managed_keys as mk
from keyturn_server.domain import validation as check
from keyturn_server.domain.errors import DomainError, InvalidArgument
from keyturn_server.store.models import CryptoKey, CryptoKeyVersion, ImportJob
from keyturn_server.usecases.crypto_keys import (
    MAX_BATCH_ITEMS,
    UPDATE_PATHS,
    CryptoKeyUpdate,
    DecryptCommand,
    Decrypted,
    EncryptCommand,
    Encrypted,
    NewCryptoKey,
    import_job_state,
)

T = TypeVar("T")
OK = status_pb2.Status(code=code_pb2.OK)

_PURPOSE_PREFIX = "CRYPTO_KEY_PURPOSE_"
_ALGORITHM_PREFIX = "CRYPTO_KEY_ALGORITHM_"
_STATE_PREFIX = "CRYPTO_KEY_VERSION_STATE_"
_METHOD_PREFIX = "IMPORT_METHOD_"
# Where grpc_status.rpc_status.to_status puts the serialized google.rpc.Status.
_DETAILS_KEY = "grpc-status-details-bin"


# --- scalars ----------------------------------------------------------------------------------


def key_id(field: str, value: str) -> str:
    checked = check.resource_id(field, value)
    assert checked is not None
    return checked


def optional_key_id(field: str, value: str) -> str | None:
    return check.resource_id(field, value, required=False)


def page_size(value: int) -> int:
    return check.page_size("page_size", value)


def required_bytes(field: str, value: bytes) -> bytes:
    if not value:
        raise InvalidArgument.field(field, "is required")
    return value


def version_ref(crypto_key_id: str, number: int) -> tuple[str, int]:
    v = check.Violations()
    checked = v.check(lambda: key_id("crypto_key_id", crypto_key_id), "")
    if number < 1:
        v.add("number", "must be a version number, at least 1")
    v.raise_if_any()
    return checked, number


def key_and_optional_version(crypto_key_id: str, version: int) -> tuple[str, int]:
    v = check.Violations()
    checked = v.check(lambda: key_id("crypto_key_id", crypto_key_id), "")
    if version < 0:
        v.add("version", "must be a version number, or 0 for the default")
    v.raise_if_any()
    return checked, version


def crc(message: Any, name: str) -> int | None:
    """An optional Int64Value integrity field: None when unset."""
    if not message.HasField(name):
        return None
    return int(getattr(message, name).value)


def crc_of(data: bytes) -> wrappers_pb2.Int64Value:
    return wrappers_pb2.Int64Value(value=mk.crc32c(data))


def _enum_name(enum: Any, value: int, prefix: str) -> str | None:
    """The domain name of a proto enum value; None for UNSPECIFIED or unknown numbers."""
    if value == 0:
        return None
    try:
        return str(enum.Name(value)).removeprefix(prefix)
    except ValueError:
        return None


def algorithm_to_proto(algorithm: mk.Algorithm) -> ck.CryptoKeyAlgorithm.ValueType:
    return ck.CryptoKeyAlgorithm.Value(_ALGORITHM_PREFIX + algorithm.value)


# --- managed keys -----------------------------------------------------------------------------


def key_to_proto(row: CryptoKey) -> ck.CryptoKey:
    message = ck.CryptoKey(
        id=row.id,
        organization_id=row.organization_id,
        project_id=row.project_id or "",
        name=row.name,
        purpose=ck.CryptoKeyPurpose.Value(_PURPOSE_PREFIX + row.purpose),
        algorithm=ck.CryptoKeyAlgorithm.Value(_ALGORITHM_PREFIX + row.algorithm),
        labels={str(k): str(v) for k, v in row.labels.items()},
        primary_version=row.primary_version,
        min_decryption_version=row.min_decryption_version,
        create_time=to_timestamp(row.create_time),
        update_time=to_timestamp(row.update_time),
        import_only=row.import_only,
    )
    if row.rotation_period_seconds is not None:
        message.rotation_period.seconds = row.rotation_period_seconds
    if row.next_rotation_time is not None:
        message.next_rotation_time.CopyFrom(to_timestamp(row.next_rotation_time))
    message.destroy_scheduled_duration.seconds = row.destroy_scheduled_seconds
    return message


def version_to_proto(row: CryptoKeyVersion) -> ck.CryptoKeyVersion:
    message = ck.CryptoKeyVersion(
        crypto_key_id=row.crypto_key_id,
        number=row.number,
        state=ck.CryptoKeyVersionState.Value(_STATE_PREFIX + row.state),
        algorithm=ck.CryptoKeyAlgorithm.Value(_ALGORITHM_PREFIX + row.algorithm),
        create_time=to_timestamp(row.create_time),
        import_job_id=row.import_job_id or "",
    )
    if row.destroy_time is not None:
        message.destroy_time.CopyFrom(to_timestamp(row.destroy_time))
    if row.destroy_event_time is not None:
        message.destroy_event_time.CopyFrom(to_timestamp(row.destroy_event_time))
    if row.import_time is not None:
        message.import_time.CopyFrom(to_timestamp(row.import_time))
    return message


def _labels(v: check.Violations, labels: Any) -> dict[str, str]:
    values = dict(labels)
    v.check(lambda: mk.validate_labels(values), None)
    return values


def new_key(request: ck.CreateCryptoKeyRequest, now: datetime) -> NewCryptoKey:
    v = check.Violations()
    key = request.crypto_key
    if not request.HasField("crypto_key"):
        v.add("crypto_key", "is required")
    organization_id = v.check(lambda: key_id("crypto_key.organization_id", key.organization_id), "")
    project_id = v.check(lambda: optional_key_id("crypto_key.project_id", key.project_id), None)
    v.check(lambda: mk.validate_name(key.name), None)
    purpose_name = _enum_name(ck.CryptoKeyPurpose, key.purpose, _PURPOSE_PREFIX)
    if purpose_name is None:
        v.add("crypto_key.purpose", "is required: ENCRYPT_DECRYPT, ASYMMETRIC_SIGN or MAC")
    algorithm_name = _enum_name(ck.CryptoKeyAlgorithm, key.algorithm, _ALGORITHM_PREFIX)
    if algorithm_name is None:
        v.add("crypto_key.algorithm", "is required: a CryptoKeyAlgorithm value")
    if purpose_name and algorithm_name:
        v.check(
            lambda: mk.check_algorithm_purpose(mk.Purpose(purpose_name), mk.Algorithm(algorithm_name)), None
        )
    labels = _labels(v, key.labels)
    given = {f.name for f, _ in key.ListFields()}
    for output_only in ("id", "primary_version", "min_decryption_version", "create_time", "update_time"):
        if output_only in given:
            v.add(f"crypto_key.{output_only}", "is output only; leave it unset on create")
    rotation_period = None
    if key.HasField("rotation_period"):
        rotation_period = v.check(
            lambda: from_duration("crypto_key.rotation_period", key.rotation_period), None
        )
        if rotation_period is not None:
            v.check(lambda: mk.check_rotation_period(rotation_period), None)
    next_rotation = None
    if key.HasField("next_rotation_time"):
        next_rotation = v.check(
            lambda: from_timestamp("crypto_key.next_rotation_time", key.next_rotation_time), None
        )
    destroy = None
    if key.HasField("destroy_scheduled_duration"):
        destroy = v.check(
            lambda: from_duration("crypto_key.destroy_scheduled_duration", key.destroy_scheduled_duration),
            None,
        )
    v.raise_if_any()
    assert purpose_name is not None and algorithm_name is not None
    return NewCryptoKey(
        organization_id=organization_id,
        project_id=project_id,
        name=key.name,
        purpose=mk.Purpose(purpose_name),
        algorithm=mk.Algorithm(algorithm_name),
        labels=labels,
        rotation_period=rotation_period,
        next_rotation_time=next_rotation,
        destroy_scheduled_duration=destroy,
        import_only=key.import_only,
    )


def key_listing(request: ck.ListCryptoKeysRequest) -> tuple[str, str | None, int]:
    v = check.Violations()
    organization_id = v.check(
        lambda: check.resource_id("organization_id", request.organization_id, required=False), None
    )
    project_id = v.check(lambda: optional_key_id("project_id", request.project_id), None)
    size = v.check(lambda: page_size(request.page_size), 0)
    v.raise_if_any()
    return organization_id or "", project_id, size


def key_update(request: ck.UpdateCryptoKeyRequest, now: datetime) -> CryptoKeyUpdate:
    v = check.Violations()
    key = request.crypto_key
    checked_id = v.check(lambda: key_id("crypto_key.id", key.id), "")
    paths: set[str] = set()
    if not request.HasField("update_mask") or not request.update_mask.paths:
        v.add("update_mask", "name at least one field to update")
    for path in request.update_mask.paths:
        if path in UPDATE_PATHS:
            paths.add(path)
        else:
            v.add(
                "update_mask", f"unknown or immutable field {path[:64]!r}; allowed: {', '.join(UPDATE_PATHS)}"
            )
    labels = _labels(v, key.labels) if "labels" in paths else {}
    if "primary_version" in paths and key.primary_version < 1:
        v.add("crypto_key.primary_version", "must be a version number, at least 1")
    rotation_period = None
    if "rotation_period" in paths and key.HasField("rotation_period"):
        rotation_period = v.check(
            lambda: from_duration("crypto_key.rotation_period", key.rotation_period), None
        )
        if rotation_period is not None:
            v.check(lambda: mk.check_rotation_period(rotation_period), None)
    next_rotation = None
    if "next_rotation_time" in paths and key.HasField("next_rotation_time"):
        next_rotation = v.check(
            lambda: from_timestamp("crypto_key.next_rotation_time", key.next_rotation_time), None
        )
        if next_rotation is not None and next_rotation <= now:
            v.add("crypto_key.next_rotation_time", "must be in the future")
    if "min_decryption_version" in paths and key.min_decryption_version < 0:
        v.add("crypto_key.min_decryption_version", "must not be negative")
    v.raise_if_any()
    return CryptoKeyUpdate(
        key_id=checked_id,
        paths=frozenset(paths),
        labels=labels,
        primary_version=key.primary_version,
        rotation_period=rotation_period,
        next_rotation_time=next_rotation,
        min_decryption_version=key.min_decryption_version,
    )


# --- uses -------------------------------------------------------------------------------------


def encrypt_command(request: ck.EncryptWithKeyRequest) -> EncryptCommand:
    v = check.Violations()
    checked = v.check(lambda: key_id("crypto_key_id", request.crypto_key_id), "")
    v.check(lambda: required_bytes("plaintext", request.plaintext), b"")
    v.raise_if_any()
    return EncryptCommand(
        checked,
        request.plaintext,
        request.associated_data,
        crc(request, "plaintext_crc32c"),
        crc(request, "associated_data_crc32c"),
    )


def decrypt_command(request: ck.DecryptWithKeyRequest) -> DecryptCommand:
    v = check.Violations()
    expected = v.check(lambda: optional_key_id("crypto_key_id", request.crypto_key_id), None)
    v.check(lambda: required_bytes("ciphertext", request.ciphertext), b"")
    v.raise_if_any()
    return DecryptCommand(
        request.ciphertext,
        expected,
        request.associated_data,
        crc(request, "ciphertext_crc32c"),
        crc(request, "associated_data_crc32c"),
    )


def encrypted_to_proto(result: Encrypted) -> ck.EncryptWithKeyResponse:
    return ck.EncryptWithKeyResponse(
        ciphertext=result.ciphertext,
        crypto_key_id=result.crypto_key_id,
        version=result.version,
        ciphertext_crc32c=crc_of(result.ciphertext),
        verified_plaintext_crc32c=result.verified_plaintext_crc32c,
        verified_associated_data_crc32c=result.verified_associated_data_crc32c,
    )


def decrypted_to_proto(result: Decrypted) -> ck.DecryptWithKeyResponse:
    return ck.DecryptWithKeyResponse(
        plaintext=result.plaintext,
        crypto_key_id=result.crypto_key_id,
        version=result.version,
        used_primary=result.used_primary,
        plaintext_crc32c=crc_of(result.plaintext),
        verified_ciphertext_crc32c=result.verified_ciphertext_crc32c,
        verified_associated_data_crc32c=result.verified_associated_data_crc32c,
    )


def batch_size(count: int) -> None:
    if not 1 <= count <= MAX_BATCH_ITEMS:
        raise InvalidArgument.field("requests", f"must hold 1..{MAX_BATCH_ITEMS} items")


def attempt(decode: Callable[[], T]) -> T | DomainError:
    """One batch item decoded, or its error (which becomes only that item's status)."""
    try:
        return decode()
    except DomainError as err:
        return err


def item_status(err: Exception) -> status_pb2.Status:
    """A batch item's error as the google.rpc.Status the single RPC would answer: the same
    table (api/errors.py), the same ErrorInfo and details."""
    if not isinstance(err, DomainError):
        return status_pb2.Status(code=code_pb2.INTERNAL, message="internal error")
    status = api_errors.to_status(err)
    for key, value in status.trailing_metadata or ():
        if key == _DETAILS_KEY and isinstance(value, bytes):
            return status_pb2.Status.FromString(value)
    return status_pb2.Status(code=getattr(code_pb2, status.code.name), message=status.details or "")


# --- import -----------------------------------------------------------------------------------


def new_import_job(request: ck.CreateImportJobRequest) -> tuple[str, mk.ImportMethod]:
    v = check.Violations()
    job = request.import_job
    organization_id = v.check(lambda: key_id("import_job.organization_id", job.organization_id), "")
    method = _enum_name(ck.ImportMethod, job.import_method, _METHOD_PREFIX)
    if method is None:
        v.add("import_job.import_method", "is required: an ImportMethod value")
    v.raise_if_any()
    assert method is not None
    return organization_id, mk.ImportMethod(method)


def import_job_to_proto(job: ImportJob, now: datetime) -> ck.ImportJob:
    return ck.ImportJob(
        id=job.id,
        organization_id=job.organization_id,
        import_method=ck.ImportMethod.Value(_METHOD_PREFIX + job.import_method),
        public_key_pem=job.public_key_pem,
        state=ck.ImportJobState.Value("IMPORT_JOB_STATE_" + import_job_state(job, now)),
        create_time=to_timestamp(job.create_time),
        expire_time=to_timestamp(job.expire_time),
    )


def import_request(request: ck.ImportCryptoKeyVersionRequest) -> tuple[str, str, bytes]:
    v = check.Violations()
    checked_key = v.check(lambda: key_id("crypto_key_id", request.crypto_key_id), "")
    checked_job = v.check(lambda: key_id("import_job_id", request.import_job_id), "")
    v.check(lambda: required_bytes("wrapped_key_material", request.wrapped_key_material), b"")
    v.raise_if_any()
    return checked_key, checked_job, request.wrapped_key_material


__all__ = [
    "OK",
    "algorithm_to_proto",
    "attempt",
    "batch_size",
    "crc",
    "crc_of",
    "decrypt_command",
    "decrypted_to_proto",
    "encrypt_command",
    "encrypted_to_proto",
    "import_job_to_proto",
    "import_request",
    "key_and_optional_version",
    "key_id",
    "key_listing",
    "key_to_proto",
    "key_update",
    "new_import_job",
    "new_key",
    "optional_key_id",
    "page_size",
    "required_bytes",
    "version_ref",
    "version_to_proto",
]
