"""The `keyturn` command against real servers: the CLI package's shape, `audit tail`, `verify`,
`prune`'s confirmation, `report usage`, tokens and addresses, unreachable servers, bind
failures before migrations, the embedded default's file modes and quiet restarts.

The CLI does not depend on the backend, so these run on SQLite only.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import queue
import re
import signal
import socket
import stat
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from keyturn.v1 import access_pb2, access_pb2_grpc, keys_pb2, keys_pb2_grpc
from keyturn_server import cli, config, logging_setup
from keyturn_server.cli import common
from keyturn_server.domain.audit import FAILURE, SUCCESS, AuditRecord
from keyturn_server.store import migrate

from tests.audit_support import append
from tests.support import ServerProcess, ServerThread, channel, free_port

CLI_PACKAGE = Path(cli.__file__).parent
KEYTURN = [sys.executable, "-m", "keyturn_server.cli"]


@pytest.fixture(scope="module")
def backend() -> str:
    return "sqlite"


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No KEYTURN_* setting of the developer's shell leaks into a test; no admin-token file
    in the working directory is found by accident."""
    for name in list(os.environ):
        if name.startswith("KEYTURN_") or name == "NO_COLOR":
            monkeypatch.delenv(name)
    monkeypatch.setenv("KEYTURN_DATA_DIR", str(tmp_path / "no-data"))


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KEYTURN_")}
    return {**env, **extra}


@pytest.fixture(scope="module")
def admin_id(server: ServerThread) -> str:
    with channel(server.address, server.admin_token) as ch:
        me = access_pb2_grpc.AccessServiceStub(ch).GetCallerIdentity(
            access_pb2.GetCallerIdentityRequest(), timeout=10
        )
    return str(me.principal.id)


@pytest.fixture(scope="module")
def seeded(server: ServerThread, admin_id: str) -> dict[str, Any]:
    """13 events in two organizations; `bob`'s revoke has a real principal (the admin) as actor."""
    org_a, org_b = str(uuid.uuid4()), str(uuid.uuid4())
    key = str(uuid.uuid4())
    old = datetime.now(UTC) - timedelta(hours=5)
    records = [
        AuditRecord(action="key.create", organization_id=org_a, key_id=key, actor="alice", event_time=old),
        *[
            AuditRecord(
                action="key.validate",
                outcome=FAILURE if i % 3 == 0 else SUCCESS,
                reason="KEY_REVOKED" if i % 3 == 0 else "",
                organization_id=org_a,
                key_id=key,
                actor="svc",
            )
            for i in range(9)
        ],
        AuditRecord(action="key.revoke", organization_id=org_a, key_id=key, actor=admin_id, reason="leaked"),
        AuditRecord(action="key.create", organization_id=org_b, actor="alice"),
        AuditRecord(action="organization.create", organization_id=org_b, actor="alice"),
    ]
    return {"org_a": org_a, "org_b": org_b, "key": key, "sequences": append(server, records)}


def remote(server: ServerThread) -> list[str]:
    return ["--addr", server.address, "--token", server.admin_token]


# ---- the package's shape ------------------------------------------------------------------------


def _actions(parser: argparse.ArgumentParser, path: str = "keyturn") -> Iterator[tuple[str, argparse.Action]]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                yield from _actions(child, f"{path} {name}")
        elif not isinstance(action, argparse._HelpAction):
            yield path, action


def test_every_flag_has_help_text() -> None:
    missing = [
        f"{path} {'/'.join(a.option_strings)}" for path, a in _actions(cli.build_parser()) if not a.help
    ]
    assert not missing, missing


def test_no_command_module_imports_a_private_helper_of_another() -> None:
    offenders = []
    for module in CLI_PACKAGE.glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text())):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("keyturn_server.cli"):
                offenders += [f"{module.name}: {a.name}" for a in node.names if a.name.startswith("_")]
    assert not offenders, offenders
    assert not list(CLI_PACKAGE.parent.glob("cli_*.py")), "the old cli_*.py modules are back"


def test_version() -> None:
    from importlib.metadata import version

    done = subprocess.run([*KEYTURN, "--version"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0
    assert done.stdout.startswith(f"keyturn {version('keyturn')} (keyturn-client ")
    again = subprocess.run([*KEYTURN, "version"], capture_output=True, text=True, timeout=60)
    assert again.stdout == done.stdout


# ---- audit tail ---------------------------------------------------------------------------------


def test_tail_table_fits_120_columns_and_names_actors(
    server: ServerThread, seeded: dict[str, Any], admin_id: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["audit", "tail", "-n", "5", "--organization", seeded["org_a"], *remote(server)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["SEQ", "TIME", "(UTC)", "ACTOR", "ACTION", "OUTCOME", "RESOURCE", "DETAIL"]
    assert len(lines) == 1 + 5
    assert all(len(line) <= 120 for line in lines), max(map(len, lines))
    assert not any("\x1b" in line for line in lines)  # not a terminal: no colour codes
    revoke = next(line for line in lines if "key.revoke" in line)
    assert " admin " in revoke and admin_id not in revoke and "leaked" in revoke
    assert f"key/{seeded['key'][:8]}" in revoke
    # Columns line up with the header.
    for heading, value in (("ACTION", "key.revoke"), ("DETAIL", "leaked")):
        assert lines[0].index(heading) == revoke.index(value)


def test_tail_zero_prints_no_history(
    server: ServerThread, seeded: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["audit", "tail", "-n", "0", *remote(server)]) == 0
    assert capsys.readouterr().out == ""


def test_tail_refuses_a_negative_count(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        cli.main(["audit", "tail", "-n", "-5", "--addr", "127.0.0.1:1"])
    assert exited.value.code == 2
    assert "argument -n/--lines: must be 0 or more, got -5" in capsys.readouterr().err


def test_tail_json_is_one_object_per_line(
    server: ServerThread, seeded: dict[str, Any], admin_id: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["audit", "tail", "-n", "3", "--organization", seeded["org_a"], "--json", *remote(server)]
    assert cli.main(args) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["action"] for r in records] == ["key.validate", "key.validate", "key.revoke"]
    assert records[-1]["actor"] == admin_id and records[-1]["actor_name"] == "admin"
    assert records[0]["actor_name"] == "svc"  # not a principal id: shown as recorded
    assert int(records[0]["sequence"]) < int(records[-1]["sequence"])


def _lines_of(proc: subprocess.Popen[str]) -> queue.Queue[str]:
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(x) for x in proc.stdout or ()], daemon=True).start()
    return lines


def _read_until(lines: queue.Queue[str], needle: str, timeout: float = 15) -> list[str]:
    seen: list[str] = []
    deadline = time.monotonic() + timeout
    while not any(needle in line for line in seen) and time.monotonic() < deadline:
        try:
            seen.append(lines.get(timeout=max(0.01, deadline - time.monotonic())))
        except queue.Empty:
            break
    return seen


def test_tail_follow_from_zero_prints_only_live_events_aligned(
    server: ServerThread, seeded: dict[str, Any]
) -> None:
    proc = subprocess.Popen(
        [*KEYTURN, "audit", "tail", "-n", "0", "--follow", *remote(server)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=clean_env(),
    )
    try:
        lines = _lines_of(proc)
        header = _read_until(lines, "SEQ")
        assert len(header) == 1 and header[0].split()[0] == "SEQ"  # printed once the stream is open
        name = f"followed-{uuid.uuid4().hex[:8]}"
        with channel(server.address, server.admin_token) as ch:
            org = keys_pb2_grpc.KeyServiceStub(ch).CreateOrganization(
                keys_pb2.CreateOrganizationRequest(name=name), timeout=10
            )
        seen = _read_until(lines, "organization.create")
        assert seen, "no live event printed"
        row = seen[-1]
        assert "organization.create" in row and " admin " in row and org.id[:8] in row
        assert header[0].index("ACTION") == row.index("organization.create")
        # Nothing of the history: the seeded events never show up.
        assert not any("key.revoke" in line or "key.validate" in line for line in seen)
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            raise
    assert "Traceback" not in (proc.stderr.read() if proc.stderr else "")


# ---- verify, report -----------------------------------------------------------------------------


def test_verify_and_report(
    server: ServerThread, seeded: dict[str, Any], capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["audit", "verify", *remote(server)]) == 0
    assert "OK" in capsys.readouterr().out

    code = cli.main(
        ["report", "usage", "--key", seeded["key"], "--since", "6h", "--granularity", "hour", *remote(server)]
    )
    out = capsys.readouterr().out
    assert code == 0
    assert "BUCKET (UTC)" in out and "TOTAL SUCCESS" in out
    assert "KEY_REVOKED=3" in out  # the seeded failures
    assert "--audit-level verbose" not in out  # never used: nothing to explain


def test_report_says_why_success_is_zero_at_the_default_level(
    server: ServerThread, capsys: pytest.CaptureFixture[str]
) -> None:
    assert server.settings.audit_level == "detailed"
    with channel(server.address, server.admin_token) as ch:
        keys = keys_pb2_grpc.KeyServiceStub(ch)
        org = keys.CreateOrganization(keys_pb2.CreateOrganizationRequest(name=f"r-{uuid.uuid4().hex[:8]}"))
        created = keys.CreateKey(keys_pb2.CreateKeyRequest(organization_id=org.id), timeout=10)
        keys.ValidateKey(keys_pb2.ValidateKeyRequest(plaintext=created.plaintext), timeout=10)
        deadline = time.monotonic() + 10
        while not keys.GetKey(keys_pb2.GetKeyRequest(id=created.key.id)).HasField("last_used_time"):
            assert time.monotonic() < deadline, "use was never flushed"
            time.sleep(0.1)
    assert cli.main(["report", "usage", "--key", created.key.id, "--since", "1h", *remote(server)]) == 0
    out = capsys.readouterr().out
    assert "only when the server runs with --audit-level verbose" in " ".join(out.split())


# ---- tokens, addresses, unreachable servers --------------------------------------------------------


def test_no_token_says_how_to_give_one(server: ServerThread, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["audit", "verify", "--addr", server.address]) == 1
    err = capsys.readouterr().err
    assert err == "keyturn: the server needs a caller token: set KEYTURN_TOKEN or pass --token\n"


def test_embedded_default_token_file_is_read_for_a_local_server_only(
    server: ServerThread, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / config.ADMIN_TOKEN_FILE).write_text(server.admin_token + "\n")
    monkeypatch.setenv("KEYTURN_DATA_DIR", str(data))
    assert cli.main(["audit", "verify", "--addr", server.address]) == 0
    assert "OK" in capsys.readouterr().out
    parser = cli.build_parser()
    far = common.target(parser.parse_args(["audit", "verify", "--addr", "keyturn.example.com:443"]))
    assert far.token is None  # an ADMIN token is never sent to another machine
    monkeypatch.setenv("KEYTURN_DATABASE_URL", "postgresql://u@127.0.0.1/db")
    assert common.target(parser.parse_args(["audit", "verify", "--addr", server.address])).token is None


def test_unreachable_server_is_one_clear_line(capsys: pytest.CaptureFixture[str]) -> None:
    address = f"127.0.0.1:{free_port()}"
    expected = f"keyturn: cannot reach the server at {address} (is `keyturn serve` running?)\n"
    for args in (
        ["audit", "verify", "--addr", address, "--token", "kta_x"],
        ["audit", "tail", "--addr", address, "--token", "kta_x"],
        ["report", "usage", "--key", str(uuid.uuid4()), "--addr", address, "--token", "kta_x"],
        ["health", "--addr", address],
    ):
        assert cli.main(args) == 1, args
        assert capsys.readouterr().err == expected, args


def test_health_follows_keyturn_addr_and_keyturn_listen(
    server: ServerThread, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = clean_env(KEYTURN_ADDR=server.address)
    done = subprocess.run([*KEYTURN, "health"], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "SERVING" in done.stdout, done.stderr
    # No KEYTURN_ADDR: the local server's listen address, a wildcard host as loopback.
    monkeypatch.setenv("KEYTURN_LISTEN", f"0.0.0.0:{server.port}")
    assert cli.main(["health"]) == 0
    assert common.local_address("[::]:50051") == "[::1]:50051"


# ---- audit prune's confirmation -----------------------------------------------------------------


def test_prune_without_a_terminal_needs_yes(server: ServerThread, capsys: pytest.CaptureFixture[str]) -> None:
    url = server.settings.database_url
    future = (datetime.now(UTC) + timedelta(days=1)).isoformat()
    before = subprocess.run(
        [*KEYTURN, "audit", "prune", "--before", future, "--database-url", url, "--dry-run"],
        capture_output=True,
        text=True,
        timeout=60,
        env=clean_env(),
    )
    assert before.returncode == 0 and "would delete" in before.stdout, before.stderr
    refused = subprocess.run(
        [*KEYTURN, "audit", "prune", "--before", future, "--database-url", url],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
        env=clean_env(),
    )
    assert refused.returncode == 2
    assert refused.stderr.count("\n") == 1 and "pass --yes to confirm" in refused.stderr
    again = subprocess.run(
        [*KEYTURN, "audit", "prune", "--before", future, "--database-url", url, "--dry-run"],
        capture_output=True,
        text=True,
        timeout=60,
        env=clean_env(),
    )
    assert again.stdout == before.stdout  # nothing was deleted


# ---- keyturn serve: bind failures, file modes, quiet restarts -------------------------------------


def _migrated(data: Path) -> bool:
    path = data / config.EMBEDDED_DATABASE_FILE
    return path.exists() and migrate.current(f"sqlite:///{path}") is not None


@pytest.mark.parametrize("listen", ["busy", "nonsense", "256.1.1.1:1"])
def test_bind_failure_is_one_line_exit_2_before_migrating(tmp_path: Path, listen: str) -> None:
    data = tmp_path / "data"
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        address = f"127.0.0.1:{busy.getsockname()[1]}" if listen == "busy" else listen
        done = subprocess.run(
            [*KEYTURN, "serve", "--listen", address],
            env=clean_env(KEYTURN_DATA_DIR=str(data)),
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1, done.stderr
    assert done.stderr.startswith(f"keyturn: cannot listen on {address}: ")
    if listen == "busy":
        assert "Address already in use" in done.stderr
    assert "Traceback" not in done.stderr
    assert not _migrated(data)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_embedded_default_is_private_token_file_works_and_restarts_are_quiet(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = clean_env(KEYTURN_DATA_DIR=str(data))
    first = ServerProcess(env=env, bootstrap=False).start()
    try:
        assert _mode(data) == 0o700
        assert _mode(data / config.EMBEDDED_DATABASE_FILE) == 0o600
        # The CLI finds the local server and its admin token by itself.
        local = {**env, "KEYTURN_LISTEN": first.address}
        done = subprocess.run(
            [*KEYTURN, "audit", "verify"], env=local, capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 0 and "OK" in done.stdout, done.stderr
    finally:
        first.stop()
    assert "Running upgrade" in first.log()  # the first start migrates, and says so
    for line in first.log().splitlines():
        if line.startswith("{"):
            json.loads(line)  # not a terminal: JSON log lines
    os.chmod(data, 0o755)
    os.chmod(data / config.EMBEDDED_DATABASE_FILE, 0o644)
    second = ServerProcess(env=env, bootstrap=False).start()
    second.stop()
    assert _mode(data) == 0o700 and _mode(data / config.EMBEDDED_DATABASE_FILE) == 0o600
    assert "alembic" not in second.log() and "shutting down" in second.log(), second.log()


def test_log_format_is_text_on_a_terminal_and_json_otherwise() -> None:
    class Stream:
        def __init__(self, tty: bool) -> None:
            self.tty = tty

        def isatty(self) -> bool:
            return self.tty

    assert config.from_env({}).log_format == "auto"
    assert logging_setup.resolve_format("auto", Stream(True)) == "text"  # type: ignore[arg-type]
    assert logging_setup.resolve_format("auto", Stream(False)) == "json"  # type: ignore[arg-type]
    assert config.from_env({"KEYTURN_LOG_FORMAT": "json"}).log_format == "json"
    assert logging_setup.resolve_format("json", Stream(True)) == "json"  # type: ignore[arg-type]
    with pytest.raises(config.ConfigError, match="KEYTURN_LOG_FORMAT"):
        config.from_env({"KEYTURN_LOG_FORMAT": "xml"})


def test_bench_reference_script_is_found_relative_to_the_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    import bench.validate

    root = Path(__file__).resolve().parents[2]
    assert "/work/" not in (root / "bench" / "validate.py").read_text()
    expected = root.parent / "shared" / "bench" / "bench_apikeys_platform.py"
    assert importlib.reload(bench.validate).REFERENCE_SCRIPT == expected
    monkeypatch.setenv("KEYTURN_REFERENCE_SCRIPT", "/elsewhere/ref.py")
    assert importlib.reload(bench.validate).REFERENCE_SCRIPT == Path("/elsewhere/ref.py")
    monkeypatch.delenv("KEYTURN_REFERENCE_SCRIPT")
    importlib.reload(bench.validate)


def test_dockerfile_pins_caches_and_leaves_no_wheels() -> None:
    """scripts/docker-steps.sh (run by CI) executes these steps; this checks their shape."""
    root = Path(__file__).resolve().parents[2]
    dockerfile = (root / "Dockerfile").read_text()
    base = re.search(r"^ARG PYTHON_IMAGE=(\S+)$", dockerfile, re.M)
    assert base and re.fullmatch(r"python:3\.11\.\d+-slim-bookworm@sha256:[0-9a-f]{64}", base.group(1))
    stages = re.findall(r"^FROM \S+(?: AS (\w+))?$", dockerfile, re.M)
    assert stages == ["deps", "app", ""]
    deps = dockerfile.split("AS deps")[1].split("FROM ")[0]
    assert "COPY server" not in deps and "COPY clients/python ./" not in deps  # only the pyproject files
    runtime = dockerfile.rsplit("FROM ", 1)[1]
    assert "COPY" not in runtime and runtime.count("--mount=type=bind,from=") == 2
    assert 'CMD ["keyturn", "health"]' in runtime and "--addr" not in runtime
    ignored = set((root / ".dockerignore").read_text().split())
    assert {"build", "*.egg-info", "dist", ".venv*", "**/node_modules"} <= ignored
    from scripts.docker_requirements import requirements

    names = requirements(root)
    assert "rich>=13" in names and not any(n.startswith("keyturn") for n in names)


def _on_a_terminal(args: list[str], **env: str) -> str:
    """Run `keyturn ARGS` with its stdout on a pseudo-terminal; return what it printed."""
    import pty

    leader, follower = pty.openpty()
    try:
        proc = subprocess.Popen(
            [*KEYTURN, *args], stdout=follower, stderr=subprocess.PIPE, env=clean_env(COLUMNS="200", **env)
        )
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed with the process
                break
            if not chunk:
                break
            chunks.append(chunk)
        assert proc.wait(60) == 0, proc.stderr.read() if proc.stderr else ""
    finally:
        os.close(leader)
    return b"".join(chunks).decode()


def test_tail_on_a_terminal_has_colour_unless_no_color(server: ServerThread, seeded: dict[str, Any]) -> None:
    args = ["audit", "tail", "-n", "3", "--organization", seeded["org_a"], *remote(server)]
    colour = re.compile(r"\x1b\[(?:[0-9;]*;)?(?:3[0-8]|9[0-7])(?:;[0-9;]*)?m")  # SGR foreground
    coloured = _on_a_terminal(args)
    assert colour.search(coloured) and "key.revoke" in coloured
    plain = _on_a_terminal(args, NO_COLOR="1")
    assert not colour.search(plain) and "key.revoke" in plain  # bold and dim may stay
    # At most 120 columns even on a wider terminal.
    visible = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", plain)
    assert max(len(line) for line in visible.splitlines()) <= 120
