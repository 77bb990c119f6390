"""Regenerate the Python stubs for the keyturn.v1 contract.

    python scripts/generate.py                # into clients/python/src
    python scripts/generate.py --out DIR      # elsewhere (the freshness test does this)

Produces *_pb2.py, *_pb2.pyi (mypy-protobuf) and *_pb2_grpc.py for every file under
protos/keyturn/v1. google/api and google/rpc come from googleapis-common-protos at run time;
the vendored copies in third_party/ only feed the compiler's import path.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from grpc_tools import protoc

ROOT = Path(__file__).resolve().parents[1]
PROTOS = ROOT / "protos"
THIRD_PARTY = ROOT / "third_party" / "googleapis"
DEFAULT_OUT = ROOT / "clients" / "python" / "src"


def generate(out: Path) -> None:
    import grpc_tools

    well_known = Path(grpc_tools.__file__).parent / "_proto"
    sources = sorted(str(p.relative_to(PROTOS)) for p in (PROTOS / "keyturn" / "v1").glob("*.proto"))
    out.mkdir(parents=True, exist_ok=True)
    args = [
        "grpc_tools.protoc",
        f"-I{PROTOS}",
        f"-I{THIRD_PARTY}",
        f"-I{well_known}",
        f"--python_out={out}",
        f"--mypy_out={out}",
        f"--grpc_python_out={out}",
        f"--mypy_grpc_out={out}",
        *sources,
    ]
    if protoc.main(args) != 0:
        raise SystemExit("protoc failed")
    package = out / "keyturn" / "v1"
    init = package / "__init__.py"
    if not init.exists():
        init.write_text('"""Generated keyturn.v1 stubs. Do not edit; run scripts/generate.py."""\n')


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    generate(parser.parse_args(argv).out)


if __name__ == "__main__":
    main(sys.argv[1:])
