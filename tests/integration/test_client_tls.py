"""keyturn-client over TLS and mTLS against a real TLS server (certificates made here)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from keyturn.client import AsyncClient, CallerUnauthenticatedError, Client, TokenType
from keyturn.v1 import access_pb2

from tests.integration.test_auth import Pki, _pki, _tls_server
from tests.support import ServerThread, with_token


@pytest.fixture(scope="module")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return _pki(tmp_path_factory.mktemp("pki"))


def test_client_over_tls_with_a_token(new_database_url: Any, tmp_path: Path, pki: Pki) -> None:
    server = _tls_server(new_database_url, tmp_path, pki, mtls=False)
    try:
        with Client(server.address, token=server.admin_token, root_certificates=pki.ca) as client:
            assert client.get_caller_identity().principal.name == "admin"
            org, created = client.get_or_create_organization("tls-org")
            assert created and org.id
        with Client(server.address, root_certificates=pki.ca_path) as anonymous:
            with pytest.raises(CallerUnauthenticatedError):
                anonymous.get_caller_identity()
    finally:
        server.stop()


def test_client_over_mtls_authenticates_with_its_certificate(
    new_database_url: Any, tmp_path: Path, pki: Pki
) -> None:
    server = _tls_server(new_database_url, tmp_path, pki, mtls=True)
    try:
        _map_certificate(server, pki)
        with Client(
            server.address,
            root_certificates=pki.ca,
            client_certificate=pki.client_cert,
            client_key=pki.client_key,
        ) as client:
            me = client.get_caller_identity()
            assert me.principal.name == "svc-crypto" and me.authentication_method == "certificate"
            assert client.generate_key(TokenType.SECRET).key
    finally:
        server.stop()


async def test_async_client_over_mtls(new_database_url: Any, tmp_path: Path, pki: Pki) -> None:
    server = _tls_server(new_database_url, tmp_path, pki, mtls=True)
    try:
        _map_certificate(server, pki)
        async with AsyncClient(
            server.address,
            root_certificates=pki.ca,
            client_certificate=pki.client_cert,
            client_key=pki.client_key,
        ) as client:
            me = await client.get_caller_identity()
            assert me.authentication_method == "certificate"
    finally:
        server.stop()


def _map_certificate(server: ServerThread, pki: Pki) -> None:
    """A CRYPTO principal for the test client certificate's SAN (svc-validator.internal)."""
    import grpc
    from keyturn.v1 import access_pb2_grpc

    credentials = grpc.ssl_channel_credentials(
        root_certificates=pki.ca, private_key=pki.client_key, certificate_chain=pki.client_cert
    )
    with grpc.secure_channel(server.address, credentials) as ch:
        access_pb2_grpc.AccessServiceStub(with_token(ch, server.admin_token)).CreatePrincipal(
            access_pb2.CreatePrincipalRequest(
                principal=access_pb2.Principal(
                    name="svc-crypto",
                    roles=[access_pb2.RoleBinding(role=access_pb2.ROLE_CRYPTO)],
                    certificate_identity="svc-validator.internal",
                )
            ),
            timeout=10,
        )
