"""Key-event watch: an index on api_key.expire_time for the EXPIRING / EXPIRED scan.

Revision ID: 0009_key_event_watch
Revises: 0007_imported_keys
Create Date: 2026-12-01
"""

from __future__ import annotations

from alembic import op

revision = "0009_key_event_watch"
down_revision = "0007_imported_keys"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_api_key_expire_time", "api_key", ["expire_time"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_api_key_expire_time", table_name="api_key")
