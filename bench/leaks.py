"""ReportLeakedKeys latency by what the candidates are (a benchmark, not a test).

    python -m bench.leaks [--batch 1000] [--keys 200] [--rounds 5]
                          [--oracle-keys 20] [--oracle-rounds 40] [--backend sqlite|postgresql]

Starts a server on a temporary, migrated database (SQLite, or a throwaway PostgreSQL
cluster) and times one ReportLeakedKeys call of `--batch` candidates that fail the checksum
(no database work), of `--batch` well-formed strings that match no key (one indexed
lookup), and of `--keys` real keys (lookup, lock, revoke, events and audit in one
transaction; fresh keys per round).

Then the timing-oracle check (usecases/leaks.py): a key manager of one organization reports
`--oracle-keys` live keys of ANOTHER organization (answered NOT_FOUND, revoked just after the
answer) and, alternating round by round, as many well-formed strings that match no key;
fresh keys every round, back to back as a prober would, in a random order per round. It prints both medians and their
ratio (about 1.0 when the call's latency does not tell the two apart) and checks that the
foreign keys did get revoked. Client and server share the machine, so the numbers are for
comparing changes, not for capacity planning.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import grpc
from keyturn.v1 import access_pb2, access_pb2_grpc, keys_pb2, keys_pb2_grpc
from keyturn_server.domain import keyformat
from keyturn_server.store import migrate

from tests.support import PostgresCluster, ServerThread, create_postgres_database, make_settings, with_token


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


def oracle(address: str, token: str, count: int, rounds: int) -> None:
    """N foreign live keys vs N unknown strings, reported by a caller who may not see them."""
    with grpc.insecure_channel(address) as raw:
        admin = with_token(raw, token)
        stub = keys_pb2_grpc.KeyServiceStub(admin)
        mine = stub.CreateOrganization(keys_pb2.CreateOrganizationRequest(name="bench-reporter")).id
        theirs = stub.CreateOrganization(keys_pb2.CreateOrganizationRequest(name="bench-victim")).id
        access = access_pb2_grpc.AccessServiceStub(admin)
        binding = access_pb2.RoleBinding(role=access_pb2.ROLE_KEY_MANAGER, organization_id=mine)
        reporter = access.CreatePrincipal(
            access_pb2.CreatePrincipalRequest(
                principal=access_pb2.Principal(name="bench-reporter", roles=[binding])
            )
        )
        reporter_token = access.CreatePrincipalToken(
            access_pb2.CreatePrincipalTokenRequest(principal_id=reporter.id)
        ).plaintext
        foreign_sets = [
            [stub.CreateKey(keys_pb2.CreateKeyRequest(organization_id=theirs)) for _ in range(count)]
            for _ in range(rounds)
        ]
        unknown_sets = [[keyformat.generate("kt", "live") for _ in range(count)] for _ in range(rounds)]
        with grpc.insecure_channel(address) as reporter_raw:
            as_reporter = keys_pb2_grpc.KeyServiceStub(with_token(reporter_raw, reporter_token))
            for _ in range(3):  # warm up: connection, caches, statement caches
                report(as_reporter, [keyformat.generate("kt", "live") for _ in range(count)])
            foreign: list[float] = []
            unknown: list[float] = []
            order = random.Random(7)
            for index in range(rounds):
                # A random order each round: drift, and the work applied just after the previous
                # calls' answers, land on both kinds alike (a fixed pattern could alias with it).
                pairs = [
                    (foreign, [k.plaintext for k in foreign_sets[index]]),
                    (unknown, unknown_sets[index]),
                ]
                order.shuffle(pairs)
                for samples, tokens in pairs:
                    started = time.perf_counter()
                    answer = report(as_reporter, tokens)
                    samples.append(time.perf_counter() - started)
                    assert all(r.result == keys_pb2.LEAKED_KEY_RESULT_NOT_FOUND for r in answer.reports)
        foreign_p50, unknown_p50 = statistics.median(foreign), statistics.median(unknown)
        print(
            f"{count} foreign live keys   p50 {foreign_p50 * 1000:8.2f} ms  (n={rounds})\n"
            f"{count} unknown strings     p50 {unknown_p50 * 1000:8.2f} ms  (n={rounds})\n"
            f"ratio foreign/unknown   {foreign_p50 / unknown_p50:.3f}"
        )
        deadline = time.monotonic() + 30
        last = foreign_sets[-1][-1].key.id
        while stub.GetKey(keys_pb2.GetKeyRequest(id=last)).status != keys_pb2.KEY_STATUS_REVOKED:
            if time.monotonic() > deadline:
                raise SystemExit("the foreign keys were not revoked after the answer")
            time.sleep(0.05)
        revoked = sum(
            stub.GetKey(keys_pb2.GetKeyRequest(id=k.key.id)).status == keys_pb2.KEY_STATUS_REVOKED
            for keys in foreign_sets
            for k in keys
        )
        print(f"foreign keys revoked    {revoked}/{count * rounds}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--batch", type=int, default=1000)
    parser.add_argument("--keys", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--oracle-keys", type=int, default=20, help="keys per call of the oracle check")
    parser.add_argument(
        "--oracle-rounds", type=int, default=40, help="calls of each kind in the oracle check"
    )
    parser.add_argument("--backend", choices=("sqlite", "postgresql"), default="sqlite")
    parser.add_argument("--skip-batches", action="store_true", help="only the timing-oracle check")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="keyturn-bench-") as tmp:
        cluster = PostgresCluster.start() if args.backend == "postgresql" else None
        try:
            if cluster is not None:
                url = create_postgres_database(cluster.admin_url)
            else:
                url = f"sqlite:///{Path(tmp) / 'keyturn.db'}"
            migrate.upgrade(url)
            server = ServerThread(make_settings(url, Path(tmp))).start()
            try:
                print(f"backend: {args.backend}")
                if not args.skip_batches:
                    run(server.address, server.admin_token, args.batch, args.keys, args.rounds)
                oracle(server.address, server.admin_token, args.oracle_keys, args.oracle_rounds)
            finally:
                server.stop()
        finally:
            if cluster is not None:
                cluster.stop()


if __name__ == "__main__":
    main()
