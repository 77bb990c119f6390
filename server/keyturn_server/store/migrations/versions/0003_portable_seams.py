"""Portable seams: the polling change feed's table and the lock rows.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "key_change",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("payload", sa.String(length=200), nullable=False),
        sa.Column("create_time", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_key_change")),
    )
    op.create_index(op.f("ix_key_change_create_time"), "key_change", ["create_time"], unique=False)
    lock_row = op.create_table(
        "lock_row",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_lock_row")),
    )
    op.bulk_insert(lock_row, [{"name": "audit_chain"}])


def downgrade() -> None:
    op.drop_table("lock_row")
    op.drop_index(op.f("ix_key_change_create_time"), table_name="key_change")
    op.drop_table("key_change")
