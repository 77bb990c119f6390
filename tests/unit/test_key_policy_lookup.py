"""KeyPolicyLookup (usecases/key_policies.py): the one effective-policy reader. Cached reads
load once per place (concurrent callers share the load), a change announced meanwhile keeps
a stale read out of the cache, exact reads never touch the cache, and the container shares
one lookup whose cache the bus's `key_policy` topic clears (another replica's NOTIFY)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from keyturn_server.container import Container
from keyturn_server.domain.key_policy import KeyPolicy
from keyturn_server.domain.key_policy_rules import SourcedPolicy
from keyturn_server.store.keyevents import TOPIC_KEY_POLICY
from keyturn_server.usecases import key_policies
from keyturn_server.usecases.key_policies import KeyPolicyLookup

from tests.support import make_settings


class FakeDatabase:
    """db.read hands the work a marker session; the store read below is faked."""

    async def read(self, work: Callable[[Any], Awaitable[Any]]) -> Any:
        return await work("own-session")


class FakeStore:
    def __init__(self) -> None:
        self.reads: list[tuple[Any, str, str | None]] = []
        self.action = "REVOKE"
        self.gate: asyncio.Event | None = None
        self.started = asyncio.Event()

    async def sourced_policy(
        self, session: Any, organization_id: str, project_id: str | None
    ) -> SourcedPolicy:
        self.reads.append((session, organization_id, project_id))
        action = self.action
        self.started.set()
        if self.gate is not None:
            await self.gate.wait()
        return SourcedPolicy(KeyPolicy(leaked_key_action=action), {})


@pytest.fixture
def store(monkeypatch: pytest.MonkeyPatch) -> FakeStore:
    fake = FakeStore()
    monkeypatch.setattr(key_policies.store, "sourced_policy", fake.sourced_policy)
    return fake


def lookup() -> KeyPolicyLookup:
    return KeyPolicyLookup(FakeDatabase())  # type: ignore[arg-type]


def test_cached_reads_load_once_per_place(store: FakeStore) -> None:
    policies = lookup()

    async def flow() -> None:
        await policies.cached("o1", "p1")
        await policies.cached("o1", "p1")
        await policies.cached("o1", None)
        await policies.cached("o1", None, "caller-session")

    asyncio.run(flow())
    assert store.reads == [("own-session", "o1", "p1"), ("own-session", "o1", None)]


def test_concurrent_misses_share_one_load(store: FakeStore) -> None:
    policies = lookup()

    async def flow() -> None:
        store.gate = asyncio.Event()
        waiting = [asyncio.ensure_future(policies.cached("o1", "p1")) for _ in range(5)]
        await asyncio.sleep(0)
        store.gate.set()
        await asyncio.gather(*waiting)

    asyncio.run(flow())
    assert len(store.reads) == 1


def test_a_change_during_a_load_keeps_the_read_out_of_the_cache(store: FakeStore) -> None:
    policies = lookup()

    async def flow() -> list[str | None]:
        store.gate = asyncio.Event()
        loading = asyncio.ensure_future(policies.cached("o1", "p1"))
        await store.started.wait()  # the load has read the generation and is in the database
        policies.forget_all()  # UpdateKeyPolicy committed while the old policy was read
        store.gate.set()
        first = await loading
        store.gate, store.action = None, "FLAG"
        second = await policies.cached("o1", "p1")
        return [first.policy.leaked_key_action, second.policy.leaked_key_action]

    assert asyncio.run(flow()) == ["REVOKE", "FLAG"]  # the stale read served its caller only
    assert len(store.reads) == 2


def test_a_read_in_the_callers_session_fills_the_cache(store: FakeStore) -> None:
    policies = lookup()

    async def flow() -> None:
        await policies.cached("o1", "p1", "caller-session")
        await policies.cached("o1", "p1")

    asyncio.run(flow())
    assert store.reads == [("caller-session", "o1", "p1")]


def test_exact_reads_bypass_the_cache(store: FakeStore) -> None:
    policies = lookup()

    async def flow() -> None:
        await policies.cached("o1", "p1")
        store.action = "FLAG"
        exact = await policies.read("tx", "o1", "p1")  # type: ignore[arg-type]
        assert exact.policy.leaked_key_action == "FLAG"
        assert (await policies.cached("o1", "p1")).policy.leaked_key_action == "REVOKE"

    asyncio.run(flow())
    assert store.reads == [("own-session", "o1", "p1"), ("tx", "o1", "p1")]


def test_the_container_shares_one_lookup_that_the_bus_topic_clears(tmp_path: Path, store: FakeStore) -> None:
    c = Container.build(make_settings(f"sqlite:///{tmp_path / 'k.db'}", tmp_path))
    shared = c.key_policy_lookup
    assert c.tokens.policies is shared
    assert c.leaks.policies is shared
    assert c.keys.policies is shared
    assert c.key_rotation.policies is shared
    assert c.key_policies.lookup is shared
    cache = shared.cache
    cache.put("o1/p1", "o1", SourcedPolicy(KeyPolicy(), {}), cache.generation)
    assert len(cache) == 1
    c.key_events._dispatch(f"{TOPIC_KEY_POLICY}:projects/p1")  # another replica's NOTIFY
    assert len(cache) == 0
