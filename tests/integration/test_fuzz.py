"""Property-based layer: random requests for every RPC, built from the protobuf descriptors.

For every RPC of every keyturn.v1 service, Hypothesis draws request messages field by field
from the descriptor (strings: empty, huge, NUL, non-UUID and real ids; extreme integers;
unknown enum numbers; NaN and Infinity; out-of-range Timestamps and Durations; Structs
nested deep) and sends them, as the ADMIN, to a real server on SQLite and PostgreSQL.

Properties: never UNKNOWN or INTERNAL; every error carries exactly one ErrorInfo in the
keyturn.dev domain; every error status is small; the server is still SERVING afterwards.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Iterator
from typing import Any

import grpc
import pytest
from google.protobuf import descriptor
from google.protobuf.message import Message
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_status import rpc_status
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from keyturn.v1 import (
    access_pb2,
    audit_pb2,
    crypto_pb2,
    key_events_pb2,
    key_policies_pb2,
    keys_pb2,
    keys_pb2_grpc,
    tokens_pb2,
)
from keyturn_server.api import errors as api_errors

from tests.support import ServerThread, decode_error

FD = descriptor.FieldDescriptor
FILES = (keys_pb2, crypto_pb2, audit_pb2, access_pb2, tokens_pb2, key_policies_pb2, key_events_pb2)
METHODS = [
    method
    for module in FILES
    for service in module.DESCRIPTOR.services_by_name.values()
    for method in service.methods
]
MAX_EXAMPLES = 30
# Filled by the `ids` fixture: real ids, so some requests get past the shape checks.
KNOWN_IDS: list[str] = []

EDGE_STRINGS = ["", " ", "\x00", "a\x00b", "not-a-uuid", "x" * 5000, "\u2603" * 70, "../../etc", "*"]
EDGE_INTS = [0, 1, -1, 2**31 - 1, -(2**31), 2**63 - 1, -(2**63), 10**12]
EDGE_UINTS = [0, 1, 2**32 - 1, 2**64 - 1]
TIMESTAMP_SECONDS = [
    0,
    1,
    -1,
    1_700_000_000,
    253_402_300_799,
    253_402_300_800,
    -62_135_596_801,
    2**62,
    -(2**62),
]
NANOS = [0, 1, 999_999_999, 1_000_000_000, 2_147_483_647, -1, -(2**31)]
DURATION_SECONDS = [0, 1, -1, 86_400, 315_576_000_000, 315_576_000_001, -(10**15), 2**63 - 1]


def strings() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(EDGE_STRINGS),
        st.sampled_from(KNOWN_IDS) if KNOWN_IDS else st.just(str(uuid.uuid4())),
        st.uuids().map(str),
        st.text(max_size=40),
    )


def json_values(depth: int) -> st.SearchStrategy[Any]:
    leaves = st.one_of(
        st.none(),
        st.booleans(),
        st.floats(allow_nan=True, allow_infinity=True),
        st.sampled_from([math.nan, math.inf, -math.inf, 1e308]),
        st.sampled_from(EDGE_STRINGS[:5]),
        st.text(max_size=10),
    )
    if depth <= 0:
        return leaves
    inner = json_values(depth - 1)
    return st.one_of(
        leaves,
        st.lists(inner, max_size=3),
        st.dictionaries(st.sampled_from(["a", "b", "", "\x00", "k" * 300]), inner, max_size=3),
    )


def deep_dict(levels: int) -> dict[str, Any]:
    value: dict[str, Any] = {"leaf": 1}
    for _ in range(levels):
        value = {"a": value}
    return value


def structs() -> st.SearchStrategy[dict[str, Any]]:
    return st.one_of(
        st.dictionaries(st.text(max_size=8), json_values(2), max_size=4),
        st.integers(min_value=1, max_value=90).map(deep_dict),
    )


def scalar(field: FD) -> st.SearchStrategy[Any]:
    kind = field.type
    if kind == FD.TYPE_STRING and (field.name == "id" or field.name.endswith("_id")) and KNOWN_IDS:
        # Mostly real ids, so that requests get past the shape checks to the database.
        known = st.sampled_from(KNOWN_IDS)
        return st.one_of(known, known, known, strings())
    if kind == FD.TYPE_STRING:
        return strings()
    if kind == FD.TYPE_BYTES:
        return st.one_of(st.binary(max_size=64), st.just(b"\x00" * 32), st.just(b""))
    if kind == FD.TYPE_BOOL:
        return st.booleans()
    if kind in (FD.TYPE_DOUBLE, FD.TYPE_FLOAT):
        return st.floats(allow_nan=True, allow_infinity=True, width=32 if kind == FD.TYPE_FLOAT else 64)
    if kind == FD.TYPE_ENUM:
        assert field.enum_type is not None
        known = [v.number for v in field.enum_type.values]
        return st.one_of(st.sampled_from(known), st.sampled_from([-1, 99, 2**31 - 1]))
    if kind in (FD.TYPE_INT32, FD.TYPE_SINT32, FD.TYPE_SFIXED32):
        return st.one_of(
            st.sampled_from([v for v in EDGE_INTS if -(2**31) <= v < 2**31]), st.integers(-5, 2000)
        )
    if kind in (FD.TYPE_UINT32, FD.TYPE_FIXED32):
        return st.sampled_from([v for v in EDGE_UINTS if v < 2**32])
    if kind in (FD.TYPE_UINT64, FD.TYPE_FIXED64):
        return st.sampled_from(EDGE_UINTS)
    return st.one_of(st.sampled_from(EDGE_INTS), st.integers(-5, 2000))  # int64, sint64, sfixed64


def message(desc: descriptor.Descriptor, depth: int = 0) -> st.SearchStrategy[Message]:
    """A message of type `desc` with a random subset of its fields set to drawn values."""
    name = desc.full_name
    cls: Any = _class(desc)
    if name == "google.protobuf.Timestamp":
        return st.builds(
            lambda s, n: cls(seconds=s, nanos=n), st.sampled_from(TIMESTAMP_SECONDS), st.sampled_from(NANOS)
        )
    if name == "google.protobuf.Duration":
        return st.builds(
            lambda s, n: cls(seconds=s, nanos=n), st.sampled_from(DURATION_SECONDS), st.sampled_from(NANOS)
        )
    if name == "google.protobuf.Struct":
        return structs().map(_struct)
    if name == "google.protobuf.FieldMask":
        return st.lists(
            st.one_of(st.sampled_from(["metadata", "metadata.name", "expire_time", "nope"]), strings()),
            max_size=4,
        ).map(lambda paths: cls(paths=paths))

    @st.composite
    def build(draw: Any) -> Message:
        out = cls()
        for field in desc.fields:
            if not draw(st.booleans()):
                continue
            if field.type == FD.TYPE_MESSAGE:
                assert field.message_type is not None
                if field.message_type.GetOptions().map_entry or depth >= 3:
                    continue
                sub = message(field.message_type, depth + 1)
                if field.is_repeated:
                    for item in draw(st.lists(sub, max_size=3)):
                        getattr(out, field.name).add().CopyFrom(item)
                else:
                    getattr(out, field.name).CopyFrom(draw(sub))
            elif field.is_repeated:
                getattr(out, field.name).extend(draw(st.lists(scalar(field), max_size=4)))
            else:
                setattr(out, field.name, draw(scalar(field)))
        return out

    return build()


def _struct(value: dict[str, Any]) -> Message:
    from google.protobuf import struct_pb2

    struct = struct_pb2.Struct()
    try:
        struct.update(value)
    except (ValueError, RecursionError):
        pass
    return struct


def _class(desc: descriptor.Descriptor) -> Any:
    from google.protobuf import message_factory

    return message_factory.GetMessageClass(desc)


@pytest.fixture(scope="module")
def ids(grpc_channel: grpc.Channel) -> Iterator[None]:
    stub = keys_pb2_grpc.KeyServiceStub(grpc_channel)
    org = stub.CreateOrganization(keys_pb2.CreateOrganizationRequest(name=f"fuzz-{uuid.uuid4().hex[:8]}")).id
    project = stub.CreateProject(keys_pb2.CreateProjectRequest(organization_id=org, name="p")).id
    product = stub.CreateProduct(keys_pb2.CreateProductRequest(organization_id=org, name="q")).id
    key = stub.CreateKey(keys_pb2.CreateKeyRequest(organization_id=org)).key.id
    KNOWN_IDS[:] = [org, project, product, key]
    yield
    KNOWN_IDS.clear()


def _send(ch: grpc.Channel, method: descriptor.MethodDescriptor, request: Message) -> None:
    path = f"/{method.containing_service.full_name}/{method.name}"
    serialize = type(request).SerializeToString
    if method.server_streaming:
        call = ch.unary_stream(path, request_serializer=serialize, response_deserializer=None)(
            request, timeout=1.0
        )
        for count, _ in enumerate(call):
            if count >= 5:
                call.cancel()
                break
    else:
        ch.unary_unary(path, request_serializer=serialize, response_deserializer=None)(request, timeout=20)


def _check_error(method: descriptor.MethodDescriptor, err: grpc.RpcError) -> None:
    code = err.code()  # type: ignore[attr-defined]
    if method.server_streaming and code in (grpc.StatusCode.DEADLINE_EXCEEDED, grpc.StatusCode.CANCELLED):
        return  # an endless stream we stopped reading
    assert code not in (grpc.StatusCode.UNKNOWN, grpc.StatusCode.INTERNAL), (
        f"{method.full_name}: {code.name} {err.details()}"  # type: ignore[attr-defined]
    )
    decoded = decode_error(err)  # asserts exactly one ErrorInfo
    assert decoded.domain == "keyturn.dev"
    status = rpc_status.from_call(err)  # type: ignore[arg-type]
    assert status is not None and status.ByteSize() <= api_errors.MAX_STATUS_BYTES


@pytest.mark.parametrize("method", METHODS, ids=lambda m: m.full_name.removeprefix("keyturn.v1."))
def test_random_requests(method: descriptor.MethodDescriptor, grpc_channel: grpc.Channel, ids: None) -> None:
    @settings(
        max_examples=MAX_EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )
    @given(request=message(method.input_type))
    def prop(request: Message) -> None:
        try:
            _send(grpc_channel, method, request)
        except grpc.RpcError as err:
            _check_error(method, err)

    prop()


def test_still_serving_after_fuzzing(server: ServerThread) -> None:
    with grpc.insecure_channel(server.address) as ch:
        response = health_pb2_grpc.HealthStub(ch).Check(health_pb2.HealthCheckRequest(), timeout=5)
    assert response.status == health_pb2.HealthCheckResponse.SERVING
