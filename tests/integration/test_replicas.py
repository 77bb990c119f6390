"""Two `keyturn serve` processes on one PostgreSQL: rate limits stay exact, use counts add
up, and a revoke on one replica reaches the other within a second (LISTEN/NOTIFY)."""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor

import grpc
import pytest
from keyturn.v1 import access_pb2, access_pb2_grpc, keys_pb2, keys_pb2_grpc

from tests.integration.test_validate import create_key, fresh_minute, make_tenant, outcome, validate
from tests.support import (
    ServerProcess,
    channel,
    decode_error,
    postgres_replicas,
)

Stub = keys_pb2_grpc.KeyServiceStub
Stubs = tuple[Stub, Stub]


def alternating(
    stubs: tuple[Stub, Stub], call: Callable[[Stub], object], count: int
) -> list[Callable[[], object]]:
    """`count` calls, alternating between the two replicas."""
    return [functools.partial(call, stubs[i % 2]) for i in range(count)]


@pytest.fixture(scope="module")
def replicas(postgres_admin_url: str) -> Iterator[tuple[ServerProcess, ServerProcess]]:
    with postgres_replicas(
        postgres_admin_url,
        KEYTURN_USAGE_FLUSH_INTERVAL_SECONDS="0.2",
        # Without NOTIFY a cached key would stay valid for the whole TTL: make that obvious.
        KEYTURN_KEY_CACHE_TTL_SECONDS="30",
        KEYTURN_PRINCIPAL_CACHE_TTL_SECONDS="30",
    ) as pair:
        yield pair


@pytest.fixture(scope="module")
def stubs(
    replicas: tuple[ServerProcess, ServerProcess],
) -> Iterator[tuple[keys_pb2_grpc.KeyServiceStub, keys_pb2_grpc.KeyServiceStub]]:
    a, b = replicas
    with channel(a.address, a.admin_token) as ch_a, channel(b.address, a.admin_token) as ch_b:
        yield keys_pb2_grpc.KeyServiceStub(ch_a), keys_pb2_grpc.KeyServiceStub(ch_b)


def test_rate_limit_is_exact_across_replicas(
    stubs: tuple[keys_pb2_grpc.KeyServiceStub, keys_pb2_grpc.KeyServiceStub],
) -> None:
    a, _ = stubs
    tenant = make_tenant(a)
    created = create_key(a, tenant.org, limit=(100, keys_pb2.RATE_LIMIT_WINDOW_MINUTE))
    calls = alternating(stubs, lambda s: validate(s, created.plaintext), 300)
    fresh_minute(budget=20)
    with ThreadPoolExecutor(16) as pool:
        results = list(pool.map(outcome, calls))
    assert results.count("OK") == 100
    assert results.count("RATE_LIMITED") == 200


def test_use_count_adds_up_across_replicas(
    stubs: tuple[keys_pb2_grpc.KeyServiceStub, keys_pb2_grpc.KeyServiceStub],
) -> None:
    a, _ = stubs
    tenant = make_tenant(a)
    created = create_key(a, tenant.org, limit=(10**9, keys_pb2.RATE_LIMIT_WINDOW_DAY))
    calls = alternating(stubs, lambda s: validate(s, created.plaintext), 200)
    with ThreadPoolExecutor(16) as pool:
        assert list(pool.map(outcome, calls)).count("OK") == 200
    deadline = time.monotonic() + 10
    count = 0
    while time.monotonic() < deadline:
        count = a.GetKey(keys_pb2.GetKeyRequest(id=created.key.id)).use_count
        if count >= 200:
            break
        time.sleep(0.1)
    assert count == 200


def test_revoke_on_one_replica_reaches_the_other_within_a_second(
    stubs: tuple[keys_pb2_grpc.KeyServiceStub, keys_pb2_grpc.KeyServiceStub],
) -> None:
    a, b = stubs
    tenant = make_tenant(a)
    created = create_key(a, tenant.org)
    for _ in range(3):  # cached on both replicas
        validate(a, created.plaintext)
        validate(b, created.plaintext)
    a.RevokeKey(keys_pb2.RevokeKeyRequest(id=created.key.id))
    revoked_at = time.monotonic()
    while True:
        try:
            validate(b, created.plaintext)
        except grpc.RpcError as err:
            assert decode_error(err).reason == "KEY_REVOKED"
            break
        assert time.monotonic() - revoked_at < 1.0, "replica B still accepts a key revoked on A"
        time.sleep(0.02)


def test_update_on_one_replica_reaches_the_other(
    stubs: tuple[keys_pb2_grpc.KeyServiceStub, keys_pb2_grpc.KeyServiceStub],
) -> None:
    from google.protobuf import field_mask_pb2

    a, b = stubs
    tenant = make_tenant(a)
    created = create_key(a, tenant.org, scopes=("read",))
    validate(b, created.plaintext, required_scopes=["read"])
    a.UpdateKey(
        keys_pb2.UpdateKeyRequest(
            key=keys_pb2.ApiKey(id=created.key.id, metadata=keys_pb2.KeyMetadata(scopes=["write"])),
            update_mask=field_mask_pb2.FieldMask(paths=["metadata.scopes"]),
        )
    )
    deadline = time.monotonic() + 1.0
    while outcome(lambda: validate(b, created.plaintext, required_scopes=["read"])) == "OK":
        assert time.monotonic() < deadline
        time.sleep(0.02)
    assert validate(b, created.plaintext, required_scopes=["write"]).key.id == created.key.id


def _listeners(url: str) -> list[int]:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        rows = conn.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN %'"
        ).fetchall()
    return [int(row[0]) for row in rows]


def test_listener_reconnects_after_losing_its_connection(
    replicas: tuple[ServerProcess, ServerProcess],
    stubs: tuple[keys_pb2_grpc.KeyServiceStub, keys_pb2_grpc.KeyServiceStub],
) -> None:
    import psycopg

    url = replicas[0].env["KEYTURN_DATABASE_URL"]
    before = _listeners(url)
    assert len(before) == 2  # one LISTEN connection per replica
    with psycopg.connect(url, autocommit=True) as conn:
        for pid in before:
            conn.execute("SELECT pg_terminate_backend(%s)", (pid,))
    deadline = time.monotonic() + 10
    while True:
        now_listening = _listeners(url)
        if len(now_listening) == 2 and not set(now_listening) & set(before):
            break
        assert time.monotonic() < deadline, "the replicas did not LISTEN again"
        time.sleep(0.1)
    test_revoke_on_one_replica_reaches_the_other_within_a_second(stubs)


def test_token_revoked_on_one_replica_is_refused_by_the_other_within_a_second(
    replicas: tuple[ServerProcess, ServerProcess],
) -> None:
    a, b = replicas
    with channel(a.address, a.admin_token) as admin_a:
        access_a = access_pb2_grpc.AccessServiceStub(admin_a)
        principal = access_a.CreatePrincipal(
            access_pb2.CreatePrincipalRequest(
                principal=access_pb2.Principal(
                    name="replica-crypto", roles=[access_pb2.RoleBinding(role=access_pb2.ROLE_CRYPTO)]
                )
            ),
            timeout=10,
        )
        issued = access_a.CreatePrincipalToken(
            access_pb2.CreatePrincipalTokenRequest(principal_id=principal.id), timeout=10
        )
        with channel(b.address, issued.plaintext) as as_service_on_b:
            who = access_pb2_grpc.AccessServiceStub(as_service_on_b)
            # Cached on B now (the principal cache TTL is 30 s in this module).
            assert (
                who.GetCallerIdentity(access_pb2.GetCallerIdentityRequest(), timeout=10).principal.id
                == principal.id
            )
            access_a.RevokePrincipalToken(
                access_pb2.RevokePrincipalTokenRequest(id=issued.token.id), timeout=10
            )
            deadline = time.monotonic() + 1.0
            while True:
                try:
                    who.GetCallerIdentity(access_pb2.GetCallerIdentityRequest(), timeout=5)
                except grpc.RpcError as err:
                    assert decode_error(err).reason == "CALLER_UNAUTHENTICATED"
                    break
                assert time.monotonic() < deadline, "replica B still accepts a token revoked on A"
                time.sleep(0.02)
