"""What the gRPC benchmarks share: the load-generator loop, the common flags, the server they
measure (a PostgreSQL cluster or --database-url, a migrated database, `keyturn serve` as a child
process, one load-generator process) and the alternating rounds with their medians.

Used by bench/validate.py, credits.py, tokens.py and validate_stream.py; not a benchmark itself.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import statistics
import sys
import time
from collections.abc import Awaitable, Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

if TYPE_CHECKING:
    from multiprocessing.pool import Pool

    from tests.support import PostgresCluster, ServerProcess

FIELDS = ("rps", "p50_ms", "p99_ms")


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def percentile(sorted_values: list[float], q: float) -> float:
    if not sorted_values:
        return float("nan")
    k = (len(sorted_values) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (k - lo)


def bearer(token: str) -> tuple[tuple[str, str], ...] | None:
    """gRPC metadata for the admin token ("" while the server does not authenticate callers)."""
    return (("authorization", f"Bearer {token}"),) if token else None


def _grpc_code(err: BaseException) -> str:
    return str(err.code().name)  # type: ignore[attr-defined]


# ---- the load generator (runs in its own process) ---------------------------------------------


async def measure(
    calls: int,
    concurrency: int,
    call: Callable[[int], Awaitable[object]],
    *,
    catch: type[BaseException] | None = None,
    error_name: Callable[[BaseException], str] = _grpc_code,
) -> dict[str, Any]:
    """Runs `call(i)` for i in range(calls) with `concurrency` calls in flight; a failure of type
    `catch` (default grpc.RpcError) is counted under `error_name(err)` (default its status code)."""
    if catch is None:
        import grpc

        catch = grpc.RpcError
    latencies: list[float] = []
    errors: dict[str, int] = {}
    counter = iter(range(calls))

    async def worker() -> None:
        for i in counter:
            started = time.perf_counter()
            try:
                await call(i)
                latencies.append(time.perf_counter() - started)
            except catch as err:
                name = error_name(err)
                errors[name] = errors.get(name, 0) + 1

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    wall = time.perf_counter() - started
    latencies.sort()
    return {
        "ok": len(latencies),
        "errors": errors,
        "wall_s": wall,
        "rps": len(latencies) / wall if wall else 0.0,
        "p50_ms": percentile(latencies, 0.5) * 1e3,
        "p99_ms": percentile(latencies, 0.99) * 1e3,
    }


# ---- flags -------------------------------------------------------------------------------------


def parser(
    doc: str | None,
    *,
    calls: int,
    calls_help: str,
    warmup: int,
    warmup_help: str | None,
    rounds_help: str | None = "alternating rounds; the median is reported",
    concurrency: int = 32,
    concurrency_help: str = "calls in flight",
    keys: bool = True,
    keys_help: str | None = None,
) -> argparse.ArgumentParser:
    """The flags every benchmark takes: --database-url, --calls, --warmup, --rounds,
    --concurrency and (unless `keys` is false) --keys."""
    result = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    result.add_argument("--database-url", help="an existing PostgreSQL database (default: start a cluster)")
    result.add_argument("--calls", type=int, default=calls, help=calls_help)
    result.add_argument("--warmup", type=int, default=warmup, help=warmup_help)
    result.add_argument("--rounds", type=int, default=3, help=rounds_help)
    result.add_argument("--concurrency", type=int, default=concurrency, help=concurrency_help)
    if keys:
        result.add_argument("--keys", type=int, default=64, help=keys_help)
    return result


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="also print one JSON line with every number")


# ---- the server under measurement --------------------------------------------------------------


@dataclass
class Bench:
    """A running server and the load-generator process; see `serve`."""

    database_url: str
    admin_url: str
    pool: Pool
    server: ServerProcess | None
    token: str = field(init=False, default="")

    @property
    def address(self) -> str:
        assert self.server is not None
        return str(self.server.address)

    def run(
        self, function: Callable[[dict[str, Any]], dict[str, Any]], payload: dict[str, Any]
    ) -> dict[str, Any]:
        """`function(payload)` in the load-generator process."""
        return dict(self.pool.apply(function, (payload,)))

    def jobs(
        self, function: Callable[[dict[str, Any]], dict[str, Any]], name: str, **fixed: Any
    ) -> Callable[[str, int], dict[str, Any]]:
        """`job(value, calls)`: `function` in the load-generator process with the server's
        address, `name`=value, `calls` and `fixed`."""

        def job(value: str, calls: int) -> dict[str, Any]:
            return self.run(function, {"address": self.address, name: value, "calls": calls, **fixed})

        return job

    def stop_server(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server = None


@contextmanager
def serve(database_url: str | None, env: dict[str, str]) -> Iterator[Bench]:
    """A throwaway PostgreSQL cluster unless `database_url` is given, a migrated database on it,
    `keyturn serve` on that (with the test secret and root key, plus `env`) and one spawned
    load-generator process; all stopped on exit."""
    from tests.support import TEST_ROOT_KEY, TEST_SECRET, PostgresCluster, ServerProcess, prepare_database

    cluster: PostgresCluster | None = None
    pool = multiprocessing.get_context("spawn").Pool(1)
    bench: Bench | None = None
    try:
        if database_url:
            admin_url = database_url
        else:
            log("starting a PostgreSQL cluster")
            cluster = PostgresCluster.start()
            admin_url = cluster.admin_url
            database_url = cluster.create_database()
        prepare_database(database_url)
        server_env = {
            "KEYTURN_DATABASE_URL": database_url,
            "KEYTURN_SECRET": TEST_SECRET,
            "KEYTURN_ROOT_KEY": TEST_ROOT_KEY,
            **env,
        }
        bench = Bench(database_url, admin_url, pool, ServerProcess(server_env).start())
        assert bench.server is not None
        bench.token = bench.server.admin_token  # "" while the server does not authenticate callers
        yield bench
    finally:
        pool.terminate()
        if bench is not None:
            bench.stop_server()
        if cluster is not None:
            cluster.stop()


# ---- rounds and medians ------------------------------------------------------------------------


def alternate(
    job: Callable[[str, int], dict[str, Any]],
    names: Sequence[str],
    *,
    warmup: int,
    calls: int,
    rounds: int,
    width: int,
    unit: str = " rps",
) -> dict[str, list[dict[str, Any]]]:
    """`job(name, warmup)` once per name, then `rounds` rounds of `job(name, calls)` for every
    name in turn, each logged; the results per name."""
    for name in names:
        job(name, warmup)
    results: dict[str, list[dict[str, Any]]] = {name: [] for name in names}
    for number in range(rounds):
        for name in names:
            result = job(name, calls)
            results[name].append(result)
            log(
                f"round {number + 1} {name:{width}s}: {result['rps']:8.0f}{unit}  p50 {result['p50_ms']:.2f} ms  "
                f"p99 {result['p99_ms']:.2f} ms  errors {result['errors'] or 'none'}"
            )
    return results


def median(results: list[dict[str, Any]], name: str) -> float:
    return float(statistics.median(r[name] for r in results))


def medians(rounds: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """{name: {rps, p50_ms, p99_ms}}, the median round of each, to three decimals."""
    return {name: {f: round(median(results, f), 3) for f in FIELDS} for name, results in rounds.items()}


def errors(rounds: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, int]]]:
    return {name: [r["errors"] for r in results] for name, results in rounds.items()}
