"""The composition root wires every component once; no wiring depends on an order.

The bug this guards against (issue 9): when servicers wired themselves, registering the
access servicer before the key servicer left principal changes unannounced, so token
revocations reached other replicas only after the cache TTL. Now Principals cannot be built
without the key-event bus, and the bus's `principal` topic is subscribed by the container.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from keyturn_server.container import Container

from tests.support import make_settings


def _container(tmp_path: Path) -> Container:
    return Container.build(make_settings(f"sqlite:///{tmp_path / 'k.db'}", tmp_path))


def test_each_component_is_built_once_and_shared(tmp_path: Path) -> None:
    c = _container(tmp_path)
    assert c.principals.key_events is c.key_events
    assert c.tenancy.key_events is c.key_events
    assert c.keys.key_events is c.key_events
    assert c.principals.authenticator is c.authenticator
    assert c.validation.access_log is c.access_log
    assert c.crypto.access_log is c.access_log
    assert c.keys.hasher is c.hasher is c.validation.hasher is c.authenticator.hasher
    assert c.audit.tokens is c.page_tokens


def test_a_principal_change_announced_by_another_replica_clears_the_callers_here(tmp_path: Path) -> None:
    c = _container(tmp_path)
    cache = c.authenticator.cache
    cache.put("t:abc", "p1", object(), cache.generation)  # type: ignore[arg-type]
    assert len(cache) == 1
    c.key_events._dispatch("principal:p1")  # what LISTEN hands over for another replica's NOTIFY
    assert len(cache) == 0


def test_a_principal_change_here_evicts_locally_and_announces(tmp_path: Path) -> None:
    c = _container(tmp_path)
    announced: list[str] = []

    async def announce(principal_id: str) -> None:
        announced.append(principal_id)

    c.key_events.principal_changed = announce  # type: ignore[method-assign]
    cache = c.authenticator.cache
    cache.put("t:abc", "p1", object(), cache.generation)  # type: ignore[arg-type]
    asyncio.run(c.principals._changed("p1"))
    assert len(cache) == 0 and announced == ["p1"]


def test_link_changes_from_other_replicas_clear_the_link_cache(tmp_path: Path) -> None:
    c = _container(tmp_path)
    links = c.validation.links
    links.put("proj/prod", "proj/prod", False, links.generation)
    c.key_events._dispatch("links:")
    assert len(links) == 0


def test_building_touches_no_database(tmp_path: Path) -> None:
    _container(tmp_path)
    assert not (tmp_path / "k.db").exists()
