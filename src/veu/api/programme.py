"""HTTP routes of the VEU programme: applications and their review, authorizations, the red
list, recorded shipments, notices, monitoring and the audit log. Thin: each route checks the
caller's role (`veu.api.auth.allow`) and calls one service."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, ConfigDict, Field

from veu.api.auth import allow, anyone
from veu.model.application import ApplicationForm, Conditions
from veu.model.decision import Decision
from veu.model.shipment import ShipmentRequest
from veu.services import applications, authorizations, monitoring, redlist, shipments
from veu.services.access import Principal
from veu.services.context import Context
from veu.store import audit

router = APIRouter()
ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"description": "No valid API key or session"},
    403: {"description": "The caller's role may not do this, or it is not the caller's"},
    404: {"description": "No such application, authorization or entry"},
    409: {"description": "The move is not allowed from the current state"},
    422: {"description": "Invalid request: every bad field is named in `error.problems`"},
}


def _ctx(request: Request) -> Context:
    ctx: Context = request.app.state.ctx
    return ctx


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PrecheckOut(BaseModel):
    id: str
    status: str
    recommendation: Literal["approve", "review", "deny"]
    reasons: list[dict[str, Any]]


def _precheck_out(row: Any) -> PrecheckOut:
    data = row.as_dict()
    return PrecheckOut(
        id=row.id,
        status=row.status,
        recommendation=data["recommendation"],
        reasons=data["precheck"]["reasons"],
    )


@router.get("/me", tags=["users"], responses=ERRORS)
def me(by: Annotated[Principal, anyone()]) -> dict[str, Any]:
    """Who the key or session belongs to, and its role."""
    return {"name": by.name, "role": by.role, "party": by.party}


# applications ------------------------------------------------------------------------------
@router.post(
    "/applications",
    response_model=PrecheckOut,
    status_code=201,
    tags=["applications"],
    responses=ERRORS,
)
async def file_application(
    request: Request, form: ApplicationForm, by: Annotated[Principal, allow("applications.file")]
) -> PrecheckOut:
    """File a VEU application (applicants, for their own company). The automatic pre-check
    answers at once: ``approve``, ``review`` or ``deny``, with its reasons."""
    row = await run_in_threadpool(applications.file, _ctx(request), form, by=by)
    return _precheck_out(row)


@router.get("/applications", tags=["applications"], responses=ERRORS)
def list_applications(
    request: Request,
    by: Annotated[Principal, allow("applications.read")],
    status: Annotated[list[str] | None, Query()] = None,
) -> list[dict[str, Any]]:
    """Applications, oldest first (officers and auditors: all; applicants: their own)."""
    return [
        {k: v for k, v in row.as_dict().items() if k != "application"}
        for row in applications.listing(_ctx(request), by=by, statuses=status)
    ]


@router.get("/applications/{ident}", tags=["applications"], responses=ERRORS)
def get_application(
    request: Request, ident: str, by: Annotated[Principal, allow("applications.read")]
) -> dict[str, Any]:
    return applications.get(_ctx(request), ident, by=by).as_dict()


@router.put("/applications/{ident}", response_model=PrecheckOut, tags=["applications"])
async def amend_application(
    request: Request,
    ident: str,
    form: ApplicationForm,
    by: Annotated[Principal, allow("applications.amend")],
) -> PrecheckOut:
    """Replace an application (while submitted, or when information was asked for): the
    pre-check runs again and it goes back to the queue."""
    row = await run_in_threadpool(applications.amend, _ctx(request), ident, form, by=by)
    return _precheck_out(row)


class Withdrawal(Strict):
    note: str | None = Field(None, max_length=2000)


@router.post("/applications/{ident}/withdraw", tags=["applications"], responses=ERRORS)
def withdraw_application(
    request: Request,
    ident: str,
    body: Withdrawal,
    by: Annotated[Principal, allow("applications.amend")],
) -> dict[str, Any]:
    return applications.withdraw(_ctx(request), ident, by=by, note=body.note).as_dict()


class Approve(Strict):
    decision: Literal["approve"]
    conditions: Conditions = Field(default_factory=Conditions)


class Deny(Strict):
    decision: Literal["deny"]
    reason: str = Field(min_length=1, max_length=5000)


class RequestInfo(Strict):
    decision: Literal["request_info"]
    text: str = Field(min_length=1, max_length=5000)


Review = Annotated[Approve | Deny | RequestInfo, Field(discriminator="decision")]


@router.post("/applications/{ident}/review", tags=["applications"], responses=ERRORS)
async def review_application(
    request: Request,
    ident: str,
    review: Review,
    by: Annotated[Principal, allow("applications.review")],
) -> dict[str, Any]:
    """An officer approves with conditions (omitted lists: the items asked for, any facility,
    any exporter; omitted dates: from today for one year), denies with a reason, or asks for
    information. Approval returns the new authorization."""
    ctx = _ctx(request)
    if isinstance(review, Approve):
        row, auth = await run_in_threadpool(
            applications.approve, ctx, ident, review.conditions, by=by
        )
        return {
            **row.as_dict(),
            "authorization": auth.model_dump(mode="json", exclude_none=True),
        }
    if isinstance(review, Deny):
        return applications.deny(ctx, ident, review.reason, by=by).as_dict()
    return applications.request_info(ctx, ident, review.text, by=by).as_dict()


# authorizations ---------------------------------------------------------------------------
@router.get("/authorizations", tags=["authorizations"], responses=ERRORS)
def get_authorizations(
    request: Request,
    by: Annotated[Principal, allow("authorizations.read")],
    holder: str | None = None,
    date: dt.date | None = None,
) -> list[dict[str, Any]]:
    """Authorizations with their state on the date (default today) and what is left of each
    annual quantity (officers and auditors: all; applicants: their own)."""
    return authorizations.visible(_ctx(request), by=by, holder=holder, day=date)


class Change(Strict):
    reason: str = Field(min_length=1, max_length=5000)


@router.post("/authorizations/{ident}/{action}", tags=["authorizations"], responses=ERRORS)
def change_authorization(
    request: Request,
    ident: str,
    action: Literal["suspend", "reinstate", "revoke"],
    body: Change,
    by: Annotated[Principal, allow("authorizations.change")],
) -> dict[str, Any]:
    """An officer suspends, reinstates or revokes an authorization from today."""
    auth = authorizations.change(_ctx(request), ident, action, body.reason, by=by)
    return auth.model_dump(mode="json", exclude_none=True)


# red list ---------------------------------------------------------------------------------
class RedListEntry(Strict):
    name: str = Field(min_length=1, max_length=500)
    country: str = Field(pattern=r"^[A-Z]{2}$")
    reason: str = Field(min_length=1, max_length=5000)
    source: str = Field(min_length=1, max_length=2000, description="URL of the source.")
    date: dt.date | None = Field(None, description="Listed from (default today).")
    aliases: list[str] = Field(default_factory=list, max_length=20)


class RedListEnd(Strict):
    reason: str = Field(min_length=1, max_length=5000)
    date: dt.date | None = Field(None, description="Ended from (default today).")
    source: str | None = Field(None, max_length=2000)


@router.get("/redlist", tags=["red list"], responses=ERRORS)
def get_redlist(
    request: Request, by: Annotated[Principal, allow("redlist.read")], date: dt.date | None = None
) -> list[dict[str, Any]]:
    """The authority's military end-user red list, each entry with its status on the date."""
    return redlist.entries(_ctx(request), by=by, day=date)


@router.post("/redlist", status_code=201, tags=["red list"], responses=ERRORS)
async def add_to_redlist(
    request: Request, entry: RedListEntry, by: Annotated[Principal, allow("redlist.change")]
) -> dict[str, Any]:
    """List a military end user (officers). Holders are re-checked at once."""
    listing = await run_in_threadpool(
        redlist.add,
        _ctx(request),
        entry.name,
        entry.country,
        entry.reason,
        entry.source,
        by=by,
        day=entry.date,
        aliases=entry.aliases,
    )
    return listing.model_dump(mode="json", exclude_defaults=True)


@router.post("/redlist/{ident}/end", tags=["red list"], responses=ERRORS)
async def end_redlist_entry(
    request: Request,
    ident: str,
    body: RedListEnd,
    by: Annotated[Principal, allow("redlist.change")],
) -> dict[str, Any]:
    """End a red-list entry from a date (it is never deleted)."""
    listing = await run_in_threadpool(
        redlist.remove, _ctx(request), ident, body.reason, by=by, day=body.date, source=body.source
    )
    return listing.model_dump(mode="json", exclude_defaults=True)


# shipments --------------------------------------------------------------------------------
class ShipmentOut(Decision):
    shipment_id: str
    decision_id: str
    drawn_kg: dict[str, float]


@router.post("/shipments", response_model=ShipmentOut, status_code=201, tags=["shipments"])
async def record_shipment(
    request: Request,
    shipment: ShipmentRequest,
    by: Annotated[Principal, allow("shipments.record")],
) -> ShipmentOut:
    """Record a shipment (exporters, their own): it is decided again and, under a general
    licence, its quantities are drawn down from the authorization's annual caps, in one
    transaction. A shipment that no longer fits gets ``licence_required``."""
    sid, did, decision, drawn = await run_in_threadpool(
        shipments.record, _ctx(request), shipment, by=by
    )
    return ShipmentOut(
        shipment_id=sid,
        decision_id=did,
        drawn_kg={str(i): kg for i, kg in drawn.items()},
        **decision.model_dump(),
    )


@router.get("/shipments", tags=["shipments"], responses=ERRORS)
def list_shipments(
    request: Request, by: Annotated[Principal, allow("shipments.read")]
) -> list[dict[str, Any]]:
    """Recorded shipments, newest first (exporters: their own)."""
    return shipments.listing(_ctx(request), by=by)


# monitoring and audit ---------------------------------------------------------------------
@router.get("/notices", tags=["monitoring"], responses=ERRORS)
def get_notices(
    request: Request, by: Annotated[Principal, allow("notices.read")]
) -> list[dict[str, Any]]:
    """What officers must see: suspensions by monitoring, pre-checks that changed."""
    return monitoring.notices(_ctx(request), by=by)


@router.post("/monitoring/run", tags=["monitoring"], responses=ERRORS)
async def run_monitoring(
    request: Request, by: Annotated[Principal, allow("authorizations.change")]
) -> dict[str, Any]:
    """Check every holder and open application again now (it also runs after each change)."""
    report = await run_in_threadpool(
        monitoring.recheck, _ctx(request), actor=by.name, cause="a run requested by an officer"
    )
    return report.as_dict()


@router.get("/audit/verify", tags=["audit"], responses=ERRORS)
def verify_audit(request: Request, by: Annotated[Principal, allow("audit.read")]) -> dict[str, Any]:
    """Check the audit log's hash chain: OK, or the first record altered, removed or
    reordered."""
    with _ctx(request).read() as uow:
        result = audit.verify(uow.conn)
    return {
        "ok": result.ok,
        "records": result.records,
        "first_bad_seq": result.first_bad_seq,
        "reason": result.reason,
    }
