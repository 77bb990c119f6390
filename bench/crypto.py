"""CryptoService throughput and latency against an in-process server (a benchmark, not a test).

    python -m bench.crypto [--seconds 3] [--concurrency 16] [--pbkdf2-calls 10]

Starts a server on a temporary, migrated SQLite database, then measures through grpc.aio:
health Check calls/s (the floor an RPC costs here), Encrypt calls/s for 1 KiB payloads under
a hex key (sequential and N in flight), and the p50 latency of a password Encrypt at the
default 600,000 PBKDF2 iterations. Client and server share the machine, so the numbers are
for comparing changes, not for capacity planning.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc
from keyturn.v1 import crypto_pb2, crypto_pb2_grpc
from keyturn_server.store import migrate

from tests.support import ServerThread, make_settings

Call = Callable[[], Awaitable[object]]


async def rate(call: Call, seconds: float, concurrency: int) -> float:
    """Calls per second with `concurrency` callers looping until the time is up."""
    for _ in range(20):  # warm up
        await call()
    deadline = time.perf_counter() + seconds
    counts = [0] * concurrency

    async def worker(index: int) -> None:
        while time.perf_counter() < deadline:
            await call()
            counts[index] += 1

    started = time.perf_counter()
    await asyncio.gather(*(worker(i) for i in range(concurrency)))
    return sum(counts) / (time.perf_counter() - started)


async def latencies(call: Call, count: int) -> list[float]:
    await call()  # warm up
    samples = []
    for _ in range(count):
        started = time.perf_counter()
        await call()
        samples.append(time.perf_counter() - started)
    return samples


async def run(address: str, token: str, seconds: float, concurrency: int, pbkdf2_calls: int) -> None:
    auth = (("authorization", f"Bearer {token}"),) if token else ()
    async with grpc.aio.insecure_channel(address) as channel:
        health = health_pb2_grpc.HealthStub(channel)
        crypto = crypto_pb2_grpc.CryptoServiceStub(channel)
        key, payload = secrets.token_hex(32), secrets.token_bytes(1024)

        async def check() -> object:
            return await health.Check(health_pb2.HealthCheckRequest(), metadata=auth)

        async def encrypt() -> object:
            return await crypto.Encrypt(crypto_pb2.EncryptRequest(plaintext=payload, key=key), metadata=auth)

        async def encrypt_password() -> object:
            request = crypto_pb2.EncryptRequest(plaintext=payload, password="bench-pw")
            return await crypto.Encrypt(request, metadata=auth)

        print(f"cpus: {os.cpu_count()}, {seconds:.0f}s per measurement")
        rows: list[tuple[str, float, float]] = []
        for label, call in (("health Check", check), ("Encrypt 1 KiB, hex key", encrypt)):
            sequential = await rate(call, seconds, 1)
            parallel = await rate(call, seconds, concurrency)
            rows.append((label, sequential, parallel))
            print(
                f"{label:<26} {sequential:>9,.0f} calls/s sequential {parallel:>9,.0f} calls/s x{concurrency}"
            )
        (_, check_seq, check_par), (_, enc_seq, enc_par) = rows
        print(
            f"{'Encrypt / Check':<26} {enc_seq / check_seq:>9.0%} sequential          "
            f"{enc_par / check_par:>9.0%} x{concurrency}"
        )
        samples = await latencies(encrypt_password, pbkdf2_calls)
        print(
            f"{'Encrypt, password 600k':<26} p50 {statistics.median(samples) * 1000:,.1f} ms "
            f"(min {min(samples) * 1000:,.1f}, max {max(samples) * 1000:,.1f}, n={len(samples)})"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--pbkdf2-calls", type=int, default=10)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="keyturn-bench-") as tmp:
        url = f"sqlite:///{Path(tmp) / 'keyturn.db'}"
        migrate.upgrade(url)
        server = ServerThread(make_settings(url, Path(tmp))).start()
        try:
            # The test support bootstraps an ADMIN principal; CryptoService needs crypto.use.
            token = getattr(server, "admin_token", "")
            asyncio.run(run(server.address, token, args.seconds, args.concurrency, args.pbkdf2_calls))
        finally:
            server.stop()


if __name__ == "__main__":
    main()
