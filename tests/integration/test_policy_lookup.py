"""One way to read a key policy (usecases/key_policies.py KeyPolicyLookup), over real servers:
CreateKey reads the effective policy once (one SELECT on key_policy, handed from
KeyRotation.plan_create to its transaction), UpdateKey once; the cached lookup of the hot
paths (ExchangeKey, ReportLeakedKeys) sees an UpdateKeyPolicy at once, on the server that
took it (SQLite and PostgreSQL) and on another `keyturn serve` replica, well inside the
cache's TTL (told by LISTEN/NOTIFY, or by the polling change feed)."""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import grpc
import pytest
from google.protobuf import duration_pb2, field_mask_pb2
from keyturn.v1 import (
    key_policies_pb2,
    key_policies_pb2_grpc,
    keys_pb2,
    keys_pb2_grpc,
    tokens_pb2,
    tokens_pb2_grpc,
)
from keyturn.v1 import policies_pb2 as pp
from keyturn_server.usecases.key_policies import POLICY_CACHE_SECONDS

from tests.support import (
    ServerProcess,
    ServerThread,
    channel,
    postgres_replicas,
)

DEFAULT_TOKEN_TTL = 300  # ExchangeKey's default without a policy (domain/access_tokens.py)


def seconds(value: int) -> duration_pb2.Duration:
    return duration_pb2.Duration(seconds=value)


def new_org(ch: grpc.Channel) -> str:
    stub = keys_pb2_grpc.KeyServiceStub(ch)
    name = f"policy-{uuid.uuid4().hex[:10]}"
    return str(stub.CreateOrganization(keys_pb2.CreateOrganizationRequest(name=name), timeout=10).id)


def new_project(ch: grpc.Channel, org: str) -> str:
    stub = keys_pb2_grpc.KeyServiceStub(ch)
    return str(
        stub.CreateProject(keys_pb2.CreateProjectRequest(organization_id=org, name="p"), timeout=10).id
    )


def set_policy(ch: grpc.Channel, owner: dict[str, str], paths: list[str], **fields: Any) -> None:
    key_policies_pb2_grpc.KeyPolicyServiceStub(ch).UpdateKeyPolicy(
        key_policies_pb2.UpdateKeyPolicyRequest(
            **owner, policy=pp.KeyPolicy(**fields), update_mask=field_mask_pb2.FieldMask(paths=paths)
        ),
        timeout=10,
    )


def token_ttl(ch: grpc.Channel, plaintext: str) -> int:
    answer = tokens_pb2_grpc.TokenServiceStub(ch).ExchangeKey(
        tokens_pb2.ExchangeKeyRequest(plaintext=plaintext), timeout=10
    )
    return int(answer.expires_in)


def create_key(ch: grpc.Channel, org: str, project: str = "", **fields: Any) -> keys_pb2.CreateKeyResponse:
    return keys_pb2_grpc.KeyServiceStub(ch).CreateKey(
        keys_pb2.CreateKeyRequest(organization_id=org, project_id=project, **fields), timeout=10
    )


@pytest.fixture
def policy_reads(server: ServerThread) -> Iterator[list[str]]:
    """The SELECTs on key_policy the server issues while the test runs."""
    from sqlalchemy import event

    reads: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "FROM key_policy" in statement:
            reads.append(statement)

    engine = server.container.db.engine.sync_engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        yield reads
    finally:
        event.remove(engine, "before_cursor_execute", count)


# ---- exact reads: CreateKey and UpdateKey ----------------------------------------------------


def test_create_key_reads_the_policy_once(grpc_channel: grpc.Channel, policy_reads: list[str]) -> None:
    org = new_org(grpc_channel)
    project = new_project(grpc_channel, org)
    set_policy(
        grpc_channel,
        {"organization_id": org},
        ["default_ttl", "recoverable"],
        default_ttl=seconds(3600),
        recoverable=True,
    )
    set_policy(grpc_channel, {"project_id": project}, ["default_scopes"], default_scopes=["read"])
    policy_reads.clear()
    created = create_key(grpc_channel, org, project)
    # One read, both layers, and what it read reached the transaction: the organization's
    # recoverable and default_ttl, the project's default_scopes.
    assert len(policy_reads) == 1, policy_reads
    key = created.key
    assert key.recoverable
    assert list(key.metadata.scopes) == ["read"]
    assert 3500 < key.expire_time.seconds - key.create_time.seconds <= 3600
    policy_reads.clear()
    create_key(grpc_channel, new_org(grpc_channel))  # an organization without any policy
    assert len(policy_reads) == 1, policy_reads


def test_update_key_reads_the_policy_once(grpc_channel: grpc.Channel, policy_reads: list[str]) -> None:
    org = new_org(grpc_channel)
    set_policy(grpc_channel, {"organization_id": org}, ["allowed_scopes"], allowed_scopes=["read", "write"])
    created = create_key(grpc_channel, org, metadata=keys_pb2.KeyMetadata(scopes=["read"]))
    stub = keys_pb2_grpc.KeyServiceStub(grpc_channel)

    def update(paths: list[str], **metadata: Any) -> keys_pb2.ApiKey:
        return stub.UpdateKey(
            keys_pb2.UpdateKeyRequest(
                key=keys_pb2.ApiKey(id=created.key.id, metadata=keys_pb2.KeyMetadata(**metadata)),
                update_mask=field_mask_pb2.FieldMask(paths=paths),
            ),
            timeout=10,
        )

    policy_reads.clear()
    assert list(update(["metadata.scopes"], scopes=["write"]).metadata.scopes) == ["write"]
    assert len(policy_reads) == 1, policy_reads
    policy_reads.clear()
    update(["metadata.name"], name="renamed")  # no bounded field: no policy read at all
    assert policy_reads == []


# ---- the cached lookup: one server -----------------------------------------------------------


def test_exchange_key_sees_a_policy_update_at_once(
    grpc_channel: grpc.Channel, policy_reads: list[str]
) -> None:
    org = new_org(grpc_channel)
    created = create_key(grpc_channel, org)
    assert token_ttl(grpc_channel, created.plaintext) == DEFAULT_TOKEN_TTL
    policy_reads.clear()
    assert token_ttl(grpc_channel, created.plaintext) == DEFAULT_TOKEN_TTL
    assert policy_reads == []  # the second exchange was served from the cache
    set_policy(
        grpc_channel, {"organization_id": org}, ["token"], token=pp.TokenPolicy(default_ttl=seconds(120))
    )
    assert token_ttl(grpc_channel, created.plaintext) == 120  # no waiting for the TTL


def test_leak_report_sees_a_policy_update_at_once(grpc_channel: grpc.Channel) -> None:
    stub = keys_pb2_grpc.KeyServiceStub(grpc_channel)
    org = new_org(grpc_channel)
    first, second = create_key(grpc_channel, org), create_key(grpc_channel, org)

    def report(plaintext: str) -> int:
        answer = stub.ReportLeakedKeys(
            keys_pb2.ReportLeakedKeysRequest(
                candidates=[
                    keys_pb2.LeakedKeyCandidate(token=plaintext, source="test", url="https://x.example/1")
                ]
            ),
            timeout=30,
        )
        return int(answer.reports[0].outcome)

    assert report(first.plaintext) == keys_pb2.LEAKED_KEY_OUTCOME_REVOKED  # no policy: REVOKE, now cached
    set_policy(
        grpc_channel,
        {"organization_id": org},
        ["leaked_key_action"],
        leaked_key_action=pp.LEAKED_KEY_ACTION_FLAG,
    )
    assert report(second.plaintext) == keys_pb2.LEAKED_KEY_OUTCOME_FLAGGED


# ---- the cached lookup: two replicas on PostgreSQL -------------------------------------------


@pytest.fixture(scope="module", params=["notify", "poll"])
def replicas(
    postgres_admin_url: str, request: pytest.FixtureRequest
) -> Iterator[tuple[ServerProcess, ServerProcess]]:
    """Two replicas told of changes by LISTEN/NOTIFY, or by the polling change feed."""
    with postgres_replicas(
        postgres_admin_url,
        KEYTURN_CHANGE_FEED=str(request.param),
        KEYTURN_CHANGE_FEED_POLL_MS="100",
    ) as pair:
        yield pair


def within(budget: float, check: Callable[[], bool]) -> float:
    """Seconds until `check()` holds; fails after `budget`."""
    start = time.monotonic()
    while not check():
        assert time.monotonic() - start < budget, f"not seen within {budget} s"
        time.sleep(0.02)
    return time.monotonic() - start


def test_policy_update_on_one_replica_reaches_exchange_key_on_the_other(
    replicas: tuple[ServerProcess, ServerProcess],
) -> None:
    a, b = replicas
    with channel(a.address, a.admin_token) as on_a, channel(b.address, a.admin_token) as on_b:
        org = new_org(on_a)
        project = new_project(on_a, org)
        created = create_key(on_a, org, project)
        assert token_ttl(on_b, created.plaintext) == DEFAULT_TOKEN_TTL  # cached on B now
        set_policy(on_a, {"organization_id": org}, ["token"], token=pp.TokenPolicy(default_ttl=seconds(120)))
        # Well inside the cache's TTL: B heard of the change, it did not wait for expiry.
        assert within(1.0, lambda: token_ttl(on_b, created.plaintext) == 120) < POLICY_CACHE_SECONDS / 2
        # A project's policy over the organization's, changed on B this time, seen on A.
        assert token_ttl(on_a, created.plaintext) == 120
        set_policy(on_b, {"project_id": project}, ["token"], token=pp.TokenPolicy(default_ttl=seconds(60)))
        within(1.0, lambda: token_ttl(on_a, created.plaintext) == 60)
