"""The layering of DESIGN.md, checked: the core never touches a database, a request, a file or
the clock, and each room imports only what it may."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).parent.parent / "src" / "veu"
CORE = ("model", "names", "matching", "graph", "policy")
# Pure utilities any core room may use: the error types, ISO codes, YAML validation of text.
SHARED = {"errors", "countries", "yamldoc"}
# room -> veu packages it may import
ALLOWED = {
    "model": set(),
    "names": {"model"} | SHARED,
    "matching": {"model", "names"} | SHARED,
    "graph": {"model"} | SHARED,
    "policy": {"model", "matching", "graph", "names"} | SHARED,
}
FORBIDDEN_MODULES = {
    "sqlalchemy",
    "fastapi",
    "starlette",
    "typer",
    "uvicorn",
    "alembic",
    "psycopg",
    "httpx",
    "requests",
    "socket",
    "subprocess",
    "os",
    "shutil",
}
FORBIDDEN_CALLS = {
    ("datetime", "now"),
    ("date", "today"),
    ("datetime", "today"),
    ("datetime", "utcnow"),
    ("time", "time"),
    ("time", "monotonic"),
}


def core_files() -> list[Path]:
    return [p for room in CORE if (SRC / room).exists() for p in (SRC / room).rglob("*.py")]


@pytest.mark.parametrize("path", core_files(), ids=lambda p: str(p.relative_to(SRC)))
def test_core_module_is_pure(path: Path) -> None:
    room = path.relative_to(SRC).parts[0]
    tree = ast.parse(path.read_text("utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
            )
            for name in names:
                top = name.split(".")[0]
                assert top not in FORBIDDEN_MODULES, f"{path.name} imports {name}"
                if top == "veu" and "." in name:
                    target = name.split(".")[1]
                    assert target == room or target in ALLOWED[room], (
                        f"{room} may not import veu.{target} ({path.name})"
                    )
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name):
                assert func.id != "open", f"{path.name} opens a file"
            if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name | ast.Attribute):
                owner = func.value.attr if isinstance(func.value, ast.Attribute) else func.value.id
                assert (owner, func.attr) not in FORBIDDEN_CALLS, f"{path.name} reads the clock"
                assert func.attr not in ("read_text", "read_bytes", "write_text"), (
                    f"{path.name} touches a file"
                )


def test_adapters_do_not_reach_into_storage() -> None:
    for room in ("api", "web", "cli"):
        for path in (SRC / room).rglob("*.py"):
            source = path.read_text("utf-8")
            assert "veu.store.tables" not in source, path
            assert "sqlalchemy" not in source, path


def test_product_never_reads_the_shared_folder() -> None:
    """A user's machine has no development folder beside the checkout."""
    forbidden = "/".join(("..", "shared"))  # spelled in pieces so this file does not match
    for path in [*SRC.rglob("*.py"), *Path(__file__).parent.rglob("*.py")]:
        assert forbidden not in path.read_text("utf-8"), path
