"""The sender's SSRF guard at send time (usecases/webhook_transport.py `PinnedTransport`):
every address a name resolves to is checked, the request goes to the checked address with
the name kept for the Host header and TLS; literals are not resolved; resolution failures
are a refusal. Pools: one per origin and checked address, reused while the answer holds,
re-checked when it expires, dropped (connections closed) when the fresh answer is refused,
bounded and expired when idle; and a real loopback receiver sees kept-alive connections."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

import httpx
import pytest
from keyturn_server.usecases.webhook_transport import PinnedTransport, Refused, Target, pinned_request


@dataclass
class Clock:
    now: float = 1000.0

    def __call__(self) -> float:
        return self.now


@dataclass
class FakePool:
    """Stands in for one httpx pool: records what it was asked to send and its closing."""

    target: Target
    sent: list[httpx.Request] = field(default_factory=list)
    closed: bool = False

    def transport(self) -> httpx.AsyncBaseTransport:
        pool = self

        class Mock(httpx.MockTransport):
            async def aclose(self) -> None:
                pool.closed = True

        def answer(request: httpx.Request) -> httpx.Response:
            assert not pool.closed, "a request on a closed pool"
            pool.sent.append(request)
            return httpx.Response(204)

        return Mock(answer)


@dataclass
class Rig:
    answers: dict[str, list[str]]
    allow_private: bool = False
    max_pools: int = 8
    asked: list[str] = field(default_factory=list)
    pools: list[FakePool] = field(default_factory=list)
    clock: Clock = field(default_factory=Clock)
    transport: PinnedTransport = field(init=False)
    client: httpx.AsyncClient = field(init=False)

    def __post_init__(self) -> None:
        async def resolver(host: str, port: int) -> list[str]:
            self.asked.append(f"{host}:{port}")
            if host not in self.answers:
                raise OSError("no such host")
            return self.answers[host]

        def factory(target: Target) -> httpx.AsyncBaseTransport:
            self.pools.append(FakePool(target))
            return self.pools[-1].transport()

        self.transport = PinnedTransport(
            resolver=resolver,
            allow_private=self.allow_private,
            clock=self.clock,
            max_pools=self.max_pools,
            pool_factory=factory,
        )

        # Not closed per request: closing a client closes its transport, with every pool.
        self.client = httpx.AsyncClient(transport=self.transport, trust_env=False)

    async def post(self, url: str) -> httpx.Response:
        return await self.client.post(url, content=b"{}")


def run_in_loop(rig: Rig, *urls: str) -> list[httpx.Response]:
    async def go() -> list[httpx.Response]:
        return [await rig.post(url) for url in urls]

    return asyncio.run(go())


def pin(rig: Rig, url: str) -> tuple[str, dict[str, str], dict[str, object]]:
    """Where a POST to `url` goes: the URL sent, the Host header and the TLS server name."""
    target = asyncio.run(rig.transport.pin(httpx.URL(url)))
    sent = pinned_request(httpx.Request("POST", url), target)
    return str(sent.url), {"Host": sent.headers["Host"]}, dict(sent.extensions)


# ---- the guard -------------------------------------------------------------------------------


def test_a_public_name_is_pinned_to_its_checked_address() -> None:
    rig = Rig({"hooks.example.com": ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"]})
    target, headers, extensions = pin(rig, "https://hooks.example.com/k?x=1")
    assert target == "https://93.184.215.14/k?x=1"
    assert headers == {"Host": "hooks.example.com"}
    assert extensions == {"sni_hostname": "hooks.example.com"}
    assert rig.asked == ["hooks.example.com:443"]
    assert pin(rig, "http://hooks.example.com:8080/k") == (
        "http://93.184.215.14:8080/k",
        {"Host": "hooks.example.com:8080"},
        {},
    )
    rig.answers["v6.example.com"] = ["2606:2800:21f:cb07:6820:80da:af6b:8b2c"]
    assert (
        pin(rig, "https://v6.example.com:8443/")[0]
        == "https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]:8443/"
    )


@pytest.mark.parametrize(
    "addresses",
    [
        ["127.0.0.1"],
        ["93.184.215.14", "10.0.0.7"],
        ["169.254.169.254"],
        ["::1"],
        ["::ffff:192.168.1.1"],
        ["100.64.3.4"],
    ],
)
def test_any_private_answer_refuses(addresses: list[str]) -> None:
    rig = Rig({"rebind.example.com": addresses})
    with pytest.raises(Refused, match=r"resolves to .* address.*no request sent"):
        pin(rig, "https://rebind.example.com/")
    with pytest.raises(Refused, match=r"resolves to .* address.*no request sent"):
        run_in_loop(rig, "https://rebind.example.com/")
    assert rig.pools == []  # no pool, so no connection, was made


def test_allowed_private_networks_still_pin() -> None:
    rig = Rig({"onprem.internal": ["10.0.0.7"]}, allow_private=True)
    assert pin(rig, "https://onprem.internal/x")[0] == "https://10.0.0.7/x"


def test_literals_are_not_resolved_and_names_that_do_not_resolve_are_refused() -> None:
    rig = Rig({}, allow_private=True)
    assert pin(rig, "http://[::1]:9/x") == ("http://[::1]:9/x", {"Host": "[::1]:9"}, {})
    assert rig.asked == []
    with pytest.raises(Refused, match=r"cannot resolve nowhere\.example"):
        pin(rig, "https://nowhere.example/")
    guarded = Rig({})
    with pytest.raises(Refused, match=r"127\.0\.0\.1, a loopback address"):
        pin(guarded, "http://127.0.0.1:9/x")  # a literal stored before the guard existed


def test_idn_names_are_resolved_and_sent_encoded() -> None:
    rig = Rig({"xn--bcher-kva.example": ["93.184.215.14"]})
    _, headers, extensions = pin(rig, "https://bücher.example/")
    assert rig.asked == ["xn--bcher-kva.example:443"]
    assert headers == {"Host": "xn--bcher-kva.example"}
    assert extensions == {"sni_hostname": "xn--bcher-kva.example"}


# ---- pools -----------------------------------------------------------------------------------


def test_the_pool_of_an_origin_is_reused_while_its_answer_holds() -> None:
    rig = Rig({"hooks.example.com": ["93.184.215.14"]})
    url = "https://hooks.example.com/k"

    async def go() -> None:
        for _ in range(3):
            assert (await rig.post(url)).status_code == 204
        rig.clock.now += 29  # within the DNS TTL: no new lookup
        await asyncio.gather(*(rig.post(url) for _ in range(5)))

    asyncio.run(go())
    assert rig.asked == ["hooks.example.com:443"]
    assert [p.target for p in rig.pools] == [Target("https", "hooks.example.com", 443, "93.184.215.14")]
    (pool,) = rig.pools
    assert len(pool.sent) == 8 and not pool.closed
    sent = pool.sent[0]
    assert str(sent.url) == "https://93.184.215.14/k"
    assert sent.headers["Host"] == "hooks.example.com"
    assert sent.extensions["sni_hostname"] == "hooks.example.com"


def test_concurrent_first_requests_share_one_lookup_and_one_pool() -> None:
    rig = Rig({"hooks.example.com": ["93.184.215.14"]})

    async def go() -> None:
        await asyncio.gather(*(rig.post("https://hooks.example.com/k") for _ in range(20)))

    asyncio.run(go())
    assert rig.asked == ["hooks.example.com:443"]
    assert len(rig.pools) == 1 and len(rig.pools[0].sent) == 20


def test_an_expired_answer_is_checked_again_and_the_pool_kept_if_it_holds() -> None:
    rig = Rig({"hooks.example.com": ["93.184.215.14"]})
    url = "https://hooks.example.com/k"

    async def go() -> None:
        await rig.post(url)
        rig.clock.now += 31
        rig.answers["hooks.example.com"] = ["93.184.215.99", "93.184.215.14"]  # still listed
        await rig.post(url)

    asyncio.run(go())
    assert rig.asked == ["hooks.example.com:443"] * 2
    assert len(rig.pools) == 1 and len(rig.pools[0].sent) == 2


def test_a_host_whose_address_turns_private_is_refused_and_its_pool_dropped() -> None:
    rig = Rig({"rebind.example.com": ["93.184.215.14"]})
    url = "https://rebind.example.com/k"

    async def go() -> None:
        await rig.post(url)
        rig.answers["rebind.example.com"] = ["10.0.0.7"]  # rebound to the inside
        await rig.post(url)  # the checked answer still holds: the public address, pooled
        rig.clock.now += 30
        with pytest.raises(Refused, match=r"10\.0\.0\.7, a private address"):
            await rig.post(url)
        assert rig.transport.pool_targets() == []
        rig.clock.now += 1
        with pytest.raises(Refused):  # refused again, checked again, no pool made
            await rig.post(url)

    asyncio.run(go())
    (pool,) = rig.pools
    assert pool.closed  # its kept-alive connections are gone with it
    assert len(pool.sent) == 2
    assert all(str(r.url).startswith("https://93.184.215.14/") for r in pool.sent)
    assert rig.asked == ["rebind.example.com:443"] * 3


def test_a_host_that_stops_resolving_loses_its_pool() -> None:
    rig = Rig({"gone.example.com": ["93.184.215.14"]})

    async def go() -> None:
        await rig.post("https://gone.example.com/")
        del rig.answers["gone.example.com"]
        rig.clock.now += 30
        with pytest.raises(Refused, match="cannot resolve"):
            await rig.post("https://gone.example.com/")

    asyncio.run(go())
    assert rig.pools[0].closed and rig.transport.pool_targets() == []


def test_a_new_public_address_gets_a_new_pool_and_the_old_one_closes() -> None:
    rig = Rig({"moved.example.com": ["93.184.215.14"]})

    async def go() -> None:
        await rig.post("https://moved.example.com/")
        rig.answers["moved.example.com"] = ["198.51.100.1", "93.184.216.34"]  # 198.51.100/24: documentation
        rig.clock.now += 30
        with pytest.raises(Refused):
            await rig.post("https://moved.example.com/")
        rig.answers["moved.example.com"] = ["93.184.216.34"]
        await rig.post("https://moved.example.com/")

    asyncio.run(go())
    assert [(p.target.address, p.closed, len(p.sent)) for p in rig.pools] == [
        ("93.184.215.14", True, 1),
        ("93.184.216.34", False, 1),
    ]


def test_one_name_never_rides_another_names_pool() -> None:
    """Two names on one address: two pools, so a connection whose TLS was checked for one
    name never carries the other's request."""
    rig = Rig({"a.example.com": ["93.184.215.14"], "b.example.com": ["93.184.215.14"]})
    run_in_loop(rig, "https://a.example.com/", "https://b.example.com/", "https://a.example.com/")
    assert [(p.target.host, len(p.sent)) for p in rig.pools] == [("a.example.com", 2), ("b.example.com", 1)]
    assert {r.extensions["sni_hostname"] for r in rig.pools[1].sent} == {"b.example.com"}


def test_pools_are_bounded_and_expire_when_idle() -> None:
    names = {f"h{i}.example.com": ["93.184.215.14"] for i in range(5)}
    rig = Rig(names, max_pools=3)

    async def go() -> None:
        for name in names:
            await rig.post(f"https://{name}/")
            rig.clock.now += 1
        assert [t.host for t in rig.transport.pool_targets()] == [
            "h2.example.com",
            "h3.example.com",
            "h4.example.com",
        ]
        rig.clock.now += 57
        assert await rig.transport.expire_idle() == 1  # h2, unused for 60 s
        rig.clock.now += 2
        assert await rig.transport.expire_idle() == 2
        await rig.transport.aclose()

    asyncio.run(go())
    assert [p.closed for p in rig.pools] == [True] * 5


def test_a_dropped_pool_closes_only_when_its_requests_end() -> None:
    rig = Rig({"slow.example.com": ["93.184.215.14"]})
    transport = rig.transport

    async def go() -> None:
        request = httpx.Request("POST", "https://slow.example.com/", content=b"{}")
        response = await transport.handle_async_request(request)  # body not read yet
        rig.answers["slow.example.com"] = ["127.0.0.1"]
        rig.clock.now += 30
        with pytest.raises(Refused):
            await transport.handle_async_request(httpx.Request("POST", "https://slow.example.com/"))
        assert not rig.pools[0].closed  # still carrying the first response
        await response.aread()
        await response.aclose()
        assert rig.pools[0].closed

    asyncio.run(go())


# ---- a real receiver: connections kept alive -------------------------------------------------


async def serve(accepted: list[int]) -> tuple[asyncio.Server, int]:
    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        accepted.append(1)
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                length = 0
                for line in head.split(b"\r\n"):
                    if line.lower().startswith(b"content-length:"):
                        length = int(line.split(b":", 1)[1])
                await reader.readexactly(length)
                writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    return server, server.sockets[0].getsockname()[1]


@pytest.mark.parametrize(("keepalive", "most"), [(True, 1), (False, 20)])
def test_a_real_receiver_sees_connections_reused(keepalive: bool, most: int) -> None:
    accepted: list[int] = []

    async def resolver(host: str, port: int) -> list[str]:
        return ["127.0.0.1"]

    limits = None if keepalive else httpx.Limits(max_keepalive_connections=0)

    async def go() -> None:
        server, port = await serve(accepted)
        transport = PinnedTransport(resolver=resolver, allow_private=True, limits=limits)
        try:
            async with httpx.AsyncClient(transport=transport, trust_env=False) as client:
                for _ in range(20):
                    response = await client.post(
                        f"http://receiver.keyturn.invalid:{port}/hook", content=b"{}"
                    )
                    assert response.status_code == 200
            assert transport.pools_created == 1
        finally:
            server.close()
            await server.wait_closed()

    asyncio.run(go())
    assert len(accepted) == most
