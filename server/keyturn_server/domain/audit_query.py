"""Reading the audit trail: filters, page tokens, chain verification and usage buckets.

Plain Python (no grpc, no SQLAlchemy) so each rule can be unit-tested on its own:

* `AuditFilter` and `PageToken`: keyset pagination on `sequence`. A token carries the last
  sequence returned and a digest of the filter and order it was issued for, so it cannot be
  replayed against another query; it grants nothing (every page re-applies the filter).
* `ChainVerifier`: walks events in sequence order and reports the first break. Checks per
  event, in this order: the sequence follows the previous one (`sequence_gap`, reported at the
  first MISSING sequence), `previous_hash` equals the previous event's stored hash
  (`link_mismatch`), and the stored hash equals the recomputed one (`hash_mismatch`).
  What it cannot see: events removed from the END of the chain, or a rewrite that recomputes
  every later hash. Keep `head_hash` checkpoints outside the database to catch those.
* `bucket_starts` / `UsageTally`: UTC hour/day buckets over [start, end), empty ones included.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from keyturn_server.domain.audit import GENESIS_HASH, HASHED_FIELDS, event_hash

Order = Literal["newest", "oldest"]
Granularity = Literal["hour", "day"]

VALIDATE_ACTION = "key.validate"
DEFAULT_PAGE_SIZE = 100
MAX_PAGE_SIZE = 1000
MAX_BUCKETS = 10_000

PROBLEM_HASH = "hash_mismatch"
PROBLEM_LINK = "link_mismatch"
PROBLEM_GAP = "sequence_gap"


@dataclass(frozen=True)
class AuditFilter:
    """Which events; empty fields do not filter. Times: start inclusive, end exclusive."""

    organization_id: str = ""
    project_id: str = ""
    key_id: str = ""
    actor: str = ""
    actions: tuple[str, ...] = ()
    outcome: str = ""
    start_time: datetime | None = None
    end_time: datetime | None = None
    # Not a caller's filter: the organizations the caller may see (None: all). Set by the
    # use case from the caller's roles; it narrows the query itself, so pages stay full.
    visible_organizations: frozenset[str] | None = None

    def digest(self, order: str) -> str:
        """Identifies the query a page token belongs to (stable across processes)."""
        payload = {
            "o": self.organization_id,
            "p": self.project_id,
            "k": self.key_id,
            "a": self.actor,
            "x": sorted(set(self.actions)),
            "r": self.outcome,
            "s": self.start_time.isoformat() if self.start_time else "",
            "e": self.end_time.isoformat() if self.end_time else "",
            "ord": order,
        }
        raw = json.dumps(payload, sort_keys=True, separators=(",", ":")).encode()
        return hashlib.sha256(raw).hexdigest()[:16]

    def matches(self, values: Mapping[str, Any]) -> bool:
        """The same predicate as the SQL query, for events already in memory."""
        checks = (
            ("organization_id", self.organization_id),
            ("project_id", self.project_id),
            ("key_id", self.key_id),
            ("actor", self.actor),
            ("outcome", self.outcome),
        )
        if any(wanted and values[name] != wanted for name, wanted in checks):
            return False
        if (
            self.visible_organizations is not None
            and values["organization_id"] not in self.visible_organizations
        ):
            return False
        if self.actions and values["action"] not in self.actions:
            return False
        event_time: datetime = values["event_time"]
        if self.start_time and event_time < self.start_time:
            return False
        return not (self.end_time and event_time >= self.end_time)


@dataclass
class ChainCheck:
    ok: bool
    events_checked: int
    first_bad_sequence: int = 0
    problem: str = ""
    head_hash: str = ""


class ChainVerifier:
    """Feed events (dicts with HASHED_FIELDS and `hash`) in sequence order; stop on False."""

    def __init__(self, expected_sequence: int, expected_previous_hash: str) -> None:
        self.expected_sequence = expected_sequence
        self.previous_hash = expected_previous_hash
        self.checked = 0
        self.first_bad_sequence = 0
        self.problem = ""

    def feed(self, values: Mapping[str, Any]) -> bool:
        sequence = int(values["sequence"])
        if sequence != self.expected_sequence:
            # Past the expected number: events are missing. Below it cannot happen in sequence
            # order, but report it the same way rather than trust the input.
            return self._bad(min(sequence, self.expected_sequence), PROBLEM_GAP)
        if values["previous_hash"] != self.previous_hash:
            return self._bad(sequence, PROBLEM_LINK)
        if event_hash({name: values[name] for name in HASHED_FIELDS}) != values["hash"]:
            return self._bad(sequence, PROBLEM_HASH)
        self.checked += 1
        self.previous_hash = str(values["hash"])
        self.expected_sequence = sequence + 1
        return True

    def gap(self, missing_sequence: int) -> bool:
        """Report a break found outside feed() (e.g. the range start's predecessor is gone)."""
        return self._bad(missing_sequence, PROBLEM_GAP)

    def _bad(self, sequence: int, problem: str) -> bool:
        self.first_bad_sequence = sequence
        self.problem = problem
        return False

    def result(self) -> ChainCheck:
        return ChainCheck(
            ok=not self.problem,
            events_checked=self.checked,
            first_bad_sequence=self.first_bad_sequence,
            problem=self.problem,
            head_hash=self.previous_hash,
        )


def genesis_or(anchor_hash: str | None) -> str:
    return anchor_hash if anchor_hash else GENESIS_HASH


# ---------------------------------------------------------------------------------------
# Usage reports


def floor_bucket(value: datetime, granularity: Granularity) -> datetime:
    value = value.astimezone(UTC)
    if granularity == "hour":
        return value.replace(minute=0, second=0, microsecond=0)
    return value.replace(hour=0, minute=0, second=0, microsecond=0)


def bucket_width(granularity: Granularity) -> timedelta:
    return timedelta(hours=1) if granularity == "hour" else timedelta(days=1)


def bucket_count(start: datetime, end: datetime, granularity: Granularity) -> int:
    if end <= start:
        return 0
    first = floor_bucket(start, granularity)
    width = bucket_width(granularity)
    return int((end - first) // width) + (1 if (end - first) % width else 0)


def bucket_starts(start: datetime, end: datetime, granularity: Granularity) -> list[datetime]:
    """Aligned UTC bucket starts covering [start, end); the first may begin before `start`."""
    if end <= start:
        return []
    width = bucket_width(granularity)
    current = floor_bucket(start, granularity)
    starts = []
    while current < end:
        starts.append(current)
        current += width
    return starts


@dataclass
class UsageBucket:
    start_time: datetime
    success_count: int = 0
    failure_count: int = 0
    failures_by_reason: dict[str, int] = field(default_factory=dict)


@dataclass
class UsageTally:
    """Buckets plus totals, built from (bucket start, outcome, reason, count) rows."""

    buckets: list[UsageBucket]
    granularity: Granularity
    total_success: int = 0
    total_failure: int = 0
    failures_by_reason: dict[str, int] = field(default_factory=dict)

    @classmethod
    def empty(cls, start: datetime, end: datetime, granularity: Granularity) -> UsageTally:
        return cls([UsageBucket(s) for s in bucket_starts(start, end, granularity)], granularity)

    def add(self, when: datetime, outcome: str, reason: str, count: int) -> None:
        index = self._index(floor_bucket(when, self.granularity))
        if index is None:
            return
        bucket = self.buckets[index]
        if outcome == "SUCCESS":
            bucket.success_count += count
            self.total_success += count
            return
        label = reason or "UNKNOWN"
        bucket.failure_count += count
        bucket.failures_by_reason[label] = bucket.failures_by_reason.get(label, 0) + count
        self.total_failure += count
        self.failures_by_reason[label] = self.failures_by_reason.get(label, 0) + count

    def _index(self, bucket_start: datetime) -> int | None:
        if not self.buckets:
            return None
        offset = (bucket_start - self.buckets[0].start_time) // bucket_width(self.granularity)
        return offset if 0 <= offset < len(self.buckets) else None
