"""Open streams are re-authorized (SQLite and PostgreSQL, over gRPC): WatchKeyEvents and
StreamAuditEvents end with the right status soon after the caller's token is revoked, its
principal disabled or its roles taken away; a caller whose visible organizations shrink
stops receiving the others' events on a stream that stays open; and the periodic re-check
ends a stream whose token expired without any announcement."""

from __future__ import annotations

import queue
import threading
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import grpc
import pytest
from keyturn.v1 import (
    access_pb2,
    access_pb2_grpc,
    audit_pb2,
    key_events_pb2,
    key_events_pb2_grpc,
    keys_pb2,
    keys_pb2_grpc,
)

from tests import http_support
from tests.audit_support import append, audit_stub, crypto_records
from tests.integration.test_auth import binding, new_principal
from tests.integration.test_validate import create_key
from tests.support import ServerThread, StreamReader, channel

http_server = http_support.http_server

# A change that is announced ends the stream at once; this leaves room for a slow machine.
PROMPT_SECONDS = 3.0


@pytest.fixture(scope="module")
def admin(server: ServerThread) -> Iterator[grpc.Channel]:
    with channel(server.address, server.admin_token) as ch:
        yield ch


def _access(ch: grpc.Channel) -> access_pb2_grpc.AccessServiceStub:
    return access_pb2_grpc.AccessServiceStub(ch)


def _org(admin: grpc.Channel) -> str:
    keys = keys_pb2_grpc.KeyServiceStub(admin)
    return keys.CreateOrganization(keys_pb2.CreateOrganizationRequest(name=f"org-{uuid.uuid4().hex[:10]}")).id


def _key_event(admin: grpc.Channel, org: str) -> str:
    """A CREATED event in `org` (a new project and key)."""
    keys = keys_pb2_grpc.KeyServiceStub(admin)
    project = keys.CreateProject(keys_pb2.CreateProjectRequest(organization_id=org, name="p")).id
    return str(create_key(keys, org, project=project).key.id)


def _watch(ch: grpc.Channel, org: str) -> StreamReader:
    stub = key_events_pb2_grpc.KeyEventServiceStub(ch)
    request = key_events_pb2.WatchKeyEventsRequest(filter=key_events_pb2.KeyEventFilter(organization_id=org))
    return StreamReader(stub.WatchKeyEvents(request, timeout=60))


def _stream(ch: grpc.Channel, org: str = "") -> StreamReader:
    request = audit_pb2.StreamAuditEventsRequest(
        filter=audit_pb2.AuditEventFilter(organization_id=org), live_only=True
    )
    reader = StreamReader(audit_stub(ch).StreamAuditEvents(request, timeout=60))
    reader.call.initial_metadata()  # subscribed: every later event follows
    return reader


def _only_token(admin: grpc.Channel, principal_id: str) -> str:
    tokens = _access(admin).ListPrincipalTokens(
        access_pb2.ListPrincipalTokensRequest(principal_id=principal_id), timeout=10
    )
    (token,) = tokens.tokens
    return str(token.id)


def _set_roles(
    admin: grpc.Channel, principal_id: str, *roles: access_pb2.RoleBinding, disabled: bool = False
) -> None:
    current = _access(admin).GetPrincipal(access_pb2.GetPrincipalRequest(id=principal_id), timeout=10)
    del current.roles[:]
    current.roles.extend(roles)
    current.disabled = disabled
    _access(admin).UpdatePrincipal(access_pb2.UpdatePrincipalRequest(principal=current), timeout=10)


def test_revoking_the_token_ends_an_open_watch(server: ServerThread, admin: grpc.Channel) -> None:
    org = _org(admin)
    key_id = _key_event(admin, org)
    principal_id, token = new_principal(admin, binding("AUDITOR", org))
    with channel(server.address, token) as ch:
        watcher = _watch(ch, org)
        try:
            assert [e.key_id for e in watcher.take(1)] == [key_id]  # open and following
            _access(admin).RevokePrincipalToken(
                access_pb2.RevokePrincipalTokenRequest(id=_only_token(admin, principal_id)), timeout=10
            )
            message = watcher.ended_with(grpc.StatusCode.UNAUTHENTICATED, "CALLER_UNAUTHENTICATED")
            assert "revoked" in message
            assert token not in message
        finally:
            watcher.cancel()


def test_revoking_the_token_ends_an_open_audit_stream(server: ServerThread, admin: grpc.Channel) -> None:
    org = _org(admin)
    principal_id, token = new_principal(admin, binding("AUDITOR", org))
    with channel(server.address, token) as ch:
        stream = _stream(ch, org)
        try:
            fresh = append(server, crypto_records(1, organization_id=org))
            assert [e.sequence for e in stream.take(1)] == fresh
            _access(admin).RevokePrincipalToken(
                access_pb2.RevokePrincipalTokenRequest(id=_only_token(admin, principal_id)), timeout=10
            )
            stream.ended_with(grpc.StatusCode.UNAUTHENTICATED, "CALLER_UNAUTHENTICATED")
        finally:
            stream.cancel()


def test_disabling_the_principal_ends_its_open_streams(server: ServerThread, admin: grpc.Channel) -> None:
    org = _org(admin)
    _key_event(admin, org)
    principal_id, token = new_principal(admin, binding("AUDITOR", org))
    with channel(server.address, token) as ch:
        watcher, stream = _watch(ch, org), _stream(ch, org)
        try:
            watcher.take(1)
            _set_roles(admin, principal_id, binding("AUDITOR", org), disabled=True)
            for reader in (watcher, stream):
                message = reader.ended_with(grpc.StatusCode.UNAUTHENTICATED, "CALLER_UNAUTHENTICATED")
                assert "disabled" in message
        finally:
            watcher.cancel()
            stream.cancel()


def test_losing_the_role_ends_open_streams_with_permission_denied(
    server: ServerThread, admin: grpc.Channel
) -> None:
    org = _org(admin)
    _key_event(admin, org)
    principal_id, token = new_principal(admin, binding("AUDITOR", org))
    with channel(server.address, token) as ch:
        watcher, stream = _watch(ch, org), _stream(ch, org)
        try:
            watcher.take(1)
            # A VALIDATOR may read neither key events nor the audit trail.
            _set_roles(admin, principal_id, binding("VALIDATOR", org))
            for reader in (watcher, stream):
                reader.ended_with(grpc.StatusCode.PERMISSION_DENIED, "CALLER_FORBIDDEN")
        finally:
            watcher.cancel()
            stream.cancel()


def test_a_narrowed_caller_stops_receiving_events_outside_its_scope(
    server: ServerThread, admin: grpc.Channel
) -> None:
    a, b = _org(admin), _org(admin)
    principal_id, token = new_principal(admin, binding("AUDITOR", a), binding("AUDITOR", b))
    with channel(server.address, token) as ch:
        stream = _stream(ch)  # no organization named: both of the caller's
        try:
            first = append(
                server, crypto_records(1, organization_id=a) + crypto_records(1, organization_id=b)
            )
            assert [e.sequence for e in stream.take(2)] == first
            rechecks = server.container.stream_access.rechecks
            _set_roles(admin, principal_id, binding("AUDITOR", a))
            deadline = time.monotonic() + PROMPT_SECONDS
            while server.container.stream_access.rechecks == rechecks:
                assert time.monotonic() < deadline, "the stream did not re-check its caller"
                time.sleep(0.02)
            later = append(
                server, crypto_records(1, organization_id=b) + crypto_records(1, organization_id=a)
            )
            got = stream.take(1)
            assert [(e.sequence, e.organization_id) for e in got] == [(later[1], a)]
            assert stream.quiet()
            assert not stream.finished.is_set()  # still open
        finally:
            stream.cancel()
    # The watch naming the lost organization ends as a new watch on it would be refused.
    _set_roles(admin, principal_id, binding("AUDITOR", a), binding("AUDITOR", b))
    _key_event(admin, b)
    with channel(server.address, token) as ch:
        watcher = _watch(ch, b)
        try:
            watcher.take(1)
            _set_roles(admin, principal_id, binding("AUDITOR", a))
            watcher.ended_with(grpc.StatusCode.NOT_FOUND, "NOT_FOUND")
        finally:
            watcher.cancel()


def test_the_periodic_recheck_ends_a_stream_whose_token_expired(
    server: ServerThread, admin: grpc.Channel, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No announcement: the token's expiry passes (here: set in the database, and the cached
    authentication forgotten as its TTL would), and the 30 s re-check finds it."""
    from keyturn_server.store.models import PrincipalToken
    from sqlalchemy import update

    access = server.container.stream_access
    now = [1000.0]
    monkeypatch.setattr(access, "clock", lambda: now[0])
    org = _org(admin)
    _key_event(admin, org)
    principal_id, token = new_principal(admin, binding("AUDITOR", org))
    token_id = _only_token(admin, principal_id)
    with channel(server.address, token) as ch:
        watcher, stream = _watch(ch, org), _stream(ch, org)
        try:
            watcher.take(1)

            async def expire() -> None:
                async with server.container.db.transaction() as session:
                    await session.execute(
                        update(PrincipalToken)
                        .where(PrincipalToken.id == token_id)
                        .values(expire_time=datetime.now(UTC) - timedelta(seconds=1))
                    )
                server.container.authenticator.forget_all()

            server.call(expire())
            now[0] += access.interval_seconds - 1
            assert watcher.quiet(1.0) and not watcher.finished.is_set()
            assert not stream.finished.is_set()
            now[0] += 2  # past the interval: the next wake-up re-checks
            for reader in (watcher, stream):
                message = reader.ended_with(grpc.StatusCode.UNAUTHENTICATED, "CALLER_UNAUTHENTICATED")
                assert "expired" in message
        finally:
            watcher.cancel()
            stream.cancel()


def test_a_watch_narrowed_to_fewer_projects_stops_receiving_the_others(
    server: ServerThread, admin: grpc.Channel
) -> None:
    org = _org(admin)
    keys = keys_pb2_grpc.KeyServiceStub(admin)
    p, q = (keys.CreateProject(keys_pb2.CreateProjectRequest(organization_id=org, name=n)).id for n in "pq")
    in_p, in_q = create_key(keys, org, project=p).key.id, create_key(keys, org, project=q).key.id
    manager = (binding("KEY_MANAGER", org, project=p), binding("KEY_MANAGER", org, project=q))
    principal_id, token = new_principal(admin, *manager)
    with channel(server.address, token) as ch:
        watcher = _watch(ch, org)
        try:
            assert {e.key_id for e in watcher.take(2)} == {in_p, in_q}
            rechecks = server.container.stream_access.rechecks
            _set_roles(admin, principal_id, manager[0])
            deadline = time.monotonic() + PROMPT_SECONDS
            while server.container.stream_access.rechecks == rechecks:
                assert time.monotonic() < deadline, "the watch did not re-check its caller"
                time.sleep(0.02)
            for key_id in (in_q, in_p):
                keys.RevokeKey(keys_pb2.RevokeKeyRequest(id=key_id, reason="r"), timeout=10)
            assert [e.key_id for e in watcher.take(1)] == [in_p]
            assert watcher.quiet()
            assert not watcher.finished.is_set()
        finally:
            watcher.cancel()


def test_an_http_event_stream_ends_with_an_error_event_when_the_token_is_revoked(
    http_server: ServerThread,
) -> None:
    """The HTTP edge's server-sent events re-check the caller the same way (the edge's
    CallerCheck provides the re-check for both transports)."""
    import json

    import httpx

    with channel(http_server.address, http_server.admin_token) as admin:
        org = _org(admin)
        _key_event(admin, org)
        principal_id, token = new_principal(admin, binding("AUDITOR", org))
        lines: queue.Queue[str] = queue.Queue()

        def read() -> None:
            with httpx.stream(
                "GET",
                http_support.base_url(http_server) + "/v1/keyEvents:watch",
                params={"filter.organization_id": org},
                headers={"Authorization": f"Bearer {token}"},
                timeout=30,
            ) as response:
                for line in response.iter_lines():
                    lines.put(line)
            lines.put("<end>")

        thread = threading.Thread(target=read, daemon=True)
        thread.start()

        def next_data(timeout: float) -> str:
            deadline = time.monotonic() + timeout
            while True:
                line = lines.get(timeout=max(0.01, deadline - time.monotonic()))
                if line.startswith(("data: ", "event: ")) or line == "<end>":
                    return line

        assert json.loads(next_data(10)[len("data: ") :])["event"]["organization_id"] == org
        _access(admin).RevokePrincipalToken(
            access_pb2.RevokePrincipalTokenRequest(id=_only_token(admin, principal_id)), timeout=10
        )
        assert next_data(PROMPT_SECONDS) == "event: error"
        body = json.loads(next_data(1)[len("data: ") :])
        assert http_support.error_info(body)["reason"] == "CALLER_UNAUTHENTICATED"
        assert next_data(5) == "<end>"
        thread.join(5)
