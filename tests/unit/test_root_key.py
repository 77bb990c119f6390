"""KEYTURN_ROOT_KEY: the versioned key set it shares with KEYTURN_SECRET, and wrapping at rest."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from keyturn_server import config
from keyturn_server.domain.keyset import (
    KeySetError,
    KeyVersion,
    RootKeyRing,
    UnwrapFailed,
    VersionedKeySet,
    WrappedMaterial,
    parse_versioned,
)

OLD = "o" * 40
NEW = "n" * 40
MATERIAL = bytes(range(32))


def ring(raw: str) -> RootKeyRing:
    return RootKeyRing(VersionedKeySet.parse(raw, "KEYTURN_ROOT_KEY"))


def test_versioned_parsing_is_shared_by_secret_and_root_key() -> None:
    raw = f"1:{OLD},3:{NEW}"
    assert config.parse_secrets(raw) == config.parse_root_keys(raw) == parse_versioned(raw, "X")
    assert [v.version for v in config.parse_root_keys(raw)] == [3, 1]
    assert config.parse_root_keys(OLD)[0].version == 1
    with pytest.raises(config.ConfigError, match="KEYTURN_ROOT_KEY version 1 is shorter than 32 bytes"):
        config.parse_root_keys("short")
    with pytest.raises(config.ConfigError, match="KEYTURN_ROOT_KEY names the same version twice"):
        config.parse_root_keys(f"2:{OLD},2:{NEW}")
    with pytest.raises(config.ConfigError, match="VERSION:KEY"):
        config.parse_root_keys(f"{OLD},{NEW}")
    with pytest.raises(KeySetError, match="start at 1"):
        parse_versioned(f"0:{OLD}", "X")
    assert OLD not in repr(config.parse_root_keys(OLD))
    assert OLD not in repr(config.Settings(root_keys=config.parse_root_keys(OLD)))


def test_key_set_orders_versions_and_finds_them() -> None:
    keys = VersionedKeySet((KeyVersion(1, OLD.encode()), KeyVersion(4, NEW.encode())))
    assert keys.current.version == 4
    assert keys.get(1) is not None and keys.get(2) is None
    assert 1 in keys and 2 not in keys
    with pytest.raises(KeySetError):
        VersionedKeySet(())


def test_from_env_reads_the_root_key() -> None:
    settings = config.from_env({"KEYTURN_ROOT_KEY": f"2:{NEW},1:{OLD}"})
    assert [v.version for v in settings.root_keys] == [2, 1]
    assert config.from_env({}).root_keys == ()


def test_postgresql_requires_a_root_key(tmp_path: Path) -> None:
    settings = config.Settings(
        database_url="postgresql://u@127.0.0.1/db",
        data_dir=tmp_path,
        secrets=config.parse_secrets(NEW),
    )
    with pytest.raises(config.ConfigError, match="KEYTURN_ROOT_KEY is required with a PostgreSQL"):
        config.resolve(settings, announce=False)
    ok = config.resolve(settings.with_overrides(root_keys=config.parse_root_keys(OLD)), announce=False)
    assert ok.root_keys[0].value == OLD.encode()
    assert not (tmp_path / config.ROOT_KEY_FILE).exists()


def test_embedded_default_generates_a_private_root_key_once(tmp_path: Path) -> None:
    first = config.resolve(config.Settings(data_dir=tmp_path), announce=False)
    path = tmp_path / config.ROOT_KEY_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert len(first.root_keys) == 1 and len(first.root_keys[0].value) >= 32
    assert first.root_keys[0].value != first.secrets[0].value
    again = config.resolve(config.Settings(data_dir=tmp_path), announce=False)
    assert again.root_keys == first.root_keys


def test_a_configured_root_key_wins_over_the_file(tmp_path: Path) -> None:
    settings = config.Settings(data_dir=tmp_path, root_keys=config.parse_root_keys(NEW))
    assert config.resolve(settings, announce=False).root_keys[0].value == NEW.encode()
    assert not (tmp_path / config.ROOT_KEY_FILE).exists()


def test_a_readable_root_key_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / config.ROOT_KEY_FILE
    path.write_text(OLD)
    os.chmod(path, 0o644)
    with pytest.raises(config.ConfigError, match="chmod 600"):
        config.resolve(config.Settings(data_dir=tmp_path), announce=False)


def test_wrap_round_trip_never_stores_material_in_the_clear() -> None:
    keys = ring(OLD)
    wrapped = keys.wrap(MATERIAL, "crypto_key_version", "key-1", 1)
    assert wrapped.root_key_version == 1
    assert MATERIAL not in wrapped.ciphertext and MATERIAL.hex() not in repr(wrapped)
    assert keys.unwrap(wrapped, "crypto_key_version", "key-1", 1) == MATERIAL
    # Fresh nonce each time.
    assert keys.wrap(MATERIAL, "crypto_key_version", "key-1", 1).ciphertext != wrapped.ciphertext


@pytest.mark.parametrize(
    ("kind", "resource_id", "version"),
    [
        ("crypto_key_version", "key-2", 1),  # the row of another key
        ("crypto_key_version", "key-1", 2),  # another version of the same key
        ("import_job", "key-1", 1),  # another table
    ],
)
def test_material_moved_to_another_row_fails_to_unwrap(kind: str, resource_id: str, version: int) -> None:
    keys = ring(OLD)
    wrapped = keys.wrap(MATERIAL, "crypto_key_version", "key-1", 1)
    with pytest.raises(UnwrapFailed):
        keys.unwrap(wrapped, kind, resource_id, version)


def test_tampered_or_relabelled_blob_fails_to_unwrap() -> None:
    keys = ring(f"2:{NEW},1:{OLD}")
    wrapped = keys.wrap(MATERIAL, "crypto_key_version", "k", 1)
    flipped = bytearray(wrapped.ciphertext)
    flipped[-1] ^= 1
    with pytest.raises(UnwrapFailed):
        keys.unwrap(WrappedMaterial(bytes(flipped), 2), "crypto_key_version", "k", 1)
    # The root-key version is bound in: claiming another version fails, even a configured one.
    with pytest.raises(UnwrapFailed):
        keys.unwrap(WrappedMaterial(wrapped.ciphertext, 1), "crypto_key_version", "k", 1)
    with pytest.raises(UnwrapFailed):
        keys.unwrap(WrappedMaterial(wrapped.ciphertext[:20], 2), "crypto_key_version", "k", 1)
    # A different root key with the same version number cannot read it.
    with pytest.raises(UnwrapFailed):
        ring(f"2:{'z' * 40}").unwrap(wrapped, "crypto_key_version", "k", 1)


def test_root_key_rotation_rewraps_and_old_versions_still_unwrap() -> None:
    before = ring(OLD)
    wrapped_v1 = before.wrap(MATERIAL, "crypto_key_version", "k", 3)
    after = ring(f"2:{NEW},1:{OLD}")
    assert after.current_version == 2
    assert after.needs_rewrap(wrapped_v1)
    assert after.unwrap(wrapped_v1, "crypto_key_version", "k", 3) == MATERIAL
    rewrapped = after.rewrap(wrapped_v1, "crypto_key_version", "k", 3)
    assert rewrapped.root_key_version == 2 and not after.needs_rewrap(rewrapped)
    assert after.rewrap(rewrapped, "crypto_key_version", "k", 3) is rewrapped
    # Once version 1 is dropped, only the re-wrapped blob still reads.
    only_new = ring(f"2:{NEW}")
    assert only_new.unwrap(rewrapped, "crypto_key_version", "k", 3) == MATERIAL
    with pytest.raises(UnwrapFailed):
        only_new.unwrap(wrapped_v1, "crypto_key_version", "k", 3)
