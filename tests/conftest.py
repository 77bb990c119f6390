"""Fixtures: PostgreSQL (started by the suite, or KEYTURN_TEST_DATABASE_URL) and servers.

`backend_url` is parametrized over SQLite and PostgreSQL; `server` is a real Keyturn server on
a free port using that backend. Tests talk to it through the generated stubs.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator

import grpc
import pytest

from tests.support import (
    PostgresCluster,
    ServerThread,
    create_postgres_database,
    make_settings,
    prepare_database,
    with_token,
)


@pytest.fixture(scope="session")
def postgres_admin_url() -> Iterator[str]:
    given = os.environ.get("KEYTURN_TEST_DATABASE_URL")
    if given:
        yield given
        return
    cluster = PostgresCluster.start()
    try:
        yield cluster.admin_url
    finally:
        cluster.stop()


@pytest.fixture(scope="session")
def new_database_url(postgres_admin_url: str, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A factory: new_database_url("sqlite"|"postgresql") -> a fresh, migrated database URL."""

    def make(backend: str) -> str:
        if backend == "sqlite":
            path = tmp_path_factory.mktemp("sqlite") / "keyturn.db"
            url = f"sqlite:///{path}"
        else:
            url = create_postgres_database(postgres_admin_url)
        prepare_database(url)
        return url

    return make


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="module")
def server(
    backend: str, new_database_url, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServerThread]:  # type: ignore[no-untyped-def]
    url = new_database_url(backend)
    settings = make_settings(url, tmp_path_factory.mktemp("data"))
    running = ServerThread(settings).start()
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="module")
def grpc_channel(server: ServerThread) -> Iterator[grpc.Channel]:
    """A channel to `server` sending its ADMIN token (`authorization: Bearer ...`) on every call."""
    with grpc.insecure_channel(server.address) as channel:
        yield with_token(channel, server.admin_token)


@pytest.fixture
def log_records(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG)
    return caplog
