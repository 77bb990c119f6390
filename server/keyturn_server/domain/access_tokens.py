"""Access tokens: the pure rules of ExchangeKey and GetJwks (no I/O, no grpc, no SQLAlchemy).

A token is a compact JWS (RFC 7515) over JSON claims (RFC 7519), signed by one version of the
organization's managed signing key. Its `kid` is `<crypto key id>.<version>`, unique across
organizations because the key id is a UUID.

Publication and signing across a rotation (the signing key's versions are ENABLED until an
operator disables them):

* Every version is published in the JWKS from its creation on, but a version signs only once
  it has been published for `prepublish` (the JWKS cache max-age): a verifier that cached
  the document just before a rotation still finds the new kid after one refresh.
* The signing version is the newest one published for at least `prepublish` (the only one
  right after the organization's first exchange).
* An older version keeps being published until every token it may have signed has expired:
  `retire + max_ttl + leeway`, where `retire` is when the next version took over signing and
  `leeway` covers replicas that learn of the new version late (their cache TTL).
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from keyturn_server.domain import managed_keys as mk
from keyturn_server.domain.errors import FailedPrecondition, InvalidArgument

# The managed key each organization's tokens are signed with, created on first use.
SIGNING_KEY_NAME = "keyturn.access-tokens"
SIGNING_KEY_LABELS = {"keyturn-role": "access-tokens"}
# Names of managed keys that only Keyturn itself may create and sign with.
RESERVED_NAME_PREFIX = "keyturn."

DEFAULT_TTL = timedelta(minutes=5)
MAX_TTL = timedelta(hours=1)
MIN_TTL = timedelta(seconds=1)
MAX_AUDIENCE_CHARS = 256
MAX_CUSTOM_CLAIMS = 32
MAX_CUSTOM_CLAIM_CHARS = 64
TOKEN_TYPE = "Bearer"  # noqa: S105 (the OAuth token_type, not a secret)
JWT_TYPE = "at+jwt"  # RFC 9068: a JWT access token
_PRINTABLE = re.compile(r"^[\x21-\x7e]+$")


@dataclass(frozen=True)
class JoseAlgorithm:
    alg: str  # the JWS `alg`
    kty: str
    crv: str
    signature_bytes: int  # JWS signatures are raw: Ed25519 64 bytes, ES256 r||s 2x32 bytes


JOSE: Mapping[mk.Algorithm, JoseAlgorithm] = {
    mk.Algorithm.ED25519: JoseAlgorithm("EdDSA", "OKP", "Ed25519", 64),
    mk.Algorithm.ECDSA_P256_SHA256: JoseAlgorithm("ES256", "EC", "P-256", 64),
}


def jose_algorithm(algorithm: mk.Algorithm) -> JoseAlgorithm:
    found = JOSE.get(algorithm)
    if found is None:
        raise FailedPrecondition(
            "the access-token signing key has an algorithm tokens cannot use", {"algorithm": algorithm.value}
        )
    return found


def kid(crypto_key_id: str, version: int) -> str:
    return f"{crypto_key_id}.{version}"


# ---- requests ------------------------------------------------------------------------------


def check_ttl(seconds: int | None, nanos: int = 0, field: str = "ttl") -> timedelta | None:
    """None (unset): the policy's default. Whole seconds within MIN_TTL..MAX_TTL."""
    if seconds is None:
        return None
    if nanos:
        raise InvalidArgument.field(field, "must be whole seconds")
    value = timedelta(seconds=seconds)
    if not MIN_TTL <= value <= MAX_TTL:
        raise InvalidArgument.field(field, "must be between 1 second and 1 hour")
    return value


def check_audience(value: str, field: str = "audience") -> str:
    if value and (len(value) > MAX_AUDIENCE_CHARS or not _PRINTABLE.match(value)):
        raise InvalidArgument.field(field, f"must be 1..{MAX_AUDIENCE_CHARS} printable characters")
    return value


def check_custom_claims(names: Sequence[str], field: str = "custom_claims") -> tuple[str, ...]:
    if len(names) > MAX_CUSTOM_CLAIMS:
        raise InvalidArgument.field(field, f"at most {MAX_CUSTOM_CLAIMS} names")
    for index, name in enumerate(names):
        if not 0 < len(name) <= MAX_CUSTOM_CLAIM_CHARS or not _PRINTABLE.match(name):
            raise InvalidArgument.field(
                f"{field}[{index}]", f"must be 1..{MAX_CUSTOM_CLAIM_CHARS} printable characters"
            )
    return tuple(dict.fromkeys(names))


# ---- claims and the JWS --------------------------------------------------------------------


@dataclass(frozen=True)
class TokenSubject:
    """What the validated key contributes to the claims."""

    key_id: str
    organization_id: str
    project_id: str
    product_id: str
    scopes: frozenset[str]
    custom: Mapping[str, Any]


def claims(
    subject: TokenSubject,
    *,
    issuer: str,
    issued_at: int,
    ttl: timedelta,
    jti: str,
    audience: str,
    custom_claims: Iterable[str],
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "iss": issuer,
        "sub": subject.key_id,
        "org": subject.organization_id,
        "project": subject.project_id,
        "product": subject.product_id,
        "scopes": sorted(subject.scopes),
        "iat": issued_at,
        "nbf": issued_at,
        "exp": issued_at + int(ttl.total_seconds()),
        "jti": jti,
    }
    if audience:
        body["aud"] = audience
    selected = {name: subject.custom[name] for name in custom_claims if name in subject.custom}
    if selected:
        body["custom"] = selected
    return body


def _b64(data: bytes) -> bytes:
    from jwt.utils import base64url_encode

    return base64url_encode(data)


def _json(value: Mapping[str, Any]) -> bytes:
    return json.dumps(value, separators=(",", ":"), sort_keys=True, ensure_ascii=False).encode()


@functools.lru_cache(maxsize=1024)
def _encoded_header(alg: str, key_id: str) -> bytes:
    """BASE64URL(header) followed by the dot: the same for every token of one signing
    version, so encoded once per (alg, kid), not once per ExchangeKey."""
    return _b64(_json({"alg": alg, "kid": key_id, "typ": JWT_TYPE})) + b"."


def signing_input(algorithm: JoseAlgorithm, key_id: str, body: Mapping[str, Any]) -> bytes:
    """`BASE64URL(header) . BASE64URL(claims)`: the bytes the managed key signs."""
    return _encoded_header(algorithm.alg, key_id) + _b64(_json(body))


def jws_signature(algorithm: mk.Algorithm, signature: bytes) -> bytes:
    """The managed key's signature in JWS form: Ed25519 as is; ECDSA from DER to r||s."""
    if algorithm is mk.Algorithm.ECDSA_P256_SHA256:
        from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

        r, s = decode_dss_signature(signature)
        return r.to_bytes(32, "big") + s.to_bytes(32, "big")
    return signature


def compact(signing_input_bytes: bytes, signature: bytes) -> str:
    return (signing_input_bytes + b"." + _b64(signature)).decode()


# ---- publication across rotations ----------------------------------------------------------


@dataclass(frozen=True)
class SigningVersion:
    number: int
    create_time: datetime


def signing_version(
    versions: Sequence[SigningVersion], now: datetime, prepublish: timedelta
) -> SigningVersion | None:
    """The version to sign with now (None: the key has no enabled version)."""
    ordered = sorted(versions, key=lambda v: v.number, reverse=True)
    for version in ordered:
        if version.create_time + prepublish <= now:
            return version
    return ordered[-1] if ordered else None


def published_versions(
    versions: Sequence[SigningVersion],
    now: datetime,
    *,
    prepublish: timedelta,
    max_ttl: timedelta,
    leeway: timedelta,
) -> list[SigningVersion]:
    """The versions whose public keys the JWKS lists now, newest first."""
    signer = signing_version(versions, now, prepublish)
    if signer is None:
        return []
    ordered = sorted(versions, key=lambda v: v.number, reverse=True)
    kept: list[SigningVersion] = []
    for index, version in enumerate(ordered):
        if version.number >= signer.number:
            kept.append(version)  # signing, or published ahead of signing
            continue
        successor = ordered[index - 1]  # the next newer version: it took over signing
        retired = successor.create_time + prepublish
        if now < retired + max_ttl + leeway:
            kept.append(version)
    return kept


def jwk(algorithm: mk.Algorithm, public_key_pem: str, key_id: str) -> dict[str, str]:
    """A public key as a JWK (PyJWT's RFC 7517/8037 encoding), with kid, use and alg."""
    from cryptography.hazmat.primitives.asymmetric import ec, ed25519
    from cryptography.hazmat.primitives.serialization import load_pem_public_key
    from jwt.algorithms import ECAlgorithm, OKPAlgorithm

    jose = jose_algorithm(algorithm)
    public = load_pem_public_key(public_key_pem.encode())
    encoded: dict[str, Any]
    if isinstance(public, ed25519.Ed25519PublicKey):
        encoded = OKPAlgorithm.to_jwk(public, as_dict=True)
    elif isinstance(public, ec.EllipticCurvePublicKey):
        encoded = ECAlgorithm.to_jwk(public, as_dict=True)
    else:  # pragma: no cover - JOSE only maps the two algorithms above
        raise FailedPrecondition("unsupported signing key type")
    result = {name: str(value) for name, value in encoded.items() if name in ("kty", "crv", "x", "y")}
    result.update(kid=key_id, use="sig", alg=jose.alg)
    return result


__all__ = [
    "DEFAULT_TTL",
    "JOSE",
    "MAX_TTL",
    "RESERVED_NAME_PREFIX",
    "SIGNING_KEY_LABELS",
    "SIGNING_KEY_NAME",
    "TOKEN_TYPE",
    "JoseAlgorithm",
    "SigningVersion",
    "TokenSubject",
    "check_audience",
    "check_custom_claims",
    "check_ttl",
    "claims",
    "compact",
    "jose_algorithm",
    "jwk",
    "jws_signature",
    "kid",
    "published_versions",
    "signing_input",
    "signing_version",
]
