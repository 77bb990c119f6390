"""Recoverable keys and RevealKey: the plaintext sealed under the organization's reserved
managed key (bound to the key id), its own permission (KEY_REVEALER; not KEY_MANAGER), the
per-caller rate limit, the audit record, and a database dump after a full flow that holds no
plaintext key."""

from __future__ import annotations

import json
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import grpc
import pytest
from google.protobuf import duration_pb2
from google.rpc import error_details_pb2
from keyturn.v1 import (
    access_pb2,
    access_pb2_grpc,
    crypto_keys_pb2,
    crypto_pb2_grpc,
    keys_pb2,
    keys_pb2_grpc,
    rotation_pb2,
)
from keyturn_server.store.db import sync_url
from keyturn_server.usecases.key_rotation import RECOVERY_KEY_NAME, RESERVED_LABEL
from sqlalchemy import Engine, create_engine, inspect, text

from tests.integration.test_keys_manage import Tenant, tenant
from tests.support import ServerThread, expect_error, make_settings, with_token

REVEAL_LIMIT = 30
HOUR = timedelta(hours=1)


@pytest.fixture(scope="module")
def server(
    backend: str, new_database_url, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServerThread]:  # type: ignore[no-untyped-def]
    url = new_database_url(backend)
    settings = make_settings(
        url,
        tmp_path_factory.mktemp("data"),
        reveal_rate_limit_per_minute=REVEAL_LIMIT,
        http_listen="127.0.0.1:0",
    )
    running = ServerThread(settings).start()
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="module")
def stub(grpc_channel: grpc.Channel) -> keys_pb2_grpc.KeyServiceStub:
    return keys_pb2_grpc.KeyServiceStub(grpc_channel)


@pytest.fixture(scope="module")
def db(server: ServerThread) -> Iterator[Engine]:
    engine = create_engine(sync_url(server.settings.database_url))
    yield engine
    engine.dispose()


def principal(
    server: ServerThread, grpc_channel: grpc.Channel, role: str, org: str
) -> tuple[str, grpc.Channel]:
    """(principal id, a channel with its token) of a new principal with one binding."""
    access = access_pb2_grpc.AccessServiceStub(grpc_channel)
    created = access.CreatePrincipal(
        access_pb2.CreatePrincipalRequest(
            principal=access_pb2.Principal(
                name=f"{role.lower()}-{datetime.now(UTC).timestamp()}",
                roles=[
                    access_pb2.RoleBinding(role=access_pb2.Role.Value(f"ROLE_{role}"), organization_id=org)
                ],
            )
        )
    )
    token = access.CreatePrincipalToken(
        access_pb2.CreatePrincipalTokenRequest(principal_id=created.id)
    ).plaintext
    return created.id, with_token(grpc.insecure_channel(server.address), token)


def recoverable(
    stub: keys_pb2_grpc.KeyServiceStub, t: Tenant, **fields: object
) -> keys_pb2.CreateKeyResponse:
    request = keys_pb2.CreateKeyRequest(
        organization_id=t.org.id,
        project_id=t.project.id,
        recoverable=True,
        **fields,  # type: ignore[arg-type]
    )
    return stub.CreateKey(request)  # type: ignore[no-any-return]


def test_reveal_returns_the_plaintext_and_is_audited(
    stub: keys_pb2_grpc.KeyServiceStub, server: ServerThread, grpc_channel: grpc.Channel, db: Engine
) -> None:
    t = tenant(stub)
    created = recoverable(stub, t)
    assert created.key.recoverable
    revealer_id, revealer = principal(server, grpc_channel, "KEY_REVEALER", t.org.id)
    answer = keys_pb2_grpc.KeyServiceStub(revealer).RevealKey(keys_pb2.RevealKeyRequest(id=created.key.id))
    assert answer.plaintext == created.plaintext
    assert answer.key.id == created.key.id
    with db.connect() as conn:
        actors = (
            conn.execute(
                text("SELECT actor FROM audit_event WHERE action = 'key.reveal' AND resource_id = :k"),
                {"k": created.key.id},
            )
            .scalars()
            .all()
        )
        vault = conn.execute(
            text("SELECT name, purpose, labels FROM crypto_key WHERE organization_id = :o"), {"o": t.org.id}
        ).all()
    assert actors == [revealer_id]
    # One reserved ENCRYPT_DECRYPT managed key per organization holds the recoverable keys.
    assert len(vault) == 1 and vault[0][0] == RECOVERY_KEY_NAME and vault[0][1] == "ENCRYPT_DECRYPT"
    labels = vault[0][2] if isinstance(vault[0][2], dict) else json.loads(vault[0][2])
    assert RESERVED_LABEL in labels


def test_permissions(
    stub: keys_pb2_grpc.KeyServiceStub, server: ServerThread, grpc_channel: grpc.Channel
) -> None:
    a, b = tenant(stub), tenant(stub)
    key_a = recoverable(stub, a).key.id
    key_b = recoverable(stub, b).key.id
    _, manager = principal(server, grpc_channel, "KEY_MANAGER", a.org.id)
    _, org_admin = principal(server, grpc_channel, "ORG_ADMIN", a.org.id)
    _, revealer = principal(server, grpc_channel, "KEY_REVEALER", a.org.id)
    for channel in (manager, org_admin):
        expect_error(
            lambda ch=channel: keys_pb2_grpc.KeyServiceStub(ch).RevealKey(
                keys_pb2.RevealKeyRequest(id=key_a)
            ),
            grpc.StatusCode.PERMISSION_DENIED,
            "CALLER_FORBIDDEN",
        )
    revealing = keys_pb2_grpc.KeyServiceStub(revealer)
    assert revealing.RevealKey(keys_pb2.RevealKeyRequest(id=key_a)).plaintext
    # Only in its organization: another organization's key does not exist for it.
    expect_error(
        lambda: revealing.RevealKey(keys_pb2.RevealKeyRequest(id=key_b)),
        grpc.StatusCode.NOT_FOUND,
        "NOT_FOUND",
    )
    # A revealer manages nothing.
    expect_error(
        lambda: revealing.CreateKey(keys_pb2.CreateKeyRequest(organization_id=a.org.id)),
        grpc.StatusCode.PERMISSION_DENIED,
        "CALLER_FORBIDDEN",
    )


def test_not_recoverable_revoked_and_bad_input(stub: keys_pb2_grpc.KeyServiceStub) -> None:
    t = tenant(stub)
    plain = stub.CreateKey(keys_pb2.CreateKeyRequest(organization_id=t.org.id)).key
    assert not plain.recoverable
    decoded = expect_error(
        lambda: stub.RevealKey(keys_pb2.RevealKeyRequest(id=plain.id)),
        grpc.StatusCode.FAILED_PRECONDITION,
        "KEY_NOT_RECOVERABLE",
    )
    assert decoded.metadata["keyId"] == plain.id
    revoked = recoverable(stub, t).key.id
    stub.RevokeKey(keys_pb2.RevokeKeyRequest(id=revoked))
    expect_error(
        lambda: stub.RevealKey(keys_pb2.RevealKeyRequest(id=revoked)),
        grpc.StatusCode.FAILED_PRECONDITION,
        "FAILED_PRECONDITION",
    )
    decoded = expect_error(
        lambda: stub.RevealKey(keys_pb2.RevealKeyRequest(id="not-a-uuid")),
        grpc.StatusCode.INVALID_ARGUMENT,
        "INVALID_ARGUMENT",
    )
    assert "id" in decoded.field_violations
    expect_error(
        lambda: stub.RevealKey(keys_pb2.RevealKeyRequest(id="00000000-0000-4000-8000-000000000000")),
        grpc.StatusCode.NOT_FOUND,
        "NOT_FOUND",
    )


def test_ciphertext_is_bound_to_its_key(stub: keys_pb2_grpc.KeyServiceStub, db: Engine) -> None:
    t = tenant(stub)
    first = recoverable(stub, t)
    second = recoverable(stub, t).key.id
    with db.begin() as conn:
        conn.execute(
            text(
                "UPDATE api_key SET recovery_ciphertext = "
                "(SELECT recovery_ciphertext FROM api_key WHERE id = :a) WHERE id = :b"
            ),
            {"a": first.key.id, "b": second},
        )
    # The copied ciphertext does not open under the other key's id: no plaintext comes out.
    lost = expect_error(
        lambda: stub.RevealKey(keys_pb2.RevealKeyRequest(id=second)), grpc.StatusCode.DATA_LOSS, "DATA_LOSS"
    )
    assert lost.metadata == {"resourceType": "ApiKey", "resourceId": second}


def _reveal_audits(db: Engine, key_id: str) -> list[tuple[str, str]]:
    with db.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT outcome, reason FROM audit_event WHERE action = 'key.reveal' AND resource_id = :k "
                "ORDER BY sequence"
            ),
            {"k": key_id},
        ).all()
    return [(str(outcome), str(reason)) for outcome, reason in rows]


def _flip_byte(db: Engine, select_sql: str, update_sql: str, params: dict[str, str]) -> None:
    """Corrupt one stored blob in place (one bit of its last byte: the AEAD tag)."""
    with db.begin() as conn:
        (blob,) = conn.execute(text(select_sql), params).one()
        damaged = bytearray(bytes(blob))
        damaged[-1] ^= 0x01
        conn.execute(text(update_sql), {**params, "blob": bytes(damaged)})


def test_corrupted_ciphertext_is_data_loss_and_audited(
    stub: keys_pb2_grpc.KeyServiceStub,
    server: ServerThread,
    grpc_channel: grpc.Channel,
    db: Engine,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A recoverable key whose stored ciphertext was altered answers DATA_LOSS with one
    ErrorInfo naming the key (no INTERNAL, no stack trace, no plaintext or ciphertext in the
    answer or the log), and the failed reveal is audited with its actor."""
    t = tenant(stub)
    created = recoverable(stub, t)
    revealer_id, revealer = principal(server, grpc_channel, "KEY_REVEALER", t.org.id)
    reveal = keys_pb2_grpc.KeyServiceStub(revealer).RevealKey
    assert reveal(keys_pb2.RevealKeyRequest(id=created.key.id)).plaintext == created.plaintext
    _flip_byte(
        db,
        "SELECT recovery_ciphertext FROM api_key WHERE id = :k",
        "UPDATE api_key SET recovery_ciphertext = :blob WHERE id = :k",
        {"k": created.key.id},
    )
    caplog.set_level("DEBUG")
    lost = expect_error(
        lambda: reveal(keys_pb2.RevealKeyRequest(id=created.key.id)), grpc.StatusCode.DATA_LOSS, "DATA_LOSS"
    )
    assert lost.metadata == {"resourceType": "ApiKey", "resourceId": created.key.id}
    assert created.plaintext not in lost.message and "Traceback" not in lost.message
    assert len(lost.details) == 1  # the ErrorInfo alone
    assert _reveal_audits(db, created.key.id) == [("SUCCESS", ""), ("FAILURE", "DATA_LOSS")]
    with db.connect() as conn:
        actors = (
            conn.execute(
                text("SELECT actor FROM audit_event WHERE action = 'key.reveal' AND resource_id = :k"),
                {"k": created.key.id},
            )
            .scalars()
            .all()
        )
    assert set(actors) == {revealer_id}
    logged = "\n".join(r.getMessage() + (r.exc_text or "") for r in caplog.records)
    assert f"ciphertext does not open (key_id={created.key.id})" in logged
    assert created.plaintext not in logged and "Traceback" not in logged
    assert not any(r.exc_info for r in caplog.records if created.key.id in r.getMessage())


def test_unwrappable_recovery_key_material_is_data_loss(
    stub: keys_pb2_grpc.KeyServiceStub, server: ServerThread, db: Engine
) -> None:
    """The organization's reserved recovery key's wrapped material altered, or wrapped under a
    root-key version the server no longer has (a dropped KEYTURN_ROOT_KEY version): RevealKey
    answers DATA_LOSS, audited."""
    t = tenant(stub)
    first, second = recoverable(stub, t), recoverable(stub, t)
    with db.connect() as conn:
        (vault_id,) = conn.execute(
            text("SELECT id FROM crypto_key WHERE organization_id = :o AND name = :n"),
            {"o": t.org.id, "n": RECOVERY_KEY_NAME},
        ).one()
        (original,) = conn.execute(
            text("SELECT wrapped_material FROM crypto_key_version WHERE crypto_key_id = :k"), {"k": vault_id}
        ).one()
    _flip_byte(
        db,
        "SELECT wrapped_material FROM crypto_key_version WHERE crypto_key_id = :k",
        "UPDATE crypto_key_version SET wrapped_material = :blob WHERE crypto_key_id = :k",
        {"k": vault_id},
    )
    server.container.crypto_keys.forget_all()  # the decrypted material is cached in memory
    expect_error(
        lambda: stub.RevealKey(keys_pb2.RevealKeyRequest(id=first.key.id)),
        grpc.StatusCode.DATA_LOSS,
        "DATA_LOSS",
    )
    assert _reveal_audits(db, first.key.id) == [("FAILURE", "DATA_LOSS")]

    with db.begin() as conn:
        conn.execute(
            text(
                "UPDATE crypto_key_version SET wrapped_material = :blob, root_key_version = 99 "
                "WHERE crypto_key_id = :k"
            ),
            {"k": vault_id, "blob": bytes(original)},
        )
    server.container.crypto_keys.forget_all()
    expect_error(
        lambda: stub.RevealKey(keys_pb2.RevealKeyRequest(id=second.key.id)),
        grpc.StatusCode.DATA_LOSS,
        "DATA_LOSS",
    )
    assert _reveal_audits(db, second.key.id) == [("FAILURE", "DATA_LOSS")]


def test_recovery_key_is_closed_to_callers(
    stub: keys_pb2_grpc.KeyServiceStub, grpc_channel: grpc.Channel, db: Engine
) -> None:
    """Even an ADMIN holding a recoverable key's ciphertext cannot open it through
    CryptoService, nor encrypt with the reserved key, nor create a key under its name."""
    t = tenant(stub)
    created = recoverable(stub, t)
    with db.connect() as conn:
        (ciphertext,) = conn.execute(
            text("SELECT recovery_ciphertext FROM api_key WHERE id = :k"), {"k": created.key.id}
        ).one()
        (vault_id,) = conn.execute(
            text("SELECT id FROM crypto_key WHERE organization_id = :o AND name = :n"),
            {"o": t.org.id, "n": RECOVERY_KEY_NAME},
        ).one()
    crypto = crypto_pb2_grpc.CryptoServiceStub(grpc_channel)
    decrypt = crypto_keys_pb2.DecryptWithKeyRequest(
        ciphertext=bytes(ciphertext), associated_data=created.key.id.encode()
    )
    expect_error(
        lambda: crypto.DecryptWithKey(decrypt), grpc.StatusCode.FAILED_PRECONDITION, "FAILED_PRECONDITION"
    )
    encrypt = crypto_keys_pb2.EncryptWithKeyRequest(crypto_key_id=vault_id, plaintext=b"x")
    expect_error(
        lambda: crypto.EncryptWithKey(encrypt), grpc.StatusCode.FAILED_PRECONDITION, "FAILED_PRECONDITION"
    )
    lookalike = crypto_keys_pb2.CreateCryptoKeyRequest(
        crypto_key=crypto_keys_pb2.CryptoKey(
            organization_id=t.org.id,
            name=RECOVERY_KEY_NAME,
            purpose=crypto_keys_pb2.CRYPTO_KEY_PURPOSE_ENCRYPT_DECRYPT,
        ),
    )
    expect_error(
        lambda: crypto.CreateCryptoKey(lookalike), grpc.StatusCode.INVALID_ARGUMENT, "INVALID_ARGUMENT"
    )


def test_reveal_rate_limit_per_caller(
    stub: keys_pb2_grpc.KeyServiceStub, server: ServerThread, grpc_channel: grpc.Channel
) -> None:
    t = tenant(stub)
    key = recoverable(stub, t).key.id
    _, first = principal(server, grpc_channel, "KEY_REVEALER", t.org.id)
    _, second = principal(server, grpc_channel, "KEY_REVEALER", t.org.id)
    reveal = keys_pb2_grpc.KeyServiceStub(first).RevealKey
    # Start early in a minute, so the window does not roll over mid-test.
    if datetime.now(UTC).second > 50:
        import time

        time.sleep(61 - datetime.now(UTC).second)
    with ThreadPoolExecutor(8) as pool:
        outcomes = list(
            pool.map(
                lambda _: _outcome(lambda: reveal(keys_pb2.RevealKeyRequest(id=key))), range(REVEAL_LIMIT + 3)
            )
        )
    assert outcomes.count("OK") == REVEAL_LIMIT
    assert outcomes.count("RATE_LIMITED") == 3
    decoded = expect_error(
        lambda: reveal(keys_pb2.RevealKeyRequest(id=key)), grpc.StatusCode.RESOURCE_EXHAUSTED, "RATE_LIMITED"
    )
    retry = decoded.detail(error_details_pb2.RetryInfo)
    assert 0 <= retry.retry_delay.seconds <= 60
    # Per caller: another revealer still has its own quota.
    assert keys_pb2_grpc.KeyServiceStub(second).RevealKey(keys_pb2.RevealKeyRequest(id=key)).plaintext


def _outcome(call: object) -> str:
    try:
        call()  # type: ignore[operator]
        return "OK"
    except grpc.RpcError as err:
        from tests.support import decode_error

        return decode_error(err).reason


def test_recovery_key_is_created_once_per_organization(
    stub: keys_pb2_grpc.KeyServiceStub, db: Engine
) -> None:
    t = tenant(stub)
    with ThreadPoolExecutor(4) as pool:
        made = list(pool.map(lambda _: recoverable(stub, t).key.id, range(4)))
    assert len(set(made)) == 4
    with db.connect() as conn:
        count = conn.execute(
            text("SELECT count(*) FROM crypto_key WHERE organization_id = :o AND name = :n"),
            {"o": t.org.id, "n": RECOVERY_KEY_NAME},
        ).scalar_one()
    assert count == 1
    for key_id in made:
        assert stub.RevealKey(keys_pb2.RevealKeyRequest(id=key_id)).plaintext


def test_database_dump_holds_no_plaintext(
    stub: keys_pb2_grpc.KeyServiceStub, server: ServerThread, db: Engine
) -> None:
    """Create recoverable, reveal, rotate automatically, reveal; then every column of every
    table, as text (and bytes), must not contain any of the plaintexts or their secret part."""
    t = tenant(stub)
    rotation = rotation_pb2.KeyRotationPolicy(mode=rotation_pb2.ROTATION_MODE_AUTOMATIC)
    rotation.rotation_period.FromTimedelta(2 * HOUR)
    created = recoverable(stub, t, rotation=rotation, ttl=duration_pb2.Duration(seconds=86_400))
    plaintexts = [created.plaintext]
    assert stub.RevealKey(keys_pb2.RevealKeyRequest(id=created.key.id)).plaintext == created.plaintext
    c = server.container
    server.call(c.key_rotation.run_due(c.keys, c.key_events, datetime.now(UTC) + 3 * HOUR))
    successor = stub.GetKey(keys_pb2.GetKeyRequest(id=created.key.id)).replaced_by_key_id
    assert successor
    revealed = stub.RevealKey(keys_pb2.RevealKeyRequest(id=successor)).plaintext
    assert revealed and revealed != created.plaintext
    plaintexts.append(revealed)
    manual = stub.RotateKey(keys_pb2.RotateKeyRequest(id=successor))
    plaintexts.append(manual.plaintext)
    assert stub.RevealKey(keys_pb2.RevealKeyRequest(id=manual.key.id)).plaintext == manual.plaintext

    needles: list[str] = []
    for plaintext in plaintexts:
        body = plaintext.rsplit("_", 1)[-1]
        needles += [plaintext, body[4:]]  # `start` keeps the prefix and 4 body characters
    with db.connect() as conn:
        tables = inspect(conn).get_table_names()
        assert "api_key" in tables and "reveal_counter" in tables
        for table in tables:
            for row in conn.execute(text(f'SELECT * FROM "{table}"')):
                for value in row:
                    if value is None:
                        continue
                    raw = bytes(value) if isinstance(value, bytes | memoryview) else str(value).encode()
                    for needle in needles:
                        assert needle.encode() not in raw, f"a plaintext key in table {table}"


def test_python_client_facade(server: ServerThread, stub: keys_pb2_grpc.KeyServiceStub) -> None:
    """create_key(rotation=..., recoverable=...), update_key(rotation=...), list_keys(
    next_rotation_before=...) and reveal_key, sync and async."""
    import asyncio

    from keyturn.client import AsyncClient, Client, KeyNotRecoverableError, Role, RoleBinding

    t = tenant(stub)
    rotation = rotation_pb2.KeyRotationPolicy(mode=rotation_pb2.ROTATION_MODE_AUTOMATIC)
    rotation.rotation_period.FromTimedelta(2 * HOUR)
    with Client(server.address, token=server.admin_token) as client:
        created = client.create_key(t.org.id, rotation=rotation, recoverable=True)
        assert created.key.recoverable and created.key.rotation.mode == rotation_pb2.ROTATION_MODE_AUTOMATIC
        assert client.reveal_key(created.key.id).plaintext == created.plaintext
        due_soon = list(
            client.list_keys(organization_id=t.org.id, next_rotation_before=datetime.now(UTC) + 3 * HOUR)
        )
        assert [k.id for k in due_soon] == [created.key.id]
        cleared = client.update_key(created.key.id, rotation=None)
        assert not cleared.HasField("rotation")
        plain = client.create_key(t.org.id, recoverable=False)
        with pytest.raises(KeyNotRecoverableError):
            client.reveal_key(plain.key.id)
        revealer = client.create_principal(
            f"revealer-{created.key.id[:8]}", roles=[RoleBinding(Role.KEY_REVEALER, organization_id=t.org.id)]
        )
        token = client.create_principal_token(revealer.id).plaintext
    with Client(server.address, token=token) as as_revealer:
        assert as_revealer.reveal_key(created.key.id).plaintext == created.plaintext

    async def run() -> bool:
        async with AsyncClient(server.address, token=server.admin_token) as client:
            made = await client.create_key(t.org.id, recoverable=True)
            return ((await client.reveal_key(made.key.id)).plaintext == made.plaintext and "ok") or "mismatch"

    assert asyncio.run(run())


def test_rest_create_and_reveal(server: ServerThread, stub: keys_pb2_grpc.KeyServiceStub) -> None:
    """The REST edge: POST /v1/keys with rotation and recoverable, POST /v1/keys/{id}:reveal."""
    import httpx

    from tests.http_support import base_url, error_info

    t = tenant(stub)
    headers = {"Authorization": f"Bearer {server.admin_token}"}
    with httpx.Client(base_url=base_url(server), headers=headers, timeout=30) as rest:
        made = rest.post(
            "/v1/keys",
            json={
                "organizationId": t.org.id,
                "recoverable": True,
                "rotation": {
                    "mode": "ROTATION_MODE_REMIND",
                    "rotationPeriod": "7200s",
                    "gracePeriod": "600s",
                },
            },
        )
        assert made.status_code == 200, made.text
        key = made.json()["key"]
        assert key["recoverable"] is True and key["rotation"]["mode"] == "ROTATION_MODE_REMIND"
        assert key["next_rotation_time"]
        revealed = rest.post(f"/v1/keys/{key['id']}:reveal", json={})
        assert revealed.status_code == 200, revealed.text
        assert revealed.json()["plaintext"] == made.json()["plaintext"]
        plain = rest.post("/v1/keys", json={"organizationId": t.org.id}).json()["key"]
        refused = rest.post(f"/v1/keys/{plain['id']}:reveal", json={})
        assert refused.status_code == 400
        assert error_info(refused.json())["reason"] == "KEY_NOT_RECOVERABLE"


def test_documented_grpcurl_session(
    server: ServerThread, stub: keys_pb2_grpc.KeyServiceStub, backend: str, tmp_path: object
) -> None:
    """The `sh` blocks of docs/key-rotation.md, run with the bundled grpcurl."""
    import os
    import re
    import subprocess
    from pathlib import Path

    from tests.integration.test_grpcurl import grpcurl_binary

    if backend != "sqlite":
        pytest.skip("the documented session runs once, on SQLite")
    doc = Path(__file__).resolve().parents[2] / "docs" / "key-rotation.md"
    script = "\n".join(re.findall(r"```sh\n(.*?)```", doc.read_text(), re.S))
    t = tenant(stub)
    binary = grpcurl_binary()
    env = {
        **os.environ,
        "TMPDIR": str(tmp_path),
        "PATH": f"{binary.parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "KEYTURN_ADDR": server.address,
        "KEYTURN_TOKEN": server.admin_token,
        "ORG_ID": t.org.id,
    }
    run = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script], env=env, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stdout + run.stderr
    listed = stub.ListKeys(keys_pb2.ListKeysRequest(organization_id=t.org.id)).keys
    assert len(listed) == 1 and listed[0].recoverable
    assert not listed[0].HasField("rotation")  # the session ends by clearing the policy
    assert re.search(r'"plaintext": "kt_live_[A-Za-z0-9]+"', run.stdout)
    assert '"ROTATION_MODE_REMIND"' in run.stdout and listed[0].id in run.stdout
