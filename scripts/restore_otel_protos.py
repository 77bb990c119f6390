"""Reinstall opentelemetry-proto's files after xds-protos has overwritten them.

Both PyPI packages ship `opentelemetry/proto/...`: xds-protos (the Envoy ext_authz stubs the
server needs) carries an old copy, and whichever wheel pip unpacks last wins. When xds-protos
wins, the OTLP exporter fails with `cannot import name 'InstrumentationScope'`. This puts the
installed opentelemetry-proto version's own files back and checks them; run it after every
`pip install` of the server (the README's test command, .ci/run and the Dockerfile do).

    python scripts/restore_otel_protos.py [pip options, e.g. --no-index --find-links /wheels]
"""

from __future__ import annotations

import subprocess
import sys
from importlib import metadata


def intact() -> bool:
    """In a fresh interpreter: protobuf's descriptor pool takes each file once per process."""
    probe = "from opentelemetry.proto.common.v1.common_pb2 import InstrumentationScope"
    return subprocess.run([sys.executable, "-c", probe], capture_output=True, check=False).returncode == 0  # noqa: S603 - fixed argv


def main(pip_options: list[str]) -> int:
    version = metadata.version("opentelemetry-proto")
    if intact():
        return 0
    subprocess.run(  # noqa: S603 - fixed argv plus the caller's pip options
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--force-reinstall",
            *pip_options,
            f"opentelemetry-proto=={version}",
        ],
        check=True,
    )
    if not intact():
        print("opentelemetry-proto's files are still not its own", file=sys.stderr)
        return 1
    print(f"restored opentelemetry-proto {version} over the copy xds-protos installed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
