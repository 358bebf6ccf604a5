"""The programme's commands, on SQLite and PostgreSQL: users, filing, review, authorizations,
the red list, recorded shipments, monitoring and the audit export; the command line is audited
under the operating-system user's name."""

from __future__ import annotations

import datetime as dt
import getpass
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import DATA, FIXTURES, make_context
from veu.cli.main import app
from veu.services import registry
from veu.services.applications import _add_years
from veu.services.lists import import_list
from veu.store import audit, migrate

runner = CliRunner()
PROGRAMME = FIXTURES / "programme"


@pytest.fixture
def env(database_url: str) -> dict[str, str]:
    ctx = make_context(database_url)
    migrate.upgrade(ctx.engine)
    import_list(ctx, "mofcom", DATA / "mofcom", actor="setup")
    registry.import_registry(ctx, "registry", PROGRAMME / "registry.yml", actor="setup")
    ctx.engine.dispose()
    return {"VEU_DATABASE_URL": database_url, "COLUMNS": "200"}


def today() -> dt.date:
    """The command line's today: its clock is the real one (UTC), not the tests' fixed clock."""
    return dt.datetime.now(dt.UTC).date()


def run(env: dict[str, str], *args: str) -> str:
    result = runner.invoke(app, list(args), env=env)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_users_add_prints_the_key_once_and_keeps_only_its_hash(env: dict[str, str]) -> None:
    key = run(env, "users", "add", "olga", "--role", "officer").strip()
    assert key.startswith("veu_")
    assert len(key.splitlines()) == 1
    listed = json.loads(run(env, "users", "list", "--json"))
    assert listed[0]["name"] == "olga"
    assert key not in json.dumps(listed)
    again = runner.invoke(app, ["users", "add", "olga", "--role", "officer"], env=env)
    assert again.exit_code == 1
    assert "exists already" in again.output
    wrong = runner.invoke(app, ["users", "add", "x", "--role", "king"], env=env)
    assert wrong.exit_code == 2
    assert "unknown role 'king'" in wrong.output
    no_party = runner.invoke(app, ["users", "add", "y", "--role", "exporter"], env=env)
    assert "--party" in no_party.output or "party" in no_party.output


def test_file_review_ship_and_export(env: dict[str, str], tmp_path: Path) -> None:
    filed = json.loads(
        run(env, "applications", "file", str(PROGRAMME / "application.json"), "--json")
    )
    assert filed["recommendation"] == "approve"
    assert [r["code"] for r in filed["reasons"]] == ["CLEAR"]
    listed = json.loads(run(env, "applications", "list", "--status", "submitted", "--json"))
    assert [a["id"] for a in listed] == [filed["id"]]
    conditions = tmp_path / "conditions.json"
    conditions.write_text(
        json.dumps(
            {
                "items": [{"element": "Dy", "forms": ["magnet"], "annual_cap_kg": 150}],
                "facilities": ["F1"],
                "exporters": ["Baotou Northern Rare Earth Trading Co., Ltd."],
            }
        )
    )
    approved = json.loads(
        run(
            env,
            "applications", "review", filed["id"],
            "--approve", "--conditions", str(conditions), "--json",
        )
    )  # fmt: skip
    auth = approved["authorization"]
    assert approved["status"] == "approved"
    start = today()
    assert (auth["valid_from"], auth["valid_until"]) == (
        start.isoformat(),
        _add_years(start, 1).isoformat(),
    )
    dated = json.loads((PROGRAMME / "shipment.json").read_text("utf-8"))
    dated["date"] = start.isoformat()  # on the day the authorization begins
    shipment = str(tmp_path / "shipment.json")
    Path(shipment).write_text(json.dumps(dated), "utf-8")
    first = json.loads(run(env, "shipments", "record", shipment, "--json"))
    assert first["outcome"] == "general_licence"
    assert first["drawn_kg"] == {"0": 100.0}
    second = json.loads(run(env, "shipments", "record", shipment, "--json"))
    assert second["outcome"] == "licence_required"
    assert "VEU_ANNUAL_CAP_EXCEEDED" in [r["code"] for r in second["reasons"]]
    [shown] = json.loads(run(env, "authorizations", "list", "--holder", "Nordwind", "--json"))
    assert shown["items"][0]["remaining_kg"] == 50
    assert json.loads(run(env, "authorizations", "list", "--holder", "Nobody", "--json")) == []
    exported = tmp_path / "export.json"
    run(env, "audit", "export", "--decision", first["decision_id"], "-o", str(exported))
    data = json.loads(exported.read_text("utf-8"))
    assert data["decision"]["outcome"] == "general_licence"
    assert data["replays_identically"] is True
    assert data["policy_pack"]["version"] == "2026.11.1"
    assert data["snapshot"]["lists"]["veu-authorizations"]["entries"] == 1
    assert {r["action"] for r in data["audit"]} == {"decision.made"}
    assert "intact" in run(env, "audit", "verify")
    ctx = make_context(env["VEU_DATABASE_URL"])
    with ctx.read() as uow:
        actors = {r["actor"] for r in audit.records(uow.conn) if r["actor"] != "setup"}
    ctx.engine.dispose()
    assert actors == {getpass.getuser()}


def test_review_needs_exactly_one_decision_and_a_legal_move(env: dict[str, str]) -> None:
    filed = json.loads(
        run(env, "applications", "file", str(PROGRAMME / "application.json"), "--json")
    )
    both = runner.invoke(
        app, ["applications", "review", filed["id"], "--approve", "--deny"], env=env
    )
    assert both.exit_code == 2
    assert "choose one of" in both.output
    no_reason = runner.invoke(app, ["applications", "review", filed["id"], "--deny"], env=env)
    assert no_reason.exit_code == 2
    run(env, "applications", "review", filed["id"], "--request-info", "your audit report")
    shown = json.loads(run(env, "applications", "show", filed["id"], "--json"))
    assert shown["status"] == "info_requested"
    refused = runner.invoke(
        app, ["applications", "review", filed["id"], "--deny", "--reason", "x"], env=env
    )
    assert refused.exit_code == 1
    assert "is info_requested: it cannot deny" in refused.output


def test_a_malformed_application_names_the_field(env: dict[str, str], tmp_path: Path) -> None:
    data = json.loads((PROGRAMME / "application.json").read_text("utf-8"))
    data["items"][0]["element"] = "Xx"
    del data["onsite_verification_consent"]
    data["colour"] = "red"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data, indent=1))
    result = runner.invoke(app, ["applications", "file", str(path)], env=env)
    assert result.exit_code == 2
    for field in ("items.0.element", "onsite_verification_consent", "colour"):
        assert field in result.output
    assert json.loads(run(env, "applications", "list", "--json")) == []


def test_redlist_add_suspends_and_remove_ends(env: dict[str, str]) -> None:
    filed = json.loads(
        run(env, "applications", "file", str(PROGRAMME / "application.json"), "--json")
    )
    run(env, "applications", "review", filed["id"], "--approve")
    added = json.loads(
        run(
            env,
            "redlist", "add", "Nordwind Turbinen GmbH", "--country", "DE",
            "--reason", "naval generators", "--source", "https://example.gov/n/1", "--json",
        )
    )  # fmt: skip
    [auth] = json.loads(run(env, "authorizations", "list", "--json"))
    assert auth["state"] == "suspended"
    # Ended from tomorrow: still in force today, so monitoring suspends a reinstatement again.
    tomorrow = (today() + dt.timedelta(days=1)).isoformat()
    after = (today() + dt.timedelta(days=2)).isoformat()
    run(env, "redlist", "remove", added["id"], "--reason", "error", "--date", tomorrow)
    entries = json.loads(run(env, "redlist", "list", "--date", after, "--json"))
    assert [e["status"] for e in entries] == ["stopped"]
    assert "active" in run(env, "authorizations", "reinstate", auth["id"], "--reason", "ok")
    monitored = json.loads(run(env, "monitor", "--json"))
    assert monitored["holders_checked"] == 1
    assert [s["authorization"] for s in monitored["suspended"]] == [auth["id"]]
    # The listing itself stays, with its whole history.
    [entry] = json.loads(run(env, "redlist", "list", "--json"))
    assert [h["status"] for h in entry["history"]] == ["listed", "stopped"]


def test_pairs_scores_each_line_and_names_bad_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = {"VEU_DATABASE_URL": f"sqlite:///{tmp_path / 'none.db'}"}
    good = tmp_path / "pairs.jsonl"
    lavrov = {"schema": "Person", "properties": {"name": ["Sergey Lavrov"]}}
    good.write_text(
        json.dumps({"left": lavrov, "right": lavrov})
        + "\n"
        + json.dumps(
            {
                "left": {"schema": "Person", "properties": {"name": "Olaf Scholz"}},
                "right": {"schema": "Company", "properties": {"name": ["Olaf Scholz"]}},
            }
        )
        + "\n"
    )
    lines = [json.loads(x) for x in run(env, "pairs", str(good), "--json").splitlines()]
    assert [(x["score"], x["match"]) for x in lines] == [(1.0, True), (0.0, False)]
    assert lines[0]["algorithm"] == "veu-entities/1"
    assert [json.loads(x) for x in run(env, "pairs", str(good)).splitlines()] == lines  # piped
    monkeypatch.setattr("veu.cli.programme.at_terminal", lambda: True)
    assert run(env, "pairs", str(good)).splitlines() == [
        "1.000 match Sergey Lavrov | Sergey Lavrov",
        "0.000 -     Olaf Scholz | Olaf Scholz",
    ]
    bad = tmp_path / "bad.jsonl"
    misspelt = {"schema": "Person", "properties": {"name": ["Sergey Lavrov"], "birthdate": ["x"]}}
    bad.write_text(
        json.dumps({"left": lavrov})
        + "\n{oops\n"
        + json.dumps({"left": lavrov, "right": misspelt})
        + "\n"
    )
    result = runner.invoke(app, ["pairs", str(bad)], env=env)
    assert result.exit_code == 2
    assert "bad.jsonl:1 right" in result.output
    assert "bad.jsonl:2" in result.output
    assert "bad.jsonl:3 right" in result.output
    assert "'birthdate'" in result.output
    assert result.stdout == ""
    latin1 = tmp_path / "latin1.jsonl"  # JSON Lines are UTF-8: a line that is not is named
    pair = {"left": lavrov, "right": {"schema": "Company", "properties": {"name": ["Société"]}}}
    latin1.write_bytes((json.dumps(pair, ensure_ascii=False) + "\n").encode("latin-1"))
    result = runner.invoke(app, ["pairs", str(latin1)], env=env)
    assert result.exit_code == 2
    assert "latin1.jsonl:1" in result.output
    assert "not UTF-8" in result.output
    bom = tmp_path / "bom.jsonl"  # a byte-order mark, as Windows writes, is read past
    bom.write_bytes(b"\xef\xbb\xbf" + json.dumps(pair, ensure_ascii=False).encode("utf-8"))
    assert json.loads(run(env, "pairs", str(bom), "--json"))["match"] is False


def test_batch_screen_from_the_command_line(tmp_path: Path, loaded_ctx: object) -> None:
    env = {"VEU_DATABASE_URL": loaded_ctx.settings.database_url}  # type: ignore[attr-defined]
    source = tmp_path / "names.csv"
    source.write_text("name,ref\nLockheed Martin Corporation,a\nAcme Bakery,b\n", "utf-8")
    report = json.loads(
        run(env, "batch", "screen", str(source), "--out", str(tmp_path / "o.csv"), "--json")
    )
    assert report == {"rows": 2, "matches": 1, "blank_names": 0, "output": str(tmp_path / "o.csv")}
    missing = runner.invoke(
        app, ["batch", "screen", str(tmp_path / "nope.csv"), "--out", "x.csv"], env=env
    )
    assert missing.exit_code == 2
    chinese = tmp_path / "gbk.csv"  # as a Chinese Excel saves it
    chinese.write_bytes("name,ref\n洛克希德·马丁公司,a\n".encode("gb18030"))
    refused = runner.invoke(app, ["batch", "screen", str(chinese), "--out", "x.csv"], env=env)
    assert refused.exit_code == 2
    assert "--encoding gb18030" in refused.output
    args = ["batch", "screen", str(chinese), "--out", str(tmp_path / "c.csv")]
    report = json.loads(run(env, *args, "--encoding", "gb18030", "--json"))
    assert (report["rows"], report["matches"]) == (1, 1)


def test_a_database_never_initialised_says_so(tmp_path: Path) -> None:
    env = {"VEU_DATABASE_URL": f"sqlite:///{tmp_path / 'empty.db'}"}
    result = runner.invoke(app, ["screen", "Lockheed Martin"], env=env)
    assert result.exit_code == 1
    assert "run `veu db init` first" in result.output
    assert "Traceback" not in result.output
