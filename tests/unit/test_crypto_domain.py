"""domain/crypto.py as plain functions: the rules that need no server to check."""

from __future__ import annotations

import hashlib
import secrets

import pytest
from keyturn_server.domain import crypto
from keyturn_server.domain.errors import DecryptionFailed, InvalidArgument, PayloadTooLarge

KEY = secrets.token_hex(32)


def test_nanoid_alphabet_is_64_url_safe_symbols() -> None:
    assert len(set(crypto.NANOID_ALPHABET)) == 64
    assert all(c.isascii() and (c.isalnum() or c in "_-") for c in crypto.NANOID_ALPHABET)


def test_derive_key_is_standard_pbkdf2_hmac_sha256() -> None:
    salt = secrets.token_bytes(16)
    expected = hashlib.pbkdf2_hmac("sha256", "pässword".encode(), salt, 100_000, dklen=32)
    assert crypto.derive_key("pässword", salt, 100_000) == expected


def test_round_trip_and_exact_limit() -> None:
    sealed = crypto.encrypt(b"x" * 10, key=KEY, max_payload_bytes=10)
    opened = crypto.decrypt(sealed.ciphertext, iv=sealed.iv, tag=sealed.tag, key=KEY, max_payload_bytes=10)
    assert opened == b"x" * 10


def test_payload_limit_is_checked_before_other_fields() -> None:
    with pytest.raises(PayloadTooLarge) as too_big:
        crypto.encrypt(b"x" * 11, max_payload_bytes=10)  # no key or password either
    assert too_big.value.field == "plaintext"
    with pytest.raises(PayloadTooLarge) as too_big:
        crypto.decrypt(b"x" * 11, iv=b"", tag=b"", max_payload_bytes=10)
    assert too_big.value.field == "ciphertext"


def test_all_violations_are_reported_together() -> None:
    with pytest.raises(InvalidArgument) as error:
        crypto.decrypt(b"", iv=b"", tag=b"", password="pw", iterations=1, max_payload_bytes=10)
    assert [v.field for v in error.value.violations] == ["ciphertext", "iv", "tag", "salt", "iterations"]


def test_decryption_failure_carries_no_detail() -> None:
    sealed = crypto.encrypt(b"data", key=KEY, associated_data=b"ad", max_payload_bytes=100)
    with pytest.raises(DecryptionFailed) as error:
        crypto.decrypt(sealed.ciphertext, iv=sealed.iv, tag=sealed.tag, key=KEY, max_payload_bytes=100)
    assert error.value.metadata == {}
    assert error.value.__cause__ is None  # the InvalidTag is not chained into logs


def test_reprs_do_not_leak_secrets() -> None:
    pair = crypto.generate_key_pair(crypto.KeyPairAlgorithm.ED25519)
    assert "PRIVATE" not in repr(pair)
    sealed = crypto.encrypt(b"plaintext-marker", key=KEY, max_payload_bytes=100)
    assert sealed.ciphertext.hex() not in repr(sealed)


def test_defaults() -> None:
    assert crypto.generate_token(crypto.TokenType.API_KEY).key.startswith("kt_")
    assert len(crypto.generate_token(crypto.TokenType.NANOID).key) == 21
    assert len(crypto.generate_token(crypto.TokenType.SECRET).key) == 64
    pair = crypto.generate_key_pair(crypto.KeyPairAlgorithm.EC)
    assert pair.curve is crypto.Curve.P256
    assert pair.key_size == 0
    assert not pair.private_key_encrypted
