"""Leaked-key reports: the outbox of candidates the reporter may not see (usecases/leaks.py).

Revision ID: 0014_leak_report_outbox
Revises: 0013_shared_credits
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014_leak_report_outbox"
down_revision = "0013_shared_credits"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "leak_report_outbox",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("create_time", sa.DateTime(timezone=True), nullable=False),
        sa.Column("entries", sa.JSON(), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("request_id", sa.String(length=200), nullable=False),
        sa.Column("client_address", sa.String(length=200), nullable=False),
        sa.Column("user_agent", sa.String(length=500), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_leak_report_outbox")),
    )
    op.create_index(
        op.f("ix_leak_report_outbox_create_time"), "leak_report_outbox", ["create_time"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_leak_report_outbox_create_time"), table_name="leak_report_outbox")
    op.drop_table("leak_report_outbox")
