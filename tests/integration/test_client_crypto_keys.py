"""keyturn-client's managed-key methods and its envelope helper against a real server (SQLite)."""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import Iterator

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from keyturn.client import (
    AsyncClient,
    Client,
    CryptoKeyAlgorithm,
    CryptoKeyVersionDisabledError,
    DecryptionError,
    ImportMethod,
    WrongKeyPurposeError,
)
from keyturn.client.envelope import (
    decrypt_envelope,
    decrypt_envelope_async,
    encrypt_envelope,
    encrypt_envelope_async,
    wrap_for_import,
)

from tests.support import ServerThread


@pytest.fixture(scope="module")
def backend() -> str:
    return "sqlite"


@pytest.fixture(scope="module")
def client(server: ServerThread) -> Iterator[Client]:
    with Client(server.address, token=server.admin_token, timeout=60) as keyturn:
        yield keyturn


@pytest.fixture(scope="module")
def org(client: Client) -> str:
    return client.create_organization(f"org-{uuid.uuid4().hex[:8]}").id


def test_typed_methods_round_trip(client: Client, org: str) -> None:
    key = client.create_crypto_key(org, "payments", CryptoKeyAlgorithm.AES_256_GCM, labels={"team": "pay"})
    assert key.primary_version == 1 and client.get_crypto_key(key.id) == key
    assert key.id in [k.id for k in client.list_crypto_keys(organization_id=org)]
    sealed = client.encrypt_with_key(key.id, "hello", associated_data="ctx")
    assert client.decrypt_with_key(sealed.ciphertext, associated_data="ctx") == b"hello"
    with pytest.raises(DecryptionError):
        client.decrypt_with_key(sealed.ciphertext)
    rotated = client.rotate_crypto_key(key.id)
    assert rotated.version.number == 2
    assert [v.number for v in client.list_crypto_key_versions(key.id, page_size=1)] == [1, 2]
    assert client.re_encrypt(sealed.ciphertext, associated_data="ctx").version == 2
    client.update_crypto_key(key.id, min_decryption_version=2)
    with pytest.raises(CryptoKeyVersionDisabledError) as caught:
        client.decrypt_with_key(sealed.ciphertext, associated_data="ctx")
    assert (caught.value.version, caught.value.state) == (1, "BELOW_MIN_DECRYPTION_VERSION")
    assert client.update_crypto_key(key.id, labels=None).labels == {}
    client.disable_crypto_key_version(key.id, 1)
    assert client.destroy_crypto_key_version(key.id, 1).HasField("destroy_time")
    assert client.restore_crypto_key_version(key.id, 1).number == 1
    assert client.enable_crypto_key_version(key.id, 1).number == 1

    signer = client.create_crypto_key(org, "signer", CryptoKeyAlgorithm.ED25519)
    signature = client.sign(signer.id, b"msg").signature
    public = serialization.load_pem_public_key(client.get_public_key(signer.id).pem.encode())
    assert isinstance(public, ed25519.Ed25519PublicKey)
    public.verify(signature, b"msg")
    assert client.verify(signer.id, b"msg", signature).valid
    with pytest.raises(WrongKeyPurposeError) as wrong:
        client.sign(key.id, b"msg")
    assert wrong.value.required == "ASYMMETRIC_SIGN"
    mac_key = client.create_crypto_key(org, "mac", CryptoKeyAlgorithm.HMAC_SHA256)
    tag = client.mac(mac_key.id, "data").mac
    assert client.verify_mac(mac_key.id, "data", tag).valid

    from keyturn.v1 import crypto_keys_pb2 as ck

    results = client.batch_encrypt(
        [
            ck.EncryptWithKeyRequest(crypto_key_id=key.id, plaintext=b"a"),
            ck.EncryptWithKeyRequest(crypto_key_id=signer.id, plaintext=b"b"),
        ]
    ).results
    assert [r.status.code for r in results] == [0, 9]  # OK, FAILED_PRECONDITION
    opened = client.batch_decrypt([ck.DecryptWithKeyRequest(ciphertext=results[0].response.ciphertext)])
    assert opened.results[0].response.plaintext == b"a"


def test_byok_through_the_client(client: Client, org: str) -> None:
    job = client.create_import_job(org, ImportMethod.RSA_OAEP_3072_SHA256_AES_256)
    assert client.get_import_job(job.id).public_key_pem == job.public_key_pem
    private = ed25519.Ed25519PrivateKey.generate()
    der = private.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    key = client.create_crypto_key(
        org, f"byok-{uuid.uuid4().hex[:6]}", CryptoKeyAlgorithm.ED25519, import_only=True
    )
    version = client.import_crypto_key_version(key.id, job.id, wrap_for_import(job.public_key_pem, der))
    assert version.number == 1
    assert client.verify(key.id, b"outside", private.sign(b"outside")).valid


def test_envelope_keeps_only_the_wrapped_key(client: Client, org: str, server: ServerThread) -> None:
    key = client.create_crypto_key(org, f"env-{uuid.uuid4().hex[:6]}", CryptoKeyAlgorithm.AES_256_GCM)
    payload = os.urandom(3 * 1024 * 1024)  # large: it never goes to the server
    blob = encrypt_envelope(client, key.id, payload, associated_data=b"doc-1")
    assert len(blob) < len(payload) + 200
    assert decrypt_envelope(client, blob, associated_data=b"doc-1") == payload
    for broken in (blob[:-1] + bytes([blob[-1] ^ 1]), blob[:20], b"nope" * 10):
        with pytest.raises(DecryptionError):
            decrypt_envelope(client, broken, associated_data=b"doc-1")
    with pytest.raises(DecryptionError):
        decrypt_envelope(client, blob, associated_data=b"doc-2")
    # The data key inside works with any AES-GCM: unwrap it and open the payload by hand.
    size = int.from_bytes(blob[4:8], "big")
    data_key = client.decrypt_with_key(blob[8 : 8 + size], associated_data=b"doc-1")
    header, rest = blob[: 8 + size], blob[8 + size :]
    assert AESGCM(data_key).decrypt(rest[:12], rest[12:], header + b"doc-1") == payload

    async def with_async() -> bytes:
        async with AsyncClient(server.address, token=server.admin_token) as keyturn:
            sealed = await encrypt_envelope_async(keyturn, key.id, b"small", associated_data="x")
            assert decrypt_envelope(client, sealed, associated_data="x") == b"small"
            return await decrypt_envelope_async(keyturn, blob, associated_data=b"doc-1")

    assert asyncio.run(with_async()) == payload
