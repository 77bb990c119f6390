"""The OpenAPI 3 document of the REST/JSON edge, generated from the contract: paths from the
`google.api.http` bindings (routes.py), schemas from the message descriptors, descriptions
from the .proto comments (the source info protoc records with --include_source_info).

Built by scripts/generate_openapi.py into docs/openapi.json and the packaged copy the server
serves at /openapi.json; tests/test_http_openapi.py fails when either is stale.

JSON follows the proto3 mapping as the edge speaks it: proto field names in answers (both
spellings accepted in requests), 64-bit integers as decimal strings, bytes as base64,
Timestamps as RFC 3339, Durations as `"3.5s"`, enums by name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from google.api import field_behavior_pb2
from google.protobuf import descriptor, descriptor_pb2

from keyturn_server.api.http import reference
from keyturn_server.api.http.routes import Binding

FD = descriptor.FieldDescriptor
_INT64 = {"pattern": "^-?[0-9]{1,19}$", "type": "string", "format": "int64"}
_UINT64 = {"pattern": "^[0-9]{1,20}$", "type": "string", "format": "uint64"}
_WELL_KNOWN_SCHEMAS: dict[str, dict[str, Any]] = {
    "google.protobuf.Timestamp": {"type": "string", "format": "date-time"},
    "google.protobuf.Duration": {"type": "string", "pattern": "^-?[0-9]{1,12}(\\.[0-9]{1,9})?s$"},
    "google.protobuf.FieldMask": {"type": "string", "description": "Comma-separated field paths."},
    "google.protobuf.Struct": {"type": "object", "additionalProperties": True},
    "google.protobuf.Value": {},
    "google.protobuf.ListValue": {"type": "array", "items": {}},
    "google.protobuf.Empty": {"type": "object"},
    "google.protobuf.Any": {
        "type": "object",
        "properties": {"@type": {"type": "string"}},
        "additionalProperties": True,
    },
}


class Comments:
    """Leading comments of services, methods, messages, fields, enums and enum values."""

    def __init__(self, files: Iterable[descriptor_pb2.FileDescriptorProto]) -> None:
        self.text: dict[str, str] = {}
        for file in files:
            by_path = {
                tuple(loc.path): loc.leading_comments
                for loc in file.source_code_info.location
                if loc.leading_comments
            }
            package = file.package
            for i, service in enumerate(file.service):
                name = f"{package}.{service.name}"
                self._put(name, by_path.get((6, i)))
                for j, method in enumerate(service.method):
                    self._put(f"{name}.{method.name}", by_path.get((6, i, 2, j)))
            for i, message in enumerate(file.message_type):
                self._message(f"{package}.{message.name}", message, (4, i), by_path)
            for i, enum in enumerate(file.enum_type):
                self._enum(f"{package}.{enum.name}", enum, (5, i), by_path)

    def _put(self, name: str, comment: str | None) -> None:
        if comment:
            lines = [line[1:] if line.startswith(" ") else line for line in comment.strip("\n").split("\n")]
            self.text[name] = "\n".join(lines).strip()

    def _message(
        self,
        name: str,
        message: descriptor_pb2.DescriptorProto,
        path: tuple[int, ...],
        by_path: dict[tuple[int, ...], str],
    ) -> None:
        self._put(name, by_path.get(path))
        for j, field in enumerate(message.field):
            self._put(f"{name}.{field.name}", by_path.get((*path, 2, j)))
        for j, nested in enumerate(message.nested_type):
            self._message(f"{name}.{nested.name}", nested, (*path, 3, j), by_path)
        for j, enum in enumerate(message.enum_type):
            self._enum(f"{name}.{enum.name}", enum, (*path, 4, j), by_path)

    def _enum(
        self,
        name: str,
        enum: descriptor_pb2.EnumDescriptorProto,
        path: tuple[int, ...],
        by_path: dict[tuple[int, ...], str],
    ) -> None:
        self._put(name, by_path.get(path))
        for j, value in enumerate(enum.value):
            self._put(f"{name}.{value.name}", by_path.get((*path, 2, j)))

    def get(self, name: str) -> str:
        return self.text.get(name, "")


def _behaviors(field: FD) -> set[int]:
    options = field.GetOptions()
    return set(options.Extensions[field_behavior_pb2.field_behavior])


class _Schemas:
    def __init__(self, comments: Comments) -> None:
        self.comments = comments
        self.schemas: dict[str, dict[str, Any]] = {}

    def ref(self, message: descriptor.Descriptor) -> dict[str, Any]:
        if message.full_name in _WELL_KNOWN_SCHEMAS:
            return dict(_WELL_KNOWN_SCHEMAS[message.full_name])
        if message.full_name not in self.schemas:
            self.schemas[message.full_name] = {}  # placeholder: recursion stops here
            self.schemas[message.full_name] = self._message(message)
        return {"$ref": f"#/components/schemas/{message.full_name}"}

    def _message(self, message: descriptor.Descriptor) -> dict[str, Any]:
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in message.fields:
            schema = self.field(field)
            text = self.comments.get(f"{message.full_name}.{field.name}")
            behaviors = _behaviors(field)
            if field_behavior_pb2.OUTPUT_ONLY in behaviors:
                schema["readOnly"] = True
            if field_behavior_pb2.REQUIRED in behaviors:
                required.append(field.name)
            if text:
                schema = (
                    {"allOf": [schema], "description": text}
                    if "$ref" in schema
                    else {**schema, "description": text}
                )
                if "allOf" in schema and schema["allOf"][0].get("readOnly"):
                    schema["readOnly"] = True
            properties[field.name] = schema
        out: dict[str, Any] = {"type": "object", "properties": properties}
        if required:
            out["required"] = required
        text = self.comments.get(message.full_name)
        if text:
            out["description"] = text
        return out

    def field(self, field: FD) -> dict[str, Any]:
        if field.message_type is not None and field.message_type.GetOptions().map_entry:
            value = field.message_type.fields_by_name["value"]
            return {"type": "object", "additionalProperties": self.single(value)}
        single = self.single(field)
        if field.is_repeated:
            return {"type": "array", "items": single}
        return single

    def single(self, field: FD) -> dict[str, Any]:
        kind = field.type
        if field.message_type is not None:
            return self.ref(field.message_type)
        if field.enum_type is not None:
            enum = field.enum_type
            lines = [f"- `{v.name}`: {self.comments.get(f'{enum.full_name}.{v.name}')}" for v in enum.values]
            return {"type": "string", "enum": [v.name for v in enum.values], "x-enum-descriptions": lines}
        if kind == FD.TYPE_BOOL:
            return {"type": "boolean"}
        if kind == FD.TYPE_STRING:
            return {"type": "string"}
        if kind == FD.TYPE_BYTES:
            return {"type": "string", "format": "byte"}
        if kind in (FD.TYPE_DOUBLE, FD.TYPE_FLOAT):
            return {"type": "number"}
        if kind in (FD.TYPE_INT64, FD.TYPE_SINT64, FD.TYPE_SFIXED64):
            return dict(_INT64)
        if kind in (FD.TYPE_UINT64, FD.TYPE_FIXED64):
            return dict(_UINT64)
        if kind in (FD.TYPE_UINT32, FD.TYPE_FIXED32):
            return {"type": "integer", "format": "int64", "minimum": 0, "maximum": 4294967295}
        return {"type": "integer", "format": "int32", "minimum": -2147483648, "maximum": 2147483647}


def _query_parameters(
    schemas: _Schemas, message: descriptor.Descriptor, bound: set[str], prefix: str = "", depth: int = 0
) -> list[dict[str, Any]]:
    params: list[dict[str, Any]] = []
    for field in message.fields:
        name = f"{prefix}{field.name}"
        if name in bound:
            continue
        text = schemas.comments.get(f"{message.full_name}.{field.name}")
        behaviors = _behaviors(field)
        if field_behavior_pb2.OUTPUT_ONLY in behaviors:
            continue
        nested = field.message_type
        if (
            nested is not None
            and nested.full_name not in _WELL_KNOWN_SCHEMAS
            and not nested.GetOptions().map_entry
        ):
            if depth < 2:
                params.extend(_query_parameters(schemas, nested, bound, f"{name}.", depth + 1))
            continue
        if nested is not None and nested.GetOptions().map_entry:
            continue
        param: dict[str, Any] = {"name": name, "in": "query", "schema": schemas.field(field)}
        if field.is_repeated:
            param["style"] = "form"
            param["explode"] = True
        if text:
            param["description"] = text
        params.append(param)
    return params


def _slug(path: str) -> str:
    """`/.well-known/jwks.json` -> `WellKnownJwksJson`: an operationId suffix."""
    return "".join(part.capitalize() for part in re.split(r"[^A-Za-z0-9]+", path) if part)


def _status_schema() -> dict[str, Any]:
    return {
        "type": "object",
        "description": "google.rpc.Status: the gRPC status code, a message and details, among "
        "them exactly one google.rpc.ErrorInfo whose `reason` is a keyturn.v1.ErrorReason.",
        "properties": {
            "code": {"type": "integer", "format": "int32"},
            "message": {"type": "string"},
            "details": {"type": "array", "items": _WELL_KNOWN_SCHEMAS["google.protobuf.Any"]},
        },
    }


def build_document(
    files: Iterable[descriptor_pb2.FileDescriptorProto],
    bindings: list[Binding],
    version: str,
    *,
    extra_paths: Mapping[str, tuple[str, ...]] | None = None,
    receivers: Mapping[str, tuple[dict[str, str], dict[str, Any]]] | None = None,
) -> dict[str, Any]:
    """`extra_paths`: more GET paths of an RPC, its request from the query alone (as the edge
    serves them); `receivers`: hand-written routes that are no RPC, {path: (tag, path item)}."""
    extra_paths = extra_paths or {}
    comments = Comments(files)
    schemas = _Schemas(comments)
    paths: dict[str, dict[str, Any]] = {}
    tags: list[dict[str, str]] = []
    for binding in bindings:
        service, method_name = binding.rpc.strip("/").split("/")
        tag = service.rsplit(".", 1)[-1]
        if all(t["name"] != tag for t in tags):
            tags.append({"name": tag, "description": comments.get(service)})
        method = binding.method
        parameters: list[dict[str, Any]] = []
        template = binding.template
        for name in binding.path_fields:
            # OpenAPI tools refuse dots in parameter names: `{key.id}` is documented as
            # `{key_id}`, the same single path segment.
            documented = name.replace(".", "_")
            template = template.replace("{" + name + "}", "{" + documented + "}")
            text = comments.get(f"{method.input_type.full_name}.{name.split('.')[-1]}")
            parameters.append(
                {
                    "name": documented,
                    "in": "path",
                    "required": True,
                    "schema": {"type": "string", "pattern": "^[^/]+$"},
                    "description": text if documented == name else f"The field `{name}`. {text}",
                }
            )
        operation: dict[str, Any] = {
            "operationId": f"{tag}_{method_name}",
            "tags": [tag],
            "summary": f"{tag}.{method_name}",
            "description": comments.get(f"{service}.{method_name}")
            + ("" if binding.annotated else "\n\nGeneric binding: the whole request message is the body."),
        }
        if binding.body == "*":
            body_schema = schemas.ref(method.input_type)
        elif binding.body:
            body_schema = schemas.field(method.input_type.fields_by_name[binding.body])
        if binding.body:
            operation["requestBody"] = {
                "required": False,
                "content": {"application/json": {"schema": body_schema}},
            }
        if binding.body != "*":
            bound = set(binding.path_fields) | ({binding.body} if binding.body else set())
            parameters.extend(_query_parameters(schemas, method.input_type, bound))
        if parameters:
            operation["parameters"] = parameters
        answer = schemas.ref(method.output_type)
        if binding.server_streaming:
            content = {
                "text/event-stream": {
                    "schema": {"type": "string"},
                    "x-event-schema": answer,
                }
            }
            ok = "Server-sent events: each `data:` line is one response message as JSON; an error ends the stream with `event: error` and a google.rpc.Status."
        else:
            content = {"application/json": {"schema": answer}}
            ok = "The response message."
        operation["responses"] = {
            "200": {"description": ok, "content": content},
            "default": {
                "description": "An error: google.rpc.Status as JSON, HTTP status from the gRPC code.",
                "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/google.rpc.Status"}}
                },
            },
        }
        paths.setdefault(template, {})[binding.verb.lower()] = operation
        for extra in extra_paths.get(binding.rpc, ()):
            alias = dict(operation, operationId=f"{tag}_{method_name}_{_slug(extra)}")
            alias["description"] = (
                comments.get(f"{service}.{method_name}")
                + f"\n\nThe same call as `{binding.verb} {template}`, its request from the query alone."
            )
            alias_parameters = _query_parameters(schemas, method.input_type, set())
            if alias_parameters:
                alias["parameters"] = alias_parameters
            else:
                alias.pop("parameters", None)
            paths.setdefault(extra, {})[binding.verb.lower()] = alias
    for path, (tag_entry, item) in (receivers or {}).items():
        tags.append(tag_entry)
        paths[path] = item
    component_schemas = dict(sorted(schemas.schemas.items()))
    component_schemas["google.rpc.Status"] = _status_schema()
    return reference.openapi(
        {
            "openapi": "3.0.3",
            "info": {
                "title": "Keyturn REST/JSON API",
                "version": version,
                "description": "The keyturn.v1 contract over HTTP, generated from its google.api.http "
                "annotations and comments. Every call passes the same authentication, validation, "
                "error table, audit and logging as gRPC. Authenticate with `Authorization: Bearer <token>`.",
            },
            "servers": [{"url": "/"}],
            "security": [{"bearer": []}],
            "tags": tags,
            "paths": paths,
            "components": {
                "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
                "schemas": component_schemas,
            },
        }
    )
