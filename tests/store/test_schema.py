"""The migrations and the table descriptions the queries use describe the same schema."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from veu.services.context import Context
from veu.store import migrate
from veu.store.tables import metadata


def test_migrations_build_the_schema_the_code_describes(ctx: Context) -> None:
    with ctx.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []
    assert migrate.current_revision(ctx.engine) == migrate.head_revision()


def test_downgrade_and_upgrade_again(ctx: Context) -> None:
    from alembic import command

    cfg = migrate._config()
    with ctx.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0002")
    assert migrate.current_revision(ctx.engine) == "0002"
    migrate.upgrade(ctx.engine)
    assert migrate.current_revision(ctx.engine) == migrate.head_revision()
