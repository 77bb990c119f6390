"""The key format: `{prefix}_{environment}_{body}{checksum}` (GitHub's token format).

- prefix: per server (`kt` for API keys, `kta` for principal tokens), `[a-z0-9]{1,16}`
- environment: `live` or `test`
- body: 32 random bytes (secrets.token_bytes) in base62, left-padded to 43 characters
- checksum: CRC32 of `prefix_environment_body` in base62, left-padded to 6 characters

The checksum lets ValidateKey reject typos and random strings without touching the
database. It is not a secret and proves nothing about authenticity: that is the keyed
hash's job. Only HMAC-SHA256(server secret, plaintext) is stored.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

from keyturn_server.domain.errors import KeyInvalid

BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
BODY_BYTES = 32
BODY_CHARS = 43  # ceil(256 / log2(62))
CHECKSUM_CHARS = 6
ENVIRONMENTS = ("live", "test")
_SHAPE = re.compile(rf"^([a-z0-9]{{1,16}})_(live|test)_([0-9A-Za-z]{{{BODY_CHARS + CHECKSUM_CHARS}}})$")
MAX_KEY_LENGTH = 16 + 1 + 4 + 1 + BODY_CHARS + CHECKSUM_CHARS


def base62(number: int, width: int) -> str:
    digits = []
    while number:
        number, remainder = divmod(number, 62)
        digits.append(BASE62[remainder])
    return "".join(reversed(digits)).rjust(width, "0")


def _checksum(head: str) -> str:
    return base62(zlib.crc32(head.encode()), CHECKSUM_CHARS)


@dataclass(frozen=True)
class ParsedKey:
    prefix: str
    environment: str
    body: str

    @property
    def start(self) -> str:
        """Non-secret display form: prefix, environment and the first four body characters."""
        return f"{self.prefix}_{self.environment}_{self.body[:4]}"


def generate(prefix: str, environment: str) -> str:
    """A new plaintext key. Shown to the caller once; never stored."""
    if environment not in ENVIRONMENTS:
        raise ValueError(f"environment must be one of {ENVIRONMENTS}")
    body = base62(int.from_bytes(secrets.token_bytes(BODY_BYTES), "big"), BODY_CHARS)
    head = f"{prefix}_{environment}_{body}"
    return head + _checksum(head)


def parse(plaintext: str, expected_prefix: str) -> ParsedKey:
    """Check shape, prefix and checksum; raise KeyInvalid (one answer for every failure)."""
    if len(plaintext) > MAX_KEY_LENGTH:
        raise KeyInvalid()
    match = _SHAPE.match(plaintext)
    if match is None or match.group(1) != expected_prefix:
        raise KeyInvalid()
    tail = match.group(3)
    body, checksum = tail[:BODY_CHARS], tail[BODY_CHARS:]
    head = f"{match.group(1)}_{match.group(2)}_{body}"
    if not hmac.compare_digest(_checksum(head), checksum):
        raise KeyInvalid()
    return ParsedKey(prefix=match.group(1), environment=match.group(2), body=body)


def key_hash(secret: bytes, plaintext: str) -> str:
    """HMAC-SHA256(server secret, plaintext) as 64 hex characters: what the database stores.

    hmac.digest is the one-shot C implementation: the hot path's HMAC."""
    return hmac.digest(secret, plaintext.encode(), "sha256").hex()


class KeyHasher:
    """Keyed hashes of keys and tokens under the versioned server secret.

    New hashes use the newest version; a stored hash of an older version still matches (and
    is re-hashed to the newest on use). One lookup asks for the hashes under every version.
    """

    def __init__(self, secrets: Sequence[tuple[int, bytes]]) -> None:
        if not secrets:
            raise ValueError("at least one secret version is required")
        self._secrets = dict(secrets)
        self.current_version, self._current = secrets[0]

    def current(self, plaintext: str) -> str:
        return key_hash(self._current, plaintext)

    def by_version(self, plaintext: str, current_hash: str | None = None) -> dict[int, str]:
        """{version: hash} for every configured version, the newest first."""
        hashes = {self.current_version: current_hash or self.current(plaintext)}
        for version, secret in self._secrets.items():
            if version != self.current_version:
                hashes[version] = key_hash(secret, plaintext)
        return hashes

    def matches(self, plaintext: str, stored_hash: str, version: int, current_hash: str) -> bool:
        """Constant-time: does `stored_hash` (made under `version`) belong to `plaintext`?"""
        secret = self._secrets.get(version)
        if secret is None:
            return False
        expected = current_hash if version == self.current_version else key_hash(secret, plaintext)
        return hmac.compare_digest(stored_hash, expected)

    def fingerprint(self, presented: str) -> str:
        return fingerprint(self._current, presented)


def fingerprint(secret: bytes, presented: str) -> str:
    """A short keyed fingerprint of an unrecognised presented value, for the audit trail."""
    return hmac.new(
        secret, b"fingerprint\x00" + presented.encode("utf-8", "replace"), hashlib.sha256
    ).hexdigest()[:16]
