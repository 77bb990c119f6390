"""The TypeScript/Node client (clients/node) against a real server: `node --test` runs its smoke
test (create an org and a key, validate, revoke, see KEY_REVOKED decoded from the status
details). Skipped only when `node` is not installed."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support import ServerThread

NODE_CLIENT = Path(__file__).resolve().parents[1] / "clients" / "node"


@pytest.fixture(scope="module")
def backend() -> str:
    return "sqlite"


def test_node_client_smoke(server: ServerThread) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed (apt-get install nodejs npm)")
    if not (NODE_CLIENT / "node_modules" / "@grpc" / "grpc-js").is_dir():
        npm = shutil.which("npm")
        assert npm is not None, "node is installed but npm is not"
        install = subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund"],
            cwd=NODE_CLIENT,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert install.returncode == 0, install.stdout + install.stderr
    env = {**os.environ, "KEYTURN_ADDR": server.address, "KEYTURN_TOKEN": server.admin_token}
    run = subprocess.run(
        [node, "--test", "test/"], cwd=NODE_CLIENT, env=env, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "# pass 1" in run.stdout and "# fail 0" in run.stdout and "# skipped 0" in run.stdout
