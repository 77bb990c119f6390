"""The server process: health per service, reflection, error shape, storage on both backends."""

from __future__ import annotations

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection_pb2, reflection_pb2_grpc
from keyturn_server.app import SERVICE_NAMES
from keyturn_server.store import migrate

from tests.support import ServerThread


def test_every_service_reports_serving(grpc_channel: grpc.Channel) -> None:
    stub = health_pb2_grpc.HealthStub(grpc_channel)
    for name in ("", *SERVICE_NAMES):
        response = stub.Check(health_pb2.HealthCheckRequest(service=name), timeout=5)
        assert response.status == health_pb2.HealthCheckResponse.SERVING, name


def test_unknown_health_service_is_not_found(grpc_channel: grpc.Channel) -> None:
    stub = health_pb2_grpc.HealthStub(grpc_channel)
    with pytest.raises(grpc.RpcError) as info:
        stub.Check(health_pb2.HealthCheckRequest(service="no.such.Service"), timeout=5)
    assert info.value.code() == grpc.StatusCode.NOT_FOUND


def _reflect(
    channel: grpc.Channel, request: reflection_pb2.ServerReflectionRequest
) -> reflection_pb2.ServerReflectionResponse:
    stub = reflection_pb2_grpc.ServerReflectionStub(channel)
    return next(iter(stub.ServerReflectionInfo(iter([request]), timeout=5)))


def test_reflection_lists_every_service(grpc_channel: grpc.Channel) -> None:
    response = _reflect(grpc_channel, reflection_pb2.ServerReflectionRequest(list_services=""))
    names = {s.name for s in response.list_services_response.service}
    assert set(SERVICE_NAMES) <= names
    assert "grpc.health.v1.Health" in names


@pytest.mark.parametrize("symbol", ["google.rpc.ErrorInfo", "google.rpc.BadRequest", "google.rpc.RetryInfo"])
def test_reflection_resolves_error_detail_types(grpc_channel: grpc.Channel, symbol: str) -> None:
    response = _reflect(grpc_channel, reflection_pb2.ServerReflectionRequest(file_containing_symbol=symbol))
    assert response.HasField("file_descriptor_response"), response


def test_migrations_are_reversible(server: ServerThread) -> None:
    url = server.settings.database_url
    assert migrate.current(url) == migrate.head()
    # A second, empty database of the same backend goes base -> head -> base -> head.
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        other = f"sqlite:///{server.settings.data_dir / 'reversible.db'}"
    else:
        from tests.support import create_postgres_database

        other = create_postgres_database(
            parsed.set(database="postgres").render_as_string(hide_password=False)
        )
    migrate.upgrade(other)
    assert migrate.current(other) == migrate.head()
    migrate.downgrade(other, "base")
    assert migrate.current(other) is None
    migrate.upgrade(other)
    assert migrate.current(other) == migrate.head()
