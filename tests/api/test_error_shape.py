"""The JSON error envelope is a contract: pinned here for each kind of error."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from tests.conftest import bearer, make_context
from veu.api.app import create_app
from veu.services.access import Principal, add_user
from veu.services.context import Context


def test_validation_error_shape(loaded_ctx: Context, keys: dict[str, str]) -> None:
    client = TestClient(create_app(loaded_ctx), headers=bearer(keys["officer"]))
    body = client.post("/screen", json={"limit": 5}).json()
    assert body == {
        "error": {
            "code": "invalid_input",
            "message": "the request is invalid",
            "problems": [{"reason": "Field required", "file": None, "line": None, "field": "name"}],
        }
    }


def test_not_found_shape(loaded_ctx: Context) -> None:
    client = TestClient(create_app(loaded_ctx))
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert response.json() == {
        "error": {"code": "not_found", "message": "Not Found", "problems": []}
    }


def test_domain_error_shape(ctx: Context) -> None:
    _, key = add_user(ctx, "o", "officer", party=None, actor=Principal("t", "admin"))
    client = TestClient(create_app(ctx), headers=bearer(key))  # migrated, no lists loaded
    response = client.post("/screen", json={"name": "Lockheed Martin"})
    assert response.status_code == 404
    assert response.json() == {
        "error": {
            "code": "not_found",
            "message": "no lists are loaded yet: run `veu db init`",
            "problems": [],
        }
    }


def test_malformed_json_body(loaded_ctx: Context, keys: dict[str, str]) -> None:
    client = TestClient(create_app(loaded_ctx), headers=bearer(keys["officer"]))
    response = client.post(
        "/screen", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_input"


def test_unauthenticated_and_forbidden_shapes(loaded_ctx: Context, keys: dict[str, str]) -> None:
    client = TestClient(create_app(loaded_ctx))
    response = client.post("/screen", json={"name": "x"})
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthenticated"
    bad = client.post("/screen", json={"name": "x"}, headers=bearer("veu_nonsense"))
    assert bad.status_code == 401
    assert "not valid" in bad.json()["error"]["message"]
    forbidden = client.post("/screen", json={"name": "x"}, headers=bearer(keys["applicant"]))
    assert forbidden.status_code == 403
    assert forbidden.json() == {
        "error": {
            "code": "forbidden",
            "message": "the applicant role may not screen",
            "problems": [],
        }
    }


def test_a_database_never_initialised_says_so(tmp_path: Path) -> None:
    context = make_context(f"sqlite:///{tmp_path / 'empty.db'}")  # no `veu db init`
    try:
        response = TestClient(create_app(context), headers=bearer("key")).post(
            "/screen", json={"name": "Lockheed Martin"}
        )
    finally:
        context.engine.dispose()
    assert response.status_code == 500
    error = response.json()["error"]
    assert error["code"] == "configuration_error"
    assert "run `veu db init` first" in error["message"]
    assert error["problems"][0]["field"] == "VEU_DATABASE_URL"
