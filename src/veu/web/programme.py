"""Pages of the VEU programme: logging in, the officer's queue and review of applications, an
applicant's filing and status, authorizations with what is left of them, the red list, and a
party's ownership picture. Thin: forms are parsed here, everything else is a service call."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal
from urllib.parse import parse_qs, quote

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from veu.api.auth import SESSION_COOKIE, allow, anyone
from veu.errors import InvalidInput, Problem, VeuError
from veu.model.application import ApplicationForm, Conditions, Status, allowed_actions
from veu.services import access, applications, authorizations, graph, monitoring, redlist
from veu.services.access import Principal
from veu.services.context import Context
from veu.web.svg import ownership_svg
from veu.web.templating import templates

router = APIRouter(include_in_schema=False)


def _ctx(request: Request) -> Context:
    ctx: Context = request.app.state.ctx
    return ctx


async def _form(request: Request) -> dict[str, list[str]]:
    body = (await request.body()).decode("utf-8", errors="replace")
    return parse_qs(body, keep_blank_values=True)


def _one(form: dict[str, list[str]], key: str) -> str:
    return form.get(key, [""])[0].strip()


def _problems(exc: ValidationError | InvalidInput) -> list[Problem]:
    if isinstance(exc, InvalidInput):
        return exc.problems or [Problem(reason=exc.message)]
    return [Problem(reason=e["msg"], field=".".join(map(str, e["loc"]))) for e in exc.errors()]


def _see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


# login ------------------------------------------------------------------------------------
def _safe_next(target: str) -> str:
    return target if target.startswith("/") and not target.startswith("//") else "/"


@router.get("/login", response_class=HTMLResponse)
async def login_page(request: Request, next: str = "/") -> HTMLResponse:
    return templates.TemplateResponse(
        request, "login.html", {"next": _safe_next(next), "error": None}
    )


@router.post("/login", response_class=HTMLResponse)
async def login(request: Request) -> Response:
    form = await _form(request)
    target = _safe_next(_one(form, "next") or "/")
    found = await run_in_threadpool(access.login, _ctx(request), _one(form, "key"))
    if found is None:
        view = {"next": target, "error": "That key is not valid."}
        return templates.TemplateResponse(request, "login.html", view, status_code=401)
    token, _principal = found
    response = _see_other(target)
    response.set_cookie(
        SESSION_COOKIE,
        token,
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
        max_age=access.SESSION_HOURS * 3600,
    )
    return response


@router.post("/logout")
async def logout(request: Request, _by: Annotated[Principal, anyone(page=True)]) -> Response:
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        await run_in_threadpool(access.logout, _ctx(request), token)
    response = _see_other("/login")
    response.delete_cookie(SESSION_COOKIE)
    return response


# applications -----------------------------------------------------------------------------
@router.get("/ui/applications", response_class=HTMLResponse)
async def applications_page(
    request: Request,
    by: Annotated[Principal, allow("applications.read", page=True)],
    status: str = "open",
) -> HTMLResponse:
    """The officer's queue (open applications, strongest recommendation first), or an
    applicant's own applications."""
    ctx = _ctx(request)
    statuses = applications.OPEN if status == "open" else None
    rows = await run_in_threadpool(applications.listing, ctx, by=by, statuses=statuses)
    order = {"deny": 0, "review": 1, "approve": 2}
    rows = sorted(rows, key=lambda r: (order.get(r.recommendation, 3), r.created_at))
    view = {
        "rows": [r.as_dict() for r in rows],
        "status": status,
        "notices": monitoring.notices(ctx, by=by, limit=10) if by.may("notices.read") else [],
    }
    return templates.TemplateResponse(request, "applications.html", view)


def _lines(text: str, field: str, columns: int) -> list[tuple[int, list[str]]]:
    """Non-blank lines of a text area, split on ``|`` into at most ``columns`` parts."""
    out = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = [p.strip() for p in line.split("|")]
        if len(parts) > columns:
            raise InvalidInput(
                f"{field} line {number} has more than {columns} parts",
                [Problem(f"at most {columns} parts separated by |", field=field, line=number)],
            )
        out.append((number, parts + [""] * (columns - len(parts))))
    return out


def _number(value: str, field: str, line: int | None = None) -> float | None:
    if not value:
        return None
    try:
        return float(value)
    except ValueError as exc:
        raise InvalidInput(
            f"{field}: {value!r} is not a number", [Problem("not a number", field=field, line=line)]
        ) from exc


def form_to_application(form: dict[str, list[str]]) -> dict[str, Any]:
    """The page's fields as the JSON application (the same the API and the CLI take)."""
    identifiers = {}
    for n, (scheme, value) in _lines(_one(form, "identifiers"), "identifiers", 2):
        if not value:
            raise InvalidInput(
                "identifiers: write scheme | value",
                [Problem("write scheme | value", field="identifiers", line=n)],
            )
        identifiers[scheme.lower()] = value
    share = _number(_one(form, "defense_share"), "defense_share")
    return {
        "applicant": {
            "name": _one(form, "name"),
            "country": _one(form, "country").upper(),
            "identifiers": identifiers,
            "sectors": [s.strip() for s in _one(form, "sectors").split(",") if s.strip()],
            "address": _one(form, "address") or None,
            "owners": [
                {"name": name, "country": cc.upper() or None, "percent": _number(pct, "owners", n)}
                for n, (name, cc, pct) in _lines(_one(form, "owners"), "owners", 3)
            ],
        },
        "facilities": [
            {"id": fid, "address": address}
            for _, (fid, address) in _lines(_one(form, "facilities"), "facilities", 2)
        ],
        "items": [
            {
                "element": element,
                "forms": [f.strip() for f in forms.split(",") if f.strip()],
                "annual_quantity_kg": _number(kg, "items", n),
            }
            for n, (element, forms, kg) in _lines(_one(form, "items"), "items", 3)
        ],
        "exporters": [
            {"name": name, "country": cc.upper()}
            for _, (name, cc) in _lines(_one(form, "exporters"), "exporters", 2)
        ],
        "end_uses": [
            {"category": category, "sector": sector, "description": description}
            for _, (category, sector, description) in _lines(_one(form, "end_uses"), "end_uses", 3)
        ],
        "customers": [
            {"name": name, "country": cc.upper()}
            for _, (name, cc) in _lines(_one(form, "customers"), "customers", 2)
        ],
        "defense_business": {
            "revenue_share": (share or 0.0) / 100,
            "contracts": [c.strip() for c in _one(form, "contracts").splitlines() if c.strip()],
        },
        "compliance_plan": _one(form, "compliance_plan"),
        "onsite_verification_consent": _one(form, "consent") == "yes",
    }


def _blank_form(by: Principal) -> dict[str, str]:
    return {
        "name": by.party or "",
        "end_uses": "civil | ",
        "defense_share": "0",
    }


@router.get("/ui/applications/new", response_class=HTMLResponse)
async def new_application_page(
    request: Request, by: Annotated[Principal, allow("applications.file", page=True)]
) -> HTMLResponse:
    view = {"form": _blank_form(by), "problems": []}
    return templates.TemplateResponse(request, "application_new.html", view)


@router.post("/ui/applications/new", response_class=HTMLResponse)
async def file_application(
    request: Request, by: Annotated[Principal, allow("applications.file", page=True)]
) -> Response:
    form = await _form(request)
    try:
        application = ApplicationForm.model_validate(form_to_application(form))
        row = await run_in_threadpool(applications.file, _ctx(request), application, by=by)
    except (ValidationError, InvalidInput) as exc:
        view = {"form": {k: v[0] for k, v in form.items()}, "problems": _problems(exc)}
        return templates.TemplateResponse(request, "application_new.html", view, status_code=422)
    return _see_other(f"/ui/applications/{quote(row.id)}")


@router.get("/ui/applications/{ident}", response_class=HTMLResponse)
async def application_page(
    request: Request,
    ident: str,
    by: Annotated[Principal, allow("applications.read", page=True)],
) -> HTMLResponse:
    row = await run_in_threadpool(applications.get, _ctx(request), ident, by=by)
    return _application_view(request, row, by, [])


def _application_view(
    request: Request, row: Any, by: Principal, problems: list[Problem], status_code: int = 200
) -> HTMLResponse:
    data = row.as_dict()
    view = {
        "app": data,
        "form": data["application"],
        "actions": allowed_actions(Status(row.status)),
        "problems": problems,
        "may_review": by.may("applications.review"),
        "may_amend": by.may("applications.amend"),
    }
    return templates.TemplateResponse(request, "application.html", view, status_code=status_code)


def _conditions(form: dict[str, list[str]], application: dict[str, Any]) -> Conditions:
    items = []
    for i, item in enumerate(application["items"]):
        if _one(form, f"item_{i}") != "yes":
            continue
        cap = _number(_one(form, f"cap_{i}"), f"items.{i}.annual_cap_kg")
        items.append(
            {
                "element": item["element"],
                "forms": item["forms"],
                "annual_cap_kg": cap if cap is not None else item["annual_quantity_kg"],
            }
        )
    if not items:
        raise InvalidInput("approve at least one item", [Problem("no item ticked", field="items")])
    return Conditions.model_validate(
        {
            "items": items,
            "facilities": form.get("facility") or None,
            "exporters": form.get("exporter") or None,
            "valid_from": _one(form, "valid_from") or None,
            "valid_until": _one(form, "valid_until") or None,
        }
    )


@router.post("/ui/applications/{ident}/review", response_class=HTMLResponse)
async def review_application(
    request: Request,
    ident: str,
    by: Annotated[Principal, allow("applications.review", page=True)],
) -> Response:
    ctx = _ctx(request)
    form = await _form(request)
    decision = _one(form, "decision")
    try:
        if decision == "approve":
            current = await run_in_threadpool(applications.get, ctx, ident, by=by)
            conditions = _conditions(form, current.as_dict()["application"])
            await run_in_threadpool(applications.approve, ctx, ident, conditions, by=by)
        elif decision == "deny":
            await run_in_threadpool(applications.deny, ctx, ident, _one(form, "reason"), by=by)
        elif decision == "request_info":
            await run_in_threadpool(
                applications.request_info, ctx, ident, _one(form, "text"), by=by
            )
        else:
            raise InvalidInput(
                "choose approve, deny or request_info", [Problem("unknown", field="decision")]
            )
    except (ValidationError, InvalidInput) as exc:
        row = await run_in_threadpool(applications.get, ctx, ident, by=by)
        return _application_view(request, row, by, _problems(exc), 422)
    return _see_other(f"/ui/applications/{quote(ident)}")


@router.post("/ui/applications/{ident}/withdraw")
async def withdraw_application(
    request: Request,
    ident: str,
    by: Annotated[Principal, allow("applications.amend", page=True)],
) -> Response:
    await run_in_threadpool(applications.withdraw, _ctx(request), ident, by=by)
    return _see_other(f"/ui/applications/{quote(ident)}")


@router.post("/ui/applications/{ident}/amend", response_class=HTMLResponse)
async def amend_application(
    request: Request,
    ident: str,
    by: Annotated[Principal, allow("applications.amend", page=True)],
) -> Response:
    """The applicant sends its application again, as JSON, after an officer asked for more."""
    ctx = _ctx(request)
    form = await _form(request)
    try:
        application = ApplicationForm.model_validate_json(_one(form, "application"))
        await run_in_threadpool(applications.amend, ctx, ident, application, by=by)
    except (ValidationError, InvalidInput) as exc:
        row = await run_in_threadpool(applications.get, ctx, ident, by=by)
        return _application_view(request, row, by, _problems(exc), 422)
    return _see_other(f"/ui/applications/{quote(ident)}")


# authorizations ---------------------------------------------------------------------------
@router.get("/ui/authorizations", response_class=HTMLResponse)
async def authorizations_page(
    request: Request, by: Annotated[Principal, allow("authorizations.read", page=True)]
) -> HTMLResponse:
    ctx = _ctx(request)
    items = await run_in_threadpool(authorizations.visible, ctx, by=by)
    view = {
        "items": items,
        "may_change": by.may("authorizations.change"),
        "notices": monitoring.notices(ctx, by=by, limit=10) if by.may("notices.read") else [],
        "error": None,
    }
    return templates.TemplateResponse(request, "authorizations.html", view)


@router.post("/ui/authorizations/{ident}/{action}")
async def change_authorization(
    request: Request,
    ident: str,
    action: Literal["suspend", "reinstate", "revoke"],
    by: Annotated[Principal, allow("authorizations.change", page=True)],
) -> Response:
    form = await _form(request)
    await run_in_threadpool(
        authorizations.change, _ctx(request), ident, action, _one(form, "reason"), by=by
    )
    return _see_other("/ui/authorizations")


# red list ---------------------------------------------------------------------------------
@router.get("/ui/redlist", response_class=HTMLResponse)
async def redlist_page(
    request: Request, by: Annotated[Principal, allow("redlist.read", page=True)]
) -> HTMLResponse:
    return await _redlist_view(request, by, {}, [])


async def _redlist_view(
    request: Request,
    by: Principal,
    form: dict[str, str],
    problems: list[Problem],
    status_code: int = 200,
) -> HTMLResponse:
    entries = await run_in_threadpool(redlist.entries, _ctx(request), by=by)
    view = {
        "entries": entries,
        "form": form,
        "problems": problems,
        "may_change": by.may("redlist.change"),
        "today": _ctx(request).today().isoformat(),
    }
    return templates.TemplateResponse(request, "redlist.html", view, status_code=status_code)


@router.post("/ui/redlist", response_class=HTMLResponse)
async def add_to_redlist(
    request: Request, by: Annotated[Principal, allow("redlist.change", page=True)]
) -> Response:
    form = await _form(request)
    fields = {k: v[0] for k, v in form.items()}
    try:
        day = dt.date.fromisoformat(fields["date"]) if fields.get("date") else None
    except ValueError:
        return await _redlist_view(
            request, by, fields, [Problem(f"{fields['date']!r} is not a date", field="date")], 422
        )
    try:
        await run_in_threadpool(
            redlist.add,
            _ctx(request),
            fields.get("name", ""),
            fields.get("country", ""),
            fields.get("reason", ""),
            fields.get("source", ""),
            by=by,
            day=day,
        )
    except InvalidInput as exc:
        return await _redlist_view(request, by, fields, _problems(exc), 422)
    return _see_other("/ui/redlist")


@router.post("/ui/redlist/{ident}/end", response_class=HTMLResponse)
async def end_redlist_entry(
    request: Request, ident: str, by: Annotated[Principal, allow("redlist.change", page=True)]
) -> Response:
    form = await _form(request)
    try:
        day = dt.date.fromisoformat(_one(form, "date")) if _one(form, "date") else None
        await run_in_threadpool(
            redlist.remove, _ctx(request), ident, _one(form, "reason"), by=by, day=day
        )
    except ValueError:
        return await _redlist_view(
            request, by, {}, [Problem(f"{_one(form, 'date')!r} is not a date", field="date")], 422
        )
    except InvalidInput as exc:
        return await _redlist_view(request, by, {}, _problems(exc), 422)
    return _see_other("/ui/redlist")


# a party's ownership picture --------------------------------------------------------------
@router.get("/ui/party", response_class=HTMLResponse)
async def party_page(
    request: Request,
    by: Annotated[Principal, allow("registry.read", page=True)],
    name: str = "",
    country: str = "",
) -> HTMLResponse:
    view: dict[str, Any] = {"name": name, "country": country, "picture": None, "svg": ""}
    if name.strip():
        try:
            picture = await run_in_threadpool(
                graph.neighbourhood, _ctx(request), name.strip(), country=country or None
            )
            view["picture"], view["svg"] = picture, ownership_svg(picture)
        except VeuError as exc:
            view["error"] = exc.message
    return templates.TemplateResponse(request, "party.html", view)
