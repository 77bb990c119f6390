"""ReportLeakedKeys latency by what the candidates are (a benchmark, not a test).

    python -m bench.leaks [--batch 1000] [--keys 200] [--rounds 5]

Starts a server on a temporary, migrated SQLite database and times one ReportLeakedKeys call
of `--batch` candidates that fail the checksum (no database work), of `--batch` well-formed
strings that match no key (one indexed lookup), and of `--keys` real keys (lookup, lock,
revoke, events and audit in one transaction; fresh keys per round). Client and server share
the machine, so the numbers are for comparing changes, not for capacity planning.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import grpc
from keyturn.v1 import keys_pb2, keys_pb2_grpc
from keyturn_server.domain import keyformat
from keyturn_server.store import migrate

from tests.support import ServerThread, make_settings, with_token


def timed(call: Callable[[], object], rounds: int) -> list[float]:
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        call()
        samples.append(time.perf_counter() - started)
    return samples


def report(stub: keys_pb2_grpc.KeyServiceStub, tokens: list[str]) -> keys_pb2.ReportLeakedKeysResponse:
    request = keys_pb2.ReportLeakedKeysRequest(
        candidates=[keys_pb2.LeakedKeyCandidate(token=t, source="bench", url="https://bench") for t in tokens]
    )
    response: keys_pb2.ReportLeakedKeysResponse = stub.ReportLeakedKeys(request, timeout=120)
    return response


def run(address: str, token: str, batch: int, keys: int, rounds: int) -> None:
    with grpc.insecure_channel(address) as raw:
        stub = keys_pb2_grpc.KeyServiceStub(with_token(raw, token))
        org = stub.CreateOrganization(keys_pb2.CreateOrganizationRequest(name="bench")).id

        def bad_checksum() -> str:
            key = keyformat.generate("kt", "live")
            return key[:-1] + ("A" if key[-1] != "A" else "B")

        not_keys = [bad_checksum() for _ in range(batch)]
        unknown = [keyformat.generate("kt", "live") for _ in range(batch)]
        fresh_sets = [
            [stub.CreateKey(keys_pb2.CreateKeyRequest(organization_id=org)).plaintext for _ in range(keys)]
            for _ in range(rounds)
        ]
        report(stub, not_keys[:10])  # warm up
        rows = [
            (f"{batch} NOT_A_KEY", timed(lambda: report(stub, not_keys), rounds)),
            (f"{batch} NOT_FOUND", timed(lambda: report(stub, unknown), rounds)),
        ]
        pending = iter(fresh_sets)
        rows.append((f"{keys} FOUND, revoked", timed(lambda: report(stub, next(pending)), rounds)))
        for label, samples in rows:
            print(
                f"{label:<22} p50 {statistics.median(samples) * 1000:8.1f} ms "
                f"(min {min(samples) * 1000:.1f}, max {max(samples) * 1000:.1f}, n={len(samples)})"
            )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--keys", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="keyturn-bench-") as tmp:
        url = f"sqlite:///{Path(tmp) / 'keyturn.db'}"
        migrate.upgrade(url)
        server = ServerThread(make_settings(url, Path(tmp))).start()
        try:
            run(server.address, server.admin_token, args.batch, args.keys, args.rounds)
        finally:
            server.stop()


if __name__ == "__main__":
    main()
