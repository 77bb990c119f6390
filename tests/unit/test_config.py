"""Settings: secrets (length, versions), the embedded default, and the CLI's refusals."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from keyturn_server import cli, config

LONG = "s" * 40


def test_a_secret_shorter_than_32_bytes_is_refused() -> None:
    with pytest.raises(config.ConfigError, match="shorter than 32 bytes"):
        config.parse_secrets("x" * 31)
    assert config.parse_secrets("x" * 32)[0].version == 1


def test_versioned_secrets_newest_first() -> None:
    parsed = config.parse_secrets(f"1:{'a' * 40},3:{'c' * 40},2:{'b' * 40}")
    assert [s.version for s in parsed] == [3, 2, 1]
    assert parsed[0].value == b"c" * 40
    with pytest.raises(config.ConfigError, match="same version twice"):
        config.parse_secrets(f"1:{LONG},1:{LONG}")
    with pytest.raises(config.ConfigError, match="VERSION:SECRET"):
        config.parse_secrets(f"{LONG},{LONG}")


def test_secret_never_appears_in_repr() -> None:
    assert LONG not in repr(config.parse_secrets(LONG))


def test_postgresql_requires_a_secret(tmp_path: Path) -> None:
    settings = config.Settings(database_url="postgresql://u@127.0.0.1/db", data_dir=tmp_path)
    with pytest.raises(config.ConfigError, match="KEYTURN_SECRET is required"):
        config.resolve(settings, announce=False)


def test_embedded_default_creates_a_private_secret_once(tmp_path: Path) -> None:
    first = config.resolve(config.Settings(data_dir=tmp_path), announce=False)
    secret_file = tmp_path / "secret"
    assert stat.S_IMODE(secret_file.stat().st_mode) == 0o600
    assert first.database_url.startswith("sqlite+aiosqlite:///") and first.database_url.endswith("keyturn.db")
    again = config.resolve(config.Settings(data_dir=tmp_path), announce=False)
    assert again.secrets == first.secrets  # kept, not regenerated


def test_a_readable_secret_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "secret").write_text(LONG)
    os.chmod(tmp_path / "secret", 0o644)
    with pytest.raises(config.ConfigError, match="chmod 600"):
        config.resolve(config.Settings(data_dir=tmp_path), announce=False)


def test_bad_environment_values_are_named() -> None:
    with pytest.raises(config.ConfigError, match="KEYTURN_AUDIT_LEVEL"):
        config.from_env({"KEYTURN_AUDIT_LEVEL": "loud"})
    with pytest.raises(config.ConfigError, match="KEYTURN_USAGE_FLUSH_INTERVAL_SECONDS"):
        config.from_env({"KEYTURN_USAGE_FLUSH_INTERVAL_SECONDS": "often"})


def test_cli_refuses_postgres_without_secret(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("KEYTURN_SECRET", raising=False)
    code = cli.main(["migrate", "--database-url", "postgresql://u@127.0.0.1:1/db"])
    assert code == 2
    assert "KEYTURN_SECRET is required" in capsys.readouterr().err
    monkeypatch.setenv("KEYTURN_SECRET", "too-short")
    assert cli.main(["migrate", "--database-url", "postgresql://u@127.0.0.1:1/db"]) == 2
    assert "shorter than 32 bytes" in capsys.readouterr().err


def test_embedded_default_data_is_private(tmp_path: Path) -> None:
    data = tmp_path / "data"
    settings = config.resolve(config.Settings(data_dir=data), announce=False)
    database = data / config.EMBEDDED_DATABASE_FILE
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    assert stat.S_IMODE(database.stat().st_mode) == 0o600
    assert settings.database_url == config.embedded_database_url(data)


def test_an_existing_data_dir_and_database_are_made_private(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    database = data / config.EMBEDDED_DATABASE_FILE
    database.write_bytes(b"")
    os.chmod(data, 0o755)
    os.chmod(database, 0o644)
    config.resolve(config.Settings(data_dir=data), announce=False)
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    assert stat.S_IMODE(database.stat().st_mode) == 0o600


def test_a_data_dir_keyturn_cannot_write_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """E.g. a bind mount owned by another uid (the suite may run as root, who writes anywhere)."""

    def denied(path: Path) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(config, "make_private_file", denied)
    with pytest.raises(config.ConfigError, match=r"cannot write .*keyturn.db: Permission denied \(the data"):
        config.resolve(config.Settings(data_dir=tmp_path / "data"), announce=False)
