"""Settings from KEYTURN_* environment variables, overridable by command-line flags."""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

AuditLevel = Literal["basic", "detailed", "verbose"]
AUDIT_LEVELS: tuple[AuditLevel, ...] = ("basic", "detailed", "verbose")
MIN_SECRET_BYTES = 32
DEFAULT_LISTEN = "127.0.0.1:50051"


class ConfigError(ValueError):
    """A setting is missing or invalid; the message says which and how to fix it."""


@dataclass(frozen=True)
class ServerSecret:
    """One version of the server's HMAC secret. Version numbers only ever grow."""

    version: int
    value: bytes = field(repr=False)


@dataclass(frozen=True)
class Settings:
    listen: str = DEFAULT_LISTEN
    database_url: str = ""
    # Newest first: new keys are hashed with secrets[0]; older versions still validate.
    secrets: tuple[ServerSecret, ...] = ()
    data_dir: Path = Path("keyturn-data")
    key_prefix: str = "kt"
    audit_level: AuditLevel = "detailed"
    max_payload_bytes: int = 4 * 1024 * 1024
    shutdown_grace_seconds: float = 5.0
    key_cache_size: int = 100_000
    key_cache_ttl_seconds: float = 10.0
    usage_flush_interval_seconds: float = 1.0
    audit_queue_size: int = 10_000
    log_level: str = "INFO"
    log_format: Literal["json", "text"] = "json"
    tls_cert: Path | None = None
    tls_key: Path | None = None
    tls_client_ca: Path | None = None
    # How long an authenticated caller (token or certificate) is cached; revocation and
    # principal updates evict at once on the replica that served them, others within this.
    principal_cache_ttl_seconds: float = 5.0

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def current_secret(self) -> ServerSecret:
        return self.secrets[0]

    def with_overrides(self, **changes: object) -> Settings:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})  # type: ignore[arg-type]


def parse_secrets(raw: str) -> tuple[ServerSecret, ...]:
    """Parse KEYTURN_SECRET: either one secret, or `VERSION:SECRET` items separated by commas.

    `KEYTURN_SECRET="2:new-secret...,1:old-secret..."` hashes new keys with version 2 and still
    accepts keys hashed with version 1 (they are re-hashed with version 2 on their next
    successful validation). A bare secret is version 1.
    """
    items = [item.strip() for item in raw.split(",") if item.strip()]
    if not items:
        raise ConfigError("KEYTURN_SECRET is empty")
    parsed: list[ServerSecret] = []
    for item in items:
        version_text, sep, value = item.partition(":")
        if sep and version_text.isdigit():
            version, secret_text = int(version_text), value
        elif len(items) == 1:
            version, secret_text = 1, item
        else:
            raise ConfigError("KEYTURN_SECRET with several secrets must use VERSION:SECRET items")
        if len(secret_text.encode()) < MIN_SECRET_BYTES:
            raise ConfigError(
                f"KEYTURN_SECRET version {version} is shorter than {MIN_SECRET_BYTES} bytes; "
                "generate one with: python -c 'import secrets; print(secrets.token_urlsafe(48))'"
            )
        parsed.append(ServerSecret(version, secret_text.encode()))
    versions = [s.version for s in parsed]
    if len(set(versions)) != len(versions):
        raise ConfigError("KEYTURN_SECRET names the same version twice")
    return tuple(sorted(parsed, key=lambda s: s.version, reverse=True))


def _env_float(env: Mapping[str, str], name: str, default: float) -> float:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        return float(raw)
    except ValueError as exc:
        raise ConfigError(f"{name} must be a number, got {raw!r}") from exc


def _env_int(env: Mapping[str, str], name: str, default: int) -> int:
    return int(_env_float(env, name, default))


def from_env(env: Mapping[str, str] | None = None) -> Settings:
    """Read settings from the environment (secrets are resolved later by `resolve`)."""
    env = os.environ if env is None else env
    level = env.get("KEYTURN_AUDIT_LEVEL", "detailed").lower()
    if level not in AUDIT_LEVELS:
        raise ConfigError(f"KEYTURN_AUDIT_LEVEL must be one of {', '.join(AUDIT_LEVELS)}")
    log_format = env.get("KEYTURN_LOG_FORMAT", "json").lower()
    if log_format not in ("json", "text"):
        raise ConfigError("KEYTURN_LOG_FORMAT must be json or text")
    raw_secret = env.get("KEYTURN_SECRET", "")

    def path(name: str) -> Path | None:
        value = env.get(name)
        return Path(value) if value else None

    return Settings(
        listen=env.get("KEYTURN_LISTEN", DEFAULT_LISTEN),
        database_url=env.get("KEYTURN_DATABASE_URL", ""),
        secrets=parse_secrets(raw_secret) if raw_secret else (),
        data_dir=Path(env.get("KEYTURN_DATA_DIR", "keyturn-data")),
        key_prefix=env.get("KEYTURN_KEY_PREFIX", "kt"),
        audit_level=level,
        max_payload_bytes=_env_int(env, "KEYTURN_MAX_PAYLOAD_BYTES", 4 * 1024 * 1024),
        shutdown_grace_seconds=_env_float(env, "KEYTURN_SHUTDOWN_GRACE_SECONDS", 5.0),
        key_cache_size=_env_int(env, "KEYTURN_KEY_CACHE_SIZE", 100_000),
        key_cache_ttl_seconds=_env_float(env, "KEYTURN_KEY_CACHE_TTL_SECONDS", 10.0),
        usage_flush_interval_seconds=_env_float(env, "KEYTURN_USAGE_FLUSH_INTERVAL_SECONDS", 1.0),
        audit_queue_size=_env_int(env, "KEYTURN_AUDIT_QUEUE_SIZE", 10_000),
        log_level=env.get("KEYTURN_LOG_LEVEL", "INFO").upper(),
        log_format=log_format,  # type: ignore[arg-type]
        tls_cert=path("KEYTURN_TLS_CERT"),
        tls_key=path("KEYTURN_TLS_KEY"),
        tls_client_ca=path("KEYTURN_TLS_CLIENT_CA"),
        principal_cache_ttl_seconds=_env_float(env, "KEYTURN_PRINCIPAL_CACHE_TTL_SECONDS", 5.0),
    )


def resolve(settings: Settings, announce: bool = True) -> Settings:
    """Fill in the embedded defaults and check the combination.

    With no database URL, use a SQLite file in the data directory and, when no secret is
    configured, a random secret kept beside it in a 0600 file. PostgreSQL requires an explicit
    secret: a generated one would differ per replica and silently invalidate every key.
    """
    if (
        not settings.key_prefix.isalnum()
        or not settings.key_prefix.islower()
        or len(settings.key_prefix) > 16
    ):
        raise ConfigError("KEYTURN_KEY_PREFIX must be 1..16 lowercase letters or digits")
    if settings.database_url and not settings.is_sqlite:
        if not settings.secrets:
            raise ConfigError(
                "KEYTURN_SECRET is required with a PostgreSQL database (at least 32 bytes; "
                "generate one with: python -c 'import secrets; print(secrets.token_urlsafe(48))')"
            )
        return settings
    data_dir = settings.data_dir
    data_dir.mkdir(parents=True, exist_ok=True)
    changes: dict[str, object] = {}
    if not settings.database_url:
        db_path = (data_dir / "keyturn.db").resolve()
        changes["database_url"] = f"sqlite+aiosqlite:///{db_path}"
        if announce:
            print(f"keyturn: embedded SQLite database at {db_path}", flush=True)
    if not settings.secrets:
        secret_path = (data_dir / "secret").resolve()
        if not secret_path.exists():
            fd = os.open(secret_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, stat.S_IRUSR | stat.S_IWUSR)
            with os.fdopen(fd, "w") as handle:
                handle.write(secrets.token_urlsafe(48))
        mode = stat.S_IMODE(secret_path.stat().st_mode)
        if mode & 0o077:
            raise ConfigError(f"{secret_path} must not be readable by group or others (chmod 600)")
        changes["secrets"] = parse_secrets(secret_path.read_text().strip())
        if announce:
            print(f"keyturn: server secret in {secret_path} (mode 0600)", flush=True)
    return settings.with_overrides(**changes)
