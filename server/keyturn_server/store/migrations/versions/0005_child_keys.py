"""Restricted child keys: api_key.parent_key_id and its index.

No foreign key: a child outlives a deleted parent (it is revoked, and its parent_key_id
keeps saying where it came from), like rotated_from_key_id.

Revision ID: 0005_child_keys
Revises: 0004
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_child_keys"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("api_key", sa.Column("parent_key_id", sa.String(length=36), nullable=True))
    op.create_index(
        "ix_api_key_parent_created", "api_key", ["parent_key_id", "create_time", "id"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_api_key_parent_created", table_name="api_key")
    with op.batch_alter_table("api_key") as batch:  # SQLite before 3.35 cannot drop a column in place
        batch.drop_column("parent_key_id")
