"""Rotation policies and recoverable keys on api_key; the RevealKey rate-limit counter.

Revision ID: 0011_recoverable_rotation
Revises: 0010_webhooks
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_recoverable_rotation"
down_revision = "0010_webhooks"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("api_key") as batch:
        batch.add_column(sa.Column("rotation_mode", sa.String(length=16), nullable=True))
        batch.add_column(sa.Column("rotation_period_seconds", sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column("rotation_grace_seconds", sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column("next_rotation_time", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(
            sa.Column("rotation_reminders", sa.Integer(), nullable=False, server_default=sa.text("0"))
        )
        batch.add_column(sa.Column("expire_cap", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("recoverable", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("recovery_ciphertext", sa.LargeBinary(), nullable=True))
    op.create_index(op.f("ix_api_key_next_rotation_time"), "api_key", ["next_rotation_time"], unique=False)
    op.create_table(
        "reveal_counter",
        sa.Column("principal_id", sa.String(length=200), nullable=False),
        sa.Column("window_start", sa.BigInteger(), nullable=False),
        sa.Column("count", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("principal_id", "window_start", name=op.f("pk_reveal_counter")),
    )


def downgrade() -> None:
    op.drop_table("reveal_counter")
    op.drop_index(op.f("ix_api_key_next_rotation_time"), table_name="api_key")
    with op.batch_alter_table("api_key") as batch:
        for column in (
            "recovery_ciphertext",
            "recoverable",
            "expire_cap",
            "rotation_reminders",
            "next_rotation_time",
            "rotation_grace_seconds",
            "rotation_period_seconds",
            "rotation_mode",
        ):
            batch.drop_column(column)
