"""Fault test: PostgreSQL stops under load and comes back.

The test starts a PostgreSQL cluster of its own (so stopping it harms no other test), runs a
real server on it, drives CreateKey and ValidateKey from threads, stops PostgreSQL with
`pg_ctl stop -m fast` for about three seconds, starts it again, and counts status codes.

What must hold: no INTERNAL or UNKNOWN, UNAVAILABLE answers carry RetryInfo, every
acknowledged CreateKey exists afterwards with its `key.create` audit event, and service
recovers quickly once the database is back.
"""

from __future__ import annotations

import collections
import logging
import os
import signal
import subprocess
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import grpc
import pytest
from google.rpc import error_details_pb2
from keyturn.v1 import audit_pb2, audit_pb2_grpc, keys_pb2, keys_pb2_grpc

from tests.support import (
    PostgresCluster,
    ServerThread,
    _pg_bin,
    channel,
    decode_error,
    make_settings,
    prepare_database,
)

OUTAGE_SECONDS = 3.0
WORKERS = 4
CALL_TIMEOUT = 2.0


@pytest.fixture
def cluster() -> Iterator[PostgresCluster]:
    own = PostgresCluster.start()
    try:
        yield own
    finally:
        own.stop()


def _pg_ctl(cluster: PostgresCluster, *args: str) -> None:
    subprocess.run(
        [*cluster.run_as, _pg_bin("pg_ctl"), "-D", str(cluster.root / "data"), *args],
        check=True,
        capture_output=True,
    )


def _stop_fast(cluster: PostgresCluster, timeout: float = 60) -> None:
    """What `pg_ctl -m fast -w stop` does, without forking pg_ctl from this busy, threaded
    process (pg_ctl died of SIGSEGV/SIGBUS there now and then): SIGINT to the postmaster (a
    fast shutdown), then wait until it has exited."""
    pid = int((cluster.root / "data" / "postmaster.pid").read_text().split()[0])
    os.kill(pid, signal.SIGINT)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    raise TimeoutError(f"the postmaster {pid} did not stop within {timeout} s")


def _start_again(cluster: PostgresCluster) -> None:
    options = (
        f"-p {cluster.port} -k {cluster.root} -c listen_addresses=127.0.0.1 -c fsync=off "
        "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
    )
    _pg_ctl(cluster, "-o", options, "-l", str(cluster.root / "log"), "-w", "-t", "60", "start")


class Load:
    """Threads calling CreateKey and ValidateKey in a loop, tallying status codes."""

    def __init__(self, address: str, org: str, plaintext: str) -> None:
        self.address = address
        self.org = org
        self.plaintext = plaintext
        self.codes: collections.Counter[str] = collections.Counter()
        self.unavailable_without_retry_info = 0
        self.acknowledged: list[str] = []
        self.ok_times: list[float] = []
        self.problems: list[str] = []
        self.stop = threading.Event()
        self._lock = threading.Lock()
        self._threads = [threading.Thread(target=self._run, args=(i,), daemon=True) for i in range(WORKERS)]

    def start(self) -> None:
        for thread in self._threads:
            thread.start()

    def join(self) -> None:
        self.stop.set()
        for thread in self._threads:
            thread.join(30)

    def _note(self, code: str, err: grpc.RpcError | None = None) -> None:
        with self._lock:
            self.codes[code] += 1
            if err is None:
                self.ok_times.append(time.monotonic())
                return
        if code in ("DEADLINE_EXCEEDED", "CANCELLED"):
            return
        try:
            decoded = decode_error(err)
        except AssertionError as exc:
            with self._lock:
                self.problems.append(f"{code}: {exc}")
            return
        if code == "UNAVAILABLE" and decoded.detail(error_details_pb2.RetryInfo) is None:
            with self._lock:
                self.unavailable_without_retry_info += 1

    def _run(self, index: int) -> None:
        with channel(self.address) as ch:
            stub = keys_pb2_grpc.KeyServiceStub(ch)
            turn = 0
            while not self.stop.is_set():
                turn += 1
                try:
                    if turn % 2:
                        created = stub.CreateKey(
                            keys_pb2.CreateKeyRequest(
                                organization_id=self.org,
                                metadata=keys_pb2.KeyMetadata(name=f"fault-{index}-{turn}"),
                            ),
                            timeout=CALL_TIMEOUT,
                        )
                        with self._lock:
                            self.acknowledged.append(created.key.id)
                    else:
                        stub.ValidateKey(
                            keys_pb2.ValidateKeyRequest(plaintext=self.plaintext), timeout=CALL_TIMEOUT
                        )
                    self._note("OK")
                except grpc.RpcError as err:
                    self._note(err.code().name, err)  # type: ignore[attr-defined]
                    time.sleep(0.02)


def test_postgres_outage_under_load(
    cluster: PostgresCluster, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    url = cluster.create_database()
    prepare_database(url)
    server = ServerThread(make_settings(url, tmp_path)).start()
    try:
        with channel(server.address) as ch:
            stub = keys_pb2_grpc.KeyServiceStub(ch)
            org = stub.CreateOrganization(
                keys_pb2.CreateOrganizationRequest(name=f"o-{uuid.uuid4().hex[:8]}")
            ).id
            plaintext = stub.CreateKey(keys_pb2.CreateKeyRequest(organization_id=org)).plaintext
        caplog.set_level(logging.INFO)
        load = Load(server.address, org, plaintext)
        load.start()
        time.sleep(1.0)
        _stop_fast(cluster)
        time.sleep(OUTAGE_SECONDS)
        _start_again(cluster)
        back = time.monotonic()
        time.sleep(3.0)
        load.join()

        recovered = [t for t in load.ok_times if t >= back]
        recovery_ms = round((recovered[0] - back) * 1000) if recovered else None
        tracebacks = [r for r in caplog.records if r.exc_info]
        print(
            f"\noutage histogram: {dict(sorted(load.codes.items()))}; recovery {recovery_ms} ms; "
            f"acknowledged CreateKey {len(load.acknowledged)}; log records with a traceback "
            f"{len(tracebacks)} ({collections.Counter(r.getMessage() for r in tracebacks)})"
        )

        assert not load.problems, load.problems[:5]
        assert load.codes["INTERNAL"] == 0 and load.codes["UNKNOWN"] == 0, dict(load.codes)
        assert load.codes["UNAVAILABLE"] > 0, dict(load.codes)
        assert load.unavailable_without_retry_info == 0
        assert recovery_ms is not None and recovery_ms < 2000, recovery_ms
        # No RPC logs a traceback for an outage; background paths log one line per retry.
        assert not [r for r in tracebacks if r.name == "keyturn.rpc"]

        with channel(server.address) as ch:
            keys = keys_pb2_grpc.KeyServiceStub(ch)
            audit = audit_pb2_grpc.AuditServiceStub(ch)
            for key_id in load.acknowledged:
                assert keys.GetKey(keys_pb2.GetKeyRequest(id=key_id), timeout=5).id == key_id
                events = audit.ListAuditEvents(
                    audit_pb2.ListAuditEventsRequest(
                        filter=audit_pb2.AuditEventFilter(key_id=key_id, actions=["key.create"])
                    ),
                    timeout=5,
                ).events
                assert len(events) == 1, key_id
    finally:
        server.stop()
