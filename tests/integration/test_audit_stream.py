"""StreamAuditEvents: replay then follow, filters, events from a second server process
(PostgreSQL LISTEN/NOTIFY), and a clean end when the client cancels."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from typing import Any

import grpc
import pytest
from keyturn.v1 import audit_pb2, keys_pb2, keys_pb2_grpc

from tests.audit_support import append, audit_stub, crypto_records
from tests.support import TEST_ROOT_KEY, TEST_SECRET, ServerProcess, ServerThread, StreamReader, channel


def audit_reader(ch: grpc.Channel, request: audit_pb2.StreamAuditEventsRequest) -> StreamReader:
    return StreamReader(audit_stub(ch).StreamAuditEvents(request))


@pytest.fixture(scope="module")
def ch(server: ServerThread) -> Iterator[grpc.Channel]:
    with channel(server.address) as c:
        yield c


def _head(ch: grpc.Channel) -> int:
    page = audit_stub(ch).ListAuditEvents(audit_pb2.ListAuditEventsRequest(page_size=1), timeout=5)
    return page.events[0].sequence if page.events else 0


def test_replay_then_follow_then_cancel(server: ServerThread, ch: grpc.Channel) -> None:
    org = str(uuid.uuid4())
    first = append(server, crypto_records(3, organization_id=org))
    reader = audit_reader(
        ch,
        audit_pb2.StreamAuditEventsRequest(
            filter=audit_pb2.AuditEventFilter(organization_id=org), after_sequence=first[0] - 1
        ),
    )
    try:
        assert reader.started_after() == first[0] - 1  # a replay starts where it was asked to
        assert [e.sequence for e in reader.take(3)] == first
        # Live: other organizations' events are filtered out, ours arrive in order.
        append(server, crypto_records(2, organization_id=str(uuid.uuid4())))
        later = append(server, crypto_records(2, organization_id=org))
        assert [e.sequence for e in reader.take(2)] == later
        assert reader.events.empty()
    finally:
        reader.cancel()
    assert reader.error is not None and reader.error.code() == grpc.StatusCode.CANCELLED
    # The server is fine afterwards.
    assert audit_stub(ch).VerifyAuditChain(audit_pb2.VerifyAuditChainRequest(), timeout=30).ok


def test_live_only_skips_the_replay(server: ServerThread, ch: grpc.Channel) -> None:
    before = append(server, crypto_records(2))
    reader = audit_reader(ch, audit_pb2.StreamAuditEventsRequest(live_only=True))
    try:
        start = reader.started_after()  # the headers: no event written before them follows
        assert start >= before[-1]
        fresh = append(server, crypto_records(1))
        got = reader.take(1)
        assert got[0].sequence == fresh[0] > start
    finally:
        reader.cancel()


def test_access_log_events_reach_the_stream(server: ServerThread, ch: grpc.Channel) -> None:
    """Batched writes wake the stream (SQLite: without waiting for the poll)."""
    from keyturn_server.domain.audit import AuditRecord

    org = str(uuid.uuid4())
    reader = audit_reader(
        ch,
        audit_pb2.StreamAuditEventsRequest(
            filter=audit_pb2.AuditEventFilter(organization_id=org), after_sequence=_head(ch)
        ),
    )
    try:

        async def submit() -> None:
            for _ in range(5):
                await server.container.access_log.submit(
                    AuditRecord(action="crypto.decrypt", organization_id=org)
                )

        server.call(submit())
        assert [e.action for e in reader.take(5)] == ["crypto.decrypt"] * 5
    finally:
        reader.cancel()


def test_stream_rejects_negative_after_sequence(ch: grpc.Channel) -> None:
    call = audit_stub(ch).StreamAuditEvents(audit_pb2.StreamAuditEventsRequest(after_sequence=-1), timeout=5)
    with pytest.raises(grpc.RpcError) as info:
        next(iter(call))
    assert info.value.code() == grpc.StatusCode.INVALID_ARGUMENT


def test_stream_sees_events_from_a_second_server_process(
    backend: str, server: ServerThread, ch: grpc.Channel
) -> None:
    if backend != "postgresql":
        pytest.skip("several server processes share a database only on PostgreSQL")
    second = ServerProcess(
        env={
            "KEYTURN_DATABASE_URL": server.settings.database_url,
            "KEYTURN_SECRET": TEST_SECRET,
            "KEYTURN_ROOT_KEY": TEST_ROOT_KEY,
            "KEYTURN_LOG_LEVEL": "WARNING",
        }
    ).start()
    reader = audit_reader(
        ch,
        audit_pb2.StreamAuditEventsRequest(
            filter=audit_pb2.AuditEventFilter(actions=["organization.create"]), after_sequence=_head(ch)
        ),
    )
    try:
        with channel(second.address) as other:
            keys = keys_pb2_grpc.KeyServiceStub(other)
            created = [
                keys.CreateOrganization(
                    keys_pb2.CreateOrganizationRequest(name=f"remote-{uuid.uuid4().hex[:8]}"), timeout=10
                ).id
                for _ in range(3)
            ]
            started = time.monotonic()
            got = reader.take(3, timeout=15)
            latency = time.monotonic() - started
        assert [e.resource_id for e in got] == created
        # Delivered by NOTIFY (the poll backstop is 2 s; this would be slower).
        feed = server.container.audit_feed
        assert feed.notifications > 0
        assert latency < 2.0, latency
    finally:
        reader.cancel()
        second.stop()


def _wait_for(condition: Any, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.02)


def test_many_streams_share_one_read_per_event(server: ServerThread, ch: grpc.Channel) -> None:
    """N open streams, one appended event: one query for new events, and every stream gets it."""
    from sqlalchemy import event

    feed = server.container.audit_feed
    org, other = str(uuid.uuid4()), str(uuid.uuid4())
    streams = 24
    readers = [
        audit_reader(
            ch,
            audit_pb2.StreamAuditEventsRequest(
                filter=audit_pb2.AuditEventFilter(organization_id=org if i % 2 else other), live_only=True
            ),
        )
        for i in range(streams)
    ]
    reads: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if "FROM audit_event" in statement and "audit_event.sequence >" in statement:
            reads.append(statement)

    engine = server.container.db.engine.sync_engine
    try:
        _wait_for(lambda: len(feed._subscribers) >= streams)
        time.sleep(0.5)  # let any read already under way finish
        event.listen(engine, "before_cursor_execute", count)
        before = feed.reads
        fresh = append(server, crypto_records(1, organization_id=org))
        for reader in readers[1::2]:
            assert [e.sequence for e in reader.take(1)] == fresh
        time.sleep(0.5)
        assert all(reader.events.empty() for reader in readers)
        assert len(reads) == 1, reads
        # The feed's poll ticks may add reads that find nothing new; none of them per stream.
        assert feed.reads - before < streams // 2
    finally:
        event.remove(engine, "before_cursor_execute", count)
        for reader in readers:
            reader.cancel()


def test_shutdown_ends_open_streams_at_once(
    backend: str,
    new_database_url: Any,
    tmp_path_factory: pytest.TempPathFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    import logging

    from google.rpc import error_details_pb2

    from tests.support import decode_error, make_settings

    caplog.set_level(logging.INFO, logger="keyturn")
    own = ServerThread(make_settings(new_database_url(backend), tmp_path_factory.mktemp("stop"))).start()
    stopped = False
    try:
        with channel(own.address) as c:
            readers = [
                audit_reader(c, audit_pb2.StreamAuditEventsRequest(after_sequence=0)) for _ in range(3)
            ]
            _wait_for(lambda: len(own.container.audit_feed._subscribers) >= 3)
            started = time.monotonic()
            own.stop(grace=8.0)
            stopped = True
            took = time.monotonic() - started
            for reader in readers:
                assert reader.finished.wait(5)
                assert reader.error is not None
                decoded = decode_error(reader.error)
                assert decoded.code == grpc.StatusCode.UNAVAILABLE
                assert decoded.reason == "UNAVAILABLE"
                assert decoded.message == "server shutting down"
                assert decoded.detail(error_details_pb2.RetryInfo) is not None
        # The streams did not hold the server for its 8 s grace period.
        assert took < 4.0, took
        final = [r for r in caplog.records if r.getMessage() == "shutdown complete"]
        assert final and getattr(final[-1], "fields", {}).get("flush_finished") is True
    finally:
        if not stopped:
            own.stop()
