from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.cli.test_cli_decisions import REQUEST
from tests.conftest import bearer
from veu.api.app import create_app
from veu.services.context import Context


@pytest.fixture(scope="module")
def client(loaded_ctx: Context, keys: dict[str, str]) -> TestClient:
    return TestClient(create_app(loaded_ctx), headers=bearer(keys["officer"]))


def test_post_decision(client: TestClient) -> None:
    response = client.post("/decisions", json=REQUEST)
    assert response.status_code == 200
    data = response.json()
    assert data["outcome"] == "denied"
    assert data["snapshot"]
    assert data["policy_version"]
    assert data["decision_id"]
    recorded = client.get(f"/decisions/{data['decision_id']}").json()
    assert recorded["outcome"] == "denied"
    exported = client.get(f"/decisions/{data['decision_id']}/export").json()
    assert exported["replays_identically"] is True


def test_as_of_snapshot(client: TestClient) -> None:
    first = client.post("/decisions?record=false", json=REQUEST).json()
    again = client.post(
        f"/decisions?record=false&as_of_snapshot={first['snapshot']}", json=REQUEST
    ).json()
    assert again == first
    missing = client.post(f"/decisions?as_of_snapshot={'0' * 64}", json=REQUEST)
    assert missing.status_code == 404


def test_invalid_request_names_each_field(client: TestClient) -> None:
    bad = {
        **REQUEST,
        "date": "tomorrow",
        "consignee": {"name": "", "country": "usa"},
        "end_use": {"category": "peaceful"},
    }
    response = client.post("/decisions", json=bad)
    assert response.status_code == 422
    fields = {p["field"] for p in response.json()["error"]["problems"]}
    assert {"date", "consignee.name", "consignee.country", "end_use.category"} <= fields
    assert "outcome" not in response.json()


def test_schema_policy_and_graph(client: TestClient) -> None:
    schema = client.get("/schemas/shipment-request").json()
    assert "items" in schema["required"]
    spec = client.get("/openapi.json").json()
    assert "/decisions" in spec["paths"]
    assert "ShipmentRequest" in spec["components"]["schemas"]
    policy = client.get("/policy?date=2026-11-10").json()
    assert "Ho" in policy["as_of"]["controlled_elements"]
    explained = client.get("/graph/explain", params={"name": "Sikorsky Aircraft Corporation"})
    assert explained.json()["counts_as_listed"] is True
    assert client.get("/policy?version=1999.1").status_code == 404


def test_an_oversized_request_is_refused(client: TestClient) -> None:
    item = REQUEST["items"][0]  # type: ignore[index]
    response = client.post("/decisions", json={**REQUEST, "items": [item] * 201})
    assert response.status_code == 422
    assert response.json()["error"]["problems"][0]["field"] == "items"
