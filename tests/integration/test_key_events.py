"""KeyEventService over real servers (SQLite and PostgreSQL): every event type with its data,
ListKeyEvents paging and filters, WatchKeyEvents replay + follow and resume, tenant isolation,
EXPIRING / EXPIRED exactly once under an explicit clock, RATE_LIMIT_EXCEEDED once per window,
retention; and two `keyturn serve` processes on one PostgreSQL."""

from __future__ import annotations

import asyncio
import queue
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import grpc
import pytest
from google.protobuf import duration_pb2, field_mask_pb2, json_format
from keyturn.v1 import key_events_pb2, key_events_pb2_grpc, keys_pb2, keys_pb2_grpc
from keyturn_server.store.db import Database
from keyturn_server.usecases.key_events import KeyEventJobs

from tests.integration.test_auth import binding, new_principal
from tests.integration.test_validate import create_key, fresh_minute, outcome, validate
from tests.support import (
    ServerProcess,
    ServerThread,
    channel,
    expect_error,
    postgres_replicas,
    with_token,
)

KE = key_events_pb2
T = KE.KeyEventType
DAY = timedelta(days=1)


@pytest.fixture(scope="module")
def keys(grpc_channel: grpc.Channel) -> keys_pb2_grpc.KeyServiceStub:
    return keys_pb2_grpc.KeyServiceStub(grpc_channel)


@pytest.fixture(scope="module")
def events(grpc_channel: grpc.Channel) -> key_events_pb2_grpc.KeyEventServiceStub:
    return key_events_pb2_grpc.KeyEventServiceStub(grpc_channel)


@dataclass
class Org:
    id: str
    project: str
    other_project: str


def new_org(keys: keys_pb2_grpc.KeyServiceStub) -> Org:
    org = keys.CreateOrganization(keys_pb2.CreateOrganizationRequest(name=f"org-{time.time_ns()}")).id
    project = keys.CreateProject(keys_pb2.CreateProjectRequest(organization_id=org, name="p")).id
    other = keys.CreateProject(keys_pb2.CreateProjectRequest(organization_id=org, name="q")).id
    return Org(org, project, other)


def listing(
    stub: key_events_pb2_grpc.KeyEventServiceStub, page_size: int = 1000, after: int = 0, **flt: Any
) -> list[key_events_pb2.KeyEvent]:
    """Every matching event, following page tokens."""
    out: list[key_events_pb2.KeyEvent] = []
    token = ""
    while True:
        page = stub.ListKeyEvents(
            KE.ListKeyEventsRequest(
                filter=KE.KeyEventFilter(**flt), after_sequence=after, page_size=page_size, page_token=token
            ),
            timeout=10,
        )
        out.extend(page.events)
        token = page.next_page_token
        if not token:
            return out


def kinds(items: list[key_events_pb2.KeyEvent]) -> list[str]:
    return [T.Name(e.type).removeprefix("KEY_EVENT_TYPE_") for e in items]


def data(event: key_events_pb2.KeyEvent) -> dict[str, Any]:
    return json_format.MessageToDict(event.data)


@dataclass
class Watcher:
    """A WatchKeyEvents call read on its own thread into a queue."""

    stub: key_events_pb2_grpc.KeyEventServiceStub
    request: key_events_pb2.WatchKeyEventsRequest
    received: queue.Queue[key_events_pb2.KeyEvent] = field(default_factory=queue.Queue)
    error: grpc.RpcError | None = None

    def __post_init__(self) -> None:
        self.call = self.stub.WatchKeyEvents(self.request, timeout=120)
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        try:
            for message in self.call:
                self.received.put(message.event)
        except grpc.RpcError as error:
            if error.code() != grpc.StatusCode.CANCELLED:
                self.error = error

    def take(self, count: int, timeout: float = 15) -> list[key_events_pb2.KeyEvent]:
        deadline = time.monotonic() + timeout
        out = []
        while len(out) < count:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"got {len(out)} of {count} events; error={self.error}")
            try:
                out.append(self.received.get(timeout=remaining))
            except queue.Empty:
                continue
        return out

    def quiet(self, seconds: float = 0.6) -> bool:
        """No further event arrives within `seconds`."""
        try:
            self.received.get(timeout=seconds)
        except queue.Empty:
            return True
        return False

    def close(self) -> None:
        self.call.cancel()
        self.thread.join(10)


def watch(stub: key_events_pb2_grpc.KeyEventServiceStub, after: int = 0, **flt: Any) -> Watcher:
    return Watcher(stub, KE.WatchKeyEventsRequest(filter=KE.KeyEventFilter(**flt), after_sequence=after))


def run_jobs(server: ServerThread, now: datetime) -> int:
    return int(server.call(server.container.key_event_jobs.emit_expiry_events(now)))


# ---- every event type ---------------------------------------------------------------------


def test_each_event_type_appears_with_its_data(
    server: ServerThread, keys: keys_pb2_grpc.KeyServiceStub, events: key_events_pb2_grpc.KeyEventServiceStub
) -> None:
    org = new_org(keys)
    created = create_key(keys, org.id, project=org.project)
    key_id = created.key.id
    keys.UpdateKey(
        keys_pb2.UpdateKeyRequest(
            key=keys_pb2.ApiKey(id=key_id, metadata=keys_pb2.KeyMetadata(name="renamed")),
            update_mask=field_mask_pb2.FieldMask(paths=["metadata.name"]),
        )
    )
    successor = keys.RotateKey(
        keys_pb2.RotateKeyRequest(id=key_id, grace_period=duration_pb2.Duration(seconds=3600))
    ).key.id
    keys.RevokeKey(keys_pb2.RevokeKeyRequest(id=successor, reason="compromised"))
    keys.DeleteKey(keys_pb2.DeleteKeyRequest(id=successor))

    # The server's own expiry job may warn about the rotated key's grace meanwhile.
    got = [e for e in listing(events, organization_id=org.id) if kinds([e])[0] not in ("EXPIRING", "EXPIRED")]
    assert kinds(got) == ["CREATED", "UPDATED", "ROTATED", "CREATED", "REVOKED", "DELETED"]
    assert [e.key_id for e in got] == [key_id, key_id, key_id, successor, successor, successor]
    assert data(got[1]) == {"fields": ["metadata.name"]}
    assert data(got[2])["successor_key_id"] == successor
    assert data(got[3]) == {"rotated_from_key_id": key_id}
    assert data(got[4]) == {"reason": "compromised"}
    assert all(e.organization_id == org.id and e.project_id == org.project for e in got)
    assert all(e.actor and e.actor != "system" for e in got)
    sequences = [e.sequence for e in got]
    assert sequences == sorted(set(sequences))
    assert all(e.event_time.seconds > 0 for e in got)
    assert created.plaintext not in str(got)

    # EXPIRING per lead time and EXPIRED, driven by an explicit clock.
    expiring = create_key(keys, org.id, ttl=3 * 86400)
    expire = expiring.key.expire_time.ToDatetime(tzinfo=UTC)
    start = datetime.now(UTC)
    run_jobs(server, start)  # within 7 d, not yet 1 d
    run_jobs(server, expire - timedelta(hours=12))  # within 1 d
    run_jobs(server, expire + timedelta(seconds=1))  # expired
    mine = listing(events, organization_id=org.id, key_id=expiring.key.id)
    assert kinds(mine) == ["CREATED", "EXPIRING", "EXPIRING", "EXPIRED"]
    assert [data(e).get("lead") for e in mine[1:3]] == ["604800s", "86400s"]
    stamp = json_format.MessageToDict(expiring.key)["expireTime"]
    assert datetime.fromisoformat(data(mine[1])["expire_time"]) == datetime.fromisoformat(stamp)
    assert all(e.actor == "system" for e in mine[1:])
    assert mine[3].event_time.ToDatetime(tzinfo=UTC) == expire + timedelta(seconds=1)

    # RATE_LIMIT_EXCEEDED: the first refusal of the window only.
    limited = create_key(keys, org.id, limit=(1, keys_pb2.RATE_LIMIT_WINDOW_MINUTE))
    fresh_minute(budget=10)
    results = [outcome(lambda: validate(keys, limited.plaintext)) for _ in range(6)]
    assert results == ["OK"] + ["RATE_LIMITED"] * 5
    over = listing(
        events, organization_id=org.id, key_id=limited.key.id, types=[T.KEY_EVENT_TYPE_RATE_LIMIT_EXCEEDED]
    )
    assert len(over) == 1
    details = data(over[0])
    assert details["requests"] == 1 and details["window"] == "MINUTE" and details["limit"] == "default"
    assert details["reset_time"] > details["window_start"]
    assert over[0].actor == "system"


# ---- listing ------------------------------------------------------------------------------


def test_list_pages_in_sequence_order(
    keys: keys_pb2_grpc.KeyServiceStub, events: key_events_pb2_grpc.KeyEventServiceStub
) -> None:
    org = new_org(keys)
    ids = [create_key(keys, org.id).key.id for _ in range(7)]
    whole = listing(events, organization_id=org.id)
    paged = listing(events, page_size=3, organization_id=org.id)
    assert [e.key_id for e in paged] == ids
    assert [e.sequence for e in paged] == [e.sequence for e in whole]
    # after_sequence starts the listing after a cursor.
    rest = listing(events, after=whole[3].sequence, organization_id=org.id)
    assert [e.key_id for e in rest] == ids[4:]
    # A token is bound to its filter.
    first = events.ListKeyEvents(
        KE.ListKeyEventsRequest(filter=KE.KeyEventFilter(organization_id=org.id), page_size=2)
    )
    assert first.next_page_token
    expect_error(
        lambda: events.ListKeyEvents(
            KE.ListKeyEventsRequest(
                filter=KE.KeyEventFilter(organization_id=org.id, types=[T.KEY_EVENT_TYPE_CREATED]),
                page_size=2,
                page_token=first.next_page_token,
            )
        ),
        grpc.StatusCode.INVALID_ARGUMENT,
        "INVALID_ARGUMENT",
    )


def test_filters(keys: keys_pb2_grpc.KeyServiceStub, events: key_events_pb2_grpc.KeyEventServiceStub) -> None:
    org = new_org(keys)
    a = create_key(keys, org.id, project=org.project).key.id
    b = create_key(keys, org.id, project=org.other_project).key.id
    keys.RevokeKey(keys_pb2.RevokeKeyRequest(id=a, reason="r"))
    keys.RevokeKey(keys_pb2.RevokeKeyRequest(id=b, reason="r"))
    assert [e.key_id for e in listing(events, organization_id=org.id, project_id=org.project)] == [a, a]
    assert kinds(listing(events, organization_id=org.id, key_id=b)) == ["CREATED", "REVOKED"]
    revoked = listing(
        events, organization_id=org.id, types=[T.KEY_EVENT_TYPE_REVOKED, T.KEY_EVENT_TYPE_DELETED]
    )
    assert [e.key_id for e in revoked] == [a, b]
    # UNSPECIFIED in the types means "not given".
    assert len(listing(events, organization_id=org.id, types=[T.KEY_EVENT_TYPE_UNSPECIFIED])) == 4


def test_bad_input(events: key_events_pb2_grpc.KeyEventServiceStub) -> None:
    invalid = grpc.StatusCode.INVALID_ARGUMENT
    bad_org = KE.KeyEventFilter(organization_id="not-a-uuid")
    decoded = expect_error(
        lambda: events.ListKeyEvents(KE.ListKeyEventsRequest(filter=bad_org)), invalid, "INVALID_ARGUMENT"
    )
    assert "filter.organization_id" in decoded.field_violations
    decoded = expect_error(
        lambda: events.ListKeyEvents(KE.ListKeyEventsRequest(filter=KE.KeyEventFilter(types=[99]))),
        invalid,
        "INVALID_ARGUMENT",
    )
    assert "filter.types[0]" in decoded.field_violations
    decoded = expect_error(
        lambda: events.ListKeyEvents(KE.ListKeyEventsRequest(after_sequence=-1)), invalid, "INVALID_ARGUMENT"
    )
    assert "after_sequence" in decoded.field_violations
    decoded = expect_error(
        lambda: list(events.WatchKeyEvents(KE.WatchKeyEventsRequest(filter=bad_org), timeout=10)),
        invalid,
        "INVALID_ARGUMENT",
    )
    assert "filter.organization_id" in decoded.field_violations
    expect_error(
        lambda: events.ListKeyEvents(KE.ListKeyEventsRequest(page_size=-1)), invalid, "INVALID_ARGUMENT"
    )


# ---- watching -----------------------------------------------------------------------------


def test_watch_replays_then_follows(
    keys: keys_pb2_grpc.KeyServiceStub, events: key_events_pb2_grpc.KeyEventServiceStub
) -> None:
    org = new_org(keys)
    before = [create_key(keys, org.id).key.id for _ in range(3)]
    watcher = watch(events, organization_id=org.id)
    try:
        replayed = watcher.take(3)
        assert [e.key_id for e in replayed] == before
        later = create_key(keys, org.id).key.id
        keys.RevokeKey(keys_pb2.RevokeKeyRequest(id=later, reason="r"))
        live = watcher.take(2)
        assert [(e.key_id, kinds([e])[0]) for e in live] == [(later, "CREATED"), (later, "REVOKED")]
        assert live[0].sequence > replayed[-1].sequence
        assert watcher.quiet()
    finally:
        watcher.close()


def test_resume_from_a_cursor_misses_nothing_and_repeats_nothing(
    keys: keys_pb2_grpc.KeyServiceStub, events: key_events_pb2_grpc.KeyEventServiceStub
) -> None:
    org = new_org(keys)
    total = 40
    writing = threading.Event()

    def write() -> None:
        writing.set()
        with ThreadPoolExecutor(4) as pool:
            list(pool.map(lambda _: create_key(keys, org.id), range(total)))

    writer = threading.Thread(target=write)
    writer.start()
    writing.wait()
    seen: list[key_events_pb2.KeyEvent] = []
    cursor = 0
    # Watch in short sessions, each resumed after the last sequence received, while the
    # writes go on concurrently.
    while len(seen) < total:
        watcher = watch(events, after=cursor, organization_id=org.id)
        try:
            got = watcher.take(min(7, total - len(seen)), timeout=30)
        finally:
            watcher.close()
        seen.extend(got)
        cursor = got[-1].sequence
    writer.join()
    sequences = [e.sequence for e in seen]
    assert sequences == sorted(set(sequences))
    assert sequences == [e.sequence for e in listing(events, organization_id=org.id)]
    # Resuming at the end gives nothing more.
    tail = watch(events, after=cursor, organization_id=org.id)
    try:
        assert tail.quiet()
    finally:
        tail.close()


def _wait_for(condition: Any, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.02)


def test_many_watches_share_one_read_per_new_batch(
    server: ServerThread, keys: keys_pb2_grpc.KeyServiceStub, events: key_events_pb2_grpc.KeyEventServiceStub
) -> None:
    """N open watches, one new event: ONE query of the log for it (the feed's shared reader),
    and every matching watch gets it, filtered in memory (organization, key, types)."""
    from sqlalchemy import event

    feed = server.container.key_event_feed
    a, b = new_org(keys), new_org(keys)
    key = create_key(keys, a.id, project=a.project).key.id
    head = max([e.sequence for e in listing(events, organization_id=a.id)] or [0])
    head = max([head, *(e.sequence for e in listing(events, organization_id=b.id))])
    watches = 24
    filters: list[dict[str, Any]] = [
        {"organization_id": a.id},
        {"organization_id": b.id},
        {"organization_id": a.id, "key_id": key},
        {"organization_id": a.id, "types": [T.KEY_EVENT_TYPE_CREATED]},
    ]
    watchers = [watch(events, after=head, **filters[i % len(filters)]) for i in range(watches)]
    reads: list[str] = []
    scoped: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        # The feed reads (cursor, head]; a watch's own read would carry its filter. (The
        # webhook dispatcher's scheduler job reads the log on its own, unbounded: not counted.)
        if "FROM key_event" in statement and "key_event.sequence <=" in statement:
            reads.append(statement)
        if "FROM key_event" in statement and "key_event.organization_id IN" in statement:
            scoped.append(statement)

    engine = server.container.db.engine.sync_engine
    try:
        _wait_for(lambda: feed.subscribers >= watches)
        time.sleep(0.5)  # let any read already under way finish
        event.listen(engine, "before_cursor_execute", count)
        before = feed.reads
        keys.RevokeKey(keys_pb2.RevokeKeyRequest(id=key, reason="r"))  # one REVOKED event in a
        for i, watcher in enumerate(watchers):
            kind = i % len(filters)
            if kind in (0, 2):
                got = watcher.take(1)
                assert [(e.key_id, kinds([e])[0]) for e in got] == [(key, "REVOKED")]
        time.sleep(0.5)
        assert all(w.quiet(0.01) for w in watchers)
        assert len(reads) == 1, reads
        assert scoped == []
        # The feed's poll ticks may add reads that find nothing new; none of them per watch.
        assert feed.reads - before < watches // 2
        assert all(w.error is None for w in watchers)
    finally:
        event.remove(engine, "before_cursor_execute", count)
        for watcher in watchers:
            watcher.close()
    _wait_for(lambda: feed.subscribers == 0)


def test_a_watch_that_falls_behind_catches_up_from_the_database(
    server: ServerThread,
    keys: keys_pb2_grpc.KeyServiceStub,
    events: key_events_pb2_grpc.KeyEventServiceStub,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A batch larger than a subscriber's buffer: the shared reader drops the watch, which
    re-reads from its cursor: nothing missed, nothing repeated, in order, and it follows again."""
    from keyturn_server.domain.key_events import KeyEventType, NewKeyEvent
    from keyturn_server.store import fanout
    from keyturn_server.store.key_event_log import append_key_events

    monkeypatch.setattr(fanout, "SUBSCRIBER_BUFFER", 2)
    feed = server.container.key_event_feed
    org = new_org(keys)
    key = create_key(keys, org.id, project=org.project).key
    watcher = watch(events, organization_id=org.id)
    try:
        assert [e.key_id for e in watcher.take(1)] == [key.id]

        async def burst() -> None:
            async with server.container.db.transaction() as session:
                await append_key_events(
                    session,
                    [
                        NewKeyEvent(
                            type=KeyEventType.RATE_LIMIT_EXCEEDED,
                            organization_id=org.id,
                            project_id=org.project,
                            key_id=key.id,
                            data={"n": n},
                        )
                        for n in range(5)
                    ],
                )

        dropped = feed.dropped
        server.call(burst())
        got = watcher.take(5)
        assert [data(e)["n"] for e in got] == [0, 1, 2, 3, 4]
        assert feed.dropped > dropped
        keys.RevokeKey(keys_pb2.RevokeKeyRequest(id=key.id, reason="r"))
        got += watcher.take(1)
        sequences = [e.sequence for e in got]
        assert sequences == sorted(set(sequences))
        assert sequences == [e.sequence for e in listing(events, organization_id=org.id)][1:]
        assert watcher.quiet()
    finally:
        watcher.close()


# ---- tenants ------------------------------------------------------------------------------


def test_another_organizations_events_are_never_seen(
    server: ServerThread, keys: keys_pb2_grpc.KeyServiceStub, events: key_events_pb2_grpc.KeyEventServiceStub
) -> None:
    a, b = new_org(keys), new_org(keys)
    admin = grpc.insecure_channel(server.address)
    admin_ch = with_token(admin, server.admin_token)
    _, auditor_token = new_principal(admin_ch, binding("AUDITOR", a.id))
    _, manager_token = new_principal(admin_ch, binding("KEY_MANAGER", a.id, project=a.project))
    key_a = create_key(keys, a.id, project=a.project).key.id
    key_a_other = create_key(keys, a.id, project=a.other_project).key.id
    key_b = create_key(keys, b.id, project=b.project).key.id
    with channel(server.address, auditor_token) as ach, channel(server.address, manager_token) as mch:
        auditor = key_events_pb2_grpc.KeyEventServiceStub(ach)
        manager = key_events_pb2_grpc.KeyEventServiceStub(mch)
        # No organization named: the caller's only one.
        assert {e.key_id for e in listing(auditor)} == {key_a, key_a_other}
        not_found = grpc.StatusCode.NOT_FOUND
        for flt in (
            KE.KeyEventFilter(organization_id=b.id),
            KE.KeyEventFilter(key_id=key_b),
            KE.KeyEventFilter(project_id=b.project),
        ):
            listed = KE.ListKeyEventsRequest(filter=flt)
            expect_error(lambda r=listed: auditor.ListKeyEvents(r, timeout=10), not_found, "NOT_FOUND")
            watched = KE.WatchKeyEventsRequest(filter=flt)
            expect_error(
                lambda r=watched: list(auditor.WatchKeyEvents(r, timeout=10)), not_found, "NOT_FOUND"
            )
        # A watch never delivers another organization's event.
        watcher = watch(auditor)
        try:
            assert {e.key_id for e in watcher.take(2)} == {key_a, key_a_other}
            keys.RevokeKey(keys_pb2.RevokeKeyRequest(id=key_b, reason="r"))
            keys.RevokeKey(keys_pb2.RevokeKeyRequest(id=key_a, reason="r"))
            assert [e.key_id for e in watcher.take(1)] == [key_a]
            assert watcher.quiet()
        finally:
            watcher.close()
        # A project-bound KEY_MANAGER sees its project's keys only.
        assert {e.key_id for e in listing(manager)} == {key_a}
        expect_error(
            lambda: listing(manager, project_id=a.other_project),
            grpc.StatusCode.PERMISSION_DENIED,
            "CALLER_FORBIDDEN",
        )
        narrowed = watch(manager)
        try:
            assert {e.key_id for e in narrowed.take(2)} == {key_a}
            assert narrowed.quiet()
        finally:
            narrowed.close()
    admin.close()
    # A global caller naming no organization reads every organization.
    everyone = {e.key_id for e in listing(events)}
    assert {key_a, key_b} <= everyone


def test_a_watch_on_another_organization_is_refused(
    server: ServerThread, keys: keys_pb2_grpc.KeyServiceStub
) -> None:
    a, b = new_org(keys), new_org(keys)
    with channel(server.address, server.admin_token) as admin:
        _, token = new_principal(admin, binding("AUDITOR", a.id), binding("AUDITOR", b.id))
        _, other_token = new_principal(admin, binding("AUDITOR", a.id))
    with channel(server.address, token) as ch, channel(server.address, other_token) as och:
        two_orgs = key_events_pb2_grpc.KeyEventServiceStub(ch)
        # Bound to two organizations: one must be named.
        expect_error(
            lambda: list(two_orgs.WatchKeyEvents(KE.WatchKeyEventsRequest(), timeout=10)),
            grpc.StatusCode.INVALID_ARGUMENT,
            "INVALID_ARGUMENT",
        )
        one_org = key_events_pb2_grpc.KeyEventServiceStub(och)
        request = KE.WatchKeyEventsRequest(filter=KE.KeyEventFilter(organization_id=b.id))
        expect_error(
            lambda: list(one_org.WatchKeyEvents(request, timeout=10)), grpc.StatusCode.NOT_FOUND, "NOT_FOUND"
        )


# ---- scheduler jobs -----------------------------------------------------------------------


def test_expiring_and_expired_exactly_once(
    server: ServerThread, keys: keys_pb2_grpc.KeyServiceStub, events: key_events_pb2_grpc.KeyEventServiceStub
) -> None:
    org = new_org(keys)
    made = [create_key(keys, org.id, ttl=10 * 86400) for _ in range(3)]
    expire = max(k.key.expire_time.ToDatetime(tzinfo=UTC) for k in made)
    container = server.container
    settings = container.settings

    async def two_replicas(now: datetime) -> None:
        # A second scheduler instance with its own engine and memory, as on another replica
        # or after a leader change: the dedupe strings keep the log exactly-once.
        other_db = Database(settings.database_url)
        other = KeyEventJobs(other_db, leads=[7 * DAY, DAY], retention=30 * DAY)
        try:
            await asyncio.gather(
                container.key_event_jobs.emit_expiry_events(now), other.emit_expiry_events(now)
            )
            await other.emit_expiry_events(now)
        finally:
            await other_db.dispose()

    for now in (
        expire - 8 * DAY,  # nothing yet
        expire - 6 * DAY,  # 7 d
        expire - 5 * DAY,
        expire - timedelta(hours=20),  # 1 d
        expire - timedelta(hours=1),
        expire + timedelta(seconds=1),  # expired
        expire + 2 * DAY,
    ):
        server.call(two_replicas(now))
    for key in made:
        got = listing(events, organization_id=org.id, key_id=key.key.id)
        assert kinds(got) == ["CREATED", "EXPIRING", "EXPIRING", "EXPIRED"], kinds(got)
        assert [data(e).get("lead") for e in got[1:3]] == ["604800s", "86400s"]
    # A revoked key is not warned.
    revoked = create_key(keys, org.id, ttl=3 * 86400)
    keys.RevokeKey(keys_pb2.RevokeKeyRequest(id=revoked.key.id, reason="r"))
    run_jobs(server, revoked.key.expire_time.ToDatetime(tzinfo=UTC) - timedelta(hours=1))
    assert kinds(listing(events, organization_id=org.id, key_id=revoked.key.id)) == ["CREATED", "REVOKED"]


def test_rate_limit_exceeded_once_per_window_under_a_burst(
    keys: keys_pb2_grpc.KeyServiceStub, events: key_events_pb2_grpc.KeyEventServiceStub
) -> None:
    org = new_org(keys)
    limited = create_key(keys, org.id, limit=(3, keys_pb2.RATE_LIMIT_WINDOW_MINUTE))
    fresh_minute(budget=15)
    with ThreadPoolExecutor(16) as pool:
        results = list(pool.map(lambda _: outcome(lambda: validate(keys, limited.plaintext)), range(60)))
    assert results.count("OK") == 3 and results.count("RATE_LIMITED") == 57
    over = listing(events, organization_id=org.id, types=[T.KEY_EVENT_TYPE_RATE_LIMIT_EXCEEDED])
    assert len(over) == 1 and over[0].key_id == limited.key.id


def test_retention_prunes_old_events_but_never_the_head(
    server: ServerThread, keys: keys_pb2_grpc.KeyServiceStub, events: key_events_pb2_grpc.KeyEventServiceStub
) -> None:
    org = new_org(keys)
    older = create_key(keys, org.id).key.id
    newest = create_key(keys, org.id).key.id
    jobs = server.container.key_event_jobs
    first_before = listing(events)[0].sequence
    head_before = listing(events)[-1].sequence
    # Recent events are kept.
    assert server.call(jobs.prune(datetime.now(UTC))) == 0
    # 100 days later every event so far (also those the clock-driven tests above stamped up
    # to a few weeks ahead) is past the 30-day retention: all go but the head.
    assert server.call(jobs.prune(datetime.now(UTC) + 100 * DAY)) == head_before - first_before
    remaining = listing(events)
    assert [(e.sequence, e.key_id) for e in remaining] == [(head_before, newest)]
    assert older not in {e.key_id for e in remaining}
    # Numbering continues after the head.
    again = create_key(keys, org.id).key.id
    after = listing(events, organization_id=org.id)
    assert [e.key_id for e in after] == [newest, again] and after[-1].sequence == head_before + 1
    # A cursor whose next events were pruned is refused, not silently skipped ahead.
    precondition = grpc.StatusCode.FAILED_PRECONDITION
    stale = KE.KeyEventFilter(organization_id=org.id)
    decoded = expect_error(
        lambda: events.ListKeyEvents(KE.ListKeyEventsRequest(filter=stale, after_sequence=head_before - 2)),
        precondition,
        "KEY_EVENT_CURSOR_EXPIRED",
    )
    assert decoded.metadata == {"afterSequence": str(head_before - 2), "oldestSequence": str(head_before)}
    watched = KE.WatchKeyEventsRequest(filter=stale, after_sequence=1)
    expect_error(
        lambda: list(events.WatchKeyEvents(watched, timeout=10)), precondition, "KEY_EVENT_CURSOR_EXPIRED"
    )
    # Right before the oldest retained event, or 0, is fine.
    assert [e.key_id for e in listing(events, after=head_before - 1, organization_id=org.id)] == [
        newest,
        again,
    ]
    assert len(listing(events, after=0, organization_id=org.id)) == 2


def test_an_open_watch_ends_with_unavailable_at_shutdown(new_database_url: Any, tmp_path: Any) -> None:
    from tests.support import decode_error, make_settings

    own = ServerThread(make_settings(new_database_url("sqlite"), tmp_path)).start()
    try:
        with channel(own.address, own.admin_token) as ch:
            stub = key_events_pb2_grpc.KeyEventServiceStub(ch)
            org = new_org(keys_pb2_grpc.KeyServiceStub(ch))
            watcher = watch(stub, organization_id=org.id)
            create_key(keys_pb2_grpc.KeyServiceStub(ch), org.id)
            watcher.take(1)
            started = time.monotonic()
            own.stop(grace=5)
            watcher.thread.join(10)
            assert time.monotonic() - started < 5  # ended at once, not after the grace period
            assert watcher.error is not None
            decoded = decode_error(watcher.error)
            assert watcher.error.code() == grpc.StatusCode.UNAVAILABLE and decoded.reason == "UNAVAILABLE"
    finally:
        own.stop()


def test_rest_lists_and_watches_key_events(new_database_url: Any, tmp_path: Any) -> None:
    import json

    import httpx

    from tests.http_support import base_url, start_http_server

    own = start_http_server(new_database_url("sqlite"), tmp_path)
    try:
        headers = {"Authorization": f"Bearer {own.admin_token}"}
        with httpx.Client(base_url=base_url(own), headers=headers, timeout=30) as rest:
            org = rest.post("/v1/organizations", json={"name": f"rest-{time.time_ns()}"}).json()["id"]
            key = rest.post("/v1/keys", json={"organization_id": org}).json()["key"]["id"]
            listed = rest.get(
                "/v1/keyEvents",
                params={"filter.organization_id": org, "filter.types": "KEY_EVENT_TYPE_CREATED"},
            )
            assert listed.status_code == 200, listed.text
            (event,) = listed.json()["events"]
            assert event["type"] == "KEY_EVENT_TYPE_CREATED" and event["key_id"] == key
            bad = rest.get("/v1/keyEvents", params={"filter.organization_id": "nope"})
            assert bad.status_code == 400
            with rest.stream("GET", "/v1/keyEvents:watch", params={"filter.organization_id": org}) as stream:
                assert stream.headers["content-type"].startswith("text/event-stream")
                for line in stream.iter_lines():
                    if line.startswith("data: "):
                        assert json.loads(line[len("data: ") :])["event"]["sequence"] == event["sequence"]
                        break
        assert httpx.get(base_url(own) + "/v1/keyEvents").status_code == 401
    finally:
        own.stop()


# ---- the Python client ----------------------------------------------------------------------


def test_client_lists_and_watches_key_events(server: ServerThread) -> None:
    from keyturn.client import AsyncClient, Client, KeyEventType

    with Client(server.address, token=server.admin_token) as client:
        org, _ = client.get_or_create_organization(f"client-{time.time_ns()}")
        made = [client.create_key(org.id).key.id for _ in range(3)]
        client.revoke_key(made[0], reason="r")
        listed = list(client.list_key_events(organization_id=org.id, page_size=2))
        assert [e.key_id for e in listed] == [*made, made[0]]
        revoked = client.list_key_events(organization_id=org.id, types=[KeyEventType.REVOKED]).to_list()
        assert [e.key_id for e in revoked] == [made[0]]
        with client.watch_key_events(
            organization_id=org.id, after_sequence=listed[1].sequence, timeout=10
        ) as stream:
            watched = []
            for event in stream:
                watched.append(event.sequence)
                if len(watched) == 2:
                    break
        assert watched == [e.sequence for e in listed[2:]]

    async def flow() -> list[str]:
        async with AsyncClient(server.address, token=server.admin_token) as keyturn:
            seen = []
            async with keyturn.watch_key_events(organization_id=org.id, key_id=made[0], timeout=10) as stream:
                async for event in stream:
                    seen.append(KeyEventType(event.type).name)
                    if len(seen) == 2:
                        break
            pages = [e.key_id async for e in keyturn.list_key_events(organization_id=org.id, key_id=made[1])]
            assert pages == [made[1]]
            return seen

    assert asyncio.run(flow()) == ["CREATED", "REVOKED"]


# ---- the documented grpcurl call ------------------------------------------------------------


def test_readme_grpcurl_watch(server: ServerThread, keys: keys_pb2_grpc.KeyServiceStub) -> None:
    import os
    import re
    import subprocess
    from pathlib import Path

    from tests.integration.test_grpcurl import grpcurl_binary

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    section = readme[readme.index("### Key events") :]
    (script,) = re.findall(r"```sh\n(.*?)```", section, re.S)[:1]
    org = new_org(keys)
    key = create_key(keys, org.id).key.id
    keys.RevokeKey(keys_pb2.RevokeKeyRequest(id=key, reason="demo over"))
    binary = grpcurl_binary()
    env = {
        **os.environ,
        "PATH": f"{binary.parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "KEYTURN_ADDR": server.address,
        "KEYTURN_TOKEN": server.admin_token,
        "ORG_ID": org.id,
    }
    run = subprocess.run(["bash", "-c", script], env=env, capture_output=True, text=True, timeout=60)
    assert run.returncode == 64 + 4, run.stdout + run.stderr  # DEADLINE_EXCEEDED after -max-time
    assert run.stdout.count('"type": "KEY_EVENT_TYPE_CREATED"') == 1
    assert '"type": "KEY_EVENT_TYPE_REVOKED"' in run.stdout
    assert '"reason": "demo over"' in run.stdout and f'"key_id": "{key}"' in run.stdout


# ---- two server processes ------------------------------------------------------------------


@pytest.fixture(scope="module")
def replicas(postgres_admin_url: str) -> Iterator[tuple[ServerProcess, ServerProcess]]:
    with postgres_replicas(postgres_admin_url) as pair:
        yield pair


def test_events_made_on_one_replica_reach_a_watcher_on_the_other_in_order(
    replicas: tuple[ServerProcess, ServerProcess],
) -> None:
    a, b = replicas
    with channel(a.address, a.admin_token) as ch_a, channel(b.address, a.admin_token) as ch_b:
        keys_a, keys_b = keys_pb2_grpc.KeyServiceStub(ch_a), keys_pb2_grpc.KeyServiceStub(ch_b)
        org = new_org(keys_a)
        watcher = watch(key_events_pb2_grpc.KeyEventServiceStub(ch_b), organization_id=org.id)
        try:
            with ThreadPoolExecutor(6) as pool:
                made = list(pool.map(lambda i: create_key((keys_a, keys_b)[i % 2], org.id).key.id, range(30)))
            got = watcher.take(30, timeout=30)
            assert {e.key_id for e in got} == set(made)
            sequences = [e.sequence for e in got]
            assert sequences == sorted(set(sequences))
            # Live (not only replay): a change on A after the backlog arrives on B within seconds.
            started = time.monotonic()
            keys_a.RevokeKey(keys_pb2.RevokeKeyRequest(id=made[0], reason="r"))
            assert kinds(watcher.take(1, timeout=5)) == ["REVOKED"]
            assert time.monotonic() - started < 5
        finally:
            watcher.close()
        # Rate-limit refusals on both replicas: one event for the window.
        limited = create_key(keys_a, org.id, limit=(2, keys_pb2.RATE_LIMIT_WINDOW_MINUTE))
        fresh_minute(budget=15)
        with ThreadPoolExecutor(8) as pool:
            results = list(
                pool.map(
                    lambda i: outcome(lambda: validate((keys_a, keys_b)[i % 2], limited.plaintext)), range(40)
                )
            )
        assert results.count("OK") == 2
        over = listing(
            key_events_pb2_grpc.KeyEventServiceStub(ch_a),
            organization_id=org.id,
            types=[T.KEY_EVENT_TYPE_RATE_LIMIT_EXCEEDED],
        )
        assert len(over) == 1


def test_a_token_revoked_on_one_replica_ends_a_watch_on_the_other(
    replicas: tuple[ServerProcess, ServerProcess],
) -> None:
    """The revocation reaches the other replica's open watch through the key-event bus's
    `principal` topic (LISTEN/NOTIFY), which makes it re-check its caller at once."""
    from keyturn.v1 import access_pb2, access_pb2_grpc

    from tests.support import decode_error

    a, b = replicas
    with channel(a.address, a.admin_token) as ch_a:
        org = new_org(keys_pb2_grpc.KeyServiceStub(ch_a))
        create_key(keys_pb2_grpc.KeyServiceStub(ch_a), org.id)
        principal_id, token = new_principal(ch_a, binding("AUDITOR", org.id))
        with channel(b.address, token) as ch_b:
            watcher = watch(key_events_pb2_grpc.KeyEventServiceStub(ch_b), organization_id=org.id)
            try:
                watcher.take(1)
                access = access_pb2_grpc.AccessServiceStub(ch_a)
                (issued,) = access.ListPrincipalTokens(
                    access_pb2.ListPrincipalTokensRequest(principal_id=principal_id), timeout=10
                ).tokens
                started = time.monotonic()
                access.RevokePrincipalToken(access_pb2.RevokePrincipalTokenRequest(id=issued.id), timeout=10)
                watcher.thread.join(5)
                assert not watcher.thread.is_alive(), "the watch on the other replica stayed open"
                assert time.monotonic() - started < 3.0
                assert watcher.error is not None
                decoded = decode_error(watcher.error)
                assert (decoded.code, decoded.reason) == (
                    grpc.StatusCode.UNAUTHENTICATED,
                    "CALLER_UNAUTHENTICATED",
                )
            finally:
                watcher.close()
