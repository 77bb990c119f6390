"""Initial schema: tenancy, API keys, rate-limit counters, audit chain, principals.

Revision ID: 0001
Revises:
Create Date: 2026-11-23 18:32:32.566199
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_anchor",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("pruned_through", sa.BigInteger(), nullable=False),
        sa.Column("anchor_hash", sa.String(length=64), nullable=False),
        sa.Column("update_time", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_anchor")),
    )
    op.create_table(
        "audit_event",
        sa.Column("sequence", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("event_time", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("resource_type", sa.String(length=32), nullable=False),
        sa.Column("resource_id", sa.String(length=64), nullable=False),
        sa.Column("organization_id", sa.String(length=36), nullable=False),
        sa.Column("project_id", sa.String(length=36), nullable=False),
        sa.Column("key_id", sa.String(length=36), nullable=False),
        sa.Column("outcome", sa.String(length=8), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("request_id", sa.String(length=64), nullable=False),
        sa.Column("client_address", sa.String(length=200), nullable=False),
        sa.Column("user_agent", sa.String(length=200), nullable=False),
        sa.Column("changes", sa.JSON(), nullable=False),
        sa.Column("key_fingerprint", sa.String(length=32), nullable=False),
        sa.Column("previous_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("sequence", name=op.f("pk_audit_event")),
    )
    op.create_index("ix_audit_event_action_seq", "audit_event", ["action", "sequence"], unique=False)
    op.create_index("ix_audit_event_key_seq", "audit_event", ["key_id", "sequence"], unique=False)
    op.create_index("ix_audit_event_org_seq", "audit_event", ["organization_id", "sequence"], unique=False)
    op.create_index("ix_audit_event_time", "audit_event", ["event_time"], unique=False)

    op.create_table(
        "organization",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("create_time", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organization")),
        sa.UniqueConstraint("name", name=op.f("uq_organization_name")),
    )
    op.create_table(
        "principal",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("roles", sa.JSON(), nullable=False),
        sa.Column("certificate_identity", sa.String(length=500), nullable=True),
        sa.Column("disabled", sa.Boolean(), nullable=False),
        sa.Column("create_time", sa.DateTime(timezone=True), nullable=False),
        sa.Column("update_time", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_principal")),
        sa.UniqueConstraint("certificate_identity", name=op.f("uq_principal_certificate_identity")),
        sa.UniqueConstraint("name", name=op.f("uq_principal_name")),
    )
    op.create_table(
        "principal_token",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("principal_id", sa.String(length=36), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("secret_version", sa.Integer(), nullable=False),
        sa.Column("start", sa.String(length=40), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("create_time", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expire_time", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoke_time", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["principal_id"],
            ["principal.id"],
            name=op.f("fk_principal_token_principal_id_principal"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_principal_token")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_principal_token_token_hash")),
    )
    op.create_index(
        op.f("ix_principal_token_principal_id"), "principal_token", ["principal_id"], unique=False
    )

    op.create_table(
        "product",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("organization_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("create_time", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_product_organization_id_organization"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_product")),
        sa.UniqueConstraint("organization_id", "name", name=op.f("uq_product_organization_id_name")),
    )
    op.create_index(op.f("ix_product_organization_id"), "product", ["organization_id"], unique=False)

    op.create_table(
        "project",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("organization_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("create_time", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_project_organization_id_organization"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_project")),
        sa.UniqueConstraint("organization_id", "name", name=op.f("uq_project_organization_id_name")),
    )
    op.create_index(op.f("ix_project_organization_id"), "project", ["organization_id"], unique=False)

    op.create_table(
        "api_key",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("organization_id", sa.String(length=36), nullable=False),
        sa.Column("project_id", sa.String(length=36), nullable=True),
        sa.Column("product_id", sa.String(length=36), nullable=True),
        sa.Column("key_hash", sa.String(length=64), nullable=False),
        sa.Column("secret_version", sa.Integer(), nullable=False),
        sa.Column("start", sa.String(length=40), nullable=False),
        sa.Column("environment", sa.String(length=8), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("scopes", sa.JSON(), nullable=False),
        sa.Column("rate_limit_requests", sa.BigInteger(), nullable=True),
        sa.Column("rate_limit_window", sa.String(length=8), nullable=True),
        sa.Column("custom", sa.JSON(), nullable=False),
        sa.Column("allowed_cidrs", sa.JSON(), nullable=False),
        sa.Column("create_time", sa.DateTime(timezone=True), nullable=False),
        sa.Column("update_time", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expire_time", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoke_time", sa.DateTime(timezone=True), nullable=True),
        sa.Column("revoke_reason", sa.String(length=500), nullable=False),
        sa.Column("use_count", sa.BigInteger(), nullable=False),
        sa.Column("last_used_time", sa.DateTime(timezone=True), nullable=True),
        sa.Column("rotated_from_key_id", sa.String(length=36), nullable=True),
        sa.Column("replaced_by_key_id", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_api_key_organization_id_organization"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["product.id"], name=op.f("fk_api_key_product_id_product"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["project_id"], ["project.id"], name=op.f("fk_api_key_project_id_project"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_key")),
        sa.UniqueConstraint("key_hash", name=op.f("uq_api_key_key_hash")),
    )
    op.create_index(
        "ix_api_key_org_created", "api_key", ["organization_id", "create_time", "id"], unique=False
    )
    op.create_index(
        "ix_api_key_product_created", "api_key", ["product_id", "create_time", "id"], unique=False
    )
    op.create_index(
        "ix_api_key_project_created", "api_key", ["project_id", "create_time", "id"], unique=False
    )

    op.create_table(
        "project_product",
        sa.Column("project_id", sa.String(length=36), nullable=False),
        sa.Column("product_id", sa.String(length=36), nullable=False),
        sa.Column("create_time", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["product.id"],
            name=op.f("fk_project_product_product_id_product"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["project.id"],
            name=op.f("fk_project_product_project_id_project"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("project_id", "product_id", name=op.f("pk_project_product")),
    )
    op.create_index(op.f("ix_project_product_product_id"), "project_product", ["product_id"], unique=False)

    op.create_table(
        "rate_limit_counter",
        sa.Column("key_id", sa.String(length=36), nullable=False),
        sa.Column("window_start", sa.BigInteger(), nullable=False),
        sa.Column("count", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["key_id"], ["api_key.id"], name=op.f("fk_rate_limit_counter_key_id_api_key"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("key_id", "window_start", name=op.f("pk_rate_limit_counter")),
    )


def downgrade() -> None:
    op.drop_table("rate_limit_counter")
    op.drop_index(op.f("ix_project_product_product_id"), table_name="project_product")

    op.drop_table("project_product")
    op.drop_index("ix_api_key_project_created", table_name="api_key")
    op.drop_index("ix_api_key_product_created", table_name="api_key")
    op.drop_index("ix_api_key_org_created", table_name="api_key")

    op.drop_table("api_key")
    op.drop_index(op.f("ix_project_organization_id"), table_name="project")

    op.drop_table("project")
    op.drop_index(op.f("ix_product_organization_id"), table_name="product")

    op.drop_table("product")
    op.drop_index(op.f("ix_principal_token_principal_id"), table_name="principal_token")

    op.drop_table("principal_token")
    op.drop_table("principal")
    op.drop_table("organization")
    op.drop_index("ix_audit_event_time", table_name="audit_event")
    op.drop_index("ix_audit_event_org_seq", table_name="audit_event")
    op.drop_index("ix_audit_event_key_seq", table_name="audit_event")
    op.drop_index("ix_audit_event_action_seq", table_name="audit_event")

    op.drop_table("audit_event")
    op.drop_table("audit_anchor")
