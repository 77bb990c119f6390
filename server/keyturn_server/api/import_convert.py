"""Proto <-> domain conversion for KeyService.ImportKeys.

A request-level fault (no keys, too many, a bad or missing hmac_secret) fails the call; a
fault in one key becomes that key's InvalidArgument (field paths `keys[i]....`), answered
in its result while the other keys go ahead.
"""

from __future__ import annotations

from datetime import datetime

from keyturn.v1 import keys_pb2

from keyturn_server.api import convert
from keyturn_server.domain import imported_keys as ik
from keyturn_server.domain import validation as check
from keyturn_server.domain.errors import DomainError, FieldViolation, InvalidArgument
from keyturn_server.store.models import ApiKey
from keyturn_server.usecases.imported_keys import ImportBatch, ImportItem

ALGORITHMS: dict[int, ik.HashAlgorithm] = {
    keys_pb2.IMPORTED_HASH_ALGORITHM_SHA256: ik.HashAlgorithm.SHA256,
    keys_pb2.IMPORTED_HASH_ALGORITHM_SHA512: ik.HashAlgorithm.SHA512,
    keys_pb2.IMPORTED_HASH_ALGORITHM_HMAC_SHA256: ik.HashAlgorithm.HMAC_SHA256,
    keys_pb2.IMPORTED_HASH_ALGORITHM_BCRYPT: ik.HashAlgorithm.BCRYPT,
}


def import_batch(request: keys_pb2.ImportKeysRequest, now: datetime) -> ImportBatch:
    v = check.Violations()
    count = len(request.keys)
    if count == 0:
        v.add("keys", f"required: 1..{ik.MAX_BATCH} keys")
    elif count > ik.MAX_BATCH:
        v.add("keys", f"at most {ik.MAX_BATCH} keys per call (got {count})")
    secret = bytes(request.hmac_secret)
    needs_secret = any(k.algorithm == keys_pb2.IMPORTED_HASH_ALGORITHM_HMAC_SHA256 for k in request.keys)
    if needs_secret and not ik.MIN_HMAC_SECRET_BYTES <= len(secret) <= ik.MAX_HMAC_SECRET_BYTES:
        v.add(
            "hmac_secret",
            f"required for HMAC_SHA256 keys: {ik.MIN_HMAC_SECRET_BYTES}..{ik.MAX_HMAC_SECRET_BYTES} bytes",
        )
    elif secret and not needs_secret:
        v.add("hmac_secret", "only for HMAC_SHA256 keys; leave it empty")
    v.raise_if_any()
    items = [_item(index, key, now) for index, key in enumerate(request.keys)]
    return ImportBatch(
        items=items, hmac_secret=secret, atomic=request.atomic, validate_only=request.validate_only
    )


def _item(index: int, key: keys_pb2.ImportedKey, now: datetime) -> ImportItem | DomainError:
    where = f"keys[{index}]"
    violations: list[FieldViolation] = []
    create = keys_pb2.CreateKeyRequest(
        organization_id=key.organization_id,
        project_id=key.project_id,
        product_id=key.product_id,
        metadata=key.metadata,
        allowed_cidrs=list(key.allowed_cidrs),
        environment=key.environment,
    )
    if key.HasField("expire_time"):
        create.expire_time.CopyFrom(key.expire_time)
    new = None
    try:
        new = convert.new_key(create, now)
    except InvalidArgument as error:
        violations += [FieldViolation(f"{where}.{v.field}", v.description) for v in error.violations]
    algorithm = ALGORITHMS.get(key.algorithm)
    normalised = ""
    if algorithm is None:
        violations.append(
            FieldViolation(f"{where}.algorithm", "must be one of SHA256, SHA512, HMAC_SHA256, BCRYPT")
        )
    elif not key.hash:
        violations.append(FieldViolation(f"{where}.hash", "required"))
    else:
        try:
            normalised = ik.normalise_hash(algorithm, key.hash)
        except ik.BadHash as error:
            violations.append(FieldViolation(f"{where}.hash", str(error)))
    hint = key.lookup_hint
    if algorithm is ik.HashAlgorithm.BCRYPT and not hint:
        violations.append(
            FieldViolation(f"{where}.lookup_hint", "required for BCRYPT keys: the key's first characters")
        )
    elif hint:
        try:
            ik.check_hint(hint)
        except ik.BadHash as error:
            violations.append(FieldViolation(f"{where}.lookup_hint", str(error)))
    if len(key.external_id) > ik.MAX_EXTERNAL_ID_CHARS or (
        key.external_id and not key.external_id.isprintable()
    ):
        violations.append(
            FieldViolation(f"{where}.external_id", f"at most {ik.MAX_EXTERNAL_ID_CHARS} printable characters")
        )
    if violations or new is None or algorithm is None:
        return InvalidArgument(violations)
    return ImportItem(
        new=new, algorithm=algorithm, hash=normalised, lookup_hint=hint, external_id=key.external_id
    )


def imported_key_to_proto(row: ApiKey, now: datetime, validate_only: bool) -> keys_pb2.ApiKey:
    message = convert.api_key_to_proto(row, now)
    if validate_only:
        message.id = ""
    return message
