"""The audit hash chain: edits, deletions and insertions made directly in the database are
detected at the right sequence; pruning keeps the remaining chain verifiable.

Each test tampers, checks VerifyAuditChain, then repairs the database so the next test
starts from an intact chain (the server is shared by the module). Pruning runs last.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import grpc
import pytest
from keyturn.v1 import audit_pb2
from keyturn_server import cli
from sqlalchemy import Engine

from tests.audit_support import (
    append,
    audit_stub,
    crypto_records,
    database,
    execute,
    insert_row,
    read_row,
    rechain,
    rehash,
    shift_down,
    shift_up,
    verify,
)
from tests.support import ServerThread, expect_error, make_settings
from tests.support import channel as support_channel


@pytest.fixture(scope="module")
def chain_server(
    backend: str, new_database_url, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServerThread]:  # type: ignore[no-untyped-def]
    url = new_database_url(backend)
    running = ServerThread(make_settings(url, tmp_path_factory.mktemp("chain"))).start()
    try:
        append(running, crypto_records(20))
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="module")
def channel(chain_server: ServerThread) -> Iterator[grpc.Channel]:
    with support_channel(chain_server.address) as ch:
        yield ch


def _head(channel: grpc.Channel) -> int:
    events = audit_stub(channel).ListAuditEvents(audit_pb2.ListAuditEventsRequest(page_size=1), timeout=10)
    return events.events[0].sequence if events.events else 0


def _oldest(channel: grpc.Channel) -> int:
    listed = audit_stub(channel).ListAuditEvents(
        audit_pb2.ListAuditEventsRequest(order=audit_pb2.AUDIT_ORDER_OLDEST_FIRST, page_size=1), timeout=5
    )
    return listed.events[0].sequence


def _db_time(engine: Engine, value: datetime) -> object:
    if engine.dialect.name == "sqlite":
        return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    return value


def test_intact_chain_verifies(channel: grpc.Channel) -> None:
    result = verify(channel)
    assert result.ok, result
    assert result.events_checked >= 20
    assert result.first_bad_sequence == 0 and result.problem == ""
    newest = audit_stub(channel).ListAuditEvents(audit_pb2.ListAuditEventsRequest(page_size=1), timeout=10)
    assert result.head_hash == newest.events[0].hash


def test_edited_row_is_a_hash_mismatch_at_that_row(chain_server: ServerThread, channel: grpc.Channel) -> None:
    with database(chain_server.settings.database_url) as db:
        original = read_row(db, 7)
        execute(db, "UPDATE audit_event SET reason = 'nothing to see' WHERE sequence = 7")
        try:
            result = verify(channel)
            assert (result.ok, result.first_bad_sequence, result.problem) == (False, 7, "hash_mismatch")
            assert result.events_checked == 6
            # A range that starts after the edit links to the stored hash of event 7: still ok.
            assert verify(channel, start=8).ok
            assert not verify(channel, start=5, end=9).ok
        finally:
            execute(db, "UPDATE audit_event SET reason = :r WHERE sequence = 7", r=original["reason"])
    assert verify(channel).ok


def test_edit_with_recomputed_hash_breaks_the_next_link(
    chain_server: ServerThread, channel: grpc.Channel
) -> None:
    with database(chain_server.settings.database_url) as db:
        original = read_row(db, 9)
        forged = {**original, "actor": "someone-else"}
        execute(
            db,
            "UPDATE audit_event SET actor = :a, hash = :h WHERE sequence = 9",
            a=forged["actor"],
            h=rehash(forged),
        )
        try:
            result = verify(channel)
            assert (result.ok, result.first_bad_sequence, result.problem) == (False, 10, "link_mismatch")
        finally:
            execute(
                db,
                "UPDATE audit_event SET actor = :a, hash = :h WHERE sequence = 9",
                a=original["actor"],
                h=original["hash"],
            )
    assert verify(channel).ok


def test_deleted_row_is_a_sequence_gap(chain_server: ServerThread, channel: grpc.Channel) -> None:
    with database(chain_server.settings.database_url) as db:
        original = read_row(db, 12)
        execute(db, "DELETE FROM audit_event WHERE sequence = 12")
        try:
            result = verify(channel)
            assert (result.ok, result.first_bad_sequence, result.problem) == (False, 12, "sequence_gap")
            assert result.events_checked == 11
            # Starting right after the hole: the predecessor is missing.
            assert verify(channel, start=13).first_bad_sequence == 12
        finally:
            insert_row(db, original)
    assert verify(channel).ok


def test_deleted_and_renumbered_rows_are_a_hash_mismatch(
    chain_server: ServerThread, channel: grpc.Channel
) -> None:
    with database(chain_server.settings.database_url) as db:
        original = read_row(db, 5)
        execute(db, "DELETE FROM audit_event WHERE sequence = 5")
        shift_down(db, 6)
        try:
            result = verify(channel)
            # Event 6 now sits at 5; its sequence is hashed, and its link points at the old 5.
            assert (result.ok, result.first_bad_sequence) == (False, 5)
            assert result.problem in ("link_mismatch", "hash_mismatch")
        finally:
            shift_up(db, 5)
            insert_row(db, original)
    assert verify(channel).ok


def test_inserted_row_is_detected(chain_server: ServerThread, channel: grpc.Channel) -> None:
    with database(chain_server.settings.database_url) as db:
        before = read_row(db, 14)
        shift_up(db, 15)
        forged = {
            **before,
            "sequence": 15,
            "action": "key.revoke",
            "reason": "inserted",
            "previous_hash": before["hash"],
        }
        try:
            # A naive insert (hash not recomputed) fails at the inserted row itself.
            insert_row(db, {**forged, "hash": "f" * 64})
            result = verify(channel)
            assert (result.ok, result.first_bad_sequence, result.problem) == (False, 15, "hash_mismatch")
            # A careful forger recomputes its hash: the next event's link still gives it away.
            execute(db, "UPDATE audit_event SET hash = :h WHERE sequence = 15", h=rehash(forged))
            result = verify(channel)
            assert (result.ok, result.first_bad_sequence, result.problem) == (False, 16, "link_mismatch")
        finally:
            execute(db, "DELETE FROM audit_event WHERE sequence = 15")
            shift_down(db, 16)
    assert verify(channel).ok


def test_verify_range_validation(channel: grpc.Channel) -> None:
    stub = audit_stub(channel)
    expect_error(
        lambda: stub.VerifyAuditChain(
            audit_pb2.VerifyAuditChainRequest(start_sequence=10, end_sequence=5), timeout=5
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
        "INVALID_ARGUMENT",
    )
    expect_error(
        lambda: stub.VerifyAuditChain(audit_pb2.VerifyAuditChainRequest(start_sequence=-1), timeout=5),
        grpc.StatusCode.INVALID_ARGUMENT,
        "INVALID_ARGUMENT",
    )
    partial = verify(channel, start=3, end=8)
    assert partial.ok and partial.events_checked == 6


def test_prune_keeps_the_rest_verifiable(
    chain_server: ServerThread, channel: grpc.Channel, capsys: pytest.CaptureFixture[str]
) -> None:
    """Runs last: backdates all but the newest 5 events, then prunes them with the CLI."""
    now = datetime.now(UTC)
    url = chain_server.settings.database_url
    head = _head(channel)
    with database(url) as db:
        # As if these events had been written a month ago (and chained that way).
        execute(
            db,
            "UPDATE audit_event SET event_time = :t WHERE sequence <= :s",
            t=_db_time(db, now - timedelta(days=30)),
            s=head - 5,
        )
        # One late event inside the old range stops the prefix: pruning never leaves holes.
        execute(db, "UPDATE audit_event SET event_time = :t WHERE sequence = 3", t=_db_time(db, now))
        rechain(db)
    assert verify(channel).ok
    total = verify(channel).events_checked

    cutoff = (now - timedelta(days=1)).isoformat()
    capsys.readouterr()
    # --dry-run names exactly what the prune below deletes, and deletes nothing.
    assert cli.main(["audit", "prune", "--before", cutoff, "--database-url", url, "--dry-run"]) == 0
    planned = capsys.readouterr().out
    assert "would delete 2 audit events" in planned and "(sequences 1..2)" in planned, planned
    assert verify(channel).events_checked == total
    assert cli.main(["audit", "prune", "--before", cutoff, "--database-url", url, "--yes"]) == 0
    assert _oldest(channel) == 3
    assert verify(channel).events_checked == total - 2
    with database(url) as db:
        execute(
            db,
            "UPDATE audit_event SET event_time = :t WHERE sequence = 3",
            t=_db_time(db, now - timedelta(days=30)),
        )
        rechain(db)
    assert cli.main(["audit", "prune", "--before", cutoff, "--database-url", url, "--yes"]) == 0
    result = verify(channel)
    assert result.ok, result
    assert result.events_checked == 5
    assert _oldest(channel) == head - 4

    # The chain continues after the anchor, and pruning everything still leaves a verifiable head.
    append(chain_server, crypto_records(3))
    assert verify(channel).ok
    future = (now + timedelta(days=1)).isoformat()
    assert cli.main(["audit", "prune", "--before", future, "--database-url", url, "--yes"]) == 0
    empty = verify(channel)
    assert empty.ok and empty.events_checked == 0
    sequences = append(chain_server, crypto_records(2))
    assert sequences[0] == head + 3 + 1
    after = verify(channel)
    assert after.ok and after.events_checked == 2

    # Tampering with the anchor's successor is still caught after pruning.
    with database(url) as db:
        execute(db, "UPDATE audit_event SET reason = 'x' WHERE sequence = :s", s=sequences[0])
    bad = verify(channel)
    assert (bad.ok, bad.first_bad_sequence, bad.problem) == (False, sequences[0], "hash_mismatch")
