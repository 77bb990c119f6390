"""Reads of the access-token signing keys (managed keys with the reserved name) for
usecases/tokens.py: which key an organization signs with, and its ENABLED versions' numbers
and creation times (never their material; the managed-key code unwraps that)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from keyturn_server.store.models import CryptoKey, CryptoKeyVersion


@dataclass(frozen=True)
class SigningKeyRow:
    crypto_key_id: str
    organization_id: str
    algorithm: str
    versions: tuple[tuple[int, datetime], ...]  # ENABLED versions: (number, create_time)


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


async def signing_keys(
    session: AsyncSession, name: str, enabled_state: str, organization_id: str | None = None
) -> list[SigningKeyRow]:
    """The signing key of one organization (or of every organization when None)."""
    stmt = select(CryptoKey.id, CryptoKey.organization_id, CryptoKey.algorithm).where(CryptoKey.name == name)
    if organization_id is not None:
        stmt = stmt.where(CryptoKey.organization_id == organization_id)
    keys = (await session.execute(stmt.order_by(CryptoKey.organization_id))).all()
    if not keys:
        return []
    versions: dict[str, list[tuple[int, datetime]]] = {row.id: [] for row in keys}
    rows = await session.execute(
        select(CryptoKeyVersion.crypto_key_id, CryptoKeyVersion.number, CryptoKeyVersion.create_time)
        .where(CryptoKeyVersion.crypto_key_id.in_(list(versions)), CryptoKeyVersion.state == enabled_state)
        .order_by(CryptoKeyVersion.crypto_key_id, CryptoKeyVersion.number)
    )
    for version in rows:
        versions[version.crypto_key_id].append((version.number, _aware(version.create_time)))
    return [
        SigningKeyRow(row.id, row.organization_id, row.algorithm, tuple(versions[row.id])) for row in keys
    ]


__all__ = ["SigningKeyRow", "signing_keys"]
