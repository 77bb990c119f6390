"""The REST/JSON edge over a real server and a real HTTP listener, on SQLite and PostgreSQL:
the reference's four calls, the AIP-127 routes, the same errors, audit and log line as gRPC,
and server-sent events."""

from __future__ import annotations

import base64
import json
import logging
import threading
import uuid
from typing import Any

import grpc
import httpx
import pytest
from keyturn.v1 import keys_pb2, keys_pb2_grpc

from tests import http_support
from tests.http_support import base_url, detail, error_info
from tests.support import ServerThread, channel

http_server = http_support.http_server
rest = http_support.rest


def _org(rest: httpx.Client) -> str:
    answer = rest.post("/v1/organizations", json={"name": f"org-{uuid.uuid4().hex[:10]}"})
    assert answer.status_code == 200, answer.text
    return str(answer.json()["id"])


# -- the reference API's four calls ------------------------------------------------------------


def test_generate_key_as_the_reference_calls_it(rest: httpx.Client) -> None:
    answer = rest.get("/v1/auth/generate-key", params={"type": "api-key", "prefix": "tk"})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["key"].startswith("tk_") and len(body["key"]) == 3 + 64
    assert body["entropy_bits"] == 256.0
    assert body["type"] == "api-key"  # the reference's spelling, on its routes
    for kind, params, length in (
        ("uuid-v4", {}, 36),
        ("nanoid", {"length": "21"}, 21),
        ("secret", {"length": "64"}, 64),
        ("TOKEN_TYPE_SECRET", {}, 64),
    ):
        answer = rest.get("/v1/auth/generate-key", params={"type": kind, **params})
        assert answer.status_code == 200, (kind, answer.text)
        assert len(answer.json()["key"]) == length
        assert answer.json()["type"] in ("uuid-v4", "nanoid", "secret")


def test_generate_keypair_encrypt_decrypt(rest: httpx.Client) -> None:
    ec = rest.post("/v1/auth/generate-keypair", json={"algorithm": "EC", "curve": "P-256"}).json()
    assert ec["public_key"].startswith("-----BEGIN PUBLIC KEY-----")
    assert ec["private_key"].startswith("-----BEGIN PRIVATE KEY-----")
    assert ec["algorithm"] == "EC" and ec["curve"] == "P-256" and ec["key_size"] is None
    rsa = rest.post("/v1/auth/generate-keypair", json={"algorithm": "RSA", "keySize": 2048}).json()
    assert rsa["key_size"] == 2048 and rsa["algorithm"] == "RSA" and rsa["curve"] is None

    # As the reference has it: plaintext is text in and out; ciphertext, iv, tag, salt base64.
    secret = "ab" * 32
    plaintext = "Sensitive user data — SSN, card number, etc."
    sealed = rest.post("/v1/auth/encrypt", json={"plaintext": plaintext, "key": secret}).json()
    assert set(sealed) >= {"ciphertext", "iv", "tag", "algorithm"} and sealed["salt"] is None
    assert sealed["algorithm"] == "AES-256-GCM"
    opened = rest.post(
        "/v1/auth/decrypt",
        json={"ciphertext": sealed["ciphertext"], "iv": sealed["iv"], "tag": sealed["tag"], "key": secret},
    ).json()
    assert opened["plaintext"] == plaintext
    assert opened["algorithm"] == "AES-256-GCM"
    # What the REST route sealed is what gRPC's Decrypt opens: the UTF-8 bytes of the text.
    assert base64.b64decode(sealed["ciphertext"])

    with_password = rest.post("/v1/auth/encrypt", json={"plaintext": plaintext, "password": "pw"}).json()
    assert with_password["salt"]
    wrong = rest.post(
        "/v1/auth/decrypt",
        json={**{k: with_password[k] for k in ("ciphertext", "iv", "tag", "salt")}, "password": "nope"},
    )
    assert wrong.status_code == 400
    assert error_info(wrong.json())["reason"] == "DECRYPTION_FAILED"
    assert "nope" not in wrong.text


# -- the key lifecycle through AIP-127 routes ------------------------------------------------


def test_key_lifecycle_and_its_audit(rest: httpx.Client, http_server: ServerThread) -> None:
    org = _org(rest)
    created = rest.post(
        "/v1/keys",
        json={"organizationId": org, "metadata": {"name": "web", "scopes": ["read"]}, "environment": "test"},
    )
    assert created.status_code == 200, created.text
    key, plaintext = created.json()["key"], created.json()["plaintext"]
    assert key["environment"] == "ENVIRONMENT_TEST"

    valid = rest.post("/v1/keys:validate", json={"plaintext": plaintext, "required_scopes": ["read"]})
    assert valid.status_code == 200 and valid.json()["key"]["id"] == key["id"]
    # The same key over gRPC: one implementation behind both edges.
    with channel(http_server.address) as ch:
        answer = keys_pb2_grpc.KeyServiceStub(ch).GetKey(keys_pb2.GetKeyRequest(id=key["id"]))
        assert answer.metadata.name == "web"

    patched = rest.patch(
        f"/v1/keys/{key['id']}",
        params={"update_mask": "metadata.name"},
        json={"metadata": {"name": "renamed"}},
    )
    assert patched.status_code == 200, patched.text
    assert patched.json()["metadata"]["name"] == "renamed"

    rotated = rest.post(f"/v1/keys/{key['id']}:rotate", json={"gracePeriod": "0s"}).json()
    successor = rotated["key"]["id"]
    revoked = rest.post(f"/v1/keys/{successor}:revoke", json={"reason": "leaked"})
    assert revoked.json()["status"] == "KEY_STATUS_REVOKED"
    refused = rest.post("/v1/keys:validate", json={"plaintext": rotated["plaintext"]})
    assert refused.status_code == 403 and error_info(refused.json())["reason"] == "KEY_REVOKED"

    listed = rest.get("/v1/keys", params={"organization_id": org, "status": "revoked"}).json()
    assert [k["id"] for k in listed["keys"]] == [successor]
    page = rest.get("/v1/keys", params={"organizationId": org, "pageSize": "1", "status": "all"}).json()
    assert len(page["keys"]) == 1 and page["next_page_token"]
    second = rest.get(
        "/v1/keys",
        params={
            "organizationId": org,
            "pageSize": "1",
            "status": "all",
            "pageToken": page["next_page_token"],
        },
    ).json()
    assert second["keys"][0]["id"] != page["keys"][0]["id"]

    events = rest.get(
        "/v1/auditEvents", params={"filter.key_id": successor, "order": "AUDIT_ORDER_OLDEST_FIRST"}
    )
    assert events.status_code == 200, events.text
    actions = [e["action"] for e in events.json()["events"]]
    assert "key.revoke" in actions, actions
    assert rest.delete(f"/v1/keys/{successor}").status_code == 200
    gone = rest.get(f"/v1/keys/{successor}")
    assert gone.status_code == 404 and error_info(gone.json())["reason"] == "NOT_FOUND"

    verified = rest.post("/v1/auditEvents:verifyChain", json={}).json()
    assert verified["ok"] is True


# -- the same errors as gRPC ------------------------------------------------------------------


def test_errors_are_google_rpc_status_with_http_codes(rest: httpx.Client, http_server: ServerThread) -> None:
    url = base_url(http_server)
    anonymous = httpx.get(url + "/v1/organizations")
    assert anonymous.status_code == 401
    assert error_info(anonymous.json())["reason"] == "CALLER_UNAUTHENTICATED"
    assert anonymous.json()["code"] == grpc.StatusCode.UNAUTHENTICATED.value[0]
    bad_token = httpx.get(url + "/v1/organizations", headers={"Authorization": "Bearer kta_nope"})
    assert bad_token.status_code == 401

    unknown = rest.post("/v1/organizations", json={"name": "x", "colour": "red"})
    assert unknown.status_code == 400
    violations = detail(unknown.json(), "BadRequest")
    assert violations is not None and violations["field_violations"][0]["field"] == "colour"
    not_json = rest.post("/v1/organizations", content=b"{nope", headers={"content-type": "application/json"})
    assert not_json.status_code == 400 and error_info(not_json.json())["reason"] == "INVALID_ARGUMENT"
    # ValidateKey answers an unreadable request as it answers an unreadable key.
    garbled = rest.post("/v1/keys:validate", content=b"[1,2")
    assert garbled.status_code == 401 and error_info(garbled.json())["reason"] == "KEY_INVALID"
    empty_name = rest.post("/v1/organizations", json={"name": ""})
    assert empty_name.status_code == 400

    name = f"dup-{uuid.uuid4().hex[:8]}"
    assert rest.post("/v1/organizations", json={"name": name}).status_code == 200
    again = rest.post("/v1/organizations", json={"name": name})
    assert again.status_code == 409 and error_info(again.json())["reason"] == "ALREADY_EXISTS"

    missing = rest.get(f"/v1/organizations/{uuid.uuid4()}")
    assert missing.status_code == 404
    assert rest.get("/v1/nothing-here").status_code == 404
    wrong_verb = rest.put("/v1/auth/encrypt", json={})
    assert wrong_verb.status_code == 405 and error_info(wrong_verb.json())["reason"] == "NOT_IMPLEMENTED"

    too_big = rest.post("/v1/auth/encrypt", content=b"{" + b" " * (7 * 1024 * 1024) + b"}")
    assert too_big.status_code == 400 and error_info(too_big.json())["reason"] == "PAYLOAD_TOO_LARGE"


def test_rate_limit_is_429_with_retry_after(rest: httpx.Client) -> None:
    org = _org(rest)
    created = rest.post(
        "/v1/keys",
        json={"organization_id": org, "metadata": {"rate_limit": {"requests": "1", "window": "minute"}}},
    ).json()
    assert rest.post("/v1/keys:validate", json={"plaintext": created["plaintext"]}).status_code == 200
    limited = rest.post("/v1/keys:validate", json={"plaintext": created["plaintext"]})
    assert limited.status_code == 429
    assert error_info(limited.json())["reason"] == "RATE_LIMITED"
    assert 1 <= int(limited.headers["retry-after"]) <= 60
    assert detail(limited.json(), "RetryInfo") is not None


def test_validator_may_validate_but_not_manage(rest: httpx.Client, http_server: ServerThread) -> None:
    org = _org(rest)
    principal = rest.post(
        "/v1/principals",
        json={"name": f"gw-{uuid.uuid4().hex[:8]}", "roles": [{"role": "validator", "organizationId": org}]},
    )
    assert principal.status_code == 200, principal.text
    token = rest.post(f"/v1/principals/{principal.json()['id']}/tokens", json={"description": "gw"}).json()
    key = rest.post("/v1/keys", json={"organization_id": org}).json()
    headers = {"Authorization": f"Bearer {token['plaintext']}"}
    url = base_url(http_server)
    assert (
        httpx.post(
            url + "/v1/keys:validate", json={"plaintext": key["plaintext"]}, headers=headers
        ).status_code
        == 200
    )
    denied = httpx.post(url + "/v1/keys", json={"organization_id": org}, headers=headers)
    assert denied.status_code == 403 and error_info(denied.json())["reason"] == "CALLER_FORBIDDEN"
    who = httpx.get(url + "/v1/callerIdentity", headers=headers).json()
    assert who["principal"]["roles"][0]["role"] == "ROLE_VALIDATOR"


def test_managed_keys_over_rest(rest: httpx.Client) -> None:
    org = _org(rest)
    created = rest.post(
        "/v1/cryptoKeys",
        json={
            "organization_id": org,
            "name": f"rest-{uuid.uuid4().hex[:8]}",
            "purpose": "ENCRYPT_DECRYPT",
            "algorithm": "AES_256_GCM",
        },
    )
    assert created.status_code == 200, created.text
    key_id = created.json()["id"]
    assert rest.get(f"/v1/cryptoKeys/{key_id}").json()["id"] == key_id
    data = base64.b64encode(b"payload").decode()
    sealed = rest.post(f"/v1/cryptoKeys/{key_id}:encrypt", json={"plaintext": data})
    assert sealed.status_code == 200, sealed.text
    opened = rest.post("/v1/cryptoKeys:decrypt", json={"ciphertext": sealed.json()["ciphertext"]})
    assert opened.status_code == 200, opened.text
    assert base64.b64decode(opened.json()["plaintext"]) == b"payload"
    versions = rest.get(f"/v1/cryptoKeys/{key_id}/versions/1")
    assert versions.status_code == 200 and versions.json()["number"] == 1, versions.text
    missing = rest.get(f"/v1/cryptoKeys/{uuid.uuid4()}")
    assert missing.status_code == 404
    assert error_info(missing.json())["reason"] == "NOT_FOUND"


# -- request ids, headers, the log line --------------------------------------------------------


def test_request_id_security_headers_and_one_log_line(
    rest: httpx.Client, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="keyturn.rpc")
    answer = rest.get("/v1/callerIdentity", headers={"x-request-id": "rest-test-42"})
    assert answer.status_code == 200
    assert answer.headers["x-request-id"] == "rest-test-42"
    assert "default-src 'self'" in answer.headers["content-security-policy"]
    assert answer.headers["x-frame-options"] == "DENY"
    assert answer.headers["x-content-type-options"] == "nosniff"
    assert answer.headers["referrer-policy"] == "no-referrer"
    lines = [r for r in caplog.records if getattr(r, "fields", {}).get("request_id") == "rest-test-42"]
    assert len(lines) == 1
    fields = lines[0].fields  # type: ignore[attr-defined]
    assert fields["method"] == "/keyturn.v1.AccessService/GetCallerIdentity"
    assert fields["code"] == "OK" and fields["transport"] == "http" and "duration_ms" in fields
    assert rest.get("/openapi.json").json()["openapi"].startswith("3.")


# -- server-sent events ------------------------------------------------------------------------


def _events(response: httpx.Response, wanted: int) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for line in response.iter_lines():
        if line.startswith("data: "):
            found.append(json.loads(line[len("data: ") :]))
            if len(found) >= wanted:
                break
    return found


def test_stream_audit_events_as_server_sent_events(rest: httpx.Client, http_server: ServerThread) -> None:
    org = _org(rest)
    url = base_url(http_server)
    headers = {"Authorization": f"Bearer {http_server.admin_token}"}
    received: list[dict[str, Any]] = []
    opened = threading.Event()

    def tail() -> None:
        params = {"live_only": "true", "filter.organization_id": org}
        with httpx.stream(
            "GET", url + "/v1/auditEvents:stream", params=params, headers=headers, timeout=30
        ) as r:
            assert r.status_code == 200 and r.headers["content-type"].startswith("text/event-stream")
            opened.set()
            received.extend(_events(r, 1))

    thread = threading.Thread(target=tail)
    thread.start()
    assert opened.wait(10)
    rest.post("/v1/keys", json={"organization_id": org})
    thread.join(20)
    assert received and received[0]["event"]["action"] == "key.create"

    bad = httpx.get(
        url + "/v1/auditEvents:stream", params={"filter.start_time": "not a time"}, headers=headers
    )
    assert bad.status_code == 400 and bad.headers["content-type"].startswith("application/json")
    anonymous = httpx.get(url + "/v1/auditEvents:stream")
    assert anonymous.status_code == 401
