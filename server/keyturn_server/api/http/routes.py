"""Routes from the contract: one HTTP binding per RPC, read from its `google.api.http`
annotation (AIP-127), and the proto3-JSON transcoding of requests (path variables, query
parameters, body) into the RPC's request message.

An RPC without an annotation is bound generically at `POST /v1/<service>/<method>` with the
whole request as the body (the managed-key RPCs, until their REST mapping is designed).

Path templates support what the contract uses: literal segments, `{field}` / `{field=*}`
variables (also dotted, `{key.id}`) and a trailing `:verb`. Starlette's router matches them
(a variable is one path segment); `key.id` becomes the route parameter `key__id`.

Input accepts proto field names and lowerCamelCase JSON names (json_format accepts both).
Enum values may be given by their full name (`TOKEN_TYPE_API_KEY`), their number, or their
name without the enum's prefix compared ignoring case and punctuation (`api-key`,
`uuid-v4`, `P-256`, `RSA`), which is how the reference API spells them. Unknown fields are
refused naming the field (never echoing a value: a body may carry a key or a password).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from google.api import annotations_pb2, http_pb2
from google.protobuf import descriptor, json_format
from google.protobuf.message import Message
from google.protobuf.message_factory import GetMessageClass

from keyturn_server.api.http import reference
from keyturn_server.domain.errors import DomainError, InvalidArgument

FD = descriptor.FieldDescriptor
_VARIABLE = re.compile(r"\{([A-Za-z_][A-Za-z0-9_.]*)(?:=\*)?\}")
# Well-known types whose JSON form is a scalar or free-form: not walked into.
WELL_KNOWN = frozenset(
    {
        "google.protobuf.Timestamp",
        "google.protobuf.Duration",
        "google.protobuf.FieldMask",
        "google.protobuf.Struct",
        "google.protobuf.Value",
        "google.protobuf.ListValue",
        "google.protobuf.Any",
        "google.protobuf.Empty",
        "google.protobuf.BoolValue",
        "google.protobuf.StringValue",
        "google.protobuf.BytesValue",
        "google.protobuf.Int32Value",
        "google.protobuf.Int64Value",
        "google.protobuf.UInt32Value",
        "google.protobuf.UInt64Value",
        "google.protobuf.FloatValue",
        "google.protobuf.DoubleValue",
    }
)
MAX_QUERY_PARAMS = 200
GET_JWKS = "/keyturn.v1.TokenService/GetJwks"
# More paths bound to an RPC (its request built from the query alone), served and documented:
# every organization's token-signing keys where JWT libraries look for them.
EXTRA_PATHS: dict[str, tuple[str, ...]] = {GET_JWKS: ("/.well-known/jwks.json",)}


@dataclass(frozen=True)
class Binding:
    """One RPC's HTTP mapping."""

    rpc: str  # full gRPC method name, "/keyturn.v1.KeyService/GetKey"
    method: descriptor.MethodDescriptor
    verb: str  # GET, POST, PATCH, DELETE, PUT
    template: str  # "/v1/keys/{id}:rotate"
    body: str  # "" (none), "*" (all fields not in the path) or one field's name
    path_fields: tuple[str, ...]
    annotated: bool
    request_class: type[Message] = field(compare=False, repr=False)

    @property
    def route_path(self) -> str:
        """The template in Starlette's syntax."""
        return _VARIABLE.sub(lambda m: "{" + m.group(1).replace(".", "__") + "}", self.template)

    @property
    def server_streaming(self) -> bool:
        return bool(self.method.server_streaming)


def _rule(method: descriptor.MethodDescriptor) -> http_pb2.HttpRule | None:
    options = method.GetOptions()
    if not options.HasExtension(annotations_pb2.http):
        return None
    rule: http_pb2.HttpRule = options.Extensions[annotations_pb2.http]
    return rule


def bindings(services: Iterable[descriptor.ServiceDescriptor]) -> list[Binding]:
    """Every RPC of `services` with its HTTP mapping."""
    found: list[Binding] = []
    for service in services:
        for method in service.methods:
            if method.client_streaming:
                continue  # a client stream (ValidateKeys) has no REST mapping; gRPC only
            rpc = f"/{service.full_name}/{method.name}"
            rule = _rule(method)
            if rule is None:
                verb, template, body, annotated = "POST", f"/v1/{service.full_name}/{method.name}", "*", False
            else:
                kind = rule.WhichOneof("pattern")
                if kind not in ("get", "post", "patch", "delete", "put"):
                    raise ValueError(f"{rpc}: unsupported google.api.http pattern {kind!r}")
                verb, template, body, annotated = kind.upper(), getattr(rule, kind), rule.body, True
                if rule.additional_bindings:
                    raise ValueError(f"{rpc}: additional_bindings are not supported")
            path_fields = tuple(m.group(1) for m in _VARIABLE.finditer(template))
            for name in path_fields:
                _field_path(method.input_type, name)  # fails at startup on a typo
            if body not in ("", "*"):
                _field_path(method.input_type, body)
            found.append(
                Binding(
                    rpc=rpc,
                    method=method,
                    verb=verb,
                    template=template,
                    body=body,
                    path_fields=path_fields,
                    annotated=annotated,
                    request_class=GetMessageClass(method.input_type),
                )
            )
    return found


def _field_path(message: descriptor.Descriptor, dotted: str) -> list[FD]:
    fields: list[FD] = []
    current: descriptor.Descriptor | None = message
    for part in dotted.split("."):
        if current is None:
            raise ValueError(f"{message.full_name}: {dotted} is not a field path")
        f = current.fields_by_name.get(part)
        if f is None:
            raise ValueError(f"{message.full_name}: {dotted} is not a field path")
        fields.append(f)
        current = f.message_type
    return fields


# -- enums --------------------------------------------------------------------------------

_ALIASES: dict[str, dict[str, str]] = {}


def _squash(text: str) -> str:
    return re.sub(r"[^A-Z0-9]", "", text.upper())


def _enum_aliases(enum: descriptor.EnumDescriptor) -> dict[str, str]:
    cached = _ALIASES.get(enum.full_name)
    if cached is not None:
        return cached
    names = [v.name for v in enum.values]
    zero = next((v.name for v in enum.values if v.number == 0), "")
    prefix = zero[: -len("UNSPECIFIED")] if zero.endswith("_UNSPECIFIED") else ""
    table: dict[str, str] = {}
    clashes: set[str] = set()
    for name in names:
        short = name[len(prefix) :] if prefix and name.startswith(prefix) else name
        for alias in {_squash(short), _squash(name)}:
            if alias in table and table[alias] != name:
                clashes.add(alias)
            table[alias] = name
    for alias in clashes:
        del table[alias]
    _ALIASES[enum.full_name] = table
    return table


def enum_value(enum: descriptor.EnumDescriptor, raw: Any) -> Any:
    """`raw` as json_format accepts it: the canonical name for an alias, else unchanged."""
    if not isinstance(raw, str) or raw in enum.values_by_name:
        return raw
    return _enum_aliases(enum).get(_squash(raw), raw)


# -- request transcoding -------------------------------------------------------------------


def _lookup(message: descriptor.Descriptor, key: str) -> FD | None:
    found = message.fields_by_name.get(key)
    if found is not None:
        return found
    for candidate in message.fields:
        if candidate.json_name == key:
            return candidate
    return None


def _join(prefix: str, name: str) -> str:
    return f"{prefix}.{name}" if prefix else name


def _normalize(message: descriptor.Descriptor, data: Any, where: str, depth: int = 0) -> Any:
    """`data` (a JSON object for `message`) with proto field names as keys and enum aliases
    resolved; InvalidArgument naming the first unknown field."""
    if not isinstance(data, dict) or depth > 64:
        return data  # json_format reports the type error
    out: dict[str, Any] = {}
    for key, value in data.items():
        f = _lookup(message, key)
        if f is None:
            raise InvalidArgument.field(_join(where, str(key)[:64]), f"is not a field of {message.full_name}")
        path = _join(where, f.name)
        if f.name in out:
            raise InvalidArgument.field(path, "is given twice (by its proto and its JSON name)")
        out[f.name] = _normalize_value(f, value, path, depth)
    return out


def _normalize_value(f: FD, value: Any, path: str, depth: int) -> Any:
    if value is None:
        return None
    if f.message_type is not None and f.message_type.GetOptions().map_entry:
        value_field = f.message_type.fields_by_name["value"]
        if isinstance(value, dict):
            return {
                k: _normalize_single(value_field, v, f"{path}[{k!r}]"[:200], depth) for k, v in value.items()
            }
        return value
    if f.is_repeated and isinstance(value, list):
        return [_normalize_single(f, item, f"{path}[{i}]", depth) for i, item in enumerate(value)]
    return _normalize_single(f, value, path, depth)


def _normalize_single(f: FD, value: Any, path: str, depth: int) -> Any:
    if f.enum_type is not None:
        return enum_value(f.enum_type, value)
    if f.message_type is not None and f.message_type.full_name not in WELL_KNOWN:
        return _normalize(f.message_type, value, path, depth + 1)
    return value


def _set_path(data: dict[str, Any], fields: list[FD], value: Any, *, append: bool) -> None:
    target = data
    for f in fields[:-1]:
        nested = target.setdefault(f.name, {})
        if not isinstance(nested, dict):
            raise InvalidArgument.field(f.name, "is given both as a value and as a message")
        target = nested
    last = fields[-1]
    if append:
        target.setdefault(last.name, []).append(value)
    else:
        target[last.name] = value


def _query_value(f: FD, raw: str, name: str) -> Any:
    if f.type == FD.TYPE_BOOL:
        lowered = raw.lower()
        if lowered in ("true", "1"):
            return True
        if lowered in ("false", "0", ""):
            return False
        raise InvalidArgument.field(name, "must be true or false")
    return raw


def _query_fields(message: descriptor.Descriptor, dotted: str) -> list[FD] | None:
    fields: list[FD] = []
    current: descriptor.Descriptor | None = message
    for part in dotted.split("."):
        if current is None:
            return None
        f = _lookup(current, part)
        if f is None:
            return None
        fields.append(f)
        current = f.message_type if (f.message_type and f.message_type.full_name not in WELL_KNOWN) else None
    return fields


def parse_json_body(raw: bytes) -> Any:
    """The body as JSON; an empty body is `{}`. None when it is not JSON (or not UTF-8)."""
    if not raw.strip():
        return {}
    try:
        return json.loads(raw)
    except (ValueError, RecursionError):
        return None


class Undecodable(Exception):
    """The body is not JSON, or json_format cannot map it onto the request message."""


def build_request(
    binding: Binding,
    path_params: Mapping[str, str],
    query: Iterable[tuple[str, str]],
    body: bytes,
) -> Message:
    """The RPC's request message from the HTTP request (path wins over body and query)."""
    message = binding.method.input_type
    data: dict[str, Any] = {}
    if binding.body:
        parsed = parse_json_body(body)
        if parsed is None:
            raise Undecodable
        if binding.rpc in reference.RPCS:
            parsed = reference.request_body(binding.rpc, parsed)
        if binding.body == "*":
            if not isinstance(parsed, dict):
                raise Undecodable
            data = _normalize(message, parsed, "")
        else:
            target = message.fields_by_name[binding.body]
            data = {target.name: _normalize_value(target, parsed, target.name, 0)}
    if binding.body != "*":
        for count, (name, raw) in enumerate(query):
            if count >= MAX_QUERY_PARAMS:
                raise InvalidArgument.field("query", f"at most {MAX_QUERY_PARAMS} parameters")
            fields = _query_fields(message, name)
            if fields is None or (
                fields[-1].message_type is not None and fields[-1].message_type.full_name not in WELL_KNOWN
            ):
                raise InvalidArgument.field(name[:64], f"is not a query parameter of {message.full_name}")
            last = fields[-1]
            value = _query_value(last, raw, name)
            if last.enum_type is not None:
                value = enum_value(last.enum_type, value)
            _set_path(data, fields, value, append=last.is_repeated)
    for name in binding.path_fields:
        fields = _field_path(message, name)
        _set_path(data, fields, path_params.get(name.replace(".", "__"), ""), append=False)
    request = binding.request_class()
    try:
        json_format.ParseDict(data, request, max_recursion_depth=64)
    except (json_format.ParseError, ValueError, TypeError, RecursionError, AttributeError) as exc:
        raise Undecodable from exc
    return request


def render(message: Message) -> dict[str, Any]:
    """A response message as proto3 JSON with the proto field names (`entropy_bits`)."""
    rendered: dict[str, Any] = json_format.MessageToDict(message, preserving_proto_field_name=True)
    return rendered


__all__ = [
    "Binding",
    "DomainError",
    "Undecodable",
    "bindings",
    "build_request",
    "enum_value",
    "render",
]
