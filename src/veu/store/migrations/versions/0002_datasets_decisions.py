"""Datasets beside lists (registry, judgements, authorizations) and recorded decisions.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("lists") as batch:
        batch.add_column(
            sa.Column("dataset", sa.String(32), nullable=False, server_default="listings")
        )
    op.create_table(
        "decisions",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(255), nullable=False),
        sa.Column("outcome", sa.String(32), nullable=False),
        sa.Column("snapshot", sa.String(64), sa.ForeignKey("snapshots.id"), nullable=False),
        sa.Column("policy_version", sa.String(128), nullable=False),
        sa.Column("request", sa.Text, nullable=False),
        sa.Column("decision", sa.Text, nullable=False),
    )
    op.create_index("ix_decisions_at", "decisions", ["at"])


def downgrade() -> None:
    op.drop_index("ix_decisions_at", "decisions")
    op.drop_table("decisions")
    with op.batch_alter_table("lists") as batch:
        batch.drop_column("dataset")
