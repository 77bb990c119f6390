"""Restricted child keys: the rules that keep a child no broader than its parent.

A child key is derived from a parent key (CreateKeyRequest.parent_key_id) and may do at most
what the parent may:

- the same organization and environment; the parent's project and product, if it has one
  (a child may be narrower: an organization-wide parent may have a project-scoped child);
- scopes a subset of the parent's. Scopes are matched literally by ValidateKey (`*` is an
  ordinary character, not a wildcard), so the subset is literal too, and a parent without
  scopes (which satisfies no required scope) only has children without scopes;
- an expire_time no later than the parent's; a child without one under an expiring parent
  gets the parent's (`capped_expiry`);
- every network of its allowed_cidrs inside one of the parent's; a parent without CIDRs is
  usable from anywhere, so it allows any child networks;
- a rate limit no higher, compared as requests per second across windows (exact rational
  arithmetic); a parent without a limit allows any, a limited parent requires a limited child.

The hot path does not look the parent up: the rules hold at create and update time, and the
parent's revocation, deletion, expiry change and rotation are applied to its children in the
same transaction (usecases/keys.py), so a child never outlives a valid parent.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from fractions import Fraction

from keyturn_server.domain.errors import FieldViolation, InvalidArgument
from keyturn_server.domain.netcheck import IPNetwork, parse_network
from keyturn_server.domain.validation import WINDOW_SECONDS

# The request fields each rule is reported against, by rule; callers override per RPC.
CREATE_FIELDS: Mapping[str, str] = {
    "organization_id": "organization_id",
    "project_id": "project_id",
    "product_id": "product_id",
    "environment": "environment",
    "scopes": "metadata.scopes",
    "expire_time": "expire_time",
    "allowed_cidrs": "allowed_cidrs",
    "rate_limit": "metadata.rate_limit",
}
UPDATE_FIELDS: Mapping[str, str] = {
    **CREATE_FIELDS,
    "expire_time": "key.expire_time",
}


@dataclass(frozen=True)
class KeyBounds:
    """What a key may do, as far as the child rules are concerned."""

    organization_id: str
    project_id: str | None
    product_id: str | None
    environment: str
    scopes: Sequence[str]
    expire_time: datetime | None
    allowed_cidrs: Sequence[str]
    rate_limit: tuple[int, str] | None  # (requests, window name)


class ChildKeyViolation(InvalidArgument):
    """INVALID_ARGUMENT: the child would hold more than its parent. ErrorInfo metadata names
    the parent (`parentKeyId`)."""

    def __init__(self, parent_key_id: str, violations: list[FieldViolation]) -> None:
        super().__init__(violations)
        self.metadata["parentKeyId"] = parent_key_id


def rate_per_second(rate_limit: tuple[int, str]) -> Fraction:
    requests, window = rate_limit
    return Fraction(requests, WINDOW_SECONDS[window])


def _comparable(network: IPNetwork) -> IPNetwork:
    """IPv4-mapped IPv6 networks (`::ffff:10.0.0.0/120`) as the IPv4 network they carry, the
    way ValidateKey matches them."""
    if isinstance(network, ipaddress.IPv6Network) and network.prefixlen >= 96:
        mapped = network.network_address.ipv4_mapped
        if mapped is not None:
            return ipaddress.IPv4Network((mapped, network.prefixlen - 96))
    return network


def network_within(child: str, parents: Sequence[str]) -> bool:
    inner = _comparable(parse_network(child))
    for text in parents:
        outer = _comparable(parse_network(text))
        if inner.version == outer.version and inner.subnet_of(outer):  # type: ignore[arg-type]
            return True
    return False


def capped_expiry(parent: datetime | None, child: datetime | None) -> datetime | None:
    """A child without an expiry under an expiring parent expires with the parent."""
    if child is None:
        return parent
    return child


def violations(
    parent: KeyBounds, child: KeyBounds, fields: Mapping[str, str] = CREATE_FIELDS
) -> list[FieldViolation]:
    """Every way `child` is broader than `parent` (empty: it is a valid child)."""
    bad: list[FieldViolation] = []

    def add(rule: str, description: str) -> None:
        bad.append(FieldViolation(fields[rule], description))

    if child.organization_id != parent.organization_id:
        add("organization_id", "must be the parent key's organization")
    if child.environment != parent.environment:
        add("environment", f"must be the parent key's environment ({parent.environment})")
    if parent.project_id is not None and child.project_id != parent.project_id:
        add("project_id", "must be the parent key's project (a child is never broader than its parent)")
    if parent.product_id is not None and child.product_id != parent.product_id:
        add("product_id", "must be the parent key's product (a child is never broader than its parent)")
    extra = [scope for scope in child.scopes if scope not in set(parent.scopes)]
    if extra:
        add("scopes", "not held by the parent key: " + ", ".join(extra[:10]))
    if parent.expire_time is not None and (
        child.expire_time is None or child.expire_time > parent.expire_time
    ):
        add("expire_time", "must not be later than the parent key's expire_time")
    if parent.allowed_cidrs:
        if not child.allowed_cidrs:
            add("allowed_cidrs", "must be given: the parent key is restricted to networks")
        else:
            wider = [cidr for cidr in child.allowed_cidrs if not network_within(cidr, parent.allowed_cidrs)]
            if wider:
                add("allowed_cidrs", "not inside a network of the parent key: " + ", ".join(wider[:10]))
    if parent.rate_limit is not None:
        if child.rate_limit is None:
            add("rate_limit", "must be given: the parent key is rate limited")
        elif rate_per_second(child.rate_limit) > rate_per_second(parent.rate_limit):
            add("rate_limit", "must not allow more requests per second than the parent key's limit")
    return bad


def require_within(
    parent_key_id: str, parent: KeyBounds, child: KeyBounds, fields: Mapping[str, str] = CREATE_FIELDS
) -> None:
    bad = violations(parent, child, fields)
    if bad:
        raise ChildKeyViolation(parent_key_id, bad)


__all__ = [
    "CREATE_FIELDS",
    "UPDATE_FIELDS",
    "ChildKeyViolation",
    "KeyBounds",
    "capped_expiry",
    "network_within",
    "rate_per_second",
    "require_within",
    "violations",
]
