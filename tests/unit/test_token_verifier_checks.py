"""keyturn.client.tokens.TokenVerifier's own decode: every check PyJWT's decode makes, on
every signature (cache_size=0) and on remembered tokens."""

from __future__ import annotations

import json
import time
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from jwt.algorithms import ECAlgorithm, OKPAlgorithm
from jwt.utils import base64url_encode
from keyturn.client.errors import (
    ExpiredKeyError,
    InsufficientScopeError,
    InvalidKeyError,
    RevokedKeyError,
    WrongProductError,
)
from keyturn.client.tokens import TokenVerifier

ED = ed25519.Ed25519PrivateKey.generate()
EC = ec.generate_private_key(ec.SECP256R1())


def _jwk(public: Any, kid: str, alg: str) -> dict[str, Any]:
    algorithm = OKPAlgorithm if alg == "EdDSA" else ECAlgorithm
    entry: dict[str, Any] = json.loads(algorithm.to_jwk(public))
    entry.update(kid=kid, alg=alg, use="sig")
    return entry


class Source:
    def __init__(self) -> None:
        self.keys = [_jwk(ED.public_key(), "ed", "EdDSA"), _jwk(EC.public_key(), "ec", "ES256")]

    def fetch(self) -> dict[str, Any]:
        return {"keys": self.keys}


def _claims(**changes: Any) -> dict[str, Any]:
    now = int(time.time())
    claims: dict[str, Any] = {
        "sub": "key-1",
        "org": "org-1",
        "product": "prod-1",
        "scopes": ["read"],
        "iss": "keyturn",
        "aud": "api",
        "iat": now,
        "nbf": now,
        "exp": now + 300,
        "jti": "j1",
    }
    claims.update(changes)
    return {k: v for k, v in claims.items() if v is not None}


def _token(claims: dict[str, Any] | None = None, *, kid: str = "ed", **headers: Any) -> str:
    alg, key = ("EdDSA", ED) if kid == "ed" else ("ES256", EC)
    return jwt.encode(
        claims or _claims(), key, algorithm=headers.pop("alg", alg), headers={"kid": kid, **headers}
    )


@pytest.fixture(params=[0, 100], ids=["every-signature", "remembered"])
def verifier(request: pytest.FixtureRequest) -> TokenVerifier:
    made = TokenVerifier(Source(), audience="api", cache_size=request.param, leeway_seconds=0)
    made.refresh()
    return made


def _twice(verifier: TokenVerifier, token: str, **kwargs: Any) -> Any:
    """Verify twice, so the remembered path is exercised too."""
    verifier.verify(token, **kwargs)
    return verifier.verify(token, **kwargs)


@pytest.mark.parametrize("kid", ["ed", "ec"])
def test_a_good_token_verifies(verifier: TokenVerifier, kid: str) -> None:
    verified = _twice(verifier, _token(kid=kid), required_scopes=["read"], product_id="prod-1")
    assert verified.key_id == "key-1" and verified.scopes == frozenset({"read"})
    assert verified.organization_id == "org-1" and verified.token_id == "j1"


def test_every_signature_is_checked_without_the_cache() -> None:
    verifier = TokenVerifier(Source(), audience="api", cache_size=0)
    token = _token()
    for _ in range(3):
        verifier.verify(token)
    assert verifier.remembered_hits == 0
    remembering = TokenVerifier(Source(), audience="api")
    for _ in range(3):
        remembering.verify(token)
    assert remembering.remembered_hits == 2


def _tampered_signature(token: str) -> str:
    head, body, signature = token.split(".")
    raw = bytearray(jwt.utils.base64url_decode(signature))
    raw[0] ^= 1
    return f"{head}.{body}.{base64url_encode(bytes(raw)).decode()}"


def _tampered_body(token: str) -> str:
    head, _, signature = token.split(".")
    body = base64url_encode(json.dumps(_claims(sub="key-2")).encode()).decode()
    return f"{head}.{body}.{signature}"


def _signed_by_hand(claims: dict[str, Any], **headers: Any) -> str:
    """Signed without jwt.encode, which refuses or rewrites what a forger would still send."""
    head = base64url_encode(json.dumps({"alg": "EdDSA", "kid": "ed", **headers}).encode()).decode()
    body = base64url_encode(json.dumps(claims).encode()).decode()
    signature = base64url_encode(ED.sign(f"{head}.{body}".encode())).decode()
    return f"{head}.{body}.{signature}"


def _unsigned(claims: dict[str, Any]) -> str:
    head = base64url_encode(json.dumps({"alg": "none", "kid": "ed"}).encode()).decode()
    return f"{head}.{base64url_encode(json.dumps(claims).encode()).decode()}."


# Refused here though PyJWT's decode, given the key directly, would take them: the kid names
# no key of the set; Keyturn never sets b64, so the extension is not accepted at all.
STRICTER = {"unknown kid", "b64 header"}
BAD = {
    "tampered signature": lambda: _tampered_signature(_token()),
    "tampered claims": lambda: _tampered_body(_token()),
    "ES256 signature under the EdDSA kid": lambda: _token(kid="ec", alg="ES256").replace(
        _token(kid="ec", alg="ES256").split(".")[0], _token().split(".")[0]
    ),
    "alg none": lambda: _unsigned(_claims()),
    "HS256 with the public key as secret": lambda: jwt.encode(
        _claims(), "x" * 32, algorithm="HS256", headers={"kid": "ed"}
    ),
    "unknown kid": lambda: jwt.encode(_claims(), ED, algorithm="EdDSA", headers={"kid": "nope"}),
    "crit header": lambda: _token(crit=["exp"]),
    "b64 header": lambda: _signed_by_hand(_claims(), b64=True),
    "wrong issuer": lambda: _token(_claims(iss="someone")),
    "issuer not a string": lambda: _signed_by_hand(_claims(iss=["keyturn"])),
    "another audience": lambda: _token(_claims(aud="other")),
    "no audience": lambda: _token(_claims(aud=None)),
    "audience not strings": lambda: _token(_claims(aud=[1])),
    "audience an object": lambda: _token(_claims(aud={"api": 1})),
    "missing sub": lambda: _token(_claims(sub=None)),
    "sub not a string": lambda: _token(_claims(sub=7)),
    "jti not a string": lambda: _token(_claims(jti=7)),
    "missing iat": lambda: _token(_claims(iat=None)),
    "missing nbf": lambda: _token(_claims(nbf=None)),
    "missing exp": lambda: _token(_claims(exp=None)),
    "exp not a number": lambda: _token(_claims(exp="soon")),
    "iat in the future": lambda: _token(_claims(iat=int(time.time()) + 120)),
    "nbf in the future": lambda: _token(_claims(nbf=int(time.time()) + 120)),
    "claims not an object": lambda: _token().split(".")[0] + "." + base64url_encode(b"[1]").decode() + ".AA",
    "not a JWT": lambda: "kt_live_abcdef",
    "broken header": lambda: "eyJhbGciOi." + _token().split(".", 1)[1],
}


@pytest.mark.parametrize("name", BAD)
def test_bad_tokens_are_invalid_and_pyjwt_agrees(verifier: TokenVerifier, name: str) -> None:
    token = BAD[name]()
    with pytest.raises(InvalidKeyError):
        verifier.verify(token)
    with pytest.raises(InvalidKeyError):
        verifier.verify(token)  # refused again: nothing bad is ever remembered
    if name in STRICTER:
        return
    with pytest.raises((jwt.PyJWTError, ValueError)):
        jwt.decode(
            token,
            ED.public_key(),
            algorithms=["EdDSA"],
            issuer="keyturn",
            audience="api",
            options={"require": ["exp", "nbf", "iat", "iss", "sub"]},
        )


def test_an_audience_list_containing_ours_is_accepted(verifier: TokenVerifier) -> None:
    assert _twice(verifier, _token(_claims(aud=["other", "api"]))).key_id == "key-1"


def test_a_token_with_an_audience_is_refused_where_none_is_expected() -> None:
    verifier = TokenVerifier(Source(), cache_size=0)
    with pytest.raises(InvalidKeyError):
        verifier.verify(_token())
    assert verifier.verify(_token(_claims(aud=None))).key_id == "key-1"


def test_expired_tokens_are_expired(verifier: TokenVerifier) -> None:
    token = _token(_claims(exp=int(time.time()) - 1))
    with pytest.raises(ExpiredKeyError) as caught:
        verifier.verify(token)
    assert caught.value.metadata["expireTime"].endswith("Z")


def test_a_remembered_token_is_forgotten_at_its_exp(monkeypatch: pytest.MonkeyPatch) -> None:
    verifier = TokenVerifier(Source(), audience="api", leeway_seconds=0)
    now = time.time()
    token = _token(_claims(exp=int(now) + 2))
    verifier.verify(token)
    assert len(verifier._verified) == 1
    monkeypatch.setattr(time, "time", lambda: now + 3)
    with pytest.raises(ExpiredKeyError):
        verifier.verify(token)
    assert len(verifier._verified) == 0


def test_revocation_product_and_scopes_apply_to_every_presentation(verifier: TokenVerifier) -> None:
    token = _token()
    verifier.verify(token)
    with pytest.raises(WrongProductError):
        verifier.verify(token, product_id="prod-2")
    with pytest.raises(InsufficientScopeError) as caught:
        verifier.verify(token, required_scopes=["read", "write"])
    assert caught.value.metadata["missingScopes"] == "write"
    verifier.refuse_key("key-1")
    with pytest.raises(RevokedKeyError):
        verifier.verify(token)
