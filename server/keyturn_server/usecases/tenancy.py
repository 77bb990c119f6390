"""Organizations, projects and products: create, get-or-create, get, list, link.

Create* and GetOrCreate* insert with ON CONFLICT DO NOTHING and then read the row that won,
so concurrent callers (several deploys at once, several replicas) never see an
IntegrityError: exactly one of them creates the row and writes the audit event; the others
get the existing row (`created` false) or ALREADY_EXISTS with its id.

Authorization: a create is checked against the organization it creates in; a get against the
organization of the row it loaded; a list of organizations is narrowed to the caller's in
the query itself.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from keyturn_server.domain import access as policy
from keyturn_server.domain.access import Permission
from keyturn_server.domain.audit import AuditRecord, ResourceType, change
from keyturn_server.domain.errors import AlreadyExists, InvalidArgument, NotFound
from keyturn_server.domain.ports import KeyEvents
from keyturn_server.store import repositories as repo
from keyturn_server.store.db import Database
from keyturn_server.store.models import Organization, Product, Project
from keyturn_server.usecases import Page, Pages, audit, utcnow

ORGANIZATION = ResourceType.ORGANIZATION
PROJECT = ResourceType.PROJECT
PRODUCT = ResourceType.PRODUCT


@dataclass(frozen=True)
class ProjectView:
    """A project and the ids of the products linked to it."""

    project: Project
    product_ids: list[str]


# --- Shared: named entities created once ------------------------------------------------------

Named = TypeVar("Named", Organization, Project, Product)


async def _insert_named(
    session: AsyncSession, model: type[Named], action: str, organization_id: str | None, name: str
) -> Named | None:
    """The new row, or None when one with this name exists in its scope (no event then).

    `organization_id` None means the row is an organization (its own tenant).
    """
    new_id = str(uuid.uuid4())
    values: dict[str, object] = {"id": new_id, "name": name, "create_time": utcnow()}
    if organization_id is not None:
        values["organization_id"] = organization_id
    if not await repo.insert_ignoring_conflict(session, model, values):
        return None
    await audit(
        session,
        AuditRecord(
            action=action,
            resource_type=ResourceType(model.__name__),
            resource_id=new_id,
            organization_id=organization_id or new_id,
            project_id=new_id if model is Project else "",
            changes=[change("name", None, name)],
        ),
    )
    return model(**values)


async def _create_named(
    insert: Callable[[], Awaitable[Named | None]], find: Callable[[], Awaitable[Named | None]], kind: str
) -> Named:
    """Create, or ALREADY_EXISTS naming the row that holds the name."""
    created = await insert()
    if created is None:
        existing = await find()
        raise AlreadyExists(kind, existing.id if existing else "")
    return created


async def _get_or_create_named(
    insert: Callable[[], Awaitable[Named | None]], find: Callable[[], Awaitable[Named | None]]
) -> tuple[Named, bool]:
    """The existing row, or a new one; under a race the row that won the insert."""
    existing = await find()
    if existing is not None:
        return existing, False
    created = await insert()
    if created is not None:
        return created, True
    winner = await find()
    assert winner is not None, "a conflicting row must be visible after ON CONFLICT DO NOTHING"
    return winner, False


# --- Loading, shared with the key use cases ----------------------------------------------------


async def require_organization(session: AsyncSession, organization_id: str) -> Organization:
    found = await repo.get_organization(session, organization_id)
    if found is None:
        raise NotFound(ORGANIZATION, organization_id)
    return found


async def require_project(session: AsyncSession, project_id: str) -> Project:
    found = await repo.get_project(session, project_id)
    if found is None:
        raise NotFound(PROJECT, project_id)
    return found


async def require_product(session: AsyncSession, product_id: str) -> Product:
    found = await repo.get_product(session, product_id)
    if found is None:
        raise NotFound(PRODUCT, product_id)
    return found


def authorize_in(permission: Permission, organization_id: str) -> None:
    """The caller holds `permission` in this organization (else NOT_FOUND for it)."""
    policy.authorize(permission, organization_id, resource_type=ORGANIZATION, resource_id=organization_id)


async def _view(session: AsyncSession, project: Project) -> ProjectView:
    linked = await repo.product_ids_by_project(session, [project.id])
    return ProjectView(project, linked[project.id])


class Tenancy:
    """Organizations, projects and products."""

    def __init__(self, db: Database, key_events: KeyEvents, pages: Pages) -> None:
        self.db = db
        self.key_events = key_events
        self.pages = pages

    # --- Organizations ------------------------------------------------------------------------

    @staticmethod
    def _organization_ops(
        session: AsyncSession, name: str
    ) -> tuple[Callable[[], Awaitable[Organization | None]], Callable[[], Awaitable[Organization | None]]]:
        return (
            lambda: _insert_named(session, Organization, "organization.create", None, name),
            lambda: repo.find_organization(session, name),
        )

    async def create_organization(self, name: str) -> Organization:
        async with self.db.transaction() as session:
            return await _create_named(*self._organization_ops(session, name), ORGANIZATION)

    async def get_or_create_organization(self, name: str) -> tuple[Organization, bool]:
        async with self.db.transaction() as session:
            return await _get_or_create_named(*self._organization_ops(session, name))

    async def get_organization(self, organization_id: str) -> Organization:
        authorize_in(Permission.ORGANIZATIONS_GET, organization_id)
        async with self.db.transaction() as session:
            return await require_organization(session, organization_id)

    async def list_organizations(self, page_size: int, page_token: str) -> Page[Organization]:
        request = self.pages.request(page_token, page_size, {"list": "organizations"}, utcnow())
        visible = policy.visible_organizations(Permission.ORGANIZATIONS_LIST)
        async with self.db.transaction() as session:
            rows = await repo.list_organizations(session, request.cursor, request.size + 1, only=visible)
        return request.page(list(rows), lambda r: (r.create_time, r.id))

    # --- Projects -----------------------------------------------------------------------------

    @staticmethod
    def _project_ops(
        session: AsyncSession, organization_id: str, name: str
    ) -> tuple[Callable[[], Awaitable[Project | None]], Callable[[], Awaitable[Project | None]]]:
        return (
            lambda: _insert_named(session, Project, "project.create", organization_id, name),
            lambda: repo.find_project(session, organization_id, name),
        )

    async def create_project(self, organization_id: str, name: str) -> ProjectView:
        authorize_in(Permission.PROJECTS_CREATE, organization_id)
        async with self.db.transaction() as session:
            await require_organization(session, organization_id)
            created = await _create_named(*self._project_ops(session, organization_id, name), PROJECT)
            return ProjectView(created, [])

    async def get_or_create_project(self, organization_id: str, name: str) -> tuple[ProjectView, bool]:
        authorize_in(Permission.PROJECTS_CREATE, organization_id)
        async with self.db.transaction() as session:
            await require_organization(session, organization_id)
            project, created = await _get_or_create_named(*self._project_ops(session, organization_id, name))
            return (ProjectView(project, []) if created else await _view(session, project)), created

    async def get_project(self, project_id: str) -> ProjectView:
        async with self.db.transaction() as session:
            project = await require_project(session, project_id)
            policy.authorize(
                Permission.PROJECTS_GET,
                project.organization_id,
                resource_type=PROJECT,
                resource_id=project_id,
            )
            return await _view(session, project)

    async def list_projects(self, organization_id: str, page_size: int, page_token: str) -> Page[ProjectView]:
        authorize_in(Permission.PROJECTS_LIST, organization_id)
        filters = {"list": "projects", "organization_id": organization_id}
        request = self.pages.request(page_token, page_size, filters, utcnow())
        async with self.db.transaction() as session:
            await require_organization(session, organization_id)
            rows = list(await repo.list_projects(session, organization_id, request.cursor, request.size + 1))
            linked = await repo.product_ids_by_project(session, [r.id for r in rows])
        views = [ProjectView(r, linked[r.id]) for r in rows]
        return request.page(views, lambda v: (v.project.create_time, v.project.id))

    # --- Products -----------------------------------------------------------------------------

    @staticmethod
    def _product_ops(
        session: AsyncSession, organization_id: str, name: str
    ) -> tuple[Callable[[], Awaitable[Product | None]], Callable[[], Awaitable[Product | None]]]:
        return (
            lambda: _insert_named(session, Product, "product.create", organization_id, name),
            lambda: repo.find_product(session, organization_id, name),
        )

    async def create_product(self, organization_id: str, name: str) -> Product:
        authorize_in(Permission.PRODUCTS_CREATE, organization_id)
        async with self.db.transaction() as session:
            await require_organization(session, organization_id)
            return await _create_named(*self._product_ops(session, organization_id, name), PRODUCT)

    async def get_or_create_product(self, organization_id: str, name: str) -> tuple[Product, bool]:
        authorize_in(Permission.PRODUCTS_CREATE, organization_id)
        async with self.db.transaction() as session:
            await require_organization(session, organization_id)
            return await _get_or_create_named(*self._product_ops(session, organization_id, name))

    async def get_product(self, product_id: str) -> Product:
        async with self.db.transaction() as session:
            product = await require_product(session, product_id)
        policy.authorize(
            Permission.PRODUCTS_GET, product.organization_id, resource_type=PRODUCT, resource_id=product_id
        )
        return product

    async def list_products(
        self, organization_id: str, project_id: str | None, page_size: int, page_token: str
    ) -> Page[Product]:
        authorize_in(Permission.PRODUCTS_LIST, organization_id)
        filters = {"list": "products", "organization_id": organization_id, "project_id": project_id or ""}
        request = self.pages.request(page_token, page_size, filters, utcnow())
        async with self.db.transaction() as session:
            await require_organization(session, organization_id)
            if project_id is not None:
                project = await require_project(session, project_id)
                policy.authorize(
                    Permission.PRODUCTS_LIST,
                    project.organization_id,
                    resource_type=PROJECT,
                    resource_id=project_id,
                )
                if project.organization_id != organization_id:
                    raise InvalidArgument.field("project_id", "belongs to another organization")
            rows = await repo.list_products(
                session, organization_id, project_id, request.cursor, request.size + 1
            )
        return request.page(list(rows), lambda r: (r.create_time, r.id))

    async def add_product_to_project(self, product_id: str, project_id: str) -> tuple[ProjectView, bool]:
        """Link a product to a project of the same organization. Idempotent: an existing link
        is `created` false and writes no event."""
        permission = Permission.PROJECTS_UPDATE
        async with self.db.transaction() as session:
            product = await require_product(session, product_id)
            policy.authorize(
                permission, product.organization_id, resource_type=PRODUCT, resource_id=product_id
            )
            project = await require_project(session, project_id)
            policy.authorize(
                permission, project.organization_id, resource_type=PROJECT, resource_id=project_id
            )
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
        if created:
            # ValidateKey caches "not linked" answers; a new link must be seen at once.
            await self.key_events.links_changed()
        return view, created
