"""The VEU programme: users and sessions, applications, recorded shipments and their draw-downs
of annual quantities, notices for officers; decisions remember the ledger they saw.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("name", sa.String(255), nullable=False, unique=True),
        sa.Column("role", sa.String(32), nullable=False),
        sa.Column("party", sa.String(500)),
        sa.Column("key_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
    )
    op.create_table(
        "sessions",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("user_id", sa.String(64), sa.ForeignKey("users.id"), nullable=False),
        sa.Column("csrf", sa.String(64), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("expires_at", TZ, nullable=False),
    )
    op.create_table(
        "applications",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("owner", sa.String(255), nullable=False),
        sa.Column("applicant", sa.String(500), nullable=False),
        sa.Column("status", sa.String(32), nullable=False),
        sa.Column("recommendation", sa.String(16), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("precheck", sa.Text, nullable=False),
        sa.Column("history", sa.Text, nullable=False),
        sa.Column("authorization_id", sa.String(64)),
    )
    op.create_index("ix_applications_status", "applications", ["status"])
    op.create_index("ix_applications_owner", "applications", ["owner"])
    with op.batch_alter_table("decisions") as batch:
        batch.add_column(sa.Column("ledger_seq", sa.Integer))
    op.create_index("ix_decisions_actor", "decisions", ["actor"])
    op.create_table(
        "shipments",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("decision_id", sa.String(64), sa.ForeignKey("decisions.id"), nullable=False),
        sa.Column("recorded_at", TZ, nullable=False),
        sa.Column("actor", sa.String(255), nullable=False),
        sa.Column("outcome", sa.String(32), nullable=False),
        sa.Column("authorization_id", sa.String(64)),
    )
    op.create_index("ix_shipments_actor", "shipments", ["actor"])
    op.create_table(
        "drawdowns",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("shipment_id", sa.String(64), sa.ForeignKey("shipments.id"), nullable=False),
        sa.Column("authorization_id", sa.String(64), nullable=False),
        sa.Column("item", sa.Integer, nullable=False),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("quantity_kg", sa.Float, nullable=False),
    )
    op.create_index("ix_drawdowns_authorization", "drawdowns", ["authorization_id", "day"])
    op.create_table(
        "notices",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", TZ, nullable=False),
        sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("subject", sa.String(255), nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("notices")
    op.drop_index("ix_drawdowns_authorization", "drawdowns")
    op.drop_table("drawdowns")
    op.drop_index("ix_shipments_actor", "shipments")
    op.drop_table("shipments")
    op.drop_index("ix_decisions_actor", "decisions")
    with op.batch_alter_table("decisions") as batch:
        batch.drop_column("ledger_seq")
    op.drop_index("ix_applications_owner", "applications")
    op.drop_index("ix_applications_status", "applications")
    op.drop_table("applications")
    op.drop_table("sessions")
    op.drop_table("users")
