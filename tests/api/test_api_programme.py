"""The programme over HTTP, on SQLite and PostgreSQL: an applicant files, an officer reviews,
an exporter records shipments against the caps, the red list suspends, and each caller sees
only what is its own."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.conftest import DATA, FIXTURES, bearer, make_context
from veu.api.app import create_app
from veu.services import registry
from veu.services.access import Principal, add_user
from veu.services.lists import import_list
from veu.store import migrate

PROGRAMME = FIXTURES / "programme"
EXPORTER = "Baotou Northern Rare Earth Trading Co., Ltd."


@pytest.fixture
def http(database_url: str) -> Any:
    ctx = make_context(database_url)
    migrate.upgrade(ctx.engine)
    import_list(ctx, "mofcom", DATA / "mofcom", actor="setup")
    registry.import_registry(ctx, "registry", PROGRAMME / "registry.yml", actor="setup")
    admin = Principal("setup", "admin")
    users = {
        "officer": ("olga", None),
        "applicant": ("anna", "Nordwind Turbinen GmbH"),
        "other": ("otto", "Other Wind AG"),
        "exporter": ("eve", EXPORTER),
        "auditor": ("audrey", None),
    }
    clients = {}
    for who, (name, party) in users.items():
        role = "applicant" if who == "other" else who
        _, key = add_user(ctx, name, role, party=party, actor=admin)
        clients[who] = TestClient(create_app(ctx), headers=bearer(key))
    yield clients
    ctx.engine.dispose()


def application() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((PROGRAMME / "application.json").read_text("utf-8"))
    return data


def shipment() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((PROGRAMME / "shipment.json").read_text("utf-8"))
    return data


def test_the_programme_over_http(http: dict[str, TestClient]) -> None:
    filed = http["applicant"].post("/applications", json=application())
    assert filed.status_code == 201, filed.text
    body = filed.json()
    assert body["recommendation"] == "approve"
    assert body["status"] == "submitted"
    ident = body["id"]
    assert http["other"].get(f"/applications/{ident}").status_code == 403
    assert http["other"].get("/applications").json() == []
    queue = http["officer"].get("/applications", params={"status": "submitted"}).json()
    assert [a["id"] for a in queue] == [ident]
    review = {
        "decision": "approve",
        "conditions": {
            "items": [{"element": "Dy", "forms": ["magnet"], "annual_cap_kg": 300}],
            "exporters": [EXPORTER],
        },
    }
    assert http["auditor"].post(f"/applications/{ident}/review", json=review).status_code == 403
    approved = http["officer"].post(f"/applications/{ident}/review", json=review)
    assert approved.status_code == 200, approved.text
    auth = approved.json()["authorization"]
    assert approved.json()["status"] == "approved"
    again = http["officer"].post(f"/applications/{ident}/review", json=review)
    assert again.status_code == 409
    assert "is approved" in again.json()["error"]["message"]

    [mine] = http["applicant"].get("/authorizations").json()
    assert mine["id"] == auth["id"]
    assert mine["state"] == "active"
    assert http["other"].get("/authorizations").json() == []

    outcomes = []
    for _ in range(4):
        recorded = http["exporter"].post("/shipments", json=shipment())
        assert recorded.status_code == 201, recorded.text
        outcomes.append((recorded.json()["outcome"], recorded.json()["drawn_kg"]))
    assert outcomes == [
        ("general_licence", {"0": 100.0}),
        ("general_licence", {"0": 100.0}),
        ("general_licence", {"0": 100.0}),
        ("licence_required", {}),
    ]
    [left] = http["officer"].get("/authorizations").json()
    assert left["items"][0]["remaining_kg"] == 0
    assert len(http["exporter"].get("/shipments").json()) == 4
    assert len(http["exporter"].get("/decisions").json()) == 4
    decision_id = recorded.json()["decision_id"]
    exported = http["auditor"].get(f"/decisions/{decision_id}/export").json()
    assert exported["replays_identically"] is True

    listed = http["officer"].post(
        "/redlist",
        json={
            "name": "Nordwind Turbinen GmbH",
            "country": "DE",
            "reason": "naval generators",
            "source": "https://example.gov/n/2",
        },
    )
    assert listed.status_code == 201, listed.text
    [suspended] = http["officer"].get("/authorizations").json()
    assert suspended["state"] == "suspended"
    notices = http["officer"].get("/notices").json()
    assert any(n["subject"] == auth["id"] for n in notices)
    denied = http["exporter"].post("/shipments", json=shipment()).json()
    assert denied["outcome"] == "denied"
    assert http["auditor"].get("/audit/verify").json()["ok"] is True


def test_bad_applications_and_reviews_are_named(http: dict[str, TestClient]) -> None:
    data = application()
    data["items"][0]["annual_quantity_kg"] = -5
    del data["exporters"]
    data["applicant"]["country"] = "Germany"
    response = http["applicant"].post("/applications", json=data)
    assert response.status_code == 422
    fields = {p["field"] for p in response.json()["error"]["problems"]}
    assert {"items.0.annual_quantity_kg", "exporters", "applicant.country"} <= fields
    ident = http["applicant"].post("/applications", json=application()).json()["id"]
    bad = http["officer"].post(f"/applications/{ident}/review", json={"decision": "maybe"})
    assert bad.status_code == 422
    unfit = http["officer"].post(
        f"/applications/{ident}/review",
        json={"decision": "approve", "conditions": {"facilities": ["F7"]}},
    )
    assert unfit.status_code == 422
    assert unfit.json()["error"]["problems"][0]["field"] == "facilities.0"
    assert http["officer"].get(f"/applications/{ident}").json()["status"] == "submitted"


def test_amend_after_a_request_for_information(http: dict[str, TestClient]) -> None:
    ident = http["applicant"].post("/applications", json=application()).json()["id"]
    asked = http["officer"].post(
        f"/applications/{ident}/review",
        json={"decision": "request_info", "text": "name your main customers"},
    )
    assert asked.json()["status"] == "info_requested"
    data = application()
    data["applicant"]["sectors"] = ["energy", "automotive"]
    amended = http["applicant"].put(f"/applications/{ident}", json=data)
    assert amended.status_code == 200, amended.text
    assert amended.json()["status"] == "submitted"
    assert amended.json()["recommendation"] == "review"
    history = http["applicant"].get(f"/applications/{ident}").json()["history"]
    assert [h["action"] for h in history] == ["file", "request_info", "amend"]
    withdrawn = http["applicant"].post(f"/applications/{ident}/withdraw", json={})
    assert withdrawn.json()["status"] == "withdrawn"


def test_an_exporter_records_only_for_its_company(http: dict[str, TestClient]) -> None:
    other = shipment()
    other["exporter"] = {"name": "Somebody Else Trading", "country": "CN"}
    response = http["exporter"].post("/shipments", json=other)
    assert response.status_code == 403
    assert http["officer"].get("/shipments").json() == []
