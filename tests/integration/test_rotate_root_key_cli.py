"""`keyturn rotate-root-key` as a real subprocess, with rows no configured root key opens.

On SQLite and PostgreSQL: key versions and webhook secrets wrapped under root key 1 (fine)
and under root key 2 (which the first run's KEYTURN_ROOT_KEY forgets), and a key version
under root key 1 but altered in the database. The command re-wraps every row it can, names the rows it could not (table and id,
never material) on stderr with exit code 1 and no traceback; run again once the forgotten
version is configured it moves those rows too, and once the altered row is restored it
completes with exit code 0. A server knowing only the newest root key then decrypts all.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import grpc
import pytest
from keyturn.v1 import crypto_keys_pb2 as ck
from keyturn.v1 import crypto_pb2_grpc, keys_pb2, keys_pb2_grpc, webhooks_pb2, webhooks_pb2_grpc
from keyturn_server import config
from keyturn_server.store.db import sync_url
from sqlalchemy import Engine, create_engine, text

from tests.support import TEST_ROOT_KEY, TEST_SECRET, ServerThread, make_settings, with_token

KEYTURN = [sys.executable, "-m", "keyturn_server.cli"]
ROOT_1 = f"1:{TEST_ROOT_KEY}"
ROOT_2 = "2:second-root-key-" + "s" * 40
ROOT_3 = "3:third-root-key-" + "t" * 40
PLAINTEXT = b"plaintext-" + uuid.uuid4().hex.encode()


@pytest.fixture(scope="module")
def database(backend: str, new_database_url) -> str:  # type: ignore[no-untyped-def]
    return str(new_database_url(backend))


@pytest.fixture(scope="module")
def engine(database: str) -> Iterator[Engine]:
    made = create_engine(sync_url(database))
    yield made
    made.dispose()


class Running:
    """A server on `database` with the given KEYTURN_ROOT_KEY, and its CryptoService."""

    def __init__(self, database: str, tmp: Path, root_keys: str) -> None:
        settings = make_settings(database, tmp, root_keys=config.parse_root_keys(root_keys))
        self.server = ServerThread(settings).start()
        self.channel = grpc.insecure_channel(self.server.address)
        authed = with_token(self.channel, self.server.admin_token)
        self.keys = keys_pb2_grpc.KeyServiceStub(authed)
        self.crypto = crypto_pb2_grpc.CryptoServiceStub(authed)
        self.webhooks = webhooks_pb2_grpc.WebhookServiceStub(authed)

    def __enter__(self) -> Running:
        return self

    def __exit__(self, *_: object) -> None:
        self.channel.close()
        self.server.stop()

    def org(self) -> str:
        name = f"org-{uuid.uuid4().hex[:10]}"
        return str(self.keys.CreateOrganization(keys_pb2.CreateOrganizationRequest(name=name), timeout=10).id)

    def sealed_key(self, org: str) -> tuple[str, bytes]:
        """A new AES key and a ciphertext of PLAINTEXT under it."""
        key = ck.CryptoKey(
            organization_id=org,
            name=f"k-{uuid.uuid4().hex[:10]}",
            purpose=ck.CRYPTO_KEY_PURPOSE_ENCRYPT_DECRYPT,
            algorithm=ck.CRYPTO_KEY_ALGORITHM_AES_256_GCM,
        )
        key_id = str(self.crypto.CreateCryptoKey(ck.CreateCryptoKeyRequest(crypto_key=key), timeout=60).id)
        sealed = self.crypto.EncryptWithKey(
            ck.EncryptWithKeyRequest(crypto_key_id=key_id, plaintext=PLAINTEXT), timeout=10
        )
        return key_id, bytes(sealed.ciphertext)

    def webhook(self, org: str) -> str:
        """A new webhook (its signing secret is wrapped under the root key)."""
        hook = webhooks_pb2.Webhook(organization_id=org, url="https://hooks.example.com/rotate")
        created = self.webhooks.CreateWebhook(webhooks_pb2.CreateWebhookRequest(webhook=hook), timeout=10)
        return str(created.webhook.id)

    def decrypt(self, ciphertext: bytes) -> bytes:
        answer = self.crypto.DecryptWithKey(ck.DecryptWithKeyRequest(ciphertext=ciphertext), timeout=10)
        return bytes(answer.plaintext)


def _rotate(database: str, tmp: Path, root_keys: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KEYTURN_")}
    env.update(
        KEYTURN_DATABASE_URL=database,
        KEYTURN_SECRET=TEST_SECRET,
        KEYTURN_ROOT_KEY=root_keys,
        KEYTURN_DATA_DIR=str(tmp / "cli-data"),
    )
    return subprocess.run([*KEYTURN, "rotate-root-key"], env=env, capture_output=True, text=True, timeout=120)


def _wrapped(engine: Engine, key_id: str) -> tuple[int, bytes]:
    with engine.connect() as conn:
        row = conn.execute(
            text(
                "SELECT root_key_version, wrapped_material FROM crypto_key_version WHERE crypto_key_id = :k"
            ),
            {"k": key_id},
        ).one()
    return int(row[0]), bytes(row[1])


def _webhook_root_version(engine: Engine, webhook_id: str) -> int:
    with engine.connect() as conn:
        return int(
            conn.execute(
                text("SELECT secret_root_key_version FROM webhook WHERE id = :w"), {"w": webhook_id}
            ).scalar_one()
        )


def _set_material(engine: Engine, key_id: str, blob: bytes) -> None:
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE crypto_key_version SET wrapped_material = :b WHERE crypto_key_id = :k"),
            {"b": blob, "k": key_id},
        )


def test_rotation_finishes_what_it_can_names_the_rest_and_completes_once_fixed(
    database: str, engine: Engine, tmp_path: Path
) -> None:
    with Running(database, tmp_path / "one", ROOT_1) as first:
        org = first.org()
        fine_id, fine_sealed = first.sealed_key(org)
        altered_id, altered_sealed = first.sealed_key(org)
        fine_hook = first.webhook(org)
    with Running(database, tmp_path / "two", f"{ROOT_2},{ROOT_1}") as second:
        forgotten_id, forgotten_sealed = second.sealed_key(org)
        forgotten_hook = second.webhook(org)
    assert _wrapped(engine, fine_id)[0] == 1 and _wrapped(engine, forgotten_id)[0] == 2
    good_blob = _wrapped(engine, altered_id)[1]
    damaged = bytearray(good_blob)
    damaged[-1] ^= 0x01
    _set_material(engine, altered_id, bytes(damaged))

    # Root key 2 forgotten, and one altered row: everything else is done, those two named.
    run = _rotate(database, tmp_path, f"{ROOT_3},{ROOT_1}")
    assert run.returncode == 1, run.stdout + run.stderr
    assert "Traceback" not in run.stderr and "Traceback" not in run.stdout
    assert "re-wrapped 1 key versions" in run.stdout and "and 1 webhook signing secrets" in run.stdout
    assert "3 rows could not be re-wrapped" in run.stderr
    named = {line.strip() for line in run.stderr.splitlines() if line.startswith("  ")}
    assert named == {
        f"crypto_key_version {forgotten_id}/1",
        f"crypto_key_version {altered_id}/1",
        f"webhook {forgotten_hook}",
    }
    assert PLAINTEXT.decode() not in run.stdout + run.stderr
    assert good_blob.hex() not in run.stderr and bytes(damaged).hex() not in run.stderr
    assert _wrapped(engine, fine_id)[0] == 3 and _webhook_root_version(engine, fine_hook) == 3
    assert _wrapped(engine, forgotten_id)[0] == 2 and _wrapped(engine, altered_id) == (1, bytes(damaged))
    assert _webhook_root_version(engine, forgotten_hook) == 2

    # The configuration fixed (root key 2 back): that row moves; the altered one is still named.
    run = _rotate(database, tmp_path, f"{ROOT_3},{ROOT_2},{ROOT_1}")
    assert run.returncode == 1, run.stdout + run.stderr
    assert "re-wrapped 1 key versions" in run.stdout and "and 1 webhook signing secrets" in run.stdout
    assert "Traceback" not in run.stderr
    named = {line.strip() for line in run.stderr.splitlines() if line.startswith("  ")}
    assert named == {f"crypto_key_version {altered_id}/1"}
    assert _wrapped(engine, forgotten_id)[0] == 3 and _webhook_root_version(engine, forgotten_hook) == 3

    # The altered row restored (from a backup): the rotation completes.
    _set_material(engine, altered_id, good_blob)
    run = _rotate(database, tmp_path, f"{ROOT_3},{ROOT_2},{ROOT_1}")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "re-wrapped 1 key versions" in run.stdout
    assert "no material is left under older versions" in run.stdout and run.stderr.strip() == ""
    again = _rotate(database, tmp_path, f"{ROOT_3},{ROOT_2},{ROOT_1}")
    assert again.returncode == 0 and "re-wrapped 0 key versions" in again.stdout

    # Only the newest root key is needed now.
    with Running(database, tmp_path / "three", ROOT_3) as last:
        for sealed in (fine_sealed, forgotten_sealed, altered_sealed):
            assert last.decrypt(sealed) == PLAINTEXT
