"""Pure rules of the audit reader: buckets, chain verification (page tokens: test_paging.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from keyturn_server.domain.audit import GENESIS_HASH, event_hash
from keyturn_server.domain.audit_query import (
    ChainVerifier,
    UsageTally,
    bucket_count,
    bucket_starts,
)

T0 = datetime(2025, 3, 1, 10, 30, tzinfo=UTC)


def test_buckets_cover_the_range_on_utc_boundaries() -> None:
    starts = bucket_starts(T0, T0 + timedelta(hours=3), "hour")
    assert starts == [T0.replace(minute=0) + timedelta(hours=h) for h in range(4)]
    assert bucket_count(T0, T0 + timedelta(hours=3), "hour") == 4
    assert bucket_starts(T0, T0 + timedelta(days=2), "day") == [
        datetime(2025, 3, d, tzinfo=UTC) for d in (1, 2, 3)
    ]
    assert bucket_starts(T0, T0, "day") == []


def test_tally_counts_by_bucket_and_reason() -> None:
    tally = UsageTally.empty(T0, T0 + timedelta(hours=2), "hour")
    tally.add(T0, "SUCCESS", "", 4)
    tally.add(T0 + timedelta(hours=1), "FAILURE", "KEY_REVOKED", 2)
    tally.add(T0 + timedelta(hours=1), "FAILURE", "", 1)
    tally.add(T0 + timedelta(days=5), "SUCCESS", "", 100)  # outside: ignored
    assert [b.success_count for b in tally.buckets] == [4, 0, 0]
    assert tally.buckets[1].failures_by_reason == {"KEY_REVOKED": 2, "UNKNOWN": 1}
    assert (tally.total_success, tally.total_failure) == (4, 3)


def _chain(count: int) -> list[dict[str, object]]:
    events, previous = [], GENESIS_HASH
    for sequence in range(1, count + 1):
        values: dict[str, object] = {
            "sequence": sequence,
            "event_time": T0,
            "actor": "a",
            "action": "x",
            "resource_type": "",
            "resource_id": "",
            "organization_id": "",
            "project_id": "",
            "key_id": "",
            "outcome": "SUCCESS",
            "reason": "",
            "request_id": "",
            "client_address": "",
            "user_agent": "",
            "changes": [],
            "key_fingerprint": "",
            "previous_hash": previous,
        }
        values["hash"] = previous = event_hash(values)
        events.append(values)
    return events


def _verify(events: list[dict[str, object]]) -> tuple[bool, int, str, int]:
    verifier = ChainVerifier(1, GENESIS_HASH)
    for values in events:
        if not verifier.feed(values):
            break
    result = verifier.result()
    return result.ok, result.first_bad_sequence, result.problem, result.events_checked


def test_chain_verifier_names_the_first_break() -> None:
    events = _chain(5)
    assert _verify(events) == (True, 0, "", 5)
    edited = [dict(e) for e in events]
    edited[2]["reason"] = "x"
    assert _verify(edited) == (False, 3, "hash_mismatch", 2)
    assert _verify(events[:1] + events[2:]) == (False, 2, "sequence_gap", 1)
    relinked = [dict(e) for e in events]
    relinked[3]["previous_hash"] = "0" * 64
    assert _verify(relinked)[:3] == (False, 4, "link_mismatch")
