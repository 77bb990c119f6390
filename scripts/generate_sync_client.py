"""Generate the synchronous Python client (keyturn/client/sync.py) from the asyncio one (aio.py).

    python scripts/generate_sync_client.py              # rewrite clients/python/.../sync.py
    python scripts/generate_sync_client.py --out FILE   # elsewhere (the freshness test does this)

aio.py is the only hand-written client. unasync (a maintained token rewriter) drops every
`async`/`await` and renames the tokens in REPLACEMENTS; what genuinely differs between the two
clients (channel, sleep, what a call returns) sits behind `_io_async` / `_io_sync`, which offer the
same names. Docstrings get the same renames, the module docstring is replaced by SYNC_DOCSTRING,
and ruff tidies (imports, `yield from`) and formats the result with the project's settings. The script refuses output that still
mentions asyncio, so a new async-only construct in aio.py fails here instead of in sync.py.
"""

from __future__ import annotations

import argparse
import ast
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import tokenize_rt
import unasync

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "clients" / "python" / "src" / "keyturn" / "client"
SOURCE = PACKAGE / "aio.py"
TARGET = PACKAGE / "sync.py"

# Beyond unasync's own table (__aiter__ -> __iter__, AsyncIterator -> Iterator, ...).
REPLACEMENTS = {
    "AsyncClient": "Client",
    "AsyncPager": "Pager",
    "AsyncAuditEventStream": "AuditEventStream",
    "AsyncEventStream": "EventStream",
    "AsyncKeyEventStream": "KeyEventStream",
    "KeyEventServiceAsyncStub": "KeyEventServiceStub",
    "KeyServiceAsyncStub": "KeyServiceStub",
    "CryptoServiceAsyncStub": "CryptoServiceStub",
    "AuditServiceAsyncStub": "AuditServiceStub",
    "AccessServiceAsyncStub": "AccessServiceStub",
    "TokenServiceAsyncStub": "TokenServiceStub",
    "WebhookServiceAsyncStub": "WebhookServiceStub",
    "KeyPolicyServiceAsyncStub": "KeyPolicyServiceStub",
    "_io_async": "_io_sync",
}

HEADER = """\
# Generated from aio.py by scripts/generate_sync_client.py (unasync). DO NOT EDIT: change aio.py
# (or _io_sync.py) and rerun the script; tests/test_contract.py fails when this file is stale.
"""

SYNC_DOCSTRING = '''\
"""`Client`: the synchronous Keyturn client, generated from `AsyncClient` (aio.py).

    with Client("127.0.0.1:50051", token="kta_...") as keyturn:
        org, _ = keyturn.get_or_create_organization("Acme Inc")
        result = keyturn.create_key(org.id, metadata=KeyMetadata(name="Alice", scopes=["read"]))
        keyturn.validate_key(result.plaintext, required_scopes=["read"])

list_* return a `Pager` (iterate it with `for`, or `.to_list()`). Every method raises a
subclass of `APIKeyError` (keyturn.client.errors) on failure.
"""
'''

# Anything async left after the rewrite means aio.py grew a construct the rules do not cover.
LEFTOVER = re.compile(r"\basync\b|\bawait\b|asyncio|grpc\.aio|\baio\b|Async")
WORD = re.compile(r"\b[A-Za-z_][A-Za-z0-9_]*\b")


def _rename_in_strings(source: str, replacements: dict[str, str]) -> str:
    """unasync renames a string only when all of it is one name; docstrings need it word by word."""
    tokens = tokenize_rt.src_to_tokens(source)
    for index, token in enumerate(tokens):
        if token.name == "STRING":
            renamed = WORD.sub(lambda m: replacements.get(m.group(0), m.group(0)), token.src)
            tokens[index] = token._replace(src=renamed)
    return tokenize_rt.tokens_to_src(tokens)


def _replace_module_docstring(source: str) -> str:
    first = ast.parse(source).body[0]
    if not (isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)):
        raise SystemExit("aio.py must start with a module docstring")
    assert first.end_lineno is not None
    rest = source.splitlines(keepends=True)[first.end_lineno :]
    return SYNC_DOCSTRING + "".join(rest)


def _ruff(args: list[str], source: str) -> str:
    # --stdin-filename makes ruff use the settings that apply to sync.py in this repository.
    result = subprocess.run(  # noqa: S603 (our own interpreter and arguments)
        [sys.executable, "-m", "ruff", *args, "--stdin-filename", str(TARGET), "-"],
        input=source,
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"ruff {args[0]} failed on the generated client:\n{result.stderr}")
    return result.stdout


def _tidy(source: str) -> str:
    """What ruff would ask of hand-written sync code: imports sorted (AsyncIterator became
    Iterator), `yield from` where an async generator had to loop (UP028), then the format."""
    fixed = _ruff(["check", "--select", "I,UP028", "--fix", "--unsafe-fixes", "--quiet"], source)
    return _ruff(["format"], fixed)


def render() -> str:
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "sync.py"
        rule = unasync.Rule(fromdir=str(SOURCE), todir=str(out), additional_replacements=REPLACEMENTS)
        unasync.unasync_files([str(SOURCE)], rules=[rule])
        code = out.read_text(encoding="utf-8")
    code = _replace_module_docstring(code)
    body_start = len(SYNC_DOCSTRING)
    code = code[:body_start] + _rename_in_strings(code[body_start:], rule.token_replacements)
    leftovers = sorted({m.group(0) for m in LEFTOVER.finditer(code[body_start:])})
    if leftovers:
        raise SystemExit(f"the generated sync client still says {leftovers}: extend REPLACEMENTS")
    return _tidy(HEADER + code)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=TARGET)
    out = parser.parse_args(argv).out
    out.write_text(render(), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
