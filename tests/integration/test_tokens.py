"""Access tokens over a real server (gRPC and HTTP), on SQLite and PostgreSQL: ExchangeKey
through ValidateKey's checks and quota, tokens verified by a plain PyJWT call with the JWKS
and by keyturn-client's TokenVerifier, refusals, rotation and the JWKS routes."""

from __future__ import annotations

import base64
import json
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import grpc
import httpx
import jwt
import pytest
from google.protobuf import duration_pb2, struct_pb2
from keyturn.client.errors import (
    ExpiredKeyError,
    InsufficientScopeError,
    InvalidKeyError,
    RevokedKeyError,
    WrongProductError,
)
from keyturn.client.tokens import GrpcJwks, HttpJwks, TokenVerifier, looks_like_jwt
from keyturn.v1 import crypto_keys_pb2 as ck
from keyturn.v1 import crypto_pb2_grpc, keys_pb2, keys_pb2_grpc, tokens_pb2, tokens_pb2_grpc
from keyturn_server.domain import managed_keys as mk

from tests import http_support
from tests.http_support import base_url
from tests.support import ServerThread, expect_error, with_token

http_server = http_support.http_server
UNAUTH = grpc.StatusCode.UNAUTHENTICATED
DENIED = grpc.StatusCode.PERMISSION_DENIED
INVALID = grpc.StatusCode.INVALID_ARGUMENT


@pytest.fixture(scope="module")
def admin(http_server: ServerThread) -> Iterator[grpc.Channel]:
    with grpc.insecure_channel(http_server.address) as ch:
        yield with_token(ch, http_server.admin_token)


@pytest.fixture(scope="module")
def anonymous(http_server: ServerThread) -> Iterator[grpc.Channel]:
    with grpc.insecure_channel(http_server.address) as ch:
        yield ch


@pytest.fixture
def clocks(http_server: ServerThread) -> Iterator[Any]:
    """Lets a test move the token and validation clocks; restores them afterwards."""
    container = http_server.container
    saved = (container.tokens.clock, container.validation.clock)
    yield container
    container.tokens.clock, container.validation.clock = saved
    container.tokens.forget_all()


def _org(admin: grpc.Channel) -> str:
    stub = keys_pb2_grpc.KeyServiceStub(admin)
    return str(
        stub.CreateOrganization(keys_pb2.CreateOrganizationRequest(name=f"t-{uuid.uuid4().hex[:10]}")).id
    )


def _key(admin: grpc.Channel, org: str, **metadata: Any) -> keys_pb2.CreateKeyResponse:
    custom = metadata.pop("custom", None)
    meta = keys_pb2.KeyMetadata(**metadata)
    if custom:
        meta.custom.update(custom)
    stub = keys_pb2_grpc.KeyServiceStub(admin)
    return stub.CreateKey(keys_pb2.CreateKeyRequest(organization_id=org, metadata=meta))


def _exchange(ch: grpc.Channel, plaintext: str, **fields: Any) -> tokens_pb2.ExchangeKeyResponse:
    return tokens_pb2_grpc.TokenServiceStub(ch).ExchangeKey(
        tokens_pb2.ExchangeKeyRequest(plaintext=plaintext, **fields), timeout=10
    )


def _jwks(ch: grpc.Channel, org: str = "") -> dict[str, Any]:
    from google.protobuf import json_format

    answer = tokens_pb2_grpc.TokenServiceStub(ch).GetJwks(
        tokens_pb2.GetJwksRequest(organization_id=org), timeout=10
    )
    return json_format.MessageToDict(answer, preserving_proto_field_name=True)


def _plain_decode(token: str, jwks: dict[str, Any], **options: Any) -> dict[str, Any]:
    """What any service would do with PyJWT alone: pick the kid's key, decode."""
    kid = jwt.get_unverified_header(token)["kid"]
    key = jwt.PyJWKSet.from_dict(jwks)[kid]
    claims: dict[str, Any] = jwt.decode(
        token, key.key, algorithms=["EdDSA", "ES256"], issuer="keyturn", **options
    )
    return claims


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def test_token_verified_by_plain_pyjwt(admin: grpc.Channel, anonymous: grpc.Channel) -> None:
    org = _org(admin)
    created = _key(
        admin, org, scopes=["orders:read", "orders:write"], custom={"plan": "gold", "secret_note": "x"}
    )
    issued = _exchange(admin, created.plaintext, audience="orders-api", custom_claims=["plan"])
    assert issued.token_type == "Bearer" and issued.expires_in == 300 and issued.key_id == created.key.id
    assert looks_like_jwt(issued.access_token) and not looks_like_jwt(created.plaintext)
    header = jwt.get_unverified_header(issued.access_token)
    assert header == {"alg": "EdDSA", "kid": issued.kid, "typ": "at+jwt"}

    jwks = _jwks(anonymous, org)  # public: no credentials
    assert [k["kid"] for k in jwks["keys"]] == [issued.kid]
    assert jwks["keys"][0]["kty"] == "OKP" and jwks["keys"][0]["crv"] == "Ed25519"
    assert jwks["keys"][0]["use"] == "sig" and jwks["keys"][0]["alg"] == "EdDSA"
    claims = _plain_decode(issued.access_token, jwks, audience="orders-api")
    assert claims["sub"] == created.key.id and claims["org"] == org
    assert claims["scopes"] == ["orders:read", "orders:write"]
    assert claims["custom"] == {"plan": "gold"}  # only the selected field
    assert claims["exp"] - claims["iat"] == 300 and claims["nbf"] == claims["iat"]
    assert claims["jti"] == issued.jti and claims["aud"] == "orders-api" and claims["iss"] == "keyturn"
    assert int(issued.expire_time.seconds) == claims["exp"]

    second = _exchange(admin, created.plaintext)
    assert second.jti != issued.jti and second.kid == issued.kid  # one signing key per organization
    assert "aud" not in _plain_decode(second.access_token, jwks)


def test_p256_signing_keys(http_server: ServerThread, admin: grpc.Channel, anonymous: grpc.Channel) -> None:
    tokens = http_server.container.tokens
    saved = tokens.algorithm
    tokens.algorithm = mk.Algorithm.ECDSA_P256_SHA256  # KEYTURN_TOKEN_ALGORITHM=P256
    try:
        org = _org(admin)
        created = _key(admin, org, scopes=["a"])
        issued = _exchange(admin, created.plaintext, ttl=duration_pb2.Duration(seconds=60))
    finally:
        tokens.algorithm = saved
    assert jwt.get_unverified_header(issued.access_token)["alg"] == "ES256"
    jwks = _jwks(anonymous, org)
    assert {"kty": "EC", "crv": "P-256"}.items() <= jwks["keys"][0].items() and jwks["keys"][0]["y"]
    claims = _plain_decode(issued.access_token, jwks)
    assert claims["exp"] - claims["iat"] == 60


def test_bad_tokens_are_refused(admin: grpc.Channel, anonymous: grpc.Channel, clocks: Any) -> None:
    org = _org(admin)
    created = _key(admin, org, scopes=["a"])
    jwks = _jwks(anonymous, org)  # empty until the first exchange
    assert jwks == {} or jwks["keys"] == []
    good = _exchange(admin, created.plaintext, audience="svc").access_token
    jwks = _jwks(anonymous, org)
    verifier = TokenVerifier(GrpcJwks(anonymous, org), audience="svc")
    assert verifier.verify(good, required_scopes=["a"]).key_id == created.key.id

    clocks.tokens.clock = lambda: time.time() - 3600  # issued an hour ago: expired
    expired = _exchange(admin, created.plaintext, audience="svc").access_token
    clocks.tokens.clock = lambda: time.time() + 3600  # issued an hour ahead: not yet valid
    early = _exchange(admin, created.plaintext, audience="svc").access_token
    clocks.tokens.clock = time.time
    with pytest.raises(jwt.ExpiredSignatureError):
        _plain_decode(expired, jwks, audience="svc")
    with pytest.raises(jwt.ImmatureSignatureError):
        _plain_decode(early, jwks, audience="svc")
    with pytest.raises(ExpiredKeyError) as caught:
        verifier.verify(expired)
    assert caught.value.reason == "KEY_EXPIRED" and caught.value.code == UNAUTH and caught.value.expired_at
    with pytest.raises(InvalidKeyError):
        verifier.verify(early)

    head, body, signature = good.split(".")
    claims = json.loads(base64.urlsafe_b64decode(body + "=="))
    claims["scopes"] = ["a", "admin"]
    tampered = f"{head}.{_b64(json.dumps(claims).encode())}.{signature}"
    with pytest.raises(jwt.InvalidSignatureError):
        _plain_decode(tampered, jwks, audience="svc")
    with pytest.raises(InvalidKeyError):
        verifier.verify(tampered)

    with pytest.raises(jwt.InvalidAudienceError):
        _plain_decode(good, jwks, audience="other")
    with pytest.raises(InvalidKeyError):
        verifier.verify(good, audience="other")

    kid = jwt.get_unverified_header(good)["kid"]
    unsigned = f"{_b64(json.dumps({'alg': 'none', 'kid': kid}).encode())}.{body}."
    with pytest.raises(jwt.InvalidAlgorithmError):
        _plain_decode(unsigned, jwks, audience="svc")
    with pytest.raises(InvalidKeyError):
        verifier.verify(unsigned)
    # HS256 keyed with the public key (the classic algorithm-confusion forgery).
    public = jwt.PyJWKSet.from_dict(jwks)[kid].key.public_bytes_raw()
    forged = jwt.encode(claims, public, algorithm="HS256", headers={"kid": kid})
    with pytest.raises(jwt.InvalidAlgorithmError):
        _plain_decode(forged, jwks, audience="svc")
    with pytest.raises(InvalidKeyError):
        verifier.verify(forged)

    with pytest.raises(InsufficientScopeError) as scoped:
        verifier.verify(good, required_scopes=["a", "b"])
    assert scoped.value.missing_scopes == ["b"] and scoped.value.code == DENIED
    with pytest.raises(WrongProductError):
        product = keys_pb2_grpc.KeyServiceStub(admin).CreateProduct(
            keys_pb2.CreateProductRequest(organization_id=org, name="p")
        )
        product_key = _key(admin, org)
        bound = keys_pb2_grpc.KeyServiceStub(admin).CreateKey(
            keys_pb2.CreateKeyRequest(organization_id=org, product_id=product.id)
        )
        assert product_key
        token = _exchange(admin, bound.plaintext, audience="svc").access_token
        verifier.verify(token, product_id=str(uuid.uuid4()))


def test_exchange_refuses_what_validate_refuses(admin: grpc.Channel, clocks: Any) -> None:
    org = _org(admin)
    keys = keys_pb2_grpc.KeyServiceStub(admin)
    created = _key(admin, org, scopes=["read"])
    expect_error(
        lambda: _exchange(admin, created.plaintext, required_scopes=["write"]), DENIED, "INSUFFICIENT_SCOPE"
    )
    expect_error(lambda: _exchange(admin, "kt_live_" + "A" * 43 + "000000"), UNAUTH, "KEY_INVALID")
    revoked = _key(admin, org)
    keys.RevokeKey(keys_pb2.RevokeKeyRequest(id=revoked.key.id))
    expect_error(lambda: _exchange(admin, revoked.plaintext), DENIED, "KEY_REVOKED")
    expiring = keys.CreateKey(
        keys_pb2.CreateKeyRequest(organization_id=org, ttl=duration_pb2.Duration(seconds=60))
    )
    capped = _exchange(admin, expiring.plaintext)  # the token does not outlive its key
    assert capped.expire_time.seconds == expiring.key.expire_time.seconds and capped.expires_in <= 60
    clocks.validation.clock = lambda: time.time() + 120
    expect_error(lambda: _exchange(admin, expiring.plaintext), UNAUTH, "KEY_EXPIRED")


def test_exchange_takes_quota(admin: grpc.Channel) -> None:
    org = _org(admin)
    limited = _key(
        admin, org, rate_limit=keys_pb2.RateLimit(requests=2, window=keys_pb2.RATE_LIMIT_WINDOW_HOUR)
    )
    first = _exchange(admin, limited.plaintext)
    assert first.rate_limit.limit == 2 and first.rate_limit.remaining == 1
    _exchange(admin, limited.plaintext)
    expect_error(
        lambda: _exchange(admin, limited.plaintext), grpc.StatusCode.RESOURCE_EXHAUSTED, "RATE_LIMITED"
    )
    keys = keys_pb2_grpc.KeyServiceStub(admin)
    expect_error(
        lambda: keys.ValidateKey(keys_pb2.ValidateKeyRequest(plaintext=limited.plaintext)),
        grpc.StatusCode.RESOURCE_EXHAUSTED,
        "RATE_LIMITED",
    )


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"ttl": duration_pb2.Duration(seconds=0)}, "ttl"),
        ({"ttl": duration_pb2.Duration(seconds=3601)}, "ttl"),
        ({"ttl": duration_pb2.Duration(seconds=10, nanos=5)}, "ttl"),
        ({"audience": "a" * 257}, "audience"),
        ({"audience": "has space"}, "audience"),
        ({"custom_claims": [""]}, "custom_claims[0]"),
    ],
)
def test_bad_exchange_requests(admin: grpc.Channel, fields: dict[str, Any], field: str) -> None:
    decoded = expect_error(lambda: _exchange(admin, "kt_live_x", **fields), INVALID, "INVALID_ARGUMENT")
    assert field in decoded.field_violations


def test_reserved_signing_key_is_keyturns_own(admin: grpc.Channel) -> None:
    org = _org(admin)
    created = _key(admin, org)
    kid = _exchange(admin, created.plaintext).kid
    crypto = crypto_pb2_grpc.CryptoServiceStub(admin)
    key_id = kid.rsplit(".", 1)[0]
    expect_error(
        lambda: crypto.Sign(ck.SignRequest(crypto_key_id=key_id, data=b"forged claims")),
        grpc.StatusCode.FAILED_PRECONDITION,
        "FAILED_PRECONDITION",
    )
    expect_error(
        lambda: crypto.CreateCryptoKey(
            ck.CreateCryptoKeyRequest(
                crypto_key=ck.CryptoKey(
                    organization_id=org,
                    name="keyturn.mine",
                    purpose=ck.CRYPTO_KEY_PURPOSE_ASYMMETRIC_SIGN,
                    algorithm=ck.CRYPTO_KEY_ALGORITHM_ED25519,
                )
            )
        ),
        INVALID,
        "INVALID_ARGUMENT",
    )


def test_rotation_keeps_the_old_kid_until_its_tokens_expired(
    admin: grpc.Channel, anonymous: grpc.Channel, clocks: Any
) -> None:
    org = _org(admin)
    created = _key(admin, org)
    old = _exchange(admin, created.plaintext, ttl=duration_pb2.Duration(seconds=3600))
    key_id = old.kid.rsplit(".", 1)[0]
    crypto = crypto_pb2_grpc.CryptoServiceStub(admin)
    rotated = crypto.RotateCryptoKey(ck.RotateCryptoKeyRequest(id=key_id))
    new_kid = f"{key_id}.{rotated.version.number}"
    rotate_time = rotated.version.create_time.ToDatetime(tzinfo=UTC).timestamp()
    tokens = clocks.tokens
    prepublish = tokens.jwks_max_age.total_seconds()
    retire_window = prepublish + 3600 + tokens.leeway.total_seconds()

    # Published at once, but signing only once verifiers' cached documents can know it.
    assert [k["kid"] for k in _jwks(anonymous, org)["keys"]] == [new_kid, old.kid]
    assert _exchange(admin, created.plaintext).kid == old.kid
    tokens.clock = lambda: rotate_time + prepublish + 1
    fresh = _exchange(admin, created.plaintext)
    assert fresh.kid == new_kid
    # Until the last token of the old version may have expired, both are published.
    tokens.clock = lambda: rotate_time + retire_window - 5
    jwks = _jwks(anonymous, org)
    assert [k["kid"] for k in jwks["keys"]] == [new_kid, old.kid]
    tokens.clock = lambda: rotate_time + retire_window + 5
    jwks = _jwks(anonymous, org)
    assert [k["kid"] for k in jwks["keys"]] == [new_kid]
    issued_ahead = {"verify_iat": False, "verify_nbf": False}  # issued on the moved clock
    assert _plain_decode(fresh.access_token, jwks, options=issued_ahead)["sub"] == created.key.id
    with pytest.raises(KeyError):
        jwt.PyJWKSet.from_dict(jwks)[old.kid]


def test_http_jwks_routes(http_server: ServerThread, admin: grpc.Channel) -> None:
    org = _org(admin)
    created = _key(admin, org, scopes=["s"])
    issued = _exchange(admin, created.plaintext)
    url = base_url(http_server)
    with httpx.Client(base_url=url, timeout=10) as plain:  # no credentials
        answer = plain.get(f"/v1/organizations/{org}/jwks.json")
        assert answer.status_code == 200, answer.text
        assert answer.headers["cache-control"] == "public, max-age=60"
        assert [k["kid"] for k in answer.json()["keys"]] == [issued.kid]
        everyone = plain.get("/.well-known/jwks.json")
        assert everyone.status_code == 200 and everyone.headers["cache-control"] == "public, max-age=60"
        kids = [k["kid"] for k in everyone.json()["keys"]]
        assert issued.kid in kids and len(kids) == len(set(kids))
        bad = plain.get("/v1/organizations/not-an-id/jwks.json")
        assert bad.status_code == 400
        exchanged = plain.post(
            "/v1/tokens:exchange",
            json={"plaintext": created.plaintext},
            headers={"authorization": f"Bearer {http_server.admin_token}"},
        )
        assert exchanged.status_code == 200, exchanged.text
        assert exchanged.headers["cache-control"] == "no-store"
        token = exchanged.json()["access_token"]
    # PyJWT's own JWKS client, against both URLs.
    for path in (f"/v1/organizations/{org}/jwks.json", "/.well-known/jwks.json"):
        signing = jwt.PyJWKClient(url + path).get_signing_key_from_jwt(token)
        assert jwt.decode(token, signing.key, algorithms=["EdDSA"], issuer="keyturn")["sub"] == created.key.id
    verifier = TokenVerifier(HttpJwks(url + "/.well-known/jwks.json"))
    assert verifier.verify(token, required_scopes=["s"]).organization_id == org


def test_verifier_refresh_is_bounded_and_refusal_is_immediate(
    admin: grpc.Channel, anonymous: grpc.Channel
) -> None:
    import asyncio

    org = _org(admin)
    created = _key(admin, org)
    now = [1_000.0]
    verifier = TokenVerifier(GrpcJwks(anonymous, org), min_refresh_seconds=30, clock=lambda: now[0])
    verifier.refresh()  # before the first exchange: the organization has no key yet
    assert verifier.refreshes == 1
    token = _exchange(admin, created.plaintext).access_token
    now[0] += 1
    # Unknown kid right after a fetch: refused without another fetch...
    with pytest.raises(InvalidKeyError):
        verifier.verify(token)
    for _ in range(20):
        with pytest.raises(InvalidKeyError):
            verifier.verify(token)
    assert verifier.refreshes == 1
    # ...and found by the one refresh allowed once min_refresh_seconds have passed.
    now[0] += 30
    assert verifier.verify(token).key_id == created.key.id
    assert verifier.refreshes == 2
    for _ in range(50):
        verifier.verify(token)
    assert verifier.refreshes == 2  # cached
    assert verifier.remembered_hits == 50  # the signature was checked once
    with pytest.raises(InsufficientScopeError):  # per-presentation checks still run on a hit
        verifier.verify(token, required_scopes=["nope"])

    class Later:
        @staticmethod
        def time() -> float:
            return time.time() + 3600

    import keyturn.client.tokens as token_module

    real_time = token_module.time
    token_module.time = Later  # type: ignore[assignment]
    try:
        with pytest.raises(ExpiredKeyError):  # a remembered token still expires
            verifier.verify(token)
    finally:
        token_module.time = real_time

    from keyturn.v1 import key_events_pb2

    async def events() -> Any:
        yield key_events_pb2.KeyEvent(type=key_events_pb2.KEY_EVENT_TYPE_UPDATED, key_id=created.key.id)
        yield "another-key"

    asyncio.run(verifier.follow(events()))
    assert verifier.verify(token).key_id == created.key.id  # an update ends nothing

    async def revoked() -> Any:
        yield key_events_pb2.KeyEvent(type=key_events_pb2.KEY_EVENT_TYPE_REVOKED, key_id=created.key.id)

    asyncio.run(verifier.follow(revoked()))
    with pytest.raises(RevokedKeyError) as caught:
        verifier.verify(token)
    assert caught.value.reason == "KEY_REVOKED"
    verifier.allow_key(created.key.id)
    assert asyncio.run(verifier.verify_async(token)).key_id == created.key.id
    with pytest.raises(ValueError, match="asymmetric"):
        TokenVerifier(GrpcJwks(anonymous, org), algorithms=["HS256"])
    assert datetime.now(UTC) - timedelta(hours=1) < verifier.verify(token).expire_time
    assert struct_pb2  # (imported for custom claims above)


def test_fastapi_dependency_and_grpc_interceptor_accept_tokens(
    http_server: ServerThread, admin: grpc.Channel, anonymous: grpc.Channel
) -> None:
    import asyncio

    from fastapi import Depends, FastAPI
    from fastapi.testclient import TestClient
    from keyturn.client import AsyncClient, Client
    from keyturn.client.fastapi import require_api_key
    from keyturn.client.interceptor import APIKeyInterceptor, current_api_key

    org = _org(admin)
    created = _key(admin, org, scopes=["orders:read"], custom={"user_id": "u_eve"})
    token = _exchange(admin, created.plaintext, custom_claims=["user_id"]).access_token
    verifier = TokenVerifier(GrpcJwks(anonymous, org))

    with Client(http_server.address, token=http_server.admin_token) as keyturn:
        app = FastAPI()
        guard = require_api_key(keyturn, ["orders:read"], token_verifier=verifier)
        writer = require_api_key(keyturn, ["orders:write"], token_verifier=verifier)

        @app.get("/orders")
        async def orders(key: keys_pb2.ApiKey = Depends(guard)) -> dict[str, str]:  # noqa: B008
            return {"id": key.id, "user": str(key.metadata.custom["user_id"])}

        @app.post("/orders")
        async def place(key: keys_pb2.ApiKey = Depends(writer)) -> dict[str, str]:  # noqa: B008
            return {"id": key.id}

        with TestClient(app) as http:
            by_bearer = http.get("/orders", headers={"Authorization": f"Bearer {token}"})
            assert by_bearer.status_code == 200, by_bearer.text
            assert by_bearer.json() == {"id": created.key.id, "user": "u_eve"}
            by_header = http.get("/orders", headers={"X-API-Key": token})
            assert by_header.status_code == 200
            by_key = http.get("/orders", headers={"X-API-Key": created.plaintext})  # still works
            assert by_key.status_code == 200 and by_key.json()["id"] == created.key.id
            scope = http.post("/orders", headers={"Authorization": f"Bearer {token}"})
            assert scope.status_code == 403 and scope.json()["detail"]["missing_scopes"] == ["orders:write"]
            head, body, signature = token.split(".")
            broken = f"{head}.{body}.{signature[:-4]}AAAA"
            bad = http.get("/orders", headers={"Authorization": f"Bearer {broken}"})
            assert bad.status_code == 401 and bad.json()["detail"]["reason"] == "KEY_INVALID"
            verifier.refuse_key(created.key.id)
            gone = http.get("/orders", headers={"Authorization": f"Bearer {token}"})
            assert gone.status_code == 403 and gone.json()["detail"]["reason"] == "KEY_REVOKED"
            verifier.allow_key(created.key.id)

    echo = "/test.Echo/Call"

    async def flow() -> None:
        async with AsyncClient(http_server.address, token=http_server.admin_token) as client:
            seen: list[str] = []

            async def handle(request: bytes, context: Any) -> bytes:
                key = current_api_key.get()
                assert key is not None
                seen.append(key.id)
                return request

            handler = grpc.method_handlers_generic_handler(
                "test.Echo", {"Call": grpc.unary_unary_rpc_method_handler(handle)}
            )
            guarded = grpc.aio.server(
                interceptors=[APIKeyInterceptor(client, {echo: ["orders:read"]}, token_verifier=verifier)]
            )
            guarded.add_generic_rpc_handlers((handler,))
            port = guarded.add_insecure_port("127.0.0.1:0")
            await guarded.start()
            try:
                async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as ch:
                    call = ch.unary_unary(echo)
                    assert await call(b"hi", metadata=(("authorization", f"Bearer {token}"),)) == b"hi"
                    assert await call(b"hi", metadata=(("x-api-key", created.plaintext),)) == b"hi"
                    with pytest.raises(grpc.aio.AioRpcError) as refused:
                        await call(b"hi", metadata=(("authorization", f"Bearer {broken}"),))
                    assert refused.value.code() == UNAUTH
            finally:
                await guarded.stop(None)
            assert seen == [created.key.id, created.key.id]

    asyncio.run(flow())


def test_project_key_policy_sets_ttl_claims_and_type(http_server: ServerThread, admin: grpc.Channel) -> None:
    from keyturn_server.domain.key_policy import KeyPolicy, TokenSettings
    from keyturn_server.store import key_policies

    container = http_server.container
    org = _org(admin)
    keys = keys_pb2_grpc.KeyServiceStub(admin)
    project = keys.CreateProject(keys_pb2.CreateProjectRequest(organization_id=org, name="tokens")).id
    meta = keys_pb2.KeyMetadata()
    meta.custom.update({"plan": "gold", "tier": 3})
    created = keys.CreateKey(
        keys_pb2.CreateKeyRequest(organization_id=org, project_id=project, metadata=meta)
    )

    def set_policy(owner_project: str | None, settings: TokenSettings) -> None:
        async def save() -> None:
            async with container.db.transaction() as session:
                await key_policies.save_policy(
                    session, org, owner_project, KeyPolicy(token=settings), datetime.now(UTC)
                )

        http_server.call(save())
        container.key_policy_lookup.forget_all()  # saved past UpdateKeyPolicy: nothing announced it

    set_policy(None, TokenSettings(default_ttl=timedelta(minutes=10), custom_claims=("tier",)))
    set_policy(
        project,
        TokenSettings(
            default_ttl=timedelta(seconds=120), max_ttl=timedelta(seconds=600), custom_claims=("plan",)
        ),
    )
    issued = _exchange(admin, created.plaintext)
    assert issued.expires_in == 120  # the project's default over the organization's
    claims = jwt.decode(issued.access_token, options={"verify_signature": False})
    assert claims["custom"] == {"plan": "gold"}  # the project's selection replaces the organization's
    assert _exchange(admin, created.plaintext, ttl=duration_pb2.Duration(seconds=600)).expires_in == 600
    decoded = expect_error(
        lambda: _exchange(admin, created.plaintext, ttl=duration_pb2.Duration(seconds=601)),
        INVALID,
        "INVALID_ARGUMENT",
    )
    assert "ttl" in decoded.field_violations
    asked = _exchange(admin, created.plaintext, custom_claims=["tier"])
    assert jwt.decode(asked.access_token, options={"verify_signature": False})["custom"] == {
        "plan": "gold",
        "tier": 3,
    }

    set_policy(project, TokenSettings(type="OPAQUE"))
    refused = expect_error(
        lambda: _exchange(admin, created.plaintext),
        grpc.StatusCode.FAILED_PRECONDITION,
        "FAILED_PRECONDITION",
    )
    assert refused.metadata["tokenType"] == "OPAQUE"
    keys.ValidateKey(keys_pb2.ValidateKeyRequest(plaintext=created.plaintext))  # opaque: ValidateKey it is


def test_token_flow_example(http_server: ServerThread) -> None:
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    env = {
        **os.environ,
        "KEYTURN_ADDR": http_server.address,
        "KEYTURN_TOKEN": http_server.admin_token,
        "KEYTURN_HTTP": base_url(http_server),
    }
    run = subprocess.run(
        [sys.executable, str(root / "clients" / "python" / "examples" / "token_flow.py")],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert "token: Bearer" in run.stdout and "for 600s" in run.stdout
    assert "verified: key True user u_alice" in run.stdout
    assert "missing scopes: ['orders:write']" in run.stdout
    assert "refused: KEY_REVOKED" in run.stdout


def test_refused_exchange_takes_no_quota_or_credits(http_server: ServerThread, admin: grpc.Channel) -> None:
    """The key policy's refusals (OPAQUE tokens, a ttl above max_ttl) come before the key's
    rate limit and credits are charged: after refused exchanges both are untouched."""
    from keyturn_server.domain.key_policy import KeyPolicy, TokenSettings
    from keyturn_server.store import key_policies

    container = http_server.container
    org = _org(admin)
    keys = keys_pb2_grpc.KeyServiceStub(admin)
    project = keys.CreateProject(keys_pb2.CreateProjectRequest(organization_id=org, name="opaque")).id
    created = keys.CreateKey(
        keys_pb2.CreateKeyRequest(
            organization_id=org,
            project_id=project,
            metadata=keys_pb2.KeyMetadata(
                rate_limit=keys_pb2.RateLimit(requests=3, window=keys_pb2.RATE_LIMIT_WINDOW_HOUR)
            ),
            credits=keys_pb2.KeyCredits(remaining=5),
        )
    )

    def set_policy(settings: TokenSettings) -> None:
        async def save() -> None:
            async with container.db.transaction() as session:
                await key_policies.save_policy(
                    session, org, project, KeyPolicy(token=settings), datetime.now(UTC)
                )

        http_server.call(save())
        container.key_policy_lookup.forget_all()  # saved past UpdateKeyPolicy: nothing announced it

    set_policy(TokenSettings(type="OPAQUE"))
    for _ in range(4):  # more refusals than the limit (3) would allow
        refused = expect_error(
            lambda: _exchange(admin, created.plaintext),
            grpc.StatusCode.FAILED_PRECONDITION,
            "FAILED_PRECONDITION",
        )
        assert refused.metadata["tokenType"] == "OPAQUE"
    set_policy(TokenSettings(max_ttl=timedelta(seconds=60)))
    too_long = expect_error(
        lambda: _exchange(admin, created.plaintext, ttl=duration_pb2.Duration(seconds=61)),
        INVALID,
        "INVALID_ARGUMENT",
    )
    assert "ttl" in too_long.field_violations
    answer = keys.ValidateKey(keys_pb2.ValidateKeyRequest(plaintext=created.plaintext))
    # Only this ValidateKey was charged: one request of 3, one credit of 5.
    assert answer.rate_limit.limit == 3 and answer.rate_limit.remaining == 2
    assert answer.credits.remaining == 4
    issued = _exchange(admin, created.plaintext, ttl=duration_pb2.Duration(seconds=60))
    assert issued.rate_limit.remaining == 1
