"""Helpers for the HTTP edge's tests: a server with its HTTP listener, and REST calls."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.support import ServerThread, make_settings


def start_http_server(url: str, tmp: Any) -> ServerThread:
    return ServerThread(make_settings(url, tmp, http_listen="127.0.0.1:0")).start()


@pytest.fixture(scope="module")
def http_server(
    backend: str, new_database_url, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[ServerThread]:  # type: ignore[no-untyped-def]
    running = start_http_server(new_database_url(backend), tmp_path_factory.mktemp("data"))
    try:
        yield running
    finally:
        running.stop()


def base_url(server: ServerThread) -> str:
    assert server.server is not None and server.server.http is not None
    return server.server.http.url


@pytest.fixture(scope="module")
def rest(http_server: ServerThread) -> Iterator[httpx.Client]:
    """An HTTP client sending the server's ADMIN token."""
    with httpx.Client(
        base_url=base_url(http_server),
        headers={"Authorization": f"Bearer {http_server.admin_token}"},
        timeout=30,
    ) as client:
        yield client


def error_info(body: dict[str, Any]) -> dict[str, Any]:
    infos = [d for d in body["details"] if d["@type"].endswith("google.rpc.ErrorInfo")]
    assert len(infos) == 1, body
    return infos[0]


def detail(body: dict[str, Any], kind: str) -> dict[str, Any] | None:
    found = [d for d in body["details"] if d["@type"].endswith(kind)]
    return found[0] if found else None
