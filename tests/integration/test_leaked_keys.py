"""Leaked keys: ReportLeakedKeys and the GitHub secret-scanning receiver, on both backends.

A real server with its HTTP listener and a configured GitHub key file (a test ECDSA P-256
key pair); reports over gRPC through the generated stubs and over HTTP; the effects read
back through the API and, for events, audit records and "nothing stored", straight from
the database.
"""

from __future__ import annotations

import base64
import json
import logging
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from typing import Any

import grpc
import httpx
import pytest
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from keyturn.v1 import access_pb2, access_pb2_grpc, keys_pb2, keys_pb2_grpc
from keyturn_server.domain import keyformat
from keyturn_server.domain.key_policy import KeyPolicy
from keyturn_server.store.db import sync_url
from keyturn_server.store.key_policies import save_policy
from keyturn_server.usecases import utcnow
from sqlalchemy import Engine, create_engine, inspect, text

from tests.http_support import error_info
from tests.integration.test_keys_manage import Tenant, tenant
from tests.support import ServerThread, expect_error, make_settings, with_token

K = keys_pb2
FOUND, NOT_FOUND, NOT_A_KEY = (
    K.LEAKED_KEY_RESULT_FOUND,
    K.LEAKED_KEY_RESULT_NOT_FOUND,
    K.LEAKED_KEY_RESULT_NOT_A_KEY,
)
GITHUB_KEY_ID = "f9525bf080f75b3506ca1ead061add62b8633a346606dc5fe544e29231c6ee0d"


# ---- fixtures --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def github_key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


def _public_keys_file(path: Path, *keys: tuple[str, ec.EllipticCurvePrivateKey]) -> Path:
    document = {
        "public_keys": [
            {
                "key_identifier": identifier,
                "key": key.public_key()
                .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
                .decode(),
                "is_current": True,
            }
            for identifier, key in keys
        ]
    }
    path.write_text(json.dumps(document))
    return path


@pytest.fixture(scope="module")
def server(
    backend: str,
    new_database_url: Any,
    tmp_path_factory: pytest.TempPathFactory,
    github_key: ec.EllipticCurvePrivateKey,
) -> Iterator[ServerThread]:
    tmp = tmp_path_factory.mktemp("leaks")
    keys_file = _public_keys_file(tmp / "github-keys.json", (GITHUB_KEY_ID, github_key))
    settings = make_settings(
        new_database_url(backend),
        tmp,
        http_listen="127.0.0.1:0",
        github_secret_scanning_keys=keys_file,
    )
    running = ServerThread(settings).start()
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="module")
def channel(server: ServerThread) -> Iterator[grpc.Channel]:
    with grpc.insecure_channel(server.address) as ch:
        yield with_token(ch, server.admin_token)


@pytest.fixture(scope="module")
def stub(channel: grpc.Channel) -> keys_pb2_grpc.KeyServiceStub:
    return keys_pb2_grpc.KeyServiceStub(channel)


@pytest.fixture(scope="module")
def db(server: ServerThread) -> Iterator[Engine]:
    engine = create_engine(sync_url(server.settings.database_url))
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def http(server: ServerThread) -> Iterator[httpx.Client]:
    assert server.server is not None and server.server.http is not None
    with httpx.Client(base_url=server.server.http.url, timeout=30) as client:
        yield client


@pytest.fixture
def t(stub: keys_pb2_grpc.KeyServiceStub) -> Tenant:
    return tenant(stub)


# ---- helpers ---------------------------------------------------------------------------------


def new_key(stub: keys_pb2_grpc.KeyServiceStub, org: str, project: str = "") -> K.CreateKeyResponse:
    return stub.CreateKey(K.CreateKeyRequest(organization_id=org, project_id=project), timeout=10)


def report(
    stub: keys_pb2_grpc.KeyServiceStub,
    *tokens: str,
    source: str = "pastebin",
    url: str = "https://paste.example/1",
) -> list[K.LeakedKeyReport]:
    response = stub.ReportLeakedKeys(
        K.ReportLeakedKeysRequest(
            candidates=[K.LeakedKeyCandidate(token=x, source=source, url=url) for x in tokens]
        ),
        timeout=30,
    )
    assert [r.index for r in response.reports] == list(range(len(tokens)))
    return list(response.reports)


def validate(stub: keys_pb2_grpc.KeyServiceStub, plaintext: str) -> Any:
    return stub.ValidateKey(K.ValidateKeyRequest(plaintext=plaintext, skip_rate_limit=True), timeout=10)


def rows(db: Engine, sql: str, **params: Any) -> list[dict[str, Any]]:
    with db.connect() as conn:
        out = []
        for row in conn.execute(text(sql), params):
            item = dict(row._mapping)
            for name in ("data", "changes"):
                if isinstance(item.get(name), str):
                    item[name] = json.loads(item[name])
            out.append(item)
        return out


def key_events(db: Engine, key_id: str) -> list[dict[str, Any]]:
    """The key's events, without the EXPIRING/EXPIRED warnings of the server's own expiry job."""
    return rows(
        db,
        "SELECT * FROM key_event WHERE key_id = :k AND type NOT IN ('EXPIRING', 'EXPIRED') ORDER BY sequence",
        k=key_id,
    )


def leak_audits(db: Engine, key_id: str) -> list[dict[str, Any]]:
    return rows(
        db,
        "SELECT * FROM audit_event WHERE key_id = :k AND action = 'key.leak_report' ORDER BY sequence",
        k=key_id,
    )


def set_policy(server: ServerThread, org: str, project: str | None, action: str) -> None:
    async def save() -> None:
        async with server.container.db.transaction() as session:
            await save_policy(session, org, project, KeyPolicy(leaked_key_action=action), utcnow())

    server.call(save())
    server.container.key_policy_lookup.forget_all()  # saved past UpdateKeyPolicy: nothing announced it


def principal(
    stub_channel: grpc.Channel, server: ServerThread, *bindings: access_pb2.RoleBinding
) -> grpc.Channel:
    """A channel as a new principal holding `bindings`."""
    access = access_pb2_grpc.AccessServiceStub(stub_channel)
    created = access.CreatePrincipal(
        access_pb2.CreatePrincipalRequest(
            principal=access_pb2.Principal(
                name=f"p-{keyformat.generate('x', 'test')[-12:]}", roles=list(bindings)
            )
        ),
        timeout=10,
    )
    token = access.CreatePrincipalToken(
        access_pb2.CreatePrincipalTokenRequest(principal_id=created.id), timeout=10
    )
    return with_token(grpc.insecure_channel(server.address), token.plaintext)


def eventually(check: Any, timeout: float = 10.0) -> Any:
    """`check()` once it is truthy: a key the reporter may not see is acted upon just after
    the answer (usecases/leaks.py, the outbox), by the server's applier, not by this test."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.02)


def role(name: str, org: str = "", project: str = "") -> access_pb2.RoleBinding:
    return access_pb2.RoleBinding(
        role=access_pb2.Role.Value(f"ROLE_{name}"), organization_id=org, project_id=project
    )


# ---- ReportLeakedKeys ------------------------------------------------------------------------


def test_strings_that_are_not_keys_cost_no_database_work(
    server: ServerThread, stub: keys_pb2_grpc.KeyServiceStub
) -> None:
    key = keyformat.generate("kt", "live")
    bad_checksum = key[:-1] + ("A" if key[-1] != "A" else "B")
    candidates = [
        "hello world",
        bad_checksum,
        "ab" + key[2:],  # another prefix
        keyformat.generate("kta", "live"),  # a principal token's shape
        "kt_live_" + "x" * 5000,
    ]

    class NoDatabase:
        def __getattr__(self, name: str) -> Any:
            raise AssertionError(f"the database was used ({name})")

    leaks = server.container.leaks
    real = leaks.db
    leaks.db = NoDatabase()
    try:
        answers = report(stub, *candidates)
    finally:
        leaks.db = real
    assert [a.result for a in answers] == [NOT_A_KEY] * len(candidates)
    assert all(a.key_id == "" and a.outcome == K.LEAKED_KEY_OUTCOME_UNSPECIFIED for a in answers)


def test_a_found_key_is_revoked_with_event_and_audit(
    stub: keys_pb2_grpc.KeyServiceStub, db: Engine, t: Tenant
) -> None:
    created = new_key(stub, t.org.id, t.project.id)
    key_id = created.key.id
    validate(stub, created.plaintext)

    (answer,) = report(stub, created.plaintext, source="pastebin", url="https://paste.example/a")
    assert (answer.result, answer.key_id, answer.outcome) == (FOUND, key_id, K.LEAKED_KEY_OUTCOME_REVOKED)
    got = stub.GetKey(K.GetKeyRequest(id=key_id), timeout=10)
    assert got.status == K.KEY_STATUS_REVOKED
    assert got.revoke_reason == "leaked: pastebin"
    assert got.HasField("leak_time") and got.leak_time == got.revoke_time
    expect_error(lambda: validate(stub, created.plaintext), grpc.StatusCode.PERMISSION_DENIED, "KEY_REVOKED")

    events = [e for e in key_events(db, key_id) if e["type"] in ("LEAKED", "REVOKED")]
    assert [e["type"] for e in events] == ["LEAKED", "REVOKED"]
    assert events[0]["data"] == {"source": "pastebin", "url": "https://paste.example/a", "action": "REVOKED"}
    assert events[1]["data"] == {"reason": "leaked: pastebin"}
    (record,) = leak_audits(db, key_id)
    assert record["organization_id"] == t.org.id and record["project_id"] == t.project.id
    changes = {c["field"]: c["new"] for c in record["changes"]}
    assert changes["leak.source"] == "pastebin"
    assert changes["leak.url"] == "https://paste.example/a"
    assert "revoke_time" in changes and "leak_time" in changes
    assert record["reason"] == "leaked: pastebin"

    # The same key and url again: a duplicate, nothing changes and nothing is written.
    before = len(key_events(db, key_id))
    (again,) = report(stub, created.plaintext, source="pastebin", url="https://paste.example/a")
    assert (again.result, again.outcome) == (FOUND, K.LEAKED_KEY_OUTCOME_ALREADY_REVOKED)
    assert len(key_events(db, key_id)) == before
    assert len(leak_audits(db, key_id)) == 1

    # Found again elsewhere: a second LEAKED event, but no second revocation.
    (elsewhere,) = report(stub, created.plaintext, source="gist", url="https://gist.example/b")
    assert elsewhere.outcome == K.LEAKED_KEY_OUTCOME_ALREADY_REVOKED
    types = [e["type"] for e in key_events(db, key_id)]
    assert types.count("LEAKED") == 2 and types.count("REVOKED") == 1
    assert key_events(db, key_id)[-1]["data"]["action"] == "ALREADY_REVOKED"
    after = stub.GetKey(K.GetKeyRequest(id=key_id), timeout=10)
    assert after.revoke_time == got.revoke_time and after.revoke_reason == "leaked: pastebin"
    assert after.leak_time == got.leak_time
    assert len(leak_audits(db, key_id)) == 2


def test_flag_policy_keeps_the_key_working(
    server: ServerThread, stub: keys_pb2_grpc.KeyServiceStub, db: Engine, t: Tenant
) -> None:
    set_policy(server, t.org.id, None, "FLAG")
    flagged = new_key(stub, t.org.id, t.project.id)
    org_wide = new_key(stub, t.org.id)
    validate(stub, flagged.plaintext)  # cached by ValidateKey before the report

    answers = report(stub, flagged.plaintext, org_wide.plaintext, source="scanner", url="https://x.example/1")
    assert [(a.result, a.outcome) for a in answers] == [(FOUND, K.LEAKED_KEY_OUTCOME_FLAGGED)] * 2
    got = stub.GetKey(K.GetKeyRequest(id=flagged.key.id), timeout=10)
    assert got.status == K.KEY_STATUS_ACTIVE and got.HasField("leak_time") and not got.HasField("revoke_time")
    validated = validate(stub, flagged.plaintext).key  # still valid, and says it leaked
    assert validated.id == flagged.key.id and validated.leak_time == got.leak_time
    events = key_events(db, flagged.key.id)
    assert [e["type"] for e in events] == ["CREATED", "LEAKED"]
    assert events[-1]["data"]["action"] == "FLAGGED"
    assert len(leak_audits(db, flagged.key.id)) == 1

    (again,) = report(stub, flagged.plaintext, source="scanner", url="https://x.example/1")
    assert again.outcome == K.LEAKED_KEY_OUTCOME_FLAGGED
    assert len(key_events(db, flagged.key.id)) == 2
    assert stub.GetKey(K.GetKeyRequest(id=flagged.key.id), timeout=10).leak_time == got.leak_time

    # The project's policy overlays the organization's: REVOKE there.
    set_policy(server, t.org.id, t.project.id, "REVOKE")
    project_key = new_key(stub, t.org.id, t.project.id)
    another_org_wide = new_key(stub, t.org.id)
    answers = report(stub, project_key.plaintext, another_org_wide.plaintext, url="https://x.example/2")
    assert [a.outcome for a in answers] == [K.LEAKED_KEY_OUTCOME_REVOKED, K.LEAKED_KEY_OUTCOME_FLAGGED]
    assert stub.GetKey(K.GetKeyRequest(id=project_key.key.id), timeout=10).status == K.KEY_STATUS_REVOKED


def test_another_tenant_s_key_is_answered_like_no_key_but_still_revoked(
    server: ServerThread, channel: grpc.Channel, stub: keys_pb2_grpc.KeyServiceStub, db: Engine
) -> None:
    a, b = tenant(stub), tenant(stub)
    theirs = new_key(stub, b.org.id, b.project.id)
    mine = new_key(stub, a.org.id, a.project.id)
    nobody = keyformat.generate("kt", "live")  # right shape and checksum, no such key
    manager = principal(channel, server, role("KEY_MANAGER", a.org.id))
    as_manager = keys_pb2_grpc.KeyServiceStub(manager)

    answers = report(as_manager, theirs.plaintext, nobody, mine.plaintext, url="https://leak.example/x")
    assert answers[0].result == NOT_FOUND
    # Byte for byte the answer of a key that does not exist, apart from the index.
    first, second = K.LeakedKeyReport(), K.LeakedKeyReport()
    first.CopyFrom(answers[0])
    second.CopyFrom(answers[1])
    second.index = first.index
    assert first.SerializeToString() == second.SerializeToString()
    assert (answers[2].result, answers[2].key_id) == (FOUND, mine.key.id)

    # ... and yet the leak was acted upon just after the answer: revoked, with its event and
    # audit record, in the reporter's name.
    def revoked(key_id: str) -> bool:
        return stub.GetKey(K.GetKeyRequest(id=key_id), timeout=10).status == K.KEY_STATUS_REVOKED

    assert eventually(lambda: revoked(theirs.key.id))
    got = stub.GetKey(K.GetKeyRequest(id=theirs.key.id), timeout=10)
    assert got.HasField("leak_time")
    assert [e["type"] for e in key_events(db, theirs.key.id)][-2:] == ["LEAKED", "REVOKED"]
    (audited,) = leak_audits(db, theirs.key.id)
    assert audited["actor"] and audited["actor"] != "system"
    assert audited["actor"] == leak_audits(db, mine.key.id)[0]["actor"]  # the same reporter
    # The reporter cannot read it back either.
    expect_error(
        lambda: as_manager.GetKey(K.GetKeyRequest(id=theirs.key.id), timeout=10),
        grpc.StatusCode.NOT_FOUND,
        "NOT_FOUND",
    )

    # A project-bound key manager does not see the organization's other keys either.
    org_wide = new_key(stub, a.org.id)
    project_manager = keys_pb2_grpc.KeyServiceStub(
        principal(channel, server, role("KEY_MANAGER", a.org.id, a.project.id))
    )
    (hidden,) = report(project_manager, org_wide.plaintext, url="https://leak.example/y")
    assert hidden.result == NOT_FOUND
    assert eventually(lambda: revoked(org_wide.key.id))

    # The global scanner role learns about every tenant's keys, and can do nothing else.
    scanner = keys_pb2_grpc.KeyServiceStub(principal(channel, server, role("LEAK_REPORTER")))
    fresh = new_key(stub, b.org.id)
    (seen,) = report(scanner, fresh.plaintext, url="https://leak.example/z")
    assert (seen.result, seen.key_id, seen.outcome) == (FOUND, fresh.key.id, K.LEAKED_KEY_OUTCOME_REVOKED)
    expect_error(
        lambda: scanner.GetKey(K.GetKeyRequest(id=fresh.key.id), timeout=10),
        grpc.StatusCode.PERMISSION_DENIED,
        "CALLER_FORBIDDEN",
    )


def test_hidden_keys_are_queued_alike_and_applied_after_a_crash(
    backend: str, new_database_url: Any, tmp_path: Path
) -> None:
    """No timing oracle, and no lost revocation: a call reporting another tenant's live key
    writes exactly what a call reporting a string that matches no key writes (one outbox
    row of the same shape, nothing else), commits it before answering, and a server that
    stops before acting on it (a crash) leaves it to the next one, which revokes the key in
    the reporter's name and empties the outbox."""
    url = new_database_url(backend)
    first = ServerThread(make_settings(url, tmp_path / "one")).start()
    db = create_engine(sync_url(url))
    try:

        async def crashed_before_applying(batch: int = 0) -> int:
            return 0

        first.container.leaks.apply_pending = crashed_before_applying
        with grpc.insecure_channel(first.address) as raw:
            admin = with_token(raw, first.admin_token)
            stub = keys_pb2_grpc.KeyServiceStub(admin)
            a, b = tenant(stub), tenant(stub)
            theirs = new_key(stub, b.org.id)
            reporter = keys_pb2_grpc.KeyServiceStub(principal(admin, first, role("KEY_MANAGER", a.org.id)))
            before = {
                table: rows(db, f"SELECT COUNT(*) AS n FROM {table}")[0]["n"]
                for table in ("key_event", "audit_event")
            }
            (foreign,) = report(reporter, theirs.plaintext, url="https://leak.example/crash")
            (nobody,) = report(reporter, keyformat.generate("kt", "live"), url="https://leak.example/crash")
            assert foreign.result == nobody.result == NOT_FOUND
            queued = rows(db, "SELECT * FROM leak_report_outbox ORDER BY create_time")
            assert len(queued) == 2
            entries = [
                json.loads(q["entries"]) if isinstance(q["entries"], str) else q["entries"] for q in queued
            ]
            assert [e[0]["key_id"] for e in entries] == [theirs.key.id, None]
            assert [sorted(e[0]) for e in entries] == [["key_id", "source", "url"]] * 2
            assert queued[0]["actor"] == queued[1]["actor"] != ""
            # Nothing else was written by either call: the key is untouched until applied.
            after = {
                table: rows(db, f"SELECT COUNT(*) AS n FROM {table}")[0]["n"]
                for table in ("key_event", "audit_event")
            }
            assert after == before
            assert stub.GetKey(K.GetKeyRequest(id=theirs.key.id), timeout=10).status == K.KEY_STATUS_ACTIVE
    finally:
        first.stop()
    second = ServerThread(make_settings(url, tmp_path / "two")).start()
    try:
        with grpc.insecure_channel(second.address) as raw:
            stub = keys_pb2_grpc.KeyServiceStub(with_token(raw, second.admin_token))

            def revoked() -> bool:
                got = stub.GetKey(K.GetKeyRequest(id=theirs.key.id), timeout=10)
                return bool(got.status == K.KEY_STATUS_REVOKED)

            second.call(second.container.leaks.apply_pending())  # or its applier, within 5 s
            assert revoked()
        assert rows(db, "SELECT * FROM leak_report_outbox") == []
        from keyturn_server.api.metrics import ContainerCollector

        exposed = {m.name: m for m in ContainerCollector(second.container).collect()}
        assert exposed["keyturn_leak_reports_applied"].samples[0].value == 2  # both calls' rows
        assert [e["type"] for e in key_events(db, theirs.key.id)][-2:] == ["LEAKED", "REVOKED"]
        (audited,) = leak_audits(db, theirs.key.id)
        assert audited["actor"] == queued[0]["actor"] and audited["request_id"] == queued[0]["request_id"]
    finally:
        second.stop()
        db.dispose()


def test_an_outbox_row_that_cannot_be_applied_holds_up_no_other(
    server: ServerThread, channel: grpc.Channel, stub: keys_pb2_grpc.KeyServiceStub, db: Engine
) -> None:
    """A damaged outbox row (here: an entry without its source) is logged with its id and
    left for later; the rows after it are still applied."""
    a, b = tenant(stub), tenant(stub)
    theirs = new_key(stub, b.org.id)
    damaged_id = "00000000-0000-4000-8000-" + keyformat.generate("x", "test")[-12:].lower().rjust(12, "0")
    with db.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO leak_report_outbox (id, create_time, entries, actor, request_id, "
                "client_address, user_agent) VALUES (:i, :t, :e, '', '', '', '')"
            ),
            {"i": damaged_id, "t": datetime(2000, 1, 1), "e": json.dumps([{"key_id": theirs.key.id}])},
        )
    reporter = keys_pb2_grpc.KeyServiceStub(principal(channel, server, role("KEY_MANAGER", a.org.id)))
    (answer,) = report(reporter, theirs.plaintext, url="https://leak.example/poison")
    assert answer.result == NOT_FOUND
    server.call(server.container.leaks.apply_pending())
    assert stub.GetKey(K.GetKeyRequest(id=theirs.key.id), timeout=10).status == K.KEY_STATUS_REVOKED
    left = rows(db, "SELECT id FROM leak_report_outbox")
    assert [r["id"] for r in left] == [damaged_id]
    with db.begin() as conn:
        conn.execute(text("DELETE FROM leak_report_outbox WHERE id = :i"), {"i": damaged_id})


def test_candidates_are_never_stored_or_logged(
    stub: keys_pb2_grpc.KeyServiceStub, db: Engine, t: Tenant, log_records: pytest.LogCaptureFixture
) -> None:
    created = new_key(stub, t.org.id)
    unknown = keyformat.generate("kt", "test")
    junk = "kt_live_this-is-no-key-but-secret-looking"
    report(stub, created.plaintext, unknown, junk, url="https://leak.example/stored")
    secrets = (created.plaintext, unknown, junk, created.plaintext[8:], unknown[8:])
    with db.connect() as conn:
        for table in inspect(db).get_table_names():
            for row in conn.execute(text(f"SELECT * FROM {table}")):
                dumped = repr(tuple(row))
                assert not any(s in dumped for s in secrets), table
    logged = "\n".join(f"{r.getMessage()} {getattr(r, 'fields', '')}" for r in log_records.records)
    assert not any(s in logged for s in secrets)
    assert any(r.levelno >= logging.INFO for r in log_records.records)


def test_bad_requests(stub: keys_pb2_grpc.KeyServiceStub) -> None:
    def call(*candidates: K.LeakedKeyCandidate) -> Any:
        return stub.ReportLeakedKeys(K.ReportLeakedKeysRequest(candidates=list(candidates)), timeout=30)

    def fields(error: Any) -> set[str]:
        from google.rpc import error_details_pb2

        bad = error.detail(error_details_pb2.BadRequest)
        return {v.field for v in bad.field_violations}

    invalid = grpc.StatusCode.INVALID_ARGUMENT
    assert fields(expect_error(call, invalid, "INVALID_ARGUMENT")) == {"candidates"}
    many = [K.LeakedKeyCandidate(token="x")] * 1001
    assert fields(expect_error(lambda: call(*many), invalid, "INVALID_ARGUMENT")) == {"candidates"}
    error = expect_error(
        lambda: call(
            K.LeakedKeyCandidate(token=""),
            K.LeakedKeyCandidate(token="x", source="s" * 101),
            K.LeakedKeyCandidate(token="x", url="https://x/" + "u" * 2048),
        ),
        invalid,
        "INVALID_ARGUMENT",
    )
    assert fields(error) == {"candidates[0].token", "candidates[1].source", "candidates[2].url"}
    error = expect_error(
        lambda: call(
            K.LeakedKeyCandidate(token="x"), K.LeakedKeyCandidate(token="x", source="bad\x00source")
        ),
        invalid,
        "INVALID_ARGUMENT",
    )
    assert fields(error) == {"candidates[1].source"}
    assert "bad" not in error.message
    # 1000 is fine.
    assert len(call(*[K.LeakedKeyCandidate(token="x")] * 1000).reports) == 1000


def test_rest_mapping(
    server: ServerThread, http: httpx.Client, stub: keys_pb2_grpc.KeyServiceStub, t: Tenant
) -> None:
    created = new_key(stub, t.org.id)
    answer = http.post(
        "/v1/keys:reportLeaked",
        json={"candidates": [{"token": created.plaintext, "source": "rest", "url": "u"}, {"token": "nope"}]},
        headers={"Authorization": f"Bearer {server.admin_token}"},
    )
    assert answer.status_code == 200, answer.text
    reports = answer.json()["reports"]
    assert reports[0]["result"] == "LEAKED_KEY_RESULT_FOUND" and reports[0]["key_id"] == created.key.id
    assert reports[0]["outcome"] == "LEAKED_KEY_OUTCOME_REVOKED"
    assert reports[1]["result"] == "LEAKED_KEY_RESULT_NOT_A_KEY"


# ---- the GitHub secret-scanning receiver -----------------------------------------------------


def signed(key: ec.EllipticCurvePrivateKey, body: bytes, identifier: str = GITHUB_KEY_ID) -> dict[str, str]:
    signature = base64.b64encode(key.sign(body, ec.ECDSA(hashes.SHA256()))).decode()
    return {
        "Content-Type": "application/json",
        "Github-Public-Key-Identifier": identifier,
        "Github-Public-Key-Signature": signature,
    }


def test_github_receiver_revokes_and_labels(
    http: httpx.Client,
    stub: keys_pb2_grpc.KeyServiceStub,
    db: Engine,
    t: Tenant,
    github_key: ec.EllipticCurvePrivateKey,
) -> None:
    created = new_key(stub, t.org.id, t.project.id)
    lookalike = keyformat.generate("kt", "live")
    url = "https://github.com/octo/repo/blob/abc/config.env"
    matches = [
        {"token": created.plaintext, "type": "keyturn_api_key", "url": url, "source": "content"},
        {"token": lookalike, "type": "keyturn_api_key", "url": url, "source": "content"},
        {"token": "kt_live_not-a-key", "type": "keyturn_api_key", "url": "", "source": "commit"},
    ]
    body = json.dumps(matches).encode()
    answer = http.post("/github/secret-scanning", content=body, headers=signed(github_key, body))
    assert answer.status_code == 200, answer.text
    assert answer.json() == [
        {"token_raw": created.plaintext, "token_type": "keyturn_api_key", "label": "true_positive"},
        {"token_raw": lookalike, "token_type": "keyturn_api_key", "label": "false_positive"},
        {"token_raw": "kt_live_not-a-key", "token_type": "keyturn_api_key", "label": "false_positive"},
    ]
    got = stub.GetKey(K.GetKeyRequest(id=created.key.id), timeout=10)
    assert got.status == K.KEY_STATUS_REVOKED and got.revoke_reason == "leaked: github:content"
    leaked = [e for e in key_events(db, created.key.id) if e["type"] == "LEAKED"]
    assert len(leaked) == 1
    assert leaked[0]["actor"] == "github-secret-scanning"
    assert leaked[0]["data"] == {"source": "github:content", "url": url, "action": "REVOKED"}
    (record,) = leak_audits(db, created.key.id)
    assert record["actor"] == "github-secret-scanning"

    # GitHub retries deliveries: the same body again changes nothing, still labelled.
    again = http.post("/github/secret-scanning", content=body, headers=signed(github_key, body))
    assert again.status_code == 200 and again.json()[0]["label"] == "true_positive"
    assert len([e for e in key_events(db, created.key.id) if e["type"] == "LEAKED"]) == 1


def test_github_receiver_refuses_unverified_requests(
    http: httpx.Client,
    stub: keys_pb2_grpc.KeyServiceStub,
    db: Engine,
    t: Tenant,
    github_key: ec.EllipticCurvePrivateKey,
) -> None:
    created = new_key(stub, t.org.id)
    body = json.dumps([{"token": created.plaintext, "type": "t", "url": "u", "source": "content"}]).encode()
    other_key = ec.generate_private_key(ec.SECP256R1())
    good = signed(github_key, body)
    attempts = {
        "signed by another key": signed(other_key, body),
        "signature over another body": signed(github_key, body + b" "),
        "unknown key identifier": signed(github_key, body, identifier="0" * 64),
        "no signature": {"Github-Public-Key-Identifier": GITHUB_KEY_ID},
        "no identifier": {"Github-Public-Key-Signature": good["Github-Public-Key-Signature"]},
        "signature not base64": {**good, "Github-Public-Key-Signature": "not base64!"},
        "nothing": {},
    }
    for name, headers in attempts.items():
        answer = http.post("/github/secret-scanning", content=body, headers=headers)
        assert answer.status_code == 401, name
        assert error_info(answer.json())["reason"] == "CALLER_UNAUTHENTICATED", name
        assert created.plaintext not in answer.text
    # Tampered with after signing: refused as well.
    tampered = body.replace(b'"u"', b'"v"')
    assert http.post("/github/secret-scanning", content=tampered, headers=good).status_code == 401
    got = stub.GetKey(K.GetKeyRequest(id=created.key.id), timeout=10)
    assert got.status == K.KEY_STATUS_ACTIVE and not got.HasField("leak_time")
    assert [e["type"] for e in key_events(db, created.key.id)] == ["CREATED"]

    # Signed but not GitHub's shape: 400, nothing done.
    for bad in (b"{}", b"not json", b'[{"type": "t"}]'):
        answer = http.post("/github/secret-scanning", content=bad, headers=signed(github_key, bad))
        assert answer.status_code == 400, bad


def test_github_receiver_is_absent_without_keys(new_database_url: Any, tmp_path: Path) -> None:
    running = ServerThread(
        make_settings(new_database_url("sqlite"), tmp_path, http_listen="127.0.0.1:0")
    ).start()
    try:
        assert running.server is not None and running.server.http is not None
        answer = httpx.post(f"{running.server.http.url}/github/secret-scanning", content=b"[]", timeout=10)
        assert answer.status_code == 404
    finally:
        running.stop()


def test_concurrent_reports_of_one_key_revoke_it_once(
    server: ServerThread, stub: keys_pb2_grpc.KeyServiceStub, db: Engine, t: Tenant
) -> None:
    created = new_key(stub, t.org.id)
    others = [new_key(stub, t.org.id).plaintext for _ in range(3)]

    def one(order: int) -> list[K.LeakedKeyReport]:
        # Different orders of the same keys: locks are taken in id order, so no deadlock.
        tokens = [created.plaintext, *others]
        return report(stub, *(tokens if order % 2 else list(reversed(tokens))), url="https://same.example")

    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(one, range(6)))
    outcomes = [r.outcome for answers in results for r in answers if r.key_id == created.key.id]
    assert sorted(outcomes) == [K.LEAKED_KEY_OUTCOME_REVOKED] + [K.LEAKED_KEY_OUTCOME_ALREADY_REVOKED] * 5
    types = [e["type"] for e in key_events(db, created.key.id)]
    assert types.count("LEAKED") == 1 and types.count("REVOKED") == 1
    assert len(leak_audits(db, created.key.id)) == 1


def test_python_client(server: ServerThread, stub: keys_pb2_grpc.KeyServiceStub, t: Tenant) -> None:
    from keyturn.client import Client

    created = new_key(stub, t.org.id)
    with Client(server.address, token=server.admin_token) as keyturn:
        answer = keyturn.report_leaked_keys(
            [created.plaintext, "nope", K.LeakedKeyCandidate(token=created.plaintext, url="https://other")],
            source="client",
            url="https://client.example",
        )
    assert [r.result for r in answer.reports] == [FOUND, NOT_A_KEY, FOUND]
    assert [r.outcome for r in answer.reports] == [
        K.LEAKED_KEY_OUTCOME_REVOKED,
        K.LEAKED_KEY_OUTCOME_UNSPECIFIED,
        K.LEAKED_KEY_OUTCOME_ALREADY_REVOKED,
    ]
    assert stub.GetKey(K.GetKeyRequest(id=created.key.id), timeout=10).revoke_reason == "leaked: client"
