"""Outbound HTTP for webhook deliveries: the SSRF guard at send time, with kept-alive
connections.

`PinnedTransport` is the httpx transport of the sender's client. For each request it finds
the pool of the URL's origin (scheme, host, port); each pool belongs to ONE origin and ONE
checked address, and connects only there:

- A pool is made after the host was resolved and EVERY address it resolves to passed the
  guard (domain/webhooks.py `blocked_address`, unless allow_private). Its requests go to the
  checked address itself (the URL's host replaced by the IP; the Host header and, for https,
  the TLS server name and the certificate check keep the name), so a DNS answer that changes
  between the check and a connection (rebinding) cannot send one elsewhere: no connection
  of the pool ever goes anywhere but the checked address.
- The answer is trusted for `dns_ttl` seconds (getaddrinfo gives no TTL, so this is ours).
  The first request after that resolves and checks again: when the name now resolves to a
  refused address (or does not resolve), the request is refused and the pool is dropped,
  its kept-alive connections closed; when the answer still holds the pinned address, the
  pool carries on; otherwise a pool for the new address replaces it.
- A pool serves one name only, so a connection whose certificate was checked for one name
  never carries another name's request, even when both resolve to the same address.
- Pools are bounded (`max_pools`, least recently used dropped first) and expire after
  `idle_expiry` seconds without a request (`expire_idle`, called by the sender after each
  round); a dropped pool still serving requests is closed when the last of them ends.
  Kept-alive connections close after `keepalive_expiry` seconds idle (below the 5 s idle
  timeout of Node's http server, so a receiver rarely closes one just as it is reused).
- A pool opens at most CONNECTIONS_PER_POOL connections; more requests in flight to one
  origin wait for a free connection (the client's pool timeout bounds the wait).

Environment proxies are not used (the client is built with trust_env=False): a proxy would
resolve the name itself, out of the guard's reach.
"""

from __future__ import annotations

import asyncio
import socket
import ssl
import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field

import httpx

from keyturn_server.domain import webhooks as rules
from keyturn_server.usecases.keycache import SingleFlight

# host, port -> the addresses it resolves to.
Resolver = Callable[[str, int], Awaitable[list[str]]]

DNS_TTL_SECONDS = 30.0
POOL_IDLE_SECONDS = 60.0
MAX_POOLS = 256
KEEPALIVE_EXPIRY_SECONDS = 4.0
# Per pool: at most this many connections to one receiver at once, all kept alive. A burst
# (a claimed batch is up to 50 attempts) waits for a free one: a few kept-alive connections
# beat many, since httpcore's pool checks each of its connections on every checkout
# (encode/httpx#3215), and receivers see a handful of connections instead of a flood.
CONNECTIONS_PER_POOL = 10


async def resolve(host: str, port: int) -> list[str]:
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]) for info in infos]


class Refused(Exception):
    """The target may not be reached (or not resolved); the message is the attempt's error."""


@dataclass(frozen=True)
class Target:
    """Where the requests of one origin go: the checked address, with the name kept."""

    scheme: str
    host: str  # IDNA-encoded, as DNS, Host and SNI want it
    port: int
    address: str

    @property
    def origin(self) -> tuple[str, str, int]:
        return self.scheme, self.host, self.port

    @property
    def literal(self) -> bool:
        return rules.ip_literal(self.host) is not None


def pinned_request(request: httpx.Request, target: Target) -> httpx.Request:
    """`request` sent to `target.address`: the URL's host replaced by the IP, the Host header
    (set by the client from the URL) kept, and for https the name as the TLS server name."""
    if target.literal:
        return request
    extensions = dict(request.extensions)
    if target.scheme == "https":
        extensions["sni_hostname"] = target.host
    return httpx.Request(
        request.method,
        request.url.copy_with(host=target.address),
        headers=request.headers,
        stream=request.stream,
        extensions=extensions,
    )


@dataclass(eq=False)
class _Pool:
    target: Target
    transport: httpx.AsyncBaseTransport
    checked: float  # when the address was last resolved and checked (the clock's time)
    used: float
    active: int = 0  # requests whose response is not closed yet
    retired: bool = field(default=False)


class _Released(httpx.AsyncByteStream):
    """A response body that hands its pool back when closed."""

    def __init__(self, stream: httpx.AsyncByteStream, release: Callable[[], Awaitable[None]]) -> None:
        self._stream = stream
        self._release: Callable[[], Awaitable[None]] | None = release

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._stream:
            yield chunk

    async def aclose(self) -> None:
        try:
            await self._stream.aclose()
        finally:
            release, self._release = self._release, None
            if release is not None:
                await release()


PoolFactory = Callable[[Target], httpx.AsyncBaseTransport]


class PinnedTransport(httpx.AsyncBaseTransport):
    def __init__(
        self,
        *,
        resolver: Resolver = resolve,
        allow_private: bool = False,
        verify: ssl.SSLContext | bool = True,
        resolve_timeout: float = 10.0,
        limits: httpx.Limits | None = None,
        dns_ttl: float = DNS_TTL_SECONDS,
        idle_expiry: float = POOL_IDLE_SECONDS,
        max_pools: int = MAX_POOLS,
        clock: Callable[[], float] = time.monotonic,
        pool_factory: PoolFactory | None = None,
    ) -> None:
        self.resolver = resolver
        self.allow_private = allow_private
        self.resolve_timeout = resolve_timeout
        self.limits = limits or httpx.Limits(
            max_connections=CONNECTIONS_PER_POOL,
            max_keepalive_connections=CONNECTIONS_PER_POOL,
            keepalive_expiry=KEEPALIVE_EXPIRY_SECONDS,
        )
        self.dns_ttl = dns_ttl
        self.idle_expiry = idle_expiry
        self.max_pools = max_pools
        self.clock = clock
        # One trust store for every pool (loading the CA bundle per pool would cost more
        # than the connections it saves).
        self._ssl = httpx.create_ssl_context(verify=verify)
        self._factory = pool_factory or self._http_pool
        self._pools: OrderedDict[tuple[str, str, int], _Pool] = OrderedDict()  # LRU first
        self._retired: set[_Pool] = set()  # dropped, still serving requests
        self._resolving: SingleFlight[list[str]] = SingleFlight()
        self.pools_created = 0

    def _http_pool(self, target: Target) -> httpx.AsyncBaseTransport:
        return httpx.AsyncHTTPTransport(verify=self._ssl, limits=self.limits, trust_env=False)

    def pool_targets(self) -> list[Target]:
        """The pools in use, least recently used first."""
        return [pool.target for pool in self._pools.values()]

    # --- The guard -----------------------------------------------------------------------------

    async def _addresses(self, host: str, port: int) -> list[str]:
        literal = rules.ip_literal(host)
        if literal is not None:
            return [literal]

        async def lookup() -> list[str]:
            return await asyncio.wait_for(self.resolver(host, port), self.resolve_timeout)

        try:
            addresses = await self._resolving.run(f"{host}:{port}", lookup)
        except (OSError, TimeoutError, UnicodeError):
            raise Refused(f"cannot resolve {host}") from None
        if not addresses:
            raise Refused(f"cannot resolve {host}")
        return addresses

    def _check(self, host: str, addresses: list[str]) -> None:
        if self.allow_private:
            return
        for address in addresses:
            why = rules.blocked_address(address)
            if why:
                raise Refused(
                    f"refused: {host} resolves to {address}, a {why} address "
                    "(allowed only with KEYTURN_WEBHOOK_ALLOW_PRIVATE_NETWORKS); no request sent"
                )

    async def pin(self, url: httpx.URL) -> Target:
        """Resolve and check `url`'s host now (no pool involved). Raises Refused."""
        scheme = url.scheme
        host = url.raw_host.decode("ascii")
        port = url.port or (443 if scheme == "https" else 80)
        addresses = await self._addresses(host, port)
        self._check(host, addresses)
        return Target(scheme, host, port, addresses[0])

    # --- Pools ---------------------------------------------------------------------------------

    async def _checkout(self, url: httpx.URL) -> _Pool:
        scheme = url.scheme
        host = url.raw_host.decode("ascii")
        port = url.port or (443 if scheme == "https" else 80)
        origin = (scheme, host, port)
        pool = self._pools.get(origin)
        closing: list[_Pool] = []
        if pool is None or self.clock() - pool.checked >= self.dns_ttl:
            checked = self.clock()
            try:
                addresses = await self._addresses(host, port)
                self._check(host, addresses)
            except Refused:
                # Never again through a connection made for the old answer.
                await self._close(self._retire(self._pools.get(origin)))
                raise
            # No await from here to the checkout: others may have moved on while we resolved.
            pool = self._pools.get(origin)
            if pool is not None and pool.target.address in addresses:
                pool.checked = max(pool.checked, checked)
            else:
                closing += self._retire(pool)
                target = Target(scheme, host, port, addresses[0])
                pool = _Pool(target, self._factory(target), checked=checked, used=checked)
                self._pools[origin] = pool
                self.pools_created += 1
        pool.used = self.clock()
        pool.active += 1
        self._pools.move_to_end(origin)
        while len(self._pools) > self.max_pools:
            idle = next((p for p in self._pools.values() if p.active == 0), None)
            closing += self._retire(idle or next(iter(self._pools.values())))
        await self._close(closing)
        return pool

    def _retire(self, pool: _Pool | None) -> list[_Pool]:
        """Take `pool` out of use; returns it when it can be closed now (no request on it),
        else it is closed when its last request ends."""
        if pool is None:
            return []
        if self._pools.get(pool.target.origin) is pool:
            del self._pools[pool.target.origin]
        pool.retired = True
        if pool.active:
            self._retired.add(pool)
            return []
        return [pool]

    @staticmethod
    async def _close(pools: list[_Pool]) -> None:
        for pool in pools:
            await pool.transport.aclose()

    async def _release(self, pool: _Pool) -> None:
        pool.active -= 1
        if pool.retired and pool.active == 0 and pool in self._retired:
            self._retired.discard(pool)
            await pool.transport.aclose()

    async def expire_idle(self) -> int:
        """Drop the pools unused for idle_expiry seconds; returns how many."""
        now = self.clock()
        stale = [p for p in self._pools.values() if p.active == 0 and now - p.used >= self.idle_expiry]
        for pool in stale:
            self._retire(pool)
        await self._close(stale)
        return len(stale)

    # --- httpx ---------------------------------------------------------------------------------

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        pool = await self._checkout(request.url)
        try:
            response = await pool.transport.handle_async_request(pinned_request(request, pool.target))
        except BaseException:
            await self._release(pool)
            raise
        assert isinstance(response.stream, httpx.AsyncByteStream)
        return httpx.Response(
            status_code=response.status_code,
            headers=response.headers,
            stream=_Released(response.stream, lambda: self._release(pool)),
            extensions=response.extensions,
        )

    async def aclose(self) -> None:
        pools = [*self._pools.values(), *self._retired]
        self._pools.clear()
        self._retired.clear()
        for pool in pools:
            pool.retired = True
        await self._close(pools)


__all__ = ["PinnedTransport", "Refused", "Resolver", "Target", "pinned_request", "resolve"]
