"""Alembic environment: runs on the connection `veu.store.migrate` hands over."""

from __future__ import annotations

from alembic import context

from veu.store.tables import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - the product always passes a connection
    raise RuntimeError("run migrations through `veu db init` (veu.store.migrate)")
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
