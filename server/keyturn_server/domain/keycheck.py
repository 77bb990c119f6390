"""The ValidateKey decision: a checked request + a snapshot of the key + now -> allowed or why not.

Pure (no I/O): the use case (usecases/validate.py) looks the key up, gathers the product
facts this module asks for, calls `decide`, then takes quota and counts the use. Checks run
in this order, and only a call that passes every one takes quota:

    WRONG_PRODUCT, KEY_REVOKED, KEY_EXPIRED, IP_NOT_ALLOWED, INSUFFICIENT_SCOPE

Malformed, bad-checksum, unknown and other tenants' keys all get the same KEY_INVALID.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from keyturn_server.domain import validation as check
from keyturn_server.domain.errors import (
    InsufficientScope,
    IpNotAllowed,
    KeyExpired,
    KeyRevoked,
    WrongProduct,
)
from keyturn_server.domain.netcheck import IPAddress, IPNetwork, ip_allowed, parse_ip
from keyturn_server.domain.ratelimit import (
    DEFAULT_LIMIT,
    LIMIT_NAME,
    MAX_COST,
    MAX_NAMED_LIMITS,
    CreditPolicy,
    Demand,
    normalize_window,
)

MAX_PLAINTEXT_LENGTH = 512
MAX_CLIENT_IP_LENGTH = 100


@dataclass(frozen=True, slots=True)
class ValidationRequest:
    """A ValidateKey request whose fields passed their checks."""

    plaintext: str
    product_id: str
    required_scopes: tuple[str, ...]
    client_ip: IPAddress | None
    skip_rate_limit: bool
    skip_usage: bool
    cost: int = 1  # credits to take (a key with credits)
    limits: tuple[tuple[str, int], ...] = ()  # (limit name, cost); empty: the default, cost 1


def check_request(
    plaintext: str,
    product_id: str,
    required_scopes: Sequence[str],
    client_ip: str,
    *,
    skip_rate_limit: bool = False,
    skip_usage: bool = False,
    cost: int = 0,
    limits: Sequence[tuple[str, int]] = (),
) -> ValidationRequest:
    """The request's fields (INVALID_ARGUMENT); the key's shape is checked on lookup.

    The hot path: a well-formed request passes straight-line checks; only a request that
    fails one is run through the per-field validators, which name every violation."""
    address: IPAddress | None = None
    fine = 0 < len(plaintext) <= MAX_PLAINTEXT_LENGTH
    fine = fine and (not product_id or check.CANONICAL_ID.match(product_id) is not None)
    fine = fine and len(required_scopes) <= check.MAX_SCOPES
    fine = fine and all(check.SCOPE_PATTERN.match(scope) for scope in required_scopes)
    if fine and client_ip:
        try:
            address = parse_ip(client_ip) if len(client_ip) <= MAX_CLIENT_IP_LENGTH else None
        except ValueError:
            address = None
        fine = address is not None
    if not fine:
        product_id = _explain(plaintext, product_id, required_scopes, client_ip)
        address = parse_ip(client_ip) if client_ip else None
    if cost or limits:
        check_costs(cost, limits)
    return ValidationRequest(
        plaintext=plaintext,
        product_id=product_id,
        required_scopes=tuple(dict.fromkeys(required_scopes)) if required_scopes else (),
        client_ip=address,
        skip_rate_limit=skip_rate_limit,
        skip_usage=skip_usage,
        cost=cost or 1,
        limits=tuple((name, n or 1) for name, n in limits),
    )


def check_costs(cost: int, limits: Sequence[tuple[str, int]]) -> None:
    """`cost` and `limits` of a ValidateKey request (INVALID_ARGUMENT naming each violation)."""
    v = check.Violations()
    if not 0 <= cost <= MAX_COST:
        v.add("cost", f"must be 0..{MAX_COST}")
    if len(limits) > MAX_NAMED_LIMITS + 1:
        v.add("limits", f"at most {MAX_NAMED_LIMITS + 1} limits")
    seen: set[str] = set()
    for i, (name, n) in enumerate(limits):
        if LIMIT_NAME.match(name) is None:
            v.add(f"limits[{i}].name", "must match [a-z][a-z0-9_]{0,31}")
        elif name in seen:
            v.add(f"limits[{i}].name", "duplicate limit name")
        seen.add(name)
        if not 0 <= n <= MAX_COST:
            v.add(f"limits[{i}].cost", f"must be 0..{MAX_COST}")
    v.raise_if_any()


def demands(key: KeySnapshot, request: ValidationRequest) -> tuple[Demand, ...]:
    """The limits this validation applies, in request order: the named ones it lists, or the
    default limit with cost 1. A name the key does not carry is INVALID_ARGUMENT; "default"
    on a key without a default limit applies nothing."""
    if not request.limits:
        return () if key.rate_limit is None else (Demand(DEFAULT_LIMIT, *key.rate_limit, 1),)
    out: list[Demand] = []
    unknown = check.Violations()
    for i, (name, cost) in enumerate(request.limits):
        if name == DEFAULT_LIMIT:
            if key.rate_limit is not None:
                out.append(Demand(DEFAULT_LIMIT, *key.rate_limit, cost))
            continue
        spec = key.named_limits.get(name)
        if spec is None:
            unknown.add(f"limits[{i}].name", "the key has no limit of this name")
        else:
            out.append(Demand(name, spec[0], spec[1], cost))
    unknown.raise_if_any()
    return tuple(out)


def _explain(plaintext: str, product_id: str, required_scopes: Sequence[str], client_ip: str) -> str:
    """Raise InvalidArgument naming every field that breaks its rule; or, when none does
    (a product id in upper case), return the canonical product id."""
    v = check.Violations()
    if not plaintext:
        v.add("plaintext", "required")
    elif len(plaintext) > MAX_PLAINTEXT_LENGTH:
        v.add("plaintext", f"at most {MAX_PLAINTEXT_LENGTH} characters")
    product = v.check(lambda: check.resource_id("product_id", product_id, required=False), None)
    v.check(lambda: check.scopes("required_scopes", required_scopes), None)
    if client_ip:
        try:
            if len(client_ip) > MAX_CLIENT_IP_LENGTH:
                raise ValueError("too long")
            parse_ip(client_ip)
        except ValueError:
            v.add("client_ip", "must be an IPv4 or IPv6 address")
    v.raise_if_any()
    return product or ""


@dataclass(frozen=True, eq=False)
class KeySnapshot:
    """What the decision needs to know about one key, as loaded (immutable)."""

    id: str
    organization_id: str
    project_id: str
    product_id: str
    key_hash: str
    secret_version: int
    scopes: frozenset[str]
    rate_limit: tuple[int, str] | None  # (requests, SECOND|MINUTE|HOUR|DAY)
    expire_time: datetime | None
    revoke_time: datetime | None
    networks: tuple[IPNetwork, ...]
    # Named limits: name -> (requests, window); credits: None when the key has none.
    named_limits: dict[str, tuple[int, str]] = field(default_factory=dict)
    credits: CreditPolicy | None = None

    @staticmethod
    def limit_of(requests: int | None, window: str | None) -> tuple[int, str] | None:
        if not requests or not window:
            return None
        return int(requests), normalize_window(window)


@dataclass(frozen=True, slots=True)
class ProductFacts:
    """What the store knows about the requested product: its organization ("" when it does
    not exist) and, for a project-scoped key, whether it is linked to the key's project."""

    organization_id: str
    linked: bool | None = None


def product_facts_needed(key: KeySnapshot, product_id: str) -> tuple[bool, bool]:
    """(the product's organization?, the project-product link?) - what `decide` will need."""
    if not product_id or (key.product_id and key.product_id != product_id):
        return False, False  # nothing requested, or WRONG_PRODUCT already
    return True, bool(key.project_id and not key.product_id)


def decide(
    key: KeySnapshot, request: ValidationRequest, now: datetime, product: ProductFacts | None = None
) -> None:
    """Raise the first failed check's error; return when the key may be used."""
    if request.product_id:
        if key.product_id and key.product_id != request.product_id:
            raise WrongProduct()
        # Unknown products and other organizations' products look the same.
        if product is None or product.organization_id != key.organization_id:
            raise WrongProduct()
        # A project-scoped key serves the products linked to its project.
        if key.project_id and not key.product_id and not product.linked:
            raise WrongProduct()
    if key.revoke_time is not None:
        raise KeyRevoked()
    if key.expire_time is not None and key.expire_time <= now:
        raise KeyExpired(key.expire_time)
    if key.networks and (request.client_ip is None or not ip_allowed(request.client_ip, key.networks)):
        raise IpNotAllowed()
    if request.required_scopes:
        missing = [s for s in request.required_scopes if s not in key.scopes]
        if missing:
            raise InsufficientScope(missing)


__all__ = [
    "KeySnapshot",
    "ProductFacts",
    "ValidationRequest",
    "check_costs",
    "check_request",
    "decide",
    "demands",
    "product_facts_needed",
]
