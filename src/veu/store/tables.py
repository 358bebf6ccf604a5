"""The schema. Alembic owns it (``store/migrations``); this module describes it for queries.

Lists are stored as content-addressed snapshots: an entry's id is the hash of its content, a list
snapshot's id the hash of its list, data date and entries, and a (global) snapshot's id the hash of
the list snapshots it combines. Re-importing the same content therefore changes nothing, and any
earlier snapshot can be read back exactly.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    true,
)

metadata = MetaData()

lists = Table(
    "lists",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("title", String(255), nullable=False),
    Column("title_zh", String(255)),
    Column("authority", String(255), nullable=False),
    Column("kind", String(32), nullable=False),
    Column("url", Text),
    # listings | registry | judgements | authorizations: what the entries of this list hold
    Column("dataset", String(32), nullable=False, server_default="listings"),
)

list_snapshots = Table(
    "list_snapshots",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("list_id", String(64), ForeignKey("lists.id"), nullable=False, index=True),
    Column("source", String(32), nullable=False),
    Column("source_files", Text, nullable=False),
    Column("source_sha256", String(64), nullable=False),
    Column("data_date", Date, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("entry_count", Integer, nullable=False),
    Column("report", Text, nullable=False),
)

entries = Table(
    "entries",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("listing_id", String(255), nullable=False, index=True),
    Column("payload", Text, nullable=False),
)

list_snapshot_entries = Table(
    "list_snapshot_entries",
    metadata,
    Column("list_snapshot_id", String(64), ForeignKey("list_snapshots.id"), primary_key=True),
    Column("entry_id", String(64), ForeignKey("entries.id"), primary_key=True),
)

snapshots = Table(
    "snapshots",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

snapshot_members = Table(
    "snapshot_members",
    metadata,
    Column("snapshot_id", String(64), ForeignKey("snapshots.id"), primary_key=True),
    Column("list_snapshot_id", String(64), ForeignKey("list_snapshots.id"), primary_key=True),
)

snapshot_log = Table(
    "snapshot_log",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("snapshot_id", String(64), ForeignKey("snapshots.id"), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("actor", String(255), nullable=False),
    Column("reason", Text, nullable=False),
)

# One row (id = 1): the current snapshot. Writers lock it, so list changes are serialised.
snapshot_head = Table(
    "snapshot_head",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("snapshot_id", String(64), ForeignKey("snapshots.id")),
    Column("seq", Integer, nullable=False),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("actor", String(255), nullable=False),
    Column("action", String(64), nullable=False),
    Column("subject", String(255), nullable=False),
    Column("payload", Text, nullable=False),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    UniqueConstraint("prev_hash", name="uq_audit_prev_hash"),
)

decisions = Table(
    "decisions",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("at", DateTime(timezone=True), nullable=False, index=True),
    Column("actor", String(255), nullable=False, index=True),
    Column("outcome", String(32), nullable=False),
    Column("snapshot", String(64), ForeignKey("snapshots.id"), nullable=False),
    Column("policy_version", String(128), nullable=False),
    Column("request", Text, nullable=False),
    Column("decision", Text, nullable=False),
    # the last draw-down of annual quantities the decision saw (replays see the same)
    Column("ledger_seq", Integer),
)

users = Table(
    "users",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("name", String(255), nullable=False, unique=True),
    Column("role", String(32), nullable=False),
    Column("party", String(500)),
    Column("key_hash", String(64), nullable=False, unique=True),  # SHA-256 of the API key
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("active", Boolean, nullable=False, server_default=true()),
)

sessions = Table(
    "sessions",
    metadata,
    Column("token_hash", String(64), primary_key=True),  # SHA-256 of the session cookie
    Column("user_id", String(64), ForeignKey("users.id"), nullable=False),
    Column("csrf", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
)

applications = Table(
    "applications",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("owner", String(255), nullable=False, index=True),  # the user who filed it
    Column("applicant", String(500), nullable=False),
    Column("status", String(32), nullable=False, index=True),
    Column("recommendation", String(16), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("payload", Text, nullable=False),
    Column("precheck", Text, nullable=False),
    Column("history", Text, nullable=False),
    Column("authorization_id", String(64)),
)

shipments = Table(
    "shipments",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("decision_id", String(64), ForeignKey("decisions.id"), nullable=False),
    Column("recorded_at", DateTime(timezone=True), nullable=False),
    Column("actor", String(255), nullable=False, index=True),
    Column("outcome", String(32), nullable=False),
    Column("authorization_id", String(64)),
)

# The ledger of annual quantities: append-only, one row per authorized item drawn down.
drawdowns = Table(
    "drawdowns",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("shipment_id", String(64), ForeignKey("shipments.id"), nullable=False),
    Column("authorization_id", String(64), nullable=False),
    Column("item", Integer, nullable=False),
    Column("day", Date, nullable=False),
    Column("quantity_kg", Float, nullable=False),
    Index("ix_drawdowns_authorization", "authorization_id", "day"),
)

# What officers must see: authorizations suspended by monitoring, recommendations that changed.
notices = Table(
    "notices",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("kind", String(64), nullable=False),
    Column("subject", String(255), nullable=False),
    Column("message", Text, nullable=False),
    Column("payload", Text, nullable=False),
)
