from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import DATA
from veu.cli.main import app
from veu.services.context import Context

runner = CliRunner()
REQUEST = {
    "date": "2025-06-01",
    "exporter": {"name": "Ganzhou Rare Earth Co., Ltd.", "country": "CN"},
    "consignee": {"name": "Lockheed Martin Corporation", "country": "US"},
    "items": [
        {
            "description": "samarium oxide",
            "elements": ["Sm"],
            "form": "oxide",
            "quantity_kg": 100,
            "value": 5000,
        }
    ],
    "end_use": {"category": "civil", "sector": "aerospace"},
}


@pytest.fixture
def env(loaded_ctx: Context) -> dict[str, str]:
    return {"VEU_DATABASE_URL": loaded_ctx.settings.database_url, "COLUMNS": "200"}


def write(tmp_path: Path, data: object, name: str = "request.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(data))
    return str(path)


def test_decide_json_then_replay_and_show(env: dict[str, str], tmp_path: Path) -> None:
    result = runner.invoke(app, ["decide", write(tmp_path, REQUEST), "--json"], env=env)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["outcome"] == "denied"
    assert data["policy_version"] == "cn-rare-earth-veu@2026.11.1"
    assert {"code", "message", "clause", "evidence"} <= set(data["reasons"][0])
    ident = data["decision_id"]
    replay = runner.invoke(app, ["decisions", "replay", ident], env=env)
    assert replay.exit_code == 0
    assert "identical: denied" in replay.stdout
    shown = runner.invoke(app, ["decisions", "show", ident, "--json"], env=env)
    assert json.loads(shown.stdout)["request"]["consignee"]["name"] == "Lockheed Martin Corporation"
    exported = json.loads(runner.invoke(app, ["decisions", "export", ident], env=env).stdout)
    assert exported["replays_identically"] is True


def test_decide_as_of_snapshot_and_policy_version(env: dict[str, str], tmp_path: Path) -> None:
    first = json.loads(
        runner.invoke(
            app, ["decide", write(tmp_path, REQUEST), "--json", "--no-record"], env=env
        ).stdout
    )
    again = runner.invoke(
        app,
        [
            "decide",
            write(tmp_path, REQUEST),
            "--json",
            "--no-record",
            "--as-of-snapshot",
            first["snapshot"],
            "--policy-version",
            "2026.11.1",
        ],
        env=env,
    )
    assert json.loads(again.stdout) == first
    missing = runner.invoke(
        app, ["decide", write(tmp_path, REQUEST), "--as-of-snapshot", "0" * 64], env=env
    )
    assert missing.exit_code == 1
    assert "no snapshot" in missing.stderr


def test_decide_table(env: dict[str, str], tmp_path: Path) -> None:
    result = runner.invoke(app, ["decide", write(tmp_path, REQUEST), "--no-record"], env=env)
    assert result.exit_code == 0
    assert "denied" in result.stdout
    assert "LISTED_EXPORT_CONTROL_LIST" in result.stdout


def test_an_invalid_request_names_each_bad_field(env: dict[str, str], tmp_path: Path) -> None:
    bad = {
        **REQUEST,
        "date": "someday",
        "items": [
            {
                **REQUEST["items"][0],
                "form": "powder",  # type: ignore[index]
                "elements": ["Xx"],
                "quantity_kg": -1,
            }
        ],
        "colour": "red",
    }
    result = runner.invoke(app, ["decide", write(tmp_path, bad)], env=env)
    assert result.exit_code == 2
    for field in ("date", "items.0.form", "items.0.elements", "items.0.quantity_kg", "colour"):
        assert f" {field}:" in result.stderr, field
    assert "denied" not in result.stdout


def test_policy_show(env: dict[str, str]) -> None:
    before = json.loads(
        runner.invoke(app, ["policy", "show", "--date", "2026-11-09", "--json"], env=env).stdout
    )
    after = json.loads(
        runner.invoke(app, ["policy", "show", "--date", "2026-11-10", "--json"], env=env).stdout
    )
    assert "Ho" not in before["as_of"]["controlled_elements"]
    assert "Ho" in after["as_of"]["controlled_elements"]
    assert after["as_of"]["extraterritorial_rule_in_force"] is True
    table = runner.invoke(app, ["policy", "show", "--date", "2025-06-01"], env=env)
    assert "Announcement 2025 No. 57" in table.stdout
    assert "not in force" in table.stdout


def test_policy_validate(tmp_path: Path) -> None:
    good = DATA.parent / "policy" / "packs" / "cn-rare-earth-veu" / "2026.11.1.yaml"
    assert runner.invoke(app, ["policy", "validate", str(good)]).exit_code == 0
    broken = tmp_path / "pack.yaml"
    broken.write_text(good.read_text("utf-8").replace("match: 0.85", "match: 1.5"))
    result = runner.invoke(app, ["policy", "validate", str(broken)])
    assert result.exit_code == 2
    assert "pack.yaml:10 thresholds.match" in result.stderr


def test_graph_explain(env: dict[str, str]) -> None:
    result = runner.invoke(
        app, ["graph", "explain", "Gulfstream Aerospace Corporation", "--country", "US"], env=env
    )
    assert result.exit_code == 0
    assert "counts as listed yes" in result.stdout
    assert "holds 100%" in result.stdout
    data = json.loads(
        runner.invoke(
            app, ["graph", "explain", "Gulfstream Aerospace Corporation", "--json"], env=env
        ).stdout
    )
    assert data["defense_linked"] is True


def test_import_and_links_on_a_fresh_database(tmp_path: Path) -> None:
    env = {"VEU_DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.db'}", "COLUMNS": "200"}
    runner.invoke(app, ["db", "init", "--no-load"], env=env)
    runner.invoke(app, ["lists", "import", "mofcom", str(DATA / "mofcom")], env=env)
    imported = runner.invoke(
        app,
        ["import", "registry", str(DATA / "registry" / "us-defense-groups.yml"), "--json"],
        env=env,
    )
    assert json.loads(imported.stdout)["lists"][0]["list"] == "reg-curated"
    rejected = runner.invoke(
        app,
        [
            "links",
            "reject",
            "Epirus Technologies",
            "cn-uel:2025-10:epirus",
            "--country",
            "GR",
            "--officer",
            "li",
        ],
        env=env,
    )
    assert rejected.exit_code == 0, rejected.output
    flagged = runner.invoke(
        app,
        ["registry", "flag", "curated:textron-aviation", "--reason", "officer finding"],
        env=env,
    )
    assert flagged.exit_code == 0
    auth = tmp_path / "auth.yaml"
    auth.write_text(
        "authorizations:\n  - id: A1\n    holder: {name: Acme Motors GmbH}\n"
        "    valid_from: 2025-01-01\n    valid_until: 2027-01-01\n"
        "    items: [{elements: [Sm], forms: [oxide], annual_cap_kg: 10}]\n"
    )
    assert runner.invoke(app, ["authorizations", "import", str(auth)], env=env).exit_code == 0
    shown = json.loads(runner.invoke(app, ["authorizations", "--json"], env=env).stdout)
    assert shown[0]["id"] == "A1"
    assert shown[0]["state"] == "active"
