"""Web pages for people: server-rendered, progressively enhanced (no build step)."""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources
from typing import Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from pydantic import ValidationError

from veu.errors import InvalidInput, Problem, VeuError
from veu.model.shipment import ShipmentRequest
from veu.services import decisions, screening
from veu.services.context import Context
from veu.yamldoc import validate

templates = Jinja2Templates(directory=str(resources.files("veu.web") / "templates"))
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
async def screen_page(request: Request) -> HTMLResponse:
    ctx: Context = request.app.state.ctx
    view = await run_in_threadpool(_screen_context, ctx, dict(request.query_params))
    return templates.TemplateResponse(request, "screen.html", view)


@router.get("/ui/screen", response_class=HTMLResponse)
async def screen_partial(request: Request) -> HTMLResponse:
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


def _decide_context(ctx: Context, text: str | None) -> dict[str, Any]:
    view: dict[str, Any] = {
        "form": {"request": text or json.dumps(EXAMPLE, indent=2)},
        "decision": None,
        "decision_id": None,
        "problems": [],
        "error": None,
    }
    if text is None:
        return view
    try:
        request: ShipmentRequest = validate(text, "request", ShipmentRequest, "shipment request")
        view["decision_id"], view["decision"] = decisions.decide_shipment(ctx, request, actor="web")
    except InvalidInput as exc:
        view["problems"] = exc.problems or [Problem(reason=exc.message)]
    except VeuError as exc:
        view["error"] = exc.message
    return view


@router.get("/decide", response_class=HTMLResponse)
async def decide_page(request: Request) -> HTMLResponse:
    view = _decide_context(request.app.state.ctx, None)
    return templates.TemplateResponse(request, "decide.html", view)


@router.post("/decide", response_class=HTMLResponse)
async def decide_submit(request: Request) -> HTMLResponse:
    text = await _request_text(request)
    view = await run_in_threadpool(_decide_context, request.app.state.ctx, text)
    return templates.TemplateResponse(request, "decide.html", view)


@router.post("/ui/decide", response_class=HTMLResponse)
async def decide_partial(request: Request) -> HTMLResponse:
    text = await _request_text(request)
    view = await run_in_threadpool(_decide_context, request.app.state.ctx, text)
    return templates.TemplateResponse(request, "_decision.html", view)


async def _request_text(request: Request) -> str:
    """The ``request`` field of a form post (URL-encoded; no multipart needed)."""
    body = (await request.body()).decode("utf-8", errors="replace")
    return parse_qs(body).get("request", [""])[0]


@router.get("/static/{name}")
async def static(name: str) -> HTMLResponse:
    media = {"css": "text/css", "js": "text/javascript"}
    suffix = name.rsplit(".", 1)[-1]
    file = _STATIC / name
    if "/" in name or suffix not in media or not file.is_file():
        return HTMLResponse("not found", status_code=404)
    return HTMLResponse(file.read_text("utf-8"), media_type=media[suffix])
