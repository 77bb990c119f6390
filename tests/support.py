"""Test infrastructure: a throwaway PostgreSQL cluster, servers on free ports, error decoding.

Tests talk to a real server over a real port through the generated stubs. The server runs
in-process on its own thread and event loop (`ServerThread`), so tests can use plain
synchronous stubs, or as a separate `keyturn serve` process (`ServerProcess`) when a test
needs several replicas.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import pwd
import queue
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import grpc
from google.rpc import error_details_pb2
from grpc_status import rpc_status
from keyturn_server import config
from keyturn_server.store import migrate

TEST_SECRET = "test-secret-" + "x" * 40
TEST_ROOT_KEY = "test-root-key-" + "r" * 40


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _pg_bin(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    for candidate in sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"), reverse=True):
        return str(candidate)
    raise RuntimeError(f"PostgreSQL server binary {name!r} not found (apt-get install postgresql)")


def postgres_user(root: Path) -> list[str]:
    """As root: give `root` to the `postgres` user and return the command prefix that runs a
    command as that user (PostgreSQL refuses to run as root); otherwise no prefix.

    The switch is made by setpriv after exec, not by subprocess: a preexec_fn or subprocess's
    user=/group= make CPython fork() instead of vfork(), and a fork of this threaded process
    (gRPC's fork handlers included) crashed the child now and then (SIGSEGV/SIGBUS).
    setpriv keeps the environment as given."""
    if os.geteuid() != 0:
        return []
    user = pwd.getpwnam("postgres")
    os.chown(root, user.pw_uid, user.pw_gid)
    return ["setpriv", f"--reuid={user.pw_uid}", f"--regid={user.pw_gid}", "--clear-groups", "--"]


@dataclass
class PostgresCluster:
    """A PostgreSQL server of our own: initdb in a temp folder, a free port, fsync off."""

    root: Path
    port: int
    # The command prefix that runs a command as `postgres` when the suite runs as root
    # (postgres_user); empty otherwise.
    run_as: list[str] = field(default_factory=list)

    @property
    def admin_url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    @classmethod
    def start(cls) -> PostgresCluster:
        root = Path(tempfile.mkdtemp(prefix="keyturn-pg-"))
        run_as = postgres_user(root)

        data = root / "data"
        env = {**os.environ, "LC_ALL": "C.UTF-8"}
        subprocess.run(
            [
                *run_as,
                _pg_bin("initdb"),
                "-D",
                str(data),
                "-U",
                "postgres",
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--no-sync",
            ],
            check=True,
            capture_output=True,
            env=env,
        )
        port = free_port()
        options = (
            f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        subprocess.run(
            [
                *run_as,
                _pg_bin("pg_ctl"),
                "-D",
                str(data),
                "-o",
                options,
                "-l",
                str(root / "log"),
                "-w",
                "-t",
                "60",
                "start",
            ],
            check=True,
            capture_output=True,
            env=env,
        )
        return cls(root=root, port=port, run_as=run_as)

    def create_database(self) -> str:
        import psycopg

        name = "kt_" + uuid.uuid4().hex[:12]
        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql://postgres@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        subprocess.run(
            [*self.run_as, _pg_bin("pg_ctl"), "-D", str(self.root / "data"), "-m", "immediate", "stop"],
            capture_output=True,
        )
        shutil.rmtree(self.root, ignore_errors=True)


def create_postgres_database(admin_url: str) -> str:
    """A fresh database on a server given by KEYTURN_TEST_DATABASE_URL."""
    import psycopg
    from sqlalchemy.engine import make_url

    name = "kt_" + uuid.uuid4().hex[:12]
    plain = make_url(admin_url).set(drivername="postgresql")
    with psycopg.connect(plain.render_as_string(hide_password=False), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return plain.set(database=name).render_as_string(hide_password=False)


def make_settings(database_url: str, tmp: Path, **overrides: Any) -> config.Settings:
    base = config.Settings(
        listen="127.0.0.1:0",
        database_url=database_url,
        secrets=config.parse_secrets(TEST_SECRET),
        root_keys=config.parse_root_keys(TEST_ROOT_KEY),
        data_dir=tmp,
        shutdown_grace_seconds=2.0,
        usage_flush_interval_seconds=0.2,
        webhook_allow_private_networks=True,  # the tests' receivers listen on 127.0.0.1
    )
    return base.with_overrides(**overrides)


class ServerThread:
    """A Keyturn server built by app.build_server, running on its own thread and loop."""

    def __init__(self, settings: config.Settings) -> None:
        from keyturn_server.app import KeyturnServer

        self.settings = settings
        self.loop = asyncio.new_event_loop()
        self.server: KeyturnServer | None = None
        self.port = 0
        # Bearer token of an ADMIN principal, bootstrapped into the server's database.
        self.admin_token = ""
        self._ready = threading.Event()
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="keyturn-server", daemon=True)

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    @property
    def container(self) -> Any:
        assert self.server is not None
        return self.server.container

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        try:
            self.loop.run_until_complete(self._start())
        except BaseException as exc:  # surfaced by start()
            self._error = exc
            self._ready.set()
            return
        self._ready.set()
        self.loop.run_forever()

    async def _start(self) -> None:
        from keyturn_server.app import build_server

        self.admin_token = await bootstrap_admin(self.settings)
        self.server, self.port = await build_server(self.settings)
        await self.server.start()
        ADMIN_TOKENS[self.address] = self.admin_token

    def start(self) -> ServerThread:
        self._thread.start()
        self._ready.wait(60)
        if self._error is not None:
            raise self._error
        return self

    def call(self, coro: Any, timeout: float = 30) -> Any:
        """Run a coroutine on the server's loop (to reach into its runtime)."""
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    def stop(self, grace: float = 2.0) -> None:
        if self.server is not None and self.loop.is_running():
            self.call(self.server.stop(grace), timeout=60)
            self.loop.call_soon_threadsafe(self.loop.stop)
            self._thread.join(30)


@dataclass
class ServerProcess:
    """`keyturn serve` as a child process (for multi-replica tests)."""

    env: dict[str, str]
    port: int = 0
    proc: subprocess.Popen[bytes] | None = None
    # Bearer token of an ADMIN principal (`keyturn bootstrap --force` against the same DB).
    admin_token: str = ""
    # False: leave the database alone (e.g. to watch the embedded default bootstrap itself).
    bootstrap: bool = True
    log_path: Path = field(default_factory=lambda: Path(tempfile.mkstemp(prefix="keyturn-log-")[1]))

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self) -> ServerProcess:
        self.port = free_port()
        env = {**os.environ, **self.env, "KEYTURN_LISTEN": self.address}
        # Never the default 127.0.0.1:8080: test servers (and other runs) share the machine.
        env.setdefault("KEYTURN_HTTP_LISTEN", f"127.0.0.1:{free_port()}")
        if self.bootstrap and not self.admin_token:
            self.admin_token = bootstrap_cli(env)
        with self.log_path.open("wb") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "keyturn_server.cli", "serve"],
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"keyturn serve exited: {self.log_path.read_text()[-2000:]}")
            if wait_serving(self.address, 0.5):
                ADMIN_TOKENS[self.address] = self.admin_token
                return self
        raise RuntimeError("keyturn serve did not become SERVING")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


def wait_serving(address: str, timeout: float) -> bool:
    from grpc_health.v1 import health_pb2, health_pb2_grpc

    with grpc.insecure_channel(address) as channel:
        try:
            response = health_pb2_grpc.HealthStub(channel).Check(
                health_pb2.HealthCheckRequest(), timeout=timeout
            )
        except grpc.RpcError:
            time.sleep(0.1)
            return False
    return bool(response.status == health_pb2.HealthCheckResponse.SERVING)


@contextlib.contextmanager
def channel(address: str, token: str | None = None) -> Iterator[grpc.Channel]:
    """A channel to a test server, sending `token` (default: the server's ADMIN token)."""
    token = ADMIN_TOKENS.get(address, "") if token is None else token
    with grpc.insecure_channel(address) as ch:
        yield with_token(ch, token) if token else ch


# address -> ADMIN token of the test servers started by this process.
ADMIN_TOKENS: dict[str, str] = {}


class AddMetadata(
    grpc.UnaryUnaryClientInterceptor,  # type: ignore[type-arg]
    grpc.UnaryStreamClientInterceptor,  # type: ignore[type-arg]
    grpc.StreamUnaryClientInterceptor,  # type: ignore[type-arg]
    grpc.StreamStreamClientInterceptor,  # type: ignore[type-arg]
):
    """Adds metadata to every call (keys the call sets itself win)."""

    def __init__(self, *pairs: tuple[str, str]) -> None:
        self._pairs = pairs

    def _details(self, details: Any) -> Any:
        metadata = list(details.metadata or ())
        own = {key for key, _ in metadata}
        metadata.extend(pair for pair in self._pairs if pair[0] not in own)
        return _CallDetails(
            details.method,
            details.timeout,
            metadata,
            details.credentials,
            getattr(details, "wait_for_ready", None),
            getattr(details, "compression", None),
        )

    def intercept_unary_unary(self, continuation: Any, details: Any, request: Any) -> Any:
        return continuation(self._details(details), request)

    def intercept_unary_stream(self, continuation: Any, details: Any, request: Any) -> Any:
        return continuation(self._details(details), request)

    def intercept_stream_unary(self, continuation: Any, details: Any, requests: Any) -> Any:
        return continuation(self._details(details), requests)

    def intercept_stream_stream(self, continuation: Any, details: Any, requests: Any) -> Any:
        return continuation(self._details(details), requests)


@dataclass(frozen=True)
class _CallDetails(grpc.ClientCallDetails):
    method: str
    timeout: float | None
    metadata: Any
    credentials: Any
    wait_for_ready: Any
    compression: Any


def with_token(ch: grpc.Channel, token: str) -> grpc.Channel:
    """`ch` sending `authorization: Bearer <token>` on every call."""
    return grpc.intercept_channel(ch, AddMetadata(("authorization", f"Bearer {token}")))


async def bootstrap_admin(settings: config.Settings, name: str = "admin") -> str:
    """An ADMIN principal (created, or given a new token) in the settings' database."""
    from keyturn_server.container import Container

    container = Container.build(settings)
    try:
        _, token = await container.principals.bootstrap_admin(name=name, force=True)
    finally:
        await container.db.dispose()
    return token


def bootstrap_cli(env: dict[str, str], *args: str) -> str:
    """`keyturn bootstrap --force` with this environment; returns the token (its last line)."""
    done = subprocess.run(
        [sys.executable, "-m", "keyturn_server.cli", "bootstrap", "--force", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    if done.returncode != 0:
        raise RuntimeError(f"keyturn bootstrap failed: {done.stderr[-2000:]}")
    return done.stdout.strip().splitlines()[-1]


@dataclass
class DecodedError:
    code: grpc.StatusCode
    message: str
    reason: str
    domain: str
    metadata: dict[str, str]
    details: list[Any]

    def detail(self, kind: type) -> Any:
        for item in self.details:
            if isinstance(item, kind):
                return item
        return None

    @property
    def field_violations(self) -> list[str]:
        bad = self.detail(error_details_pb2.BadRequest)
        return [v.field for v in bad.field_violations] if bad else []


_DETAIL_TYPES = (
    error_details_pb2.ErrorInfo,
    error_details_pb2.BadRequest,
    error_details_pb2.RetryInfo,
    error_details_pb2.QuotaFailure,
    error_details_pb2.ResourceInfo,
    error_details_pb2.PreconditionFailure,
)


def decode_error(err: grpc.RpcError) -> DecodedError:
    """Decode google.rpc.Status details; asserts exactly one ErrorInfo is present."""
    status = rpc_status.from_call(err)  # type: ignore[arg-type]
    assert status is not None, f"no google.rpc.Status on {err.code()}: {err.details()}"  # type: ignore[attr-defined]
    details: list[Any] = []
    for packed in status.details:
        for kind in _DETAIL_TYPES:
            if packed.Is(kind.DESCRIPTOR):
                item = kind()
                packed.Unpack(item)
                details.append(item)
    infos = [d for d in details if isinstance(d, error_details_pb2.ErrorInfo)]
    assert len(infos) == 1, f"expected exactly one ErrorInfo, got {len(infos)}"
    info = infos[0]
    return DecodedError(
        code=err.code(),  # type: ignore[attr-defined]
        message=status.message,
        reason=info.reason,
        domain=info.domain,
        metadata=dict(info.metadata),
        details=details,
    )


def expect_error(call: Callable[[], Any], code: grpc.StatusCode, reason: str) -> DecodedError:
    try:
        call()
    except grpc.RpcError as err:
        decoded = decode_error(err)
        assert decoded.code == code, f"expected {code.name}, got {decoded.code.name}: {decoded.message}"
        assert decoded.reason == reason, f"expected reason {reason}, got {decoded.reason}: {decoded.message}"
        assert decoded.domain == "keyturn.dev"
        return decoded
    raise AssertionError(f"expected {code.name}/{reason}, but the call succeeded")


def prepare_database(database_url: str) -> None:
    migrate.upgrade(database_url)


@contextlib.contextmanager
def postgres_replicas(admin_url: str, **settings: str) -> Iterator[tuple[ServerProcess, ServerProcess]]:
    """Two `keyturn serve` processes on one fresh, migrated PostgreSQL database, with the test
    secret and root key and any more KEYTURN_* `settings`; the second shares the first's admin
    token. Both are stopped on the way out (also when the second fails to start)."""
    url = create_postgres_database(admin_url)
    prepare_database(url)
    env = {
        "KEYTURN_DATABASE_URL": url,
        "KEYTURN_SECRET": TEST_SECRET,
        "KEYTURN_ROOT_KEY": TEST_ROOT_KEY,
        "KEYTURN_LOG_LEVEL": "WARNING",
        **settings,
    }
    first = ServerProcess(dict(env)).start()
    try:
        second = ServerProcess(dict(env), admin_token=first.admin_token).start()
        try:
            yield first, second
        finally:
            second.stop()
    finally:
        first.stop()


class StreamReader:
    """A server stream (a gRPC call whose messages carry one `event`) read on its own thread,
    so a test can wait with deadlines, see how it ended, and cancel it."""

    def __init__(self, call: Any) -> None:
        self.call = call
        self.events: queue.Queue[Any] = queue.Queue()
        self.error: grpc.RpcError | None = None
        self.finished = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            for message in self.call:
                self.events.put(message.event)
        except grpc.RpcError as err:
            self.error = err
        finally:
            self.finished.set()

    def take(self, count: int, timeout: float = 10.0) -> list[Any]:
        deadline = time.monotonic() + timeout
        taken: list[Any] = []
        while len(taken) < count:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(
                    f"got {len(taken)} of {count} events within {timeout}s; error={self.error}"
                )
            try:
                taken.append(self.events.get(timeout=remaining))
            except queue.Empty:
                continue
        return taken

    def quiet(self, seconds: float = 0.6) -> bool:
        """True when no event arrives within `seconds`."""
        try:
            self.events.get(timeout=seconds)
        except queue.Empty:
            return True
        return False

    def started_after(self) -> int:
        """Waits for the response headers, sent once the stream has its starting point
        (StreamAuditEvents' `keyturn-stream-after`)."""
        headers = dict(self.call.initial_metadata())
        return int(headers["keyturn-stream-after"])

    def ended_with(self, code: grpc.StatusCode, reason: str, within: float = 3.0) -> str:
        """Asserts the stream ended within `within` seconds with `code` and `reason`."""
        assert self.finished.wait(within), f"the stream was still open after {within}s"
        assert self.error is not None
        decoded = decode_error(self.error)
        assert (decoded.code, decoded.reason) == (code, reason), (
            decoded.code,
            decoded.reason,
            decoded.message,
        )
        return decoded.message

    def cancel(self) -> None:
        self.call.cancel()
        assert self.finished.wait(10), "stream did not end after cancel"
        self._thread.join(5)
