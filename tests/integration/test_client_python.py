"""keyturn-client (clients/python) against a real Keyturn server: every wrapper method, the
typed errors, pagers, retries, TLS, the grpc.aio interceptor, the FastAPI dependency and the
examples under clients/python/examples.
"""

from __future__ import annotations

import asyncio
import importlib.util
import os
import re
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import ModuleType
from typing import Any

import grpc
import pytest
from google.rpc import error_details_pb2
from keyturn.client import (
    AlreadyExistsError,
    APIKeyError,
    AsyncClient,
    CallerForbiddenError,
    CallerUnauthenticatedError,
    Client,
    DecryptionError,
    EllipticCurve,
    ExpiredKeyError,
    InsufficientScopeError,
    InvalidArgumentError,
    InvalidKeyError,
    IpNotAllowedError,
    KeyMetadata,
    KeyPairAlgorithm,
    KeyStatus,
    NotFoundError,
    QuotaError,
    RateLimit,
    RateLimitWindow,
    RetryPolicy,
    RevokedKeyError,
    Role,
    RoleBinding,
    TokenType,
    UnavailableError,
    WrongProductError,
    from_rpc_error,
)
from keyturn.client.interceptor import client_ip_from_peer
from keyturn.v1 import keys_pb2

from tests.support import ServerThread, bootstrap_admin, free_port, make_settings

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "clients" / "python" / "examples"


@pytest.fixture(scope="module")
def backend() -> str:
    return "sqlite"


@pytest.fixture(scope="module")
def token(server: ServerThread) -> str | None:
    """The bearer token of an ADMIN principal bootstrapped into the test server."""
    return getattr(server, "admin_token", "") or None


@pytest.fixture(scope="module")
def client(server: ServerThread, token: str | None) -> Iterator[Client]:
    with Client(server.address, token=token) as keyturn:
        yield keyturn


def unique(label: str) -> str:
    return f"{label}-{uuid.uuid4().hex[:8]}"


@pytest.fixture(scope="module")
def tenant(client: Client) -> dict[str, Any]:
    org, _ = client.get_or_create_organization(unique("client-org"))
    product, _ = client.get_or_create_product(org.id, "api")
    project, _ = client.get_or_create_project(org.id, "v1")
    client.add_product_to_project(product.id, project.id)
    return {"org": org, "product": product, "project": project}


def example_env(server: ServerThread, token: str | None) -> dict[str, str]:
    env = {**os.environ, "KEYTURN_ADDR": server.address, "PYTHONPATH": str(ROOT)}
    if token:
        env["KEYTURN_TOKEN"] = token
    return env


# -- tenants ---------------------------------------------------------------------------------


def test_get_or_create_is_idempotent_and_create_collides(client: Client) -> None:
    name = unique("acme")
    org, created = client.get_or_create_organization(name)
    again, created_again = client.get_or_create_organization(name)
    assert (created, created_again) == (True, False)
    assert again.id == org.id and org.name == name
    assert client.get_organization(org.id).name == name

    with pytest.raises(AlreadyExistsError) as info:
        client.create_organization(name)
    assert info.value.existing_id == org.id
    assert info.value.reason == "ALREADY_EXISTS"
    assert info.value.code == grpc.StatusCode.ALREADY_EXISTS
    assert isinstance(info.value.grpc_error, grpc.RpcError)
    assert isinstance(info.value.__cause__, grpc.RpcError)

    project = client.create_project(org.id, "mobile")
    product = client.create_product(org.id, "search")
    with pytest.raises(AlreadyExistsError) as info:
        client.create_project(org.id, "mobile")
    assert info.value.existing_id == project.id
    assert client.get_project(project.id).name == "mobile"
    assert client.get_product(product.id).name == "search"
    (p2, created) = client.get_or_create_project(org.id, "mobile")
    assert (p2.id, created) == (project.id, False)
    (pr2, created) = client.get_or_create_product(org.id, "search")
    assert (pr2.id, created) == (product.id, False)

    linked, created = client.add_product_to_project(product.id, project.id)
    assert created and product.id in linked.product_ids
    _, created = client.add_product_to_project(product.id, project.id)
    assert not created

    assert [p.id for p in client.list_projects(org.id)] == [project.id]
    assert [p.id for p in client.list_products(org.id, project_id=project.id)] == [product.id]
    assert org.id in {o.id for o in client.list_organizations(page_size=1)}


# -- keys ------------------------------------------------------------------------------------


def test_create_and_validate_key(client: Client, tenant: dict[str, Any]) -> None:
    org, product, project = tenant["org"], tenant["product"], tenant["project"]
    result = client.create_key(
        org.id,
        project_id=project.id,
        product_id=product.id,
        metadata=KeyMetadata(
            name="Alice's key",
            scopes=["read", "write"],
            rate_limit=RateLimit(requests=1000, window=RateLimitWindow.minute),
            custom={"user_id": "u_alice", "plan": "pro"},
        ),
        ttl=timedelta(days=1),
        allowed_cidrs=["127.0.0.0/8"],
    )
    assert result.plaintext.startswith("kt_live_")
    assert result.key.metadata.name == "Alice's key"
    assert result.key.product_id == product.id

    validated = client.validate_key(
        result.plaintext, product_id=product.id, required_scopes=["read"], client_ip="127.0.0.1"
    )
    assert validated.key.id == result.key.id
    assert validated.key.metadata.custom["user_id"] == "u_alice"
    assert validated.rate_limit.limit == 1000
    assert validated.rate_limit.remaining == 999

    fetched = client.get_key(result.key.id)
    assert list(fetched.metadata.scopes) == ["read", "write"]
    assert list(fetched.allowed_cidrs) == ["127.0.0.0/8"]


def test_validation_errors_decode_to_typed_exceptions(client: Client, tenant: dict[str, Any]) -> None:
    org, product = tenant["org"], tenant["product"]
    other_product, _ = client.get_or_create_product(org.id, "other")

    with pytest.raises(InvalidKeyError) as invalid:
        client.validate_key("kt_live_not-a-real-key")
    assert invalid.value.reason == "KEY_INVALID"
    assert invalid.value.code == grpc.StatusCode.UNAUTHENTICATED
    assert invalid.value.request_id

    scoped = client.create_key(org.id, product_id=product.id, metadata=KeyMetadata(scopes=["read"]))
    with pytest.raises(InsufficientScopeError) as scope:
        client.validate_key(scoped.plaintext, required_scopes=["read", "write", "admin"])
    assert sorted(scope.value.missing_scopes) == ["admin", "write"]
    assert scope.value.code == grpc.StatusCode.PERMISSION_DENIED

    with pytest.raises(WrongProductError):
        client.validate_key(scoped.plaintext, product_id=other_product.id)

    fenced = client.create_key(org.id, allowed_cidrs=["10.0.0.0/8"])
    with pytest.raises(IpNotAllowedError):
        client.validate_key(fenced.plaintext, client_ip="192.0.2.1")

    limited = client.create_key(
        org.id, metadata=KeyMetadata(rate_limit=RateLimit(requests=1, window=RateLimitWindow.HOUR))
    )
    client.validate_key(limited.plaintext)
    with pytest.raises(QuotaError) as quota:
        client.validate_key(limited.plaintext)
    assert quota.value.code == grpc.StatusCode.RESOURCE_EXHAUSTED
    assert quota.value.retry_after_seconds is not None and 0 < quota.value.retry_after_seconds <= 3600
    # Skipping the rate limit lets an internal caller through.
    client.validate_key(limited.plaintext, skip_rate_limit=True)

    expiring = client.create_key(org.id, ttl=timedelta(seconds=1))
    time.sleep(1.2)
    with pytest.raises(ExpiredKeyError) as expired:
        client.validate_key(expiring.plaintext)
    assert expired.value.expired_at is not None
    assert expired.value.expired_at == expiring.key.expire_time.ToDatetime(tzinfo=UTC)

    revoked = client.create_key(org.id)
    client.revoke_key(revoked.key.id, reason="leaked")
    with pytest.raises(RevokedKeyError) as rev:
        client.validate_key(revoked.plaintext)
    assert rev.value.reason == "KEY_REVOKED"
    assert isinstance(rev.value, APIKeyError)


def test_management_errors(client: Client, tenant: dict[str, Any]) -> None:
    with pytest.raises(NotFoundError) as missing:
        client.get_key(str(uuid.uuid4()))
    assert missing.value.resource_type == "ApiKey"

    with pytest.raises(InvalidArgumentError) as bad:
        client.create_key(tenant["org"].id, metadata=KeyMetadata(scopes=["not a scope!"]))
    assert bad.value.field_violations
    assert any("scopes" in v.field for v in bad.value.field_violations)
    assert bad.value.detail(error_details_pb2.BadRequest) is not None


def test_list_keys_pager_follows_page_tokens(client: Client) -> None:
    org, _ = client.get_or_create_organization(unique("pager"))
    created = [client.create_key(org.id, metadata=KeyMetadata(name=f"k{i}")).key.id for i in range(5)]
    listed = [key.id for key in client.list_keys(organization_id=org.id, page_size=2)]
    assert sorted(listed) == sorted(created)
    assert listed == list(reversed(created))  # newest first
    pages = list(client.list_keys(organization_id=org.id, page_size=2).pages())
    assert [len(page.keys) for page in pages] == [2, 2, 1]
    assert pages[-1].next_page_token == ""
    assert [key.id for key in client.list_keys(organization_id=org.id, page_size=3).to_list()] == listed

    client.revoke_key(created[0])
    active = {key.id for key in client.list_keys(organization_id=org.id, status=KeyStatus.active)}
    revoked = {key.id for key in client.list_keys(organization_id=org.id, status=KeyStatus.revoked)}
    assert revoked == {created[0]} and active == set(created[1:])


def test_update_rotate_revoke_delete(client: Client, tenant: dict[str, Any]) -> None:
    org = tenant["org"]
    result = client.create_key(
        org.id, metadata=KeyMetadata(name="before", scopes=["read"], custom={"user_id": "u1"})
    )
    renamed = client.update_key(result.key.id, name="after")
    assert renamed.metadata.name == "after"
    assert list(renamed.metadata.scopes) == ["read"]  # untouched: not in the mask
    assert renamed.metadata.custom["user_id"] == "u1"

    rescoped = client.update_key(
        result.key.id, scopes=["read", "write"], rate_limit=RateLimit(10, RateLimitWindow.SECOND)
    )
    assert list(rescoped.metadata.scopes) == ["read", "write"]
    assert rescoped.metadata.rate_limit.requests == 10
    cleared = client.update_key(result.key.id, rate_limit=None, allowed_cidrs=["127.0.0.1/32"])
    assert not cleared.metadata.HasField("rate_limit")
    assert list(cleared.allowed_cidrs) == ["127.0.0.1/32"]
    replaced = client.update_key(result.key.id, metadata=KeyMetadata(name="whole"))
    assert replaced.metadata.name == "whole" and list(replaced.metadata.scopes) == []

    with pytest.raises(ValueError, match="at least one field"):
        client.update_key(result.key.id)

    rotated = client.rotate_key(result.key.id, grace_period=timedelta(minutes=5))
    assert rotated.key.id != result.key.id and rotated.plaintext
    assert rotated.previous_key.id == result.key.id
    grace_end = rotated.previous_key.expire_time.ToDatetime(tzinfo=UTC)
    assert timedelta(minutes=4) < grace_end - datetime.now(UTC) <= timedelta(minutes=5, seconds=5)
    client.validate_key(result.plaintext, client_ip="127.0.0.1")  # still within the grace period
    client.validate_key(rotated.plaintext, client_ip="127.0.0.1", skip_usage=True)

    revoked = client.revoke_key(rotated.key.id, reason="done")
    assert revoked.status == keys_pb2.KEY_STATUS_REVOKED and revoked.revoke_reason == "done"
    client.delete_key(rotated.key.id)
    with pytest.raises(NotFoundError):
        client.get_key(rotated.key.id)


# -- crypto ------------------------------------------------------------------------------------


def test_crypto_methods(client: Client) -> None:
    api_key = client.generate_key(TokenType.API_KEY, prefix="demo")
    assert api_key.key.startswith("demo_") and api_key.entropy_bits == 256
    assert len(client.generate_key(TokenType.NANOID, length=30).key) == 30
    assert len(client.generate_key(TokenType.SECRET).key) == 64
    uuid.UUID(client.generate_key(TokenType.UUID_V4).key)

    ed = client.generate_keypair()
    assert ed.public_key.startswith("-----BEGIN PUBLIC KEY-----")
    ec = client.generate_keypair(KeyPairAlgorithm.EC, curve=EllipticCurve.P384)
    assert ec.curve == EllipticCurve.P384
    rsa = client.generate_key_pair(KeyPairAlgorithm.RSA, key_size=2048, passphrase="pw")
    assert rsa.private_key_encrypted and rsa.key_size == 2048

    raw_key = client.generate_key(TokenType.SECRET).key
    sealed = client.encrypt(b"attack at dawn", key=raw_key, associated_data="ctx")
    assert sealed.algorithm == "AES-256-GCM"
    assert client.decrypt(sealed, key=raw_key, associated_data="ctx") == b"attack at dawn"
    plain = client.decrypt(
        sealed.ciphertext, iv=sealed.iv, tag=sealed.tag, key=raw_key, associated_data=b"ctx"
    )
    assert plain == b"attack at dawn"
    with pytest.raises(DecryptionError) as failed:
        client.decrypt(sealed, key=raw_key, associated_data="other")
    assert failed.value.reason == "DECRYPTION_FAILED"

    by_password = client.encrypt("text", password="s3cret", iterations=100_000)
    assert by_password.kdf == "PBKDF2-HMAC-SHA256" and by_password.salt
    assert client.decrypt(by_password, password="s3cret") == b"text"


# -- audit -------------------------------------------------------------------------------------


def test_audit_methods(client: Client) -> None:
    org, _ = client.get_or_create_organization(unique("audited"))
    result = client.create_key(org.id)
    client.revoke_key(result.key.id, reason="audit test")

    events = list(client.list_audit_events(organization_id=org.id, page_size=1))
    actions = [event.action for event in events]
    assert {"organization.create", "key.create", "key.revoke"} <= set(actions)
    assert [e.sequence for e in events] == sorted((e.sequence for e in events), reverse=True)
    only_revokes = list(client.list_audit_events(organization_id=org.id, actions=["key.revoke"]))
    assert [e.reason for e in only_revokes] == ["audit test"]

    chain = client.verify_audit_chain()
    assert chain.ok and chain.events_checked >= 3

    stream = client.stream_audit_events(organization_id=org.id, timeout=5)
    streamed: list[str] = []
    for event in stream:
        streamed.append(event.action)
        if len(streamed) == len(events):
            stream.cancel()
    assert streamed == list(reversed(actions))  # replayed in sequence order

    # live_only: once started_after() answers, everything written later follows.
    with client.stream_audit_events(organization_id=org.id, live_only=True, timeout=10) as live:
        head = live.started_after()
        assert head >= max(e.sequence for e in events)
        fresh = client.create_key(org.id)
        first = next(iter(live))
        assert (first.action, first.resource_id) == ("key.create", fresh.key.id) and first.sequence > head
    # A stream the server refuses raises its error from started_after().
    with pytest.raises(InvalidArgumentError) as refused:
        client.stream_audit_events(after_sequence=-1, timeout=5).started_after()
    assert refused.value.field_violations[0].field == "after_sequence"

    report = client.get_usage_report(organization_id=org.id, start_time=datetime.now(UTC) - timedelta(days=1))
    assert report.buckets


# -- access --------------------------------------------------------------------------------------


def test_access_methods(server: ServerThread, client: Client) -> None:
    org, _ = client.get_or_create_organization(unique("access"))
    name = unique("svc")
    principal = client.create_principal(
        name, roles=[RoleBinding(Role.KEY_MANAGER, organization_id=org.id), RoleBinding(Role.CRYPTO)]
    )
    assert principal.id and [r.role for r in principal.roles] == [Role.KEY_MANAGER, Role.CRYPTO]
    assert client.get_principal(principal.id).name == name
    assert principal.id in {p.id for p in client.list_principals(page_size=1)}

    issued = client.create_principal_token(principal.id, description="ci")
    assert issued.plaintext.startswith("kta_") and issued.token.principal_id == principal.id
    assert [t.id for t in client.list_principal_tokens(principal.id)] == [issued.token.id]

    with Client(server.address, token=issued.plaintext) as as_service:
        identity = as_service.get_caller_identity()
        assert identity.principal.id == principal.id and identity.authentication_method == "token"
        as_service.create_key(org.id)
        other, _ = client.get_or_create_organization(unique("elsewhere"))
        with pytest.raises((CallerForbiddenError, NotFoundError)):
            as_service.create_key(other.id)

    updated = client.update_principal(principal.id, name=name, roles=[RoleBinding(Role.AUDITOR, org.id)])
    assert [r.role for r in updated.roles] == [Role.AUDITOR]
    with Client(server.address, token=issued.plaintext) as as_auditor:
        with pytest.raises(CallerForbiddenError) as forbidden:
            as_auditor.create_key(org.id)
        assert forbidden.value.permission
        assert forbidden.value.code == grpc.StatusCode.PERMISSION_DENIED

    revoked = client.revoke_principal_token(issued.token.id)
    assert revoked.HasField("revoke_time")
    with Client(server.address, token=issued.plaintext) as revoked_caller:
        with pytest.raises(CallerUnauthenticatedError):
            revoked_caller.get_caller_identity()
    with Client(server.address, token="kta_live_bogus") as anonymous:
        with pytest.raises(CallerUnauthenticatedError):
            anonymous.get_caller_identity()


# -- async -------------------------------------------------------------------------------------


def test_async_client(server: ServerThread, token: str | None) -> None:
    async def flow() -> None:
        async with AsyncClient(server.address, token=token) as keyturn:
            org, created = await keyturn.get_or_create_organization(unique("async"))
            assert created
            issued = [
                await keyturn.create_key(org.id, metadata=KeyMetadata(scopes=["read"])) for _ in range(3)
            ]
            validated = await keyturn.validate_key(issued[0].plaintext, required_scopes=["read"])
            assert validated.key.id == issued[0].key.id
            listed = [key.id async for key in keyturn.list_keys(organization_id=org.id, page_size=2)]
            assert sorted(listed) == sorted(r.key.id for r in issued)
            assert len(await keyturn.list_keys(organization_id=org.id, page_size=1).to_list()) == 3
            with pytest.raises(InsufficientScopeError):
                await keyturn.validate_key(issued[0].plaintext, required_scopes=["write"])
            await keyturn.revoke_key(issued[1].key.id)
            with pytest.raises(RevokedKeyError):
                await keyturn.validate_key(issued[1].plaintext)
            sealed = await keyturn.encrypt(b"x", password="pw", iterations=100_000)
            assert await keyturn.decrypt(sealed, password="pw") == b"x"
            seen = []
            async with keyturn.stream_audit_events(organization_id=org.id, timeout=5) as stream:
                assert await stream.started_after() == 0
                async for event in stream:
                    seen.append(event.action)
                    if event.action == "key.revoke":
                        break
            assert seen[0] == "organization.create" and seen[-1] == "key.revoke"
        # The client reopens its channel when used again after close.
        assert (await keyturn.generate_key(TokenType.UUID_V4)).key
        await keyturn.close()

    asyncio.run(flow())


# -- retries, deadlines, transport ---------------------------------------------------------------


class _FakeRpcError(grpc.RpcError):
    def __init__(self, code: grpc.StatusCode) -> None:
        self._code = code

    def code(self) -> grpc.StatusCode:
        return self._code

    def details(self) -> str:
        return self._code.name

    def trailing_metadata(self) -> tuple[()]:
        return ()


def test_retry_policy_codes_and_backoff() -> None:
    with Client("127.0.0.1:1", retry=RetryPolicy(max_attempts=3, initial_backoff=0.001)) as keyturn:
        for code, idempotent, expected_calls in [
            (grpc.StatusCode.UNAVAILABLE, False, 3),
            (grpc.StatusCode.DEADLINE_EXCEEDED, True, 3),
            (grpc.StatusCode.DEADLINE_EXCEEDED, False, 1),
            (grpc.StatusCode.INTERNAL, True, 1),
        ]:
            calls: list[dict[str, object]] = []

            def failing(
                request: object,
                *,
                _calls: list[dict[str, object]] = calls,
                _code: grpc.StatusCode = code,
                **kwargs: object,
            ) -> object:
                _calls.append(kwargs)
                raise _FakeRpcError(_code)

            with pytest.raises(APIKeyError) as info:
                keyturn._call(failing, object(), idempotent=idempotent)  # type: ignore[arg-type]
            assert len(calls) == expected_calls, (code, idempotent)
            assert info.value.code == code
    policy = RetryPolicy(initial_backoff=1.0, max_backoff=4.0)
    assert 0.5 <= policy.backoff(1) <= 1.0
    assert 2.0 <= policy.backoff(3) <= 4.0 and 2.0 <= policy.backoff(10) <= 4.0


def test_retries_unavailable_until_the_server_comes_up(tmp_path: Path, new_database_url: Any) -> None:
    port = free_port()
    settings = make_settings(new_database_url("sqlite"), tmp_path, listen=f"127.0.0.1:{port}")
    token = asyncio.run(bootstrap_admin(settings)) or None  # valid once the server is up
    late = ServerThread(settings)
    timer = threading.Timer(0.6, late.start)
    with Client(f"127.0.0.1:{port}", token=token, retry=RetryPolicy(max_attempts=1)) as impatient:
        with pytest.raises(UnavailableError):
            impatient.generate_key(TokenType.UUID_V4)
    timer.start()
    try:
        patient = RetryPolicy(max_attempts=10, initial_backoff=0.1, max_backoff=1.0)
        with Client(f"127.0.0.1:{port}", token=token, retry=patient, timeout=5) as keyturn:
            started = time.monotonic()
            assert keyturn.generate_key(TokenType.UUID_V4).key
            assert time.monotonic() - started >= 0.4  # it did wait for the server
    finally:
        timer.join()
        late.stop()


def test_deadline_and_metadata(server: ServerThread, token: str | None) -> None:
    with Client(server.address, token=token, timeout=1e-6, retry=RetryPolicy(max_attempts=1)) as keyturn:
        with pytest.raises(APIKeyError) as info:
            keyturn.generate_keypair(KeyPairAlgorithm.RSA, key_size=4096)
        assert info.value.code == grpc.StatusCode.DEADLINE_EXCEEDED


def test_from_rpc_error_without_details() -> None:
    error = from_rpc_error(_FakeRpcError(grpc.StatusCode.UNAVAILABLE))
    assert isinstance(error, UnavailableError) and error.reason == "" and error.details == []


def test_client_ip_from_peer() -> None:
    assert client_ip_from_peer("ipv4:127.0.0.1:5000") == "127.0.0.1"
    assert client_ip_from_peer("ipv6:[::1]:5000") == "::1"
    assert client_ip_from_peer("ipv6:%5B::1%5D:5000") == "::1"
    assert client_ip_from_peer("unix:/tmp/sock") == ""


# -- integrations and examples ---------------------------------------------------------------------


def _load_example(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"keyturn_example_{name}", EXAMPLES / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_basic_flow_example(server: ServerThread, token: str | None) -> None:
    run = subprocess.run(
        [sys.executable, str(EXAMPLES / "basic_flow.py"), unique("Example Org")],
        env=example_env(server, token),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert "valid: user_id=u_alice" in run.stdout
    assert "missing scopes: ['admin']" in run.stdout
    assert "revoked key refused: KEY_REVOKED" in run.stdout
    assert "decrypted: hello" in run.stdout
    assert "audit chain ok=True" in run.stdout


def test_readme_quickstart(server: ServerThread, token: str | None) -> None:
    blocks = re.findall(r"```python\n(.*?)```", (ROOT / "clients" / "python" / "README.md").read_text(), re.S)
    assert len(blocks) == 1, "expected one ```python block in clients/python/README.md"
    run = subprocess.run(
        [sys.executable, "-c", blocks[0]],
        env=example_env(server, token),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    first, *listed = run.stdout.splitlines()
    assert first == "u_alice"
    # Enum names, not numbers, for every key listed.
    assert listed and all(re.fullmatch(r"kt_(live|test)_\S{4} KEY_STATUS_[A-Z]+", line) for line in listed), (
        listed
    )
    assert any(line.endswith(" KEY_STATUS_ACTIVE") for line in listed)


def test_grpc_interceptor_example(server: ServerThread, token: str | None) -> None:
    run = subprocess.run(
        [sys.executable, str(EXAMPLES / "grpc_interceptor_example.py")],
        env=example_env(server, token),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert "with key: hello (for u_bob)" in run.stdout
    assert "without key: UNAUTHENTICATED KEY_INVALID" in run.stdout
    assert "with a read-only key: PERMISSION_DENIED INSUFFICIENT_SCOPE" in run.stdout


def test_grpc_interceptor_statuses(server: ServerThread, client: Client, token: str | None) -> None:
    org, _ = client.get_or_create_organization(unique("guarded"))
    limited = client.create_key(
        org.id,
        metadata=KeyMetadata(
            scopes=["echo:call"], custom={"user_id": "u_dan"}, rate_limit=RateLimit(1, RateLimitWindow.HOUR)
        ),
    )
    revoked = client.create_key(org.id, metadata=KeyMetadata(scopes=["echo:call"]))
    client.revoke_key(revoked.key.id)
    example = _load_example("grpc_interceptor_example")

    async def flow() -> None:
        async with AsyncClient(server.address, token=token) as keyturn:
            guarded, port = await example.start_echo_server(keyturn, "")
            try:
                async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as channel:
                    call = channel.unary_unary(example.ECHO)
                    await call(b"hi", metadata=(("x-api-key", limited.plaintext),))

                    async def refused(key: str) -> grpc.aio.AioRpcError:
                        with pytest.raises(grpc.aio.AioRpcError) as info:
                            await call(b"hi", metadata=(("x-api-key", key),))
                        return info.value

                    quota = await refused(limited.plaintext)
                    assert quota.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
                    assert isinstance(from_rpc_error(quota), QuotaError)
                    assert int(dict(quota.trailing_metadata())["retry-after"]) >= 1
                    gone = await refused(revoked.plaintext)
                    assert gone.code() == grpc.StatusCode.PERMISSION_DENIED
                    assert from_rpc_error(gone).reason == "KEY_REVOKED"
                    bogus = await refused("kt_live_bogus")
                    assert bogus.code() == grpc.StatusCode.UNAUTHENTICATED
            finally:
                await guarded.stop(None)

    asyncio.run(flow())


def test_fastapi_example_and_dependency(
    server: ServerThread, client: Client, token: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fastapi.testclient import TestClient

    monkeypatch.setenv("KEYTURN_ADDR", server.address)
    if token:
        monkeypatch.setenv("KEYTURN_TOKEN", token)
    example = _load_example("fastapi_example")

    org, _ = client.get_or_create_organization(unique("http"))
    reader = client.create_key(
        org.id,
        metadata=KeyMetadata(
            scopes=["orders:read"],
            custom={"user_id": "u_carol"},
            rate_limit=RateLimit(2, RateLimitWindow.HOUR),
        ),
    )
    revoked = client.create_key(org.id, metadata=KeyMetadata(scopes=["orders:read"]))
    client.revoke_key(revoked.key.id)
    expiring = client.create_key(org.id, ttl=timedelta(seconds=1))
    userless = client.create_key(org.id, metadata=KeyMetadata(scopes=["orders:read"], custom={"team": "ops"}))
    not_a_user = client.create_key(
        org.id, metadata=KeyMetadata(scopes=["orders:read"], custom={"user_id": 7})
    )

    with TestClient(example.app) as http:
        assert http.get("/health").status_code == 200

        missing = http.get("/orders")
        assert missing.status_code == 401 and missing.headers["www-authenticate"] == "ApiKey"
        assert http.get("/orders", headers={"X-API-Key": "kt_live_nope"}).status_code == 401

        ok = http.get("/orders", headers={"X-API-Key": reader.plaintext})
        assert ok.status_code == 200, ok.text
        assert ok.json()["user_id"] == "u_carol"

        scope = http.post("/orders", headers={"X-API-Key": reader.plaintext})
        assert scope.status_code == 403
        assert scope.json()["detail"]["reason"] == "INSUFFICIENT_SCOPE"
        assert scope.json()["detail"]["missing_scopes"] == ["orders:write"]

        for key in (userless, not_a_user):  # valid keys issued for no user: a 4xx, not a 500
            nobody = http.get("/orders", headers={"X-API-Key": key.plaintext})
            assert nobody.status_code == 403, nobody.text
            assert nobody.json()["detail"]["reason"] == "KEY_WITHOUT_USER"

        gone = http.get("/orders", headers={"X-API-Key": revoked.plaintext})
        assert gone.status_code == 403 and gone.json()["detail"]["reason"] == "KEY_REVOKED"

        http.get("/orders", headers={"X-API-Key": reader.plaintext})
        limited = http.get("/orders", headers={"X-API-Key": reader.plaintext})
        assert limited.status_code == 429
        assert int(limited.headers["retry-after"]) >= 1

        time.sleep(1.2)
        expired = http.get("/orders", headers={"X-API-Key": expiring.plaintext})
        assert expired.status_code == 401
        assert expired.json()["detail"]["reason"] == "KEY_EXPIRED"
        assert expired.json()["detail"]["expired_at"]


def test_fastapi_dependency_with_sync_client(server: ServerThread, client: Client, token: str | None) -> None:
    from fastapi import Depends, FastAPI
    from fastapi.testclient import TestClient
    from keyturn.client.fastapi import require_api_key

    org, _ = client.get_or_create_organization(unique("sync-http"))
    key = client.create_key(org.id, metadata=KeyMetadata(scopes=["a"]))
    app = FastAPI()
    guard = require_api_key(client, ["a"])

    @app.get("/")
    async def root(api_key: keys_pb2.ApiKey = Depends(guard)) -> dict[str, str]:  # noqa: B008
        return {"id": api_key.id}

    with TestClient(app) as http:
        assert http.get("/", headers={"X-API-Key": key.plaintext}).json() == {"id": key.key.id}
        assert http.get("/").status_code == 401


def test_payload_at_the_server_limit_round_trips(client: Client) -> None:
    """Encrypt's answer for a 4 MiB payload is larger than gRPC's default receive limit."""
    key = "ab" * 32
    payload = bytes(4 * 1024 * 1024)
    sealed = client.encrypt(payload, key=key)
    assert client.decrypt(sealed, key=key) == payload
