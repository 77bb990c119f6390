"""GitHub's secret-scanning partner program: the receiver GitHub POSTs matches of our key
regex to, on the HTTP listener at `POST /github/secret-scanning`.

GitHub sends a JSON array `[{"token", "type", "url", "source"}]` signed with ECDSA (P-256,
SHA-256): the header `Github-Public-Key-Identifier` names one of GitHub's public keys
(published at https://api.github.com/meta/public_keys/secret_scanning) and
`Github-Public-Key-Signature` holds the base64 DER signature over the raw body. The keys are
configured by KEYTURN_GITHUB_SECRET_SCANNING_KEYS: the path of a JSON file shaped like that
answer, `{"public_keys": [{"key_identifier": "...", "key": "-----BEGIN PUBLIC KEY-----...",
"is_current": true}]}` (the file is read again when a request names an identifier it does
not hold, so refreshing it needs no restart). Without it the route does not exist (404).

A request whose signature is missing, malformed, wrong or by an unknown key is answered 401
and changes nothing. A verified request is reported through the same use case as
ReportLeakedKeys (usecases/leaks.py) as the actor `github-secret-scanning`, with the
server's trust (every key found is acted upon and labelled), in batches of the RPC's
1000 candidates. The answer is GitHub's feedback format:
`[{"token_raw", "token_type", "label": "true_positive" | "false_positive"}]`, one per match.
Tokens are never logged or stored.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from keyturn_server.api.http import status
from keyturn_server.api.interceptors import begin_request, failure, log_call
from keyturn_server.api.leak_reports import clamp
from keyturn_server.config import ConfigError
from keyturn_server.domain import errors as de
from keyturn_server.domain.access import current_principal
from keyturn_server.domain.context import RequestMeta
from keyturn_server.usecases.leaks import (
    MAX_CANDIDATES,
    MAX_SOURCE_CHARS,
    MAX_URL_CHARS,
    LeakCandidate,
    LeakReports,
    LeakResult,
)

log = logging.getLogger("keyturn.http")

PATH = "/github/secret-scanning"
ACTOR = "github-secret-scanning"
METHOD = "GitHubSecretScanning"
IDENTIFIER_HEADER = "github-public-key-identifier"
SIGNATURE_HEADER = "github-public-key-signature"
MAX_HEADER_CHARS = 1024


# The route in the OpenAPI document (api/http/openapi.py takes it as a receiver).
OPENAPI_TAG = {
    "name": METHOD,
    "description": "GitHub's secret-scanning partner program: where GitHub reports public matches "
    "of the Keyturn key regex. Served only when KEYTURN_GITHUB_SECRET_SCANNING_KEYS is set "
    "(404 otherwise).",
}
_MATCH = {
    "type": "object",
    "required": ["token"],
    "properties": {
        "token": {"type": "string", "description": "The string GitHub found."},
        "type": {"type": "string", "description": "The token type GitHub matched it as."},
        "url": {"type": "string", "description": "Where GitHub found it."},
        "source": {"type": "string", "description": "What GitHub scanned (content, commit, ...)."},
    },
}
_FEEDBACK = {
    "type": "object",
    "properties": {
        "token_raw": {"type": "string"},
        "token_type": {"type": "string"},
        "label": {"type": "string", "enum": ["true_positive", "false_positive"]},
    },
}
_STATUS = {"application/json": {"schema": {"$ref": "#/components/schemas/google.rpc.Status"}}}
OPENAPI_PATH_ITEM: dict[str, Any] = {
    "post": {
        "operationId": f"{METHOD}_Report",
        "tags": [METHOD],
        "summary": "Report keys GitHub found in public",
        "description": "Every Keyturn key among the matches is acted upon as by ReportLeakedKeys "
        "(revoked or flagged per its project's policy, a LEAKED event, an audit record with the "
        "source and location) as the actor `github-secret-scanning`. The request is signed by "
        "GitHub (ECDSA P-256 over the raw body), not authenticated with a bearer token.",
        "security": [],
        "parameters": [
            {
                "name": IDENTIFIER_HEADER,
                "in": "header",
                "required": True,
                "schema": {"type": "string", "maxLength": MAX_HEADER_CHARS},
                "description": "Which of GitHub's public keys signed the body.",
            },
            {
                "name": SIGNATURE_HEADER,
                "in": "header",
                "required": True,
                "schema": {"type": "string", "maxLength": MAX_HEADER_CHARS},
                "description": "The base64 DER ECDSA signature over the raw body.",
            },
        ],
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": {"type": "array", "items": _MATCH}}},
        },
        "responses": {
            "200": {
                "description": "GitHub's feedback format, one entry per match: `true_positive` "
                "for a Keyturn key, `false_positive` otherwise.",
                "content": {"application/json": {"schema": {"type": "array", "items": _FEEDBACK}}},
            },
            "401": {"description": "A missing, malformed or unverifiable signature.", "content": _STATUS},
            "404": {"description": "The receiver is not configured on this server."},
            "default": {"description": "An error: google.rpc.Status as JSON.", "content": _STATUS},
        },
    }
}


class KeyFileError(ConfigError):
    """The configured key file is missing or not GitHub's public-keys shape."""


def load_public_keys(path: Path) -> dict[str, ec.EllipticCurvePublicKey]:
    """{key_identifier: public key} from a file shaped like GitHub's
    /meta/public_keys/secret_scanning answer."""
    try:
        document = json.loads(path.read_text())
    except OSError as exc:
        raise KeyFileError(
            f"KEYTURN_GITHUB_SECRET_SCANNING_KEYS: cannot read {path}: {exc.strerror}"
        ) from None
    except ValueError:
        raise KeyFileError(f"KEYTURN_GITHUB_SECRET_SCANNING_KEYS: {path} is not JSON") from None
    entries = document.get("public_keys") if isinstance(document, dict) else None
    if not isinstance(entries, list) or not entries:
        raise KeyFileError(
            f"KEYTURN_GITHUB_SECRET_SCANNING_KEYS: {path} needs a non-empty `public_keys` list"
        )
    keys: dict[str, ec.EllipticCurvePublicKey] = {}
    for index, entry in enumerate(entries):
        where = f"{path}: public_keys[{index}]"
        if not isinstance(entry, dict):
            raise KeyFileError(f"KEYTURN_GITHUB_SECRET_SCANNING_KEYS: {where} is not an object")
        identifier, pem = entry.get("key_identifier"), entry.get("key")
        if not isinstance(identifier, str) or not identifier or not isinstance(pem, str):
            raise KeyFileError(
                f"KEYTURN_GITHUB_SECRET_SCANNING_KEYS: {where} needs `key_identifier` and `key` strings"
            )
        try:
            key = serialization.load_pem_public_key(pem.encode())
        except ValueError:
            raise KeyFileError(
                f"KEYTURN_GITHUB_SECRET_SCANNING_KEYS: {where}.key is not a PEM public key"
            ) from None
        if not isinstance(key, ec.EllipticCurvePublicKey):
            raise KeyFileError(f"KEYTURN_GITHUB_SECRET_SCANNING_KEYS: {where}.key is not an ECDSA key")
        keys[identifier] = key
    return keys


class PublicKeys:
    """GitHub's signing keys by identifier, re-read from the file when an unknown one is named
    (at most once a second, so unknown identifiers cannot make us read the disk per request)."""

    RELOAD_INTERVAL_SECONDS = 1.0

    def __init__(self, path: Path) -> None:
        self.path = path
        self.keys: Mapping[str, ec.EllipticCurvePublicKey] = load_public_keys(path)
        self._loaded_at = time.monotonic()

    def get(self, identifier: str) -> ec.EllipticCurvePublicKey | None:
        key = self.keys.get(identifier)
        if key is None and time.monotonic() - self._loaded_at >= self.RELOAD_INTERVAL_SECONDS:
            self._loaded_at = time.monotonic()
            try:
                self.keys = load_public_keys(self.path)
            except KeyFileError as exc:
                log.warning("keeping the previous GitHub secret-scanning keys: %s", exc)
            key = self.keys.get(identifier)
        return key

    def verify(self, identifier: str, signature: str, body: bytes) -> bool:
        """Is `signature` (base64 DER) by GitHub's key `identifier` over exactly `body`?"""
        key = self.get(identifier) if identifier else None
        if key is None or not signature:
            return False
        try:
            der = base64.b64decode(signature, validate=True)
            key.verify(der, body, ec.ECDSA(hashes.SHA256()))
        except (binascii.Error, ValueError, InvalidSignature):
            return False
        return True


@dataclass(frozen=True)
class _Match:
    token: str
    type: str
    url: str
    source: str


def _matches(body: bytes) -> list[_Match]:
    """The JSON array GitHub sends; InvalidArgument (naming no value) when it is not one."""
    try:
        document = json.loads(body)
    except ValueError:
        raise de.InvalidArgument.field("body", "is not JSON") from None
    if not isinstance(document, list):
        raise de.InvalidArgument.field("body", "must be a JSON array of matches")
    matches: list[_Match] = []
    for index, item in enumerate(document):
        if not isinstance(item, dict) or not isinstance(item.get("token"), str) or not item["token"]:
            raise de.InvalidArgument.field(f"body[{index}].token", "required: a non-empty string")
        fields = {name: item.get(name) or "" for name in ("type", "url", "source")}
        if not all(isinstance(value, str) for value in fields.values()):
            raise de.InvalidArgument.field(f"body[{index}]", "type, url and source must be strings")
        matches.append(_Match(item["token"], fields["type"], fields["url"], fields["source"]))
    return matches


class GitHubSecretScanning:
    """The receiver route, calling the leaked-keys use case."""

    def __init__(self, keys: PublicKeys, leaks: LeakReports, max_body_bytes: int) -> None:
        self.keys = keys
        self.leaks = leaks
        self.max_body_bytes = max_body_bytes

    def routes(self) -> list[Route]:
        return [Route(PATH, self.receive, methods=["POST"], name=METHOD)]

    async def _body(self, request: Request) -> bytes:
        chunks: list[bytes] = []
        size = 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > self.max_body_bytes:
                raise de.PayloadTooLarge("body", self.max_body_bytes)
            chunks.append(chunk)
        return b"".join(chunks)

    async def receive(self, request: Request) -> Response:
        meta = begin_request(
            METHOD,
            request.headers.get("x-request-id", ""),
            _peer(request),
            request.headers.get("user-agent", ""),
        )
        meta.log_fields["transport"] = "http"
        started = time.perf_counter()
        code = "OK"
        try:
            body = await self._body(request)
            identifier = request.headers.get(IDENTIFIER_HEADER, "")[:MAX_HEADER_CHARS]
            signature = request.headers.get(SIGNATURE_HEADER, "")[:MAX_HEADER_CHARS]
            if not self.keys.verify(identifier, signature, body):
                raise de.CallerUnauthenticated("missing, malformed or unverifiable GitHub signature")
            meta.actor = ACTOR
            matches = _matches(body)
            answer = await self._report(matches)
            meta.log_fields["matches"] = str(len(matches))
            return _json(200, answer, meta)
        except Exception as error:
            code, grpc_status = failure(meta, METHOD, error)
            http_code, payload, headers = status.error_body(grpc_status)
            return _json(http_code, payload, meta, headers)
        finally:
            log_call(meta, code, started, False)

    async def _report(self, matches: list[_Match]) -> list[dict[str, str]]:
        # The server's trust: GitHub is no principal, and learns about every key it found.
        token = current_principal.set(None)
        try:
            results: list[LeakResult] = []
            for start in range(0, len(matches), MAX_CANDIDATES):
                batch = matches[start : start + MAX_CANDIDATES]
                candidates = [
                    LeakCandidate(
                        token=m.token,
                        source=clamp(f"github:{m.source}" if m.source else "github", MAX_SOURCE_CHARS),
                        url=clamp(m.url, MAX_URL_CHARS),
                    )
                    for m in batch
                ]
                results.extend(answer.result for answer in await self.leaks.report(candidates))
        finally:
            current_principal.reset(token)
        return [
            {
                "token_raw": m.token,
                "token_type": m.type,
                "label": "true_positive" if result is LeakResult.FOUND else "false_positive",
            }
            for m, result in zip(matches, results, strict=True)
        ]


def _peer(request: Request) -> str:
    """The client in gRPC's peer form, as the other edges record it."""
    client = request.client
    if client is None:
        return ""
    host, port = client.host, client.port
    return f"ipv6:[{host}]:{port}" if ":" in host else f"ipv4:{host}:{port}"


def _json(code: int, body: Any, meta: RequestMeta, headers: Mapping[str, str] | None = None) -> Response:
    return JSONResponse(
        body,
        status_code=code,
        headers={"cache-control": "no-store", "x-request-id": meta.request_id, **(headers or {})},
    )


__all__ = ["ACTOR", "PATH", "GitHubSecretScanning", "KeyFileError", "PublicKeys", "load_public_keys"]
