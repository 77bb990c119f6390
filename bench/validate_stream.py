#!/usr/bin/env python3
"""Validations per second over ONE ValidateKeys stream against unary ValidateKey, same run.

    python bench/validate_stream.py                 # own PostgreSQL cluster
    python bench/validate_stream.py --calls 50000 --concurrency 128

What it does:
1. Starts a throwaway PostgreSQL cluster (tests.support.PostgresCluster) unless
   --database-url is given, and `keyturn serve` on it (tests.support.ServerProcess).
2. Creates --keys keys (rate limit 10**9 per DAY, usage on: the limiter and the usage
   tracker run on every validation, as in bench/validate.py).
3. From a separate load-generator process, alternating for --rounds rounds after a warm-up:
   - unary: --concurrency ValidateKey calls in flight on one channel;
   - stream: the same number of validations in flight through keyturn.client's
     KeyValidator, which multiplexes them over one ValidateKeys stream.
4. Prints validations/s, p50 and p99 per validation for both (median round) and the ratio
   stream / unary (target >= 2).

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
    address: str, mode: str, calls: int, concurrency: int, keys: list[str], product_id: str, token: str
) -> dict[str, Any]:
    import grpc
    from keyturn.client import AsyncClient, KeyValidator
    from keyturn.v1 import keys_pb2, keys_pb2_grpc

    latencies: list[float] = []
    errors: dict[str, int] = {}
    counter = iter(range(calls))
    async with AsyncClient(address, token=token or None, timeout=30) as client:
        validator = KeyValidator(client)
        stub = keys_pb2_grpc.KeyServiceStub(client.channel)
        metadata = (("authorization", f"Bearer {token}"),) if token else None
        requests = [
            keys_pb2.ValidateKeyRequest(plaintext=key, product_id=product_id, required_scopes=["read"])
            for key in keys
        ]

        async def worker() -> None:
            for i in counter:
                started = time.perf_counter()
                try:
                    if mode == "stream":
                        await validator.validate(
                            keys[i % len(keys)], product_id=product_id, required_scopes=["read"]
                        )
                    else:
                        await stub.ValidateKey(requests[i % len(requests)], metadata=metadata)
                    latencies.append(time.perf_counter() - started)
                except Exception as err:  # grpc.RpcError (unary) or APIKeyError (stream)
                    name = err.code().name if isinstance(err, grpc.RpcError) else type(err).__name__
                    errors[name] = errors.get(name, 0) + 1

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        wall = time.perf_counter() - started
        await validator.close()
    latencies.sort()
    return {
        "mode": mode,
        "ok": len(latencies),
        "errors": errors,
        "rps": len(latencies) / wall if wall else 0.0,
        "p50_ms": percentile(latencies, 0.5) * 1e3,
        "p99_ms": percentile(latencies, 0.99) * 1e3,
    }


def load_generator(job: dict[str, Any]) -> dict[str, Any]:
    return asyncio.run(_drive(**job))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", help="an existing PostgreSQL database (default: start a cluster)")
    parser.add_argument("--calls", type=int, default=20_000, help="validations per measured round and mode")
    parser.add_argument("--warmup", type=int, default=2_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=64, help="validations in flight")
    parser.add_argument("--keys", type=int, default=64)
    args = parser.parse_args()

    from tests.support import (
        TEST_ROOT_KEY,
        TEST_SECRET,
        PostgresCluster,
        ServerProcess,
        prepare_database,
    )

    cluster: PostgresCluster | None = None
    server: ServerProcess | None = None
    pool = multiprocessing.get_context("spawn").Pool(1)
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
        server = ServerProcess(env).start()
        token = server.admin_token
        product, keys = create_keys(server.address, args.keys, token)
        log(f"keyturn serve on {server.address}; {len(keys)} keys")

        def job(mode: str, calls: int) -> dict[str, Any]:
            assert server is not None
            spec = {
                "address": server.address,
                "mode": mode,
                "calls": calls,
                "concurrency": args.concurrency,
                "keys": keys,
                "product_id": product,
                "token": token,
            }
            return pool.apply(load_generator, (spec,))

        job("unary", args.warmup)
        job("stream", args.warmup)
        rounds: dict[str, list[dict[str, Any]]] = {"unary": [], "stream": []}
        for number in range(args.rounds):
            for mode in ("unary", "stream"):
                result = job(mode, args.calls)
                rounds[mode].append(result)
                log(
                    f"round {number + 1} {mode:6s}: {result['rps']:8.0f}/s  p50 {result['p50_ms']:.2f} ms  "
                    f"p99 {result['p99_ms']:.2f} ms  errors {result['errors'] or 'none'}"
                )

        def median(mode: str, field: str) -> float:
            return float(statistics.median(r[field] for r in rounds[mode]))

        print(
            f"PostgreSQL, {args.concurrency} validations in flight, {args.calls} x {args.rounds} rounds (median)"
        )
        print(f"{'path':34s} {'valid/s':>9s} {'p50 ms':>8s} {'p99 ms':>8s}")
        for mode, label in (("unary", "ValidateKey (unary)"), ("stream", "ValidateKeys (one stream)")):
            print(
                f"{label:34s} {median(mode, 'rps'):9.0f} {median(mode, 'p50_ms'):8.2f} {median(mode, 'p99_ms'):8.2f}"
            )
        ratio = median("stream", "rps") / median("unary", "rps")
        print(f"ratio stream / unary: {ratio:.2f} (target >= 2)")
    finally:
        pool.close()
        if server is not None:
            server.stop()
        if cluster is not None:
            cluster.stop()


if __name__ == "__main__":
    main()
