"""Every List RPC refuses a page token it did not issue with INVALID_ARGUMENT on page_token
(issue 10 item 6: tampered tokens used to reach the database and answer INTERNAL), and
follows its own tokens to the end without duplicates."""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Callable
from typing import Any

import grpc
import pytest
from keyturn.v1 import access_pb2, access_pb2_grpc, audit_pb2, audit_pb2_grpc, keys_pb2, keys_pb2_grpc

from tests.support import ServerThread, expect_error


def _forged(body: list[Any]) -> str:
    """A token of the right shape whose MAC the caller had to guess."""
    payload = base64.urlsafe_b64encode(json.dumps(body).encode()).decode().rstrip("=")
    return payload + "." + base64.urlsafe_b64encode(b"\0" * 16).decode().rstrip("=")


TAMPERED = [
    "not-a-token",
    "eyJ2IjoxfQ",  # the old unsigned JSON shape
    _forged([1, "0" * 32, 0, [2**70, "x"]]),  # an integer beyond bigint
    _forged([1, "0" * 32, 10**20, ["x"]]),  # a time beyond year 9999
    "A" * 5000,
]


@pytest.fixture(scope="module")
def world(grpc_channel: grpc.Channel, server: ServerThread) -> dict[str, Any]:
    keys = keys_pb2_grpc.KeyServiceStub(grpc_channel)
    org = keys.CreateOrganization(keys_pb2.CreateOrganizationRequest(name=f"paging {uuid.uuid4()}"))
    for _ in range(2):
        keys.CreateOrganization(keys_pb2.CreateOrganizationRequest(name=f"other {uuid.uuid4()}"))
    for n in range(3):
        keys.CreateProject(keys_pb2.CreateProjectRequest(organization_id=org.id, name=f"p{n}"))
        keys.CreateProduct(keys_pb2.CreateProductRequest(organization_id=org.id, name=f"q{n}"))
        keys.CreateKey(keys_pb2.CreateKeyRequest(organization_id=org.id))
    access = access_pb2_grpc.AccessServiceStub(grpc_channel)
    me = access.GetCallerIdentity(access_pb2.GetCallerIdentityRequest()).principal
    for _ in range(2):
        access.CreatePrincipal(
            access_pb2.CreatePrincipalRequest(
                principal=access_pb2.Principal(
                    name=f"auditor {uuid.uuid4()}",
                    roles=[access_pb2.RoleBinding(role=access_pb2.ROLE_AUDITOR, organization_id=org.id)],
                )
            )
        )
    for _ in range(3):
        access.CreatePrincipalToken(access_pb2.CreatePrincipalTokenRequest(principal_id=me.id))
    return {"org": org.id, "me": me.id, "channel": grpc_channel}


def _lists(w: dict[str, Any]) -> dict[str, tuple[Callable[..., Any], Callable[..., Any], str]]:
    ch = w["channel"]
    keys = keys_pb2_grpc.KeyServiceStub(ch)
    audit = audit_pb2_grpc.AuditServiceStub(ch)
    access = access_pb2_grpc.AccessServiceStub(ch)
    org = w["org"]
    return {
        "ListOrganizations": (keys.ListOrganizations, keys_pb2.ListOrganizationsRequest, "organizations"),
        "ListProjects": (
            keys.ListProjects,
            lambda **kw: keys_pb2.ListProjectsRequest(organization_id=org, **kw),
            "projects",
        ),
        "ListProducts": (
            keys.ListProducts,
            lambda **kw: keys_pb2.ListProductsRequest(organization_id=org, **kw),
            "products",
        ),
        "ListKeys": (keys.ListKeys, lambda **kw: keys_pb2.ListKeysRequest(organization_id=org, **kw), "keys"),
        "ListAuditEvents": (
            audit.ListAuditEvents,
            lambda **kw: audit_pb2.ListAuditEventsRequest(
                filter=audit_pb2.AuditEventFilter(organization_id=org), **kw
            ),
            "events",
        ),
        "ListPrincipals": (access.ListPrincipals, access_pb2.ListPrincipalsRequest, "principals"),
        "ListPrincipalTokens": (
            access.ListPrincipalTokens,
            lambda **kw: access_pb2.ListPrincipalTokensRequest(principal_id=w["me"], **kw),
            "tokens",
        ),
    }


NAMES = [
    "ListOrganizations",
    "ListProjects",
    "ListProducts",
    "ListKeys",
    "ListAuditEvents",
    "ListPrincipals",
    "ListPrincipalTokens",
]


@pytest.mark.parametrize("name", NAMES)
def test_tampered_tokens_are_invalid_argument(world: dict[str, Any], name: str) -> None:
    call, make, _ = _lists(world)[name]
    for token in TAMPERED:
        err = expect_error(
            lambda token=token: call(make(page_size=2, page_token=token), timeout=10),
            grpc.StatusCode.INVALID_ARGUMENT,
            "INVALID_ARGUMENT",
        )
        assert err.field_violations == ["page_token"], (name, token[:20])


@pytest.mark.parametrize("name", NAMES)
def test_own_tokens_page_through_without_duplicates(world: dict[str, Any], name: str) -> None:
    call, make, field = _lists(world)[name]
    seen: list[str] = []
    token = ""
    for _ in range(100):
        page = call(make(page_size=2, page_token=token), timeout=10)
        items = list(getattr(page, field))
        assert len(items) <= 2
        seen += [str(getattr(item, "id", "") or getattr(item, "sequence", "")) for item in items]
        token = page.next_page_token
        if not token:
            break
        assert len(items) == 2  # a page that says there is more is full
    assert len(seen) == len(set(seen)) and len(seen) >= 3, name
