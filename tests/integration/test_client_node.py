"""The TypeScript/Node client (clients/node): its smoke test against a real server (`node --test`:
create an org and a key, validate, revoke, see KEY_REVOKED decoded from the status details), the
README quickstart run as written from another project that installed the client the way the
README says, the generated types fresh, and `tsc` over the typings. Skipped only when `node` or
`npm` is not installed."""

from __future__ import annotations

import filecmp
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support import ServerThread

NODE_CLIENT = Path(__file__).resolve().parents[2] / "clients" / "node"
README = NODE_CLIENT / "README.md"


@pytest.fixture(scope="module")
def backend() -> str:
    return "sqlite"


@pytest.fixture(scope="module")
def node() -> str:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed (apt-get install nodejs npm)")
    modules = NODE_CLIENT / "node_modules"
    if not all((modules / name).is_dir() for name in ("@grpc/grpc-js", "@grpc/proto-loader", "typescript")):
        install = subprocess.run(
            [npm(), "ci", "--no-audit", "--no-fund"],
            cwd=NODE_CLIENT,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert install.returncode == 0, install.stdout + install.stderr
    return node


def npm() -> str:
    npm = shutil.which("npm")
    if npm is None:
        pytest.skip("npm is not installed (apt-get install npm)")
    return npm


def readme_snippet() -> str:
    blocks = re.findall(r"```js\n(.*?)```", README.read_text(), re.S)
    assert len(blocks) == 1, f"expected one ```js block in {README}, found {len(blocks)}"
    return blocks[0]


def test_node_client_smoke(server: ServerThread, node: str) -> None:
    env = {**os.environ, "KEYTURN_ADDR": server.address, "KEYTURN_TOKEN": server.admin_token}
    run = subprocess.run(
        [node, "--test", "test/"], cwd=NODE_CLIENT, env=env, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "# pass 3" in run.stdout and "# fail 0" in run.stdout and "# skipped 0" in run.stdout


def test_readme_quickstart_runs_from_another_project(server: ServerThread, node: str, tmp_path: Path) -> None:
    project = tmp_path / "app"
    project.mkdir()
    for command in (["init", "-y"], ["install", "--no-audit", "--no-fund", str(NODE_CLIENT)]):
        step = subprocess.run([npm(), *command], cwd=project, capture_output=True, text=True, timeout=300)
        assert step.returncode == 0, step.stdout + step.stderr
    (project / "quickstart.js").write_text(readme_snippet())
    env = {**os.environ, "KEYTURN_ADDR": server.address, "KEYTURN_TOKEN": server.admin_token}
    run = subprocess.run(
        [node, "quickstart.js"], cwd=project, env=env, capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert re.search(r"^valid: kt_live_\w{4} KEY_STATUS_ACTIVE$", run.stdout, re.M), run.stdout
    assert "after revoke: KEY_REVOKED" in run.stdout.splitlines()
    # Run twice: getOrCreateOrganization makes the snippet safe to repeat.
    again = subprocess.run(
        [node, "quickstart.js"], cwd=project, env=env, capture_output=True, text=True, timeout=60
    )
    assert again.returncode == 0, again.stdout + again.stderr


def test_generated_types_are_up_to_date(node: str, tmp_path: Path) -> None:
    fresh = tmp_path / "generated"
    run = subprocess.run(
        [node, "scripts/generate-types.js", "--out", str(fresh)],
        cwd=NODE_CLIENT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    committed = NODE_CLIENT / "generated"
    committed_files = {p.relative_to(committed) for p in committed.rglob("*") if p.is_file()}
    produced_files = {p.relative_to(fresh) for p in fresh.rglob("*") if p.is_file()}
    assert committed_files == produced_files, (
        f"generated type files differ: {sorted(map(str, committed_files ^ produced_files))}"
    )
    stale = [
        str(f) for f in sorted(produced_files) if not filecmp.cmp(committed / f, fresh / f, shallow=False)
    ]
    assert not stale, f"stale generated types (run npm run generate-types in clients/node): {stale}"


def test_typings_type_check(node: str) -> None:
    tsc = NODE_CLIENT / "node_modules" / "typescript" / "bin" / "tsc"
    run = subprocess.run(
        [node, str(tsc), "-p", "tsconfig.json"], cwd=NODE_CLIENT, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stdout + run.stderr
