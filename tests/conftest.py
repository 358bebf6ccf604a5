"""Shared fixtures: databases (SQLite always; PostgreSQL when reachable, and always in CI),
a fixed clock, and a database loaded with the bundled lists."""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from veu.services.context import Context
from veu.settings import Settings
from veu.store import make_engine, migrate

PG_ADMIN_URL = os.environ.get(
    "VEU_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
IN_CI = bool(os.environ.get("CI"))
# pytest-xdist's workers set COLUMNS (80) before the CLI's consoles are made, which then keep
# that width; without it they read the width each test gives its run (200).
os.environ.pop("COLUMNS", None)
NOW = dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.UTC)
FIXTURES = Path(__file__).parent / "fixtures"
DATA = Path(str(resources.files("veu") / "data"))


def fixed_clock() -> dt.datetime:
    return NOW


def _pg_reachable() -> str | None:
    try:
        engine = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
        return None
    except OperationalError as exc:
        return str(exc.orig).splitlines()[0] if exc.orig else str(exc)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """Admin URL of the PostgreSQL server; skips without one, unless CI is set."""
    problem = _pg_reachable()
    if problem:
        if IN_CI:
            pytest.fail(f"CI is set but PostgreSQL is unreachable at {PG_ADMIN_URL}: {problem}")
        pytest.skip(f"PostgreSQL unreachable at {PG_ADMIN_URL}: {problem}")
    return PG_ADMIN_URL


def _fresh_pg_database(admin_url: str) -> tuple[str, str]:
    name = f"veu_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return name, admin_url.rsplit("/", 1)[0] + f"/{name}"


def _drop_pg_database(admin_url: str, name: str) -> None:
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database of each kind."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'veu.db'}"
        return
    admin = request.getfixturevalue("pg_server")
    name, url = _fresh_pg_database(admin)
    try:
        yield url
    finally:
        _drop_pg_database(admin, name)


def make_context(url: str, **overrides: object) -> Context:
    settings = Settings(database_url=url, environment="test", **overrides)  # type: ignore[arg-type]
    return Context(settings=settings, engine=make_engine(url), clock=fixed_clock)


@pytest.fixture
def ctx(database_url: str) -> Iterator[Context]:
    """A context on a migrated, empty database (each backend)."""
    context = make_context(database_url)
    migrate.upgrade(context.engine)
    yield context
    context.engine.dispose()


@pytest.fixture(
    scope="session", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def loaded_ctx(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Context]:
    """A database of each kind holding every bundled list (built once per test session)."""
    from veu.services.bootstrap import init_database

    name = None
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('loaded') / 'veu.db'}"
    else:
        name, url = _fresh_pg_database(request.getfixturevalue("pg_server"))
    context = make_context(url)
    init_database(context)
    yield context
    context.engine.dispose()
    if name:
        _drop_pg_database(request.getfixturevalue("pg_server"), name)


ROLE_PARTIES = {
    "officer": None,
    "exporter": "Ganzhou Rare Earth Co., Ltd.",
    "applicant": "Gulfstream Aerospace Corporation",
    "auditor": None,
}


@pytest.fixture(scope="session")
def keys(loaded_ctx: Context) -> dict[str, str]:
    """An API key for one user of each role in the loaded database (named after the role)."""
    from veu.services.access import Principal, add_user

    admin = Principal(name="tests", role="admin")
    out = {}
    for role, party in ROLE_PARTIES.items():
        _, out[role] = add_user(loaded_ctx, f"{role}-1", role, party=party, actor=admin)
    return out


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}
