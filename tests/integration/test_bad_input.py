"""Bad input answered INVALID_ARGUMENT naming the field, on every service, never INTERNAL.

Out-of-range Timestamp/Duration values, NaN/Infinity inside Struct values, NUL bytes and
non-UUID ids (AccessService included), GetUsageReport ids for an ADMIN caller, and errors
that echo huge request values (bounded).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import grpc
import pytest
from google.protobuf import duration_pb2, field_mask_pb2, timestamp_pb2
from google.rpc import error_details_pb2
from grpc_status import rpc_status
from keyturn.v1 import access_pb2, access_pb2_grpc, audit_pb2, audit_pb2_grpc, keys_pb2, keys_pb2_grpc
from keyturn_server.api import errors as api_errors
from keyturn_server.domain import errors as de

from tests.support import expect_error

INVALID = grpc.StatusCode.INVALID_ARGUMENT
BAD_NANOS = timestamp_pb2.Timestamp(seconds=1, nanos=2147483647)
YEAR_10000 = timestamp_pb2.Timestamp(seconds=253402300800)
HUGE_NEGATIVE = duration_pb2.Duration(seconds=-(10**15))


@pytest.fixture(scope="module")
def stubs(grpc_channel: grpc.Channel) -> dict[str, Any]:
    return {
        "keys": keys_pb2_grpc.KeyServiceStub(grpc_channel),
        "audit": audit_pb2_grpc.AuditServiceStub(grpc_channel),
        "access": access_pb2_grpc.AccessServiceStub(grpc_channel),
    }


@pytest.fixture(scope="module")
def org(stubs: dict[str, Any]) -> str:
    name = f"bad-input-{uuid.uuid4().hex[:8]}"
    return str(stubs["keys"].CreateOrganization(keys_pb2.CreateOrganizationRequest(name=name)).id)


def invalid(call: Callable[[], Any], *fields: str) -> None:
    decoded = expect_error(call, INVALID, "INVALID_ARGUMENT")
    for field in fields:
        assert field in decoded.field_violations, (field, decoded.field_violations, decoded.message)


def _drain(stream: Any) -> None:
    for _ in stream:
        pass


def test_out_of_range_times_in_every_service(stubs: dict[str, Any], org: str) -> None:
    keys, audit, access = stubs["keys"], stubs["audit"], stubs["access"]
    admin = access.GetCallerIdentity(access_pb2.GetCallerIdentityRequest()).principal.id
    for stamp in (BAD_NANOS, YEAR_10000):
        invalid(
            lambda s=stamp: access.CreatePrincipalToken(
                access_pb2.CreatePrincipalTokenRequest(principal_id=admin, expire_time=s)
            ),
            "expire_time",
        )
        invalid(
            lambda s=stamp: audit.ListAuditEvents(
                audit_pb2.ListAuditEventsRequest(filter=audit_pb2.AuditEventFilter(start_time=s))
            ),
            "filter.start_time",
        )
        invalid(
            lambda s=stamp: _drain(
                audit.StreamAuditEvents(
                    audit_pb2.StreamAuditEventsRequest(filter=audit_pb2.AuditEventFilter(end_time=s)),
                    timeout=5,
                )
            ),
            "filter.end_time",
        )
        invalid(
            lambda s=stamp: audit.GetUsageReport(
                audit_pb2.GetUsageReportRequest(organization_id=org, start_time=s)
            ),
            "start_time",
        )
        invalid(
            lambda s=stamp: keys.ListKeys(keys_pb2.ListKeysRequest(organization_id=org, expire_before=s)),
            "expire_before",
        )
    start = timestamp_pb2.Timestamp(seconds=1_700_000_000)
    invalid(
        lambda: audit.GetUsageReport(
            audit_pb2.GetUsageReportRequest(
                organization_id=org, start_time=start, expiring_within=HUGE_NEGATIVE
            )
        ),
        "expiring_within",
    )
    longest = duration_pb2.Duration(seconds=315_576_000_000)  # valid protobuf, past year 9999 from now
    invalid(
        lambda: audit.GetUsageReport(
            audit_pb2.GetUsageReportRequest(organization_id=org, start_time=start, expiring_within=longest)
        ),
        "expiring_within",
    )
    invalid(lambda: keys.CreateKey(keys_pb2.CreateKeyRequest(organization_id=org, ttl=HUGE_NEGATIVE)), "ttl")


@pytest.mark.parametrize("number", [float("nan"), float("inf"), float("-inf")])
def test_non_finite_numbers_in_custom_metadata(stubs: dict[str, Any], org: str, number: float) -> None:
    keys = stubs["keys"]
    metadata = keys_pb2.KeyMetadata(name="n")
    metadata.custom.update({"limits": {"max": number}})
    invalid(
        lambda: keys.CreateKey(keys_pb2.CreateKeyRequest(organization_id=org, metadata=metadata)),
        "metadata.custom.limits.max",
    )
    key_id = keys.CreateKey(keys_pb2.CreateKeyRequest(organization_id=org)).key.id
    invalid(
        lambda: keys.UpdateKey(
            keys_pb2.UpdateKeyRequest(
                key=keys_pb2.ApiKey(id=key_id, metadata=metadata),
                update_mask=field_mask_pb2.FieldMask(paths=["metadata.custom"]),
            )
        ),
        "key.metadata.custom.limits.max",
    )


def test_nul_bytes_and_malformed_ids_in_access_service(stubs: dict[str, Any], org: str) -> None:
    access = stubs["access"]
    invalid(lambda: access.GetPrincipal(access_pb2.GetPrincipalRequest(id="a\x00b")), "id")
    invalid(lambda: access.GetPrincipal(access_pb2.GetPrincipalRequest(id="not-a-uuid")), "id")
    invalid(lambda: access.RevokePrincipalToken(access_pb2.RevokePrincipalTokenRequest(id="x" * 5000)), "id")
    invalid(
        lambda: access.ListPrincipalTokens(access_pb2.ListPrincipalTokensRequest(principal_id="nope")),
        "principal_id",
    )
    invalid(
        lambda: access.ListPrincipals(access_pb2.ListPrincipalsRequest(organization_id="\x00")),
        "organization_id",
    )
    viewer = access_pb2.RoleBinding(role=access_pb2.ROLE_AUDITOR, organization_id=org)
    invalid(
        lambda: access.CreatePrincipal(
            access_pb2.CreatePrincipalRequest(
                principal=access_pb2.Principal(name="svc", roles=[viewer], certificate_identity="CN=a\x00b")
            )
        ),
        "principal.certificate_identity",
    )
    invalid(
        lambda: access.CreatePrincipal(
            access_pb2.CreatePrincipalRequest(
                principal=access_pb2.Principal(
                    name="svc",
                    roles=[access_pb2.RoleBinding(role=access_pb2.ROLE_AUDITOR, organization_id="org-1")],
                )
            )
        ),
        "principal.roles[0].organization_id",
    )
    invalid(
        lambda: access.UpdatePrincipal(
            access_pb2.UpdatePrincipalRequest(principal=access_pb2.Principal(id="1; DROP", name="x"))
        ),
        "principal.id",
    )


def test_nul_bytes_anywhere_in_keyturn_requests(stubs: dict[str, Any], org: str) -> None:
    keys, audit = stubs["keys"], stubs["audit"]
    invalid(
        lambda: keys.CreateProject(keys_pb2.CreateProjectRequest(organization_id=org, name="p\x00")), "name"
    )
    invalid(
        lambda: keys.ListKeys(keys_pb2.ListKeysRequest(organization_id=org, page_token="\x00")), "page_token"
    )
    metadata = keys_pb2.KeyMetadata(name="n")
    metadata.custom.update({"k\x00": "v", "ok": ["fine", "bad\x00"]})
    decoded = expect_error(
        lambda: keys.CreateKey(keys_pb2.CreateKeyRequest(organization_id=org, metadata=metadata)),
        INVALID,
        "INVALID_ARGUMENT",
    )
    assert set(decoded.field_violations) == {"metadata.custom.k\x00", "metadata.custom.ok[1]"}
    invalid(
        lambda: audit.ListAuditEvents(
            audit_pb2.ListAuditEventsRequest(
                filter=audit_pb2.AuditEventFilter(actions=["key.create", "a\x00"])
            )
        ),
        "filter.actions[1]",
    )


@pytest.mark.parametrize("field", ["project_id", "key_id", "organization_id"])
def test_usage_report_checks_id_shape_for_admin(stubs: dict[str, Any], field: str) -> None:
    request = audit_pb2.GetUsageReportRequest(start_time=timestamp_pb2.Timestamp(seconds=1_700_000_000))
    setattr(request, field, "not-a-uuid")
    invalid(lambda: stubs["audit"].GetUsageReport(request), field)


def test_echoed_values_are_bounded_over_the_wire(stubs: dict[str, Any], org: str) -> None:
    keys = stubs["keys"]
    key_id = keys.CreateKey(keys_pb2.CreateKeyRequest(organization_id=org)).key.id
    huge = "m" * 1_000_000
    try:
        keys.UpdateKey(
            keys_pb2.UpdateKeyRequest(
                key=keys_pb2.ApiKey(id=key_id),
                update_mask=field_mask_pb2.FieldMask(paths=[huge, huge + "x", "y" * 300]),
            )
        )
    except grpc.RpcError as err:
        status = rpc_status.from_call(err)  # type: ignore[arg-type]
        assert status is not None and err.code() == INVALID  # type: ignore[attr-defined]
        assert status.ByteSize() <= api_errors.MAX_STATUS_BYTES
        assert len(status.message) <= api_errors.MAX_MESSAGE_CHARS
    else:
        raise AssertionError("UpdateKey accepted an unknown update_mask path")


def _unpack(status: grpc.Status) -> Any:
    from google.rpc import status_pb2

    for key, value in status.trailing_metadata:
        if key == "grpc-status-details-bin":
            return status_pb2.Status.FromString(value)
    raise AssertionError("no status details")


def test_error_table_bounds_every_echoed_value() -> None:
    big = "i" * 1_000_000
    for err in (
        de.NotFound("ApiKey", big),
        de.AlreadyExists("Organization", big),
        de.InvalidArgument([de.FieldViolation(f"f{i}" + big[:300], big) for i in range(10_000)]),
        de.FailedPrecondition(big, {"k" * 100: big}),
    ):
        status = _unpack(api_errors.to_status(err))
        assert status.ByteSize() <= api_errors.MAX_STATUS_BYTES, type(err)
        infos = [d for d in status.details if d.Is(error_details_pb2.ErrorInfo.DESCRIPTOR)]
        assert len(infos) == 1
        for detail in status.details:
            if detail.Is(error_details_pb2.ResourceInfo.DESCRIPTOR):
                info = error_details_pb2.ResourceInfo()
                detail.Unpack(info)
                assert len(info.resource_name) == api_errors.MAX_ECHO_CHARS
                assert info.resource_name.endswith("\u2026")
            if detail.Is(error_details_pb2.BadRequest.DESCRIPTOR):
                bad = error_details_pb2.BadRequest()
                detail.Unpack(bad)
                assert 1 < len(bad.field_violations) < 10_000
                assert bad.field_violations[-1].description.startswith("... and ")
