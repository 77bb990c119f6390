"""Stored material that does not decrypt answers DATA_LOSS, on SQLite and PostgreSQL.

A managed key version's wrapped material altered in the database, or wrapped under a
root-key version the server no longer has, and the organization's access-token signing key
likewise: the calls that need the material answer DATA_LOSS with exactly one ErrorInfo naming
the key version (never INTERNAL, never a stack trace, the material or a plaintext in the
answer or the log). RevealKey's own cases are in test_reveal_key.py. The every-organization
JWKS leaves such a signing version out rather than failing for every organization.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator

import grpc
import httpx
import pytest
from keyturn.client.errors import DataLossError, from_rpc_error
from keyturn.v1 import crypto_keys_pb2 as ck
from keyturn.v1 import crypto_pb2_grpc, keys_pb2, keys_pb2_grpc, tokens_pb2, tokens_pb2_grpc
from keyturn_server.store.db import sync_url
from sqlalchemy import Engine, create_engine, text

from tests import http_support
from tests.http_support import base_url, error_info
from tests.support import ServerThread, expect_error

DATA_LOSS = grpc.StatusCode.DATA_LOSS
SECRET = b"plaintext-that-must-not-leak-" + uuid.uuid4().hex.encode()


http_server = http_support.http_server


@pytest.fixture(scope="module")
def server(http_server: ServerThread) -> ServerThread:
    """This module's server also listens for HTTP (the JWKS routes)."""
    return http_server


@pytest.fixture(scope="module")
def db(server: ServerThread) -> Iterator[Engine]:
    engine = create_engine(sync_url(server.settings.database_url))
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def crypto(grpc_channel: grpc.Channel) -> crypto_pb2_grpc.CryptoServiceStub:
    return crypto_pb2_grpc.CryptoServiceStub(grpc_channel)


def _org(grpc_channel: grpc.Channel) -> str:
    keys = keys_pb2_grpc.KeyServiceStub(grpc_channel)
    name = f"org-{uuid.uuid4().hex[:10]}"
    return str(keys.CreateOrganization(keys_pb2.CreateOrganizationRequest(name=name), timeout=10).id)


def _create(crypto: crypto_pb2_grpc.CryptoServiceStub, org: str, purpose: int, algorithm: int) -> str:
    key = ck.CryptoKey(
        organization_id=org, name=f"k-{uuid.uuid4().hex[:10]}", purpose=purpose, algorithm=algorithm
    )
    return str(crypto.CreateCryptoKey(ck.CreateCryptoKeyRequest(crypto_key=key), timeout=60).id)


def _corrupt_material(db: Engine, crypto_key_id: str) -> None:
    """Flip one bit of every version's wrapped material (its AEAD tag) in place."""
    with db.begin() as conn:
        rows = conn.execute(
            text("SELECT number, wrapped_material FROM crypto_key_version WHERE crypto_key_id = :k"),
            {"k": crypto_key_id},
        ).all()
        assert rows
        for number, blob in rows:
            damaged = bytearray(bytes(blob))
            damaged[-1] ^= 0x01
            conn.execute(
                text(
                    "UPDATE crypto_key_version SET wrapped_material = :b "
                    "WHERE crypto_key_id = :k AND number = :n"
                ),
                {"b": bytes(damaged), "k": crypto_key_id, "n": number},
            )


def _forget(server: ServerThread) -> None:
    """Drop the decrypted material the server holds in memory (what a restart would do)."""
    server.container.crypto_keys.forget_all()
    server.container.tokens.forget_all()


def _no_leak(caplog: pytest.LogCaptureFixture, *secrets: bytes | str) -> None:
    for record in caplog.records:
        text_ = record.getMessage()
        assert record.exc_info is None, f"a stack trace was logged: {text_}"
        for secret in secrets:
            value = secret.decode() if isinstance(secret, bytes) else secret
            assert value not in text_


def test_altered_version_material_is_data_loss(
    server: ServerThread,
    grpc_channel: grpc.Channel,
    crypto: crypto_pb2_grpc.CryptoServiceStub,
    db: Engine,
    caplog: pytest.LogCaptureFixture,
) -> None:
    org = _org(grpc_channel)
    key_id = _create(crypto, org, ck.CRYPTO_KEY_PURPOSE_ENCRYPT_DECRYPT, ck.CRYPTO_KEY_ALGORITHM_AES_256_GCM)
    sealed = crypto.EncryptWithKey(
        ck.EncryptWithKeyRequest(crypto_key_id=key_id, plaintext=SECRET), timeout=10
    )
    _corrupt_material(db, key_id)
    _forget(server)
    caplog.set_level(logging.DEBUG)
    encrypt = ck.EncryptWithKeyRequest(crypto_key_id=key_id, plaintext=SECRET)
    lost = expect_error(lambda: crypto.EncryptWithKey(encrypt, timeout=10), DATA_LOSS, "DATA_LOSS")
    assert lost.metadata == {"resourceType": "CryptoKeyVersion", "resourceId": f"{key_id}/1"}
    assert len(lost.details) == 1 and SECRET.decode() not in lost.message
    decrypt = ck.DecryptWithKeyRequest(ciphertext=sealed.ciphertext)
    expect_error(lambda: crypto.DecryptWithKey(decrypt, timeout=10), DATA_LOSS, "DATA_LOSS")
    _no_leak(caplog, SECRET)
    assert any(f"id={key_id} version=1" in r.getMessage() for r in caplog.records)
    # keyturn-client decodes it into its typed error.
    try:
        crypto.EncryptWithKey(encrypt, timeout=10)
    except grpc.RpcError as err:
        decoded = from_rpc_error(err)
        assert isinstance(decoded, DataLossError) and decoded.resource_id == f"{key_id}/1"
    else:  # pragma: no cover - the call must fail
        raise AssertionError("EncryptWithKey succeeded with altered material")


def test_unknown_root_key_version_is_data_loss(
    server: ServerThread, grpc_channel: grpc.Channel, crypto: crypto_pb2_grpc.CryptoServiceStub, db: Engine
) -> None:
    """Material wrapped under a root-key version the server is not configured with (dropped
    from KEYTURN_ROOT_KEY too early): a signing key cannot sign."""
    org = _org(grpc_channel)
    key_id = _create(crypto, org, ck.CRYPTO_KEY_PURPOSE_ASYMMETRIC_SIGN, ck.CRYPTO_KEY_ALGORITHM_ED25519)
    with db.begin() as conn:
        conn.execute(
            text("UPDATE crypto_key_version SET root_key_version = 99 WHERE crypto_key_id = :k"),
            {"k": key_id},
        )
    _forget(server)
    sign = ck.SignRequest(crypto_key_id=key_id, data=b"claims")
    lost = expect_error(lambda: crypto.Sign(sign, timeout=10), DATA_LOSS, "DATA_LOSS")
    assert lost.metadata["resourceId"] == f"{key_id}/1"


def test_altered_token_signing_key_is_data_loss(
    server: ServerThread,
    grpc_channel: grpc.Channel,
    db: Engine,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """ExchangeKey signs with the organization's managed signing key: altered material
    answers DATA_LOSS (not INTERNAL) and no token is issued."""
    org = _org(grpc_channel)
    keys = keys_pb2_grpc.KeyServiceStub(grpc_channel)
    created = keys.CreateKey(keys_pb2.CreateKeyRequest(organization_id=org), timeout=10)
    tokens = tokens_pb2_grpc.TokenServiceStub(grpc_channel)
    exchange = tokens_pb2.ExchangeKeyRequest(plaintext=created.plaintext)
    kid = tokens.ExchangeKey(exchange, timeout=10).kid
    signing_key_id = kid.rsplit(".", 1)[0]
    _corrupt_material(db, signing_key_id)
    _forget(server)
    caplog.set_level(logging.DEBUG)
    lost = expect_error(lambda: tokens.ExchangeKey(exchange, timeout=10), DATA_LOSS, "DATA_LOSS")
    assert lost.metadata["resourceType"] == "CryptoKeyVersion"
    assert lost.metadata["resourceId"].startswith(signing_key_id + "/")
    _no_leak(caplog, created.plaintext)


def _signing_kid(grpc_channel: grpc.Channel, org: str) -> str:
    """The kid of `org`'s access-token signing key (created by its first exchange)."""
    keys = keys_pb2_grpc.KeyServiceStub(grpc_channel)
    created = keys.CreateKey(keys_pb2.CreateKeyRequest(organization_id=org), timeout=10)
    tokens = tokens_pb2_grpc.TokenServiceStub(grpc_channel)
    return str(tokens.ExchangeKey(tokens_pb2.ExchangeKeyRequest(plaintext=created.plaintext), timeout=10).kid)


def test_every_organization_jwks_leaves_out_a_damaged_version(
    server: ServerThread,
    grpc_channel: grpc.Channel,
    db: Engine,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """One organization's damaged signing key must not take `/.well-known/jwks.json` (GetJwks
    without an organization) down for every organization: the damaged version is left out
    (logged once, ids only, counted), the others are served over gRPC and HTTP, and the
    damaged organization's own GetJwks still answers DATA_LOSS."""
    damaged_org, healthy_org = _org(grpc_channel), _org(grpc_channel)
    damaged_kid = _signing_kid(grpc_channel, damaged_org)
    healthy_kid = _signing_kid(grpc_channel, healthy_org)
    tokens = tokens_pb2_grpc.TokenServiceStub(grpc_channel)
    every = tokens_pb2.GetJwksRequest()
    assert {damaged_kid, healthy_kid} <= {k.kid for k in tokens.GetJwks(every, timeout=10).keys}
    _corrupt_material(db, damaged_kid.rsplit(".", 1)[0])
    _forget(server)
    server.container.tokens.jwks_by_kid.clear()  # the public keys cached too: a restart
    skipped_before = server.container.tokens.jwks_versions_skipped
    caplog.set_level(logging.DEBUG)
    url = base_url(server)
    for _ in range(3):  # the first listing finds the damage; the later ones remember it
        listed = {k.kid for k in tokens.GetJwks(every, timeout=10).keys}
        assert healthy_kid in listed and damaged_kid not in listed
        answer = httpx.get(url + "/.well-known/jwks.json", timeout=10)
        assert answer.status_code == 200, answer.text
        served = {k["kid"] for k in answer.json()["keys"]}
        assert healthy_kid in served and damaged_kid not in served
    skipped = [r for r in caplog.records if "every-organization JWKS leaves out" in r.getMessage()]
    mine = [r for r in skipped if damaged_kid.rsplit(".", 1)[0] in r.getMessage()]
    assert len(mine) == 1, [r.getMessage() for r in skipped]
    assert f"organization_id={damaged_org}" in mine[0].getMessage()
    # Counted once per version found unreadable (other tests' damaged keys may add theirs).
    assert server.container.tokens.jwks_versions_skipped - skipped_before == len(skipped)
    from keyturn_server.api.metrics import ContainerCollector

    exposed = {m.name: m for m in ContainerCollector(server.container).collect()}
    counted = exposed["keyturn_jwks_unreadable_versions"].samples[0].value
    assert counted == server.container.tokens.jwks_versions_skipped
    # The damaged organization's own listing says what is wrong, over gRPC and HTTP.
    own = tokens_pb2.GetJwksRequest(organization_id=damaged_org)
    lost = expect_error(lambda: tokens.GetJwks(own, timeout=10), DATA_LOSS, "DATA_LOSS")
    assert lost.metadata["resourceId"].startswith(damaged_kid.rsplit(".", 1)[0] + "/")
    refused = httpx.get(url + f"/v1/organizations/{damaged_org}/jwks.json", timeout=10)
    assert refused.status_code == 500 and error_info(refused.json())["reason"] == "DATA_LOSS"
    healthy = tokens.GetJwks(tokens_pb2.GetJwksRequest(organization_id=healthy_org), timeout=10)
    assert [k.kid for k in healthy.keys] == [healthy_kid]
    _no_leak(caplog)
