"""Principals and principal tokens: queries over a session framed by the caller."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from keyturn_server.store.models import Organization, Principal, PrincipalToken, Product, Project
from keyturn_server.store.repositories import Cursor


async def get_principal(session: AsyncSession, principal_id: str) -> Principal | None:
    return await session.get(Principal, principal_id)


async def principal_by_name(session: AsyncSession, name: str) -> Principal | None:
    result: Principal | None = await session.scalar(select(Principal).where(Principal.name == name))
    return result


async def principal_by_certificate_identity(session: AsyncSession, identity: str) -> Principal | None:
    result: Principal | None = await session.scalar(
        select(Principal).where(Principal.certificate_identity == identity)
    )
    return result


async def all_principals(session: AsyncSession) -> Sequence[Principal]:
    """Every principal, oldest first. Principals number in the hundreds, not millions."""
    return (await session.scalars(select(Principal).order_by(Principal.create_time, Principal.id))).all()


async def principals_after(session: AsyncSession, after: Cursor | None, limit: int) -> Sequence[Principal]:
    """Principals oldest first by (create_time, id), strictly after `after`."""
    query = select(Principal)
    if after is not None:
        query = query.where(
            or_(
                Principal.create_time > after.create_time,
                and_(Principal.create_time == after.create_time, Principal.id > after.id),
            )
        )
    query = query.order_by(Principal.create_time, Principal.id).limit(limit)
    return (await session.scalars(query)).all()


async def token_by_hashes(
    session: AsyncSession, hashes: Sequence[str]
) -> tuple[PrincipalToken, Principal] | None:
    row = (
        await session.execute(
            select(PrincipalToken, Principal)
            .join(Principal, Principal.id == PrincipalToken.principal_id)
            .where(PrincipalToken.token_hash.in_(list(hashes)))
        )
    ).first()
    if row is None:
        return None
    return row[0], row[1]


async def get_token(session: AsyncSession, token_id: str) -> PrincipalToken | None:
    return await session.get(PrincipalToken, token_id)


async def list_tokens(
    session: AsyncSession, principal_id: str, after: tuple[datetime, str] | None, limit: int
) -> Sequence[PrincipalToken]:
    """Newest first; `after` is the (create_time, id) of the last token of the previous page."""
    query = select(PrincipalToken).where(PrincipalToken.principal_id == principal_id)
    if after is not None:
        time, token_id = after
        query = query.where(
            or_(
                PrincipalToken.create_time < time,
                and_(PrincipalToken.create_time == time, PrincipalToken.id < token_id),
            )
        )
    query = query.order_by(PrincipalToken.create_time.desc(), PrincipalToken.id.desc()).limit(limit)
    return (await session.scalars(query)).all()


async def binding_target_missing(
    session: AsyncSession, organization_id: str, project_id: str, product_id: str
) -> str:
    """The first of organization / project / product (of that organization) that does not
    exist, as a resource type; "" when all named ones exist."""
    if organization_id and await session.get(Organization, organization_id) is None:
        return "Organization"
    if project_id:
        project = await session.get(Project, project_id)
        if project is None or project.organization_id != organization_id:
            return "Project"
    if product_id:
        product = await session.get(Product, product_id)
        if product is None or product.organization_id != organization_id:
            return "Product"
    return ""
