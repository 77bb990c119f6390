"""Shared credits: a rotated key and its successor draw on ONE credit balance.

`api_key.credit_key_id` names the `key_credit` row a key draws on (existing balances keep
their key's id as their id); `key_credit.key_id` is no longer a foreign key to the key, so a
balance outlives a rotated key deleted while its successor still uses it.

Revision ID: 0013_shared_credits
Revises: 0012_leaked_keys
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013_shared_credits"
down_revision = "0012_leaked_keys"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("api_key") as batch:
        batch.add_column(sa.Column("credit_key_id", sa.String(length=36), nullable=True))
        batch.create_index("ix_api_key_credit_key_id", ["credit_key_id"])
    op.execute("UPDATE api_key SET credit_key_id = id WHERE id IN (SELECT key_id FROM key_credit)")
    with op.batch_alter_table("key_credit") as batch:
        batch.drop_constraint("fk_key_credit_key_id_api_key", type_="foreignkey")


def downgrade() -> None:
    # Each balance goes back to one key: its own (the id it was created for) when that key
    # still exists, else the newest key drawing on it; a key that shared one loses it.
    op.execute(
        "UPDATE key_credit SET key_id = (SELECT max(a.id) FROM api_key a WHERE a.credit_key_id = key_credit.key_id) "
        "WHERE key_id NOT IN (SELECT id FROM api_key)"
    )
    op.execute("DELETE FROM key_credit WHERE key_id IS NULL OR key_id NOT IN (SELECT id FROM api_key)")
    with op.batch_alter_table("key_credit") as batch:
        batch.create_foreign_key(
            "fk_key_credit_key_id_api_key", "api_key", ["key_id"], ["id"], ondelete="CASCADE"
        )
    with op.batch_alter_table("api_key") as batch:
        batch.drop_index("ix_api_key_credit_key_id")
        batch.drop_column("credit_key_id")
