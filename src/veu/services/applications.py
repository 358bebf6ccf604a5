"""VEU applications: filing (with the automatic pre-check), amending, withdrawing, an officer's
review, and approval creating an authorization. Every move follows `TRANSITIONS` and is
audited; the application, its authorization and the audit record are written in one transaction.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

from veu.errors import Conflict, Forbidden, InvalidInput, NotFound, Problem
from veu.model.application import (
    TRANSITIONS,
    Action,
    ApplicationForm,
    Conditions,
    Status,
    allowed_actions,
)
from veu.model.authorization import Authorization, AuthorizedItem
from veu.model.listings import SourceDocument
from veu.model.registry import PartyRef
from veu.policy.pack import PolicyPack
from veu.policy.precheck import Precheck, precheck
from veu.policy.world import party_key
from veu.services.access import Principal, refused, require, require_party
from veu.services.authorizations import DATASET as AUTHORIZATIONS
from veu.services.context import Context
from veu.services.lists import require_snapshot, write_records
from veu.services.policies import pack_for
from veu.services.world import world_of
from veu.store import audit
from veu.store.programme import ApplicationRow
from veu.store.uow import UnitOfWork

OPEN = [Status.submitted.value, Status.info_requested.value]


def run_precheck(ctx: Context, form: ApplicationForm) -> Precheck:
    """The pre-check of ``form`` against the current snapshot, today."""
    day = ctx.today()
    pack = pack_for(day)
    return precheck(form, world_of(ctx, require_snapshot(ctx), pack), pack, day)


def _event(
    now: dt.datetime, by: Principal, action: str, status: str, note: str | None = None, **extra: Any
) -> dict[str, Any]:
    return {
        "at": now.isoformat(),
        "by": by.name,
        "action": action,
        "status": status,
        **({"note": note} if note else {}),
        **extra,
    }


def file(ctx: Context, form: ApplicationForm, *, by: Principal) -> ApplicationRow:
    """File an application; the pre-check answers at once."""
    require(ctx, by, "applications.file")
    require_party(ctx, by, "applications.file", form.applicant.name)
    result = run_precheck(ctx, form)
    now = ctx.now()
    status = TRANSITIONS[(None, "file")]
    row = ApplicationRow(
        id="APP-" + uuid.uuid4().hex[:12].upper(),
        owner=by.name,
        applicant=form.applicant.name,
        status=status.value,
        recommendation=result.recommendation,
        created_at=now,
        updated_at=now,
        payload=form.model_dump_json(),
        precheck=result.model_dump_json(),
        history=json.dumps(
            [_event(now, by, "file", status.value, recommendation=result.recommendation)]
        ),
        authorization_id=None,
    )
    with ctx.write() as uow:
        uow.applications.add(row)
        audit.append(
            uow.conn,
            at=now,
            actor=by.name,
            action="application.filed",
            subject=row.id,
            payload={
                "applicant": row.applicant,
                "recommendation": result.recommendation,
                "codes": [r.code for r in result.reasons],
                "snapshot": result.snapshot,
                "policy_version": result.policy_version,
            },
        )
        uow.commit()
    return row


def get(ctx: Context, ident: str, *, by: Principal) -> ApplicationRow:
    require(ctx, by, "applications.read", ident)
    with ctx.read() as uow:
        row = uow.applications.get(ident)
    if row is None:
        raise NotFound(f"no application {ident}")
    _own(ctx, row, by, "applications.read")
    return row


def _own(ctx: Context, row: ApplicationRow, by: Principal, action: str) -> None:
    if not by.sees_all and row.owner != by.name:
        raise refused(ctx, by.name, action, row.id, Forbidden(f"application {row.id} is not yours"))


def listing(
    ctx: Context, *, by: Principal, statuses: list[str] | None = None
) -> list[ApplicationRow]:
    """Applications by filing date: all of them for officers and auditors, an applicant's own."""
    require(ctx, by, "applications.read")
    bad = [s for s in statuses or [] if s not in {x.value for x in Status}]
    if bad:
        raise InvalidInput(
            f"unknown status {bad[0]!r}",
            [Problem(f"one of {', '.join(s.value for s in Status)}", field="status")],
        )
    with ctx.read() as uow:
        return uow.applications.list(
            owner=None if by.sees_all else by.name, statuses=statuses or None
        )


def _move(uow: UnitOfWork, ident: str, action: Action) -> tuple[ApplicationRow, Status]:
    row = uow.applications.get(ident, lock=True)
    if row is None:
        raise NotFound(f"no application {ident}")
    current = Status(row.status)
    after = TRANSITIONS.get((current, action))
    if after is None:
        allowed = ", ".join(allowed_actions(current)) or "none"
        raise Conflict(
            f"application {ident} is {current.value}: it cannot {action.replace('_', ' ')} "
            f"(allowed: {allowed})"
        )
    return row, after


def amend(ctx: Context, ident: str, form: ApplicationForm, *, by: Principal) -> ApplicationRow:
    """The applicant replaces its application (while submitted or when asked for information);
    the pre-check runs again and it goes back to the officer's queue."""
    require(ctx, by, "applications.amend", ident)
    current = get(ctx, ident, by=by)
    _own(ctx, current, by, "applications.amend")
    if party_key(form.applicant.name) != party_key(current.applicant):
        raise InvalidInput(
            "an amendment cannot change the applicant",
            [Problem(f"must stay {current.applicant!r}", field="applicant.name")],
        )
    result = run_precheck(ctx, form)
    return _update(
        ctx,
        ident,
        "amend",
        by,
        payload=form.model_dump_json(),
        precheck=result,
        audit_payload={"recommendation": result.recommendation},
    )


def withdraw(ctx: Context, ident: str, *, by: Principal, note: str | None = None) -> ApplicationRow:
    require(ctx, by, "applications.amend", ident)
    _own(ctx, get(ctx, ident, by=by), by, "applications.amend")
    return _update(ctx, ident, "withdraw", by, note=note)


def deny(ctx: Context, ident: str, reason: str, *, by: Principal) -> ApplicationRow:
    require(ctx, by, "applications.review", ident)
    _need_text(reason, "reason")
    return _update(ctx, ident, "deny", by, note=reason, audit_payload={"reason": reason})


def request_info(ctx: Context, ident: str, text: str, *, by: Principal) -> ApplicationRow:
    require(ctx, by, "applications.review", ident)
    _need_text(text, "request_info")
    return _update(ctx, ident, "request_info", by, note=text, audit_payload={"request": text})


def _need_text(text: str, field: str) -> None:
    if not text or not text.strip():
        raise InvalidInput(f"{field} is blank", [Problem("give a text", field=field)])


def _update(
    ctx: Context,
    ident: str,
    action: Action,
    by: Principal,
    *,
    note: str | None = None,
    payload: str | None = None,
    precheck: Precheck | None = None,
    audit_payload: dict[str, Any] | None = None,
) -> ApplicationRow:
    now = ctx.now()
    with ctx.write() as uow:
        row, after = _move(uow, ident, action)
        history = json.loads(row.history)
        history.append(_event(now, by, action, after.value, note))
        values: dict[str, Any] = {
            "status": after.value,
            "updated_at": now,
            "history": json.dumps(history, ensure_ascii=False),
        }
        if payload is not None:
            values["payload"] = payload
        if precheck is not None:
            values["precheck"] = precheck.model_dump_json()
            values["recommendation"] = precheck.recommendation
        uow.applications.update(ident, **values)
        audit.append(
            uow.conn,
            at=now,
            actor=by.name,
            action=f"application.{action}",
            subject=ident,
            payload={"status": after.value, **(audit_payload or {})},
        )
        updated = uow.applications.get(ident)
        uow.commit()
    assert updated is not None
    return updated


def approve(
    ctx: Context, ident: str, conditions: Conditions, *, by: Principal
) -> tuple[ApplicationRow, Authorization]:
    """Approve with conditions: the authorization is created in the same transaction."""
    require(ctx, by, "applications.review", ident)
    now = ctx.now()
    pack = pack_for(ctx.today())
    with ctx.write() as uow:
        row, after = _move(uow, ident, "approve")
        form = ApplicationForm.model_validate_json(row.payload)
        auth = authorization_for(row.id, form, conditions, pack, ctx.today(), by)
        write_records(
            uow,
            AUTHORIZATIONS,
            [auth],
            now=now,
            source="veu-programme",
            label=f"application {row.id}",
            actor=by.name,
            action="authorization.granted",
        )
        history = json.loads(row.history)
        history.append(_event(now, by, "approve", after.value, authorization=auth.id))
        uow.applications.update(
            ident,
            status=after.value,
            updated_at=now,
            history=json.dumps(history, ensure_ascii=False),
            authorization_id=auth.id,
        )
        audit.append(
            uow.conn,
            at=now,
            actor=by.name,
            action="application.approve",
            subject=ident,
            payload={
                "status": after.value,
                "authorization": auth.model_dump(mode="json", exclude_none=True),
            },
        )
        updated = uow.applications.get(ident)
        uow.commit()
    assert updated is not None
    return updated, auth


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def authorization_for(
    application: str,
    form: ApplicationForm,
    conditions: Conditions,
    pack: PolicyPack,
    today: dt.date,
    by: Principal,
) -> Authorization:
    """The authorization an approval grants: the officer's conditions, the application's items
    where the officer names none, from today for the pack's default validity."""
    problems = []
    facilities: list[str] = []
    by_id = {f.id: f for f in form.facilities}
    for i, named in enumerate(conditions.facilities or []):
        facility = by_id.get(named)
        if facility is None:
            problems.append(
                Problem(
                    f"{named!r} is not a facility of the application ({', '.join(by_id)})",
                    field=f"facilities.{i}",
                )
            )
            continue
        facilities += [facility.id, facility.address]
    exporters = {party_key(e.name): e for e in form.exporters}
    refs = []
    for name in conditions.exporters or []:
        known = exporters.get(party_key(name))
        refs.append(
            PartyRef(name=known.name, country=known.country, identifiers=known.identifier_list())
            if known
            else PartyRef(name=name)
        )
    if conditions.items is not None:
        items = tuple(
            AuthorizedItem(
                elements=(c.element,), forms=tuple(c.forms), annual_cap_kg=c.annual_cap_kg
            )
            for c in conditions.items
        )
    else:
        items = tuple(
            AuthorizedItem(
                elements=(r.element,), forms=tuple(r.forms), annual_cap_kg=r.annual_quantity_kg
            )
            for r in form.items
        )
    start = conditions.valid_from or today
    end = conditions.valid_until or _add_years(start, pack.programme.validity_years)
    if end <= start:
        problems.append(Problem(f"{end} is not after {start}", field="valid_until"))
    if problems:
        raise InvalidInput("the conditions do not fit the application", problems)
    applicant = form.applicant
    return Authorization(
        id="VEU-" + application.removeprefix("APP-"),
        holder=PartyRef(
            name=applicant.name,
            country=applicant.country,
            identifiers=applicant.identifier_list(),
        ),
        valid_from=start,
        valid_until=end,
        items=items,
        exporters=tuple(refs),
        facilities=tuple(facilities),
        source=SourceDocument(
            title=f"VEU approval of application {application}",
            date=today,
            authority=by.name,
        ),
        application=application,
    )


def recheck_open(ctx: Context, *, actor: str) -> list[tuple[str, str, str]]:
    """Run the pre-check again on every open application (after a list or registry change);
    returns (application, recommendation before, after) for those whose recommendation
    changed, each with a notice for officers."""
    with ctx.read() as uow:
        rows = uow.applications.list(statuses=OPEN)
    changed: list[tuple[str, str, str]] = []
    for row in rows:
        result = run_precheck(ctx, ApplicationForm.model_validate_json(row.payload))
        if _stored(result.model_dump_json()) == _stored(row.precheck):
            continue
        now = ctx.now()
        with ctx.write() as uow:
            uow.applications.update(
                row.id,
                precheck=result.model_dump_json(),
                recommendation=result.recommendation,
                updated_at=now,
            )
            if result.recommendation != row.recommendation:
                changed.append((row.id, row.recommendation, result.recommendation))
                uow.notices.add(
                    at=now,
                    kind="application.recheck",
                    subject=row.id,
                    message=f"The pre-check of {row.id} ({row.applicant}) now recommends "
                    f"{result.recommendation} (was {row.recommendation}).",
                    payload={"codes": [r.code for r in result.reasons]},
                )
            audit.append(
                uow.conn,
                at=now,
                actor=actor,
                action="application.recheck",
                subject=row.id,
                payload={
                    "before": row.recommendation,
                    "after": result.recommendation,
                    "snapshot": result.snapshot,
                },
            )
            uow.commit()
    return changed


def _stored(precheck_json: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(precheck_json)
    data.pop("snapshot", None)
    data.pop("date", None)
    return data
