"""Managed keys over a real server on SQLite and PostgreSQL: every RPC, rule and bad input.

Also: roles and tenant isolation, the scheduler's rotation and destroy jobs driven by an
injected clock (and one leader across two servers on one PostgreSQL), interoperability with
the `cryptography` library, and a database dump that holds no material or plaintext.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import grpc
import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from google.protobuf import duration_pb2, field_mask_pb2, timestamp_pb2
from google.rpc import code_pb2, error_details_pb2
from keyturn.v1 import access_pb2, access_pb2_grpc, crypto_pb2_grpc, keys_pb2, keys_pb2_grpc
from keyturn.v1 import crypto_keys_pb2 as ck
from keyturn_server.domain import managed_keys as mk
from sqlalchemy import create_engine, inspect, text

from tests.support import ServerThread, expect_error, make_settings, with_token

INVALID = grpc.StatusCode.INVALID_ARGUMENT
PRECONDITION = grpc.StatusCode.FAILED_PRECONDITION
NOT_FOUND = grpc.StatusCode.NOT_FOUND
FORBIDDEN = grpc.StatusCode.PERMISSION_DENIED
AES = ck.CRYPTO_KEY_ALGORITHM_AES_256_GCM
ENCRYPT = ck.CRYPTO_KEY_PURPOSE_ENCRYPT_DECRYPT
SIGN = ck.CRYPTO_KEY_PURPOSE_ASYMMETRIC_SIGN
MAC = ck.CRYPTO_KEY_PURPOSE_MAC
SECRET_PLAINTEXT = b"the-plaintext-nobody-may-store-" + uuid.uuid4().hex.encode()
Stub = crypto_pb2_grpc.CryptoServiceStub


def unique(label: str) -> str:
    return f"{label}-{uuid.uuid4().hex[:10]}"


@pytest.fixture(scope="module")
def stub(grpc_channel: grpc.Channel) -> Stub:
    return crypto_pb2_grpc.CryptoServiceStub(grpc_channel)


@pytest.fixture(scope="module")
def org(grpc_channel: grpc.Channel) -> str:
    stub = keys_pb2_grpc.KeyServiceStub(grpc_channel)
    return str(stub.CreateOrganization(keys_pb2.CreateOrganizationRequest(name=unique("org")), timeout=10).id)


def create(stub: Stub, org: str, algorithm: int = AES, purpose: int = ENCRYPT, **fields: Any) -> ck.CryptoKey:
    key = ck.CryptoKey(organization_id=org, name=unique("k"), purpose=purpose, algorithm=algorithm, **fields)
    return stub.CreateCryptoKey(ck.CreateCryptoKeyRequest(crypto_key=key), timeout=60)


def encrypt(
    stub: Stub, key_id: str, plaintext: bytes = b"hello", aad: bytes = b""
) -> ck.EncryptWithKeyResponse:
    return stub.EncryptWithKey(
        ck.EncryptWithKeyRequest(crypto_key_id=key_id, plaintext=plaintext, associated_data=aad), timeout=10
    )


def decrypt(stub: Stub, ciphertext: bytes, aad: bytes = b"", key_id: str = "") -> ck.DecryptWithKeyResponse:
    return stub.DecryptWithKey(
        ck.DecryptWithKeyRequest(ciphertext=ciphertext, associated_data=aad, crypto_key_id=key_id), timeout=10
    )


def violations(decoded: Any) -> list[str]:
    return list(decoded.field_violations)


def stamp(value: dt.datetime) -> timestamp_pb2.Timestamp:
    out = timestamp_pb2.Timestamp()
    out.FromDatetime(value)
    return out


# ---- keys -----------------------------------------------------------------------------------


def test_create_get_list_and_update(stub: Stub, org: str) -> None:
    key = create(stub, org, labels={"team": "pay"}, rotation_period=duration_pb2.Duration(seconds=7200))
    assert key.primary_version == 1 and key.purpose == ENCRYPT and key.algorithm == AES
    assert key.destroy_scheduled_duration.seconds == 24 * 3600
    assert key.next_rotation_time.ToDatetime(tzinfo=dt.UTC) > dt.datetime.now(dt.UTC)
    assert stub.GetCryptoKey(ck.GetCryptoKeyRequest(id=key.id), timeout=10) == key

    duplicate = ck.CryptoKey(organization_id=org, name=key.name, purpose=ENCRYPT, algorithm=AES)
    decoded = expect_error(
        lambda: stub.CreateCryptoKey(ck.CreateCryptoKeyRequest(crypto_key=duplicate), timeout=10),
        grpc.StatusCode.ALREADY_EXISTS,
        "ALREADY_EXISTS",
    )
    assert decoded.metadata["existingId"] == key.id

    second = create(stub, org)
    first_page = stub.ListCryptoKeys(ck.ListCryptoKeysRequest(organization_id=org, page_size=1), timeout=10)
    assert len(first_page.crypto_keys) == 1 and first_page.next_page_token
    ids = [first_page.crypto_keys[0].id]
    token = first_page.next_page_token
    while token:
        page = stub.ListCryptoKeys(
            ck.ListCryptoKeysRequest(organization_id=org, page_size=1, page_token=token), timeout=10
        )
        ids += [k.id for k in page.crypto_keys]
        token = page.next_page_token
    assert {key.id, second.id} <= set(ids)
    expect_error(
        lambda: stub.ListCryptoKeys(
            ck.ListCryptoKeysRequest(
                organization_id=str(uuid.uuid4()), page_token=first_page.next_page_token
            ),
            timeout=10,
        ),
        INVALID,
        "INVALID_ARGUMENT",
    )

    updated = stub.UpdateCryptoKey(
        ck.UpdateCryptoKeyRequest(
            crypto_key=ck.CryptoKey(id=key.id, labels={"team": "ops"}),
            update_mask=field_mask_pb2.FieldMask(paths=["labels", "rotation_period"]),
        ),
        timeout=10,
    )
    assert dict(updated.labels) == {"team": "ops"}
    assert not updated.HasField("rotation_period") and not updated.HasField("next_rotation_time")
    for paths, value, field in (
        (["name"], ck.CryptoKey(id=key.id, name="x"), "update_mask"),
        ([], ck.CryptoKey(id=key.id), "update_mask"),
        (
            ["rotation_period"],
            ck.CryptoKey(id=key.id, rotation_period=duration_pb2.Duration(seconds=60)),
            "crypto_key.rotation_period",
        ),
        (["primary_version"], ck.CryptoKey(id=key.id, primary_version=0), "crypto_key.primary_version"),
        (["primary_version"], ck.CryptoKey(id=key.id, primary_version=9), "crypto_key.primary_version"),
        (
            ["min_decryption_version"],
            ck.CryptoKey(id=key.id, min_decryption_version=5),
            "crypto_key.min_decryption_version",
        ),
        (["labels"], ck.CryptoKey(id=key.id, labels={"Bad": "x"}), "crypto_key.labels['Bad']"),
        (
            ["next_rotation_time"],
            ck.CryptoKey(
                id=key.id, next_rotation_time=stamp(dt.datetime.now(dt.UTC) + dt.timedelta(hours=3))
            ),
            "crypto_key.next_rotation_time",
        ),
    ):
        decoded = expect_error(
            lambda paths=paths, value=value: stub.UpdateCryptoKey(
                ck.UpdateCryptoKeyRequest(
                    crypto_key=value, update_mask=field_mask_pb2.FieldMask(paths=paths)
                ),
                timeout=10,
            ),
            INVALID,
            "INVALID_ARGUMENT",
        )
        assert field in violations(decoded), (paths, violations(decoded))


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"purpose": 0}, "crypto_key.purpose"),
        ({"algorithm": 0}, "crypto_key.algorithm"),
        ({"algorithm": 99}, "crypto_key.algorithm"),
        ({"purpose": SIGN}, "crypto_key.algorithm"),  # AES is not a signing algorithm
        ({"name": ""}, "crypto_key.name"),
        ({"name": "has space"}, "crypto_key.name"),
        ({"organization_id": "nope"}, "crypto_key.organization_id"),
        ({"project_id": "nope"}, "crypto_key.project_id"),
        ({"rotation_period": duration_pb2.Duration(seconds=3599)}, "crypto_key.rotation_period"),
        (
            {"destroy_scheduled_duration": duration_pb2.Duration(seconds=-1)},
            "crypto_key.destroy_scheduled_duration",
        ),
        (
            {"destroy_scheduled_duration": duration_pb2.Duration(seconds=400 * 86400)},
            "crypto_key.destroy_scheduled_duration",
        ),
        (
            {
                "next_rotation_time": stamp(dt.datetime(2001, 1, 1, tzinfo=dt.UTC)),
                "rotation_period": duration_pb2.Duration(seconds=3600),
            },
            "crypto_key.next_rotation_time",
        ),
        (
            {"next_rotation_time": stamp(dt.datetime(2101, 1, 1, tzinfo=dt.UTC))},
            "crypto_key.next_rotation_time",
        ),
        (
            {"import_only": True, "rotation_period": duration_pb2.Duration(seconds=3600)},
            "crypto_key.rotation_period",
        ),
        ({"labels": {"a": "B"}}, "crypto_key.labels['a']"),
        ({"id": str(uuid.uuid4())}, "crypto_key.id"),
    ],
)
def test_create_rejects_bad_input(stub: Stub, org: str, fields: dict[str, Any], field: str) -> None:
    values: dict[str, Any] = {
        "organization_id": org,
        "name": unique("k"),
        "purpose": ENCRYPT,
        "algorithm": AES,
    }
    values.update(fields)
    decoded = expect_error(
        lambda: stub.CreateCryptoKey(
            ck.CreateCryptoKeyRequest(crypto_key=ck.CryptoKey(**values)), timeout=10
        ),
        INVALID,
        "INVALID_ARGUMENT",
    )
    assert field in violations(decoded), violations(decoded)


def test_unknown_ids_are_not_found(stub: Stub, org: str) -> None:
    missing = str(uuid.uuid4())
    expect_error(
        lambda: stub.GetCryptoKey(ck.GetCryptoKeyRequest(id=missing), timeout=10), NOT_FOUND, "NOT_FOUND"
    )
    expect_error(lambda: encrypt(stub, missing), NOT_FOUND, "NOT_FOUND")
    expect_error(
        lambda: stub.CreateCryptoKey(
            ck.CreateCryptoKeyRequest(
                crypto_key=ck.CryptoKey(organization_id=missing, name="k", purpose=ENCRYPT, algorithm=AES)
            ),
            timeout=10,
        ),
        NOT_FOUND,
        "NOT_FOUND",
    )
    key = create(stub, org)
    expect_error(
        lambda: stub.GetCryptoKeyVersion(
            ck.GetCryptoKeyVersionRequest(crypto_key_id=key.id, number=7), timeout=10
        ),
        NOT_FOUND,
        "NOT_FOUND",
    )
    decoded = expect_error(
        lambda: stub.GetCryptoKeyVersion(
            ck.GetCryptoKeyVersionRequest(crypto_key_id="x", number=0), timeout=10
        ),
        INVALID,
        "INVALID_ARGUMENT",
    )
    assert violations(decoded) == ["crypto_key_id", "number"]
    expect_error(
        lambda: stub.GetImportJob(ck.GetImportJobRequest(id=missing), timeout=10), NOT_FOUND, "NOT_FOUND"
    )


# ---- encryption -----------------------------------------------------------------------------


@pytest.mark.parametrize("algorithm", [AES, ck.CRYPTO_KEY_ALGORITHM_CHACHA20_POLY1305])
def test_encrypt_decrypt_and_integrity_fields(stub: Stub, org: str, algorithm: int) -> None:
    key = create(stub, org, algorithm=algorithm)
    sealed = stub.EncryptWithKey(
        ck.EncryptWithKeyRequest(
            crypto_key_id=key.id,
            plaintext=b"secret",
            associated_data=b"ctx",
            plaintext_crc32c={"value": mk.crc32c(b"secret")},
            associated_data_crc32c={"value": mk.crc32c(b"ctx")},
        ),
        timeout=10,
    )
    assert sealed.version == 1 and sealed.crypto_key_id == key.id
    assert sealed.verified_plaintext_crc32c and sealed.verified_associated_data_crc32c
    assert sealed.ciphertext_crc32c.value == mk.crc32c(sealed.ciphertext)
    assert mk.parse_ciphertext(sealed.ciphertext) == mk.CiphertextHeader(key.id, 1)

    opened = stub.DecryptWithKey(
        ck.DecryptWithKeyRequest(
            ciphertext=sealed.ciphertext,
            associated_data=b"ctx",
            ciphertext_crc32c={"value": mk.crc32c(sealed.ciphertext)},
        ),
        timeout=10,
    )
    assert opened.plaintext == b"secret" and opened.used_primary and opened.version == 1
    assert opened.verified_ciphertext_crc32c and not opened.verified_associated_data_crc32c
    assert opened.plaintext_crc32c.value == mk.crc32c(b"secret")

    bad_crc = ck.EncryptWithKeyRequest(crypto_key_id=key.id, plaintext=b"x", plaintext_crc32c={"value": 1})
    decoded = expect_error(lambda: stub.EncryptWithKey(bad_crc, timeout=10), INVALID, "INVALID_ARGUMENT")
    assert violations(decoded) == ["plaintext_crc32c"]
    decoded = expect_error(
        lambda: stub.DecryptWithKey(
            ck.DecryptWithKeyRequest(ciphertext=sealed.ciphertext, ciphertext_crc32c={"value": 5}), timeout=10
        ),
        INVALID,
        "INVALID_ARGUMENT",
    )
    assert violations(decoded) == ["ciphertext_crc32c"]

    flipped = bytearray(sealed.ciphertext)
    flipped[-1] ^= 1
    failures = [
        lambda: decrypt(stub, sealed.ciphertext, b"other"),  # wrong associated data
        lambda: decrypt(stub, bytes(flipped), b"ctx"),  # a flipped bit
        lambda: decrypt(stub, b"garbage" * 10),  # not a ciphertext
        lambda: decrypt(stub, sealed.ciphertext, b"ctx", key_id=str(uuid.uuid4())),  # another key expected
    ]
    messages = set()
    for failure in failures:
        messages.add(expect_error(failure, INVALID, "DECRYPTION_FAILED").message)
    assert len(messages) == 1  # never says which part was wrong

    decoded = expect_error(lambda: encrypt(stub, key.id, b""), INVALID, "INVALID_ARGUMENT")
    assert violations(decoded) == ["plaintext"]
    decoded = expect_error(lambda: encrypt(stub, "not-an-id"), INVALID, "INVALID_ARGUMENT")
    assert violations(decoded) == ["crypto_key_id"]


def test_rotation_reencrypt_and_min_decryption_version(stub: Stub, org: str) -> None:
    key = create(stub, org)
    old = encrypt(stub, key.id, b"v1 data", b"a")
    rotated = stub.RotateCryptoKey(ck.RotateCryptoKeyRequest(id=key.id), timeout=10)
    assert rotated.crypto_key.primary_version == 2 and rotated.version.number == 2
    assert rotated.version.state == ck.CRYPTO_KEY_VERSION_STATE_ENABLED
    assert encrypt(stub, key.id).version == 2  # the cache was dropped by the rotation
    opened = decrypt(stub, old.ciphertext, b"a")
    assert opened.plaintext == b"v1 data" and opened.version == 1 and not opened.used_primary

    again = stub.ReEncrypt(ck.ReEncryptRequest(ciphertext=old.ciphertext, associated_data=b"a"), timeout=10)
    assert (again.version, again.source_version, again.source_crypto_key_id) == (2, 1, key.id)
    other = create(stub, org)
    moved = stub.ReEncrypt(
        ck.ReEncryptRequest(
            ciphertext=old.ciphertext, associated_data=b"a", destination_crypto_key_id=other.id
        ),
        timeout=10,
    )
    assert moved.crypto_key_id == other.id and decrypt(stub, moved.ciphertext, b"a").plaintext == b"v1 data"

    listed = stub.ListCryptoKeyVersions(
        ck.ListCryptoKeyVersionsRequest(crypto_key_id=key.id, page_size=1), timeout=10
    )
    assert [v.number for v in listed.versions] == [1] and listed.next_page_token
    rest = stub.ListCryptoKeyVersions(
        ck.ListCryptoKeyVersionsRequest(crypto_key_id=key.id, page_size=1, page_token=listed.next_page_token),
        timeout=10,
    )
    assert [v.number for v in rest.versions] == [2] and not rest.next_page_token

    stub.UpdateCryptoKey(
        ck.UpdateCryptoKeyRequest(
            crypto_key=ck.CryptoKey(id=key.id, min_decryption_version=2),
            update_mask=field_mask_pb2.FieldMask(paths=["min_decryption_version"]),
        ),
        timeout=10,
    )
    decoded = expect_error(
        lambda: decrypt(stub, old.ciphertext, b"a"), PRECONDITION, "CRYPTO_KEY_VERSION_DISABLED"
    )
    assert decoded.metadata["version"] == "1" and decoded.metadata["state"] == "BELOW_MIN_DECRYPTION_VERSION"
    assert decrypt(stub, again.ciphertext, b"a").plaintext == b"v1 data"

    # Moving the primary back (a rollback) below min_decryption_version is refused.
    expect_error(
        lambda: stub.UpdateCryptoKey(
            ck.UpdateCryptoKeyRequest(
                crypto_key=ck.CryptoKey(id=key.id, primary_version=1),
                update_mask=field_mask_pb2.FieldMask(paths=["primary_version"]),
            ),
            timeout=10,
        ),
        INVALID,
        "INVALID_ARGUMENT",
    )


def test_version_lifecycle_and_destroy_schedule(stub: Stub, org: str, server: ServerThread) -> None:
    key = create(stub, org)
    old = encrypt(stub, key.id, b"old")
    stub.RotateCryptoKey(ck.RotateCryptoKeyRequest(id=key.id), timeout=10)

    def ref(number: int) -> dict[str, Any]:
        return {"crypto_key_id": key.id, "number": number}

    expect_error(
        lambda: stub.DisableCryptoKeyVersion(ck.DisableCryptoKeyVersionRequest(**ref(2)), timeout=10),
        PRECONDITION,
        "FAILED_PRECONDITION",
    )
    expect_error(
        lambda: stub.DestroyCryptoKeyVersion(ck.DestroyCryptoKeyVersionRequest(**ref(2)), timeout=10),
        PRECONDITION,
        "FAILED_PRECONDITION",
    )
    disabled = stub.DisableCryptoKeyVersion(ck.DisableCryptoKeyVersionRequest(**ref(1)), timeout=10)
    assert disabled.state == ck.CRYPTO_KEY_VERSION_STATE_DISABLED
    decoded = expect_error(lambda: decrypt(stub, old.ciphertext), PRECONDITION, "CRYPTO_KEY_VERSION_DISABLED")
    assert decoded.metadata == {"cryptoKeyId": key.id, "version": "1", "state": "DISABLED"}
    enabled = stub.EnableCryptoKeyVersion(ck.EnableCryptoKeyVersionRequest(**ref(1)), timeout=10)
    assert enabled.state == ck.CRYPTO_KEY_VERSION_STATE_ENABLED
    assert stub.EnableCryptoKeyVersion(ck.EnableCryptoKeyVersionRequest(**ref(1)), timeout=10) == enabled
    assert decrypt(stub, old.ciphertext).plaintext == b"old"

    before = dt.datetime.now(dt.UTC)
    scheduled = stub.DestroyCryptoKeyVersion(ck.DestroyCryptoKeyVersionRequest(**ref(1)), timeout=10)
    assert scheduled.state == ck.CRYPTO_KEY_VERSION_STATE_DESTROY_SCHEDULED
    destroy_time = scheduled.destroy_time.ToDatetime(tzinfo=dt.UTC)
    assert dt.timedelta(hours=23, minutes=59) < destroy_time - before < dt.timedelta(hours=24, minutes=1)
    expect_error(lambda: decrypt(stub, old.ciphertext), PRECONDITION, "CRYPTO_KEY_VERSION_DISABLED")
    expect_error(
        lambda: stub.EnableCryptoKeyVersion(ck.EnableCryptoKeyVersionRequest(**ref(1)), timeout=10),
        PRECONDITION,
        "FAILED_PRECONDITION",
    )
    restored = stub.RestoreCryptoKeyVersion(ck.RestoreCryptoKeyVersionRequest(**ref(1)), timeout=10)
    assert restored.state == ck.CRYPTO_KEY_VERSION_STATE_DISABLED and not restored.HasField("destroy_time")
    expect_error(
        lambda: stub.RestoreCryptoKeyVersion(ck.RestoreCryptoKeyVersionRequest(**ref(1)), timeout=10),
        PRECONDITION,
        "FAILED_PRECONDITION",
    )
    stub.DestroyCryptoKeyVersion(ck.DestroyCryptoKeyVersionRequest(**ref(1)), timeout=10)

    # The scheduler's destroy job, driven by its clock: nothing before destroy_time, then gone.
    run_jobs(server, before + dt.timedelta(hours=23))
    assert stub.GetCryptoKeyVersion(ck.GetCryptoKeyVersionRequest(**ref(1)), timeout=10).state == (
        ck.CRYPTO_KEY_VERSION_STATE_DESTROY_SCHEDULED
    )
    run_jobs(server, before + dt.timedelta(hours=25))
    gone = stub.GetCryptoKeyVersion(ck.GetCryptoKeyVersionRequest(**ref(1)), timeout=10)
    assert gone.state == ck.CRYPTO_KEY_VERSION_STATE_DESTROYED and gone.HasField("destroy_event_time")
    expect_error(lambda: decrypt(stub, old.ciphertext), PRECONDITION, "CRYPTO_KEY_VERSION_DESTROYED")
    expect_error(
        lambda: stub.RestoreCryptoKeyVersion(ck.RestoreCryptoKeyVersionRequest(**ref(1)), timeout=10),
        PRECONDITION,
        "FAILED_PRECONDITION",
    )
    run_jobs(server, before + dt.timedelta(hours=26))  # idempotent: nothing more to do


def run_jobs(server: ServerThread, now: dt.datetime) -> list[str]:
    """One scheduler tick at `now` (the injected clock), then back to the real clock."""
    scheduler = server.container.scheduler
    real = scheduler.clock
    scheduler.clock = lambda: now
    for job in scheduler.jobs.values():
        job.next_run = None if job.next_run is None else min(job.next_run, now)
    try:
        return list(server.call(scheduler.run_once()))
    finally:
        scheduler.clock = real


def test_scheduler_rotates_keys_when_due(stub: Stub, org: str, server: ServerThread) -> None:
    key = create(stub, org, rotation_period=duration_pb2.Duration(seconds=3600))
    due = key.next_rotation_time.ToDatetime(tzinfo=dt.UTC)
    run_jobs(server, due - dt.timedelta(minutes=1))
    assert stub.GetCryptoKey(ck.GetCryptoKeyRequest(id=key.id), timeout=10).primary_version == 1
    assert "crypto_key.rotate" in run_jobs(server, due + dt.timedelta(seconds=1))
    rotated = stub.GetCryptoKey(ck.GetCryptoKeyRequest(id=key.id), timeout=10)
    assert rotated.primary_version == 2
    assert rotated.next_rotation_time.ToDatetime(tzinfo=dt.UTC) == due + dt.timedelta(seconds=1, hours=1)
    assert encrypt(stub, key.id).version == 2
    run_jobs(server, due + dt.timedelta(seconds=2))  # idempotent
    assert stub.GetCryptoKey(ck.GetCryptoKeyRequest(id=key.id), timeout=10).primary_version == 2


def test_wrong_purpose_and_import_only(stub: Stub, org: str) -> None:
    aes = create(stub, org)
    decoded = expect_error(
        lambda: stub.Sign(ck.SignRequest(crypto_key_id=aes.id, data=b"x"), timeout=10),
        PRECONDITION,
        "WRONG_KEY_PURPOSE",
    )
    assert decoded.metadata == {"purpose": "ENCRYPT_DECRYPT", "required": "ASYMMETRIC_SIGN"}
    expect_error(
        lambda: stub.Mac(ck.MacRequest(crypto_key_id=aes.id, data=b"x"), timeout=10),
        PRECONDITION,
        "WRONG_KEY_PURPOSE",
    )
    signer = create(stub, org, algorithm=ck.CRYPTO_KEY_ALGORITHM_ED25519, purpose=SIGN)
    expect_error(lambda: encrypt(stub, signer.id), PRECONDITION, "WRONG_KEY_PURPOSE")
    empty = create(stub, org, import_only=True)
    assert empty.primary_version == 0 and empty.import_only
    expect_error(lambda: encrypt(stub, empty.id), PRECONDITION, "FAILED_PRECONDITION")
    expect_error(
        lambda: stub.RotateCryptoKey(ck.RotateCryptoKeyRequest(id=empty.id), timeout=10),
        PRECONDITION,
        "FAILED_PRECONDITION",
    )


# ---- signatures, MACs, data keys ------------------------------------------------------------


@pytest.mark.parametrize(
    "algorithm",
    [
        ck.CRYPTO_KEY_ALGORITHM_ED25519,
        ck.CRYPTO_KEY_ALGORITHM_ECDSA_P256_SHA256,
        ck.CRYPTO_KEY_ALGORITHM_ECDSA_P384_SHA384,
        ck.CRYPTO_KEY_ALGORITHM_RSA_PSS_2048_SHA256,
    ],
)
def test_sign_verifies_with_the_pem_in_cryptography(stub: Stub, org: str, algorithm: int) -> None:
    key = create(stub, org, algorithm=algorithm, purpose=SIGN)
    signed = stub.Sign(
        ck.SignRequest(crypto_key_id=key.id, data=b"message", data_crc32c={"value": mk.crc32c(b"message")}),
        timeout=30,
    )
    assert signed.verified_data_crc32c and signed.signature_crc32c.value == mk.crc32c(signed.signature)
    public = stub.GetPublicKey(ck.GetPublicKeyRequest(crypto_key_id=key.id), timeout=10)
    assert public.version == 1 and public.algorithm == algorithm
    assert public.pem_crc32c.value == mk.crc32c(public.pem.encode())
    loaded = serialization.load_pem_public_key(public.pem.encode())
    if isinstance(loaded, ed25519.Ed25519PublicKey):
        loaded.verify(signed.signature, b"message")
    elif isinstance(loaded, ec.EllipticCurvePublicKey):
        digest = (
            hashes.SHA384() if algorithm == ck.CRYPTO_KEY_ALGORITHM_ECDSA_P384_SHA384 else hashes.SHA256()
        )
        loaded.verify(signed.signature, b"message", ec.ECDSA(digest))
    else:
        assert isinstance(loaded, rsa.RSAPublicKey)
        loaded.verify(
            signed.signature,
            b"message",
            padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32),
            hashes.SHA256(),
        )
    ok = stub.Verify(
        ck.VerifyRequest(crypto_key_id=key.id, data=b"message", signature=signed.signature), timeout=30
    )
    assert ok.valid and ok.version == 1
    bad = stub.Verify(
        ck.VerifyRequest(crypto_key_id=key.id, data=b"other", signature=signed.signature), timeout=30
    )
    assert not bad.valid and bad.version == 0


def test_verify_tries_every_enabled_version(stub: Stub, org: str) -> None:
    key = create(stub, org, algorithm=ck.CRYPTO_KEY_ALGORITHM_ED25519, purpose=SIGN)
    old = stub.Sign(ck.SignRequest(crypto_key_id=key.id, data=b"m"), timeout=10)
    stub.RotateCryptoKey(ck.RotateCryptoKeyRequest(id=key.id), timeout=10)
    assert stub.Sign(ck.SignRequest(crypto_key_id=key.id, data=b"m"), timeout=10).version == 2
    found = stub.Verify(
        ck.VerifyRequest(crypto_key_id=key.id, data=b"m", signature=old.signature), timeout=10
    )
    assert found.valid and found.version == 1
    named = stub.Verify(
        ck.VerifyRequest(crypto_key_id=key.id, version=2, data=b"m", signature=old.signature), timeout=10
    )
    assert not named.valid
    assert stub.GetPublicKey(ck.GetPublicKeyRequest(crypto_key_id=key.id, version=1), timeout=10).version == 1
    expect_error(
        lambda: stub.Sign(ck.SignRequest(crypto_key_id=key.id, version=5, data=b"m"), timeout=10),
        NOT_FOUND,
        "NOT_FOUND",
    )
    decoded = expect_error(
        lambda: stub.Verify(
            ck.VerifyRequest(crypto_key_id=key.id, version=-1, data=b"", signature=b""), timeout=10
        ),
        INVALID,
        "INVALID_ARGUMENT",
    )
    assert set(violations(decoded)) == {"version"} or "data" in violations(decoded)


@pytest.mark.parametrize(
    ("algorithm", "size"),
    [(ck.CRYPTO_KEY_ALGORITHM_HMAC_SHA256, 32), (ck.CRYPTO_KEY_ALGORITHM_HMAC_SHA512, 64)],
)
def test_mac_and_verify_mac(stub: Stub, org: str, algorithm: int, size: int) -> None:
    key = create(stub, org, algorithm=algorithm, purpose=MAC)
    tag = stub.Mac(ck.MacRequest(crypto_key_id=key.id, data=b"data"), timeout=10)
    assert len(tag.mac) == size and tag.mac_crc32c.value == mk.crc32c(tag.mac)
    ok = stub.VerifyMac(
        ck.VerifyMacRequest(
            crypto_key_id=key.id, data=b"data", mac=tag.mac, mac_crc32c={"value": mk.crc32c(tag.mac)}
        ),
        timeout=10,
    )
    assert ok.valid and ok.version == 1 and ok.verified_mac_crc32c
    assert not stub.VerifyMac(
        ck.VerifyMacRequest(crypto_key_id=key.id, data=b"dat", mac=tag.mac), timeout=10
    ).valid
    decoded = expect_error(
        lambda: stub.VerifyMac(ck.VerifyMacRequest(crypto_key_id=key.id, data=b"data"), timeout=10),
        INVALID,
        "INVALID_ARGUMENT",
    )
    assert violations(decoded) == ["mac"]


def test_data_key_decrypts_what_aesgcm_encrypted_with_it(stub: Stub, org: str) -> None:
    key = create(stub, org)
    data_key = stub.GenerateDataKey(
        ck.GenerateDataKeyRequest(crypto_key_id=key.id, associated_data=b"file-7"), timeout=10
    )
    assert len(data_key.plaintext) == 32 and data_key.plaintext_crc32c.value == mk.crc32c(data_key.plaintext)
    nonce = os.urandom(12)
    sealed = AESGCM(data_key.plaintext).encrypt(nonce, b"a large payload" * 1000, None)
    # Later: only the wrapped key was kept; DecryptWithKey gives the data key back.
    unwrapped = decrypt(stub, data_key.wrapped_key, b"file-7").plaintext
    assert AESGCM(unwrapped).decrypt(nonce, sealed, None) == b"a large payload" * 1000
    expect_error(lambda: decrypt(stub, data_key.wrapped_key), INVALID, "DECRYPTION_FAILED")
    wrapped_only = stub.GenerateDataKey(
        ck.GenerateDataKeyRequest(crypto_key_id=key.id, wrapped_only=True), timeout=10
    )
    assert wrapped_only.plaintext == b"" and not wrapped_only.HasField("plaintext_crc32c")
    assert len(decrypt(stub, wrapped_only.wrapped_key).plaintext) == 32


def test_batches_give_each_item_its_own_status(stub: Stub, org: str) -> None:
    key = create(stub, org)
    signer = create(stub, org, algorithm=ck.CRYPTO_KEY_ALGORITHM_ED25519, purpose=SIGN)
    items = [
        ck.EncryptWithKeyRequest(crypto_key_id=key.id, plaintext=b"one"),
        ck.EncryptWithKeyRequest(crypto_key_id="bad-id", plaintext=b"two"),
        ck.EncryptWithKeyRequest(crypto_key_id=signer.id, plaintext=b"three"),
        ck.EncryptWithKeyRequest(crypto_key_id=key.id, plaintext=b"four"),
    ]
    results = stub.BatchEncrypt(ck.BatchEncryptRequest(requests=items), timeout=10).results
    assert [r.status.code for r in results] == [
        code_pb2.OK,
        code_pb2.INVALID_ARGUMENT,
        code_pb2.FAILED_PRECONDITION,
        code_pb2.OK,
    ]
    info = error_details_pb2.ErrorInfo()
    infos = [d for d in results[1].status.details if d.Is(error_details_pb2.ErrorInfo.DESCRIPTOR)]
    assert len(infos) == 1 and infos[0].Unpack(info) and info.reason == "INVALID_ARGUMENT"
    assert info.domain == "keyturn.dev"
    purpose = error_details_pb2.ErrorInfo()
    results[2].status.details[0].Unpack(purpose)
    assert purpose.reason == "WRONG_KEY_PURPOSE"

    decrypts = [
        ck.DecryptWithKeyRequest(ciphertext=results[0].response.ciphertext),
        ck.DecryptWithKeyRequest(ciphertext=b"junk" * 20),
        ck.DecryptWithKeyRequest(ciphertext=results[3].response.ciphertext),
    ]
    opened = stub.BatchDecrypt(ck.BatchDecryptRequest(requests=decrypts), timeout=10).results
    assert [r.status.code for r in opened] == [code_pb2.OK, code_pb2.INVALID_ARGUMENT, code_pb2.OK]
    assert [opened[0].response.plaintext, opened[2].response.plaintext] == [b"one", b"four"]

    for count in (0, 1001):
        decoded = expect_error(
            lambda count=count: stub.BatchEncrypt(
                ck.BatchEncryptRequest(requests=[items[0]] * count), timeout=10
            ),
            INVALID,
            "INVALID_ARGUMENT",
        )
        assert violations(decoded) == ["requests"]
    big = stub.BatchEncrypt(ck.BatchEncryptRequest(requests=[items[0]] * 1000), timeout=30).results
    assert len(big) == 1000 and all(r.status.code == code_pb2.OK for r in big)


# ---- import (BYOK) --------------------------------------------------------------------------


def test_import_and_verify_an_outside_signature(stub: Stub, org: str) -> None:
    job = stub.CreateImportJob(
        ck.CreateImportJobRequest(
            import_job=ck.ImportJob(
                organization_id=org, import_method=ck.IMPORT_METHOD_RSA_OAEP_3072_SHA256_AES_256
            )
        ),
        timeout=60,
    )
    assert job.state == ck.IMPORT_JOB_STATE_ACTIVE and "BEGIN PUBLIC KEY" in job.public_key_pem
    assert stub.GetImportJob(ck.GetImportJobRequest(id=job.id), timeout=10) == job

    private = ec.generate_private_key(ec.SECP256R1())
    der = private.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    key = create(
        stub, org, algorithm=ck.CRYPTO_KEY_ALGORITHM_ECDSA_P256_SHA256, purpose=SIGN, import_only=True
    )
    wrapped = mk.wrap_for_import(mk.ImportMethod.RSA_OAEP_3072_SHA256_AES_256, job.public_key_pem, der)
    version = stub.ImportCryptoKeyVersion(
        ck.ImportCryptoKeyVersionRequest(
            crypto_key_id=key.id, import_job_id=job.id, wrapped_key_material=wrapped
        ),
        timeout=30,
    )
    assert version.number == 1 and version.import_job_id == job.id and version.HasField("import_time")
    signature = private.sign(b"signed outside", ec.ECDSA(hashes.SHA256()))
    verified = stub.Verify(
        ck.VerifyRequest(crypto_key_id=key.id, data=b"signed outside", signature=signature), timeout=10
    )
    assert verified.valid and verified.version == 1
    assert stub.GetCryptoKey(ck.GetCryptoKeyRequest(id=key.id), timeout=10).primary_version == 1

    # Material of the wrong kind, and a blob the job cannot unwrap.
    aes_material = os.urandom(32)
    for blob in (
        mk.wrap_for_import(mk.ImportMethod.RSA_OAEP_3072_SHA256_AES_256, job.public_key_pem, aes_material),
        b"\x00" * 500,
    ):
        decoded = expect_error(
            lambda blob=blob: stub.ImportCryptoKeyVersion(
                ck.ImportCryptoKeyVersionRequest(
                    crypto_key_id=key.id, import_job_id=job.id, wrapped_key_material=blob
                ),
                timeout=30,
            ),
            INVALID,
            "INVALID_ARGUMENT",
        )
        assert violations(decoded) == ["wrapped_key_material"]
    decoded = expect_error(
        lambda: stub.CreateImportJob(
            ck.CreateImportJobRequest(import_job=ck.ImportJob(organization_id=org)), timeout=10
        ),
        INVALID,
        "INVALID_ARGUMENT",
    )
    assert violations(decoded) == ["import_job.import_method"]


def test_imported_aes_key_decrypts_outside_ciphertexts(stub: Stub, org: str) -> None:
    material = os.urandom(32)
    job = stub.CreateImportJob(
        ck.CreateImportJobRequest(
            import_job=ck.ImportJob(organization_id=org, import_method=ck.IMPORT_METHOD_RSA_OAEP_3072_SHA256)
        ),
        timeout=60,
    )
    key = create(stub, org)
    wrapped = mk.wrap_for_import(mk.ImportMethod.RSA_OAEP_3072_SHA256, job.public_key_pem, material)
    version = stub.ImportCryptoKeyVersion(
        ck.ImportCryptoKeyVersionRequest(
            crypto_key_id=key.id, import_job_id=job.id, wrapped_key_material=wrapped
        ),
        timeout=30,
    )
    assert version.number == 2
    assert stub.GetCryptoKey(ck.GetCryptoKeyRequest(id=key.id), timeout=10).primary_version == 1  # not moved
    outside = mk.encrypt(mk.Algorithm.AES_256_GCM, material, key.id, 2, b"made outside")
    assert decrypt(stub, outside).plaintext == b"made outside"


# ---- roles and tenants ----------------------------------------------------------------------


def _principal(admin: grpc.Channel, role: str, org: str) -> str:
    stub = access_pb2_grpc.AccessServiceStub(admin)
    principal = stub.CreatePrincipal(
        access_pb2.CreatePrincipalRequest(
            principal=access_pb2.Principal(
                name=unique("p"),
                roles=[
                    access_pb2.RoleBinding(role=access_pb2.Role.Value(f"ROLE_{role}"), organization_id=org)
                ],
            )
        ),
        timeout=10,
    )
    token = stub.CreatePrincipalToken(
        access_pb2.CreatePrincipalTokenRequest(principal_id=principal.id), timeout=10
    )
    return str(token.plaintext)


@pytest.fixture(scope="module")
def as_role(
    server: ServerThread, grpc_channel: grpc.Channel, org: str
) -> Iterator[Callable[[str, str], Stub]]:
    channels: list[grpc.Channel] = []

    def make(role: str, in_org: str = "") -> Stub:
        ch = grpc.insecure_channel(server.address)
        channels.append(ch)
        return crypto_pb2_grpc.CryptoServiceStub(
            with_token(ch, _principal(grpc_channel, role, in_org or org))
        )

    yield make
    for ch in channels:
        ch.close()


def test_roles_split_management_from_use(stub: Stub, org: str, as_role: Callable[[str, str], Stub]) -> None:
    admin, user, signer = (
        as_role("CRYPTO_KEY_ADMIN", ""),
        as_role("CRYPTO_KEY_ENCRYPTER_DECRYPTER", ""),
        as_role("CRYPTO_KEY_SIGNER_VERIFIER", ""),
    )
    key = create(admin, org)
    admin.RotateCryptoKey(ck.RotateCryptoKeyRequest(id=key.id), timeout=10)
    decoded = expect_error(lambda: encrypt(admin, key.id), FORBIDDEN, "CALLER_FORBIDDEN")
    assert decoded.metadata["permission"] == "crypto_keys.encrypt"
    sealed = encrypt(user, key.id)
    assert decrypt(user, sealed.ciphertext).plaintext == b"hello"
    assert user.GetCryptoKey(ck.GetCryptoKeyRequest(id=key.id), timeout=10).id == key.id
    expect_error(
        lambda: user.RotateCryptoKey(ck.RotateCryptoKeyRequest(id=key.id), timeout=10),
        FORBIDDEN,
        "CALLER_FORBIDDEN",
    )
    expect_error(lambda: encrypt(signer, key.id), FORBIDDEN, "CALLER_FORBIDDEN")
    ed = create(admin, org, algorithm=ck.CRYPTO_KEY_ALGORITHM_ED25519, purpose=SIGN)
    assert signer.Sign(ck.SignRequest(crypto_key_id=ed.id, data=b"m"), timeout=10).version == 1
    expect_error(
        lambda: user.Sign(ck.SignRequest(crypto_key_id=ed.id, data=b"m"), timeout=10),
        FORBIDDEN,
        "CALLER_FORBIDDEN",
    )
    # ReEncrypt: an encrypter of the destination who may not decrypt the source is refused.
    expect_error(
        lambda: admin.ReEncrypt(ck.ReEncryptRequest(ciphertext=sealed.ciphertext), timeout=10),
        FORBIDDEN,
        "CALLER_FORBIDDEN",
    )


def test_other_organizations_keys_are_not_found(
    stub: Stub, org: str, grpc_channel: grpc.Channel, as_role: Callable[[str, str], Stub]
) -> None:
    other_org = (
        keys_pb2_grpc.KeyServiceStub(grpc_channel)
        .CreateOrganization(keys_pb2.CreateOrganizationRequest(name=unique("other")), timeout=10)
        .id
    )
    key = create(stub, org)
    sealed = encrypt(stub, key.id)
    job = stub.CreateImportJob(
        ck.CreateImportJobRequest(
            import_job=ck.ImportJob(organization_id=org, import_method=ck.IMPORT_METHOD_RSA_OAEP_3072_SHA256)
        ),
        timeout=60,
    )
    outsider_admin = as_role("CRYPTO_KEY_ADMIN", other_org)
    outsider = as_role("CRYPTO_KEY_ENCRYPTER_DECRYPTER", other_org)
    calls = [
        lambda: outsider_admin.GetCryptoKey(ck.GetCryptoKeyRequest(id=key.id), timeout=10),
        lambda: outsider_admin.RotateCryptoKey(ck.RotateCryptoKeyRequest(id=key.id), timeout=10),
        lambda: outsider_admin.ListCryptoKeys(ck.ListCryptoKeysRequest(organization_id=org), timeout=10),
        lambda: outsider_admin.ListCryptoKeyVersions(
            ck.ListCryptoKeyVersionsRequest(crypto_key_id=key.id), timeout=10
        ),
        lambda: outsider_admin.GetImportJob(ck.GetImportJobRequest(id=job.id), timeout=10),
        lambda: create(outsider_admin, org),
        lambda: encrypt(outsider, key.id),
        lambda: decrypt(outsider, sealed.ciphertext),
    ]
    for call in calls:
        expect_error(call, NOT_FOUND, "NOT_FOUND")
    mine = outsider_admin.ListCryptoKeys(ck.ListCryptoKeysRequest(), timeout=10)  # its only organization
    assert all(k.organization_id == other_org for k in mine.crypto_keys)
    # An import job of another organization cannot feed this organization's key.
    other_job = stub.CreateImportJob(
        ck.CreateImportJobRequest(
            import_job=ck.ImportJob(
                organization_id=other_org, import_method=ck.IMPORT_METHOD_RSA_OAEP_3072_SHA256
            )
        ),
        timeout=60,
    )
    wrapped = mk.wrap_for_import(
        mk.ImportMethod.RSA_OAEP_3072_SHA256, other_job.public_key_pem, os.urandom(32)
    )
    expect_error(
        lambda: stub.ImportCryptoKeyVersion(
            ck.ImportCryptoKeyVersionRequest(
                crypto_key_id=key.id, import_job_id=other_job.id, wrapped_key_material=wrapped
            ),
            timeout=30,
        ),
        PRECONDITION,
        "FAILED_PRECONDITION",
    )


# ---- audit and what is at rest --------------------------------------------------------------


def _dump(url: str) -> bytes:
    """Every column of every row, as text and as raw bytes, plus the SQLite files themselves."""
    sync_url = url.replace("+aiosqlite", "").replace("+psycopg", "")
    if sync_url.startswith("postgresql://"):
        sync_url = sync_url.replace("postgresql://", "postgresql+psycopg://", 1)
    engine = create_engine(sync_url)
    out = bytearray()
    try:
        with engine.connect() as conn:
            for table in inspect(conn).get_table_names():
                for row in conn.execute(text(f'SELECT * FROM "{table}"')):
                    for value in row:
                        out += value if isinstance(value, bytes | memoryview) else str(value).encode()
                        out += b"\n"
    finally:
        engine.dispose()
    if url.startswith("sqlite"):
        path = url.split("///", 1)[1]
        for suffix in ("", "-wal", "-journal"):
            if os.path.exists(path + suffix):
                with open(path + suffix, "rb") as handle:
                    out += handle.read()
    return bytes(out)


def test_no_material_or_plaintext_in_the_database(stub: Stub, org: str, server: ServerThread) -> None:
    material = os.urandom(32)
    job = stub.CreateImportJob(
        ck.CreateImportJobRequest(
            import_job=ck.ImportJob(organization_id=org, import_method=ck.IMPORT_METHOD_RSA_OAEP_3072_SHA256)
        ),
        timeout=60,
    )
    key = create(stub, org, import_only=True)
    stub.ImportCryptoKeyVersion(
        ck.ImportCryptoKeyVersionRequest(
            crypto_key_id=key.id,
            import_job_id=job.id,
            wrapped_key_material=mk.wrap_for_import(
                mk.ImportMethod.RSA_OAEP_3072_SHA256, job.public_key_pem, material
            ),
        ),
        timeout=30,
    )
    sealed = encrypt(stub, key.id, SECRET_PLAINTEXT)
    assert decrypt(stub, sealed.ciphertext).plaintext == SECRET_PLAINTEXT
    data_key = stub.GenerateDataKey(ck.GenerateDataKeyRequest(crypto_key_id=key.id), timeout=10)
    expect_error(lambda: decrypt(stub, sealed.ciphertext, b"wrong"), INVALID, "DECRYPTION_FAILED")
    batch = stub.BatchEncrypt(
        ck.BatchEncryptRequest(
            requests=[ck.EncryptWithKeyRequest(crypto_key_id=key.id, plaintext=SECRET_PLAINTEXT)]
        ),
        timeout=10,
    )
    assert batch.results[0].status.code == code_pb2.OK
    server.call(server.container.access_log.flush())
    dump = _dump(server.settings.database_url)
    assert key.id.encode() in dump  # the dump is real
    assert b"crypto_key.decrypt" in dump  # the failed use reached the access log ...
    for secret in (
        SECRET_PLAINTEXT,
        material,
        material.hex().encode(),
        data_key.plaintext,
        data_key.plaintext.hex().encode(),
    ):
        assert secret not in dump  # ... but no plaintext or material is anywhere


def test_management_changes_are_audited(stub: Stub, org: str, grpc_channel: grpc.Channel) -> None:
    from keyturn.v1 import audit_pb2, audit_pb2_grpc

    key = create(stub, org)
    stub.RotateCryptoKey(ck.RotateCryptoKeyRequest(id=key.id), timeout=10)
    stub.DisableCryptoKeyVersion(
        ck.DisableCryptoKeyVersionRequest(crypto_key_id=key.id, number=1), timeout=10
    )
    events = audit_pb2_grpc.AuditServiceStub(grpc_channel).ListAuditEvents(
        audit_pb2.ListAuditEventsRequest(
            filter=audit_pb2.AuditEventFilter(organization_id=org), page_size=1000
        ),
        timeout=10,
    )
    mine = [e for e in events.events if e.resource_id in (key.id, f"{key.id}/1")]
    actions = {e.action for e in mine}
    assert {"crypto_key.create", "crypto_key.rotate", "crypto_key_version.disable"} <= actions
    assert {e.resource_type for e in mine} <= {
        audit_pb2.AUDIT_RESOURCE_TYPE_CRYPTO_KEY,
        audit_pb2.AUDIT_RESOURCE_TYPE_CRYPTO_KEY_VERSION,
    }


# ---- one leader across servers on one PostgreSQL ---------------------------------------------


def test_two_servers_rotate_once(
    stub: Stub, org: str, server: ServerThread, backend: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    if backend != "postgresql":
        pytest.skip("several servers share a database only on PostgreSQL")
    key = create(stub, org, rotation_period=duration_pb2.Duration(seconds=3600))
    due = key.next_rotation_time.ToDatetime(tzinfo=dt.UTC) + dt.timedelta(minutes=1)
    second = ServerThread(
        make_settings(server.settings.database_url, tmp_path_factory.mktemp("second"))
    ).start()
    try:
        ran = [run_jobs(server, due), run_jobs(second, due)]
        leaders = [s.container.scheduler.is_leader for s in (server, second)]
        assert sorted(leaders) == [False, True] and sum(bool(r) for r in ran) == 1
        assert stub.GetCryptoKey(ck.GetCryptoKeyRequest(id=key.id), timeout=10).primary_version == 2
        # The leader stops (its lock is released): the other server takes over.
        server.call(server.container.scheduler.stop())
        later = due + dt.timedelta(hours=2)
        assert "crypto_key.rotate" in run_jobs(second, later)
        assert second.container.scheduler.is_leader
        assert stub.GetCryptoKey(ck.GetCryptoKeyRequest(id=key.id), timeout=10).primary_version == 3
    finally:
        second.stop()
        server.call(server.container.scheduler.start())


# Keep this test last in the module: afterwards the module's server (root key version 1 only)
# can no longer unwrap the material it re-wrapped.
def test_root_key_rotation_rewraps_everything(
    stub: Stub, org: str, server: ServerThread, tmp_path: Any
) -> None:
    import asyncio

    from keyturn_server import config
    from keyturn_server.container import Container
    from keyturn_server.usecases.crypto_keys import DecryptCommand

    from tests.support import TEST_ROOT_KEY

    key = create(stub, org)
    sealed = encrypt(stub, key.id, b"survives the root rotation")
    new_root = "new-root-key-" + "n" * 40
    url = server.settings.database_url

    async def rotate_then_drop_the_old_version() -> bytes:
        both = make_settings(
            url, tmp_path, root_keys=config.parse_root_keys(f"2:{new_root},1:{TEST_ROOT_KEY}")
        )
        rotating = Container.build(both)
        try:
            versions, _jobs = await rotating.crypto_keys.rewrap_all()
            assert versions >= 1
            assert await rotating.crypto_keys.rewrap_all() == (0, 0)  # nothing left: idempotent
        finally:
            await rotating.db.dispose()
        only_new = Container.build(
            make_settings(url, tmp_path, root_keys=config.parse_root_keys(f"2:{new_root}"))
        )
        try:
            opened = await only_new.crypto_keys.decrypt(DecryptCommand(sealed.ciphertext))
            return opened.plaintext
        finally:
            await only_new.db.dispose()

    assert asyncio.run(rotate_then_drop_the_old_version()) == b"survives the root rotation"
