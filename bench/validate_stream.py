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

import asyncio
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import harness  # noqa: E402
from bench.harness import bearer, log  # noqa: E402
from bench.validate import create_keys  # noqa: E402


async def _drive(
    address: str, mode: str, calls: int, concurrency: int, keys: list[str], product_id: str, token: str
) -> dict[str, Any]:
    import grpc
    from keyturn.client import AsyncClient, KeyValidator
    from keyturn.v1 import keys_pb2, keys_pb2_grpc

    async with AsyncClient(address, token=token or None, timeout=30) as client:
        validator = KeyValidator(client)
        stub = keys_pb2_grpc.KeyServiceStub(client.channel)
        metadata = bearer(token)
        requests = [
            keys_pb2.ValidateKeyRequest(plaintext=key, product_id=product_id, required_scopes=["read"])
            for key in keys
        ]

        async def call(i: int) -> object:
            if mode == "stream":
                return await validator.validate(
                    keys[i % len(keys)], product_id=product_id, required_scopes=["read"]
                )
            return await stub.ValidateKey(requests[i % len(requests)], metadata=metadata)

        def error_name(err: BaseException) -> str:  # grpc.RpcError (unary) or APIKeyError (stream)
            return err.code().name if isinstance(err, grpc.RpcError) else type(err).__name__

        measured = await harness.measure(calls, concurrency, call, catch=Exception, error_name=error_name)
        await validator.close()
    return {"mode": mode, **measured}


def load_generator(job: dict[str, Any]) -> dict[str, Any]:
    return asyncio.run(_drive(**job))


def main() -> None:
    parser = harness.parser(
        __doc__,
        calls=20_000,
        calls_help="validations per measured round and mode",
        warmup=2_000,
        warmup_help=None,
        rounds_help=None,
        concurrency=64,
        concurrency_help="validations in flight",
        keys_help=None,
    )
    args = parser.parse_args()

    with harness.serve(args.database_url, {"KEYTURN_LOG_LEVEL": "INFO"}) as bench:
        token = bench.token
        product, keys = create_keys(bench.address, args.keys, token)
        log(f"keyturn serve on {bench.address}; {len(keys)} keys")

        job = bench.jobs(
            load_generator, "mode", concurrency=args.concurrency, keys=keys, product_id=product, token=token
        )

        rounds = harness.alternate(
            job,
            ("unary", "stream"),
            warmup=args.warmup,
            calls=args.calls,
            rounds=args.rounds,
            width=6,
            unit="/s",
        )

        def median(mode: str, field: str) -> float:
            return harness.median(rounds[mode], field)

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


if __name__ == "__main__":
    main()
