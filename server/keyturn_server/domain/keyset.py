"""Versioned key sets: one concept behind KEYTURN_SECRET and KEYTURN_ROOT_KEY.

A key set is a list of numbered versions. The newest version protects new data; older
versions still read old data, which is moved to the newest version lazily (on use) or by
an operator command. Version numbers only ever grow, so a stored number always names the
version that produced it.

`KEYTURN_SECRET` (HMAC of API keys and principal tokens) and `KEYTURN_ROOT_KEY` (AES-256-GCM
wrapping of managed-key material) are both written `VERSION:VALUE,VERSION:VALUE` or as one
bare value (version 1), each value at least 32 bytes.

`RootKeyRing` wraps key material at rest. Each version's AES-256 key is derived from the
configured value with HKDF-SHA256, so any value of at least 32 bytes (a passphrase-like
`secrets.token_urlsafe(48)` as for the secret) gives a uniformly random key. The associated
data binds every wrapped blob to what it belongs to (kind, resource id, resource version) and
to the root-key version, so a blob copied into another row, or relabelled with another root
version, fails to unwrap.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

MIN_KEY_BYTES = 32
_NONCE_BYTES = 12
_GENERATE_HINT = "generate one with: python -c 'import secrets; print(secrets.token_urlsafe(48))'"


class KeySetError(ValueError):
    """A versioned key set setting is malformed; the message names the setting and the fix."""


@dataclass(frozen=True)
class KeyVersion:
    """One version of a versioned secret. The value never appears in a repr."""

    version: int
    value: bytes = field(repr=False)


def parse_versioned(
    raw: str, setting: str, min_bytes: int = MIN_KEY_BYTES, item_name: str = "VALUE"
) -> tuple[KeyVersion, ...]:
    """Parse `VALUE` or `VERSION:VALUE,VERSION:VALUE,...` into versions, newest first."""
    items = [item.strip() for item in raw.split(",") if item.strip()]
    if not items:
        raise KeySetError(f"{setting} is empty")
    parsed: list[KeyVersion] = []
    for item in items:
        version_text, sep, value = item.partition(":")
        if sep and version_text.isdigit():
            version, text = int(version_text), value
        elif len(items) == 1:
            version, text = 1, item
        else:
            raise KeySetError(f"{setting} with several values must use VERSION:{item_name} items")
        if version < 1:
            raise KeySetError(f"{setting} versions start at 1")
        if len(text.encode()) < min_bytes:
            raise KeySetError(
                f"{setting} version {version} is shorter than {min_bytes} bytes; {_GENERATE_HINT}"
            )
        parsed.append(KeyVersion(version, text.encode()))
    versions = [p.version for p in parsed]
    if len(set(versions)) != len(versions):
        raise KeySetError(f"{setting} names the same version twice")
    return tuple(sorted(parsed, key=lambda p: p.version, reverse=True))


@dataclass(frozen=True)
class VersionedKeySet:
    """Versions newest first; `current` protects new data, every version still reads."""

    versions: tuple[KeyVersion, ...]

    def __post_init__(self) -> None:
        if not self.versions:
            raise KeySetError("a key set needs at least one version")
        ordered = tuple(sorted(self.versions, key=lambda v: v.version, reverse=True))
        object.__setattr__(self, "versions", ordered)

    @classmethod
    def parse(cls, raw: str, setting: str, min_bytes: int = MIN_KEY_BYTES) -> VersionedKeySet:
        return cls(parse_versioned(raw, setting, min_bytes))

    @property
    def current(self) -> KeyVersion:
        return self.versions[0]

    def get(self, version: int) -> KeyVersion | None:
        for candidate in self.versions:
            if candidate.version == version:
                return candidate
        return None

    def __contains__(self, version: object) -> bool:
        return isinstance(version, int) and self.get(version) is not None


class UnwrapFailed(Exception):
    """Wrapped material did not authenticate (tampered, moved to another row, wrong root key)
    or names a root-key version that is no longer configured. Carries no detail on purpose:
    callers turn it into an internal error with a log line naming only ids."""


@dataclass(frozen=True)
class WrappedMaterial:
    """What is stored: the blob (nonce + ciphertext + tag) and the root-key version."""

    ciphertext: bytes = field(repr=False)
    root_key_version: int


def _field(value: bytes) -> bytes:
    return len(value).to_bytes(4, "big") + value


def _associated_data(kind: str, resource_id: str, resource_version: int, root_version: int) -> bytes:
    return b"keyturn-root-wrap-v1" + b"".join(
        _field(part)
        for part in (
            kind.encode(),
            resource_id.encode(),
            resource_version.to_bytes(8, "big", signed=True),
            root_version.to_bytes(8, "big"),
        )
    )


class RootKeyRing:
    """AES-256-GCM wrapping of material at rest under the versioned root key.

    `kind` names the table the blob belongs to ("crypto_key_version", "import_job", ...),
    `resource_id` and `resource_version` its row (a key id and version number; 0 when the
    row has no version).
    """

    def __init__(self, key_set: VersionedKeySet) -> None:
        self.key_set = key_set
        self._aeads = {v.version: AESGCM(self._derive(v)) for v in key_set.versions}

    @classmethod
    def from_versions(cls, versions: Iterable[KeyVersion]) -> RootKeyRing:
        return cls(VersionedKeySet(tuple(versions)))

    @staticmethod
    def _derive(version: KeyVersion) -> bytes:
        hkdf = HKDF(
            algorithm=hashes.SHA256(),
            length=32,
            salt=None,
            info=b"keyturn root key v" + str(version.version).encode(),
        )
        return hkdf.derive(version.value)

    @property
    def current_version(self) -> int:
        return self.key_set.current.version

    def wrap(
        self, material: bytes, kind: str, resource_id: str, resource_version: int = 0
    ) -> WrappedMaterial:
        version = self.current_version
        nonce = os.urandom(_NONCE_BYTES)
        ad = _associated_data(kind, resource_id, resource_version, version)
        return WrappedMaterial(nonce + self._aeads[version].encrypt(nonce, material, ad), version)

    def unwrap(
        self, wrapped: WrappedMaterial, kind: str, resource_id: str, resource_version: int = 0
    ) -> bytes:
        aead = self._aeads.get(wrapped.root_key_version)
        blob = wrapped.ciphertext
        if aead is None or len(blob) < _NONCE_BYTES + 16:
            raise UnwrapFailed
        ad = _associated_data(kind, resource_id, resource_version, wrapped.root_key_version)
        try:
            return aead.decrypt(blob[:_NONCE_BYTES], blob[_NONCE_BYTES:], ad)
        except InvalidTag:
            raise UnwrapFailed from None

    def needs_rewrap(self, wrapped: WrappedMaterial) -> bool:
        return wrapped.root_key_version != self.current_version

    def rewrap(
        self, wrapped: WrappedMaterial, kind: str, resource_id: str, resource_version: int = 0
    ) -> WrappedMaterial:
        """The same material under the newest root-key version (unchanged when already there)."""
        if not self.needs_rewrap(wrapped):
            return wrapped
        material = self.unwrap(wrapped, kind, resource_id, resource_version)
        return self.wrap(material, kind, resource_id, resource_version)


__all__ = [
    "MIN_KEY_BYTES",
    "KeySetError",
    "KeyVersion",
    "RootKeyRing",
    "UnwrapFailed",
    "VersionedKeySet",
    "WrappedMaterial",
    "parse_versioned",
]
