"""What open WatchKeyEvents streams cost the database: N idle watches on one server (SQLite,
in-process so every statement can be counted), the key_event queries per second while idle,
then one new event: how many queries it took and how long until every watch had it.

    python -m bench.watch_fanout --watches 100 --idle-seconds 5

Before the shared reader (store/fanout.py) each watch queried on every poll: 100 watches on
SQLite were up to 500 queries/s idle. Measured (2 busy shared cores): 5.8 queries/s idle, 4
key_event statements for one event (the append's own included), all 100 delivered in 100 ms;
the same script against the code before: 360/s, 943, 2.4 s. Run it as a module (bench/envoy.py
would shadow the `envoy` protobuf package). Not a gRPC throughput benchmark (see harness.py).
"""

from __future__ import annotations

import argparse
import queue
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--watches", type=int, default=100)
    parser.add_argument("--idle-seconds", type=float, default=5.0)
    args = parser.parse_args()

    from keyturn.v1 import key_events_pb2, key_events_pb2_grpc, keys_pb2, keys_pb2_grpc
    from sqlalchemy import event

    from tests.support import ServerThread, channel, make_settings, prepare_database

    tmp = Path(tempfile.mkdtemp(prefix="keyturn-bench-"))
    url = f"sqlite+aiosqlite:///{tmp / 'bench.db'}"
    prepare_database(url)
    server = ServerThread(make_settings(url, tmp)).start()
    statements: list[float] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if "FROM key_event" in statement:
            statements.append(time.monotonic())

    try:
        with channel(server.address, server.admin_token) as ch:
            keys = keys_pb2_grpc.KeyServiceStub(ch)
            org = keys.CreateOrganization(keys_pb2.CreateOrganizationRequest(name="bench")).id
            stub = key_events_pb2_grpc.KeyEventServiceStub(ch)
            received: queue.Queue[float] = queue.Queue()
            calls = []
            request = key_events_pb2.WatchKeyEventsRequest(
                filter=key_events_pb2.KeyEventFilter(organization_id=org)
            )

            def follow(call: Any) -> None:
                try:
                    for _ in call:
                        received.put(time.monotonic())
                except Exception:
                    return

            for _ in range(args.watches):
                call = stub.WatchKeyEvents(request)
                calls.append(call)
                threading.Thread(target=follow, args=(call,), daemon=True).start()
            # Until every watch has subscribed (a build without the shared reader: a while).
            feed = server.container.key_event_feed
            deadline = time.monotonic() + 10
            while getattr(feed, "subscribers", 0) < args.watches and time.monotonic() < deadline:
                time.sleep(0.05)
            time.sleep(1.0)
            engine = server.container.db.engine.sync_engine
            event.listen(engine, "before_cursor_execute", count)
            time.sleep(args.idle_seconds)
            idle = len(statements) / args.idle_seconds
            statements.clear()
            project = keys.CreateProject(keys_pb2.CreateProjectRequest(organization_id=org, name="p")).id
            statements.clear()
            started = time.monotonic()
            keys.CreateKey(
                keys_pb2.CreateKeyRequest(
                    organization_id=org, project_id=project, metadata=keys_pb2.KeyMetadata(name="b")
                )
            )
            arrivals = [received.get(timeout=30) for _ in range(args.watches)]
            time.sleep(0.3)
            event.remove(engine, "before_cursor_execute", count)
            reads = [t for t in statements if t >= started]
            print(
                f"watches={args.watches} idle_key_event_queries_per_s={idle:.1f} "
                f"key_event_statements_for_one_event={len(reads)} (the append's own included) "
                f"all_delivered_ms={(max(arrivals) - started) * 1000:.1f}"
            )
            for call in calls:
                call.cancel()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
