"""HTTP routes for shipment decisions, policy packs, the ownership graph and officers' links."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field

from veu.api.auth import allow
from veu.model.decision import Decision
from veu.model.registry import PartyRef
from veu.model.shipment import ShipmentRequest
from veu.services import decisions, graph, policies, registry
from veu.services.access import Principal
from veu.services.context import Context

router = APIRouter()
ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"description": "No such decision, snapshot or policy version"},
    422: {"description": "Invalid request: every bad field is named in `error.problems`"},
}


class DecisionOut(Decision):
    decision_id: str | None = Field(None, description="Id of the recorded decision.")


class LinkJudgement(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1)
    country: str | None = Field(None, pattern=r"^[A-Z]{2}$")
    listing_id: str = Field(min_length=1)
    verdict: Literal["confirmed", "rejected"]
    officer: str | None = Field(
        None, description="Ignored: the judgement is recorded under the caller's name."
    )
    note: str | None = None


def _ctx(request: Request) -> Context:
    ctx: Context = request.app.state.ctx
    return ctx


@router.post("/decisions", response_model=DecisionOut, tags=["decisions"], responses=ERRORS)
async def post_decision(
    request: Request,
    shipment: ShipmentRequest,
    by: Annotated[Principal, allow("decisions.create")],
    as_of_snapshot: str | None = Query(None, description="Decide against this snapshot."),
    policy_version: str | None = Query(None, description="Use this pack version."),
    record: bool = Query(True, description="Record the decision (with an audit entry)."),
) -> DecisionOut:
    """Decide a shipment: one outcome, every reason (code, message, clause, evidence), and the
    policy version and snapshot used. Re-running with them gives the identical answer."""
    ident, decision = await run_in_threadpool(
        decisions.decide_shipment,
        _ctx(request),
        shipment,
        snapshot=as_of_snapshot,
        policy=policy_version,
        actor=by.name,
        record=record,
    )
    return DecisionOut(decision_id=ident, **decision.model_dump())


@router.get("/decisions", tags=["decisions"], responses=ERRORS)
def list_decisions(
    request: Request, by: Annotated[Principal, allow("decisions.read")]
) -> list[dict[str, Any]]:
    """Recorded decisions, newest first (exporters: their own)."""
    return decisions.listing(_ctx(request), by=by)


@router.get("/decisions/{ident}", response_model=DecisionOut, tags=["decisions"], responses=ERRORS)
def get_decision(
    request: Request, ident: str, by: Annotated[Principal, allow("decisions.read")]
) -> DecisionOut:
    row = decisions.get(_ctx(request), ident, by=by)
    return DecisionOut(
        decision_id=row.id, **Decision.model_validate_json(row.decision).model_dump()
    )


@router.get("/decisions/{ident}/export", tags=["decisions"], responses=ERRORS)
def export_decision(
    request: Request, ident: str, by: Annotated[Principal, allow("decisions.read")]
) -> dict[str, Any]:
    """The decision with everything needed to justify it (exporters: their own)."""
    decisions.get(_ctx(request), ident, by=by)
    return decisions.export(_ctx(request), ident)


@router.get("/schemas/shipment-request", tags=["decisions"])
def shipment_schema(_by: Annotated[Principal, allow("policy.read")]) -> dict[str, Any]:
    """JSON Schema of the shipment request (also in the OpenAPI document)."""
    return ShipmentRequest.model_json_schema()


@router.get("/policy", tags=["policy"], responses=ERRORS)
def get_policy(
    request: Request,
    _by: Annotated[Principal, allow("policy.read")],
    date: dt.date | None = None,
    version: str | None = None,
) -> dict[str, Any]:
    """The policy pack in force on a date (default today), or a given version."""
    day = date or _ctx(request).today()
    pack = policies.pack_for(day, version=version)
    return {
        **pack.model_dump(mode="json", by_alias=True),
        "as_of": {
            "date": day.isoformat(),
            "controlled_elements": sorted(pack.elements_in_force(day)),
            "extraterritorial_rule_in_force": pack.extraterritorial.in_force(day),
        },
    }


@router.get("/graph/explain", tags=["graph"], responses=ERRORS)
async def explain(
    request: Request,
    _by: Annotated[Principal, allow("registry.read")],
    name: str = Query(min_length=1),
    country: str | None = Query(None, pattern=r"^[A-Z]{2}$"),
    date: dt.date | None = None,
) -> dict[str, Any]:
    """Why a party counts as listed or is defense-linked, edge by edge."""
    return await run_in_threadpool(graph.explain, _ctx(request), name, country=country, day=date)


@router.post("/links", tags=["graph"], responses=ERRORS)
async def post_link(
    request: Request,
    judgement: LinkJudgement,
    by: Annotated[Principal, allow("registry.change")],
) -> dict[str, Any]:
    """An officer records that a party is (confirmed) or is not (rejected) a listing. Holders
    and open applications are re-checked at once."""
    result = await run_in_threadpool(
        registry.judge_link,
        _ctx(request),
        PartyRef(name=judgement.name, country=judgement.country),
        judgement.listing_id,
        judgement.verdict,
        officer=by.name,
        note=judgement.note,
    )
    return {"snapshot": result.snapshot, "changed": result.changed}
