"""Managed keys: crypto keys, their versions (wrapped material), import jobs, the scheduler lease.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "scheduler_lease",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("holder", sa.String(length=200), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_scheduler_lease")),
    )
    op.create_table(
        "import_job",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("organization_id", sa.String(length=36), nullable=False),
        sa.Column("import_method", sa.String(length=48), nullable=False),
        sa.Column("public_key_pem", sa.Text(), nullable=False),
        sa.Column("wrapped_private_key", sa.LargeBinary(), nullable=False),
        sa.Column("root_key_version", sa.Integer(), nullable=False),
        sa.Column("create_time", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expire_time", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_import_job_organization_id_organization"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_job")),
    )
    op.create_index(op.f("ix_import_job_organization_id"), "import_job", ["organization_id"], unique=False)

    op.create_table(
        "crypto_key",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("organization_id", sa.String(length=36), nullable=False),
        sa.Column("project_id", sa.String(length=36), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("purpose", sa.String(length=32), nullable=False),
        sa.Column("algorithm", sa.String(length=32), nullable=False),
        sa.Column("labels", sa.JSON(), nullable=False),
        sa.Column("primary_version", sa.Integer(), nullable=False),
        sa.Column("latest_version", sa.Integer(), nullable=False),
        sa.Column("rotation_period_seconds", sa.BigInteger(), nullable=True),
        sa.Column("next_rotation_time", sa.DateTime(timezone=True), nullable=True),
        sa.Column("min_decryption_version", sa.Integer(), nullable=False),
        sa.Column("destroy_scheduled_seconds", sa.BigInteger(), nullable=False),
        sa.Column("import_only", sa.Boolean(), nullable=False),
        sa.Column("create_time", sa.DateTime(timezone=True), nullable=False),
        sa.Column("update_time", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_crypto_key_organization_id_organization"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"], ["project.id"], name=op.f("fk_crypto_key_project_id_project"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crypto_key")),
        sa.UniqueConstraint("organization_id", "name", name=op.f("uq_crypto_key_organization_id_name")),
    )
    op.create_index("ix_crypto_key_next_rotation", "crypto_key", ["next_rotation_time"], unique=False)
    op.create_index(
        "ix_crypto_key_org_created", "crypto_key", ["organization_id", "create_time", "id"], unique=False
    )
    op.create_index(op.f("ix_crypto_key_project_id"), "crypto_key", ["project_id"], unique=False)

    op.create_table(
        "crypto_key_version",
        sa.Column("crypto_key_id", sa.String(length=36), nullable=False),
        sa.Column("number", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("state", sa.String(length=24), nullable=False),
        sa.Column("algorithm", sa.String(length=32), nullable=False),
        sa.Column("wrapped_material", sa.LargeBinary(), nullable=True),
        sa.Column("root_key_version", sa.Integer(), nullable=False),
        sa.Column("create_time", sa.DateTime(timezone=True), nullable=False),
        sa.Column("destroy_time", sa.DateTime(timezone=True), nullable=True),
        sa.Column("destroy_event_time", sa.DateTime(timezone=True), nullable=True),
        sa.Column("import_job_id", sa.String(length=36), nullable=True),
        sa.Column("import_time", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["crypto_key_id"],
            ["crypto_key.id"],
            name=op.f("fk_crypto_key_version_crypto_key_id_crypto_key"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("crypto_key_id", "number", name=op.f("pk_crypto_key_version")),
    )
    op.create_index(
        "ix_crypto_key_version_destroy", "crypto_key_version", ["state", "destroy_time"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_crypto_key_version_destroy", table_name="crypto_key_version")

    op.drop_table("crypto_key_version")
    op.drop_index(op.f("ix_crypto_key_project_id"), table_name="crypto_key")
    op.drop_index("ix_crypto_key_org_created", table_name="crypto_key")
    op.drop_index("ix_crypto_key_next_rotation", table_name="crypto_key")

    op.drop_table("crypto_key")
    op.drop_index(op.f("ix_import_job_organization_id"), table_name="import_job")

    op.drop_table("import_job")
    op.drop_table("scheduler_lease")
