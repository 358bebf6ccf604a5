from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import DATA, FIXTURES
from veu.cli.main import app
from veu.services.context import Context

runner = CliRunner()


@pytest.fixture
def env(loaded_ctx: Context) -> dict[str, str]:
    return {"VEU_DATABASE_URL": loaded_ctx.settings.database_url, "COLUMNS": "200"}


def test_screen_json(env: dict[str, str]) -> None:
    result = runner.invoke(app, ["screen", "洛克希德·马丁公司", "--json", "--limit", "2"], env=env)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["query"] == {"name": "洛克希德·马丁公司", "limit": 2}
    assert len(data["matches"]) == 2
    assert all(m["match"] and m["listing_in_force"] for m in data["matches"])
    assert {m["party_id"] for m in data["matches"]} == {"cn:lockheedmartin"}


def test_screen_with_country_and_date(env: dict[str, str]) -> None:
    result = runner.invoke(
        app, ["screen", "Skydio Inc", "--country", "US", "--date", "2025-06-01", "--json"], env=env
    )
    data = json.loads(result.stdout)
    assert data["date"] == "2025-06-01"
    states = {m["listing_id"]: m["status"]["state"] for m in data["matches"] if m["match"]}
    assert states["cn-uel:2025-7:skydio"] == "suspended"


def test_screen_table(env: dict[str, str]) -> None:
    result = runner.invoke(app, ["screen", "Lockheed Martin Corp."], env=env)
    assert result.exit_code == 0
    assert "Lockheed Martin Corporation" in result.stdout
    assert "match" in result.stdout


def test_screen_table_says_how_a_name_was_read(env: dict[str, str]) -> None:
    """The SDN writes AVEN, Petr Olegovich: Peter is read as Petr, and the table says so."""
    result = runner.invoke(app, ["screen", "Peter Aven", "--limit", "1"], env=env)
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    assert "AVEN, Petr Olegovich" in text
    assert "review" in text
    assert "given_names: read as petr aven" in text


def test_screen_table_says_which_name_in_parentheses_found_a_listing(env: dict[str, str]) -> None:
    """A name pasted with its former name in parentheses: the CSL lists the former one."""
    query = "Severo Gas Holding LLC (formerly Irkutskgazprom OAO)"
    result = runner.invoke(app, ["screen", query, "--limit", "1"], env=env)
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    assert "Irkutskgazprom" in text
    assert "searched as Irkutskgazprom OAO" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["screen", "x", "--date", "yesterday"], "--date 'yesterday' is not a date"),
        (["screen", "x", "--country", "ZZ"], "is not an ISO 3166-1 alpha-2 country code"),
        (["screen", "x", "--limit", "0"], "limit"),
        (["lists", "import", "sanctions-of-mars", "x.csv"], "unknown source"),
    ],
)
def test_bad_input_exits_2_and_says_why(env: dict[str, str], args: list[str], message: str) -> None:
    result = runner.invoke(app, args, env=env)
    assert result.exit_code == 2
    assert message in result.stderr


def test_lists_json(env: dict[str, str]) -> None:
    result = runner.invoke(app, ["lists", "--json"], env=env)
    data = json.loads(result.stdout)
    by_id = {item["list"]: item for item in data["lists"]}
    assert by_id["us-ofac-sdn"]["entries"] == 14965
    assert by_id["us-ofac-sdn"]["data_date"] == "2024-05-03"
    assert by_id["un-sc"]["data_date"] == "2026-02-27"
    assert by_id["cn-ecl"]["source"] == "mofcom"
    assert len(by_id["cn-ecl"]["list_snapshot"]) == 64
    assert data["snapshot"]


def test_lists_table(env: dict[str, str]) -> None:
    result = runner.invoke(app, ["lists"], env=env)
    assert result.exit_code == 0
    assert "us-ofac-sdn" in result.stdout
    assert "14965" in result.stdout


def test_db_init_and_import_on_a_fresh_database(tmp_path: Path) -> None:
    env = {"VEU_DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.db'}", "COLUMNS": "200"}
    result = runner.invoke(app, ["db", "init", "--no-load"], env=env)
    assert result.exit_code == 0, result.output
    first = runner.invoke(
        app, ["lists", "import", "mofcom", str(DATA / "mofcom"), "--json"], env=env
    )
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout)["changed"] is True
    second = runner.invoke(app, ["lists", "import", "mofcom", str(DATA / "mofcom")], env=env)
    assert "nothing changed" in second.stdout


def test_a_rejected_import_prints_file_line_and_reason(tmp_path: Path) -> None:
    env = {"VEU_DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.db'}"}
    runner.invoke(app, ["db", "init", "--no-load"], env=env)
    folder = tmp_path / "sdn"
    shutil.copytree(FIXTURES / "ofac_sdn_2021-07", folder)
    (folder / "sdn.csv").write_text('1,"A"\r\n2,"B"\r\n')
    result = runner.invoke(app, ["lists", "import", "ofac-sdn", str(folder)], env=env)
    assert result.exit_code == 2
    assert "sdn.csv:1: expected 12 columns, found 2" in result.stderr
    assert "nothing was written" in result.stderr


def test_invalid_settings_are_named(tmp_path: Path) -> None:
    env = {"VEU_DATABASE_URL": f"sqlite:///{tmp_path / 'x.db'}", "VEU_MATCH_THRESHOLD": "2"}
    result = runner.invoke(app, ["lists"], env=env)
    assert result.exit_code == 2
    assert "VEU_MATCH_THRESHOLD" in result.stderr


def test_audit_verify(env: dict[str, str]) -> None:
    result = runner.invoke(app, ["audit", "verify"], env=env)
    assert result.exit_code == 0
    found = re.search(r"audit log intact: (\d+) records", result.stdout)
    assert found is not None
    assert int(found.group(1)) >= 7  # the bundle's 7 imports, and any decisions since
