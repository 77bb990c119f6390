"""The OpenAPI document: generated from the contract, committed fresh, served, and fuzzed
with schemathesis against a real server over HTTP (no answer may be a 5xx)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests import http_support
from tests.http_support import base_url
from tests.support import ServerThread

ROOT = Path(__file__).resolve().parents[2]
http_server = http_support.http_server


@pytest.fixture(scope="module")
def backend() -> str:  # the fuzz runs once, on the embedded default's engine
    return "sqlite"


def test_committed_documents_are_fresh() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "generate_openapi.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_document_covers_every_rpc_with_descriptions(http_server: ServerThread) -> None:
    from keyturn_server.app import KEYTURN_SERVICES, pool_service

    served = httpx.get(base_url(http_server) + "/openapi.json").json()
    assert served == json.loads((ROOT / "docs" / "openapi.json").read_text())
    operations = {op["operationId"]: op for path in served["paths"].values() for op in path.values()}
    for name in KEYTURN_SERVICES:
        service = pool_service(name)
        for method in service.methods:
            if method.client_streaming:
                assert not any(op.endswith("_" + method.name) for op in operations)  # gRPC only
                continue
            op = operations[f"{service.name}_{method.name}"]
            assert op["description"].strip(), op["operationId"]
    assert served["paths"]["/v1/auth/generate-key"]["get"]["operationId"] == "CryptoService_GenerateKey"
    # The routes beyond the annotations are documented too: the well-known JWKS (served here)
    # and GitHub's secret-scanning receiver (signed by GitHub, so without bearer security).
    jwks = served["paths"]["/.well-known/jwks.json"]["get"]
    assert jwks["operationId"] == "TokenService_GetJwks_WellKnownJwksJson"
    assert [p["name"] for p in jwks["parameters"]] == ["organization_id"]
    answer = httpx.get(base_url(http_server) + "/.well-known/jwks.json")
    assert answer.status_code == 200 and set(answer.json()) <= {"keys"}  # none before a token
    github = served["paths"]["/github/secret-scanning"]["post"]
    assert github["security"] == [] and {"200", "401", "404"} <= set(github["responses"])
    assert {p["name"] for p in github["parameters"]} == {
        "github-public-key-identifier",
        "github-public-key-signature",
    }
    schema = served["components"]["schemas"]["keyturn.v1.GenerateKeyResponse"]
    assert set(schema["properties"]) == {"key", "type", "entropy_bits"}
    assert "generated token" in schema["properties"]["key"]["description"]


def test_schemathesis_finds_no_server_error(http_server: ServerThread, tmp_path: Path) -> None:
    binary = shutil.which("schemathesis") or str(Path(sys.executable).parent / "schemathesis")
    url = base_url(http_server)
    started = time.monotonic()
    done = subprocess.run(
        [
            binary,
            "run",
            f"{url}/openapi.json",
            "--checks",
            "not_a_server_error",
            "--max-examples",
            "4",
            "--phases",
            "examples,fuzzing",
            "--workers",
            "2",
            "--seed",
            "14",
            "--request-timeout",
            "20",
            "--header",
            f"Authorization: Bearer {http_server.admin_token}",
            # Endless by design (a live tail).
            "--exclude-path-regex",
            r":stream$",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]
    assert time.monotonic() - started < 120
