"""The revocation bound of access tokens, end to end on SQLite and PostgreSQL: a TokenVerifier
that follows an organization's key events (TokenVerifier.follow_revocations over
WatchKeyEvents) refuses a revoked key's tokens within the event latency, a child revoked by
its parent's revocation too, and the follower survives a server restart (same database, same
port), resuming after its cursor without missing a revocation made while it was away."""

from __future__ import annotations

import asyncio
import contextlib
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from typing import Any

import grpc
import pytest
from google.protobuf import timestamp_pb2
from keyturn.client import AsyncClient, Client, KeyMetadata
from keyturn.client.errors import RevokedKeyError
from keyturn.client.tokens import GrpcJwks, TokenVerifier
from keyturn.v1 import key_events_pb2

from tests.support import ServerThread, free_port, make_settings

WITHIN = 10.0  # seconds a refusal may take at most (typically milliseconds)


@pytest.fixture(scope="module")
def database_url(backend: str, new_database_url: Any) -> str:
    return str(new_database_url(backend))


@pytest.fixture(scope="module")
def running(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerThread]:
    server = ServerThread(make_settings(database_url, tmp_path_factory.mktemp("data"))).start()
    try:
        yield server
    finally:
        server.stop()


@contextlib.contextmanager
def _verifier(address: str, org: str) -> Iterator[TokenVerifier]:
    with grpc.insecure_channel(address) as channel:
        yield TokenVerifier(GrpcJwks(channel, org))


async def _refused_within(verifier: TokenVerifier, token: str, seconds: float = WITHIN) -> RevokedKeyError:
    deadline = time.monotonic() + seconds
    while True:
        try:
            await verifier.verify_async(token)
        except RevokedKeyError as refused:
            return refused
        assert time.monotonic() < deadline, f"the token was still accepted after {seconds}s"
        await asyncio.sleep(0.02)


@contextlib.asynccontextmanager
async def _following(
    verifier: TokenVerifier, client: AsyncClient, org: str
) -> AsyncIterator[asyncio.Task[None]]:
    task = asyncio.create_task(
        verifier.follow_revocations(client, org, initial_backoff_seconds=0.05, max_backoff_seconds=0.3)
    )
    try:
        yield task
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


async def _org_and_key(client: AsyncClient, **fields: Any) -> tuple[str, Any, str]:
    org = await client.create_organization(f"rev-{uuid.uuid4().hex[:10]}")
    created = await client.create_key(org.id, metadata=KeyMetadata(scopes=["read"]), **fields)
    token = (await client.exchange_key(created.plaintext)).access_token
    return org.id, created, token


def test_a_following_verifier_refuses_a_revoked_keys_token_and_its_childrens(running: ServerThread) -> None:
    async def main() -> None:
        async with AsyncClient(running.address, token=running.admin_token) as client:
            org, created, token = await _org_and_key(client)
            child = await client.create_key(
                org, metadata=KeyMetadata(scopes=["read"]), parent_key_id=created.key.id
            )
            child_token = (await client.exchange_key(child.plaintext)).access_token
            other = await client.create_key(org, metadata=KeyMetadata(scopes=["read"]))
            other_token = (await client.exchange_key(other.plaintext)).access_token
            with _verifier(running.address, org) as verifier:
                assert (await verifier.verify_async(token)).key_id == created.key.id
                async with _following(verifier, client, org) as task:
                    assert (await verifier.verify_async(child_token)).key_id == child.key.id
                    await client.revoke_key(created.key.id, reason="compromised")
                    refused = await _refused_within(verifier, token)
                    assert (
                        refused.reason == "KEY_REVOKED" and refused.code == grpc.StatusCode.PERMISSION_DENIED
                    )
                    # The child was revoked by its parent's revocation (its own REVOKED event).
                    await _refused_within(verifier, child_token)
                    assert (await verifier.verify_async(other_token)).key_id == other.key.id
                    await client.delete_key(other.key.id)
                    await _refused_within(verifier, other_token)
                    assert not task.done()
                    assert verifier.revocation_cursor > 0
                    assert verifier.refused_keys == 3

    asyncio.run(main())


def test_a_verifier_started_late_still_refuses_a_key_revoked_before(running: ServerThread) -> None:
    async def main() -> None:
        async with AsyncClient(running.address, token=running.admin_token) as client:
            org, created, token = await _org_and_key(client)
            await client.revoke_key(created.key.id)
            with _verifier(running.address, org) as verifier:
                async with _following(verifier, client, org):
                    await _refused_within(verifier, token)

    asyncio.run(main())


def test_the_sync_follower_thread_refuses_and_stops(running: ServerThread) -> None:
    with Client(running.address, token=running.admin_token) as client:
        org = client.create_organization(f"rev-{uuid.uuid4().hex[:10]}")
        created = client.create_key(org.id, metadata=KeyMetadata(scopes=["read"]))
        token = client.exchange_key(created.plaintext).access_token
        with _verifier(running.address, org.id) as verifier:
            follower = verifier.follow_revocations_in_thread(client, org.id, max_backoff_seconds=0.3)
            try:
                assert verifier.verify(token).key_id == created.key.id
                client.revoke_key(created.key.id)
                deadline = time.monotonic() + WITHIN
                while True:
                    try:
                        verifier.verify(token)
                    except RevokedKeyError:
                        break
                    assert time.monotonic() < deadline
                    time.sleep(0.02)
            finally:
                follower.stop()
            assert not follower.is_alive() and follower.error is None


def test_the_follower_survives_a_restart_and_misses_nothing(
    database_url: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    data = tmp_path_factory.mktemp("restart")
    port = free_port()
    first = ServerThread(make_settings(database_url, data, listen=f"127.0.0.1:{port}")).start()
    admin = first.admin_token

    async def main() -> None:
        nonlocal first
        async with AsyncClient(first.address, token=admin) as client:
            org, created, token = await _org_and_key(client)
            meanwhile = await client.create_key(org, metadata=KeyMetadata(scopes=["read"]))
            meanwhile_token = (await client.exchange_key(meanwhile.plaintext)).access_token
            with _verifier(first.address, org) as verifier:
                async with _following(verifier, client, org) as task:
                    await client.revoke_key(created.key.id)
                    await _refused_within(verifier, token)
                    cursor = verifier.revocation_cursor
                    await asyncio.to_thread(first.stop)
                    # While the follower's server is down, another replica on the same
                    # database revokes a key...
                    other = ServerThread(make_settings(database_url, data)).start()
                    try:
                        async with AsyncClient(other.address, token=other.admin_token) as elsewhere:
                            await elsewhere.revoke_key(meanwhile.key.id)
                    finally:
                        await asyncio.to_thread(other.stop)
                    assert (await verifier.verify_async(meanwhile_token)).key_id == meanwhile.key.id
                    # ...then the server comes back on the same port: the follower reconnects
                    # and resumes after its cursor.
                    first = await asyncio.to_thread(
                        ServerThread(make_settings(database_url, data, listen=f"127.0.0.1:{port}")).start
                    )
                    await _refused_within(verifier, meanwhile_token)
                    assert verifier.revocation_reconnects >= 1
                    assert verifier.revocation_cursor > cursor
                    assert not task.done()

    try:
        asyncio.run(main())
    finally:
        first.stop()


def test_refusals_are_forgotten_once_every_token_is_dead() -> None:
    verifier = TokenVerifier(GrpcJwks(grpc.insecure_channel("127.0.0.1:1")))
    now = time.time()

    def event(key_id: str, kind: int, age: float, **data: str) -> key_events_pb2.KeyEvent:
        message = key_events_pb2.KeyEvent(
            key_id=key_id, type=kind, event_time=timestamp_pb2.Timestamp(seconds=int(now - age))
        )
        message.data.update(data)
        return message

    ke = key_events_pb2
    assert verifier.refuse_event(event("recent", ke.KEY_EVENT_TYPE_REVOKED, 60))
    assert verifier.refuse_event(event("old", ke.KEY_EVENT_TYPE_DELETED, 2 * 3600))  # its tokens are dead
    assert verifier.refuse_event(event("leaked", ke.KEY_EVENT_TYPE_LEAKED, 1, action="REVOKED"))
    assert not verifier.refuse_event(event("flagged", ke.KEY_EVENT_TYPE_LEAKED, 1, action="FLAGGED"))
    assert not verifier.refuse_event(event("updated", ke.KEY_EVENT_TYPE_UPDATED, 1))
    assert verifier.refused_keys == 2
    verifier.max_token_lifetime = 30.0  # a minute-old revocation is past a 30 s lifetime
    assert verifier.refuse_event(event("again", ke.KEY_EVENT_TYPE_EXPIRED, 60))
    assert verifier.refused_keys == 2
    # Pruning drops what is past: after 1024 refusals only live ones are stored.
    for i in range(1100):
        verifier.refuse_key(f"k{i}", until=now - 1)
    assert verifier.refused_keys == 2 and len(verifier._refused) < 100
