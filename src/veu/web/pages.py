"""Web pages for people: server-rendered, progressively enhanced (no build step)."""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources
from typing import Annotated, Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from veu.api.auth import allow, anyone
from veu.errors import InvalidInput, Problem, VeuError
from veu.model.shipment import ShipmentRequest
from veu.services import decisions, screening, shipments
from veu.services.access import Principal
from veu.services.context import Context
from veu.web.templating import templates
from veu.yamldoc import validate

router = APIRouter(include_in_schema=False)
_STATIC = resources.files("veu.web") / "static"


def _screen_context(ctx: Context, params: dict[str, str]) -> dict[str, Any]:
    name = params.get("name", "").strip()
    form = {"name": name, "country": params.get("country", ""), "date": params.get("date", "")}
    view: dict[str, Any] = {"form": form, "result": None, "problems": [], "error": None}
    if not name:
        return view
    try:
        day = dt.date.fromisoformat(form["date"]) if form["date"] else None
    except ValueError:
        view["problems"] = [Problem(reason=f"{form['date']!r} is not a date", field="date")]
        return view
    try:
        request = screening.ScreenRequest(name=name, country=form["country"] or None, date=day)
        view["result"] = screening.screen(ctx, request)
    except ValidationError as exc:
        view["problems"] = [
            Problem(reason=e["msg"], field=".".join(map(str, e["loc"]))) for e in exc.errors()
        ]
    except InvalidInput as exc:
        view["problems"] = exc.problems or [Problem(reason=exc.message)]
    except VeuError as exc:
        view["error"] = exc.message
    return view


@router.get("/", response_class=HTMLResponse)
async def screen_page(request: Request, by: Annotated[Principal, anyone(page=True)]) -> Response:
    """The screening page; people whose role does not screen go to their applications."""
    if not by.may("screen"):
        return RedirectResponse("/ui/applications", status_code=303)
    ctx: Context = request.app.state.ctx
    view = await run_in_threadpool(_screen_context, ctx, dict(request.query_params))
    return templates.TemplateResponse(request, "screen.html", view)


@router.get("/ui/screen", response_class=HTMLResponse)
async def screen_partial(
    request: Request, _by: Annotated[Principal, allow("screen", page=True)]
) -> HTMLResponse:
    ctx: Context = request.app.state.ctx
    view = await run_in_threadpool(_screen_context, ctx, dict(request.query_params))
    return templates.TemplateResponse(request, "_results.html", view)


EXAMPLE = {
    "date": "2025-06-01",
    "exporter": {"name": "Ganzhou Rare Earth Co., Ltd.", "country": "CN"},
    "consignee": {"name": "Gulfstream Aerospace Corporation", "country": "US"},
    "items": [
        {
            "description": "samarium-cobalt magnets",
            "elements": ["Sm", "Co"],
            "form": "magnet",
            "quantity_kg": 50,
            "value": 20000,
            "origin": "CN",
        }
    ],
    "end_use": {
        "category": "civil",
        "sector": "aerospace",
        "description": "business-jet actuators",
    },
}


def _decide_context(
    ctx: Context, by: Principal, text: str | None, record: bool = False
) -> dict[str, Any]:
    view: dict[str, Any] = {
        "form": {"request": text or json.dumps(EXAMPLE, indent=2), "record": record},
        "decision": None,
        "decision_id": None,
        "shipment_id": None,
        "drawn": None,
        "may_record": by.may("shipments.record"),
        "problems": [],
        "error": None,
    }
    if text is None:
        return view
    try:
        request: ShipmentRequest = validate(text, "request", ShipmentRequest, "shipment request")
        if record:
            sid, did, decision, drawn = shipments.record(ctx, request, by=by)
            view.update(shipment_id=sid, decision_id=did, decision=decision, drawn=drawn)
        else:
            view["decision_id"], view["decision"] = decisions.decide_shipment(
                ctx, request, actor=by.name
            )
    except InvalidInput as exc:
        view["problems"] = exc.problems or [Problem(reason=exc.message)]
    except VeuError as exc:
        view["error"] = exc.message
    return view


@router.get("/decide", response_class=HTMLResponse)
async def decide_page(
    request: Request, by: Annotated[Principal, allow("decisions.create", page=True)]
) -> HTMLResponse:
    view = _decide_context(request.app.state.ctx, by, None)
    return templates.TemplateResponse(request, "decide.html", view)


@router.post("/decide", response_class=HTMLResponse)
async def decide_submit(
    request: Request, by: Annotated[Principal, allow("decisions.create", page=True)]
) -> HTMLResponse:
    text, record = await _request_text(request)
    view = await run_in_threadpool(_decide_context, request.app.state.ctx, by, text, record)
    return templates.TemplateResponse(request, "decide.html", view)


@router.post("/ui/decide", response_class=HTMLResponse)
async def decide_partial(
    request: Request, by: Annotated[Principal, allow("decisions.create", page=True)]
) -> HTMLResponse:
    text, record = await _request_text(request)
    view = await run_in_threadpool(_decide_context, request.app.state.ctx, by, text, record)
    return templates.TemplateResponse(request, "_decision.html", view)


async def _request_text(request: Request) -> tuple[str, bool]:
    """The ``request`` field of a form post (URL-encoded; no multipart needed), and whether
    the shipment is to be recorded (``record=yes``)."""
    body = parse_qs((await request.body()).decode("utf-8", errors="replace"))
    return body.get("request", [""])[0], body.get("record", [""])[0] == "yes"


@router.get("/static/{name}")
async def static(name: str) -> HTMLResponse:
    media = {"css": "text/css", "js": "text/javascript"}
    suffix = name.rsplit(".", 1)[-1]
    file = _STATIC / name
    if "/" in name or suffix not in media or not file.is_file():
        return HTMLResponse("not found", status_code=404)
    return HTMLResponse(file.read_text("utf-8"), media_type=media[suffix])
