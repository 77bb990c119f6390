"""Envoy external authorization (`envoy.service.auth.v3.Authorization/Check`): the third edge.

Envoy's ext_authz HTTP filter sends a CheckRequest for every request on a route; Check turns
it into the same checked request ValidateKey builds (domain.keycheck.check_request) and calls
the same use case (usecases/validate.py KeyValidation.validate): one decision, one audit
record, one rate limit. Nothing here decides whether a key may be used.

Envoy itself calls Check as a Keyturn principal: the edge interceptor authenticates its
`authorization: Bearer <token>` (set in Envoy's grpc_service.initial_metadata) and requires
keys.validate, exactly as for ValidateKey; the use case's tenancy rules then apply (a
VALIDATOR of one organization sees other organizations' keys as invalid).

What a route configures, in its `typed_per_filter_config` ext_authz `context_extensions`
(all optional):

    keyturn_product_id      the product the key must be valid for
    keyturn_scopes          required scopes, comma-separated
    keyturn_key_header      the header carrying the key (default x-api-key; whatever it is,
                            `authorization: Bearer <key>` is accepted when it is absent)
    keyturn_forward_custom  custom fields to forward, comma-separated: user_id,plan ->
                            x-keyturn-custom-user-id, x-keyturn-custom-plan
    keyturn_cost            credits a call takes from a key with credits (ValidateKey's
                            `cost`): a whole number 0..1000000, 0 meaning 1
    keyturn_limits          the rate limits a call takes from, each with its cost
                            (ValidateKey's `limits`): `search:2,default:1`; a bare name
                            costs 1; default: the key's default limit, cost 1

Allowed: the upstream request gains x-keyturn-key-id, x-keyturn-organization-id,
x-keyturn-project-id, x-keyturn-product-id, x-keyturn-scopes and the forwarded custom
fields; the header that carried the key is removed, and so is every other x-keyturn-* header
the client sent (it cannot forge them). The client's response gets x-ratelimit-* headers
when the key has a rate limit.

Denied: an HTTP answer with a JSON body {"code": <http status>, "reason": <ErrorReason>,
"message": ...} - 401 for a missing, invalid, expired or revoked key; 403 for a scope,
product or address the key does not cover; 429 with Retry-After when rate limited; 503 with
Retry-After when the database is unavailable; 500 when the route's context_extensions are
malformed (logged once per distinct fault: it is the operator's to fix). Never the key,
never a stack trace.
"""

from __future__ import annotations

import functools
import json
import logging
import math
import re
from collections.abc import Mapping
from typing import Any

import grpc
from envoy.config.core.v3 import base_pb2
from envoy.service.auth.v3 import external_auth_pb2, external_auth_pb2_grpc
from envoy.type.v3 import http_status_pb2
from google.rpc import code_pb2

from keyturn_server.domain import errors as de
from keyturn_server.domain.context import request_meta
from keyturn_server.domain.keycheck import check_costs, check_request
from keyturn_server.domain.ratelimit import MAX_COST
from keyturn_server.store.db import database_fault
from keyturn_server.usecases.validate import KeyValidation, Validated

Context = grpc.aio.ServicerContext[Any, Any]

DEFAULT_KEY_HEADER = "x-api-key"
PRODUCT_EXTENSION = "keyturn_product_id"
SCOPES_EXTENSION = "keyturn_scopes"
KEY_HEADER_EXTENSION = "keyturn_key_header"
FORWARD_CUSTOM_EXTENSION = "keyturn_forward_custom"
COST_EXTENSION = "keyturn_cost"
LIMITS_EXTENSION = "keyturn_limits"
HEADER_PREFIX = "x-keyturn-"
MAX_FORWARDED_CUSTOM = 32
# Distinct route faults logged (each once); beyond this many, no more are logged.
MAX_REPORTED_FAULTS = 256

log = logging.getLogger("keyturn.envoy_authz")

# A header name as HTTP defines it (a token), lower case as Envoy presents them.
_HEADER_NAME = re.compile(r"^[a-z0-9!#$%&'*+.^_`|~-]{1,128}$")
_CUSTOM_FIELD = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_PRINTABLE = re.compile(r"^[\x20-\x7e]*$")
_WHOLE_NUMBER = re.compile(r"^[0-9]{1,7}$")  # check_costs bounds it to MAX_COST

_OVERWRITE = base_pb2.HeaderValueOption.OVERWRITE_IF_EXISTS_OR_ADD

# ErrorReason -> (HTTP status, the google.rpc code Envoy sees in CheckResponse.status).
# Revoked is 401 here (ValidateKey says PERMISSION_DENIED): to an HTTP client a revoked key
# is a credential that no longer works, like an expired one.
_DENIALS: dict[str, tuple[int, int]] = {
    "KEY_INVALID": (401, code_pb2.UNAUTHENTICATED),
    "KEY_EXPIRED": (401, code_pb2.UNAUTHENTICATED),
    "KEY_REVOKED": (401, code_pb2.UNAUTHENTICATED),
    "INSUFFICIENT_SCOPE": (403, code_pb2.PERMISSION_DENIED),
    "WRONG_PRODUCT": (403, code_pb2.PERMISSION_DENIED),
    "IP_NOT_ALLOWED": (403, code_pb2.PERMISSION_DENIED),
    "RATE_LIMITED": (429, code_pb2.RESOURCE_EXHAUSTED),
    "CREDITS_EXHAUSTED": (429, code_pb2.RESOURCE_EXHAUSTED),
    "UNAVAILABLE": (503, code_pb2.UNAVAILABLE),
    "ABORTED": (503, code_pb2.UNAVAILABLE),
}
_MISCONFIGURED = (500, code_pb2.INTERNAL)


class RouteMisconfigured(Exception):
    """The route's context_extensions are malformed: the operator's fault, not the client's."""


class _MissingKey(de.KeyInvalid):
    def __init__(self, header: str) -> None:
        super().__init__()
        self.message = f"missing API key: send it in the {header} header or as `authorization: Bearer <key>`"


def _clip(value: str, limit: int = 128) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "\u2026"


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _key_header(extensions: Mapping[str, str]) -> str:
    header = extensions.get(KEY_HEADER_EXTENSION, "").strip().lower() or DEFAULT_KEY_HEADER
    if not _HEADER_NAME.match(header):
        raise RouteMisconfigured(f"{KEY_HEADER_EXTENSION} is not a header name")
    return header


def _presented_key(headers: Mapping[str, str], key_header: str) -> tuple[str, str]:
    """(the key, the header it came in): the configured header, else a Bearer authorization."""
    value = headers.get(key_header, "").strip()
    if value:
        return value, key_header
    scheme, _, token = headers.get("authorization", "").strip().partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return token.strip(), "authorization"
    raise _MissingKey(key_header)


def _forwarded_fields(extensions: Mapping[str, str]) -> list[str]:
    names = _split(extensions.get(FORWARD_CUSTOM_EXTENSION, ""))
    if len(names) > MAX_FORWARDED_CUSTOM or not all(_CUSTOM_FIELD.match(n) for n in names):
        raise RouteMisconfigured(
            f"{FORWARD_CUSTOM_EXTENSION} must list at most {MAX_FORWARDED_CUSTOM} field names "
            "of letters, digits, '_' and '-'"
        )
    return names


@functools.lru_cache(maxsize=1024)
def route_costs(raw_cost: str, raw_limits: str) -> tuple[int, tuple[tuple[str, int], ...]]:
    """`keyturn_cost` and `keyturn_limits` as ValidateKey's `cost` and `limits`, checked by
    ValidateKey's own rule (domain.keycheck.check_costs). Route settings repeat on every
    Check, so the parse is cached by their text; a malformed one raises RouteMisconfigured."""
    raw_cost = raw_cost.strip()
    if raw_cost and not _WHOLE_NUMBER.match(raw_cost):
        raise RouteMisconfigured(f"{COST_EXTENSION} must be a whole number 0..{MAX_COST}")
    cost = int(raw_cost) if raw_cost else 0
    limits: list[tuple[str, int]] = []
    for part in _split(raw_limits):
        name, colon, units = part.partition(":")
        name, units = name.strip(), units.strip()
        if colon and not _WHOLE_NUMBER.match(units):
            raise RouteMisconfigured(
                f"{LIMITS_EXTENSION} must list name or name:cost entries, cost a whole number 0..{MAX_COST}"
            )
        limits.append((name, int(units) if colon else 0))
    try:
        check_costs(cost, limits)
    except de.InvalidArgument as err:
        raise RouteMisconfigured(f"{COST_EXTENSION} / {LIMITS_EXTENSION}: {err.message}") from None
    return cost, tuple(limits)


def custom_header_value(value: Any) -> str:
    """A custom field as a header value: printable ASCII text as it is, anything else as
    compact ASCII JSON (so no CR, LF or NUL can reach a header)."""
    if isinstance(value, str) and _PRINTABLE.match(value):
        return value
    return json.dumps(_integral(value), separators=(",", ":"), ensure_ascii=True, sort_keys=True)


def _integral(value: Any) -> Any:
    """Struct numbers are doubles: forward 3.0 as 3, at any depth."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    if isinstance(value, dict):
        return {k: _integral(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_integral(v) for v in value]
    return value


def _header(name: str, value: str) -> base_pb2.HeaderValueOption:
    return base_pb2.HeaderValueOption(
        header=base_pb2.HeaderValue(key=name, value=value), append_action=_OVERWRITE
    )


def _allowed(
    result: Validated, headers: Mapping[str, str], key_header_used: str, forward: list[str]
) -> external_auth_pb2.CheckResponse:
    key = result.entry.snapshot
    row = result.entry.row
    upstream = {
        HEADER_PREFIX + "key-id": key.id,
        HEADER_PREFIX + "organization-id": key.organization_id,
        HEADER_PREFIX + "scopes": ",".join(row.scopes or ()),
    }
    if key.project_id:
        upstream[HEADER_PREFIX + "project-id"] = key.project_id
    if key.product_id:
        upstream[HEADER_PREFIX + "product-id"] = key.product_id
    custom = row.custom or {}
    for name in forward:
        if name in custom and custom[name] is not None:
            upstream[HEADER_PREFIX + "custom-" + name.lower().replace("_", "-")] = custom_header_value(
                custom[name]
            )
    # The key never travels upstream, and neither does any x-keyturn-* header the client made up.
    remove = {key_header_used}
    remove.update(h for h in headers if h.startswith(HEADER_PREFIX) and h not in upstream)
    ok = external_auth_pb2.OkHttpResponse(
        headers=[_header(k, v) for k, v in upstream.items()], headers_to_remove=sorted(remove)
    )
    rate = result.rate
    if rate is not None:
        ok.response_headers_to_add.extend(
            [
                _header("x-ratelimit-limit", str(rate.limit)),
                _header("x-ratelimit-remaining", str(rate.remaining)),
                _header("x-ratelimit-reset", str(rate.window.reset)),
            ]
        )
    response = external_auth_pb2.CheckResponse(ok_response=ok)
    response.status.code = code_pb2.OK
    return response


def _denied(
    http_status: int, rpc_code: int, reason: str, message: str, retry_after: float | None = None
) -> external_auth_pb2.CheckResponse:
    meta = request_meta()
    meta.log_fields["reason"] = reason
    meta.log_fields["http_status"] = str(http_status)
    body = json.dumps({"code": http_status, "reason": reason, "message": message}, ensure_ascii=True)
    denied = external_auth_pb2.DeniedHttpResponse(body=body)
    denied.status.code = http_status_pb2.StatusCode.Value(_STATUS_NAMES[http_status])
    denied.headers.append(_header("content-type", "application/json"))
    if retry_after is not None:
        denied.headers.append(_header("retry-after", str(max(1, math.ceil(retry_after)))))
    if http_status == 401:
        denied.headers.append(_header("www-authenticate", 'ApiKey realm="keyturn"'))
    response = external_auth_pb2.CheckResponse(denied_response=denied)
    response.status.code = rpc_code
    response.status.message = message
    return response


_STATUS_NAMES = {
    401: "Unauthorized",
    403: "Forbidden",
    429: "TooManyRequests",
    500: "InternalServerError",
    503: "ServiceUnavailable",
}


def _route_fault(err: de.DomainError) -> bool:
    """An InvalidArgument from the route's settings (its product id, scopes, or a limit name
    the key does not have) or from Envoy (the source address): not the client's fault. The
    plaintext's own violation (too long to be a key) is the client's."""
    return isinstance(err, de.InvalidArgument) and not any(v.field == "plaintext" for v in err.violations)


def _denial(err: de.DomainError) -> external_auth_pb2.CheckResponse:
    if isinstance(err, de.InvalidArgument):
        if not _route_fault(err):
            plain = de.KeyInvalid()  # too long to be a key: the same answer as any unreadable key
            return _denied(401, code_pb2.UNAUTHENTICATED, plain.reason, plain.message)
        return _denied(
            *_MISCONFIGURED, "INVALID_ARGUMENT", "Keyturn could not check this request: " + err.message
        )
    http_status, rpc_code = _DENIALS.get(err.reason, _MISCONFIGURED)
    retry_after: float | None = None
    if isinstance(err, de.RateLimited):
        retry_after = err.retry_after_seconds
    elif isinstance(err, de.Unavailable | de.Aborted):
        retry_after = err.retry_after_seconds
    return _denied(http_status, rpc_code, err.reason, err.message, retry_after)


class EnvoyAuthorizationServicer:
    """Check: decode the CheckRequest into a ValidationRequest, validate, render the decision.

    (Not a subclass of the generated AuthorizationServicer: xds-protos ships no type stubs,
    and registration only needs the Check method.)"""

    def __init__(self, validation: KeyValidation) -> None:
        self.validation = validation
        self._reported: set[str] = set()

    def _report(self, fault: str, extensions: Mapping[str, str]) -> None:
        """Log a route fault once per route setting (every Check on the route repeats it);
        the answer is denied all the same. Route settings are the operator's configuration,
        never a client's key, so they may be logged (each value clipped)."""
        settings = {name: _clip(value) for name, value in sorted(extensions.items())[:16]}
        seen = f"{fault}|{settings}"
        if seen in self._reported or len(self._reported) >= MAX_REPORTED_FAULTS:
            return
        self._reported.add(seen)
        log.warning(
            "an ext_authz route's Keyturn settings are invalid: %s (context_extensions %s)", fault, settings
        )

    async def Check(
        self, request: external_auth_pb2.CheckRequest, context: Context
    ) -> external_auth_pb2.CheckResponse:
        attributes = request.attributes
        headers = attributes.request.http.headers
        extensions = attributes.context_extensions
        try:
            key_header = _key_header(extensions)
            forward = _forwarded_fields(extensions)
            scopes = _split(extensions.get(SCOPES_EXTENSION, ""))
            product_id = extensions.get(PRODUCT_EXTENSION, "").strip()
            cost, limits = route_costs(
                extensions.get(COST_EXTENSION, ""), extensions.get(LIMITS_EXTENSION, "")
            )
        except RouteMisconfigured as err:
            self._report(str(err), extensions)
            return _denied(
                *_MISCONFIGURED, "INVALID_ARGUMENT", f"the route's Keyturn settings are invalid: {err}"
            )
        try:
            plaintext, used_header = _presented_key(headers, key_header)
            checked = check_request(
                plaintext,
                product_id,
                scopes,
                attributes.source.address.socket_address.address,
                cost=cost,
                limits=limits,
            )
            result = await self.validation.validate(checked)
        except Exception as error:
            domain = database_fault(error)  # a DomainError as is; a driver error classified
            if domain is None:
                raise  # the edge interceptor logs it and answers INTERNAL
            if _route_fault(domain):
                self._report(domain.message, extensions)
            return _denial(domain)
        return _allowed(result, headers, used_header, forward)


def add_to_server(servicer: EnvoyAuthorizationServicer, server: grpc.aio.Server) -> None:
    external_auth_pb2_grpc.add_AuthorizationServicer_to_server(servicer, server)


SERVICE_NAME: str = external_auth_pb2.DESCRIPTOR.services_by_name["Authorization"].full_name

__all__ = [
    "SERVICE_NAME",
    "EnvoyAuthorizationServicer",
    "add_to_server",
    "custom_header_value",
    "route_costs",
]
