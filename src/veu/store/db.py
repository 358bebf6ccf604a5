"""Engines, and every difference between SQLite and PostgreSQL, in one place."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, Engine, Table, create_engine, event, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from veu.errors import ConfigurationError, Problem

WRITE = "veu_write"
# How SQLite and PostgreSQL say a table is missing: the database was never initialised.
_NO_TABLE = re.compile(r"no such table|relation .* does not exist")


def uninitialised(error: DBAPIError) -> ConfigurationError | None:
    """The error to report when ``error`` says a table is missing (``veu db init`` was never run
    on this database), else None."""
    reason = str(error.orig).splitlines()[0] if error.orig is not None else str(error)
    if not _NO_TABLE.search(reason):
        return None
    return ConfigurationError(
        "the database has no veu tables: run `veu db init` first (it creates them and loads "
        "the bundled lists)",
        [Problem(reason=reason, field="VEU_DATABASE_URL")],
    )


def make_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite gets foreign keys, WAL, a busy timeout and explicit
    ``BEGIN IMMEDIATE`` for writing transactions (so writers queue instead of failing)."""
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise ConfigurationError(f"VEU_DATABASE_URL {url!r} is not a database URL") from exc
    if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise ConfigurationError(
            f"unsupported database {parsed.get_backend_name()!r}: use sqlite or postgresql"
        )
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(parsed, connect_args={"timeout": 30})
        _sqlite_setup(engine)
        return engine
    return create_engine(parsed, pool_pre_ping=True)


def _sqlite_setup(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        if engine.url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get(WRITE)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def is_sqlite(conn: Connection) -> bool:
    return conn.dialect.name == "sqlite"


def insert_ignore(conn: Connection, table: Table, rows: Iterable[Mapping[str, Any]]) -> None:
    """Insert rows, skipping those whose primary key exists already."""
    batch = list(rows)
    if not batch:
        return
    dialect_insert = sqlite.insert if is_sqlite(conn) else postgresql.insert
    size = 500
    for i in range(0, len(batch), size):
        stmt = dialect_insert(table).on_conflict_do_nothing()
        conn.execute(stmt, batch[i : i + size])


def lock_row(conn: Connection, table: Table, key: Any) -> Any:
    """Read one row for update: PostgreSQL locks it; SQLite already holds the write lock
    (``BEGIN IMMEDIATE``)."""
    stmt = select(table).where(table.c.id == key)
    if not is_sqlite(conn):
        stmt = stmt.with_for_update()
    return conn.execute(stmt).first()


APPEND_LOCK = 0x7665_7501  # "veu" 1: the advisory lock serialising audit appends


def serialise_appends(conn: Connection) -> None:
    """Hold, until the transaction ends, the lock that orders appends to the audit chain.
    SQLite writers already hold the database's write lock."""
    if not is_sqlite(conn):
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": APPEND_LOCK})
