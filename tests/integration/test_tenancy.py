"""KeyService tenancy over a real server, on SQLite and PostgreSQL: organizations, projects,
products, links; name collisions, concurrent get-or-create, cross-organization refusals,
pagination, and one audit event per change."""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

import grpc
import pytest
from keyturn.v1 import keys_pb2, keys_pb2_grpc
from keyturn_server.store.db import sync_url
from sqlalchemy import Engine, create_engine, text

from tests.support import ServerThread, decode_error, expect_error

T = TypeVar("T")
INVALID = grpc.StatusCode.INVALID_ARGUMENT


@pytest.fixture(scope="module")
def stub(grpc_channel: grpc.Channel) -> keys_pb2_grpc.KeyServiceStub:
    return keys_pb2_grpc.KeyServiceStub(grpc_channel)


@pytest.fixture(scope="module")
def db(server: ServerThread) -> Iterator[Engine]:
    engine = create_engine(sync_url(server.settings.database_url))
    yield engine
    engine.dispose()


def unique(label: str = "n") -> str:
    return f"{label}-{uuid.uuid4().hex[:10]}"


def events(db: Engine, **where: str) -> list[dict[str, Any]]:
    clause = " AND ".join(f"{column} = :{column}" for column in where) or "1 = 1"
    with db.connect() as conn:
        rows = conn.execute(text(f"SELECT * FROM audit_event WHERE {clause} ORDER BY sequence"), where)
        found = [dict(row._mapping) for row in rows]
    for event in found:
        if isinstance(event["changes"], str):  # SQLite returns JSON as text through text()
            event["changes"] = json.loads(event["changes"])
    return found


def concurrently(n: int, call: Callable[[int], T]) -> list[T | grpc.RpcError]:
    """Run call(i) on n threads released together; results or the RpcError each raised."""
    barrier = threading.Barrier(n)

    def run(i: int) -> T | grpc.RpcError:
        barrier.wait()
        try:
            return call(i)
        except grpc.RpcError as err:
            return err

    with ThreadPoolExecutor(n) as pool:
        return list(pool.map(run, range(n)))


def new_org(stub: keys_pb2_grpc.KeyServiceStub) -> keys_pb2.Organization:
    return stub.CreateOrganization(keys_pb2.CreateOrganizationRequest(name=unique("org")))


# --- Organizations ----------------------------------------------------------------------------


def test_create_organization_and_name_collision(stub: keys_pb2_grpc.KeyServiceStub, db: Engine) -> None:
    name = unique("acme")
    org = stub.CreateOrganization(keys_pb2.CreateOrganizationRequest(name=name))
    assert org.name == name
    assert str(uuid.UUID(org.id)) == org.id
    assert org.create_time.seconds > 0
    err = expect_error(
        lambda: stub.CreateOrganization(keys_pb2.CreateOrganizationRequest(name=name)),
        grpc.StatusCode.ALREADY_EXISTS,
        "ALREADY_EXISTS",
    )
    assert err.metadata["existingId"] == org.id
    assert stub.GetOrganization(keys_pb2.GetOrganizationRequest(id=org.id)) == org
    created = events(db, action="organization.create", resource_id=org.id)
    assert len(created) == 1
    event = created[0]
    assert event["resource_type"] == "Organization"
    assert event["organization_id"] == org.id
    assert event["outcome"] == "SUCCESS"
    assert event["changes"] == [{"field": "name", "old": None, "new": name}]


def test_get_or_create_organization_is_idempotent_and_silent(
    stub: keys_pb2_grpc.KeyServiceStub, db: Engine
) -> None:
    name = unique("deploy")
    first = stub.GetOrCreateOrganization(keys_pb2.GetOrCreateOrganizationRequest(name=name))
    second = stub.GetOrCreateOrganization(keys_pb2.GetOrCreateOrganizationRequest(name=name))
    assert first.created and not second.created
    assert first.organization == second.organization
    assert len(events(db, action="organization.create", resource_id=first.organization.id)) == 1


def test_concurrent_get_or_create_organization_creates_one(
    stub: keys_pb2_grpc.KeyServiceStub, db: Engine
) -> None:
    name = unique("race")
    results = concurrently(
        16,
        lambda _: stub.GetOrCreateOrganization(
            keys_pb2.GetOrCreateOrganizationRequest(name=name), timeout=60
        ),
    )
    errors = [r for r in results if isinstance(r, grpc.RpcError)]
    assert not errors, [decode_error(e).message for e in errors]
    responses = [r for r in results if isinstance(r, keys_pb2.GetOrCreateOrganizationResponse)]
    assert sum(r.created for r in responses) == 1
    assert len({r.organization.id for r in responses}) == 1
    with db.connect() as conn:
        count = conn.execute(text("SELECT count(*) FROM organization WHERE name = :n"), {"n": name}).scalar()
    assert count == 1
    assert len(events(db, action="organization.create", resource_id=responses[0].organization.id)) == 1


def test_concurrent_create_organization_one_wins_others_already_exist(
    stub: keys_pb2_grpc.KeyServiceStub,
) -> None:
    name = unique("race")
    results = concurrently(
        16, lambda _: stub.CreateOrganization(keys_pb2.CreateOrganizationRequest(name=name), timeout=60)
    )
    winners = [r for r in results if isinstance(r, keys_pb2.Organization)]
    losers = [decode_error(r) for r in results if isinstance(r, grpc.RpcError)]
    assert len(winners) == 1
    assert len(losers) == 15
    assert {(e.code, e.reason, e.metadata["existingId"]) for e in losers} == {
        (grpc.StatusCode.ALREADY_EXISTS, "ALREADY_EXISTS", winners[0].id)
    }


@pytest.mark.parametrize(
    "name, why",
    [("", "empty"), ("   ", "blank"), ("x" * 201, "too long"), ("a\x00b", "control"), ("a\nb", "newline")],
)
def test_organization_name_is_validated(stub: keys_pb2_grpc.KeyServiceStub, name: str, why: str) -> None:
    for call in (
        lambda: stub.CreateOrganization(keys_pb2.CreateOrganizationRequest(name=name)),
        lambda: stub.GetOrCreateOrganization(keys_pb2.GetOrCreateOrganizationRequest(name=name)),
    ):
        err = expect_error(call, INVALID, "INVALID_ARGUMENT")
        assert err.field_violations == ["name"], why


def test_organization_name_of_200_characters_and_unicode_is_accepted(
    stub: keys_pb2_grpc.KeyServiceStub,
) -> None:
    name = (unique("é") + "ü" * 200)[:200]
    org = stub.CreateOrganization(keys_pb2.CreateOrganizationRequest(name=name))
    assert org.name == name and len(name) == 200


def test_get_organization_ids(stub: keys_pb2_grpc.KeyServiceStub) -> None:
    err = expect_error(
        lambda: stub.GetOrganization(keys_pb2.GetOrganizationRequest(id=str(uuid.uuid4()))),
        grpc.StatusCode.NOT_FOUND,
        "NOT_FOUND",
    )
    assert err.metadata["resourceType"] == "Organization"
    for bad in ("", "not-a-uuid", "1234", str(uuid.uuid4()).replace("-", "")):
        err = expect_error(
            lambda bad=bad: stub.GetOrganization(keys_pb2.GetOrganizationRequest(id=bad)),
            INVALID,
            "INVALID_ARGUMENT",
        )
        assert err.field_violations == ["id"]


def test_list_organizations_pages_oldest_first(stub: keys_pb2_grpc.KeyServiceStub) -> None:
    created = [new_org(stub).id for _ in range(5)]
    seen: list[str] = []
    token = ""
    pages = 0
    while True:
        page = stub.ListOrganizations(keys_pb2.ListOrganizationsRequest(page_size=2, page_token=token))
        assert len(page.organizations) <= 2
        seen += [o.id for o in page.organizations]
        pages += 1
        token = page.next_page_token
        if not token:
            break
    assert len(seen) == len(set(seen))
    positions = [seen.index(i) for i in created]
    assert positions == sorted(positions)
    assert pages >= 3
    expect_error(
        lambda: stub.ListOrganizations(keys_pb2.ListOrganizationsRequest(page_token="garbage!")),
        INVALID,
        "INVALID_ARGUMENT",
    )
    err = expect_error(
        lambda: stub.ListOrganizations(keys_pb2.ListOrganizationsRequest(page_size=-1)),
        INVALID,
        "INVALID_ARGUMENT",
    )
    assert err.field_violations == ["page_size"]


# --- Projects and products --------------------------------------------------------------------


def test_projects_are_unique_per_organization(stub: keys_pb2_grpc.KeyServiceStub, db: Engine) -> None:
    org_a, org_b = new_org(stub), new_org(stub)
    project = stub.CreateProject(keys_pb2.CreateProjectRequest(organization_id=org_a.id, name="v1"))
    assert project.organization_id == org_a.id and project.name == "v1" and not project.product_ids
    err = expect_error(
        lambda: stub.CreateProject(keys_pb2.CreateProjectRequest(organization_id=org_a.id, name="v1")),
        grpc.StatusCode.ALREADY_EXISTS,
        "ALREADY_EXISTS",
    )
    assert err.metadata["existingId"] == project.id
    other = stub.CreateProject(keys_pb2.CreateProjectRequest(organization_id=org_b.id, name="v1"))
    assert other.id != project.id
    again = stub.GetOrCreateProject(keys_pb2.GetOrCreateProjectRequest(organization_id=org_a.id, name="v1"))
    assert not again.created and again.project == project
    assert stub.GetProject(keys_pb2.GetProjectRequest(id=project.id)) == project
    recorded = events(db, action="project.create", resource_id=project.id)
    assert len(recorded) == 1
    assert recorded[0]["organization_id"] == org_a.id
    assert recorded[0]["project_id"] == project.id
    assert recorded[0]["resource_type"] == "Project"


def test_products_are_unique_per_organization(stub: keys_pb2_grpc.KeyServiceStub, db: Engine) -> None:
    org_a, org_b = new_org(stub), new_org(stub)
    product = stub.CreateProduct(keys_pb2.CreateProductRequest(organization_id=org_a.id, name="api"))
    err = expect_error(
        lambda: stub.CreateProduct(keys_pb2.CreateProductRequest(organization_id=org_a.id, name="api")),
        grpc.StatusCode.ALREADY_EXISTS,
        "ALREADY_EXISTS",
    )
    assert err.metadata["existingId"] == product.id
    assert (
        stub.CreateProduct(keys_pb2.CreateProductRequest(organization_id=org_b.id, name="api")).id
        != product.id
    )
    first = stub.GetOrCreateProduct(keys_pb2.GetOrCreateProductRequest(organization_id=org_a.id, name="web"))
    second = stub.GetOrCreateProduct(keys_pb2.GetOrCreateProductRequest(organization_id=org_a.id, name="web"))
    assert first.created and not second.created and first.product == second.product
    assert stub.GetProduct(keys_pb2.GetProductRequest(id=product.id)) == product
    recorded = events(db, action="product.create", resource_id=product.id)
    assert len(recorded) == 1 and recorded[0]["organization_id"] == org_a.id
    assert len(events(db, action="product.create", resource_id=first.product.id)) == 1


@pytest.mark.parametrize("kind", ["project", "product"])
def test_concurrent_get_or_create_in_organization_creates_one(
    stub: keys_pb2_grpc.KeyServiceStub, db: Engine, kind: str
) -> None:
    org = new_org(stub)
    name = unique(kind)

    def call(_: int) -> tuple[str, bool]:
        if kind == "project":
            r = stub.GetOrCreateProject(
                keys_pb2.GetOrCreateProjectRequest(organization_id=org.id, name=name), timeout=60
            )
            return r.project.id, r.created
        p = stub.GetOrCreateProduct(
            keys_pb2.GetOrCreateProductRequest(organization_id=org.id, name=name), timeout=60
        )
        return p.product.id, p.created

    results = concurrently(16, call)
    assert not [r for r in results if isinstance(r, grpc.RpcError)]
    pairs = [r for r in results if isinstance(r, tuple)]
    assert len({i for i, _ in pairs}) == 1
    assert sum(created for _, created in pairs) == 1
    with db.connect() as conn:
        count = conn.execute(
            text(f"SELECT count(*) FROM {kind} WHERE organization_id = :o AND name = :n"),
            {"o": org.id, "n": name},
        ).scalar()
    assert count == 1
    assert len(events(db, action=f"{kind}.create", resource_id=pairs[0][0])) == 1


@pytest.mark.parametrize("kind", ["project", "product"])
def test_project_and_product_requests_are_validated(stub: keys_pb2_grpc.KeyServiceStub, kind: str) -> None:
    org = new_org(stub)
    create: Callable[..., Any] = stub.CreateProject if kind == "project" else stub.CreateProduct
    request: Any = keys_pb2.CreateProjectRequest if kind == "project" else keys_pb2.CreateProductRequest
    err = expect_error(lambda: create(request(organization_id="nope", name="")), INVALID, "INVALID_ARGUMENT")
    assert sorted(err.field_violations) == ["name", "organization_id"]
    err = expect_error(
        lambda: create(request(organization_id=org.id, name="x" * 201)), INVALID, "INVALID_ARGUMENT"
    )
    assert err.field_violations == ["name"]
    err = expect_error(
        lambda: create(request(organization_id=str(uuid.uuid4()), name="x")),
        grpc.StatusCode.NOT_FOUND,
        "NOT_FOUND",
    )
    assert err.metadata["resourceType"] == "Organization"
    get: Callable[..., Any] = stub.GetProject if kind == "project" else stub.GetProduct
    get_request: Any = keys_pb2.GetProjectRequest if kind == "project" else keys_pb2.GetProductRequest
    expect_error(lambda: get(get_request(id=str(uuid.uuid4()))), grpc.StatusCode.NOT_FOUND, "NOT_FOUND")
    expect_error(lambda: get(get_request(id="x")), INVALID, "INVALID_ARGUMENT")


# --- Links ------------------------------------------------------------------------------------


def test_add_product_to_project_is_idempotent(stub: keys_pb2_grpc.KeyServiceStub, db: Engine) -> None:
    org = new_org(stub)
    project = stub.CreateProject(keys_pb2.CreateProjectRequest(organization_id=org.id, name="v1"))
    product = stub.CreateProduct(keys_pb2.CreateProductRequest(organization_id=org.id, name="api"))
    first = stub.AddProductToProject(
        keys_pb2.AddProductToProjectRequest(product_id=product.id, project_id=project.id)
    )
    second = stub.AddProductToProject(
        keys_pb2.AddProductToProjectRequest(product_id=product.id, project_id=project.id)
    )
    assert first.created and not second.created
    assert list(first.project.product_ids) == [product.id] == list(second.project.product_ids)
    assert list(stub.GetProject(keys_pb2.GetProjectRequest(id=project.id)).product_ids) == [product.id]
    linked = events(db, action="product.link", resource_id=product.id)
    assert len(linked) == 1
    assert linked[0]["project_id"] == project.id and linked[0]["organization_id"] == org.id


def test_concurrent_links_create_one(stub: keys_pb2_grpc.KeyServiceStub, db: Engine) -> None:
    org = new_org(stub)
    project = stub.CreateProject(keys_pb2.CreateProjectRequest(organization_id=org.id, name="v1"))
    product = stub.CreateProduct(keys_pb2.CreateProductRequest(organization_id=org.id, name="api"))
    results = concurrently(
        8,
        lambda _: stub.AddProductToProject(
            keys_pb2.AddProductToProjectRequest(product_id=product.id, project_id=project.id), timeout=60
        ),
    )
    responses = [r for r in results if isinstance(r, keys_pb2.AddProductToProjectResponse)]
    assert len(responses) == 8
    assert sum(r.created for r in responses) == 1
    assert len(events(db, action="product.link", resource_id=product.id)) == 1


def test_link_across_organizations_is_refused(stub: keys_pb2_grpc.KeyServiceStub, db: Engine) -> None:
    org_a, org_b = new_org(stub), new_org(stub)
    project_a = stub.CreateProject(keys_pb2.CreateProjectRequest(organization_id=org_a.id, name="v1"))
    product_b = stub.CreateProduct(keys_pb2.CreateProductRequest(organization_id=org_b.id, name="api"))
    err = expect_error(
        lambda: stub.AddProductToProject(
            keys_pb2.AddProductToProjectRequest(product_id=product_b.id, project_id=project_a.id)
        ),
        INVALID,
        "INVALID_ARGUMENT",
    )
    assert err.field_violations == ["project_id"]
    assert not stub.GetProject(keys_pb2.GetProjectRequest(id=project_a.id)).product_ids
    assert not events(db, action="product.link", resource_id=product_b.id)
    expect_error(
        lambda: stub.AddProductToProject(
            keys_pb2.AddProductToProjectRequest(product_id=str(uuid.uuid4()), project_id=project_a.id)
        ),
        grpc.StatusCode.NOT_FOUND,
        "NOT_FOUND",
    )
    err = expect_error(
        lambda: stub.AddProductToProject(keys_pb2.AddProductToProjectRequest(product_id="x", project_id="")),
        INVALID,
        "INVALID_ARGUMENT",
    )
    assert sorted(err.field_violations) == ["product_id", "project_id"]


# --- Lists ------------------------------------------------------------------------------------


def test_list_projects_and_products_paginate(stub: keys_pb2_grpc.KeyServiceStub) -> None:
    org, other = new_org(stub), new_org(stub)
    projects = [
        stub.CreateProject(keys_pb2.CreateProjectRequest(organization_id=org.id, name=f"p{i}"))
        for i in range(5)
    ]
    products = [
        stub.CreateProduct(keys_pb2.CreateProductRequest(organization_id=org.id, name=f"q{i}"))
        for i in range(5)
    ]
    stub.CreateProject(keys_pb2.CreateProjectRequest(organization_id=other.id, name="p0"))
    for product in products[:3]:
        stub.AddProductToProject(
            keys_pb2.AddProductToProjectRequest(product_id=product.id, project_id=projects[0].id)
        )

    def all_pages(fetch: Callable[[str], tuple[list[Any], str]]) -> list[Any]:
        items: list[Any] = []
        token = ""
        while True:
            page, token = fetch(token)
            items += page
            if not token:
                return items

    listed_projects = all_pages(
        lambda t: (lambda r: (list(r.projects), r.next_page_token))(
            stub.ListProjects(keys_pb2.ListProjectsRequest(organization_id=org.id, page_size=2, page_token=t))
        )
    )
    assert [p.id for p in listed_projects] == [p.id for p in projects]
    assert set(listed_projects[0].product_ids) == {p.id for p in products[:3]}
    listed_products = all_pages(
        lambda t: (lambda r: (list(r.products), r.next_page_token))(
            stub.ListProducts(keys_pb2.ListProductsRequest(organization_id=org.id, page_size=2, page_token=t))
        )
    )
    assert [p.id for p in listed_products] == [p.id for p in products]
    linked = all_pages(
        lambda t: (lambda r: (list(r.products), r.next_page_token))(
            stub.ListProducts(
                keys_pb2.ListProductsRequest(
                    organization_id=org.id, project_id=projects[0].id, page_size=2, page_token=t
                )
            )
        )
    )
    assert [p.id for p in linked] == [p.id for p in products[:3]]

    # A token only continues the listing it came from.
    token = stub.ListProjects(
        keys_pb2.ListProjectsRequest(organization_id=org.id, page_size=1)
    ).next_page_token
    assert token
    err = expect_error(
        lambda: stub.ListProjects(keys_pb2.ListProjectsRequest(organization_id=other.id, page_token=token)),
        INVALID,
        "INVALID_ARGUMENT",
    )
    assert err.field_violations == ["page_token"]
    expect_error(
        lambda: stub.ListProducts(keys_pb2.ListProductsRequest(organization_id=org.id, page_token=token)),
        INVALID,
        "INVALID_ARGUMENT",
    )

    # A project of another organization is not a filter of this one.
    other_project = stub.CreateProject(keys_pb2.CreateProjectRequest(organization_id=other.id, name="zz"))
    err = expect_error(
        lambda: stub.ListProducts(
            keys_pb2.ListProductsRequest(organization_id=org.id, project_id=other_project.id)
        ),
        INVALID,
        "INVALID_ARGUMENT",
    )
    assert err.field_violations == ["project_id"]
    expect_error(
        lambda: stub.ListProjects(keys_pb2.ListProjectsRequest(organization_id=str(uuid.uuid4()))),
        grpc.StatusCode.NOT_FOUND,
        "NOT_FOUND",
    )
