"""`keyturn health`: exit 0 when the server answers SERVING (the image's HEALTHCHECK).

With no flags it checks the server this machine's KEYTURN_* settings describe: KEYTURN_ADDR,
else KEYTURN_LISTEN (wildcard host as loopback), over TLS when KEYTURN_TLS_CERT is set
(see cli/common.py).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from keyturn_server.cli.common import add_server_flags, connect, target, unreachable


def register(sub: Any) -> None:
    hc = sub.add_parser("health", help="exit 0 when the server answers SERVING")
    add_server_flags(hc, token=False)
    hc.add_argument("--service", default="", help="service name (default: the whole server)")
    hc.add_argument("--timeout", type=float, default=3.0, help="seconds to wait for the answer (default 3)")
    hc.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import grpc
    from grpc_health.v1 import health_pb2, health_pb2_grpc

    where = target(args)
    with connect(args) as client:
        stub = health_pb2_grpc.HealthStub(client.channel)
        try:
            response = stub.Check(health_pb2.HealthCheckRequest(service=args.service), timeout=args.timeout)
        except grpc.RpcError as err:
            code = err.code()
            if code in (grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.DEADLINE_EXCEEDED):
                raise unreachable(where) from err
            print(f"keyturn: {where.address} unhealthy: {code.name}", file=sys.stderr)
            return 1
    status = health_pb2.HealthCheckResponse.ServingStatus.Name(response.status)
    print(f"keyturn: {where.address} {status}")
    return 0 if response.status == health_pb2.HealthCheckResponse.SERVING else 1
