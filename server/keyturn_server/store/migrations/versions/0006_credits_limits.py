"""Credits and named limits: `key_credit`, `api_key.named_limits`, and a limit name in the
rate-limit counter's key.

Revision ID: 0006_credits_limits
Revises: 0005_child_keys
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_credits_limits"
down_revision = "0005_child_keys"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "key_credit",
        sa.Column("key_id", sa.String(length=36), nullable=False),
        sa.Column("remaining", sa.BigInteger(), nullable=False),
        sa.Column("low_threshold", sa.BigInteger(), nullable=False),
        sa.Column("refill_interval", sa.String(length=8), nullable=True),
        sa.Column("refill_amount", sa.BigInteger(), nullable=True),
        sa.Column("refill_day", sa.Integer(), nullable=False),
        sa.Column("last_refill_start", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["key_id"], ["api_key.id"], name=op.f("fk_key_credit_key_id_api_key"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("key_id", name=op.f("pk_key_credit")),
    )
    with op.batch_alter_table("api_key") as batch:
        batch.add_column(sa.Column("named_limits", sa.JSON(), nullable=False, server_default="[]"))
    # Existing counters belong to the default limit; the key gains the limit's name.
    with op.batch_alter_table("rate_limit_counter", recreate="always") as batch:
        batch.add_column(
            sa.Column("limit_name", sa.String(length=32), nullable=False, server_default="default")
        )
        batch.drop_constraint("pk_rate_limit_counter", type_="primary")
        batch.create_primary_key("pk_rate_limit_counter", ["key_id", "limit_name", "window_start"])


def downgrade() -> None:
    op.execute("DELETE FROM rate_limit_counter WHERE limit_name <> 'default'")
    with op.batch_alter_table("rate_limit_counter", recreate="always") as batch:
        batch.drop_constraint("pk_rate_limit_counter", type_="primary")
        batch.drop_column("limit_name")
        batch.create_primary_key("pk_rate_limit_counter", ["key_id", "window_start"])
    with op.batch_alter_table("api_key") as batch:
        batch.drop_column("named_limits")
    op.drop_table("key_credit")
