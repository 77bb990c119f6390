"""Organizations, projects and products: create, get-or-create, get, list, link.

Create* and GetOrCreate* insert with ON CONFLICT DO NOTHING and then read the row that won,
so concurrent callers (several deploys at once, several replicas) never see an
IntegrityError: exactly one of them creates the row and writes the audit event; the others
get the existing row (`created` false) or ALREADY_EXISTS with its id.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncSession

from keyturn_server.domain.audit import AuditRecord, change
from keyturn_server.domain.errors import AlreadyExists, InvalidArgument, NotFound
from keyturn_server.store import repositories as repo
from keyturn_server.store.models import Organization, Product, Project
from keyturn_server.usecases import Page, PageRequest, audit, utcnow

if TYPE_CHECKING:
    from keyturn_server.app import Runtime

ORGANIZATION = "Organization"
PROJECT = "Project"
PRODUCT = "Product"


@dataclass(frozen=True)
class ProjectView:
    """A project and the ids of the products linked to it."""

    project: Project
    product_ids: list[str]


# --- Organizations ----------------------------------------------------------------------------


async def _insert_organization(session: AsyncSession, name: str) -> Organization | None:
    """The new organization, or None when one with this name exists (no event then)."""
    row = Organization(id=str(uuid.uuid4()), name=name, create_time=utcnow())
    values = {"id": row.id, "name": row.name, "create_time": row.create_time}
    if not await repo.insert_ignoring_conflict(session, Organization, values):
        return None
    await audit(
        session,
        AuditRecord(
            action="organization.create",
            resource_type=ORGANIZATION,
            resource_id=row.id,
            organization_id=row.id,
            changes=[change("name", None, name)],
        ),
    )
    return row


async def create_organization(runtime: Runtime, name: str) -> Organization:
    async with runtime.db.transaction() as session:
        created = await _insert_organization(session, name)
        if created is None:
            existing = await repo.find_organization(session, name)
            raise AlreadyExists(ORGANIZATION, existing.id if existing else "")
        return created


async def get_or_create_organization(runtime: Runtime, name: str) -> tuple[Organization, bool]:
    async with runtime.db.transaction() as session:
        existing = await repo.find_organization(session, name)
        if existing is not None:
            return existing, False
        created = await _insert_organization(session, name)
        if created is not None:
            return created, True
        winner = await repo.find_organization(session, name)
        assert winner is not None, "a conflicting organization must be visible after ON CONFLICT"
        return winner, False


async def require_organization(session: AsyncSession, organization_id: str) -> Organization:
    found = await repo.get_organization(session, organization_id)
    if found is None:
        raise NotFound(ORGANIZATION, organization_id)
    return found


async def get_organization(runtime: Runtime, organization_id: str) -> Organization:
    async with runtime.db.transaction() as session:
        return await require_organization(session, organization_id)


async def list_organizations(runtime: Runtime, page_size: int, page_token: str) -> Page[Organization]:
    request = PageRequest.decode(page_token, page_size, {"list": "organizations"}, utcnow())
    async with runtime.db.transaction() as session:
        rows = await repo.list_organizations(session, request.cursor, request.size + 1)
    return request.page(list(rows), lambda r: (r.create_time, r.id))


# --- Projects ---------------------------------------------------------------------------------


async def _insert_project(session: AsyncSession, organization_id: str, name: str) -> Project | None:
    row = Project(id=str(uuid.uuid4()), organization_id=organization_id, name=name, create_time=utcnow())
    values = {
        "id": row.id,
        "organization_id": organization_id,
        "name": name,
        "create_time": row.create_time,
    }
    if not await repo.insert_ignoring_conflict(session, Project, values):
        return None
    await audit(
        session,
        AuditRecord(
            action="project.create",
            resource_type=PROJECT,
            resource_id=row.id,
            organization_id=organization_id,
            project_id=row.id,
            changes=[change("name", None, name)],
        ),
    )
    return row


async def create_project(runtime: Runtime, organization_id: str, name: str) -> ProjectView:
    async with runtime.db.transaction() as session:
        await require_organization(session, organization_id)
        created = await _insert_project(session, organization_id, name)
        if created is None:
            existing = await repo.find_project(session, organization_id, name)
            raise AlreadyExists(PROJECT, existing.id if existing else "")
        return ProjectView(created, [])


async def get_or_create_project(
    runtime: Runtime, organization_id: str, name: str
) -> tuple[ProjectView, bool]:
    async with runtime.db.transaction() as session:
        await require_organization(session, organization_id)
        existing = await repo.find_project(session, organization_id, name)
        if existing is None:
            created = await _insert_project(session, organization_id, name)
            if created is not None:
                return ProjectView(created, []), True
            existing = await repo.find_project(session, organization_id, name)
            assert existing is not None, "a conflicting project must be visible after ON CONFLICT"
        linked = await repo.product_ids_by_project(session, [existing.id])
        return ProjectView(existing, linked[existing.id]), False


async def require_project(session: AsyncSession, project_id: str) -> Project:
    found = await repo.get_project(session, project_id)
    if found is None:
        raise NotFound(PROJECT, project_id)
    return found


async def _view(session: AsyncSession, project: Project) -> ProjectView:
    linked = await repo.product_ids_by_project(session, [project.id])
    return ProjectView(project, linked[project.id])


async def get_project(runtime: Runtime, project_id: str) -> ProjectView:
    async with runtime.db.transaction() as session:
        return await _view(session, await require_project(session, project_id))


async def list_projects(
    runtime: Runtime, organization_id: str, page_size: int, page_token: str
) -> Page[ProjectView]:
    filters = {"list": "projects", "organization_id": organization_id}
    request = PageRequest.decode(page_token, page_size, filters, utcnow())
    async with runtime.db.transaction() as session:
        await require_organization(session, organization_id)
        rows = list(await repo.list_projects(session, organization_id, request.cursor, request.size + 1))
        linked = await repo.product_ids_by_project(session, [r.id for r in rows])
    views = [ProjectView(r, linked[r.id]) for r in rows]
    return request.page(views, lambda v: (v.project.create_time, v.project.id))


# --- Products ---------------------------------------------------------------------------------


async def _insert_product(session: AsyncSession, organization_id: str, name: str) -> Product | None:
    row = Product(id=str(uuid.uuid4()), organization_id=organization_id, name=name, create_time=utcnow())
    values = {
        "id": row.id,
        "organization_id": organization_id,
        "name": name,
        "create_time": row.create_time,
    }
    if not await repo.insert_ignoring_conflict(session, Product, values):
        return None
    await audit(
        session,
        AuditRecord(
            action="product.create",
            resource_type=PRODUCT,
            resource_id=row.id,
            organization_id=organization_id,
            changes=[change("name", None, name)],
        ),
    )
    return row


async def create_product(runtime: Runtime, organization_id: str, name: str) -> Product:
    async with runtime.db.transaction() as session:
        await require_organization(session, organization_id)
        created = await _insert_product(session, organization_id, name)
        if created is None:
            existing = await repo.find_product(session, organization_id, name)
            raise AlreadyExists(PRODUCT, existing.id if existing else "")
        return created


async def get_or_create_product(runtime: Runtime, organization_id: str, name: str) -> tuple[Product, bool]:
    async with runtime.db.transaction() as session:
        await require_organization(session, organization_id)
        existing = await repo.find_product(session, organization_id, name)
        if existing is not None:
            return existing, False
        created = await _insert_product(session, organization_id, name)
        if created is not None:
            return created, True
        winner = await repo.find_product(session, organization_id, name)
        assert winner is not None, "a conflicting product must be visible after ON CONFLICT"
        return winner, False


async def require_product(session: AsyncSession, product_id: str) -> Product:
    found = await repo.get_product(session, product_id)
    if found is None:
        raise NotFound(PRODUCT, product_id)
    return found


async def get_product(runtime: Runtime, product_id: str) -> Product:
    async with runtime.db.transaction() as session:
        return await require_product(session, product_id)


async def list_products(
    runtime: Runtime, organization_id: str, project_id: str | None, page_size: int, page_token: str
) -> Page[Product]:
    filters = {"list": "products", "organization_id": organization_id, "project_id": project_id or ""}
    request = PageRequest.decode(page_token, page_size, filters, utcnow())
    async with runtime.db.transaction() as session:
        await require_organization(session, organization_id)
        if project_id is not None:
            project = await require_project(session, project_id)
            if project.organization_id != organization_id:
                raise InvalidArgument.field("project_id", "belongs to another organization")
        rows = await repo.list_products(
            session, organization_id, project_id, request.cursor, request.size + 1
        )
    return request.page(list(rows), lambda r: (r.create_time, r.id))


async def add_product_to_project(
    runtime: Runtime, product_id: str, project_id: str
) -> tuple[ProjectView, bool]:
    """Link a product to a project of the same organization. Idempotent: an existing link
    is `created` false and writes no event."""
    async with runtime.db.transaction() as session:
        product = await require_product(session, product_id)
        project = await require_project(session, project_id)
        if product.organization_id != project.organization_id:
            raise InvalidArgument.field("project_id", "belongs to another organization than the product")
        created = await repo.link_product(session, project.id, product.id, utcnow())
        view = await _view(session, project)
        if created:
            await audit(
                session,
                AuditRecord(
                    action="product.link",
                    resource_type=PRODUCT,
                    resource_id=product.id,
                    organization_id=product.organization_id,
                    project_id=project.id,
                    changes=[change("project_id", None, project.id)],
                ),
            )
        return view, created
