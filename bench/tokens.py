#!/usr/bin/env python3
"""Access tokens: offline verification in keyturn-client against ValidateKey over gRPC, and
ExchangeKey against the bare-gRPC baseline (health Check), in the same run.

    python bench/tokens.py                        # own PostgreSQL cluster
    python bench/tokens.py --database-url postgresql://postgres@127.0.0.1:5432/bench
    python bench/tokens.py --calls 2000 --rounds 1 --verifications 20000   # brief

What it does (the house style of bench/validate.py, whose setup it reuses):
1. Starts a throwaway PostgreSQL cluster unless --database-url is given, migrates a fresh
   database and starts `keyturn serve` on it as a child process.
2. Creates an organization, a product and --keys keys (rate limit 10**9 per DAY).
3. From a separate load-generator process (grpc.aio, --concurrency calls in flight), for
   --rounds rounds after a warm-up: the health Check, KeyService.ValidateKey and
   TokenService.ExchangeKey (keys round-robin, product_id, required_scopes, quota taken).
4. In that process too, one thread: keyturn.client.tokens.TokenVerifier verifying --tokens
   distinct tokens round-robin (required scopes, product, audience) --verifications times,
   twice: as deployed (verified tokens remembered) and with cache_size=0 (every signature
   checked, the cold path).
5. Prints the numbers and the ratios: verifications/s over ValidateKey RPS (target >= 20x)
   and ExchangeKey RPS over Check RPS (target >= 0.5).

A benchmark, not a test: it prints numbers and never fails on them.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import harness  # noqa: E402
from bench.harness import bearer, log  # noqa: E402
from bench.validate import create_keys  # noqa: E402


async def _drive(
    address: str, rpc: str, calls: int, concurrency: int, keys: list[str], product_id: str, token: str
) -> dict[str, Any]:
    import grpc
    from grpc_health.v1 import health_pb2, health_pb2_grpc
    from keyturn.v1 import keys_pb2, keys_pb2_grpc, tokens_pb2, tokens_pb2_grpc

    metadata = bearer(token)
    async with grpc.aio.insecure_channel(address) as channel:
        health = health_pb2_grpc.HealthStub(channel)
        stub = keys_pb2_grpc.KeyServiceStub(channel)
        tokens = tokens_pb2_grpc.TokenServiceStub(channel)
        check_request = health_pb2.HealthCheckRequest()
        validations = [
            keys_pb2.ValidateKeyRequest(plaintext=key, product_id=product_id, required_scopes=["read"])
            for key in keys
        ]
        exchanges = [
            tokens_pb2.ExchangeKeyRequest(
                plaintext=key, product_id=product_id, required_scopes=["read"], audience="bench"
            )
            for key in keys
        ]

        async def call(i: int) -> object:
            if rpc == "check":
                return await health.Check(check_request)
            if rpc == "validate":
                return await stub.ValidateKey(validations[i % len(validations)], metadata=metadata)
            return await tokens.ExchangeKey(exchanges[i % len(exchanges)], metadata=metadata)

        measured = await harness.measure(calls, concurrency, call)
    return {"rpc": rpc, **measured}


def load_generator(job: dict[str, Any]) -> dict[str, Any]:
    return asyncio.run(_drive(**job))


def verify_offline(job: dict[str, Any]) -> dict[str, Any]:
    """Exchange --tokens keys once, then verify their tokens offline, one thread."""
    import grpc
    from keyturn.client.tokens import GrpcJwks, TokenVerifier
    from keyturn.v1 import tokens_pb2, tokens_pb2_grpc

    metadata = bearer(job["token"])
    with grpc.insecure_channel(job["address"]) as channel:
        stub = tokens_pb2_grpc.TokenServiceStub(channel)
        issued = [
            stub.ExchangeKey(
                tokens_pb2.ExchangeKeyRequest(plaintext=key, audience="bench"), metadata=metadata
            )
            for key in job["keys"][: job["tokens"]]
        ]
        organization = job["organization_id"]
        results: dict[str, Any] = {}
        for label, cache_size in (("remembered", 10_000), ("cold", 0)):
            verifier = TokenVerifier(GrpcJwks(channel, organization), audience="bench", cache_size=cache_size)
            verifier.refresh()
            tokens = [answer.access_token for answer in issued]
            for token in tokens:  # warm-up
                verifier.verify(token, required_scopes=["read"], product_id=job["product_id"])
            count = job["verifications"] if cache_size else max(1, job["verifications"] // 5)
            started = time.perf_counter()
            for i in range(count):
                verifier.verify(
                    tokens[i % len(tokens)], required_scopes=["read"], product_id=job["product_id"]
                )
            wall = time.perf_counter() - started
            results[label] = {"verifications": count, "per_s": count / wall, "refreshes": verifier.refreshes}
    return results


def organization_of(address: str, key: str, token: str) -> str:
    import grpc
    from keyturn.v1 import keys_pb2, keys_pb2_grpc

    metadata = bearer(token)
    with grpc.insecure_channel(address) as channel:
        answer = keys_pb2_grpc.KeyServiceStub(channel).ValidateKey(
            keys_pb2.ValidateKeyRequest(plaintext=key, skip_rate_limit=True, skip_usage=True),
            metadata=metadata,
        )
    return str(answer.key.organization_id)


def main() -> None:
    parser = harness.parser(
        __doc__,
        calls=10_000,
        calls_help="calls per measured round and RPC",
        warmup=1_000,
        warmup_help="calls per RPC before measuring",
        keys_help="distinct keys, used round-robin",
    )
    parser.add_argument("--tokens", type=int, default=64, help="distinct tokens verified round-robin")
    parser.add_argument("--verifications", type=int, default=200_000, help="offline verifications")
    harness.add_json_flag(parser)
    args = parser.parse_args()

    with harness.serve(args.database_url, {"KEYTURN_LOG_LEVEL": "WARNING"}) as bench:
        token = bench.token
        product, keys = create_keys(bench.address, args.keys, token)
        organization = organization_of(bench.address, keys[0], token)
        log(f"keyturn serve on {bench.address}; {len(keys)} keys")

        job = bench.jobs(
            load_generator, "rpc", concurrency=args.concurrency, keys=keys, product_id=product, token=token
        )

        rounds = harness.alternate(
            job,
            ("check", "validate", "exchange"),
            warmup=args.warmup,
            calls=args.calls,
            rounds=args.rounds,
            width=8,
        )
        offline = bench.run(
            verify_offline,
            {
                "address": bench.address,
                "keys": keys,
                "tokens": args.tokens,
                "verifications": args.verifications,
                "organization_id": organization,
                "product_id": product,
                "token": token,
            },
        )
        summary: dict[str, Any] = harness.medians(rounds)
        summary["errors"] = harness.errors(rounds)
        summary["offline"] = offline
        verify_ratio = offline["remembered"]["per_s"] / summary["validate"]["rps"]
        cold_ratio = offline["cold"]["per_s"] / summary["validate"]["rps"]
        exchange_ratio = summary["exchange"]["rps"] / summary["check"]["rps"]
        summary.update(
            ratio_offline_to_validate=round(verify_ratio, 2),
            ratio_cold_offline_to_validate=round(cold_ratio, 2),
            ratio_exchange_to_check=round(exchange_ratio, 3),
            calls=args.calls,
            rounds=args.rounds,
            concurrency=args.concurrency,
            cpus=os.cpu_count(),
        )
        print(
            f"PostgreSQL, {args.concurrency} calls in flight, {args.calls} calls x {args.rounds} rounds (median)"
        )
        print(f"{'what':42s} {'per s':>10s} {'p50 ms':>8s} {'p99 ms':>8s}")
        for rpc, label in (
            ("check", "grpc.health.v1 Check"),
            ("validate", "KeyService.ValidateKey"),
            ("exchange", "TokenService.ExchangeKey"),
        ):
            row = summary[rpc]
            print(f"{label:42s} {row['rps']:10.0f} {row['p50_ms']:8.2f} {row['p99_ms']:8.2f}")
        print(f"{'TokenVerifier.verify (one thread)':42s} {offline['remembered']['per_s']:10.0f}")
        print(f"{'TokenVerifier.verify, cache_size=0 (cold)':42s} {offline['cold']['per_s']:10.0f}")

        def verdict(ratio: float) -> str:
            return "meets" if ratio >= 20 else "does NOT meet"

        print(
            f"offline verification / ValidateKey, every signature checked (cache_size=0): {cold_ratio:.1f}x "
            f"({verdict(cold_ratio)} the 20x target)"
        )
        print(
            f"offline verification / ValidateKey, repeated tokens remembered: {verify_ratio:.1f}x "
            f"({verdict(verify_ratio)} the 20x target, on the cache of verified tokens)"
        )
        print(f"ExchangeKey / Check: {exchange_ratio:.2f} (target >= 0.5)")
        if args.json:
            print(json.dumps(summary, separators=(",", ":")))


if __name__ == "__main__":
    main()
