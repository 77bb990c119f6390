"""keyturn-client installs on its own: a fresh virtual environment, `pip install ./clients/python`,
and the client imports there without any of the server's dependencies."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

CHECK = textwrap.dedent(
    """
    import importlib.metadata, importlib.util, pathlib
    import keyturn.client
    from keyturn.client import Client, AsyncClient, KeyMetadata, RevokedKeyError
    import keyturn.client.interceptor
    from keyturn.v1 import keys_pb2_grpc
    for absent in ("sqlalchemy", "keyturn_server", "alembic", "psycopg", "fastapi"):
        assert importlib.util.find_spec(absent) is None, absent + " should not be installed"
    try:
        import keyturn.client.fastapi
    except ImportError as exc:
        assert "keyturn-client[fastapi]" in str(exc), exc
    else:
        raise AssertionError("keyturn.client.fastapi imported without FastAPI")
    package = pathlib.Path(keyturn.client.__file__).parent.parent
    assert (package / "py.typed").exists() and (package / "v1" / "keys_pb2.pyi").exists()
    assert importlib.metadata.version("keyturn-client") == keyturn.client.__version__ == "0.1.0"
    print("ok", sorted(d.metadata["Name"].lower() for d in importlib.metadata.distributions()))
    """
)


@pytest.mark.slow
def test_client_installs_into_a_fresh_venv(tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True, clear=True).create(env_dir)
    python = env_dir / "bin" / "python"
    # Not our working tree's build artefacts: copy the distribution so the install is clean.
    # (a stale build/ or *.egg-info there would be packaged instead of the sources).
    source = tmp_path / "keyturn-client"
    shutil.copytree(
        ROOT / "clients" / "python",
        source,
        ignore=shutil.ignore_patterns("build", "dist", "*.egg-info", "__pycache__", ".*cache"),
    )
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--disable-pip-version-check", "--quiet", str(source)],
        capture_output=True,
        text=True,
        timeout=540,
        env=env,
    )
    assert install.returncode == 0, install.stdout + install.stderr
    check = subprocess.run(
        [str(python), "-c", CHECK], capture_output=True, text=True, timeout=120, env=env, cwd=tmp_path
    )
    assert check.returncode == 0, check.stdout + check.stderr
    installed = check.stdout
    assert "grpcio" in installed and "protobuf" in installed
    assert "sqlalchemy" not in installed
    assert sys.executable not in str(python)
