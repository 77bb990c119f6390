"""Keys imported from other systems: their old hashes until first use, and wrapped HMAC secrets.

Revision ID: 0007_imported_keys
Revises: 0006_credits_limits
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_imported_keys"
down_revision = "0006_credits_limits"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "imported_key_secret",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("organization_id", sa.String(length=36), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("wrapped_secret", sa.LargeBinary(), nullable=False),
        sa.Column("root_key_version", sa.Integer(), nullable=False),
        sa.Column("create_time", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_imported_key_secret_organization_id_organization"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_imported_key_secret")),
        sa.UniqueConstraint(
            "organization_id", "fingerprint", name=op.f("uq_imported_key_secret_organization_id_fingerprint")
        ),
    )
    op.create_table(
        "imported_key",
        sa.Column("key_id", sa.String(length=36), nullable=False),
        sa.Column("organization_id", sa.String(length=36), nullable=False),
        sa.Column("external_id", sa.String(length=200), nullable=True),
        sa.Column("algorithm", sa.String(length=16), nullable=False),
        sa.Column("digest", sa.String(length=128), nullable=True),
        sa.Column("bcrypt_hash", sa.String(length=60), nullable=True),
        sa.Column("secret_id", sa.String(length=36), nullable=True),
        sa.Column("lookup_hint", sa.String(length=32), nullable=True),
        sa.Column("import_time", sa.DateTime(timezone=True), nullable=False),
        sa.Column("rehash_time", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["key_id"], ["api_key.id"], name=op.f("fk_imported_key_key_id_api_key"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["organization_id"],
            ["organization.id"],
            name=op.f("fk_imported_key_organization_id_organization"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["secret_id"],
            ["imported_key_secret.id"],
            name=op.f("fk_imported_key_secret_id_imported_key_secret"),
        ),
        sa.PrimaryKeyConstraint("key_id", name=op.f("pk_imported_key")),
        sa.UniqueConstraint("bcrypt_hash", name=op.f("uq_imported_key_bcrypt_hash")),
        sa.UniqueConstraint("digest", name=op.f("uq_imported_key_digest")),
        sa.UniqueConstraint(
            "organization_id", "external_id", name=op.f("uq_imported_key_organization_id_external_id")
        ),
    )
    op.create_index("ix_imported_key_lookup_hint", "imported_key", ["lookup_hint"], unique=False)
    op.create_index("ix_imported_key_rehash_time", "imported_key", ["rehash_time"], unique=False)
    op.create_index(op.f("ix_imported_key_secret_id"), "imported_key", ["secret_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_imported_key_secret_id"), table_name="imported_key")
    op.drop_index("ix_imported_key_rehash_time", table_name="imported_key")
    op.drop_index("ix_imported_key_lookup_hint", table_name="imported_key")
    op.drop_table("imported_key")
    op.drop_table("imported_key_secret")
