"""A PostgreSQL primary switchover under load, with pg_auto_failover (Debian's
postgresql-15-auto-failover; CI installs it).

A monitor, a primary and a secondary (synchronous replication, pg_auto_failover's default
with one standby in the write quorum) on loopback ports in a temp folder; `keyturn serve`
on the multi-host DSN

    postgresql+psycopg://postgres@/keyturn?host=127.0.0.1:P1&host=127.0.0.1:P2&target_session_attrs=read-write

CreateKey and ValidateKey run from threads while `pg_autoctl perform switchover` moves the
primary. Then: recovery time (the first success of each RPC after the first failure) under
10 s, failures only UNAVAILABLE/ABORTED (never INTERNAL or UNKNOWN), every acknowledged
create's key and its audit event present on the new primary, the audit chain verifies, and
the LISTEN connection is back on the new primary.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import grpc
import pytest
from keyturn.v1 import audit_pb2, audit_pb2_grpc, keys_pb2, keys_pb2_grpc

from tests.integration.test_validate import create_key, make_tenant
from tests.support import (
    TEST_ROOT_KEY,
    TEST_SECRET,
    ServerProcess,
    _pg_bin,
    channel,
    decode_error,
    free_port,
    postgres_user,
    prepare_database,
)

pytestmark = pytest.mark.skipif(
    shutil.which("pg_autoctl") is None,
    reason="pg_autoctl is not installed (apt-get install postgresql-15-auto-failover)",
)

DATABASE = "keyturn"
ALLOWED_FAILURES = {"UNAVAILABLE", "ABORTED", "DEADLINE_EXCEEDED"}


@dataclass
class Formation:
    """A pg_auto_failover monitor and two Postgres nodes, each run by `pg_autoctl run`."""

    root: Path
    monitor_port: int
    node_ports: tuple[int, int]
    env: dict[str, str]
    run_as: list[str]
    services: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def data(self, name: str) -> str:
        return str(self.root / name)

    def autoctl(self, *args: str, timeout: float = 60) -> str:
        done = subprocess.run(
            [*self.run_as, "pg_autoctl", *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=self.root,
        )
        if done.returncode != 0:
            raise RuntimeError(f"pg_autoctl {' '.join(args)} failed: {done.stderr[-3000:]}")
        return done.stdout

    def run(self, name: str) -> None:
        log = (self.root / f"{name}.log").open("wb")
        self.services.append(
            subprocess.Popen(
                [*self.run_as, "pg_autoctl", "run", "--pgdata", self.data(name)],
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=self.root,
            )
        )

    @property
    def monitor_uri(self) -> str:
        return f"postgres://autoctl_node@127.0.0.1:{self.monitor_port}/pg_auto_failover?sslmode=disable"

    def states(self) -> dict[int, str]:
        """Each node's port and its reported state, as the monitor sees them."""
        out = self.autoctl("show", "state", "--pgdata", self.data("monitor"), "--json")
        return {int(n["nodeport"]): str(n["current_group_state"]) for n in json.loads(out)}

    def wait_for(self, wanted: dict[int, str], timeout: float) -> None:
        deadline = time.monotonic() + timeout
        states: dict[int, str] = {}
        while time.monotonic() < deadline:
            with contextlib.suppress(RuntimeError, json.JSONDecodeError):
                states = self.states()
                if all(states.get(port) == state for port, state in wanted.items()):
                    return
            time.sleep(0.3)
        raise AssertionError(f"formation did not reach {wanted}: {states}")

    def node_url(self, port: int) -> str:
        return f"postgresql://postgres@127.0.0.1:{port}/{DATABASE}"

    @property
    def keyturn_url(self) -> str:
        hosts = "&".join(f"host=127.0.0.1:{port}" for port in self.node_ports)
        return f"postgresql+psycopg://postgres@/{DATABASE}?{hosts}&target_session_attrs=read-write"

    def stop(self) -> None:
        for name in ("node2", "node1", "monitor"):
            with contextlib.suppress(Exception):
                self.autoctl("stop", "--pgdata", self.data(name), timeout=20)
        for service in self.services:
            try:
                service.wait(20)
            except subprocess.TimeoutExpired:
                service.kill()
                service.wait(5)
        shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture(scope="module")
def formation() -> Iterator[Formation]:
    root = Path(tempfile.mkdtemp(prefix="keyturn-pgaf-"))
    run_as = postgres_user(root)

    # The server binaries' own folder (a pg_ctl on PATH may be a lone symlink, and
    # pg_autoctl looks for pg_controldata beside the pg_ctl it uses).
    bin_dir = str(Path(_pg_bin("pg_ctl")).resolve().parent)
    env = {
        "PATH": f"{bin_dir}:{os.environ.get('PATH', '/usr/bin:/bin')}",
        "HOME": str(root),
        "XDG_CONFIG_HOME": str(root / "config"),
        "XDG_DATA_HOME": str(root / "share"),
        "XDG_RUNTIME_DIR": str(root / "run"),
        "LC_ALL": "C.UTF-8",
        "PGUSER": "postgres",
    }
    found = Formation(root, free_port(), (free_port(), free_port()), env, run_as)
    try:
        common = ("--hostname", "127.0.0.1", "--auth", "trust", "--no-ssl")
        found.autoctl(
            "create",
            "monitor",
            "--pgdata",
            found.data("monitor"),
            "--pgport",
            str(found.monitor_port),
            *common,
        )
        found.run("monitor")
        for index, port in enumerate(found.node_ports, start=1):
            name = f"node{index}"
            found.autoctl(
                "create",
                "postgres",
                "--pgdata",
                found.data(name),
                "--pgport",
                str(port),
                "--name",
                name,
                "--dbname",
                DATABASE,
                "--monitor",
                found.monitor_uri,
                *common,
                timeout=90,
            )
            found.run(name)
            if index == 1:
                found.wait_for({port: "single"}, timeout=30)
        first, second = found.node_ports
        found.wait_for({first: "primary", second: "secondary"}, timeout=60)
        yield found
    finally:
        found.stop()


@dataclass
class Outcomes:
    """Each call's end time and result ("OK" or the error reason), per RPC."""

    calls: dict[str, list[tuple[float, str]]] = field(default_factory=lambda: {"create": [], "validate": []})
    acknowledged: list[str] = field(default_factory=list)  # ids of keys CreateKey returned
    unexpected: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, rpc: str, result: str) -> None:
        with self.lock:
            self.calls[rpc].append((time.monotonic(), result))

    def recovery(self, rpc: str) -> tuple[float | None, int]:
        """(seconds from the first failure to the next success, number of failures)."""
        calls = sorted(self.calls[rpc])
        failures = [t for t, result in calls if result != "OK"]
        if not failures:
            return None, 0
        first = failures[0]
        recovered = next((t for t, result in calls if result == "OK" and t > first), None)
        return (None if recovered is None else recovered - first), len(failures)


def _load(
    stub: keys_pb2_grpc.KeyServiceStub,
    rpc: str,
    call: Callable[[], Any],
    out: Outcomes,
    stop: threading.Event,
) -> None:
    while not stop.is_set():
        try:
            response = call()
        except grpc.RpcError as err:
            code = err.code()  # type: ignore[attr-defined]
            if code == grpc.StatusCode.DEADLINE_EXCEEDED:
                reason = "DEADLINE_EXCEEDED"
            else:
                try:
                    reason = decode_error(err).reason
                except AssertionError:
                    reason = f"{code.name} without google.rpc.Status"
            if reason not in ALLOWED_FAILURES:
                out.unexpected.append(f"{rpc}: {code.name} {reason}: {err.details()}")  # type: ignore[attr-defined]
            out.record(rpc, reason)
            time.sleep(0.05)
            continue
        if rpc == "create":
            with out.lock:
                out.acknowledged.append(response.key.id)
        out.record(rpc, "OK")


def _scalar_set(url: str, query: str) -> set[str]:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        return {str(row[0]) for row in conn.execute(query).fetchall()}


def test_switchover_under_load(formation: Formation) -> None:
    first, second = formation.node_ports
    primary_url = formation.node_url(first)
    sync_names = _scalar_set(
        primary_url.replace(f"/{DATABASE}", "/postgres"), "SHOW synchronous_standby_names"
    )
    assert sync_names != {""}, "expected synchronous replication to the secondary"

    prepare_database(formation.keyturn_url)
    server = ServerProcess(
        {
            "KEYTURN_DATABASE_URL": formation.keyturn_url,
            "KEYTURN_SECRET": TEST_SECRET,
            "KEYTURN_ROOT_KEY": TEST_ROOT_KEY,
            # Validations reach the database again and again, not only the cache.
            "KEYTURN_KEY_CACHE_TTL_SECONDS": "0.3",
            "KEYTURN_PRINCIPAL_CACHE_TTL_SECONDS": "0.3",
            "KEYTURN_USAGE_FLUSH_INTERVAL_SECONDS": "0.2",
            "KEYTURN_LOG_LEVEL": "WARNING",
        }
    ).start()
    out = Outcomes()
    stop = threading.Event()
    try:
        with channel(server.address, server.admin_token) as ch:
            keys = keys_pb2_grpc.KeyServiceStub(ch)
            tenant = make_tenant(keys)
            plaintexts = [create_key(keys, tenant.org).plaintext for _ in range(4)]

            def creating() -> Any:
                return keys.CreateKey(keys_pb2.CreateKeyRequest(organization_id=tenant.org), timeout=5)

            def validating(index: int) -> Callable[[], Any]:
                request = keys_pb2.ValidateKeyRequest(plaintext=plaintexts[index])
                return lambda: keys.ValidateKey(request, timeout=5)

            workers = [
                threading.Thread(target=_load, args=(keys, "create", creating, out, stop)) for _ in range(3)
            ]
            workers += [
                threading.Thread(target=_load, args=(keys, "validate", validating(i), out, stop))
                for i in range(4)
            ]
            for worker in workers:
                worker.start()
            time.sleep(2.0)
            switch_started = time.monotonic()
            formation.autoctl("perform", "switchover", "--pgdata", formation.data("monitor"), timeout=60)
            formation.wait_for({second: "primary", first: "secondary"}, timeout=30)
            switched = time.monotonic() - switch_started
            # Keep the load on until both RPCs have recovered (or 10 s have clearly passed).
            deadline = time.monotonic() + 12
            while time.monotonic() < deadline:
                if all(out.recovery(rpc)[0] is not None or out.recovery(rpc)[1] == 0 for rpc in out.calls):
                    break
                time.sleep(0.2)
            time.sleep(1.0)
            stop.set()
            for worker in workers:
                worker.join(15)

            new_primary = formation.node_url(second)
            stored_keys = _scalar_set(new_primary, "SELECT id FROM api_key")
            audited = _scalar_set(
                new_primary, "SELECT resource_id FROM audit_event WHERE action = 'key.create'"
            )
            verified = audit_pb2_grpc.AuditServiceStub(ch).VerifyAuditChain(
                audit_pb2.VerifyAuditChainRequest(), timeout=60
            )
            # The server's LISTEN connection is on the new primary again.
            deadline = time.monotonic() + 10
            listening: set[str] = set()
            while time.monotonic() < deadline and not listening:
                listening = _scalar_set(
                    new_primary,
                    "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN %'",
                )
                time.sleep(0.2)
    finally:
        stop.set()
        server.stop()

    figures = {rpc: out.recovery(rpc) for rpc in out.calls}
    totals = {rpc: len(calls) for rpc, calls in out.calls.items()}
    print(
        f"\nfailover: switchover took {switched:.1f}s; "
        + "; ".join(
            f"{rpc}: {totals[rpc]} calls, {failed} failed, recovery "
            + ("n/a" if seconds is None else f"{seconds:.2f}s")
            for rpc, (seconds, failed) in figures.items()
        )
        + f"; {len(out.acknowledged)} acknowledged creates; failures by reason "
        + str(Counter(r for calls in out.calls.values() for _t, r in calls if r != "OK"))
    )
    assert not out.unexpected, out.unexpected[:5]
    for rpc, (seconds, failed) in figures.items():
        if failed:
            assert seconds is not None and seconds < 10, f"{rpc} did not recover within 10 s"
        assert any(t > switch_started + switched and r == "OK" for t, r in out.calls[rpc]), rpc
    lost = set(out.acknowledged) - stored_keys
    assert not lost, f"{len(lost)} acknowledged creates lost"
    unaudited = set(out.acknowledged) - audited
    assert not unaudited, f"{len(unaudited)} acknowledged creates have no audit event"
    assert verified.ok, (verified.first_bad_sequence, verified.problem)
    assert listening, "the LISTEN connection did not reconnect to the new primary"
