"""Request bytes the server cannot decode: INVALID_ARGUMENT with ErrorInfo, before authentication.

Sent over a raw channel (no serializer) to every RPC of every keyturn.v1 service, without
credentials: truncated bytes, a string field that is not UTF-8, and a Struct nested deeper
than the decoder allows. ValidateKey answers KEY_INVALID (it cannot read the key). Each call
logs exactly one normal `rpc` line and no traceback.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from typing import Any

import grpc
import pytest
from google.protobuf import descriptor
from keyturn.v1 import (
    access_pb2,
    audit_pb2,
    crypto_pb2,
    key_events_pb2,
    key_policies_pb2,
    keys_pb2,
    tokens_pb2,
    webhooks_pb2,
)

from tests.support import ServerThread, decode_error

FILES = (
    keys_pb2,
    crypto_pb2,
    audit_pb2,
    access_pb2,
    tokens_pb2,
    key_policies_pb2,
    key_events_pb2,
    webhooks_pb2,
)
METHODS: list[descriptor.MethodDescriptor] = [
    method
    for module in FILES
    for service in module.DESCRIPTOR.services_by_name.values()
    for method in service.methods
]
VALIDATE_KEY = "/keyturn.v1.KeyService/ValidateKey"


def path_of(method: descriptor.MethodDescriptor) -> str:
    return f"/{method.containing_service.full_name}/{method.name}"


def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _length_delimited(number: int, payload: bytes) -> bytes:
    return _varint(number << 3 | 2) + _varint(len(payload)) + payload


def non_utf8_string(message: descriptor.Descriptor) -> bytes | None:
    """A message whose first string field (searched through sub-messages) holds invalid UTF-8."""
    for field in message.fields:
        if field.type == descriptor.FieldDescriptor.TYPE_STRING:
            return _length_delimited(field.number, b"ok\xff\xfe\xc3")
    for field in message.fields:
        if field.type == descriptor.FieldDescriptor.TYPE_MESSAGE and field.message_type is not message:
            inner = non_utf8_string(field.message_type)
            if inner is not None:
                return _length_delimited(field.number, inner)
    return None


def deep_struct(depth: int = 200) -> bytes:
    """A google.protobuf.Struct {"a": {"a": ... }} nested `depth` levels."""
    struct = b""
    for _ in range(depth):
        value = _length_delimited(5, struct)  # Value.struct_value
        entry = _length_delimited(1, b"a") + _length_delimited(2, value)  # Struct.FieldsEntry
        struct = _length_delimited(1, entry)  # Struct.fields
    return struct


def struct_path(message: descriptor.Descriptor, seen: frozenset[str] = frozenset()) -> list[int] | None:
    """Field numbers leading from `message` to a google.protobuf.Struct field, if any."""
    for field in message.fields:
        if field.type != descriptor.FieldDescriptor.TYPE_MESSAGE:
            continue
        if field.message_type.full_name == "google.protobuf.Struct":
            return [field.number]
        if field.message_type.full_name not in seen and not field.message_type.full_name.startswith(
            "google."
        ):
            inner = struct_path(field.message_type, seen | {message.full_name})
            if inner is not None:
                return [field.number, *inner]
    return None


def cases() -> Iterator[Any]:
    for method in METHODS:
        yield pytest.param(method, b"\x0a\x05ab", id=f"{method.name}-truncated")
        yield pytest.param(method, b"\xff" * 11, id=f"{method.name}-bad-varint")
        bad_text = non_utf8_string(method.input_type)
        if bad_text is not None:
            yield pytest.param(method, bad_text, id=f"{method.name}-non-utf8")
        path = struct_path(method.input_type)
        if path is not None:
            payload = deep_struct()
            for number in reversed(path):
                payload = _length_delimited(number, payload)
            yield pytest.param(method, payload, id=f"{method.name}-deep-struct")


@pytest.fixture(scope="module")
def raw_channel(server: ServerThread) -> Iterator[grpc.Channel]:
    with grpc.insecure_channel(server.address) as ch:
        yield ch


def call_raw(
    ch: grpc.Channel, method: descriptor.MethodDescriptor, payload: bytes, token: str = ""
) -> grpc.RpcError:
    path = path_of(method)
    try:
        if method.client_streaming:
            # A bidi stream authenticates when it opens, before any message is read.
            for _ in ch.stream_stream(path, request_serializer=None, response_deserializer=None)(
                iter([payload]), timeout=10, metadata=(("authorization", f"Bearer {token}"),)
            ):
                pass
        elif method.server_streaming:
            for _ in ch.unary_stream(path, request_serializer=None, response_deserializer=None)(
                payload, timeout=10
            ):
                pass
        else:
            ch.unary_unary(path, request_serializer=None, response_deserializer=None)(payload, timeout=10)
    except grpc.RpcError as err:
        return err
    raise AssertionError(f"{path} accepted undecodable bytes")


def rpc_lines(caplog: pytest.LogCaptureFixture, path: str) -> list[dict[str, Any]]:
    lines = [r for r in caplog.records if r.name == "keyturn.rpc" and r.getMessage() == "rpc"]
    return [f for r in lines if (f := getattr(r, "fields", {})).get("method") == path]


@pytest.mark.parametrize(("method", "payload"), list(cases()))
def test_undecodable_request(
    raw_channel: grpc.Channel,
    server: ServerThread,
    method: descriptor.MethodDescriptor,
    payload: bytes,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="keyturn")
    err = call_raw(raw_channel, method, payload, server.admin_token)
    decoded = decode_error(err)
    path = path_of(method)
    if path == VALIDATE_KEY:
        assert (decoded.code, decoded.reason) == (grpc.StatusCode.UNAUTHENTICATED, "KEY_INVALID")
    else:
        assert (decoded.code, decoded.reason) == (grpc.StatusCode.INVALID_ARGUMENT, "INVALID_ARGUMENT")
        assert decoded.field_violations == ["request"]
    mine = rpc_lines(caplog, path)
    deadline = time.monotonic() + 5
    while not mine and time.monotonic() < deadline:  # the server logs after sending the status
        time.sleep(0.01)
        mine = rpc_lines(caplog, path)
    assert not [r for r in caplog.records if r.exc_info], "a traceback was logged"
    assert len(mine) == 1, mine
    assert mine[0]["code"] == decoded.code.name
