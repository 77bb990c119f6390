"""StreamAccess / StreamGuard: when an open stream re-checks its caller."""

from __future__ import annotations

import asyncio

import pytest
from keyturn_server.domain.errors import CallerUnauthenticated
from keyturn_server.usecases.stream_access import StreamAccess


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_change_makes_every_open_stream_due_and_wakes_the_feeds() -> None:
    woken: list[str] = []
    access = StreamAccess(30.0, Clock())
    access.wake_with(lambda: woken.append("audit"))
    access.wake_with(lambda: woken.append("key-events"))
    calls: list[int] = []

    async def recheck() -> None:
        calls.append(1)

    first, second = access.guard(recheck), access.guard(recheck)

    async def run() -> None:
        assert not await first.check()
        access.changed()
        assert first.due() and second.due()
        assert await first.check()
        assert not await first.check()  # once per change
        assert await second.check()

    asyncio.run(run())
    assert woken == ["audit", "key-events"]
    assert len(calls) == 2 and access.rechecks == 2


def test_the_interval_makes_a_stream_due_without_a_change() -> None:
    clock = Clock()
    access = StreamAccess(30.0, clock)
    calls: list[float] = []

    async def recheck() -> None:
        calls.append(clock.now)

    guard = access.guard(recheck)

    async def run() -> None:
        clock.now += 29.9
        assert not await guard.check()
        clock.now += 0.2
        assert await guard.check()
        clock.now += 29.9
        assert not await guard.check()  # the interval restarts at each re-check
        clock.now += 0.2
        assert await guard.check()

    asyncio.run(run())
    assert calls == [pytest.approx(130.1), pytest.approx(160.2)]


def test_trusted_code_is_never_rechecked_and_a_refusal_propagates() -> None:
    access = StreamAccess(30.0, Clock())
    trusted = access.guard(None)
    access.changed()
    assert not trusted.due()

    async def refuse() -> None:
        raise CallerUnauthenticated("the bearer token has been revoked")

    guard = access.guard(refuse)
    access.changed()

    async def run() -> None:
        with pytest.raises(CallerUnauthenticated):
            await guard.check()

    asyncio.run(run())
