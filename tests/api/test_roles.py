"""Every endpoint and page, tried with each role and with none: who gets through and who is
refused (401 without credentials, 403 for a role that may not), and a refusal leaves nothing
but its audit record. The expected table is written out here, apart from the product's own
permission table, and every route of the API must appear in it."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from tests.conftest import bearer
from veu.api.app import create_app
from veu.services.context import Context
from veu.store import audit

ROLES = ("officer", "exporter", "applicant", "auditor")
ALL = set(ROLES)
READ = {"officer", "exporter", "auditor"}
BAD = {"bogus": 1}  # an invalid body: allowed roles get 422, and nothing changes

API: list[tuple[str, str, Any, set[str]]] = [
    ("GET", "/me", None, ALL),
    ("GET", "/lists", None, READ),
    ("POST", "/screen", BAD, READ),
    ("GET", "/policy", None, ALL),
    ("GET", "/schemas/shipment-request", None, ALL),
    ("POST", "/decisions", BAD, {"officer", "exporter"}),
    ("GET", "/decisions", None, READ),
    ("GET", "/decisions/nope", None, READ),
    ("GET", "/decisions/nope/export", None, READ),
    ("GET", "/graph/explain", None, READ),
    ("POST", "/links", BAD, {"officer"}),
    ("POST", "/applications", BAD, {"applicant"}),
    ("GET", "/applications", None, {"officer", "applicant", "auditor"}),
    ("GET", "/applications/nope", None, {"officer", "applicant", "auditor"}),
    ("PUT", "/applications/nope", BAD, {"applicant"}),
    ("POST", "/applications/nope/withdraw", BAD, {"applicant"}),
    ("POST", "/applications/nope/review", BAD, {"officer"}),
    ("GET", "/authorizations", None, {"officer", "applicant", "auditor"}),
    ("POST", "/authorizations/nope/suspend", BAD, {"officer"}),
    ("GET", "/redlist", None, READ),
    ("POST", "/redlist", BAD, {"officer"}),
    ("POST", "/redlist/nope/end", BAD, {"officer"}),
    ("POST", "/shipments", BAD, {"exporter"}),
    ("GET", "/shipments", None, READ),
    ("GET", "/notices", None, {"officer", "auditor"}),
    ("POST", "/monitoring/run", None, {"officer"}),
    ("GET", "/audit/verify", None, {"officer", "auditor"}),
]
PUBLIC = {"/health", "/openapi.json", "/docs", "/docs/oauth2-redirect", "/redoc"}


@pytest.fixture(scope="module")
def app(loaded_ctx: Context) -> Any:
    return create_app(loaded_ctx)


def _template(path: str) -> str:
    return re.sub(r"/(nope)(?=/|$)", "/{x}", path.split("?")[0])


def test_every_api_route_is_in_the_table(app: Any) -> None:
    table = {(m, re.sub(r"\{[^}]+\}", "{x}", _template(p))) for m, p, _, _ in API}
    routes = {
        (method, re.sub(r"\{[^}]+\}", "{x}", route.path))
        for route in app.routes
        if isinstance(route, APIRoute) and route.include_in_schema and route.path not in PUBLIC
        for method in route.methods
    }
    assert routes - table == set(), "routes missing from the role table"


def _audit_count(ctx: Context) -> int:
    with ctx.read() as uow:
        return len(audit.records(uow.conn))


@pytest.mark.parametrize(
    ("method", "path", "body", "allowed"), API, ids=[f"{m} {p}" for m, p, _, _ in API]
)
def test_api_roles(
    app: Any,
    loaded_ctx: Context,
    keys: dict[str, str],
    method: str,
    path: str,
    body: Any,
    allowed: set[str],
) -> None:
    client = TestClient(app)
    before = _audit_count(loaded_ctx)
    anonymous = client.request(method, path, json=body)
    assert anonymous.status_code == 401, anonymous.text
    assert _audit_count(loaded_ctx) == before + 1  # the refusal, and nothing else
    for role in ROLES:
        before = _audit_count(loaded_ctx)
        response = client.request(method, path, json=body, headers=bearer(keys[role]))
        if role in allowed:
            assert response.status_code not in (401, 403), (role, response.text)
        else:
            assert response.status_code == 403, (role, response.text)
            assert response.json()["error"]["code"] == "forbidden"
            with loaded_ctx.read() as uow:
                trail = audit.records(uow.conn)
            assert len(trail) == before + 1
            assert trail[-1]["action"] == "access.refused"
            assert trail[-1]["actor"] == f"{role}-1"


PAGES: list[tuple[str, str, set[str]]] = [
    ("GET", "/ui/screen?name=Acme", READ),
    ("GET", "/decide", {"officer", "exporter"}),
    ("POST", "/decide", {"officer", "exporter"}),
    ("POST", "/ui/decide", {"officer", "exporter"}),
    ("GET", "/ui/applications", {"officer", "applicant", "auditor"}),
    ("GET", "/ui/applications/new", {"applicant"}),
    ("POST", "/ui/applications/new", {"applicant"}),
    ("GET", "/ui/applications/nope", {"officer", "applicant", "auditor"}),
    ("POST", "/ui/applications/nope/review", {"officer"}),
    ("POST", "/ui/applications/nope/withdraw", {"applicant"}),
    ("POST", "/ui/applications/nope/amend", {"applicant"}),
    ("GET", "/ui/authorizations", {"officer", "applicant", "auditor"}),
    ("POST", "/ui/authorizations/nope/suspend", {"officer"}),
    ("GET", "/ui/redlist", READ),
    ("POST", "/ui/redlist", {"officer"}),
    ("POST", "/ui/redlist/nope/end", {"officer"}),
    ("GET", "/ui/party", READ),
]


def _session(app: Any, key: str) -> tuple[TestClient, str]:
    client = TestClient(app, follow_redirects=False)
    response = client.post("/login", data={"key": key, "next": "/ui/authorizations"})
    assert response.status_code == 303
    page = client.get("/ui/authorizations")
    found = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert found, page.text[:300]
    return client, found.group(1)


def test_every_page_route_is_in_the_table(app: Any) -> None:
    table = {(m, re.sub(r"\{[^}]+\}", "{x}", _template(p))) for m, p, _ in PAGES}
    own = {("GET", "/"), ("GET", "/login"), ("POST", "/login"), ("POST", "/logout")}
    routes = {
        (method, re.sub(r"\{[^}]+\}", "{x}", route.path))
        for route in app.routes
        if isinstance(route, APIRoute)
        and not route.include_in_schema
        and route.path != "/static/{name}"
        for method in route.methods
    }
    assert routes - table - own == set()


@pytest.mark.parametrize(
    ("method", "path", "allowed"), PAGES, ids=[f"{m} {p}" for m, p, _ in PAGES]
)
def test_page_roles(
    app: Any, keys: dict[str, str], method: str, path: str, allowed: set[str]
) -> None:
    anonymous = TestClient(app, follow_redirects=False).request(method, path)
    assert anonymous.status_code == 303
    assert anonymous.headers["location"].startswith("/login?next=")
    for role in ROLES:
        client, csrf = _session(app, keys[role])
        data = {"csrf": csrf} if method == "POST" else None
        response = client.request(method, path, data=data)
        if role in allowed:
            assert response.status_code != 403, (role, response.text[:300])
        else:
            assert response.status_code == 403, (role, response.status_code)
            assert "may not" in response.text


def test_a_session_post_without_the_form_token_is_refused(app: Any, keys: dict[str, str]) -> None:
    client, csrf = _session(app, keys["officer"])
    assert client.post("/decide", data={"request": "{}"}).status_code == 403
    assert client.post("/decide", data={"request": "{}", "csrf": "forged"}).status_code == 403
    assert client.post("/decide", data={"request": "{}", "csrf": csrf}).status_code == 200


def test_logging_out_ends_the_session(app: Any, keys: dict[str, str]) -> None:
    client, csrf = _session(app, keys["auditor"])
    assert client.get("/ui/redlist").status_code == 200
    assert client.post("/logout", data={"csrf": csrf}).status_code == 303
    assert client.get("/ui/redlist").status_code == 303


def test_a_wrong_key_does_not_log_in(app: Any) -> None:
    client = TestClient(app, follow_redirects=False)
    response = client.post("/login", data={"key": "veu_wrong", "next": "/"})
    assert response.status_code == 401
    assert "not valid" in response.text
    assert "veu_session" not in response.cookies
