"""domain/imported_keys.py: hash parsing per algorithm, matching, lookup hints, the native shape."""

from __future__ import annotations

import base64
import hashlib
import hmac

import bcrypt
import pytest
from keyturn_server.domain import imported_keys as ik
from keyturn_server.domain import keyformat

A = ik.HashAlgorithm


def test_digests_are_normalised_to_lowercase_hex() -> None:
    digest = hashlib.sha256(b"k").digest()
    for text in (
        digest.hex(),
        digest.hex().upper(),
        base64.b64encode(digest).decode(),
        base64.urlsafe_b64encode(digest).rstrip(b"=").decode(),
    ):
        assert ik.normalise_hash(A.SHA256, text) == digest.hex()
    long = hashlib.sha512(b"k").digest()
    assert ik.normalise_hash(A.SHA512, base64.b64encode(long).decode()) == long.hex()


@pytest.mark.parametrize(
    ("algorithm", "text"),
    [
        (A.SHA256, "ab" * 31),
        (A.SHA256, "ab" * 33),
        (A.SHA256, "zz" * 32),
        (A.SHA512, hashlib.sha256(b"k").hexdigest()),
        (A.HMAC_SHA256, ""),
        (A.BCRYPT, "$2b$04$tooshort"),
        (A.BCRYPT, "$2x$04$" + "a" * 53),
        (A.BCRYPT, "$2b$31$" + "a" * 53),
        (A.BCRYPT, hashlib.sha256(b"k").hexdigest()),
    ],
)
def test_bad_hashes_are_refused_without_echoing_them(algorithm: ik.HashAlgorithm, text: str) -> None:
    with pytest.raises(ik.BadHash) as info:
        ik.normalise_hash(algorithm, text)
    assert text not in str(info.value) or not text


def test_bcrypt_strings_are_kept_and_checked() -> None:
    stored = bcrypt.hashpw(b"legacy-key", bcrypt.gensalt(rounds=4)).decode()
    assert ik.normalise_hash(A.BCRYPT, stored) == stored
    assert ik.bcrypt_matches("legacy-key", stored)
    assert not ik.bcrypt_matches("legacy-kez", stored)
    # bcrypt reads 72 bytes; a longer plaintext is compared on those (bcrypt 5 would refuse it).
    long = "x" * 100
    stored_long = bcrypt.hashpw(long.encode()[:72], bcrypt.gensalt(rounds=4)).decode()
    assert ik.bcrypt_matches(long, stored_long)


def test_digest_matching_by_algorithm_and_secret() -> None:
    plaintext = "sk_live_abc"
    found = ik.Digests.of(plaintext, [("s1", b"one"), ("s2", b"two")])
    assert found.matches("SHA256", hashlib.sha256(plaintext.encode()).hexdigest(), None)
    assert found.matches("SHA512", hashlib.sha512(plaintext.encode()).hexdigest(), None)
    mac = hmac.new(b"two", plaintext.encode(), hashlib.sha256).hexdigest()
    assert found.matches("HMAC_SHA256", mac, "s2")
    assert not found.matches("HMAC_SHA256", mac, "s1")  # the digest of another secret's row
    assert not found.matches("SHA256", mac, None)  # right digest, wrong algorithm
    assert not found.matches("SHA256", None, None)


def test_lookup_hints_and_the_native_shape() -> None:
    assert ik.check_hint("sk_live_AbCd") == "sk_live_AbCd"
    for bad in ("abc", "x" * 33, "has space", "tab\there"):
        with pytest.raises(ik.BadHash):
            ik.check_hint(bad)
    candidates = ik.hint_candidates("sk_live_" + "A" * 60)
    assert candidates[0] == "sk_l" and len(candidates[-1]) == ik.MAX_HINT_CHARS
    assert ik.hint_candidates("abc") == []
    native = keyformat.generate("kt", "live")
    assert ik.has_native_shape(native)
    assert ik.has_native_shape(native[:-1] + "0")  # shape only: the checksum is parse()'s job
    assert not ik.has_native_shape("sk_live_" + "A" * 43)


def test_one_secret_stored_for_two_organizations_matches_both_rows() -> None:
    plaintext = "sk_live_abc"
    found = ik.Digests.of(plaintext, [("org-a-secret", b"same"), ("org-b-secret", b"same")])
    mac = hmac.new(b"same", plaintext.encode(), hashlib.sha256).hexdigest()
    assert found.matches("HMAC_SHA256", mac, "org-a-secret")
    assert found.matches("HMAC_SHA256", mac, "org-b-secret")
