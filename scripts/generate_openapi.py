"""Regenerate the OpenAPI document of the REST/JSON edge from the contract.

    python scripts/generate_openapi.py            # docs/openapi.json + the served copy
    python scripts/generate_openapi.py --check    # exit 1 when either is stale

protoc (grpc_tools, a dev dependency) compiles protos/keyturn/v1 with --include_source_info
so the document's descriptions are the .proto comments; the server ships the result as
package data (keyturn_server/api/http/openapi.json) and serves it at /openapi.json.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from google.protobuf import descriptor_pb2
from grpc_tools import protoc

ROOT = Path(__file__).resolve().parents[1]
PROTOS = ROOT / "protos"
THIRD_PARTY = ROOT / "third_party" / "googleapis"
TARGETS = (
    ROOT / "docs" / "openapi.json",
    ROOT / "server" / "keyturn_server" / "api" / "http" / "openapi.json",
)


def source_files() -> list[descriptor_pb2.FileDescriptorProto]:
    import grpc_tools

    well_known = Path(grpc_tools.__file__).parent / "_proto"
    sources = sorted(str(p.relative_to(PROTOS)) for p in (PROTOS / "keyturn" / "v1").glob("*.proto"))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "set.pb"
        args = [
            "grpc_tools.protoc",
            f"-I{PROTOS}",
            f"-I{THIRD_PARTY}",
            f"-I{well_known}",
            "--include_source_info",
            f"--descriptor_set_out={out}",
            *sources,
        ]
        if protoc.main(args) != 0:
            raise SystemExit("protoc failed")
        return list(descriptor_pb2.FileDescriptorSet.FromString(out.read_bytes()).file)


def render() -> str:
    from keyturn_server.api.http import github_scanning, openapi, routes
    from keyturn_server.app import SERVICE_NAMES, pool_service

    version = "v1"
    bindings = routes.bindings(pool_service(name) for name in SERVICE_NAMES)
    document = openapi.build_document(
        source_files(),
        bindings,
        version,
        extra_paths=routes.EXTRA_PATHS,
        receivers={github_scanning.PATH: (github_scanning.OPENAPI_TAG, github_scanning.OPENAPI_PATH_ITEM)},
    )
    return json.dumps(document, indent=2, sort_keys=False, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    text = render()
    stale = [t for t in TARGETS if not t.exists() or t.read_text() != text]
    if args.check:
        for target in stale:
            print(f"stale: {target.relative_to(ROOT)} (run python scripts/generate_openapi.py)")
        return 1 if stale else 0
    for target in TARGETS:
        target.write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
