"""`keyturn serve --workers N`: a pre-forking parent and N `keyturn serve` worker processes.

gRPC's Python server runs on one core; N processes bound to one port with SO_REUSEPORT let
the kernel spread incoming connections over N cores. The parent:

1. refuses what cannot work: SQLite (workers would not see each other's revocations before
   the cache TTL: key events travel by PostgreSQL LISTEN/NOTIFY, and the scheduler's
   single-process leadership assumes one process), and port 0 (each worker would get its own);
2. binds the address once (SO_REUSEPORT, not listening) so a busy or unparsable address is one
   line and exit code 2 before anything touches the database, as for a single process;
3. runs the migrations once (with --migrate), before any worker starts;
4. starts N copies of `keyturn serve --workers 1`, each told by KEYTURN_WORKER_INDEX /
   KEYTURN_WORKER_COUNT which one it is (it then binds with SO_REUSEPORT, and serves metrics
   on the metrics port + its index). Each worker is a whole server: its own container, caches,
   rate-limit leases, LISTEN connection and usage flusher; nothing in a worker assumes it is the
   only one (that already holds across replicas);
5. restarts a worker that exits on its own (logged, with a growing delay if it keeps dying);
6. on SIGTERM or SIGINT passes SIGTERM to every worker, waits for each to drain (its grace
   period and flush budget), and exits 0.

The parent holds no connection to the database and serves nothing itself.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from types import FrameType

from keyturn_server import config
from keyturn_server.cli.common import CommandError

log = logging.getLogger("keyturn.workers")

WORKER_INDEX_ENV = "KEYTURN_WORKER_INDEX"
WORKER_COUNT_ENV = "KEYTURN_WORKER_COUNT"
RESTART_DELAYS = (0.5, 1.0, 2.0, 5.0, 10.0)
# A worker that ran at least this long before dying is restarted at the shortest delay.
HEALTHY_RUN_SECONDS = 30.0


def parse_workers(raw: str | None) -> int:
    """`--workers` / KEYTURN_WORKERS: a positive number, or `auto` for the number of cores."""
    raw = (raw or os.environ.get("KEYTURN_WORKERS") or "1").strip().lower()
    if raw == "auto":
        return max(1, os.cpu_count() or 1)
    try:
        count = int(raw)
    except ValueError:
        raise CommandError(f"--workers must be a number or auto, got {raw!r}", code=2) from None
    if count < 1:
        raise CommandError("--workers must be at least 1", code=2)
    return count


def worker_identity() -> tuple[int, int] | None:
    """(index, count) when this process is a worker started by the parent, else None."""
    index, count = os.environ.get(WORKER_INDEX_ENV), os.environ.get(WORKER_COUNT_ENV)
    if index is None or count is None:
        return None
    return int(index), int(count)


def worker_settings(settings: config.Settings, index: int, count: int) -> config.Settings:
    """A worker's settings: the shared port, its own metrics port (port + index)."""
    changes: dict[str, object] = {"workers": count, "worker_index": index}
    if settings.metrics_listen:
        host, _, port = settings.metrics_listen.rpartition(":")
        changes["metrics_listen"] = f"{host}:{int(port) + index}"
    return settings.with_overrides(**changes)


def check_address(listen: str) -> None:
    """Bind (not listen) with SO_REUSEPORT: the address parses, resolves and is not held by a
    server that does not share it."""
    host, _, port_text = listen.rpartition(":")
    host = host.strip("[]") or "0.0.0.0"  # noqa: S104
    try:
        port = int(port_text)
    except ValueError:
        raise CommandError(f"cannot listen on {listen}: the port is not a number", code=2) from None
    if port == 0:
        raise CommandError("--workers needs a fixed port: with port 0 each worker would get its own", code=2)
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
            probe.bind(address)
    except OSError as exc:
        raise CommandError(f"cannot listen on {listen}: {exc.strerror or exc}", code=2) from exc


@dataclass
class Worker:
    index: int
    proc: subprocess.Popen[bytes] | None = None
    started: float = 0.0
    failures: int = 0
    restart_at: float | None = None


@dataclass
class Supervisor:
    settings: config.Settings
    count: int
    workers: list[Worker] = field(default_factory=list)
    stopping: bool = False

    def command(self) -> list[str]:
        return [sys.executable, "-m", "keyturn_server.cli", "serve", "--workers", "1"]

    def environment(self, index: int) -> dict[str, str]:
        s = self.settings
        env = {
            **os.environ,
            WORKER_INDEX_ENV: str(index),
            WORKER_COUNT_ENV: str(self.count),
            "KEYTURN_LISTEN": s.listen,
            "KEYTURN_DATABASE_URL": s.database_url,
            "KEYTURN_AUDIT_LEVEL": s.audit_level,
            "KEYTURN_METRICS_LISTEN": s.metrics_listen,
        }
        for name, path in (
            ("KEYTURN_TLS_CERT", s.tls_cert),
            ("KEYTURN_TLS_KEY", s.tls_key),
            ("KEYTURN_TLS_CLIENT_CA", s.tls_client_ca),
        ):
            if path is not None:
                env[name] = str(path)
        env.pop("KEYTURN_WORKERS", None)
        return env

    def spawn(self, worker: Worker) -> None:
        worker.proc = subprocess.Popen(self.command(), env=self.environment(worker.index))  # noqa: S603
        worker.started = time.monotonic()
        worker.restart_at = None
        log.info("worker started", extra={"fields": {"worker": worker.index, "pid": worker.proc.pid}})

    def _on_signal(self, signum: int, _frame: FrameType | None) -> None:
        self.stopping = True

    def run(self) -> int:
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, self._on_signal)
        self.workers = [Worker(i) for i in range(self.count)]
        for worker in self.workers:
            self.spawn(worker)
        print(
            f"keyturn: {self.count} workers on {self.settings.listen} "
            f"(pids {' '.join(str(w.proc.pid) for w in self.workers if w.proc)})",
            flush=True,
        )
        while not self.stopping:
            self.tend()
            time.sleep(0.1)
        return self.drain()

    def tend(self) -> None:
        """Restart workers that exited on their own."""
        now = time.monotonic()
        for worker in self.workers:
            proc = worker.proc
            if worker.restart_at is not None:
                if now >= worker.restart_at:
                    self.spawn(worker)
                continue
            if proc is None or proc.poll() is None:
                continue
            ran = now - worker.started
            worker.failures = 0 if ran >= HEALTHY_RUN_SECONDS else worker.failures + 1
            delay = RESTART_DELAYS[min(worker.failures, len(RESTART_DELAYS) - 1)]
            worker.restart_at = now + delay
            log.warning(
                "worker exited; restarting",
                extra={
                    "fields": {
                        "worker": worker.index,
                        "pid": proc.pid,
                        "exit_code": proc.returncode,
                        "ran_seconds": round(ran, 1),
                        "restart_in_seconds": delay,
                    }
                },
            )

    def drain(self) -> int:
        """SIGTERM to every worker; wait for each to stop (grace + flush budget + slack)."""
        running = [w.proc for w in self.workers if w.proc is not None and w.proc.poll() is None]
        log.info("stopping workers", extra={"fields": {"workers": len(running)}})
        for proc in running:
            proc.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + self.settings.shutdown_grace_seconds + 10.0
        for proc in running:
            try:
                proc.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                log.warning("worker did not stop in time; killing it", extra={"fields": {"pid": proc.pid}})
                proc.kill()
                proc.wait()
        log.info("all workers stopped")
        return 0


def supervise(settings: config.Settings, count: int, *, migrate_first: bool) -> int:
    if settings.is_sqlite:
        raise CommandError(
            "--workers > 1 needs PostgreSQL: on SQLite the workers would not see each other's "
            "revocations before the key cache TTL (no LISTEN/NOTIFY) and the scheduler assumes a "
            "single process; run one process, or use a PostgreSQL database",
            code=2,
        )
    check_address(settings.listen)
    if migrate_first:
        from keyturn_server.store import migrate

        migrate.upgrade(settings.database_url)
    return Supervisor(settings, count).run()


__all__ = ["parse_workers", "supervise", "worker_identity", "worker_settings"]
