"""The parsed signing key lives in the managed-key material cache entry and goes with it."""

from __future__ import annotations

import gc
import weakref

import pytest
from cryptography.hazmat.primitives.asymmetric import ed25519
from keyturn_server.domain import managed_keys as mk
from keyturn_server.usecases.crypto_keys import VersionMaterial, version_material
from keyturn_server.usecases.keycache import KeyCache

A = mk.Algorithm
S = mk.VersionState
SIGNERS = [a for a, spec in mk.ALGORITHMS.items() if spec.purpose is mk.Purpose.ASYMMETRIC_SIGN]


@pytest.mark.parametrize("algorithm", SIGNERS, ids=lambda a: a.value)
def test_a_signing_version_carries_its_parsed_key(algorithm: mk.Algorithm) -> None:
    material = mk.generate_material(algorithm)
    entry = version_material(1, S.ENABLED, algorithm, material)
    assert entry.signing_key is not None
    signature = mk.sign(algorithm, material, b"data", key=entry.signing_key)
    assert mk.verify(algorithm, material, b"data", signature)  # parsed afresh: the same key
    assert mk.verify(algorithm, material, b"data", signature, key=entry.signing_key)
    assert not mk.verify(algorithm, material, b"other", signature, key=entry.signing_key)
    assert mk.public_key_pem(algorithm, material, key=entry.signing_key) == mk.public_key_pem(
        algorithm, material
    )


def test_other_versions_carry_no_parsed_key() -> None:
    assert (
        version_material(1, S.ENABLED, A.AES_256_GCM, mk.generate_material(A.AES_256_GCM)).signing_key is None
    )
    assert version_material(2, S.DESTROYED, A.ED25519, None).signing_key is None


def test_signing_key_refuses_a_key_of_another_purpose() -> None:
    with pytest.raises(mk.WrongKeyPurpose):
        mk.signing_key(A.HMAC_SHA256, mk.generate_material(A.HMAC_SHA256))


def test_sign_uses_the_parsed_key_it_is_given() -> None:
    """The key, not a fresh parse of the material, signs (so the cache is what is used)."""
    material = mk.generate_material(A.ED25519)
    other = ed25519.Ed25519PrivateKey.generate()
    signature = mk.sign(A.ED25519, material, b"data", key=other)
    assert not mk.verify(A.ED25519, material, b"data", signature)


def _cached(cache: KeyCache[VersionMaterial], key_id: str) -> weakref.ref[VersionMaterial]:
    entry = version_material(1, S.ENABLED, A.ED25519, mk.generate_material(A.ED25519))
    assert cache.put(f"{key_id}/1", key_id, entry, cache.generation)
    return weakref.ref(entry)


def test_the_parsed_key_is_dropped_when_the_material_is_evicted() -> None:
    cache: KeyCache[VersionMaterial] = KeyCache(10, 60.0)
    kept = _cached(cache, "k1")
    other = _cached(cache, "k2")
    gc.collect()
    assert kept() is not None and cache.get("k1/1") is kept()
    cache.evict_key("k1")
    gc.collect()
    assert kept() is None  # the entry, so its material and parsed key, is gone
    assert other() is not None and other() is cache.get("k2/1")
    cache.clear()
    gc.collect()
    assert other() is None


def test_the_parsed_key_expires_with_the_material() -> None:
    now = [0.0]
    cache: KeyCache[VersionMaterial] = KeyCache(10, 60.0, clock=lambda: now[0])
    kept = _cached(cache, "k1")
    now[0] = 61.0
    assert cache.get("k1/1") is None
    gc.collect()
    assert kept() is None
