"""Webhooks: subscriptions, the delivery outbox and the dispatcher's cursor.

Revision ID: 0010_webhooks
Revises: 0009_key_event_watch
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_webhooks"
down_revision = "0009_key_event_watch"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "webhook",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("organization_id", sa.String(length=36), nullable=False),
        sa.Column("url", sa.String(length=2048), nullable=False),
        sa.Column("event_types", sa.JSON(), nullable=False),
        sa.Column("description", sa.String(length=500), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("disabled_reason", sa.String(length=500), nullable=False),
        sa.Column("start_sequence", sa.BigInteger(), nullable=False),
        sa.Column("secret_version", sa.Integer(), nullable=False),
        sa.Column("secret_wrapped", sa.LargeBinary(), nullable=False),
        sa.Column("secret_root_key_version", sa.Integer(), nullable=False),
        sa.Column("previous_secret_wrapped", sa.LargeBinary(), nullable=True),
        sa.Column("previous_secret_root_key_version", sa.Integer(), nullable=True),
        sa.Column("previous_secret_expire_time", sa.DateTime(timezone=True), nullable=True),
        sa.Column("secret_rotate_time", sa.DateTime(timezone=True), nullable=True),
        sa.Column("consecutive_gave_up", sa.Integer(), nullable=False),
        sa.Column("create_time", sa.DateTime(timezone=True), nullable=False),
        sa.Column("update_time", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_webhook_organization_id_organization"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_webhook")),
    )
    op.create_index(op.f("ix_webhook_organization_id"), "webhook", ["organization_id"], unique=False)
    op.create_table(
        "webhook_delivery",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("webhook_id", sa.String(length=36), nullable=False),
        sa.Column("organization_id", sa.String(length=36), nullable=False),
        sa.Column("event_sequence", sa.BigInteger(), nullable=False),
        sa.Column("event_type", sa.String(length=32), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("next_attempt_time", sa.DateTime(timezone=True), nullable=True),
        sa.Column("window_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("window_attempts", sa.Integer(), nullable=False),
        sa.Column("attempt_count", sa.Integer(), nullable=False),
        sa.Column("attempts", sa.JSON(), nullable=False),
        sa.Column("lease_token", sa.String(length=36), nullable=True),
        sa.Column("create_time", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["webhook_id"],
            ["webhook.id"],
            name=op.f("fk_webhook_delivery_webhook_id_webhook"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_webhook_delivery")),
        sa.UniqueConstraint("webhook_id", "event_sequence", name=op.f("uq_webhook_delivery_webhook_id")),
    )
    op.create_index(
        "ix_webhook_delivery_due", "webhook_delivery", ["state", "next_attempt_time"], unique=False
    )
    op.create_index(
        "ix_webhook_delivery_list", "webhook_delivery", ["webhook_id", "create_time", "id"], unique=False
    )
    cursor = op.create_table(
        "webhook_cursor",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("sequence", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_webhook_cursor")),
    )
    # Start after the log's current head: subscriptions only receive events from their creation on.
    head = op.get_bind().execute(sa.text("SELECT COALESCE(MAX(sequence), 0) FROM key_event")).scalar()
    op.bulk_insert(cursor, [{"name": "webhooks", "sequence": int(head or 0)}])


def downgrade() -> None:
    op.drop_table("webhook_cursor")
    op.drop_index("ix_webhook_delivery_list", table_name="webhook_delivery")
    op.drop_index("ix_webhook_delivery_due", table_name="webhook_delivery")
    op.drop_table("webhook_delivery")
    op.drop_index(op.f("ix_webhook_organization_id"), table_name="webhook")
    op.drop_table("webhook")
