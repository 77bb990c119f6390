"""`keyturn serve --workers 2`: ONE command, two worker processes on one port (SO_REUSEPORT)
over one PostgreSQL. The two-replica tests of test_replicas.py run against it, with one
channel pinned to each worker (found through each worker's own metrics endpoint); the audit
chain verifies after both wrote to it; a killed worker is restarted; SIGTERM drains both.
SQLite and port 0 are refused with a clear message."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import grpc
import pytest
from keyturn.v1 import access_pb2, access_pb2_grpc, audit_pb2, audit_pb2_grpc, keys_pb2_grpc
from prometheus_client.parser import text_string_to_metric_families

from tests.integration import test_replicas as two_replicas
from tests.integration.test_validate import create_key, make_tenant, outcome, validate
from tests.support import (
    TEST_ROOT_KEY,
    TEST_SECRET,
    ServerProcess,
    create_postgres_database,
    decode_error,
    free_port,
    prepare_database,
    with_token,
)

IDENTITY = "/keyturn.v1.AccessService/GetCallerIdentity"


def metrics_port_pair() -> int:
    """A port p with p and p + 1 both free (worker i serves metrics on p + i)."""
    for _ in range(50):
        port = free_port()
        try:
            import socket

            with socket.socket() as probe:
                probe.bind(("127.0.0.1", port + 1))
            return port
        except OSError:
            continue
    raise RuntimeError("no two consecutive free ports")


@pytest.fixture(scope="module")
def workers(postgres_admin_url: str) -> Iterator[ServerProcess]:
    url = create_postgres_database(postgres_admin_url)
    prepare_database(url)
    metrics = metrics_port_pair()
    env = {
        "KEYTURN_DATABASE_URL": url,
        "KEYTURN_SECRET": TEST_SECRET,
        "KEYTURN_ROOT_KEY": TEST_ROOT_KEY,
        "KEYTURN_USAGE_FLUSH_INTERVAL_SECONDS": "0.2",
        "KEYTURN_KEY_CACHE_TTL_SECONDS": "30",
        "KEYTURN_PRINCIPAL_CACHE_TTL_SECONDS": "30",
        "KEYTURN_LOG_LEVEL": "WARNING",
        "KEYTURN_WORKERS": "2",
        "KEYTURN_METRICS_LISTEN": f"127.0.0.1:{metrics}",
    }
    server = ServerProcess(env).start()
    wait_for_both_workers(metrics)
    try:
        yield server
    finally:
        server.stop()


def wait_for_both_workers(metrics: int) -> None:
    deadline = time.monotonic() + 30
    for port in (metrics, metrics + 1):
        while True:
            try:
                scrape(port)
                break
            except OSError:
                assert time.monotonic() < deadline, f"worker metrics on {port} never came up"
                time.sleep(0.1)


def metrics_ports(server: ServerProcess) -> tuple[int, int]:
    first = int(server.env["KEYTURN_METRICS_LISTEN"].rpartition(":")[2])
    return first, first + 1


def scrape(port: int) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as response:
        body = response.read().decode()
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(body)
        for s in family.samples
    }


def identity_calls(port: int) -> float:
    return scrape(port).get(("keyturn_rpc_calls_total", (("code", "OK"), ("method", IDENTITY))), 0.0)


def own_connection(address: str) -> grpc.Channel:
    """A channel with its own TCP connection (no subchannel shared with other channels), so
    the kernel picks a worker for it alone."""
    return grpc.insecure_channel(address, options=[("grpc.use_local_subchannel_pool", 1)])


@pytest.fixture(scope="module")
def pinned(workers: ServerProcess) -> Iterator[tuple[grpc.Channel, grpc.Channel]]:
    """One authenticated channel on worker 0 and one on worker 1."""
    ports = metrics_ports(workers)
    found: dict[int, grpc.Channel] = {}
    spare: list[grpc.Channel] = []
    for _ in range(64):
        raw = own_connection(workers.address)
        ch = with_token(raw, workers.admin_token)
        before = [identity_calls(p) for p in ports]
        access_pb2_grpc.AccessServiceStub(ch).GetCallerIdentity(
            access_pb2.GetCallerIdentityRequest(), timeout=10
        )
        after = [identity_calls(p) for p in ports]
        index = 0 if after[0] > before[0] else 1
        assert after[index] == before[index] + 1
        if index in found:
            spare.append(raw)
        else:
            found[index] = ch
        if len(found) == 2:
            break
    assert len(found) == 2, "every connection went to the same worker"
    for raw in spare:
        raw.close()
    yield found[0], found[1]


@pytest.fixture(scope="module")
def stubs(
    pinned: tuple[grpc.Channel, grpc.Channel],
) -> tuple[keys_pb2_grpc.KeyServiceStub, keys_pb2_grpc.KeyServiceStub]:
    return keys_pb2_grpc.KeyServiceStub(pinned[0]), keys_pb2_grpc.KeyServiceStub(pinned[1])


def test_connections_are_spread_over_both_workers(workers: ServerProcess) -> None:
    ports = metrics_ports(workers)
    before = [identity_calls(p) for p in ports]
    channels = [with_token(own_connection(workers.address), workers.admin_token) for _ in range(16)]
    for ch in channels:
        access_pb2_grpc.AccessServiceStub(ch).GetCallerIdentity(
            access_pb2.GetCallerIdentityRequest(), timeout=10
        )
    after = [identity_calls(p) for p in ports]
    assert sum(after) - sum(before) == 16
    assert all(a > b for a, b in zip(after, before, strict=True)), (before, after)


def test_rate_limit_is_exact_across_workers(stubs: two_replicas.Stubs) -> None:
    two_replicas.test_rate_limit_is_exact_across_replicas(stubs)


def test_use_count_adds_up_across_workers(stubs: two_replicas.Stubs) -> None:
    two_replicas.test_use_count_adds_up_across_replicas(stubs)


def test_revoke_on_one_worker_reaches_the_other_within_a_second(stubs: two_replicas.Stubs) -> None:
    two_replicas.test_revoke_on_one_replica_reaches_the_other_within_a_second(stubs)


def test_update_on_one_worker_reaches_the_other(stubs: two_replicas.Stubs) -> None:
    two_replicas.test_update_on_one_replica_reaches_the_other(stubs)


def test_each_worker_has_its_own_listen_connection(workers: ServerProcess, stubs: two_replicas.Stubs) -> None:
    two_replicas.test_listener_reconnects_after_losing_its_connection((workers, workers), stubs)


def test_token_revoked_on_one_worker_is_refused_by_the_other_within_a_second(
    workers: ServerProcess, pinned: tuple[grpc.Channel, grpc.Channel]
) -> None:
    admin_a = access_pb2_grpc.AccessServiceStub(pinned[0])
    principal = admin_a.CreatePrincipal(
        access_pb2.CreatePrincipalRequest(
            principal=access_pb2.Principal(
                name="worker-crypto", roles=[access_pb2.RoleBinding(role=access_pb2.ROLE_CRYPTO)]
            )
        ),
        timeout=10,
    )
    issued = admin_a.CreatePrincipalToken(
        access_pb2.CreatePrincipalTokenRequest(principal_id=principal.id), timeout=10
    )
    # The same worker as pinned[1]: find a connection that lands there.
    ports = metrics_ports(workers)
    for _ in range(64):
        ch = with_token(own_connection(workers.address), issued.plaintext)
        who = access_pb2_grpc.AccessServiceStub(ch)
        before = identity_calls(ports[1])
        who.GetCallerIdentity(access_pb2.GetCallerIdentityRequest(), timeout=10)  # cached there now
        if identity_calls(ports[1]) > before:
            break
    else:
        raise AssertionError("no connection reached worker 1")
    admin_a.RevokePrincipalToken(access_pb2.RevokePrincipalTokenRequest(id=issued.token.id), timeout=10)
    deadline = time.monotonic() + 1.0
    while True:
        try:
            who.GetCallerIdentity(access_pb2.GetCallerIdentityRequest(), timeout=5)
        except grpc.RpcError as err:
            assert decode_error(err).reason == "CALLER_UNAUTHENTICATED"
            break
        assert time.monotonic() < deadline, "worker 1 still accepts a token revoked on worker 0"
        time.sleep(0.02)


def test_audit_chain_verifies_after_both_workers_wrote(
    stubs: two_replicas.Stubs, pinned: tuple[grpc.Channel, grpc.Channel]
) -> None:
    a, _ = stubs
    tenant = make_tenant(a)
    created = create_key(a, tenant.org, scopes=("read",))
    # Failed validations are audited (default level) by whichever worker served them.
    calls = two_replicas.alternating(
        stubs, lambda s: validate(s, created.plaintext, required_scopes=["x"]), 200
    )
    with ThreadPoolExecutor(16) as pool:
        assert set(pool.map(outcome, calls)) == {"INSUFFICIENT_SCOPE"}
    audit = audit_pb2_grpc.AuditServiceStub(pinned[1])
    deadline = time.monotonic() + 10
    while True:
        events = audit.ListAuditEvents(
            audit_pb2.ListAuditEventsRequest(
                filter=audit_pb2.AuditEventFilter(key_id=created.key.id, actions=["key.validate"]),
                page_size=1000,
            ),
            timeout=10,
        ).events
        if len(events) >= 200 or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    assert len(events) == 200
    verdict = audit.VerifyAuditChain(audit_pb2.VerifyAuditChainRequest(), timeout=30)
    assert verdict.ok, verdict.problem
    assert verdict.events_checked >= 200


def _children(pid: int) -> list[int]:
    return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def test_a_killed_worker_is_restarted(workers: ServerProcess) -> None:
    assert workers.proc is not None
    before = _children(workers.proc.pid)
    assert len(before) == 2
    os.kill(before[0], signal.SIGKILL)
    deadline = time.monotonic() + 30
    while True:
        now = _children(workers.proc.pid)
        if len(now) == 2 and before[0] not in now:
            break
        assert time.monotonic() < deadline, "the killed worker was not restarted"
        time.sleep(0.1)
    wait_for_both_workers(metrics_ports(workers)[0])
    assert "worker exited; restarting" in workers.log()
    # Both serve: every one of 16 fresh connections is answered.
    for _ in range(16):
        ch = with_token(own_connection(workers.address), workers.admin_token)
        access_pb2_grpc.AccessServiceStub(ch).GetCallerIdentity(
            access_pb2.GetCallerIdentityRequest(), timeout=10
        )
        ch.close()


def test_sigterm_drains_every_worker(postgres_admin_url: str) -> None:
    url = create_postgres_database(postgres_admin_url)
    prepare_database(url)
    server = ServerProcess(
        {
            "KEYTURN_DATABASE_URL": url,
            "KEYTURN_SECRET": TEST_SECRET,
            "KEYTURN_ROOT_KEY": TEST_ROOT_KEY,
            "KEYTURN_WORKERS": "2",
        }
    ).start()
    assert server.proc is not None
    children = _children(server.proc.pid)
    assert len(children) == 2
    # Both workers must be up (signal handlers installed) before the stop: the health check
    # that started the test was answered by whichever worker came up first.
    deadline = time.monotonic() + 20
    while server.log().count('"message": "serving"') < 2:
        assert time.monotonic() < deadline, "the second worker never came up"
        time.sleep(0.1)
    # Usage recorded just before the stop is flushed by the worker that served it.
    with own_connection(server.address) as raw:
        stub = keys_pb2_grpc.KeyServiceStub(with_token(raw, server.admin_token))
        tenant = make_tenant(stub)
        created = create_key(stub, tenant.org)
        for _ in range(5):
            validate(stub, created.plaintext)
    server.proc.send_signal(signal.SIGTERM)
    assert server.proc.wait(30) == 0
    for pid in children:
        assert not Path(f"/proc/{pid}").exists() or "zombie" in Path(f"/proc/{pid}/status").read_text()
    log = server.log()
    assert log.count("shutdown complete") == 2, log[-2000:]
    import psycopg

    with psycopg.connect(url) as conn:
        row = conn.execute("SELECT use_count FROM api_key WHERE id = %s", (created.key.id,)).fetchone()
    assert row is not None and row[0] == 5


def _serve(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "keyturn_server.cli", "serve", *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_sqlite_is_refused_with_a_reason(tmp_path: Path) -> None:
    done = _serve(
        {"KEYTURN_LISTEN": f"127.0.0.1:{free_port()}", "KEYTURN_DATA_DIR": str(tmp_path)}, "--workers", "2"
    )
    assert done.returncode == 2
    assert "--workers > 1 needs PostgreSQL" in done.stderr


def test_port_zero_and_a_bad_count_are_refused(postgres_admin_url: str) -> None:
    url = create_postgres_database(postgres_admin_url)
    env = {"KEYTURN_DATABASE_URL": url, "KEYTURN_SECRET": TEST_SECRET, "KEYTURN_ROOT_KEY": TEST_ROOT_KEY}
    done = _serve({**env, "KEYTURN_LISTEN": "127.0.0.1:0"}, "--workers", "2")
    assert done.returncode == 2 and "fixed port" in done.stderr
    done = _serve({**env, "KEYTURN_LISTEN": "127.0.0.1:1"}, "--workers", "none")
    assert done.returncode == 2 and "--workers must be a number or auto" in done.stderr


def test_a_busy_port_is_one_line_before_any_migration(postgres_admin_url: str) -> None:
    import socket

    url = create_postgres_database(postgres_admin_url)  # not migrated: --migrate would change it
    env = {"KEYTURN_DATABASE_URL": url, "KEYTURN_SECRET": TEST_SECRET, "KEYTURN_ROOT_KEY": TEST_ROOT_KEY}
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        done = _serve({**env, "KEYTURN_LISTEN": f"127.0.0.1:{port}"}, "--workers", "2", "--migrate")
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0 and "cannot listen on" in done.stderr
    import psycopg

    with psycopg.connect(url) as conn:
        tables = conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()
    assert tables is not None and tables[0] == 0
