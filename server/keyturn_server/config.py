"""Settings from KEYTURN_* environment variables, overridable by command-line flags."""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from keyturn_server.domain.keyset import KeySetError, KeyVersion, parse_versioned

AuditLevel = Literal["basic", "detailed", "verbose"]
AUDIT_LEVELS: tuple[AuditLevel, ...] = ("basic", "detailed", "verbose")
MIN_SECRET_BYTES = 32
DEFAULT_LISTEN = "127.0.0.1:50051"
# The REST/JSON + console listener `keyturn serve` opens by default with the embedded SQLite
# default (with PostgreSQL only when --http-listen / KEYTURN_HTTP_LISTEN is given).
DEFAULT_HTTP_LISTEN = "127.0.0.1:8080"
DEFAULT_DATA_DIR = Path("keyturn-data")
# The embedded default's files inside the data directory.
EMBEDDED_DATABASE_FILE = "keyturn.db"
SECRET_FILE = "secret"  # noqa: S105
ADMIN_TOKEN_FILE = "admin-token"  # noqa: S105
LogFormat = Literal["json", "text", "auto"]
LOG_FORMATS: tuple[LogFormat, ...] = ("json", "text", "auto")
# How the shared scheduler picks its one leader (store/scheduler.py): auto = the advisory
# lock on PostgreSQL, the single process on SQLite; lease = a lease row (any engine).
SchedulerLeadership = Literal["auto", "advisory", "lease", "single"]
SCHEDULER_LEADERSHIPS: tuple[SchedulerLeadership, ...] = ("auto", "advisory", "lease", "single")
# The portable seams (docs/scaling.md): how replicas tell each other about changes, and how
# the audit chain is locked. The defaults use PostgreSQL's LISTEN/NOTIFY and advisory locks.
ChangeFeed = Literal["notify", "poll"]
CHANGE_FEEDS: tuple[ChangeFeed, ...] = ("notify", "poll")
Locks = Literal["advisory", "row"]
LOCK_KINDS: tuple[Locks, ...] = ("advisory", "row")


class ConfigError(ValueError):
    """A setting is missing or invalid; the message says which and how to fix it."""


# One version of the server's HMAC secret (or of the root key). Version numbers only grow.
ServerSecret = KeyVersion
ROOT_KEY_FILE = "root-key"


@dataclass(frozen=True)
class Settings:
    listen: str = DEFAULT_LISTEN
    # host:port of the HTTP edge (REST/JSON, /openapi.json, /console); empty = off.
    http_listen: str = ""
    database_url: str = ""
    # Newest first: new keys are hashed with secrets[0]; older versions still validate.
    secrets: tuple[ServerSecret, ...] = ()
    data_dir: Path = DEFAULT_DATA_DIR
    key_prefix: str = "kt"
    audit_level: AuditLevel = "detailed"
    max_payload_bytes: int = 4 * 1024 * 1024
    shutdown_grace_seconds: float = 5.0
    key_cache_size: int = 100_000
    key_cache_ttl_seconds: float = 10.0
    usage_flush_interval_seconds: float = 1.0
    audit_queue_size: int = 10_000
    log_level: str = "INFO"
    # auto: human-readable text when stderr is a terminal, JSON lines otherwise.
    log_format: LogFormat = "auto"
    tls_cert: Path | None = None
    tls_key: Path | None = None
    tls_client_ca: Path | None = None
    # How long an authenticated caller (token or certificate) is cached; revocation and
    # principal updates evict at once on the replica that served them, others within this.
    principal_cache_ttl_seconds: float = 5.0
    # KEYTURN_ROOT_KEY, newest first: wraps managed-key material at rest (AES-256-GCM under
    # an HKDF-derived key); older versions still unwrap and are re-wrapped lazily.
    root_keys: tuple[KeyVersion, ...] = field(default=(), repr=False)
    scheduler_leadership: SchedulerLeadership = "auto"
    # DestroyCryptoKeyVersion waits the key's destroy_scheduled_duration: this default,
    # and what a key may ask for within the bounds.
    crypto_key_destroy_default_seconds: float = 24 * 3600.0
    crypto_key_destroy_min_seconds: float = 0.0
    crypto_key_destroy_max_seconds: float = 120 * 24 * 3600.0
    # Decrypted managed-key material kept in memory (per key version), so a hot key costs
    # no database round trip; changes evict at once on every replica, the TTL is the backstop.
    crypto_key_cache_size: int = 10_000
    crypto_key_cache_ttl_seconds: float = 30.0
    # Access tokens (TokenService): the `iss` claim, the signing algorithm of new signing
    # keys (ED25519 or ECDSA_P256_SHA256), how often the scheduler rotates a signing key,
    # and the JWKS cache max-age (a new signing version is published that long before use).
    token_issuer: str = "keyturn"  # noqa: S105 (an issuer name, not a secret)
    token_algorithm: str = "ED25519"  # noqa: S105 (an algorithm name)
    token_key_rotation_seconds: float = 30 * 24 * 3600.0
    token_jwks_max_age_seconds: float = 60.0
    # PostgreSQL connection pool (per process): size, overflow above it, how long a caller
    # waits for a connection before UNAVAILABLE, and the age at which one is replaced.
    db_pool_size: int = 10
    db_max_overflow: int = 10
    db_pool_timeout_seconds: float = 10.0
    db_pool_recycle_seconds: float = 1800.0
    # PostgreSQL statement_timeout of the server's connections (0 = no limit).
    db_statement_timeout_ms: int = 30_000
    # Re-runs of a transaction that lost a serialization race or deadlock (40001/40P01).
    db_conflict_retries: int = 2
    change_feed: ChangeFeed = "notify"
    change_feed_poll_ms: int = 200
    locks: Locks = "advisory"
    # host:port of the Prometheus /metrics endpoint; empty = no metrics endpoint. With
    # --workers N, worker i (0-based) serves it on port + i.
    metrics_listen: str = ""
    # `keyturn serve --workers N`: how many processes share the listen port (SO_REUSEPORT),
    # and which of them this process is (0-based). 1 = a single process, the port not shared.
    workers: int = 1
    worker_index: int = 0
    # GitHub's secret-scanning public keys (a JSON file shaped like GitHub's
    # /meta/public_keys/secret_scanning answer); None = no receiver (api/http/github_scanning.py).
    github_secret_scanning_keys: Path | None = None
    # RevealKey calls allowed per principal per (UTC, epoch-aligned) minute, across replicas.
    reveal_rate_limit_per_minute: int = 10
    # How often the leader looks for API keys due for rotation (AUTOMATIC) or reminders (REMIND).
    key_rotation_job_seconds: float = 60.0
    # Key events (usecases/key_events.py): EXPIRING is emitted once per key and lead time
    # (longest first), events older than the retention are pruned; both are scheduler jobs.
    key_event_expiring_leads_seconds: tuple[float, ...] = (7 * 86400.0, 86400.0)
    key_event_retention_seconds: float = 30 * 86400.0
    # Webhooks: allow http:// URLs to any host (default: https://, or http:// to loopback
    # only), and the timeout of one delivery attempt.
    webhook_allow_http: bool = False
    webhook_timeout_seconds: float = 10.0
    # Allow webhook targets on loopback, private, link-local, CGNAT and other non-public
    # addresses (on-prem receivers); off by default, so a webhook cannot reach the server's
    # own network (SSRF). Checked at create/update for IP literals, at send time after DNS.
    webhook_allow_private_networks: bool = False

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
    return _parse_key_set(raw, "KEYTURN_SECRET", "SECRET")


def parse_root_keys(raw: str) -> tuple[KeyVersion, ...]:
    """Parse KEYTURN_ROOT_KEY, written like KEYTURN_SECRET (`2:new...,1:old...`).

    New material is wrapped with the newest version; material wrapped with an older listed
    version still unwraps and is re-wrapped on use (or by the operator's re-wrap pass). Dropping a version
    from the list makes the material it wrapped unreadable: re-wrap first.
    """
    return _parse_key_set(raw, "KEYTURN_ROOT_KEY", "KEY")


def _parse_key_set(raw: str, setting: str, item_name: str) -> tuple[KeyVersion, ...]:
    try:
        return parse_versioned(raw, setting, MIN_SECRET_BYTES, item_name)
    except KeySetError as exc:
        raise ConfigError(str(exc)) from None


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


def _env_choice(env: Mapping[str, str], name: str, choices: tuple[str, ...]) -> str:
    value = (env.get(name) or choices[0]).lower()
    if value not in choices:
        raise ConfigError(f"{name} must be one of {', '.join(choices)}, got {value!r}")
    return value


def _env_at_least(env: Mapping[str, str], name: str, default: float, minimum: float) -> float:
    value = _env_float(env, name, default)
    if value < minimum:
        raise ConfigError(f"{name} must be at least {minimum:g}, got {value:g}")
    return value


# Settings that may instead be read from a file named by NAME_FILE (Docker and Kubernetes
# secrets mounted as files), e.g. KEYTURN_SECRET_FILE=/run/secrets/keyturn-secret.
FILE_SETTINGS = ("KEYTURN_DATABASE_URL", "KEYTURN_SECRET", "KEYTURN_ROOT_KEY")


_DURATION_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration_seconds(raw: str, name: str) -> float:
    """`90`, `90s`, `15m`, `12h` or `7d` -> seconds (positive)."""
    text = raw.strip().lower()
    unit = _DURATION_UNITS.get(text[-1:], 0) if text else 0
    number = text[:-1] if unit else text
    try:
        value = float(number) * (unit or 1)
    except ValueError:
        raise ConfigError(f"{name}: {raw!r} is not a duration such as 90s, 15m, 12h or 7d") from None
    if not value > 0 or value > 3650 * 86400:
        raise ConfigError(f"{name}: {raw!r} must be positive and at most 3650d")
    return value


def _env_durations(env: Mapping[str, str], name: str, default: tuple[float, ...]) -> tuple[float, ...]:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    values = {parse_duration_seconds(item, name) for item in raw.split(",") if item.strip()}
    if not values or len(values) > 10:
        raise ConfigError(f"{name}: give 1 to 10 durations separated by commas")
    return tuple(sorted(values, reverse=True))


def _with_secret_files(env: Mapping[str, str]) -> Mapping[str, str]:
    """`env` with each NAME_FILE of FILE_SETTINGS replaced by the file's content as NAME."""
    if not any(f"{name}_FILE" in env for name in FILE_SETTINGS):
        return env
    merged = dict(env)
    for name in FILE_SETTINGS:
        path = env.get(f"{name}_FILE")
        if not path:
            continue
        if env.get(name):
            raise ConfigError(f"set {name} or {name}_FILE, not both")
        try:
            merged[name] = Path(path).read_text().strip()
        except OSError as exc:
            raise ConfigError(f"{name}_FILE: cannot read {path}: {exc.strerror}") from None
    return merged


def from_env(env: Mapping[str, str] | None = None) -> Settings:
    """Read settings from the environment (secrets are resolved later by `resolve`)."""
    env = _with_secret_files(os.environ if env is None else env)
    level = env.get("KEYTURN_AUDIT_LEVEL", "detailed").lower()
    if level not in AUDIT_LEVELS:
        raise ConfigError(f"KEYTURN_AUDIT_LEVEL must be one of {', '.join(AUDIT_LEVELS)}")
    log_format = env.get("KEYTURN_LOG_FORMAT", "auto").lower() or "auto"
    if log_format not in LOG_FORMATS:
        raise ConfigError("KEYTURN_LOG_FORMAT must be json, text or auto")
    leadership = env.get("KEYTURN_SCHEDULER_LEADERSHIP", "auto").lower() or "auto"
    if leadership not in SCHEDULER_LEADERSHIPS:
        raise ConfigError("KEYTURN_SCHEDULER_LEADERSHIP must be auto, advisory, lease or single")
    raw_secret = env.get("KEYTURN_SECRET", "")
    raw_root_key = env.get("KEYTURN_ROOT_KEY", "")

    def path(name: str) -> Path | None:
        value = env.get(name)
        return Path(value) if value else None

    return Settings(
        listen=env.get("KEYTURN_LISTEN", DEFAULT_LISTEN),
        http_listen=http_listen_setting(env.get("KEYTURN_HTTP_LISTEN", "")),
        database_url=env.get("KEYTURN_DATABASE_URL", ""),
        secrets=parse_secrets(raw_secret) if raw_secret else (),
        data_dir=Path(env.get("KEYTURN_DATA_DIR") or DEFAULT_DATA_DIR),
        key_prefix=env.get("KEYTURN_KEY_PREFIX", "kt"),
        audit_level=level,
        max_payload_bytes=_env_int(env, "KEYTURN_MAX_PAYLOAD_BYTES", 4 * 1024 * 1024),
        shutdown_grace_seconds=_env_float(env, "KEYTURN_SHUTDOWN_GRACE_SECONDS", 5.0),
        key_cache_size=_env_int(env, "KEYTURN_KEY_CACHE_SIZE", 100_000),
        key_cache_ttl_seconds=_env_float(env, "KEYTURN_KEY_CACHE_TTL_SECONDS", 10.0),
        usage_flush_interval_seconds=_env_float(env, "KEYTURN_USAGE_FLUSH_INTERVAL_SECONDS", 1.0),
        audit_queue_size=_env_int(env, "KEYTURN_AUDIT_QUEUE_SIZE", 10_000),
        log_level=env.get("KEYTURN_LOG_LEVEL", "INFO").upper(),
        log_format=log_format,
        tls_cert=path("KEYTURN_TLS_CERT"),
        tls_key=path("KEYTURN_TLS_KEY"),
        tls_client_ca=path("KEYTURN_TLS_CLIENT_CA"),
        principal_cache_ttl_seconds=_env_float(env, "KEYTURN_PRINCIPAL_CACHE_TTL_SECONDS", 5.0),
        root_keys=parse_root_keys(raw_root_key) if raw_root_key else (),
        scheduler_leadership=leadership,
        crypto_key_destroy_default_seconds=_env_float(
            env, "KEYTURN_CRYPTO_KEY_DESTROY_DEFAULT_SECONDS", 24 * 3600.0
        ),
        crypto_key_destroy_min_seconds=_env_float(env, "KEYTURN_CRYPTO_KEY_DESTROY_MIN_SECONDS", 0.0),
        crypto_key_destroy_max_seconds=_env_float(
            env, "KEYTURN_CRYPTO_KEY_DESTROY_MAX_SECONDS", 120 * 24 * 3600.0
        ),
        crypto_key_cache_size=_env_int(env, "KEYTURN_CRYPTO_KEY_CACHE_SIZE", 10_000),
        crypto_key_cache_ttl_seconds=_env_float(env, "KEYTURN_CRYPTO_KEY_CACHE_TTL_SECONDS", 30.0),
        token_issuer=env.get("KEYTURN_TOKEN_ISSUER", "keyturn"),
        token_algorithm=env.get("KEYTURN_TOKEN_ALGORITHM", "ED25519").upper().replace("-", "_"),
        token_key_rotation_seconds=_env_at_least(
            env, "KEYTURN_TOKEN_KEY_ROTATION_SECONDS", 30 * 24 * 3600.0, 3600.0
        ),
        token_jwks_max_age_seconds=_env_at_least(env, "KEYTURN_TOKEN_JWKS_MAX_AGE_SECONDS", 60.0, 0.0),
        db_pool_size=int(_env_at_least(env, "KEYTURN_DB_POOL_SIZE", 10, 1)),
        db_max_overflow=int(_env_at_least(env, "KEYTURN_DB_MAX_OVERFLOW", 10, 0)),
        db_pool_timeout_seconds=_env_at_least(env, "KEYTURN_DB_POOL_TIMEOUT", 10.0, 0.1),
        db_pool_recycle_seconds=_env_at_least(env, "KEYTURN_DB_POOL_RECYCLE_SECONDS", 1800.0, 1),
        db_statement_timeout_ms=int(_env_at_least(env, "KEYTURN_DB_STATEMENT_TIMEOUT_MS", 30_000, 0)),
        db_conflict_retries=int(_env_at_least(env, "KEYTURN_DB_CONFLICT_RETRIES", 2, 0)),
        change_feed=_env_choice(env, "KEYTURN_CHANGE_FEED", CHANGE_FEEDS),  # type: ignore[arg-type]
        change_feed_poll_ms=int(_env_at_least(env, "KEYTURN_CHANGE_FEED_POLL_MS", 200, 10)),
        locks=_env_choice(env, "KEYTURN_LOCKS", LOCK_KINDS),  # type: ignore[arg-type]
        metrics_listen=env.get("KEYTURN_METRICS_LISTEN", ""),
        github_secret_scanning_keys=path("KEYTURN_GITHUB_SECRET_SCANNING_KEYS"),
        reveal_rate_limit_per_minute=int(_env_at_least(env, "KEYTURN_REVEAL_RATE_LIMIT_PER_MINUTE", 10, 1)),
        key_rotation_job_seconds=_env_at_least(env, "KEYTURN_KEY_ROTATION_JOB_SECONDS", 60.0, 1),
        key_event_expiring_leads_seconds=_env_durations(
            env, "KEYTURN_KEY_EVENT_EXPIRING_LEADS", (7 * 86400.0, 86400.0)
        ),
        key_event_retention_seconds=parse_duration_seconds(
            env.get("KEYTURN_KEY_EVENT_RETENTION", "30d"), "KEYTURN_KEY_EVENT_RETENTION"
        ),
        webhook_allow_http=env.get("KEYTURN_WEBHOOK_ALLOW_HTTP", "").lower() in ("1", "true", "yes"),
        webhook_timeout_seconds=_env_at_least(env, "KEYTURN_WEBHOOK_TIMEOUT_SECONDS", 10.0, 0.1),
        webhook_allow_private_networks=env.get("KEYTURN_WEBHOOK_ALLOW_PRIVATE_NETWORKS", "").lower()
        in ("1", "true", "yes"),
    )


def http_listen_setting(raw: str) -> str:
    """KEYTURN_HTTP_LISTEN / --http-listen: host:port, or `off` (also empty) for none."""
    raw = raw.strip()
    return "" if raw.lower() in ("", "off", "none") else raw


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
    low, default, high = (
        settings.crypto_key_destroy_min_seconds,
        settings.crypto_key_destroy_default_seconds,
        settings.crypto_key_destroy_max_seconds,
    )
    if not 0 <= low <= default <= high:
        raise ConfigError(
            "KEYTURN_CRYPTO_KEY_DESTROY_MIN/DEFAULT/MAX_SECONDS must satisfy 0 <= min <= default <= max"
        )
    if settings.token_algorithm not in ("ED25519", "ECDSA_P256_SHA256", "P256"):
        raise ConfigError("KEYTURN_TOKEN_ALGORITHM must be ED25519 or ECDSA_P256_SHA256 (P256)")
    if not settings.token_issuer or len(settings.token_issuer) > 256:
        raise ConfigError("KEYTURN_TOKEN_ISSUER must be 1..256 characters")
    postgres = bool(settings.database_url) and not settings.is_sqlite
    if postgres and settings.scheduler_leadership == "single":
        raise ConfigError(
            "KEYTURN_SCHEDULER_LEADERSHIP=single is only safe with SQLite (one process); "
            "use auto, advisory or lease with PostgreSQL"
        )
    if not postgres and settings.scheduler_leadership == "advisory":
        raise ConfigError("KEYTURN_SCHEDULER_LEADERSHIP=advisory needs PostgreSQL")
    if settings.database_url and not settings.is_sqlite:
        if not settings.secrets:
            raise ConfigError(
                "KEYTURN_SECRET is required with a PostgreSQL database (at least 32 bytes; "
                "generate one with: python -c 'import secrets; print(secrets.token_urlsafe(48))')"
            )
        if not settings.root_keys:
            raise ConfigError(
                "KEYTURN_ROOT_KEY is required with a PostgreSQL database: it wraps managed-key "
                "material, and every replica must share it (at least 32 bytes; generate one with: "
                "python -c 'import secrets; print(secrets.token_urlsafe(48))')"
            )
        return settings
    try:
        return _resolve_embedded(settings, announce)
    except PermissionError as exc:
        raise ConfigError(
            f"cannot write {exc.filename or settings.data_dir}: {exc.strerror} "
            f"(the data directory must belong to uid {os.getuid()}, or pass another --data-dir)"
        ) from exc


def _resolve_embedded(settings: Settings, announce: bool) -> Settings:
    data_dir = settings.data_dir
    make_private_dir(data_dir)
    changes: dict[str, object] = {}
    if not settings.database_url:
        db_path = embedded_database_path(data_dir)
        make_private_file(db_path)  # SQLite gives its -wal/-shm files the same mode
        changes["database_url"] = embedded_database_url(data_dir)
        if announce:
            print(f"keyturn: embedded SQLite database at {db_path}", flush=True)
    if not settings.secrets:
        secret_path = (data_dir / SECRET_FILE).resolve()
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
    if not settings.root_keys:
        changes["root_keys"] = embedded_root_keys(data_dir, announce)
    return settings.with_overrides(**changes)


def embedded_root_keys(data_dir: Path, announce: bool = False) -> tuple[KeyVersion, ...]:
    """The embedded default's root key: generated once beside the SQLite file, mode 0600."""
    path = (data_dir / ROOT_KEY_FILE).resolve()
    if not path.exists():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, stat.S_IRUSR | stat.S_IWUSR)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(48))
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        raise ConfigError(f"{path} must not be readable by group or others (chmod 600)")
    keys = parse_root_keys(path.read_text().strip())
    if announce:
        print(f"keyturn: root key in {path} (mode 0600)", flush=True)
    return keys


def embedded_database_path(data_dir: Path) -> Path:
    """The embedded default's SQLite file."""
    return (data_dir / EMBEDDED_DATABASE_FILE).resolve()


def embedded_database_url(data_dir: Path) -> str:
    return f"sqlite+aiosqlite:///{embedded_database_path(data_dir)}"


def make_private_dir(path: Path) -> None:
    """Create `path` as 0700, or tighten an existing one: it holds the audit trail and secrets."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    _tighten(path, 0o700)


def make_private_file(path: Path) -> None:
    """Create an empty 0600 file (an empty file is a valid SQLite database), or tighten it."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, stat.S_IRUSR | stat.S_IWUSR))
    except FileExistsError:
        _tighten(path, 0o600)


def _tighten(path: Path, mode: int) -> None:
    if stat.S_IMODE(path.stat().st_mode) & ~mode == 0:
        return
    try:
        path.chmod(mode)
    except OSError as exc:
        raise ConfigError(
            f"{path} is readable by other users and cannot be made private "
            f"(chmod {mode:o} {path}): {exc.strerror}"
        ) from exc
