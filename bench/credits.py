#!/usr/bin/env python3
"""ValidateKey with credits and two named limits against ValidateKey with one limit, same run.

    python bench/credits.py                        # own PostgreSQL cluster, 10000 calls each
    python bench/credits.py --database-url postgresql://postgres@127.0.0.1:5432/bench

What it does (the same machinery as bench/validate.py):
1. Starts a throwaway PostgreSQL cluster unless --database-url is given, migrates a fresh
   database and starts `keyturn serve` on it as a child process.
2. Creates --keys keys of each kind:
   - "one limit": the default rate limit 10**9 per DAY (as bench/validate.py);
   - "credits + two named limits": 10**12 credits, named limits `requests` 10**9 per DAY
     and `tokens` 10**12 per DAY; each call takes cost 1 and limits requests:1, tokens:5.
   Both are large enough never to refuse, so every call runs the limiter and the credits.
3. From a separate load-generator process keeps --concurrency calls in flight, alternating
   the health Check, the one-limit case and the credits case for --rounds rounds after a
   warm-up; reports the median round of each.
4. Prints RPS, p50, p99 and the ratio credits / one limit (target >= 0.8).

A benchmark, not a test: it prints numbers and never fails on them.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import statistics
import sys
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from validate import log, percentile  # noqa: E402  (bench/validate.py)

CASES = ("check", "one_limit", "credits_two_limits")
LABELS = {
    "check": "grpc.health.v1 Check",
    "one_limit": "ValidateKey, one limit",
    "credits_two_limits": "ValidateKey, credits + 2 limits",
}


async def _drive(
    address: str, case: str, calls: int, concurrency: int, keys: list[str], token: str
) -> dict[str, Any]:
    import grpc
    from grpc_health.v1 import health_pb2, health_pb2_grpc
    from keyturn.v1 import keys_pb2, keys_pb2_grpc

    metadata = (("authorization", f"Bearer {token}"),) if token else None
    limits = [keys_pb2.LimitCost(name="requests", cost=1), keys_pb2.LimitCost(name="tokens", cost=5)]
    async with grpc.aio.insecure_channel(address) as channel:
        health = health_pb2_grpc.HealthStub(channel)
        stub = keys_pb2_grpc.KeyServiceStub(channel)
        if case == "credits_two_limits":
            requests = [
                keys_pb2.ValidateKeyRequest(plaintext=k, required_scopes=["read"], cost=1, limits=limits)
                for k in keys
            ]
        else:
            requests = [keys_pb2.ValidateKeyRequest(plaintext=k, required_scopes=["read"]) for k in keys]
        latencies: list[float] = []
        errors: dict[str, int] = {}
        counter = iter(range(calls))

        async def worker() -> None:
            for i in counter:
                started = time.perf_counter()
                try:
                    if case == "check":
                        await health.Check(health_pb2.HealthCheckRequest())
                    else:
                        await stub.ValidateKey(requests[i % len(requests)], metadata=metadata)
                    latencies.append(time.perf_counter() - started)
                except grpc.RpcError as err:
                    name = err.code().name
                    errors[name] = errors.get(name, 0) + 1

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        wall = time.perf_counter() - started
    latencies.sort()
    return {
        "case": case,
        "ok": len(latencies),
        "errors": errors,
        "rps": len(latencies) / wall if wall else 0.0,
        "p50_ms": percentile(latencies, 0.5) * 1e3,
        "p99_ms": percentile(latencies, 0.99) * 1e3,
    }


def load_generator(job: dict[str, Any]) -> dict[str, Any]:
    return asyncio.run(_drive(**job))


def create_keys(address: str, count: int, token: str) -> dict[str, list[str]]:
    import grpc
    from keyturn.v1 import keys_pb2, keys_pb2_grpc

    metadata = (("authorization", f"Bearer {token}"),) if token else None
    with grpc.insecure_channel(address) as channel:
        stub = keys_pb2_grpc.KeyServiceStub(channel)
        org = stub.CreateOrganization(
            keys_pb2.CreateOrganizationRequest(name=f"bench-{uuid.uuid4().hex[:8]}"), metadata=metadata
        ).id
        one = keys_pb2.KeyMetadata(name="one", scopes=["read"])
        one.rate_limit.requests, one.rate_limit.window = 10**9, keys_pb2.RATE_LIMIT_WINDOW_DAY
        many = keys_pb2.KeyMetadata(name="credits", scopes=["read"])
        many.rate_limit.requests, many.rate_limit.window = 10**9, keys_pb2.RATE_LIMIT_WINDOW_DAY
        many.named_limits.add(name="requests", requests=10**9, window=keys_pb2.RATE_LIMIT_WINDOW_DAY)
        many.named_limits.add(name="tokens", requests=10**12, window=keys_pb2.RATE_LIMIT_WINDOW_DAY)

        def make(meta: keys_pb2.KeyMetadata, credits: int | None) -> str:
            request = keys_pb2.CreateKeyRequest(organization_id=org, metadata=meta)
            if credits is not None:
                request.credits.remaining = credits
            return stub.CreateKey(request, metadata=metadata).plaintext

        return {
            "one_limit": [make(one, None) for _ in range(count)],
            "credits_two_limits": [make(many, 10**12) for _ in range(count)],
        }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", help="an existing PostgreSQL database (default: start a cluster)")
    parser.add_argument("--calls", type=int, default=10_000, help="calls per measured round and case")
    parser.add_argument("--warmup", type=int, default=2_000, help="calls per case before measuring")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds; the median is reported")
    parser.add_argument("--concurrency", type=int, default=32, help="calls in flight")
    parser.add_argument("--keys", type=int, default=64, help="distinct keys per case, round-robin")
    parser.add_argument("--json", action="store_true", help="also print one JSON line with every number")
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
            "KEYTURN_LOG_LEVEL": "WARNING",
        }
        server = ServerProcess(env).start()
        token = server.admin_token
        keys = create_keys(server.address, args.keys, token)
        log(f"keyturn serve on {server.address}; {args.keys} keys per case")

        def job(case: str, calls: int) -> dict[str, Any]:
            assert server is not None
            payload = {
                "address": server.address,
                "case": case,
                "calls": calls,
                "concurrency": args.concurrency,
                "keys": keys.get(case, []),
                "token": token,
            }
            return dict(pool.apply(load_generator, (payload,)))

        for case in CASES:
            job(case, args.warmup)
        rounds: dict[str, list[dict[str, Any]]] = {case: [] for case in CASES}
        for number in range(args.rounds):
            for case in CASES:
                result = job(case, args.calls)
                rounds[case].append(result)
                log(
                    f"round {number + 1} {case:20s}: {result['rps']:8.0f} rps  p50 {result['p50_ms']:.2f} ms  "
                    f"p99 {result['p99_ms']:.2f} ms  errors {result['errors'] or 'none'}"
                )
        summary: dict[str, Any] = {
            case: {
                f: round(float(statistics.median(r[f] for r in rounds[case])), 3)
                for f in ("rps", "p50_ms", "p99_ms")
            }
            for case in CASES
        }
        ratio = summary["credits_two_limits"]["rps"] / summary["one_limit"]["rps"]
        summary["ratio_credits_to_one_limit"] = round(ratio, 3)
        summary["errors"] = {case: [r["errors"] for r in rounds[case]] for case in CASES}
        print(
            f"PostgreSQL, {args.concurrency} calls in flight, {args.calls} calls x {args.rounds} rounds (median)"
        )
        print(f"{'case':34s} {'RPS':>9s} {'p50 ms':>8s} {'p99 ms':>8s}")
        for case in CASES:
            row = summary[case]
            print(f"{LABELS[case]:34s} {row['rps']:9.0f} {row['p50_ms']:8.2f} {row['p99_ms']:8.2f}")
        print(f"ratio credits + 2 limits / one limit: {ratio:.2f} (target >= 0.8)")
        if args.json:
            print(json.dumps(summary))
    finally:
        pool.terminate()
        if server is not None:
            server.stop()
        if cluster is not None:
            cluster.stop()


if __name__ == "__main__":
    main()
