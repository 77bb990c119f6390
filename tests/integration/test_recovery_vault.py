"""The recoverable-keys vault (usecases/key_rotation.py) is found by its reserved name alone,
on SQLite and PostgreSQL: no caller can create a CryptoKey under that name, and a vault key
whose `keyturn-reserved` label is missing (or still there, as on every key Keyturn created)
keeps sealing and revealing."""

from __future__ import annotations

import json
from collections.abc import Iterator

import grpc
import pytest
from keyturn.v1 import crypto_keys_pb2 as ck
from keyturn.v1 import crypto_pb2_grpc, keys_pb2, keys_pb2_grpc
from keyturn_server.store.db import sync_url
from keyturn_server.usecases.key_rotation import RECOVERY_KEY_NAME, RESERVED_LABEL
from sqlalchemy import Engine, create_engine, text

from tests.integration.test_keys_manage import tenant
from tests.integration.test_reveal_key import principal, recoverable
from tests.support import ServerThread, expect_error


@pytest.fixture(scope="module")
def stub(grpc_channel: grpc.Channel) -> keys_pb2_grpc.KeyServiceStub:
    return keys_pb2_grpc.KeyServiceStub(grpc_channel)


@pytest.fixture(scope="module")
def db(server: ServerThread) -> Iterator[Engine]:
    engine = create_engine(sync_url(server.settings.database_url))
    yield engine
    engine.dispose()


def test_no_caller_can_create_a_key_under_the_vault_name(
    stub: keys_pb2_grpc.KeyServiceStub, grpc_channel: grpc.Channel
) -> None:
    t = tenant(stub)
    crypto = crypto_pb2_grpc.CryptoServiceStub(grpc_channel)
    decoded = expect_error(
        lambda: crypto.CreateCryptoKey(
            ck.CreateCryptoKeyRequest(
                crypto_key=ck.CryptoKey(
                    organization_id=t.org.id,
                    name=RECOVERY_KEY_NAME,
                    purpose=ck.CRYPTO_KEY_PURPOSE_ENCRYPT_DECRYPT,
                    algorithm=ck.CRYPTO_KEY_ALGORITHM_AES_256_GCM,
                )
            ),
            timeout=10,
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
        "INVALID_ARGUMENT",
    )
    assert "crypto_key.name" in decoded.field_violations


def test_the_vault_is_found_by_name_with_or_without_its_label(
    stub: keys_pb2_grpc.KeyServiceStub, server: ServerThread, grpc_channel: grpc.Channel, db: Engine
) -> None:
    t = tenant(stub)
    labelled = recoverable(stub, t)  # creates the vault, labelled as it always was
    vault = "SELECT labels FROM crypto_key WHERE organization_id = :o AND name = :n"
    with db.begin() as conn:
        labels = conn.execute(text(vault), {"o": t.org.id, "n": RECOVERY_KEY_NAME}).scalar_one()
        assert RESERVED_LABEL in (labels if isinstance(labels, dict) else json.loads(labels))
        conn.execute(
            text("UPDATE crypto_key SET labels = '{}' WHERE organization_id = :o AND name = :n"),
            {"o": t.org.id, "n": RECOVERY_KEY_NAME},
        )
    unlabelled = recoverable(stub, t)  # sealed under the same vault key, label or not
    assert unlabelled.key.recoverable
    _, revealer = principal(server, grpc_channel, "KEY_REVEALER", t.org.id)
    reveal = keys_pb2_grpc.KeyServiceStub(revealer).RevealKey
    for created in (labelled, unlabelled):
        assert reveal(keys_pb2.RevealKeyRequest(id=created.key.id), timeout=10).plaintext == created.plaintext
    with db.connect() as conn:
        count = conn.execute(
            text("SELECT count(*) FROM crypto_key WHERE organization_id = :o"), {"o": t.org.id}
        ).scalar_one()
    assert count == 1  # no second vault key
