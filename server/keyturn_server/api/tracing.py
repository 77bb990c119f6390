"""OpenTelemetry traces: off unless OTEL_EXPORTER_OTLP_ENDPOINT is set.

With it set, the server builds one TracerProvider (resource from the standard OTEL_* variables,
`service.name` defaulting to `keyturn`), exports spans over OTLP/gRPC in batches
(OTEL_EXPORTER_OTLP_* configure the exporter as usual), and instruments:

- the gRPC server, with the maintained opentelemetry-instrumentation-grpc aio server
  interceptor. It is installed BEFORE the EdgeInterceptor, so it is the outermost wrapper:
  its SERVER span is current while the edge decodes, authenticates, runs the handler and
  writes the per-RPC log line (which therefore carries the trace id). It wraps whatever
  handler the next interceptor returns (unary and streaming alike) and takes the incoming
  `traceparent` from the call's metadata, so it composes with the edge as is;
- SQLAlchemy, with opentelemetry-instrumentation-sqlalchemy's EngineTracer on the container's engine: every
  statement is a CLIENT span under the RPC's span (SQLAlchemy's asyncio layer runs the driver
  in a greenlet that shares the task's context).

Tests pass their own TracerProvider (with an in-memory exporter) instead; nothing is set
globally, so several servers in one process each keep their own.
"""

from __future__ import annotations

import logging
import os
from typing import TYPE_CHECKING, Any

from keyturn_server.config import ConfigError

if TYPE_CHECKING:
    from opentelemetry.sdk.trace import TracerProvider

    from keyturn_server.store.db import Database

log = logging.getLogger("keyturn.tracing")

ENDPOINT_ENV = "OTEL_EXPORTER_OTLP_ENDPOINT"


def provider_from_environment() -> TracerProvider | None:
    """An OTLP-exporting TracerProvider when OTEL_EXPORTER_OTLP_ENDPOINT is set, else None."""
    if not os.environ.get(ENDPOINT_ENV):
        return None
    try:
        from opentelemetry.exporter.otlp.proto.grpc.trace_exporter import OTLPSpanExporter
    except ImportError as exc:
        # xds-protos (the Envoy stubs) ships an old copy of opentelemetry-proto's files; when
        # pip unpacked it last the exporter cannot load. Say how to repair, not a traceback.
        raise ConfigError(
            f"{ENDPOINT_ENV} is set but the OTLP exporter cannot be loaded ({exc}); run "
            "`python scripts/restore_otel_protos.py` (or reinstall opentelemetry-proto) after installing"
        ) from None
    from opentelemetry.sdk.resources import SERVICE_NAME, Resource
    from opentelemetry.sdk.trace import TracerProvider
    from opentelemetry.sdk.trace.export import BatchSpanProcessor

    resource = Resource.create({SERVICE_NAME: os.environ.get("OTEL_SERVICE_NAME", "keyturn")})
    provider = TracerProvider(resource=resource)
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
    log.info("tracing", extra={"fields": {"otlp_endpoint": os.environ[ENDPOINT_ENV]}})
    return provider


class Tracing:
    """The container's tracing component: instruments the engine, offers the gRPC interceptor,
    flushes and shuts the provider down on stop."""

    def __init__(self, provider: TracerProvider, db: Database) -> None:
        from opentelemetry.instrumentation.sqlalchemy.engine import EngineTracer
        from opentelemetry.instrumentation.sqlalchemy.version import __version__
        from opentelemetry.metrics import get_meter

        from keyturn_server import logging_setup

        self.provider = provider
        # The instrumentation's per-engine tracer, not SQLAlchemyInstrumentor().instrument():
        # that one is a process-wide singleton which also patches create_engine for every
        # later engine (with the first caller's provider), and it refuses SQLAlchemy 2.1 by
        # its declared version range although the engine events it hooks are unchanged.
        # test_tracing.py checks that statements are traced, so a break shows there.
        name = "opentelemetry.instrumentation.sqlalchemy"
        usage = get_meter(name, __version__).create_up_down_counter(
            "db.client.connections.usage", unit="connections"
        )
        tracer = provider.get_tracer(name, __version__)
        self._engine_tracer = EngineTracer(tracer, db.engine.sync_engine, usage)  # type: ignore[no-untyped-call]
        logging_setup.enable_trace_ids()

    def server_interceptor(self) -> Any:
        from opentelemetry.instrumentation.grpc import aio_server_interceptor

        return aio_server_interceptor(tracer_provider=self.provider)  # type: ignore[no-untyped-call]

    async def stop(self) -> None:
        self.provider.force_flush(5_000)
        self.provider.shutdown()


__all__ = ["Tracing", "provider_from_environment"]
