"""ValidateKey over a real server, on SQLite and PostgreSQL: every rule of the hot path."""

from __future__ import annotations

import functools
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import grpc
import pytest
from google.protobuf import duration_pb2, field_mask_pb2
from google.rpc import error_details_pb2
from keyturn.v1 import keys_pb2, keys_pb2_grpc
from keyturn_server.domain.audit import AuditRecord

from tests.support import ServerThread, channel, decode_error, expect_error, make_settings

UNAUTH = grpc.StatusCode.UNAUTHENTICATED
DENIED = grpc.StatusCode.PERMISSION_DENIED
MINUTE = keys_pb2.RATE_LIMIT_WINDOW_MINUTE
SECOND = keys_pb2.RATE_LIMIT_WINDOW_SECOND
HOUR = keys_pb2.RATE_LIMIT_WINDOW_HOUR


@dataclass
class Tenant:
    org: str
    project: str
    product: str
    other_product: str  # same organization, not linked to the project


@pytest.fixture(scope="module")
def stub(grpc_channel: grpc.Channel) -> keys_pb2_grpc.KeyServiceStub:
    return keys_pb2_grpc.KeyServiceStub(grpc_channel)


def make_tenant(stub: keys_pb2_grpc.KeyServiceStub) -> Tenant:
    tag = uuid.uuid4().hex[:8]
    org = stub.CreateOrganization(keys_pb2.CreateOrganizationRequest(name=f"org-{tag}")).id
    project = stub.CreateProject(keys_pb2.CreateProjectRequest(organization_id=org, name="proj")).id
    product = stub.CreateProduct(keys_pb2.CreateProductRequest(organization_id=org, name="prod")).id
    other = stub.CreateProduct(keys_pb2.CreateProductRequest(organization_id=org, name="other")).id
    stub.AddProductToProject(keys_pb2.AddProductToProjectRequest(product_id=product, project_id=project))
    return Tenant(org, project, product, other)


@pytest.fixture(scope="module")
def tenant(stub: keys_pb2_grpc.KeyServiceStub) -> Tenant:
    return make_tenant(stub)


def create_key(
    stub: keys_pb2_grpc.KeyServiceStub,
    org: str,
    *,
    project: str = "",
    product: str = "",
    scopes: tuple[str, ...] = ("read",),
    limit: tuple[int, keys_pb2.RateLimitWindow.ValueType] | None = None,
    cidrs: tuple[str, ...] = (),
    ttl: float | None = None,
    custom: dict[str, Any] | None = None,
) -> keys_pb2.CreateKeyResponse:
    metadata = keys_pb2.KeyMetadata(name="test", scopes=list(scopes))
    if limit is not None:
        metadata.rate_limit.requests, metadata.rate_limit.window = limit
    if custom:
        metadata.custom.update(custom)
    request = keys_pb2.CreateKeyRequest(
        organization_id=org,
        project_id=project,
        product_id=product,
        metadata=metadata,
        allowed_cidrs=list(cidrs),
    )
    if ttl is not None:
        request.ttl.CopyFrom(duration_pb2.Duration(seconds=int(ttl), nanos=int((ttl % 1) * 1e9)))
    return stub.CreateKey(request)


def validate(stub: keys_pb2_grpc.KeyServiceStub, key: str, **fields: Any) -> keys_pb2.ValidateKeyResponse:
    return stub.ValidateKey(keys_pb2.ValidateKeyRequest(plaintext=key, **fields), timeout=30)


def outcome(call: Callable[[], Any]) -> str:
    try:
        call()
    except grpc.RpcError as err:
        return decode_error(err).reason
    return "OK"


def fresh_minute(budget: float) -> None:
    """Make sure the next `budget` seconds stay inside one UTC minute."""
    second = time.time() % 60
    if second + budget > 59.5:
        time.sleep(60 - second + 0.05)


def hammer(call: Callable[[], Any], total: int, workers: int = 16) -> list[str]:
    with ThreadPoolExecutor(workers) as pool:
        return list(pool.map(lambda _: outcome(call), range(total)))


# ---- success -------------------------------------------------------------------------------


def test_success_returns_the_key_and_quota(stub: keys_pb2_grpc.KeyServiceStub, tenant: Tenant) -> None:
    created = create_key(
        stub, tenant.org, product=tenant.product, limit=(10, HOUR), custom={"user_id": "u1", "plan": "pro"}
    )
    response = validate(stub, created.plaintext, product_id=tenant.product, required_scopes=["read"])
    assert response.key.id == created.key.id
    assert response.key.status == keys_pb2.KEY_STATUS_ACTIVE
    assert dict(response.key.metadata.custom) == {"user_id": "u1", "plan": "pro"}
    assert response.key.use_count >= 1
    assert response.HasField("rate_limit")
    assert response.rate_limit.limit == 10
    assert response.rate_limit.remaining == 9
    assert response.rate_limit.window == HOUR
    reset = response.rate_limit.reset_time.ToSeconds()
    assert reset % 3600 == 0 and 0 < reset - time.time() <= 3600
    # skip_rate_limit=true: no quota taken, no RateLimitStatus.
    response = validate(stub, created.plaintext, skip_rate_limit=True)
    assert not response.HasField("rate_limit")
    assert validate(stub, created.plaintext).rate_limit.remaining == 8


def test_key_without_limit_has_no_rate_status(stub: keys_pb2_grpc.KeyServiceStub, tenant: Tenant) -> None:
    created = create_key(stub, tenant.org)
    assert not validate(stub, created.plaintext).HasField("rate_limit")


# ---- invalid keys and requests --------------------------------------------------------------


def test_malformed_bad_checksum_and_unknown_keys_look_the_same(
    stub: keys_pb2_grpc.KeyServiceStub, tenant: Tenant
) -> None:
    real = create_key(stub, tenant.org).plaintext
    body = real.split("_", 2)[2]
    flipped = real[:-1] + ("A" if real[-1] != "A" else "B")  # checksum no longer matches
    from keyturn_server.domain import keyformat

    unknown = keyformat.generate("kt", "live")  # well formed, never issued
    other_prefix = "zz_live_" + body
    messages = set()
    for candidate in ("garbage", flipped, unknown, other_prefix, real + "x", "kt_live_"):
        err = expect_error(functools.partial(validate, stub, candidate), UNAUTH, "KEY_INVALID")
        messages.add(err.message)
    assert len(messages) == 1


@pytest.mark.parametrize(
    ("fields", "violation"),
    [
        ({"plaintext": ""}, "plaintext"),
        ({"plaintext": "x" * 600}, "plaintext"),
        ({"product_id": "not-a-uuid"}, "product_id"),
        ({"required_scopes": ["ok", "bad scope!"]}, "required_scopes[1]"),
        ({"client_ip": "10.0.0.300"}, "client_ip"),
        ({"client_ip": "10.0.0.0/8"}, "client_ip"),
    ],
)
def test_invalid_requests(
    stub: keys_pb2_grpc.KeyServiceStub, tenant: Tenant, fields: dict[str, Any], violation: str
) -> None:
    request = {"plaintext": create_key(stub, tenant.org).plaintext, **fields}
    err = expect_error(
        lambda: stub.ValidateKey(keys_pb2.ValidateKeyRequest(**request)),
        grpc.StatusCode.INVALID_ARGUMENT,
        "INVALID_ARGUMENT",
    )
    assert violation in err.field_violations


# ---- tenancy ---------------------------------------------------------------------------------


def test_wrong_product(stub: keys_pb2_grpc.KeyServiceStub, tenant: Tenant) -> None:
    other_org = make_tenant(stub)
    product_key = create_key(stub, tenant.org, product=tenant.product).plaintext
    org_key = create_key(stub, tenant.org).plaintext
    project_key = create_key(stub, tenant.org, project=tenant.project).plaintext

    assert validate(stub, product_key, product_id=tenant.product).key
    expect_error(
        lambda: validate(stub, product_key, product_id=tenant.other_product), DENIED, "WRONG_PRODUCT"
    )
    # An org-wide key validates for its own organization's products only.
    assert validate(stub, org_key, product_id=tenant.other_product).key
    expect_error(lambda: validate(stub, org_key, product_id=other_org.product), DENIED, "WRONG_PRODUCT")
    # A project-scoped key: products linked to its project only.
    assert validate(stub, project_key, product_id=tenant.product).key
    expect_error(
        lambda: validate(stub, project_key, product_id=tenant.other_product), DENIED, "WRONG_PRODUCT"
    )
    expect_error(lambda: validate(stub, project_key, product_id=other_org.product), DENIED, "WRONG_PRODUCT")
    # Unknown products look like another organization's.
    expect_error(lambda: validate(stub, org_key, product_id=str(uuid.uuid4())), DENIED, "WRONG_PRODUCT")


def test_a_new_product_link_is_seen_at_once(stub: keys_pb2_grpc.KeyServiceStub) -> None:
    tenant = make_tenant(stub)
    project_key = create_key(stub, tenant.org, project=tenant.project).plaintext
    # Not linked yet: denied, and that answer is now cached.
    expect_error(
        lambda: validate(stub, project_key, product_id=tenant.other_product), DENIED, "WRONG_PRODUCT"
    )
    stub.AddProductToProject(
        keys_pb2.AddProductToProjectRequest(product_id=tenant.other_product, project_id=tenant.project)
    )
    assert validate(stub, project_key, product_id=tenant.other_product).key


# ---- lifecycle: revoke, update, delete take effect at once -----------------------------------


def test_revoke_update_delete_take_effect_at_once(stub: keys_pb2_grpc.KeyServiceStub, tenant: Tenant) -> None:
    created = create_key(stub, tenant.org, scopes=("read",))
    for _ in range(3):  # warm the cache
        validate(stub, created.plaintext, required_scopes=["read"])

    update = keys_pb2.ApiKey(id=created.key.id, metadata=keys_pb2.KeyMetadata(scopes=["write"]))
    stub.UpdateKey(
        keys_pb2.UpdateKeyRequest(key=update, update_mask=field_mask_pb2.FieldMask(paths=["metadata.scopes"]))
    )
    err = expect_error(
        lambda: validate(stub, created.plaintext, required_scopes=["read"]), DENIED, "INSUFFICIENT_SCOPE"
    )
    assert err.metadata["missingScopes"] == "read"
    assert validate(stub, created.plaintext, required_scopes=["write"]).key.metadata.scopes == ["write"]

    stub.RevokeKey(keys_pb2.RevokeKeyRequest(id=created.key.id, reason="test"))
    expect_error(lambda: validate(stub, created.plaintext), DENIED, "KEY_REVOKED")

    doomed = create_key(stub, tenant.org)
    validate(stub, doomed.plaintext)
    stub.DeleteKey(keys_pb2.DeleteKeyRequest(id=doomed.key.id))
    expect_error(lambda: validate(stub, doomed.plaintext), UNAUTH, "KEY_INVALID")


def test_expired_key(stub: keys_pb2_grpc.KeyServiceStub, tenant: Tenant) -> None:
    created = create_key(stub, tenant.org, ttl=0.6)
    validate(stub, created.plaintext)  # cached while still valid
    deadline = time.monotonic() + 5
    while outcome(lambda: validate(stub, created.plaintext)) == "OK":
        assert time.monotonic() < deadline
        time.sleep(0.1)
    err = expect_error(lambda: validate(stub, created.plaintext), UNAUTH, "KEY_EXPIRED")
    stamp = datetime.fromisoformat(err.metadata["expireTime"].replace("Z", "+00:00"))
    assert stamp == created.key.expire_time.ToDatetime(tzinfo=UTC)


# ---- IP allow-list and scopes ----------------------------------------------------------------


def test_ip_allow_list(stub: keys_pb2_grpc.KeyServiceStub, tenant: Tenant) -> None:
    key = create_key(stub, tenant.org, cidrs=("10.0.0.0/8", "2001:db8::/32")).plaintext
    assert validate(stub, key, client_ip="10.20.30.40").key
    assert validate(stub, key, client_ip="2001:db8::7").key
    assert validate(stub, key, client_ip="::ffff:10.1.1.1").key  # IPv4-mapped IPv6
    expect_error(lambda: validate(stub, key, client_ip="192.168.0.1"), DENIED, "IP_NOT_ALLOWED")
    expect_error(lambda: validate(stub, key, client_ip="2001:db9::1"), DENIED, "IP_NOT_ALLOWED")
    expect_error(lambda: validate(stub, key), DENIED, "IP_NOT_ALLOWED")  # no client_ip given
    anywhere = create_key(stub, tenant.org).plaintext
    assert validate(stub, anywhere, client_ip="192.168.0.1").key
    assert validate(stub, anywhere).key


def test_scopes(stub: keys_pb2_grpc.KeyServiceStub, tenant: Tenant) -> None:
    key = create_key(stub, tenant.org, scopes=("read", "write")).plaintext
    assert validate(stub, key, required_scopes=["read", "write"]).key
    err = expect_error(
        lambda: validate(stub, key, required_scopes=["read", "admin", "billing"]),
        DENIED,
        "INSUFFICIENT_SCOPE",
    )
    assert err.metadata["missingScopes"] == "admin,billing"


def test_checks_run_in_order(stub: keys_pb2_grpc.KeyServiceStub, tenant: Tenant) -> None:
    """Tenancy before revoked before IP before scopes: a key failing all reports the first."""
    created = create_key(stub, tenant.org, product=tenant.product, cidrs=("10.0.0.0/8",))
    stub.RevokeKey(keys_pb2.RevokeKeyRequest(id=created.key.id))
    everything_wrong = {"client_ip": "192.168.0.1", "required_scopes": ["admin"]}
    assert (
        outcome(
            lambda: validate(stub, created.plaintext, product_id=tenant.other_product, **everything_wrong)
        )
        == "WRONG_PRODUCT"
    )
    assert (
        outcome(lambda: validate(stub, created.plaintext, product_id=tenant.product, **everything_wrong))
        == "KEY_REVOKED"
    )
    live = create_key(stub, tenant.org, cidrs=("10.0.0.0/8",), limit=(1, HOUR)).plaintext
    assert outcome(lambda: validate(stub, live, **everything_wrong)) == "IP_NOT_ALLOWED"
    assert (
        outcome(lambda: validate(stub, live, client_ip="10.0.0.1", required_scopes=["admin"]))
        == "INSUFFICIENT_SCOPE"
    )


# ---- rate limits -----------------------------------------------------------------------------


def test_rate_limit_is_exact_under_concurrency(stub: keys_pb2_grpc.KeyServiceStub, tenant: Tenant) -> None:
    created = create_key(stub, tenant.org, limit=(100, MINUTE))
    fresh_minute(budget=20)
    results = hammer(lambda: validate(stub, created.plaintext, required_scopes=["read"]), 300)
    assert results.count("OK") == 100
    assert results.count("RATE_LIMITED") == 200
    err = expect_error(
        lambda: validate(stub, created.plaintext), grpc.StatusCode.RESOURCE_EXHAUSTED, "RATE_LIMITED"
    )
    retry = err.detail(error_details_pb2.RetryInfo)
    assert retry is not None
    delay = retry.retry_delay.seconds + retry.retry_delay.nanos / 1e9
    assert 0 < delay <= 60
    assert err.metadata["limit"] == "100" and err.metadata["window"] == "MINUTE"
    assert datetime.fromisoformat(err.metadata["resetTime"].replace("Z", "+00:00")).second == 0


def test_denied_calls_take_no_quota_and_are_not_uses(
    stub: keys_pb2_grpc.KeyServiceStub, tenant: Tenant, server: ServerThread
) -> None:
    created = create_key(stub, tenant.org, limit=(2, HOUR), scopes=("read",))
    for _ in range(5):
        expect_error(
            lambda: validate(stub, created.plaintext, required_scopes=["admin"]), DENIED, "INSUFFICIENT_SCOPE"
        )
    assert validate(stub, created.plaintext).rate_limit.remaining == 1
    assert validate(stub, created.plaintext).rate_limit.remaining == 0
    expect_error(
        lambda: validate(stub, created.plaintext), grpc.StatusCode.RESOURCE_EXHAUSTED, "RATE_LIMITED"
    )
    # skip_usage=true validations are not counted either.
    validate(stub, created.plaintext, skip_rate_limit=True, skip_usage=True)
    assert wait_use_count(stub, server, created.key.id, 2) == 2


def test_window_boundary(stub: keys_pb2_grpc.KeyServiceStub, tenant: Tenant) -> None:
    key = create_key(stub, tenant.org, limit=(3, SECOND)).plaintext
    time.sleep(1 - time.time() % 1 + 0.02)  # just after a second starts
    first = [outcome(lambda: validate(stub, key)) for _ in range(4)]
    assert first == ["OK", "OK", "OK", "RATE_LIMITED"], first
    time.sleep(1 - time.time() % 1 + 0.02)  # the next window
    assert validate(stub, key).rate_limit.remaining == 2


# ---- usage -----------------------------------------------------------------------------------


def wait_use_count(
    stub: keys_pb2_grpc.KeyServiceStub, server: ServerThread, key_id: str, expected: int
) -> int:
    validator = server.container.validation
    deadline = time.monotonic() + 10
    while True:
        server.call(validator.usage.flush())
        count = stub.GetKey(keys_pb2.GetKeyRequest(id=key_id)).use_count
        if count >= expected or time.monotonic() > deadline:
            return int(count)
        time.sleep(0.05)


def test_use_count_is_exact_under_concurrency(
    stub: keys_pb2_grpc.KeyServiceStub, tenant: Tenant, server: ServerThread
) -> None:
    created = create_key(stub, tenant.org, limit=(10**9, keys_pb2.RATE_LIMIT_WINDOW_DAY))
    results = hammer(lambda: validate(stub, created.plaintext), 300)
    assert results.count("OK") == 300
    key = stub.GetKey(keys_pb2.GetKeyRequest(id=created.key.id))
    deadline = time.monotonic() + 5
    while key.use_count < 300 and time.monotonic() < deadline:  # the flusher runs every 0.2 s
        time.sleep(0.05)
        key = stub.GetKey(keys_pb2.GetKeyRequest(id=created.key.id))
    assert key.use_count == 300
    assert key.HasField("last_used_time")
    assert abs(key.last_used_time.ToDatetime(tzinfo=UTC).timestamp() - time.time()) < 30


# ---- audit -----------------------------------------------------------------------------------


class RecordingLog:
    def __init__(self) -> None:
        self.records: list[AuditRecord] = []
        self.lock = threading.Lock()

    async def submit(self, record: AuditRecord) -> None:
        with self.lock:
            self.records.append(record)

    def keeps(self, action: str, outcome: str) -> bool:
        return True  # as at audit level `verbose`


@pytest.fixture
def recorded(server: ServerThread) -> Iterator[RecordingLog]:
    validation = server.container.validation
    previous, validation.access_log = validation.access_log, RecordingLog()
    try:
        yield validation.access_log
    finally:
        validation.access_log = previous


def test_every_attempt_is_submitted_to_the_access_log(
    stub: keys_pb2_grpc.KeyServiceStub, tenant: Tenant, recorded: RecordingLog
) -> None:
    created = create_key(stub, tenant.org, project=tenant.project, scopes=("read",))
    validate(stub, created.plaintext)
    outcome(lambda: validate(stub, created.plaintext, required_scopes=["admin"]))
    from keyturn_server.domain import keyformat

    unknown = keyformat.generate("kt", "live")
    outcome(lambda: validate(stub, unknown))
    ok, scope, invalid = recorded.records[-3:]
    assert (ok.action, ok.outcome, ok.reason, ok.key_id) == ("key.validate", "SUCCESS", "", created.key.id)
    assert (ok.organization_id, ok.project_id) == (tenant.org, tenant.project)
    assert (scope.outcome, scope.reason, scope.key_id) == ("FAILURE", "INSUFFICIENT_SCOPE", created.key.id)
    assert (invalid.outcome, invalid.reason, invalid.key_id) == ("FAILURE", "KEY_INVALID", "")
    assert len(invalid.key_fingerprint) == 16
    for record in recorded.records:
        assert created.plaintext not in repr(record) and unknown not in repr(record)


# ---- secret rotation -------------------------------------------------------------------------


def test_keys_under_an_older_secret_validate_and_are_rehashed(
    backend: str, new_database_url: Callable[[str], str], tmp_path: Path
) -> None:
    from keyturn_server import config
    from keyturn_server.store.db import Database
    from keyturn_server.store.models import ApiKey

    url = new_database_url(backend)
    old = "1:" + "o" * 40
    first = ServerThread(make_settings(url, tmp_path, secrets=config.parse_secrets(old))).start()
    try:
        with channel(first.address) as ch:
            stub = keys_pb2_grpc.KeyServiceStub(ch)
            created = create_key(stub, make_tenant(stub).org)
    finally:
        first.stop()
    second = ServerThread(
        make_settings(url, tmp_path, secrets=config.parse_secrets("2:" + "n" * 40 + "," + old))
    ).start()
    try:
        with channel(second.address) as ch:
            stub = keys_pb2_grpc.KeyServiceStub(ch)
            assert validate(stub, created.plaintext).key.id == created.key.id

            async def stored() -> tuple[int, str]:
                db = Database(url)
                try:
                    async with db.transaction() as session:
                        row = await session.get(ApiKey, created.key.id)
                        assert row is not None
                        return row.secret_version, row.key_hash
                finally:
                    await db.dispose()

            version, _ = second.call(stored())
            assert version == 2
            assert validate(stub, created.plaintext).key.id == created.key.id
            second.container.validation.forget_all()  # now found by the new hash
            assert validate(stub, created.plaintext).key.id == created.key.id
    finally:
        second.stop()
