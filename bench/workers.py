#!/usr/bin/env python3
"""ValidateKey on `keyturn serve --workers 2` against `--workers 1`, same run; and how soon a
revocation on one worker is seen by the other.

    python bench/workers.py                      # own PostgreSQL cluster
    python bench/workers.py --calls 40000 --clients 2

What it does:
1. Starts a throwaway PostgreSQL cluster (tests.support.PostgresCluster) unless
   --database-url is given, migrates one database, and starts TWO servers on it at once:
   `keyturn serve --workers 1` and `keyturn serve --workers 2` (each on its own port; the
   idle one costs next to nothing), so both are measured in the same run on the same data.
2. Creates --keys keys (rate limit 10**9 per DAY, usage on).
3. Alternating between the two servers for --rounds rounds after a warm-up: --clients
   load-generator processes, each with --connections channels of their own TCP connection
   (the kernel spreads connections, not calls, over the workers) and --concurrency calls in
   flight, run ValidateKey. The load generators share the machine's cores with the servers.
4. Prints RPS, p50, p99 per server (median round) and the ratio workers=2 / workers=1
   (target >= 1.3 on a 2-core machine).
5. Revocation across workers: a channel pinned to each worker of the --workers 2 server
   (through the workers' metrics endpoints); --revocations times: a new key validated on
   both (cached), revoked through worker 0, then validated on worker 1 in a loop until it
   answers KEY_REVOKED. Prints p50/p99/max of that delay (target p99 <= 100 ms).

A benchmark, not a test: it prints numbers and never fails on them.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.validate import create_keys, log, percentile  # noqa: E402


async def _drive(
    address: str, calls: int, concurrency: int, connections: int, keys: list[str], product_id: str, token: str
) -> dict[str, Any]:
    import grpc
    from keyturn.v1 import keys_pb2, keys_pb2_grpc

    metadata = (("authorization", f"Bearer {token}"),)
    channels = [
        grpc.aio.insecure_channel(address, options=[("grpc.use_local_subchannel_pool", 1)])
        for _ in range(connections)
    ]
    stubs = [keys_pb2_grpc.KeyServiceStub(ch) for ch in channels]
    requests = [
        keys_pb2.ValidateKeyRequest(plaintext=key, product_id=product_id, required_scopes=["read"])
        for key in keys
    ]
    latencies: list[float] = []
    errors: dict[str, int] = {}
    counter = iter(range(calls))

    async def worker(n: int) -> None:
        stub = stubs[n % len(stubs)]
        for i in counter:
            started = time.perf_counter()
            try:
                await stub.ValidateKey(requests[i % len(requests)], metadata=metadata)
                latencies.append(time.perf_counter() - started)
            except grpc.RpcError as err:
                errors[err.code().name] = errors.get(err.code().name, 0) + 1

    for stub in stubs:  # connect every channel before the clock starts
        await stub.ValidateKey(requests[0], metadata=metadata)
    started = time.perf_counter()
    await asyncio.gather(*(worker(n) for n in range(concurrency)))
    wall = time.perf_counter() - started
    for ch in channels:
        await ch.close()
    return {"ok": len(latencies), "errors": errors, "wall": wall, "latencies": latencies}


def load_generator(job: dict[str, Any]) -> dict[str, Any]:
    return asyncio.run(_drive(**job))


def measure(pool: Any, clients: int, job: dict[str, Any]) -> dict[str, Any]:
    per_client = {**job, "calls": job["calls"] // clients}
    results = pool.map(load_generator, [per_client] * clients)
    latencies = sorted(x for r in results for x in r["latencies"])
    wall = max(r["wall"] for r in results)
    errors: dict[str, int] = {}
    for r in results:
        for name, n in r["errors"].items():
            errors[name] = errors.get(name, 0) + n
    return {
        "rps": len(latencies) / wall if wall else 0.0,
        "p50_ms": percentile(latencies, 0.5) * 1e3,
        "p99_ms": percentile(latencies, 0.99) * 1e3,
        "errors": errors,
    }


def revocation_delays(server: Any, token: str, count: int) -> list[float]:
    import grpc
    from keyturn.v1 import keys_pb2, keys_pb2_grpc
    from tests.test_workers import identity_calls, metrics_ports, own_connection

    from tests.support import decode_error, with_token

    ports = metrics_ports(server)
    pinned: dict[int, keys_pb2_grpc.KeyServiceStub] = {}
    from keyturn.v1 import access_pb2, access_pb2_grpc

    for _ in range(64):
        ch = with_token(own_connection(server.address), token)
        before = [identity_calls(p) for p in ports]
        access_pb2_grpc.AccessServiceStub(ch).GetCallerIdentity(
            access_pb2.GetCallerIdentityRequest(), timeout=10
        )
        after = [identity_calls(p) for p in ports]
        pinned.setdefault(0 if after[0] > before[0] else 1, keys_pb2_grpc.KeyServiceStub(ch))
        if len(pinned) == 2:
            break
    a, b = pinned[0], pinned[1]
    org = a.CreateOrganization(keys_pb2.CreateOrganizationRequest(name=f"revoke-{time.time_ns()}")).id
    delays: list[float] = []
    for _ in range(count):
        created = a.CreateKey(keys_pb2.CreateKeyRequest(organization_id=org))
        request = keys_pb2.ValidateKeyRequest(plaintext=created.plaintext)
        a.ValidateKey(request)
        b.ValidateKey(request)
        a.RevokeKey(keys_pb2.RevokeKeyRequest(id=created.key.id))
        revoked = time.perf_counter()
        while True:
            try:
                b.ValidateKey(request, timeout=5)
            except grpc.RpcError as err:
                assert decode_error(err).reason == "KEY_REVOKED"
                break
        delays.append(time.perf_counter() - revoked)
    return sorted(delays)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", help="an existing PostgreSQL database (default: start a cluster)")
    parser.add_argument("--calls", type=int, default=30_000, help="calls per measured round and server")
    parser.add_argument("--warmup", type=int, default=3_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--clients", type=int, default=2, help="load-generator processes")
    parser.add_argument("--connections", type=int, default=8, help="channels per load generator")
    parser.add_argument("--concurrency", type=int, default=32, help="calls in flight per load generator")
    parser.add_argument("--keys", type=int, default=64)
    parser.add_argument("--revocations", type=int, default=50)
    args = parser.parse_args()

    from tests.test_workers import metrics_port_pair, wait_for_both_workers

    from tests.support import TEST_ROOT_KEY, TEST_SECRET, PostgresCluster, ServerProcess, prepare_database

    cluster: PostgresCluster | None = None
    servers: dict[int, ServerProcess] = {}
    pool = multiprocessing.get_context("spawn").Pool(args.clients)
    try:
        if args.database_url:
            database_url = args.database_url
        else:
            log("starting a PostgreSQL cluster")
            cluster = PostgresCluster.start()
            database_url = cluster.create_database()
        prepare_database(database_url)
        env = {
            "KEYTURN_DATABASE_URL": database_url,
            "KEYTURN_SECRET": TEST_SECRET,
            "KEYTURN_ROOT_KEY": TEST_ROOT_KEY,
            "KEYTURN_LOG_LEVEL": "INFO",
        }
        servers[1] = ServerProcess({**env, "KEYTURN_WORKERS": "1"}).start()
        metrics = metrics_port_pair()
        servers[2] = ServerProcess(
            {**env, "KEYTURN_WORKERS": "2", "KEYTURN_METRICS_LISTEN": f"127.0.0.1:{metrics}"},
            admin_token=servers[1].admin_token,
        ).start()
        wait_for_both_workers(metrics)
        token = servers[1].admin_token
        product, keys = create_keys(servers[1].address, args.keys, token)
        log(f"--workers 1 on {servers[1].address}, --workers 2 on {servers[2].address}; {len(keys)} keys")

        def job(workers: int, calls: int) -> dict[str, Any]:
            spec = {
                "address": servers[workers].address,
                "calls": calls,
                "concurrency": args.concurrency,
                "connections": args.connections,
                "keys": keys,
                "product_id": product,
                "token": token,
            }
            return measure(pool, args.clients, spec)

        job(1, args.warmup)
        job(2, args.warmup)
        rounds: dict[int, list[dict[str, Any]]] = {1: [], 2: []}
        for number in range(args.rounds):
            for workers in (1, 2):
                result = job(workers, args.calls)
                rounds[workers].append(result)
                log(
                    f"round {number + 1} --workers {workers}: {result['rps']:8.0f} rps  p50 {result['p50_ms']:.2f} ms  "
                    f"p99 {result['p99_ms']:.2f} ms  errors {result['errors'] or 'none'}"
                )

        def median(workers: int, field: str) -> float:
            return float(statistics.median(r[field] for r in rounds[workers]))

        delays = revocation_delays(servers[2], token, args.revocations)
        print(
            f"PostgreSQL, {args.clients} load generators x {args.connections} connections x {args.concurrency} "
            f"in flight, {args.calls} calls x {args.rounds} rounds (median)"
        )
        print(f"{'server':28s} {'RPS':>9s} {'p50 ms':>8s} {'p99 ms':>8s}")
        for workers in (1, 2):
            print(
                f"{'keyturn serve --workers ' + str(workers):28s} {median(workers, 'rps'):9.0f} "
                f"{median(workers, 'p50_ms'):8.2f} {median(workers, 'p99_ms'):8.2f}"
            )
        print(f"ratio --workers 2 / --workers 1: {median(2, 'rps') / median(1, 'rps'):.2f} (target >= 1.3)")
        print(
            f"revocation seen by the other worker ({len(delays)} revocations): p50 {percentile(delays, 0.5) * 1e3:.1f} ms"
            f"  p99 {percentile(delays, 0.99) * 1e3:.1f} ms  max {delays[-1] * 1e3:.1f} ms (target p99 <= 100 ms)"
        )
    finally:
        pool.close()
        for server in servers.values():
            server.stop()
        if cluster is not None:
            cluster.stop()


if __name__ == "__main__":
    main()
