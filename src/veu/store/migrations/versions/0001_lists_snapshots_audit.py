"""Lists, content-addressed list snapshots, global snapshots and the audit log.

Revision ID: 0001
Revises:
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "lists",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("title", sa.String(255), nullable=False),
        sa.Column("title_zh", sa.String(255)),
        sa.Column("authority", sa.String(255), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("url", sa.Text),
    )
    op.create_table(
        "list_snapshots",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("list_id", sa.String(64), sa.ForeignKey("lists.id"), nullable=False),
        sa.Column("source", sa.String(32), nullable=False),
        sa.Column("source_files", sa.Text, nullable=False),
        sa.Column("source_sha256", sa.String(64), nullable=False),
        sa.Column("data_date", sa.Date, nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("entry_count", sa.Integer, nullable=False),
        sa.Column("report", sa.Text, nullable=False),
    )
    op.create_index("ix_list_snapshots_list_id", "list_snapshots", ["list_id"])
    op.create_table(
        "entries",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("listing_id", sa.String(255), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
    )
    op.create_index("ix_entries_listing_id", "entries", ["listing_id"])
    op.create_table(
        "list_snapshot_entries",
        sa.Column(
            "list_snapshot_id", sa.String(64), sa.ForeignKey("list_snapshots.id"), primary_key=True
        ),
        sa.Column("entry_id", sa.String(64), sa.ForeignKey("entries.id"), primary_key=True),
    )
    op.create_table(
        "snapshots",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("created_at", TZ, nullable=False),
    )
    op.create_table(
        "snapshot_members",
        sa.Column("snapshot_id", sa.String(64), sa.ForeignKey("snapshots.id"), primary_key=True),
        sa.Column(
            "list_snapshot_id", sa.String(64), sa.ForeignKey("list_snapshots.id"), primary_key=True
        ),
    )
    op.create_table(
        "snapshot_log",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("snapshot_id", sa.String(64), sa.ForeignKey("snapshots.id"), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("actor", sa.String(255), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
    )
    head = op.create_table(
        "snapshot_head",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("snapshot_id", sa.String(64), sa.ForeignKey("snapshots.id")),
        sa.Column("seq", sa.Integer, nullable=False),
    )
    op.bulk_insert(head, [{"id": 1, "snapshot_id": None, "seq": 0}])
    op.create_table(
        "audit_log",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", TZ, nullable=False),
        sa.Column("actor", sa.String(255), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("subject", sa.String(255), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.UniqueConstraint("prev_hash", name="uq_audit_prev_hash"),
    )


def downgrade() -> None:
    for table in (
        "audit_log",
        "snapshot_head",
        "snapshot_log",
        "snapshot_members",
        "snapshots",
        "list_snapshot_entries",
        "entries",
        "list_snapshots",
        "lists",
    ):
        op.drop_table(table)
