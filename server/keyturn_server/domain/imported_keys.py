"""Keys imported from another system by their hashes: parsing the hashes, matching a
presented plaintext against them, and the lookup a deterministic hash allows.

Pure (no I/O). The store keeps, per imported key that has not been used yet, the hash as
the old system made it:

- SHA256 / SHA512 / HMAC_SHA256: deterministic, so the stored digest (normalised to
  lowercase hex) is found by hashing the presented plaintext and looking the digest up in
  an index; the HMAC one needs the old system's secret (kept wrapped under the root key).
- BCRYPT: salted, so it cannot be looked up by hash. The key is found by its lookup hint
  (the non-secret first characters the old system displayed, e.g. `sk_live_AbCd`): every
  prefix of the presented plaintext of a hint's length is looked up, and the few candidates
  sharing that hint are compared with bcrypt's constant-time check. bcrypt only reads the
  first 72 bytes of a plaintext, as the old system did.

After the first successful validation the key is re-hashed with Keyturn's keyed HMAC
(domain.keyformat.KeyHasher) and its imported hash is dropped.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from keyturn_server.domain import keyformat

MAX_BATCH = 1000
MIN_HINT_CHARS = 4
MAX_HINT_CHARS = 32
# bcrypt keys sharing one lookup hint that may be pending at once: each presented key with
# that hint costs one bcrypt check per candidate.
MAX_BCRYPT_CANDIDATES = 8
MIN_HMAC_SECRET_BYTES = 16
MAX_HMAC_SECRET_BYTES = 1024
MAX_EXTERNAL_ID_CHARS = 200
BCRYPT_MIN_COST = 4
BCRYPT_MAX_COST = 16

_BCRYPT = re.compile(r"^\$2[aby]\$(\d{2})\$[./A-Za-z0-9]{53}$")
# The native key shape (domain.keyformat): such a plaintext is judged by its checksum alone,
# never by the import fallback, so typos of Keyturn keys stay offline.
_NATIVE_SHAPE = re.compile(
    rf"^[a-z0-9]{{1,16}}_(live|test)_[0-9A-Za-z]{{{keyformat.BODY_CHARS + keyformat.CHECKSUM_CHARS}}}$"
)


class HashAlgorithm(StrEnum):
    SHA256 = "SHA256"
    SHA512 = "SHA512"
    HMAC_SHA256 = "HMAC_SHA256"
    BCRYPT = "BCRYPT"


DIGEST_BYTES = {HashAlgorithm.SHA256: 32, HashAlgorithm.SHA512: 64, HashAlgorithm.HMAC_SHA256: 32}


class BadHash(ValueError):
    """The hash does not fit its algorithm; the message says how (never echoes the hash)."""


def normalise_hash(algorithm: HashAlgorithm, value: str) -> str:
    """The stored form: lowercase hex for digests, the string itself for bcrypt."""
    text = value.strip()
    if algorithm is HashAlgorithm.BCRYPT:
        match = _BCRYPT.match(text)
        if match is None:
            raise BadHash("must be a bcrypt string: $2a$, $2b$ or $2y$, two-digit cost, 53 characters")
        cost = int(match.group(1))
        if not BCRYPT_MIN_COST <= cost <= BCRYPT_MAX_COST:
            raise BadHash(f"bcrypt cost must be {BCRYPT_MIN_COST}..{BCRYPT_MAX_COST}")
        return text
    size = DIGEST_BYTES[algorithm]
    if len(text) == 2 * size and re.fullmatch(r"[0-9A-Fa-f]+", text):
        return text.lower()
    try:
        padded = text + "=" * (-len(text) % 4)
        raw = base64.b64decode(padded.replace("-", "+").replace("_", "/"), validate=True)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != size:
        raise BadHash(f"must be the {size}-byte digest as {2 * size} hex characters or in base64")
    return raw.hex()


def check_hint(hint: str) -> str:
    if not MIN_HINT_CHARS <= len(hint) <= MAX_HINT_CHARS:
        raise BadHash(f"must be {MIN_HINT_CHARS}..{MAX_HINT_CHARS} characters")
    if not hint.isprintable() or any(c.isspace() for c in hint):
        raise BadHash("must be printable characters without spaces")
    return hint


def has_native_shape(plaintext: str) -> bool:
    return _NATIVE_SHAPE.match(plaintext) is not None


def sha256_hex(plaintext: str) -> str:
    return hashlib.sha256(plaintext.encode()).hexdigest()


def sha512_hex(plaintext: str) -> str:
    return hashlib.sha512(plaintext.encode()).hexdigest()


def hmac_hex(secret: bytes, plaintext: str) -> str:
    return hmac.digest(secret, plaintext.encode(), "sha256").hex()


def hint_candidates(plaintext: str) -> list[str]:
    """Every prefix of the plaintext a lookup hint could be."""
    top = min(len(plaintext), MAX_HINT_CHARS)
    return [plaintext[:n] for n in range(MIN_HINT_CHARS, top + 1)]


@dataclass(frozen=True)
class Digests:
    """The deterministic digests of one presented plaintext: {digest: [(algorithm, secret id)]}
    (one HMAC secret may be stored for several organizations, giving one digest for each)."""

    by_digest: dict[str, list[tuple[HashAlgorithm, str | None]]]

    @classmethod
    def of(cls, plaintext: str, secrets: Iterable[tuple[str, bytes]]) -> Digests:
        found: dict[str, list[tuple[HashAlgorithm, str | None]]] = {
            sha256_hex(plaintext): [(HashAlgorithm.SHA256, None)],
            sha512_hex(plaintext): [(HashAlgorithm.SHA512, None)],
        }
        for secret_id, secret in secrets:
            found.setdefault(hmac_hex(secret, plaintext), []).append((HashAlgorithm.HMAC_SHA256, secret_id))
        return cls(found)

    def matches(self, algorithm: str, digest: str | None, secret_id: str | None) -> bool:
        """Does a stored (algorithm, digest, secret) belong to the presented plaintext?"""
        if digest is None:
            return False
        for candidate, makers in self.by_digest.items():
            if not hmac.compare_digest(candidate, digest):
                continue
            for alg, sid in makers:
                if alg == algorithm and (alg is not HashAlgorithm.HMAC_SHA256 or sid == secret_id):
                    return True
        return False


def bcrypt_matches(plaintext: str, stored: str) -> bool:
    """bcrypt's own constant-time check (slow by design: run it off the event loop)."""
    import bcrypt

    try:
        return bool(bcrypt.checkpw(plaintext.encode()[:72], stored.encode()))
    except ValueError:
        return False


__all__ = [
    "MAX_BATCH",
    "MAX_BCRYPT_CANDIDATES",
    "BadHash",
    "Digests",
    "HashAlgorithm",
    "bcrypt_matches",
    "check_hint",
    "has_native_shape",
    "hint_candidates",
    "normalise_hash",
]
