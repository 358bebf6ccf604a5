"""VEU authorizations in the snapshot: importing them (an officer's file), an officer's
suspension, reinstatement or revocation, suspension by monitoring, and listing them with what is
left of their annual quantities. Each change is a new version of the authorizations dataset."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from veu.errors import Conflict, InvalidInput, NotFound, Problem
from veu.ingest.common import ImportReport, read_utf8
from veu.model import ListInfo
from veu.model.authorization import (
    AUTHORIZATION_MOVES,
    Authorization,
    AuthorizationAction,
    AuthorizationEvent,
)
from veu.policy.world import party_key
from veu.services.access import Principal, require
from veu.services.context import Context
from veu.services.lists import ImportResult, commit_records, require_snapshot, write_records
from veu.store.uow import UnitOfWork
from veu.yamldoc import validate

DATASET = ListInfo(
    id="veu-authorizations",
    title="VEU authorizations",
    authority="the licensing authority",
    dataset="authorizations",
)


class AuthorizationsFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    authorizations: list[Authorization]


def import_authorizations(ctx: Context, path: Path, *, actor: str = "cli") -> ImportResult:
    """Add or replace (by id) the authorizations in a YAML or JSON file."""
    if not path.is_file():
        raise InvalidInput(f"{path} is not a file", [Problem("no such file", file=str(path))])
    document: AuthorizationsFile = validate(
        read_utf8(path), path.name, AuthorizationsFile, "authorizations file"
    )
    ids = [a.id for a in document.authorizations]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise InvalidInput(
            f"{path.name} repeats authorization ids",
            [Problem(f"{i} appears more than once", file=path.name, field="id") for i in repeated],
        )
    report = ImportReport(source="authorizations", files=[str(path)], rows=len(ids))
    return commit_records(
        ctx,
        DATASET,
        list(document.authorizations),
        source="authorizations",
        label=path.name,
        actor=actor,
        action="authorizations.import",
        report=report,
    )


def change(
    ctx: Context, ident: str, action: AuthorizationAction, reason: str, *, by: Principal
) -> Authorization:
    """An officer suspends, reinstates or revokes an authorization from today, with a reason.
    Moves follow `AUTHORIZATION_MOVES`; anything else is refused."""
    require(ctx, by, "authorizations.change", ident)
    if not reason.strip():
        raise InvalidInput("a reason is required", [Problem("blank", field="reason")])
    now, day = ctx.now(), ctx.today()
    with ctx.write() as uow:
        auth = _current(uow).get(ident)
        if auth is None:
            raise NotFound(f"no authorization {ident}")
        state = auth.state_on(day)
        event = AUTHORIZATION_MOVES.get((state, action))
        if event is None:
            raise Conflict(
                f"authorization {ident} is {state.replace('_', ' ')}: it cannot {action}"
            )
        changed = auth.with_event(
            AuthorizationEvent(status=event, start=day, reason=reason.strip(), by=by.name)
        )
        write_records(
            uow,
            DATASET,
            [changed],
            now=now,
            source="veu-programme",
            label=ident,
            actor=by.name,
            action=f"authorization.{event}",
        )
        uow.commit()
    return changed


def _current(uow: UnitOfWork) -> dict[str, Authorization]:
    """The authorizations of the current snapshot, read under the head lock."""
    head = uow.lists.head(lock=True)
    if head.id is None:
        return {}
    return {a.id: a for a in uow.lists.records(head.id, "authorizations")}


def suspend(
    uow: UnitOfWork, reasons: dict[str, str], *, now: dt.datetime, actor: str
) -> list[Authorization]:
    """Suspend from today, in the caller's transaction, the authorizations in ``reasons`` that
    are active or not yet valid (the others are left as they are)."""
    current = _current(uow)
    day = now.date()
    changed = []
    for ident, reason in sorted(reasons.items()):
        auth = current.get(ident)
        if auth is None or (auth.state_on(day), "suspend") not in AUTHORIZATION_MOVES:
            continue
        changed.append(
            auth.with_event(
                AuthorizationEvent(status="suspended", start=day, reason=reason, by=actor)
            )
        )
    if changed:
        write_records(
            uow,
            DATASET,
            changed,
            now=now,
            source="monitoring",
            label=", ".join(a.id for a in changed),
            actor=actor,
            action="authorization.suspended",
        )
    return changed


def visible(
    ctx: Context, *, by: Principal, holder: str | None = None, day: dt.date | None = None
) -> list[dict[str, Any]]:
    """The authorizations the principal may see (an applicant: those granted on its
    applications or held by its company), with their state on ``day`` and what is left of each
    annual quantity, recorded shipments included."""
    require(ctx, by, "authorizations.read")
    day = day or ctx.today()
    snapshot = require_snapshot(ctx)
    with ctx.read() as uow:
        items: list[Authorization] = uow.lists.records(snapshot, "authorizations")
        usage = uow.shipments.usage(upto=uow.shipments.last_seq(), around=day)
        mine = {r.id for r in uow.applications.list(owner=by.name)} if not by.sees_all else set()
    own_key = party_key(by.party) if by.party else None
    out = []
    for a in items:
        if not by.sees_all and a.application not in mine and party_key(a.holder.name) != own_key:
            continue
        if holder and not _holder_matches(a, holder):
            continue
        a = a.model_copy(update={"usage": (*a.usage, *usage.get(a.id, ()))})
        last = a.last_event()
        out.append(
            {
                "id": a.id,
                "holder": a.holder.name,
                "country": a.holder.country,
                "state": a.state_on(day),
                "valid_from": a.valid_from.isoformat(),
                "valid_until": a.valid_until.isoformat(),
                "application": a.application,
                "exporters": [r.name for r in a.exporters],
                "facilities": list(a.facilities),
                "last_event": last.model_dump(mode="json", exclude_none=True) if last else None,
                "items": [
                    {
                        "elements": list(i.elements),
                        "forms": [f.value for f in i.forms],
                        "annual_cap_kg": i.annual_cap_kg,
                        "used_kg": a.used_kg(n, day),
                        "remaining_kg": round(i.annual_cap_kg - a.used_kg(n, day), 6),
                    }
                    for n, i in enumerate(a.items)
                ],
            }
        )
    return out


def _holder_matches(auth: Authorization, holder: str) -> bool:
    wanted = holder.strip().casefold()
    return wanted in auth.holder.name.casefold() or party_key(holder) == party_key(auth.holder.name)
