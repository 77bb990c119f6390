"""AuditService over a real server on SQLite and PostgreSQL: listing, the access log per audit
level, management events written in the change's transaction, and usage reports."""

from __future__ import annotations

import asyncio
import itertools
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import grpc
import pytest
from google.protobuf import duration_pb2, timestamp_pb2
from keyturn.v1 import audit_pb2, keys_pb2, keys_pb2_grpc
from keyturn_server.domain.audit import FAILURE, SUCCESS, AuditRecord
from keyturn_server.store.access_log import AccessLogWriter

from tests.audit_support import append, audit_stub, database, execute
from tests.support import ServerThread, channel, expect_error, make_settings

INVALID = grpc.StatusCode.INVALID_ARGUMENT


def _stamp(value: datetime) -> timestamp_pb2.Timestamp:
    stamp = timestamp_pb2.Timestamp()
    stamp.FromDatetime(value)
    return stamp


def _list_all(ch: grpc.Channel, flt: audit_pb2.AuditEventFilter, **fields: Any) -> list[audit_pb2.AuditEvent]:
    stub = audit_stub(ch)
    events: list[audit_pb2.AuditEvent] = []
    token = ""
    while True:
        page = stub.ListAuditEvents(
            audit_pb2.ListAuditEventsRequest(filter=flt, page_token=token, **fields), timeout=10
        )
        events.extend(page.events)
        token = page.next_page_token
        if not token:
            return events


@pytest.fixture(scope="module")
def ch(server: ServerThread) -> Iterator[grpc.Channel]:
    with channel(server.address) as c:
        yield c


# ---- ListAuditEvents ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeded(server: ServerThread) -> dict[str, Any]:
    """13 events in two organizations with varied actors, actions, outcomes and times."""
    org_a, org_b = str(uuid.uuid4()), str(uuid.uuid4())
    key = str(uuid.uuid4())
    old = datetime.now(UTC) - timedelta(hours=5)
    records = [
        AuditRecord(action="key.create", organization_id=org_a, key_id=key, actor="alice", event_time=old),
        *[
            AuditRecord(
                action="key.validate",
                outcome=FAILURE if i % 3 == 0 else SUCCESS,
                reason="KEY_REVOKED" if i % 3 == 0 else "",
                organization_id=org_a,
                project_id="p-1" if i < 4 else "",
                key_id=key,
                actor="svc",
            )
            for i in range(9)
        ],
        AuditRecord(action="key.revoke", organization_id=org_a, key_id=key, actor="bob", reason="leaked"),
        AuditRecord(action="key.create", organization_id=org_b, actor="alice"),
        AuditRecord(action="organization.create", organization_id=org_b, actor="alice"),
    ]
    sequences = append(server, records)
    return {"org_a": org_a, "org_b": org_b, "key": key, "sequences": sequences, "old": old}


def test_list_filters(ch: grpc.Channel, seeded: dict[str, Any]) -> None:
    org_a, org_b = seeded["org_a"], seeded["org_b"]
    assert len(_list_all(ch, audit_pb2.AuditEventFilter(organization_id=org_a))) == 11
    assert len(_list_all(ch, audit_pb2.AuditEventFilter(organization_id=org_b))) == 2
    assert len(_list_all(ch, audit_pb2.AuditEventFilter(key_id=seeded["key"]))) == 11
    assert len(_list_all(ch, audit_pb2.AuditEventFilter(project_id="p-1", key_id=seeded["key"]))) == 4
    by_actor = _list_all(ch, audit_pb2.AuditEventFilter(organization_id=org_a, actor="bob"))
    assert [e.action for e in by_actor] == ["key.revoke"]
    assert by_actor[0].reason == "leaked"
    actions = _list_all(
        ch, audit_pb2.AuditEventFilter(organization_id=org_a, actions=["key.create", "key.revoke"])
    )
    assert sorted(e.action for e in actions) == ["key.create", "key.revoke"]
    failures = _list_all(
        ch, audit_pb2.AuditEventFilter(organization_id=org_a, outcome=audit_pb2.AUDIT_OUTCOME_FAILURE)
    )
    assert len(failures) == 3 and all(e.reason == "KEY_REVOKED" for e in failures)
    recent = _list_all(
        ch,
        audit_pb2.AuditEventFilter(
            organization_id=org_a, start_time=_stamp(seeded["old"] + timedelta(minutes=1))
        ),
    )
    assert len(recent) == 10
    older = _list_all(
        ch,
        audit_pb2.AuditEventFilter(
            organization_id=org_a, end_time=_stamp(seeded["old"] + timedelta(minutes=1))
        ),
    )
    assert [e.action for e in older] == ["key.create"]
    assert older[0].event_time.ToDatetime(tzinfo=UTC) == seeded["old"]


def test_list_pagination_both_orders(ch: grpc.Channel, seeded: dict[str, Any]) -> None:
    flt = audit_pb2.AuditEventFilter(organization_id=seeded["org_a"])
    newest = _list_all(ch, flt, page_size=3)
    assert [e.sequence for e in newest] == sorted(seeded["sequences"][:11], reverse=True)
    oldest = _list_all(ch, flt, page_size=4, order=audit_pb2.AUDIT_ORDER_OLDEST_FIRST)
    assert [e.sequence for e in oldest] == seeded["sequences"][:11]
    # The hash chain is visible to clients: each event links to the one before it.
    everything = _list_all(ch, audit_pb2.AuditEventFilter(), order=audit_pb2.AUDIT_ORDER_OLDEST_FIRST)
    for earlier, later in itertools.pairwise(everything):
        assert later.previous_hash == earlier.hash
    page = audit_stub(ch).ListAuditEvents(
        audit_pb2.ListAuditEventsRequest(filter=flt, page_size=11), timeout=5
    )
    assert len(page.events) == 11 and page.next_page_token == ""


def test_list_rejects_bad_tokens_and_ranges(ch: grpc.Channel, seeded: dict[str, Any]) -> None:
    stub = audit_stub(ch)
    flt = audit_pb2.AuditEventFilter(organization_id=seeded["org_a"])
    token = stub.ListAuditEvents(
        audit_pb2.ListAuditEventsRequest(filter=flt, page_size=2), timeout=5
    ).next_page_token
    assert token
    other = audit_pb2.AuditEventFilter(organization_id=seeded["org_b"])
    for request in (
        audit_pb2.ListAuditEventsRequest(filter=other, page_token=token),
        audit_pb2.ListAuditEventsRequest(
            filter=flt, page_token=token, order=audit_pb2.AUDIT_ORDER_OLDEST_FIRST
        ),
        audit_pb2.ListAuditEventsRequest(filter=flt, page_token="not-a-token"),
        audit_pb2.ListAuditEventsRequest(filter=flt, page_size=-1),
    ):
        err = expect_error(lambda r=request: stub.ListAuditEvents(r, timeout=5), INVALID, "INVALID_ARGUMENT")
        assert err.field_violations and err.field_violations[0] in ("page_token", "page_size")
    now = datetime.now(UTC)
    bad_range = audit_pb2.AuditEventFilter(start_time=_stamp(now), end_time=_stamp(now - timedelta(hours=1)))
    err = expect_error(
        lambda: stub.ListAuditEvents(audit_pb2.ListAuditEventsRequest(filter=bad_range), timeout=5),
        INVALID,
        "INVALID_ARGUMENT",
    )
    assert err.field_violations == ["filter.end_time"]
    # Oversized pages are capped, not refused.
    assert stub.ListAuditEvents(audit_pb2.ListAuditEventsRequest(page_size=5000), timeout=5).events


# ---- the access log -------------------------------------------------------------------------


def _access_records(org: str) -> list[AuditRecord]:
    return [
        AuditRecord(action="key.validate", outcome=SUCCESS, organization_id=org),
        AuditRecord(action="key.validate", outcome=FAILURE, reason="KEY_INVALID", organization_id=org),
        AuditRecord(action="crypto.encrypt", organization_id=org),
    ]


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        ("basic", [("crypto.encrypt", 1)]),
        ("detailed", [("crypto.encrypt", 1), ("key.validate", 2)]),
        ("verbose", [("crypto.encrypt", 1), ("key.validate", 1), ("key.validate", 2)]),
    ],
)
def test_access_log_levels(server: ServerThread, ch: grpc.Channel, level: str, expected: list[Any]) -> None:
    org = str(uuid.uuid4())

    async def run() -> AccessLogWriter:
        writer = AccessLogWriter(server.container.db, level, 100)  # type: ignore[arg-type]
        await writer.start()
        for record in _access_records(org):
            await writer.submit(record)
        await writer.stop()
        return writer

    writer = server.call(run())
    events = _list_all(ch, audit_pb2.AuditEventFilter(organization_id=org))
    assert sorted((e.action, e.outcome) for e in events) == expected
    assert writer.dropped == 0 and writer.written == len(expected)


def test_server_access_log_is_wired_at_the_configured_level(server: ServerThread, ch: grpc.Channel) -> None:
    """The default server runs at `detailed`: failures kept, successes filtered."""
    org = str(uuid.uuid4())
    log = server.container.access_log

    async def run() -> None:
        for record in _access_records(org):
            await log.submit(record)
        await log.flush()

    server.call(run())
    events = _list_all(ch, audit_pb2.AuditEventFilter(organization_id=org))
    assert sorted(e.action for e in events) == ["crypto.encrypt", "key.validate"]
    # One batch, one transaction: consecutive sequences.
    assert abs(events[0].sequence - events[1].sequence) == 1


def test_full_queue_waits_then_counts_the_drop(server: ServerThread, ch: grpc.Channel) -> None:
    org = str(uuid.uuid4())

    async def run() -> tuple[int, int]:
        writer = AccessLogWriter(server.container.db, "verbose", 2, put_timeout_seconds=0.05)
        records = [AuditRecord(action="crypto.encrypt", organization_id=org) for _ in range(3)]
        # Not started: nothing drains, so the third submit waits briefly and is then dropped.
        for record in records:
            await writer.submit(record)
        dropped = writer.dropped
        # A submit that waits while the writer makes room is NOT dropped.
        await writer.start()
        late = asyncio.create_task(writer.submit(AuditRecord(action="crypto.encrypt", organization_id=org)))
        await late
        await writer.stop()
        return dropped, writer.dropped

    dropped_before, dropped_after = server.call(run())
    assert (dropped_before, dropped_after) == (1, 1)
    assert len(_list_all(ch, audit_pb2.AuditEventFilter(organization_id=org))) == 3


# ---- management actions ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def keys(ch: grpc.Channel) -> keys_pb2_grpc.KeyServiceStub:
    return keys_pb2_grpc.KeyServiceStub(ch)


def test_management_action_writes_exactly_one_event(
    ch: grpc.Channel, keys: keys_pb2_grpc.KeyServiceStub
) -> None:
    request_id = "req-" + uuid.uuid4().hex[:12]
    org = keys.CreateOrganization(
        keys_pb2.CreateOrganizationRequest(name=f"audited-{uuid.uuid4().hex[:8]}"),
        metadata=[("x-request-id", request_id)],
        timeout=10,
    )
    events = _list_all(ch, audit_pb2.AuditEventFilter(organization_id=org.id))
    assert [e.action for e in events] == ["organization.create"]
    event = events[0]
    assert event.outcome == audit_pb2.AUDIT_OUTCOME_SUCCESS
    assert event.resource_id == org.id
    assert event.request_id == request_id
    assert event.actor and event.actor != ""
    assert event.client_address
    assert event.hash and len(event.previous_hash) == 64


def _install_failing_trigger(url: str) -> None:
    with database(url) as db:
        if db.dialect.name == "sqlite":
            execute(
                db,
                "CREATE TRIGGER kt_fail_audit BEFORE INSERT ON audit_event "
                "WHEN NEW.action = 'organization.create' "
                "BEGIN SELECT RAISE(ABORT, 'audit store refused'); END",
            )
        else:
            execute(
                db,
                "CREATE FUNCTION kt_fail_audit() RETURNS trigger AS $$ BEGIN "
                "IF NEW.action = 'organization.create' THEN RAISE EXCEPTION 'audit store refused'; "
                "END IF; RETURN NEW; END $$ LANGUAGE plpgsql",
            )
            execute(
                db,
                "CREATE TRIGGER kt_fail_audit BEFORE INSERT ON audit_event "
                "FOR EACH ROW EXECUTE FUNCTION kt_fail_audit()",
            )


def _drop_failing_trigger(url: str) -> None:
    with database(url) as db:
        if db.dialect.name == "sqlite":
            execute(db, "DROP TRIGGER IF EXISTS kt_fail_audit")
        else:
            execute(db, "DROP TRIGGER IF EXISTS kt_fail_audit ON audit_event")
            execute(db, "DROP FUNCTION IF EXISTS kt_fail_audit()")


def test_change_is_rolled_back_when_its_audit_event_cannot_be_written(
    server: ServerThread, ch: grpc.Channel, keys: keys_pb2_grpc.KeyServiceStub
) -> None:
    name = f"unaudited-{uuid.uuid4().hex[:8]}"
    url = server.settings.database_url
    _install_failing_trigger(url)
    try:
        with pytest.raises(grpc.RpcError) as info:
            keys.CreateOrganization(keys_pb2.CreateOrganizationRequest(name=name), timeout=10)
        assert info.value.code() == grpc.StatusCode.INTERNAL
    finally:
        _drop_failing_trigger(url)
    # Fail closed: the organization does not exist, so GetOrCreate creates it now.
    created = keys.GetOrCreateOrganization(keys_pb2.GetOrCreateOrganizationRequest(name=name), timeout=10)
    assert created.created
    events = _list_all(ch, audit_pb2.AuditEventFilter(organization_id=created.organization.id))
    assert [e.action for e in events] == ["organization.create"]
    assert audit_stub(ch).VerifyAuditChain(audit_pb2.VerifyAuditChainRequest(), timeout=30).ok


# ---- ValidateKey at `verbose`, and usage reports --------------------------------------------


@pytest.fixture(scope="module")
def verbose_server(
    backend: str, new_database_url: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServerThread]:
    url = new_database_url(backend)
    settings = make_settings(url, tmp_path_factory.mktemp("verbose"), audit_level="verbose")
    running = ServerThread(settings).start()
    try:
        yield running
    finally:
        running.stop()


def _flush(server: ServerThread) -> None:
    async def run() -> None:
        await server.container.access_log.flush()

    server.call(run())


def test_usage_report_adds_up_to_the_calls_made(verbose_server: ServerThread) -> None:
    with channel(verbose_server.address) as c:
        keys = keys_pb2_grpc.KeyServiceStub(c)
        tag = uuid.uuid4().hex[:8]
        org = keys.CreateOrganization(keys_pb2.CreateOrganizationRequest(name=f"rep-{tag}"), timeout=10).id
        project = keys.CreateProject(
            keys_pb2.CreateProjectRequest(organization_id=org, name="p"), timeout=10
        ).id

        def create(ttl_hours: int | None = None) -> keys_pb2.CreateKeyResponse:
            request = keys_pb2.CreateKeyRequest(
                organization_id=org,
                project_id=project,
                metadata=keys_pb2.KeyMetadata(name="k", scopes=["read"]),
            )
            if ttl_hours is not None:
                request.ttl.CopyFrom(duration_pb2.Duration(seconds=ttl_hours * 3600))
            return keys.CreateKey(request, timeout=10)

        used, other, expiring = create(), create(), create(ttl_hours=2)
        successes = {used.key.id: 5, other.key.id: 2}
        for created in (used, other):
            for _ in range(successes[created.key.id]):
                keys.ValidateKey(keys_pb2.ValidateKeyRequest(plaintext=created.plaintext), timeout=10)
        for _ in range(3):
            with pytest.raises(grpc.RpcError):
                keys.ValidateKey(
                    keys_pb2.ValidateKeyRequest(plaintext=used.plaintext, required_scopes=["admin"]),
                    timeout=10,
                )
        with pytest.raises(grpc.RpcError):
            keys.ValidateKey(keys_pb2.ValidateKeyRequest(plaintext=used.plaintext[:-2] + "xx"), timeout=10)
        _flush(verbose_server)

        stub = audit_stub(c)
        start = datetime.now(UTC) - timedelta(hours=3)

        def report(**subject: str) -> audit_pb2.GetUsageReportResponse:
            return stub.GetUsageReport(
                audit_pb2.GetUsageReportRequest(
                    start_time=_stamp(start),
                    granularity=audit_pb2.REPORT_GRANULARITY_HOUR,
                    expiring_within=duration_pb2.Duration(seconds=3 * 3600),
                    unused_since=_stamp(start),
                    **subject,
                ),
                timeout=30,
            )

        by_key = report(key_id=used.key.id)
        assert (by_key.total_success, by_key.total_failure) == (5, 3)
        assert dict(by_key.failures_by_reason) == {"INSUFFICIENT_SCOPE": 3}
        assert len(by_key.buckets) in (4, 5)  # [now-3h, now) on hour boundaries, empty ones included
        assert sum(b.success_count for b in by_key.buckets) == 5
        assert sum(b.failure_count for b in by_key.buckets) == 3
        assert by_key.HasField("last_used_time")

        # Keys' last_used_time is written by the usage flusher (every 0.2 s in tests).
        deadline = time.monotonic() + 10
        while len(report(project_id=project).unused_keys) > 1 and time.monotonic() < deadline:
            time.sleep(0.1)
        by_project = report(project_id=project)
        by_org = report(organization_id=org)
        for whole in (by_project, by_org):
            assert (whole.total_success, whole.total_failure) == (7, 3)
            assert [k.id for k in whole.expiring_keys] == [expiring.key.id]
            assert [k.id for k in whole.unused_keys] == [expiring.key.id]

        # The malformed key matched no key: recorded with a fingerprint, in nobody's report.
        unknown = _list_all(
            c,
            audit_pb2.AuditEventFilter(actions=["key.validate"], outcome=audit_pb2.AUDIT_OUTCOME_FAILURE),
        )
        assert any(e.key_fingerprint and not e.key_id for e in unknown)
        # Batched access events (COPY on PostgreSQL) chain exactly like management events.
        assert stub.VerifyAuditChain(audit_pb2.VerifyAuditChainRequest(), timeout=30).ok
        assert all(used.plaintext[:-2] not in e.SerializeToString().decode("latin-1") for e in unknown)


def test_usage_report_validation(ch: grpc.Channel) -> None:
    stub = audit_stub(ch)
    now = datetime.now(UTC)
    cases = [
        audit_pb2.GetUsageReportRequest(start_time=_stamp(now - timedelta(days=1))),
        audit_pb2.GetUsageReportRequest(
            key_id="k", project_id="p", start_time=_stamp(now - timedelta(days=1))
        ),
        audit_pb2.GetUsageReportRequest(key_id="k"),
        audit_pb2.GetUsageReportRequest(key_id="k", start_time=_stamp(now), end_time=_stamp(now)),
        audit_pb2.GetUsageReportRequest(
            key_id="k",
            start_time=_stamp(now - timedelta(days=3650)),
            granularity=audit_pb2.REPORT_GRANULARITY_HOUR,
        ),
    ]
    for request in cases:
        expect_error(lambda r=request: stub.GetUsageReport(r, timeout=5), INVALID, "INVALID_ARGUMENT")
    empty = stub.GetUsageReport(
        audit_pb2.GetUsageReportRequest(
            key_id=str(uuid.uuid4()),
            start_time=_stamp(now - timedelta(days=2)),
            end_time=_stamp(now),
        ),
        timeout=5,
    )
    assert len(empty.buckets) == 3 and empty.total_success == 0 and not empty.HasField("last_used_time")
