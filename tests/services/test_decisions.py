from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tests.conftest import DATA, FIXTURES
from veu.errors import InvalidInput
from veu.matching import ALGORITHM, ALGORITHM_VERSION
from veu.model.decision import same_decision
from veu.model.registry import PartyRef
from veu.model.shipment import ShipmentRequest
from veu.services import authorizations, decisions, graph, lists, registry
from veu.services.access import cli_principal
from veu.services.context import Context

GULFSTREAM = {
    "date": "2025-06-01",
    "exporter": {"name": "Ganzhou Rare Earth Co., Ltd.", "country": "CN"},
    "consignee": {"name": "Gulfstream Aerospace Corporation", "country": "US"},
    "items": [
        {
            "description": "SmCo magnets",
            "elements": ["Sm", "Co"],
            "form": "magnet",
            "quantity_kg": 20,
            "value": 4000,
            "origin": "CN",
        }
    ],
    "end_use": {"category": "civil", "sector": "aerospace"},
}


def request(**changes: object) -> ShipmentRequest:
    return ShipmentRequest.model_validate({**GULFSTREAM, **changes})


def test_decide_record_replay_export(loaded_ctx: Context) -> None:
    ident, decision = decisions.decide_shipment(loaded_ctx, request())
    assert decision.outcome.value == "denied"
    codes = [r.code for r in decision.reasons]
    assert "COUNTS_AS_LISTED" in codes
    assert "VEU_END_USER_DEFENSE_LINKED" in codes
    counts = next(r for r in decision.reasons if r.code == "COUNTS_AS_LISTED")
    assert counts.evidence["held_by"][0]["percentage"] == 100.0
    assert counts.evidence["held_by"][0]["source"]["url"].startswith("https://")
    assert ident is not None
    assert decisions.get(loaded_ctx, ident).outcome == "denied"
    recorded, again = decisions.replay(loaded_ctx, ident)
    assert same_decision(recorded, again)
    assert recorded.matching == f"{ALGORITHM}/{ALGORITHM_VERSION}"
    # A decision recorded before the matching algorithm was kept still reads, and its replay
    # shows the difference.
    older = type(recorded).model_validate(recorded.model_dump(mode="json", exclude={"matching"}))
    assert older.matching == ""
    assert not same_decision(older, again)
    exported = decisions.export(loaded_ctx, ident)
    assert exported["replays_identically"] is True
    assert exported["policy_pack"]["version"] == "2026.11.1"
    assert "cn-ecl" in exported["snapshot"]["lists"]
    assert any(x["id"] == "cn-ecl:2025-1:generaldynamics" for x in exported["listings"])
    assert exported["audit"][0]["action"] == "decision.made"


def test_a_consignee_named_in_japanese_is_found_on_the_export_control_list(
    loaded_ctx: Context,
) -> None:
    """Japan writes the Mitsubishi Heavy Industries Aero Engines MOFCOM listed on 24 February
    2026 as 三菱重工航空エンジン株式会社, kanji and katakana: the decision finds the listing
    (veu-names/47) and denies controlled items."""
    consignee = {"name": "三菱重工航空エンジン株式会社", "country": "JP"}
    _, decision = decisions.decide_shipment(
        loaded_ctx, request(date="2026-03-02", consignee=consignee), record=False
    )
    assert decision.outcome.value == "denied"
    listed = next(r for r in decision.reasons if r.code == "LISTED_EXPORT_CONTROL_LIST")
    assert "mitsubishiheavyindustriesaeroengines" in json.dumps(listed.evidence)


def test_graph_explain_gives_the_path(loaded_ctx: Context) -> None:
    result = graph.explain(loaded_ctx, "Sikorsky Aircraft Corporation", country="US")
    assert result["counts_as_listed"]
    assert result["defense_linked"]
    [node] = result["nodes"]
    kinds = {f["list_kind"] for f in node["counts_as_listed"]}
    assert {"cn_export_control", "cn_unreliable_entity"} <= kinds
    holding = node["counts_as_listed"][0]["held_by"][0]
    assert holding["percentage"] == 100.0
    assert holding["owner_listed"] == "directly"


@pytest.fixture
def small(ctx: Context) -> Context:
    """MOFCOM lists and the curated registry only: quick to load on either database."""
    lists.import_list(ctx, "mofcom", DATA / "mofcom")
    registry.import_registry(ctx, "registry", DATA / "registry" / "us-defense-groups.yml")
    return ctx


def test_a_decision_reproduces_on_its_snapshot(small: Context) -> None:
    near = request(date="2025-12-01", consignee={"name": "Epirus Technologies", "country": "GR"})
    ident, before = decisions.decide_shipment(small, near)
    assert before.outcome.value == "hold"
    registry.judge_link(
        small,
        PartyRef(name="Epirus Technologies", country="GR"),
        "cn-uel:2025-10:epirus",
        "rejected",
        officer="officer x",
    )
    _, now = decisions.decide_shipment(small, near, record=False)
    assert now.outcome.value == "licence_required"
    assert now.snapshot != before.snapshot
    codes = [r.code for r in now.reasons]
    assert "SCREENING_LINK_REJECTED" in codes
    assert "SCREENING_REVIEW" not in codes
    _, again = decisions.decide_shipment(small, near, snapshot=before.snapshot, record=False)
    assert same_decision(again, before)  # the old snapshot has no judgement: the same hold
    assert ident is not None
    recorded, replayed = decisions.replay(small, ident)
    assert same_decision(recorded, replayed)


def test_a_judgement_needs_a_known_listing(small: Context) -> None:
    with pytest.raises(InvalidInput, match="no listing"):
        registry.judge_link(
            small, PartyRef(name="X"), "cn-uel:2099-1:nobody", "rejected", officer="o"
        )


def test_authorizations_give_a_general_licence(small: Context, tmp_path: Path) -> None:
    path = tmp_path / "auth.yaml"
    path.write_text(
        "authorizations:\n"
        "  - id: AUTH-1\n"
        "    holder: {name: Acme Motors GmbH, country: DE}\n"
        "    valid_from: 2025-05-01\n"
        "    valid_until: 2026-05-01\n"
        "    items:\n"
        "      - {elements: [Sm, Co], forms: [magnet], annual_cap_kg: 100}\n"
    )
    authorizations.import_authorizations(small, path)
    acme = request(consignee={"name": "Acme Motors GmbH", "country": "DE"})
    _, decision = decisions.decide_shipment(small, acme, record=False)
    assert decision.outcome.value == "general_licence"
    [shown] = authorizations.visible(small, by=cli_principal(), day=dt.date(2025, 6, 1))
    assert shown["state"] == "active"
    over = request(
        consignee={"name": "Acme Motors GmbH", "country": "DE"},
        items=[{**GULFSTREAM["items"][0], "quantity_kg": 101}],
    )  # type: ignore[index]
    _, capped = decisions.decide_shipment(small, over, record=False)
    assert capped.outcome.value == "licence_required"


def test_a_broken_authorization_file_names_line_and_field(small: Context, tmp_path: Path) -> None:
    path = tmp_path / "auth.yaml"
    path.write_text(
        "authorizations:\n  - id: AUTH-1\n    holder: {name: Acme}\n"
        "    valid_from: 2025-05-01\n    valid_until: 2024-05-01\n"
        "    items: []\n    colour: red\n"
    )
    with pytest.raises(InvalidInput) as info:
        authorizations.import_authorizations(small, path)
    found = {(p.line, p.field) for p in info.value.problems}
    assert (6, "authorizations.0.items") in found
    assert (7, "authorizations.0.colour") in found


def test_ftm_import(small: Context) -> None:
    result = registry.import_registry(small, "ftm", FIXTURES / "general_atomics.ftm.json")
    assert result.changed
    assert result.report is not None
    assert result.report.rows == 4
    assert [w.line for w in result.report.warnings] == [4]  # the Address entity is not used
    explained = graph.explain(small, "GA-ASI", country="US", day=None)
    assert explained["defense_linked"]


def test_gleif_and_ofac_enhanced_imports(small: Context) -> None:
    gleif = registry.import_registry(small, "gleif", FIXTURES / "gleif")
    assert gleif.lists[0].entries > 0
    ofac = registry.import_registry(
        small, "ofac-enhanced", DATA / "ofac_enhanced" / "2025-01" / "CONS_ENHANCED.ZIP"
    )
    assert ofac.lists[0].entries == 283
    again = registry.import_registry(
        small, "ofac-enhanced", DATA / "ofac_enhanced" / "2025-01" / "CONS_ENHANCED.ZIP"
    )
    assert not again.changed


def test_a_broken_ftm_line_is_reported(small: Context, tmp_path: Path) -> None:
    path = tmp_path / "bad.ftm.json"
    lines = (FIXTURES / "general_atomics.ftm.json").read_text().splitlines()
    lines.insert(1, "{not json")
    lines.insert(
        2,
        json.dumps(
            {
                "id": "o2",
                "schema": "Ownership",
                "properties": {"owner": ["ga"], "asset": ["ga-asi"], "percentage": ["150"]},
            }
        ),
    )
    path.write_text("\n".join(lines))
    small.settings.import_max_reject_share = 0.5
    result = registry.import_registry(small, "ftm", path)
    assert [(p.line, p.reason) for p in result.report.rejected] == [
        (2, "not JSON: Expecting property name enclosed in double quotes"),
        (3, "percentage 150 is outside 0-100"),
    ]


def test_decisions_do_not_depend_on_screening_settings(small: Context) -> None:
    near = request(date="2025-12-01", consignee={"name": "Epirus Technologies", "country": "US"})
    _, before = decisions.decide_shipment(small, near, record=False)
    strict = Context(
        settings=small.settings.model_copy(
            update={"match_threshold": 0.99, "review_threshold": 0.98}
        ),
        engine=small.engine,
        clock=small.clock,
    )
    _, after = decisions.decide_shipment(strict, near, record=False)
    assert same_decision(before, after)
    assert before.outcome.value == "hold"


def test_the_same_decision_recorded_twice_is_two_records(small: Context) -> None:
    first, _ = decisions.decide_shipment(small, request())
    second, _ = decisions.decide_shipment(small, request())  # same request, same (fixed) clock
    assert first != second
    assert decisions.get(small, first).outcome == decisions.get(small, second).outcome
