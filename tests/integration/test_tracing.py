"""OpenTelemetry: with a TracerProvider (here an in-memory exporter), one trace spans the RPC
(the grpc aio server instrumentation, outside the EdgeInterceptor) and its SQL statements
(the SQLAlchemy instrumentation); the per-RPC log line carries that trace id; an incoming
traceparent is continued. Without OTEL_EXPORTER_OTLP_ENDPOINT nothing is traced."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from typing import Any

import grpc
import pytest
from keyturn.v1 import keys_pb2, keys_pb2_grpc
from keyturn_server import logging_setup
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind

from tests.support import ServerThread, bootstrap_admin, make_settings, with_token

CREATE = "/keyturn.v1.KeyService/CreateOrganization"


class TracedServer(ServerThread):
    def __init__(self, settings: Any, provider: TracerProvider) -> None:
        super().__init__(settings)
        self.provider = provider

    async def _start(self) -> None:
        from keyturn_server.app import build_server

        from tests.support import ADMIN_TOKENS

        self.admin_token = await bootstrap_admin(self.settings)
        self.server, self.port = await build_server(self.settings, tracer_provider=self.provider)
        await self.server.start()
        ADMIN_TOKENS[self.address] = self.admin_token


@pytest.fixture(scope="module")
def exporter(backend: str) -> InMemorySpanExporter:
    return InMemorySpanExporter()  # one per server: stopping a server shuts its exporter down


@pytest.fixture(scope="module")
def traced(
    backend: str, new_database_url, tmp_path_factory: pytest.TempPathFactory, exporter: InMemorySpanExporter
) -> Iterator[TracedServer]:  # type: ignore[no-untyped-def]
    provider = TracerProvider()
    provider.add_span_processor(SimpleSpanProcessor(exporter))
    settings = make_settings(new_database_url(backend), tmp_path_factory.mktemp("traced"))
    running = TracedServer(settings, provider)
    running.start()
    try:
        yield running
    finally:
        running.stop()
        logging_setup._current_span = None  # the other modules' servers do not trace


def test_one_trace_spans_the_rpc_and_its_queries(
    traced: TracedServer, exporter: InMemorySpanExporter
) -> None:
    exporter.clear()
    with grpc.insecure_channel(traced.address) as ch:
        stub = keys_pb2_grpc.KeyServiceStub(with_token(ch, traced.admin_token))
        stub.CreateOrganization(keys_pb2.CreateOrganizationRequest(name="traced-org"), timeout=10)
    spans = exporter.get_finished_spans()
    rpc = [s for s in spans if s.kind == SpanKind.SERVER and s.name == CREATE]
    assert len(rpc) == 1, [(s.name, s.kind) for s in spans]
    root = rpc[0]
    trace_id = root.context.trace_id
    queries = [s for s in spans if s.kind == SpanKind.CLIENT and s.context.trace_id == trace_id]
    assert queries, [(s.name, s.kind, s.parent) for s in spans]
    statements = " ".join(str(s.attributes.get("db.statement", "")) for s in queries)
    assert "INSERT INTO organization" in statements and "audit" in statements
    by_id = {s.context.span_id: s for s in spans}
    for query in queries:  # every query's ancestry leads to the RPC's span
        node = query
        while node.parent is not None and node.parent.span_id in by_id:
            node = by_id[node.parent.span_id]
        assert node is root
    assert root.attributes.get("rpc.grpc.status_code") == grpc.StatusCode.OK.value[0]


def test_the_log_line_carries_the_trace_id(traced: TracedServer, exporter: InMemorySpanExporter) -> None:
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    handler.setFormatter(logging_setup.JsonFormatter())
    rpc_log = logging.getLogger("keyturn.rpc")
    rpc_log.addHandler(handler)
    level = rpc_log.level
    rpc_log.setLevel(logging.INFO)
    try:
        exporter.clear()
        with grpc.insecure_channel(traced.address) as ch:
            stub = keys_pb2_grpc.KeyServiceStub(with_token(ch, traced.admin_token))
            stub.CreateOrganization(keys_pb2.CreateOrganizationRequest(name="logged-org"), timeout=10)
        traced.call(_noop())  # the log line is written after the status is sent
    finally:
        rpc_log.removeHandler(handler)
        rpc_log.setLevel(level)
    lines = [json.loads(line) for line in buffer.getvalue().splitlines()]
    mine = [line for line in lines if line.get("method") == CREATE]
    assert len(mine) == 1
    root = next(s for s in exporter.get_finished_spans() if s.kind == SpanKind.SERVER)
    assert mine[0]["trace_id"] == format(root.context.trace_id, "032x")
    assert set(mine[0]) >= {"method", "code", "duration_ms", "request_id"}  # the line as it was


async def _noop() -> None:
    return None


def test_an_incoming_traceparent_is_continued(traced: TracedServer, exporter: InMemorySpanExporter) -> None:
    exporter.clear()
    trace_id = "4bf92f3577b34da6a3ce929d0e0e4736"
    with grpc.insecure_channel(traced.address) as ch:
        stub = keys_pb2_grpc.KeyServiceStub(with_token(ch, traced.admin_token))
        stub.CreateOrganization(
            keys_pb2.CreateOrganizationRequest(name="propagated-org"),
            metadata=(("traceparent", f"00-{trace_id}-00f067aa0ba902b7-01"),),
            timeout=10,
        )
    root = next(s for s in exporter.get_finished_spans() if s.kind == SpanKind.SERVER)
    assert format(root.context.trace_id, "032x") == trace_id


def test_tracing_is_off_without_an_endpoint(server: ServerThread, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OTEL_EXPORTER_OTLP_ENDPOINT", raising=False)
    assert server.container.tracing is None
    from keyturn_server.api.tracing import provider_from_environment

    assert provider_from_environment() is None
    monkeypatch.setenv("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4317")
    provider = provider_from_environment()
    assert provider is not None
    provider.shutdown()


def test_errors_and_streams_keep_their_status_under_tracing(
    traced: TracedServer, exporter: InMemorySpanExporter
) -> None:
    """The instrumentation wraps the servicer context the edge aborts through: the status,
    its ErrorInfo and the x-request-id trailer come through unchanged, and a ValidateKeys
    stream is one SERVER span."""
    from tests.support import decode_error

    exporter.clear()
    with grpc.insecure_channel(traced.address) as ch:
        stub = keys_pb2_grpc.KeyServiceStub(with_token(ch, traced.admin_token))
        with pytest.raises(grpc.RpcError) as caught:
            stub.ValidateKey(keys_pb2.ValidateKeyRequest(plaintext="kt_live_nope"), timeout=10)
        decoded = decode_error(caught.value)
        assert (decoded.code, decoded.reason) == (grpc.StatusCode.UNAUTHENTICATED, "KEY_INVALID")
        trailers = dict(caught.value.trailing_metadata() or ())  # type: ignore[attr-defined]
        assert trailers.get("x-request-id")
        one = keys_pb2.ValidateKeysRequest(
            request_id="1", validation=keys_pb2.ValidateKeyRequest(plaintext="x")
        )
        answers = list(stub.ValidateKeys(iter([one, one, one]), timeout=10))
        assert [a.error.code for a in answers] == [grpc.StatusCode.UNAUTHENTICATED.value[0]] * 3
    servers = {s.name: s for s in exporter.get_finished_spans() if s.kind == SpanKind.SERVER}
    assert (
        servers["/keyturn.v1.KeyService/ValidateKey"].attributes.get("rpc.grpc.status_code")
        == (grpc.StatusCode.UNAUTHENTICATED.value[0])
    )
    assert "/keyturn.v1.KeyService/ValidateKeys" in servers


def test_the_otlp_exporter_loads() -> None:
    """xds-protos ships an old copy of opentelemetry-proto's files; after an install the real
    ones must be on top (scripts/restore_otel_protos.py), or OTLP export cannot start."""
    from opentelemetry.exporter.otlp.proto.grpc.trace_exporter import OTLPSpanExporter
    from opentelemetry.proto.common.v1.common_pb2 import InstrumentationScope

    assert OTLPSpanExporter and InstrumentationScope
