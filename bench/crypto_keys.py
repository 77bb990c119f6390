#!/usr/bin/env python3
"""Managed-key throughput against the bare-gRPC baseline (health Check), in the same run.

    python bench/crypto_keys.py                       # own PostgreSQL cluster, 10000 calls each
    python bench/crypto_keys.py --database-url postgresql://postgres@127.0.0.1:5432/bench

What it does:
1. Starts a throwaway PostgreSQL cluster (tests.support.PostgresCluster) unless --database-url
   is given, creates a fresh database, migrates it and starts `keyturn serve` on it as a child
   process (tests.support.ServerProcess).
2. Creates an AES-256-GCM, an Ed25519 and an ECDSA P-256 key.
3. From a separate load-generator process (grpc.aio), keeps --concurrency calls in flight for
   --calls calls of each of: health Check; EncryptWithKey of 1 KiB by key id (the material is
   cached after the first call); Sign with Ed25519; Sign with ECDSA P-256; BatchEncrypt of 100
   1 KiB items; and 100 single EncryptWithKey calls per "batch" for comparison. The RPCs
   alternate for --rounds rounds after a warm-up; the median round is reported.
4. Prints RPS, p50, p99 and the ratios to Check (targets: EncryptWithKey >= 0.7x,
   Sign Ed25519 >= 0.6x; ECDSA reported), and BatchEncrypt as items/s against single calls.

A benchmark, not a test: it prints numbers and never fails on them.
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import sys
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import harness  # noqa: E402
from bench.harness import bearer, log  # noqa: E402

RPCS = ("check", "encrypt", "sign_ed25519", "sign_p256", "batch100", "single100")
BATCH = 100


# ---- the load generator (runs in its own process) ---------------------------------------------


async def _drive(
    address: str, rpc: str, calls: int, concurrency: int, keys: dict[str, str], token: str
) -> dict[str, Any]:
    import grpc
    from grpc_health.v1 import health_pb2, health_pb2_grpc
    from keyturn.v1 import crypto_keys_pb2 as ck
    from keyturn.v1 import crypto_pb2_grpc

    metadata = bearer(token)
    payload = os.urandom(1024)
    async with grpc.aio.insecure_channel(address) as channel:
        health = health_pb2_grpc.HealthStub(channel)
        stub = crypto_pb2_grpc.CryptoServiceStub(channel)
        check = health_pb2.HealthCheckRequest()
        encrypt = ck.EncryptWithKeyRequest(crypto_key_id=keys["aes"], plaintext=payload)
        sign_ed = ck.SignRequest(crypto_key_id=keys["ed25519"], data=payload)
        sign_ec = ck.SignRequest(crypto_key_id=keys["p256"], data=payload)
        batch = ck.BatchEncryptRequest(requests=[encrypt] * BATCH)

        async def one() -> None:
            if rpc == "check":
                await health.Check(check)
            elif rpc == "encrypt":
                await stub.EncryptWithKey(encrypt, metadata=metadata)
            elif rpc == "sign_ed25519":
                await stub.Sign(sign_ed, metadata=metadata)
            elif rpc == "sign_p256":
                await stub.Sign(sign_ec, metadata=metadata)
            elif rpc == "batch100":
                response = await stub.BatchEncrypt(batch, metadata=metadata)
                assert all(r.status.code == 0 for r in response.results)
            else:  # single100: the same 100 items as single calls, sequential in this worker
                for _ in range(BATCH):
                    await stub.EncryptWithKey(encrypt, metadata=metadata)

        measured = await harness.measure(calls, concurrency, lambda _: one())
    items = BATCH if rpc in ("batch100", "single100") else 1
    wall = measured["wall_s"]
    return {"rpc": rpc, **measured, "items_per_s": measured["ok"] * items / wall if wall else 0.0}


def load_generator(job: dict[str, Any]) -> dict[str, Any]:
    return asyncio.run(_drive(**job))


def create_keys(address: str, token: str) -> dict[str, str]:
    import grpc
    from keyturn.v1 import crypto_keys_pb2 as ck
    from keyturn.v1 import crypto_pb2_grpc, keys_pb2, keys_pb2_grpc

    metadata = bearer(token)
    with grpc.insecure_channel(address) as channel:
        org = (
            keys_pb2_grpc.KeyServiceStub(channel)
            .CreateOrganization(
                keys_pb2.CreateOrganizationRequest(name=f"bench-{uuid.uuid4().hex[:8]}"), metadata=metadata
            )
            .id
        )
        stub = crypto_pb2_grpc.CryptoServiceStub(channel)
        made = {}
        for label, purpose, algorithm in (
            ("aes", ck.CRYPTO_KEY_PURPOSE_ENCRYPT_DECRYPT, ck.CRYPTO_KEY_ALGORITHM_AES_256_GCM),
            ("ed25519", ck.CRYPTO_KEY_PURPOSE_ASYMMETRIC_SIGN, ck.CRYPTO_KEY_ALGORITHM_ED25519),
            ("p256", ck.CRYPTO_KEY_PURPOSE_ASYMMETRIC_SIGN, ck.CRYPTO_KEY_ALGORITHM_ECDSA_P256_SHA256),
        ):
            key = ck.CryptoKey(
                organization_id=org, name=f"bench-{label}", purpose=purpose, algorithm=algorithm
            )
            made[label] = stub.CreateCryptoKey(
                ck.CreateCryptoKeyRequest(crypto_key=key), metadata=metadata
            ).id
    return made


def main() -> None:
    parser = harness.parser(
        __doc__,
        calls=10_000,
        calls_help="calls per measured round (single RPCs)",
        warmup=1_000,
        warmup_help=None,
        keys=False,
    )
    parser.add_argument("--batch-calls", type=int, default=200, help="calls per round of batch100/single100")
    harness.add_json_flag(parser)
    args = parser.parse_args()

    with harness.serve(args.database_url, {"KEYTURN_LOG_LEVEL": "WARNING"}) as bench:
        token = bench.token
        keys = create_keys(bench.address, token)
        log(f"keyturn serve on {bench.address}; keys {keys}")

        def job(rpc: str, calls: int) -> dict[str, Any]:
            payload = {"address": bench.address, "rpc": rpc, "calls": calls, "concurrency": args.concurrency}
            return bench.run(load_generator, {**payload, "keys": keys, "token": token})

        def calls_for(rpc: str, base: int) -> int:
            return args.batch_calls if rpc in ("batch100", "single100") else base

        for rpc in RPCS:
            job(rpc, calls_for(rpc, args.warmup) // (5 if rpc in ("batch100", "single100") else 1))
        rounds: dict[str, list[dict[str, Any]]] = {rpc: [] for rpc in RPCS}
        for number in range(args.rounds):
            for rpc in RPCS:
                result = job(rpc, calls_for(rpc, args.calls))
                rounds[rpc].append(result)
                log(
                    f"round {number + 1} {rpc:13s}: {result['rps']:8.0f} rps  {result['items_per_s']:8.0f} items/s  "
                    f"p50 {result['p50_ms']:.2f} ms  p99 {result['p99_ms']:.2f} ms  errors {result['errors'] or 'none'}"
                )

        def median(rpc: str, field: str) -> float:
            return float(statistics.median(r[field] for r in rounds[rpc]))

        summary: dict[str, Any] = {
            rpc: {f: round(median(rpc, f), 3) for f in ("rps", "items_per_s", "p50_ms", "p99_ms")}
            for rpc in RPCS
        }
        check = summary["check"]["rps"]
        summary["ratio_encrypt_to_check"] = round(summary["encrypt"]["rps"] / check, 3)
        summary["ratio_sign_ed25519_to_check"] = round(summary["sign_ed25519"]["rps"] / check, 3)
        summary["ratio_sign_p256_to_check"] = round(summary["sign_p256"]["rps"] / check, 3)
        summary["batch_items_per_s_over_single"] = round(
            summary["batch100"]["items_per_s"] / summary["single100"]["items_per_s"], 3
        )
        summary.update(rounds=args.rounds, concurrency=args.concurrency, cpus=os.cpu_count())

        print(f"{'RPC':<28}{'RPS':>10}{'items/s':>10}{'p50 ms':>9}{'p99 ms':>9}")
        for rpc in RPCS:
            row = summary[rpc]
            print(
                f"{rpc:<28}{row['rps']:>10.0f}{row['items_per_s']:>10.0f}{row['p50_ms']:>9.2f}{row['p99_ms']:>9.2f}"
            )
        print(f"EncryptWithKey 1 KiB / Check   {summary['ratio_encrypt_to_check']:.2f}x (target >= 0.7)")
        print(f"Sign Ed25519 / Check           {summary['ratio_sign_ed25519_to_check']:.2f}x (target >= 0.6)")
        print(f"Sign ECDSA P-256 / Check       {summary['ratio_sign_p256_to_check']:.2f}x (reported)")
        print(
            f"BatchEncrypt x100 items/s over 100 single calls: {summary['batch_items_per_s_over_single']:.2f}x"
        )
        if args.json:
            print(json.dumps(summary, sort_keys=True))


if __name__ == "__main__":
    main()
