"""Docs are tested: every command, option, setting and matching feature is documented."""

from __future__ import annotations

from pathlib import Path

import typer
from typer.main import get_command

from veu.cli.main import app
from veu.matching.features import ALL_FEATURES, render_docs
from veu.settings import Settings

DOCS = Path(__file__).parent.parent / "docs"


def _commands(group: object, prefix: str = "veu") -> dict[str, object]:
    """Every command path under ``group`` (groups are recognised by their ``commands``)."""
    out: dict[str, object] = {}
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        path = f"{prefix} {name}"
        out[path] = command
        if hasattr(command, "commands"):
            out.update(_commands(command, path))
    return out


def test_every_cli_command_and_option_is_documented() -> None:
    text = (DOCS / "cli.md").read_text("utf-8")
    commands = _commands(get_command(app))
    assert commands
    for path, command in commands.items():
        assert f"`{path}" in text, f"{path} is not in docs/cli.md"
        for param in command.params:  # type: ignore[attr-defined]
            for opt in getattr(param, "opts", []):
                if opt.startswith("--") and opt != "--help":
                    assert f"`{opt}" in text, f"{path} {opt} is not in docs/cli.md"


def test_every_setting_is_documented() -> None:
    text = (DOCS / "settings.md").read_text("utf-8")
    for name in Settings.model_fields:
        assert f"`VEU_{name.upper()}`" in text, name


def test_matching_feature_docs_are_current() -> None:
    text = (DOCS / "matching.md").read_text("utf-8")
    start = text.index("<!-- generated")
    start = text.index("\n", start) + 1
    end = text.index("<!-- end generated -->")
    assert text[start:end] == render_docs(), (
        "docs/matching.md is stale: regenerate it from veu.matching.features.render_docs"
    )
    for feature in ALL_FEATURES:
        assert f"`{feature.name}`" in text


def test_readme_starts_with_run_and_test() -> None:
    readme = (DOCS.parent / "README.md").read_text("utf-8")
    commands = [line.strip() for line in readme.splitlines() if line.strip().startswith("make ")]
    assert commands[:2] == ["make run", "make test"]


def test_typer_app_is_a_typer() -> None:
    assert isinstance(app, typer.Typer)


def test_every_reason_code_is_documented() -> None:
    from veu.policy.reasons import REASON_CODES

    text = (DOCS / "decisions.md").read_text("utf-8")
    for code in REASON_CODES:
        assert f"`{code}`" in text, f"{code} is not in docs/decisions.md"


def test_every_reason_code_used_is_catalogued() -> None:
    import re

    from veu.policy.reasons import REASON_CODES

    source = "".join(
        p.read_text("utf-8")
        for p in (DOCS.parent / "src" / "veu" / "policy").glob("*.py")
        if p.name not in ("reasons.py", "precheck.py")
    )
    used = set(
        re.findall(r'"((?:ITEM|LISTED|LISTING|SCREENING|COUNTS|END|VEU|NOT)_[A-Z_]+)"', source)
    )
    assert used == set(REASON_CODES)


def test_every_precheck_code_is_used_and_documented() -> None:
    import re

    from veu.policy.precheck import PRECHECK_CODES

    source = (DOCS.parent / "src" / "veu" / "policy" / "precheck.py").read_text("utf-8")
    body = source.split("RANK:", 1)[1]  # after the catalogue itself
    used = set(re.findall(r'"([A-Z][A-Z_]+[A-Z])",', body))
    assert used == set(PRECHECK_CODES)
    text = (DOCS / "programme.md").read_text("utf-8")
    for code in PRECHECK_CODES:
        assert f"`{code}`" in text, f"{code} is not in docs/programme.md"


def test_the_published_request_schema_is_current() -> None:
    import json

    from veu.model.shipment import ShipmentRequest

    published = json.loads((DOCS / "shipment-request.schema.json").read_text("utf-8"))
    assert published == ShipmentRequest.model_json_schema(), (
        "docs/shipment-request.schema.json is stale: regenerate it from ShipmentRequest"
    )
