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

import asyncio
import json
import sys
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import harness  # noqa: E402
from bench.harness import bearer, log  # noqa: E402

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

    metadata = bearer(token)
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

        async def call(i: int) -> object:
            if case == "check":
                return await health.Check(health_pb2.HealthCheckRequest())
            return await stub.ValidateKey(requests[i % len(requests)], metadata=metadata)

        measured = await harness.measure(calls, concurrency, call)
    return {"case": case, **measured}


def load_generator(job: dict[str, Any]) -> dict[str, Any]:
    return asyncio.run(_drive(**job))


def create_keys(address: str, count: int, token: str) -> dict[str, list[str]]:
    import grpc
    from keyturn.v1 import keys_pb2, keys_pb2_grpc

    metadata = bearer(token)
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
    parser = harness.parser(
        __doc__,
        calls=10_000,
        calls_help="calls per measured round and case",
        warmup=2_000,
        warmup_help="calls per case before measuring",
        keys_help="distinct keys per case, round-robin",
    )
    harness.add_json_flag(parser)
    args = parser.parse_args()

    with harness.serve(args.database_url, {"KEYTURN_LOG_LEVEL": "WARNING"}) as bench:
        token = bench.token
        keys = create_keys(bench.address, args.keys, token)
        log(f"keyturn serve on {bench.address}; {args.keys} keys per case")

        def job(case: str, calls: int) -> dict[str, Any]:
            payload = {
                "address": bench.address,
                "case": case,
                "calls": calls,
                "concurrency": args.concurrency,
                "keys": keys.get(case, []),
                "token": token,
            }
            return bench.run(load_generator, payload)

        rounds = harness.alternate(
            job, CASES, warmup=args.warmup, calls=args.calls, rounds=args.rounds, width=20
        )
        summary: dict[str, Any] = harness.medians(rounds)
        ratio = summary["credits_two_limits"]["rps"] / summary["one_limit"]["rps"]
        summary["ratio_credits_to_one_limit"] = round(ratio, 3)
        summary["errors"] = harness.errors(rounds)
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


if __name__ == "__main__":
    main()
