"""The pure rules of access tokens: which version signs, which versions the JWKS lists."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from keyturn_server.domain import access_tokens as tokens
from keyturn_server.domain.errors import InvalidArgument

T0 = datetime(2026, 1, 1, tzinfo=UTC)
PRE = timedelta(seconds=60)
LEEWAY = timedelta(seconds=30)


def v(number: int, minutes: float) -> tokens.SigningVersion:
    return tokens.SigningVersion(number, T0 + timedelta(minutes=minutes))


def published(versions: list[tokens.SigningVersion], at: datetime) -> list[int]:
    found = tokens.published_versions(versions, at, prepublish=PRE, max_ttl=tokens.MAX_TTL, leeway=LEEWAY)
    return [version.number for version in found]


def test_the_only_version_signs_at_once() -> None:
    assert tokens.signing_version([v(1, 0)], T0, PRE) == v(1, 0)
    assert tokens.signing_version([], T0, PRE) is None
    assert published([], T0) == []


def test_a_new_version_is_published_before_it_signs() -> None:
    versions = [v(1, 0), v(2, 600)]
    rotated = T0 + timedelta(minutes=600)
    assert tokens.signing_version(versions, rotated, PRE).number == 1  # type: ignore[union-attr]
    assert published(versions, rotated) == [2, 1]
    assert tokens.signing_version(versions, rotated + PRE, PRE).number == 2  # type: ignore[union-attr]


def test_the_old_version_drops_after_its_last_token_expired() -> None:
    versions = [v(1, 0), v(2, 600)]
    took_over = T0 + timedelta(minutes=600) + PRE
    assert published(versions, took_over + tokens.MAX_TTL + LEEWAY - timedelta(seconds=1)) == [2, 1]
    assert published(versions, took_over + tokens.MAX_TTL + LEEWAY) == [2]
    # Three versions: only the ones whose tokens may still be alive.
    three = [*versions, v(3, 1200)]
    assert published(three, T0 + timedelta(minutes=1200)) == [3, 2]


@pytest.mark.parametrize(("seconds", "nanos"), [(0, 0), (3601, 0), (5, 1), (-1, 0)])
def test_ttl_bounds(seconds: int, nanos: int) -> None:
    with pytest.raises(InvalidArgument):
        tokens.check_ttl(seconds, nanos)


def test_ttl_and_claims() -> None:
    assert tokens.check_ttl(None) is None
    assert tokens.check_ttl(3600) == tokens.MAX_TTL
    subject = tokens.TokenSubject("k", "o", "p", "q", frozenset({"b", "a"}), {"plan": "gold", "x": 1})
    body = tokens.claims(
        subject,
        issuer="keyturn",
        issued_at=100,
        ttl=timedelta(seconds=300),
        jti="j",
        audience="",
        custom_claims=("plan", "absent"),
    )
    assert body["scopes"] == ["a", "b"] and body["custom"] == {"plan": "gold"}
    assert body["exp"] == 400 and body["nbf"] == 100 and "aud" not in body
    with pytest.raises(InvalidArgument):
        tokens.check_audience("two words")
    with pytest.raises(InvalidArgument):
        tokens.check_custom_claims(["x"] * 33)


def test_signing_input_is_the_jws_of_header_and_claims() -> None:
    import json

    from jwt.utils import base64url_decode

    for algorithm in (tokens.mk.Algorithm.ED25519, tokens.mk.Algorithm.ECDSA_P256_SHA256):
        jose = tokens.jose_algorithm(algorithm)
        for kid in ("key-a.1", "key-a.2"):
            for body in ({"sub": "k1", "exp": 2}, {"sub": "k2", "exp": 3}):
                head, claims = tokens.signing_input(jose, kid, body).split(b".")
                assert json.loads(base64url_decode(head)) == {
                    "alg": jose.alg,
                    "kid": kid,
                    "typ": tokens.JWT_TYPE,
                }
                assert json.loads(base64url_decode(claims)) == body
