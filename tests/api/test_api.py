from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.conftest import bearer
from veu.api.app import create_app
from veu.services.context import Context


@pytest.fixture(scope="module")
def client(loaded_ctx: Context, keys: dict[str, str]) -> TestClient:
    return TestClient(create_app(loaded_ctx), headers=bearer(keys["officer"]))


def test_screen(client: TestClient) -> None:
    response = client.post("/screen", json={"name": "洛克希德·马丁公司", "limit": 3})
    assert response.status_code == 200
    data = response.json()
    assert data["query"]["name"] == "洛克希德·马丁公司"
    assert data["date"] == "2026-11-26"
    first = data["matches"][0]
    assert first["party_id"] == "cn:lockheedmartin"
    assert first["match"] is True
    assert first["listing_in_force"] is True
    assert first["explanation"]["han"]["score"] == 1.0


def test_screen_as_of_a_date(client: TestClient) -> None:
    response = client.post(
        "/screen", json={"name": "Insitu, Inc.", "date": "2025-09-01", "country": "US"}
    )
    matches = {m["listing_id"]: m for m in response.json()["matches"] if m["match"]}
    assert matches["cn-ecl:2025-22:insitu"]["listing_in_force"] is False
    assert matches["cn-ecl:2025-22:insitu"]["status"]["state"] == "stopped"
    assert matches["cn-afs:2024-16:insitu"]["listing_in_force"] is True


def test_every_bad_field_is_named(client: TestClient) -> None:
    response = client.post(
        "/screen",
        json={"name": "", "country": "Narnia", "limit": 1000, "date": "someday", "colour": "red"},
    )
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid_input"
    assert {p["field"] for p in error["problems"]} == {"name", "country", "limit", "date", "colour"}


def test_lists(client: TestClient) -> None:
    data = client.get("/lists").json()
    by_id = {item["list"]: item for item in data["lists"]}
    assert by_id["cn-uel"]["entries"] == 82
    assert by_id["cn-uel"]["title_zh"] == "不可靠实体清单"
    assert data["snapshot"]


def test_openapi_and_docs(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert "/screen" in spec["paths"]
    assert "ScreenRequest" in spec["components"]["schemas"]
    assert client.get("/docs").status_code == 200


def test_health(client: TestClient) -> None:
    assert client.get("/health").json()["status"] == "ok"


def test_warm_up_builds_the_world_and_never_raises(loaded_ctx: Context, ctx: Context) -> None:
    from veu.api.app import warm

    warm(ctx)  # an empty database: only logged
    assert not ctx.worlds._items
    loaded_ctx.worlds._items.clear()
    warm(loaded_ctx)
    assert len(loaded_ctx.worlds._items) == 1
