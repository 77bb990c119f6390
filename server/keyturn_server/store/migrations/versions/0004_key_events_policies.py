"""Key lifecycle foundation: the durable key-event log and key policies.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "key_event",
        sa.Column("sequence", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("event_time", sa.DateTime(timezone=True), nullable=False),
        sa.Column("type", sa.String(length=32), nullable=False),
        sa.Column("organization_id", sa.String(length=36), nullable=False),
        sa.Column("project_id", sa.String(length=36), nullable=False),
        sa.Column("product_id", sa.String(length=36), nullable=False),
        sa.Column("key_id", sa.String(length=36), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("dedupe", sa.String(length=200), nullable=True),
        sa.PrimaryKeyConstraint("sequence", name=op.f("pk_key_event")),
        sa.UniqueConstraint("dedupe", name=op.f("uq_key_event_dedupe")),
    )
    op.create_index("ix_key_event_org_seq", "key_event", ["organization_id", "sequence"], unique=False)
    op.create_index("ix_key_event_key_seq", "key_event", ["key_id", "sequence"], unique=False)
    op.create_index(op.f("ix_key_event_event_time"), "key_event", ["event_time"], unique=False)
    op.create_table(
        "key_policy",
        sa.Column("scope", sa.String(length=80), nullable=False),
        sa.Column("organization_id", sa.String(length=36), nullable=False),
        sa.Column("project_id", sa.String(length=36), nullable=True),
        sa.Column("policy", sa.JSON(), nullable=False),
        sa.Column("update_time", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_key_policy_organization_id_organization"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["project.id"],
            name=op.f("fk_key_policy_project_id_project"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("scope", name=op.f("pk_key_policy")),
    )


def downgrade() -> None:
    op.drop_table("key_policy")
    op.drop_index(op.f("ix_key_event_event_time"), table_name="key_event")
    op.drop_index("ix_key_event_key_seq", table_name="key_event")
    op.drop_index("ix_key_event_org_seq", table_name="key_event")
    op.drop_table("key_event")
