"""Leaked keys: when a key was first reported leaked (ReportLeakedKeys, secret scanning).

Revision ID: 0012_leaked_keys
Revises: 0011_recoverable_rotation
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_leaked_keys"
down_revision = "0011_recoverable_rotation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("api_key") as batch:
        batch.add_column(sa.Column("leak_time", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("api_key") as batch:
        batch.drop_column("leak_time")
