"""KeyService.ValidateKeys: one stream, many validations, each answered with what ValidateKey
answers (the same key, the same google.rpc.Status and ErrorInfo), the same rate limits,
usage and audit; authenticated once per stream; one log line per stream with a count."""

from __future__ import annotations

import logging
import time
from typing import Any

import grpc
import pytest
from google.rpc import error_details_pb2, status_pb2
from grpc_status import rpc_status
from keyturn.v1 import audit_pb2, audit_pb2_grpc, keys_pb2, keys_pb2_grpc

from tests.integration.test_validate import create_key, make_tenant, validate
from tests.support import ServerThread, channel

HOUR = keys_pb2.RATE_LIMIT_WINDOW_HOUR


@pytest.fixture(scope="module")
def stub(grpc_channel: grpc.Channel) -> keys_pb2_grpc.KeyServiceStub:
    return keys_pb2_grpc.KeyServiceStub(grpc_channel)


def stream(
    stub: keys_pb2_grpc.KeyServiceStub, requests: list[keys_pb2.ValidateKeyRequest]
) -> dict[str, keys_pb2.ValidateKeysResponse]:
    messages = [keys_pb2.ValidateKeysRequest(request_id=str(i), validation=r) for i, r in enumerate(requests)]
    answers = {a.request_id: a for a in stub.ValidateKeys(iter(messages), timeout=30)}
    assert len(answers) == len(requests)
    return answers


def unary_status(call: Any) -> status_pb2.Status:
    try:
        call()
    except grpc.RpcError as err:
        status = rpc_status.from_call(err)  # type: ignore[arg-type]
        assert status is not None
        return status
    raise AssertionError("expected an error")


def reasons(status: status_pb2.Status) -> list[str]:
    found = []
    for packed in status.details:
        if packed.Is(error_details_pb2.ErrorInfo.DESCRIPTOR):
            info = error_details_pb2.ErrorInfo()
            packed.Unpack(info)
            found.append(info.reason)
    return found


def test_each_answer_is_what_validate_key_answers(stub: keys_pb2_grpc.KeyServiceStub) -> None:
    tenant = make_tenant(stub)
    good = create_key(stub, tenant.org, scopes=("read",))
    revoked = create_key(stub, tenant.org)
    stub.RevokeKey(keys_pb2.RevokeKeyRequest(id=revoked.key.id))
    cases = [
        keys_pb2.ValidateKeyRequest(plaintext=good.plaintext, required_scopes=["read"]),
        keys_pb2.ValidateKeyRequest(plaintext=good.plaintext, required_scopes=["write"]),
        keys_pb2.ValidateKeyRequest(plaintext=revoked.plaintext),
        keys_pb2.ValidateKeyRequest(plaintext="kt_live_" + "A" * 43 + "000000"),
        keys_pb2.ValidateKeyRequest(plaintext="not a key"),
        keys_pb2.ValidateKeyRequest(plaintext=""),
        keys_pb2.ValidateKeyRequest(plaintext=good.plaintext, client_ip="not-an-ip"),
        keys_pb2.ValidateKeyRequest(plaintext=good.plaintext, product_id="nul\x00"),
    ]
    answers = stream(stub, cases)
    ok = answers["0"]
    assert ok.WhichOneof("result") == "validation"
    assert ok.validation.key.id == good.key.id
    assert ok.validation.key.status == keys_pb2.KEY_STATUS_ACTIVE
    for i, case in enumerate(cases[1:], start=1):
        answer = answers[str(i)]
        assert answer.WhichOneof("result") == "error", (i, answer)
        expected = unary_status(lambda case=case: stub.ValidateKey(case, timeout=10))
        got = answer.error
        assert got.code == expected.code, (i, got, expected)
        assert reasons(got) == reasons(expected) and len(reasons(got)) == 1, (i, got, expected)
        assert [d.type_url for d in got.details] == [d.type_url for d in expected.details]
        assert got.message == expected.message


def test_request_id_is_required(stub: keys_pb2_grpc.KeyServiceStub) -> None:
    tenant = make_tenant(stub)
    good = create_key(stub, tenant.org)
    messages = [
        keys_pb2.ValidateKeysRequest(
            request_id="", validation=keys_pb2.ValidateKeyRequest(plaintext=good.plaintext)
        ),
        keys_pb2.ValidateKeysRequest(
            request_id="x" * 129, validation=keys_pb2.ValidateKeyRequest(plaintext=good.plaintext)
        ),
    ]
    for answer in stub.ValidateKeys(iter(messages), timeout=10):
        assert answer.WhichOneof("result") == "error"
        assert answer.error.code == grpc.StatusCode.INVALID_ARGUMENT.value[0]
        assert reasons(answer.error) == ["INVALID_ARGUMENT"]
        bad = [d for d in answer.error.details if d.Is(error_details_pb2.BadRequest.DESCRIPTOR)]
        request = error_details_pb2.BadRequest()
        bad[0].Unpack(request)
        assert [v.field for v in request.field_violations] == ["request_id"]


def test_rate_limit_is_exact_and_usage_counted(stub: keys_pb2_grpc.KeyServiceStub) -> None:
    tenant = make_tenant(stub)
    limited = create_key(stub, tenant.org, limit=(25, HOUR))
    answers = stream(stub, [keys_pb2.ValidateKeyRequest(plaintext=limited.plaintext)] * 60)
    results = [a.WhichOneof("result") for a in answers.values()]
    assert results.count("validation") == 25
    denied = [a.error for a in answers.values() if a.WhichOneof("result") == "error"]
    assert len(denied) == 35
    assert {tuple(reasons(s)) for s in denied} == {("RATE_LIMITED",)}
    assert {s.code for s in denied} == {grpc.StatusCode.RESOURCE_EXHAUSTED.value[0]}
    # A unary call after the stream sees the same exhausted window.
    assert (
        unary_status(lambda: validate(stub, limited.plaintext)).code
        == grpc.StatusCode.RESOURCE_EXHAUSTED.value[0]
    )
    deadline = time.monotonic() + 10
    while stub.GetKey(keys_pb2.GetKeyRequest(id=limited.key.id)).use_count < 25:
        assert time.monotonic() < deadline, "stream validations were not counted as uses"
        time.sleep(0.1)
    assert stub.GetKey(keys_pb2.GetKeyRequest(id=limited.key.id)).use_count == 25


def test_failures_are_audited_like_validate_key(
    server: ServerThread, grpc_channel: grpc.Channel, stub: keys_pb2_grpc.KeyServiceStub
) -> None:
    tenant = make_tenant(stub)
    created = create_key(stub, tenant.org, scopes=("read",))
    stream(stub, [keys_pb2.ValidateKeyRequest(plaintext=created.plaintext, required_scopes=["admin"])] * 3)
    server.call(server.container.access_log.flush())
    events = (
        audit_pb2_grpc.AuditServiceStub(grpc_channel)
        .ListAuditEvents(
            audit_pb2.ListAuditEventsRequest(
                filter=audit_pb2.AuditEventFilter(key_id=created.key.id, actions=["key.validate"])
            ),
            timeout=10,
        )
        .events
    )
    assert len(events) == 3  # the default audit level keeps failed attempts
    assert {e.reason for e in events} == {"INSUFFICIENT_SCOPE"}
    assert all(e.request_id for e in events)


def test_unauthenticated_stream_is_refused(server: ServerThread) -> None:
    with channel(server.address, token="") as ch:
        answers = keys_pb2_grpc.KeyServiceStub(ch).ValidateKeys(
            iter([keys_pb2.ValidateKeysRequest(request_id="1")]), timeout=10
        )
        with pytest.raises(grpc.RpcError) as caught:
            list(answers)
    assert caught.value.code() == grpc.StatusCode.UNAUTHENTICATED


def test_undecodable_message_ends_the_stream(server: ServerThread) -> None:
    with channel(server.address) as ch:
        raw = ch.stream_stream("/keyturn.v1.KeyService/ValidateKeys")
        with pytest.raises(grpc.RpcError) as caught:
            list(raw(iter([b"\xff\xff\xff"]), timeout=10))
    assert caught.value.code() == grpc.StatusCode.INVALID_ARGUMENT


def test_one_log_line_per_stream(
    stub: keys_pb2_grpc.KeyServiceStub, log_records: pytest.LogCaptureFixture
) -> None:
    tenant = make_tenant(stub)
    created = create_key(stub, tenant.org)
    log_records.clear()
    stream(stub, [keys_pb2.ValidateKeyRequest(plaintext=created.plaintext)] * 7)
    deadline = time.monotonic() + 5
    while True:
        lines = [
            r
            for r in log_records.records
            if r.name == "keyturn.rpc"
            and getattr(r, "fields", {}).get("method") == "/keyturn.v1.KeyService/ValidateKeys"
        ]
        if lines or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert len(lines) == 1
    fields = lines[0].fields  # type: ignore[attr-defined]
    assert fields["code"] == "OK" and fields["messages"] == "7"
    assert created.plaintext not in logging.Formatter().format(lines[0]) + str(fields)


# ---- the client: KeyValidator, and the interceptor / FastAPI dependency with stream=True ------


def test_key_validator_multiplexes_concurrent_calls(
    server: ServerThread, stub: keys_pb2_grpc.KeyServiceStub
) -> None:
    import asyncio

    from keyturn.client import AsyncClient, InvalidKeyError, KeyValidator, QuotaError, RevokedKeyError

    tenant = make_tenant(stub)
    good = create_key(stub, tenant.org)
    limited = create_key(stub, tenant.org, limit=(30, HOUR))
    revoked = create_key(stub, tenant.org)
    stub.RevokeKey(keys_pb2.RevokeKeyRequest(id=revoked.key.id))

    async def run() -> list[Any]:
        async with AsyncClient(server.address, token=server.admin_token) as client:
            validator = KeyValidator(client)
            calls = [validator.validate(good.plaintext) for _ in range(100)]
            calls += [validator.validate(limited.plaintext) for _ in range(80)]
            calls += [validator.validate(revoked.plaintext), validator.validate("kt_live_nope")]
            results = await asyncio.gather(*calls, return_exceptions=True)
            # The unary call raises the same classes with the same details.
            try:
                await client.validate_key(revoked.plaintext)
            except RevokedKeyError as unary:
                streamed = results[-2]
                assert isinstance(streamed, RevokedKeyError)
                assert (streamed.reason, streamed.code, streamed.message) == (
                    unary.reason,
                    unary.code,
                    unary.message,
                )
            await validator.close()
            return results

    results = asyncio.run(run())
    assert all(isinstance(r, keys_pb2.ValidateKeyResponse) and r.key.id == good.key.id for r in results[:100])
    limited_results = results[100:180]
    assert sum(isinstance(r, keys_pb2.ValidateKeyResponse) for r in limited_results) == 30
    quota = [r for r in limited_results if isinstance(r, QuotaError)]
    assert len(quota) == 50 and all(q.retry_after_seconds for q in quota)
    assert isinstance(results[-1], InvalidKeyError)


def test_fastapi_dependency_and_interceptor_over_the_stream(
    server: ServerThread, stub: keys_pb2_grpc.KeyServiceStub
) -> None:
    import asyncio

    from fastapi import Depends, FastAPI
    from fastapi.testclient import TestClient
    from grpc_health.v1 import health, health_pb2, health_pb2_grpc
    from keyturn.client import AsyncClient
    from keyturn.client.fastapi import require_api_key
    from keyturn.client.interceptor import APIKeyInterceptor

    tenant = make_tenant(stub)
    good = create_key(stub, tenant.org, scopes=("a",))
    limited = create_key(stub, tenant.org, scopes=("a",), limit=(1, HOUR))

    client = AsyncClient(server.address, token=server.admin_token)
    app = FastAPI()
    guard = require_api_key(client, ["a"], stream=True)

    @app.get("/")
    async def root(api_key: keys_pb2.ApiKey = Depends(guard)) -> dict[str, str]:  # noqa: B008
        return {"id": api_key.id}

    with TestClient(app) as http:
        assert http.get("/", headers={"X-API-Key": good.plaintext}).json() == {"id": good.key.id}
        assert http.get("/", headers={"X-API-Key": "kt_live_nope"}).status_code == 401
        assert http.get("/", headers={"X-API-Key": limited.plaintext}).status_code == 200
        denied = http.get("/", headers={"X-API-Key": limited.plaintext})
        assert denied.status_code == 429 and int(denied.headers["retry-after"]) >= 1

    async def guarded_health() -> None:
        async with AsyncClient(server.address, token=server.admin_token) as keyturn:
            guarded = grpc.aio.server(
                interceptors=[
                    APIKeyInterceptor(
                        keyturn, {"/grpc.health.v1.Health/*": ["a"]}, public_methods=(), stream=True
                    )
                ]
            )
            health_pb2_grpc.add_HealthServicer_to_server(health.aio.HealthServicer(), guarded)
            port = guarded.add_insecure_port("127.0.0.1:0")
            await guarded.start()
            try:
                async with grpc.aio.insecure_channel(f"127.0.0.1:{port}") as ch:
                    check = health_pb2_grpc.HealthStub(ch).Check
                    ok = await check(
                        health_pb2.HealthCheckRequest(), metadata=(("x-api-key", good.plaintext),)
                    )
                    assert ok.status == health_pb2.HealthCheckResponse.SERVING
                    try:
                        await check(
                            health_pb2.HealthCheckRequest(), metadata=(("x-api-key", limited.plaintext),)
                        )
                    except grpc.aio.AioRpcError as err:
                        assert err.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
                        status = rpc_status.from_call(err)  # type: ignore[arg-type]
                        assert status is not None and reasons(status) == ["RATE_LIMITED"]
                    else:
                        raise AssertionError("an exhausted key passed the interceptor")
            finally:
                await guarded.stop(None)

    asyncio.run(guarded_health())
