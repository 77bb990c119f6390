"""The contract: stubs and the generated sync client up to date, buf lint/format clean, the error
table matches ErrorReason."""

from __future__ import annotations

import filecmp
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from keyturn.v1 import errors_pb2
from keyturn_server.api.errors import ERROR_TABLE

ROOT = Path(__file__).resolve().parents[2]
GENERATED = ROOT / "clients" / "python" / "src" / "keyturn" / "v1"
CLIENT = ROOT / "clients" / "python" / "src" / "keyturn" / "client"


def test_generated_stubs_are_up_to_date(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "generate.py"), "--out", str(tmp_path)], check=True
    )
    fresh = tmp_path / "keyturn" / "v1"
    committed = {p.name for p in GENERATED.iterdir() if p.suffix in (".py", ".pyi")}
    produced = {p.name for p in fresh.iterdir() if p.suffix in (".py", ".pyi")}
    assert committed == produced, f"stub files differ: {sorted(committed ^ produced)}"
    stale = [
        name for name in sorted(produced) if not filecmp.cmp(GENERATED / name, fresh / name, shallow=False)
    ]
    assert not stale, f"stale generated stubs (run python scripts/generate.py): {stale}"


def test_sync_client_is_generated_from_the_async_one(tmp_path: Path) -> None:
    fresh = tmp_path / "sync.py"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "generate_sync_client.py"), "--out", str(fresh)], check=True
    )
    assert fresh.read_text() == (CLIENT / "sync.py").read_text(), (
        "clients/python/src/keyturn/client/sync.py is stale: run python scripts/generate_sync_client.py"
    )
    assert fresh.read_text().startswith("# Generated from aio.py")


def test_error_table_covers_every_error_reason() -> None:
    reasons = {v.name for v in errors_pb2.ErrorReason.DESCRIPTOR.values if v.number != 0}
    assert reasons == set(ERROR_TABLE), f"mismatch: {sorted(reasons ^ set(ERROR_TABLE))}"


@pytest.mark.skipif(shutil.which("buf") is None, reason="buf is not installed")
@pytest.mark.parametrize("args", [["lint"], ["format", "--exit-code", "-d"], ["build"]])
def test_buf(args: list[str]) -> None:
    result = subprocess.run(["buf", *args], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
