"""IP allow-lists: is a client address inside one of a key's CIDR networks?

IPv4 and IPv6 are both supported. An IPv4-mapped IPv6 address (`::ffff:192.0.2.1`, what a
dual-stack socket reports for an IPv4 peer) matches IPv4 networks as the IPv4 address it
carries, and an IPv4 address matches `::ffff:0:0/96`-style IPv6 networks in mapped form.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_ip(text: str) -> IPAddress:
    """Parse a client address; ValueError when malformed. IPv6 zone ids are ignored."""
    candidate = text.strip()
    if candidate.startswith("[") and candidate.endswith("]"):
        candidate = candidate[1:-1]
    address = ipaddress.ip_address(candidate)
    if isinstance(address, ipaddress.IPv6Address) and address.scope_id:
        address = ipaddress.IPv6Address(candidate.split("%", 1)[0])
    return address


def parse_network(text: str) -> IPNetwork:
    """Parse one CIDR (host bits tolerated: `10.0.0.1/8` is `10.0.0.0/8`); ValueError when
    malformed. The one CIDR parser: request validation and stored allow-lists both use it."""
    return ipaddress.ip_network(text.strip(), strict=False)


def parse_networks(cidrs: Iterable[str]) -> tuple[IPNetwork, ...]:
    """Parse stored CIDRs; ValueError on a malformed entry."""
    return tuple(parse_network(cidr) for cidr in cidrs)


# Matches no real client: what an allow-list whose entries are all unreadable becomes.
_NOTHING = ipaddress.ip_network("0.0.0.0/32")


def allow_list(cidrs: Iterable[str]) -> tuple[IPNetwork, ...]:
    """A stored allow-list, failing closed: an unreadable entry allows nothing, and a list
    that had entries never becomes empty (which would allow everyone)."""
    items = list(cidrs)
    networks: list[IPNetwork] = []
    for cidr in items:
        try:
            networks.append(parse_network(cidr))
        except ValueError:
            continue
    if items and not networks:
        networks.append(_NOTHING)
    return tuple(networks)


def _forms(address: IPAddress) -> tuple[IPAddress, ...]:
    if isinstance(address, ipaddress.IPv6Address):
        mapped = address.ipv4_mapped
        return (address,) if mapped is None else (address, mapped)
    return (address, ipaddress.IPv6Address("::ffff:" + str(address)))


def ip_allowed(address: IPAddress, networks: Iterable[IPNetwork]) -> bool:
    forms = _forms(address)
    for network in networks:
        for form in forms:
            if form.version == network.version and form in network:
                return True
    return False
