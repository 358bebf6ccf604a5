"""The authority's own military end-user red list (``cn-meu``), kept by officers by hand.

An entry is a listing with its source, reason and date. Removing one ends it from a date (a
``stopped`` status event): nothing is ever deleted, so a decision of any earlier date replays
the same. Each change is followed at once by monitoring (`veu.services.monitoring`).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any
from urllib.parse import urlparse

from veu.errors import Conflict, InvalidInput, NotFound, Problem
from veu.model import Listing, Name, SourceDocument, StatusEvent
from veu.model.catalogue import OWN_RED_LIST
from veu.model.iso3166 import ALPHA_2
from veu.model.parties import PartyKind
from veu.policy.explain import listing_evidence
from veu.policy.world import party_key
from veu.services import monitoring
from veu.services.access import Principal, require
from veu.services.context import Context
from veu.services.lists import require_snapshot, write_records
from veu.store.uow import UnitOfWork

MEASURE = "controlled items refused (military end user)"


def _current(uow: UnitOfWork) -> dict[str, Listing]:
    head = uow.lists.head(lock=True)
    if head.id is None:
        return {}
    return {x.id: x for x in uow.lists.listings(head.id, [OWN_RED_LIST.id])}


def _check(name: str, country: str, reason: str, source: str) -> None:
    problems = []
    if not name.strip() or len(name) > 500:
        problems.append(Problem("a name is 1 to 500 characters", field="name"))
    if country not in ALPHA_2:
        problems.append(Problem(f"{country!r} is not an ISO 3166-1 alpha-2 code", field="country"))
    if not reason.strip():
        problems.append(Problem("give the reason for the listing", field="reason"))
    url = urlparse(source.strip())
    if url.scheme not in ("http", "https") or not url.netloc:
        problems.append(Problem(f"{source!r} is not an http(s) URL", field="source"))
    if problems:
        raise InvalidInput("cannot add the red-list entry", problems)


def add(
    ctx: Context,
    name: str,
    country: str,
    reason: str,
    source: str,
    *,
    by: Principal,
    day: dt.date | None = None,
    aliases: list[str] | None = None,
) -> Listing:
    """List a party as a military end user from ``day`` (default today)."""
    require(ctx, by, "redlist.change", name)
    country = country.strip().upper()
    _check(name, country, reason, source)
    day = day or ctx.today()
    now = ctx.now()
    document = SourceDocument(
        title=reason.strip(), url=source.strip(), date=day, authority="the licensing authority"
    )
    listing = Listing(
        id=f"{OWN_RED_LIST.id}:{uuid.uuid4().hex[:12]}",
        list_id=OWN_RED_LIST.id,
        party_id="",
        kind=PartyKind.unknown,
        names=(
            Name(value=name.strip()),
            *(Name(value=a.strip(), role="alias") for a in aliases or [] if a.strip()),
        ),
        countries=(country,),
        measures=(MEASURE,),
        source=document,
        listed_on=day,
        history=(StatusEvent(status="listed", start=day, source=document, note=reason.strip()),),
        remarks=f"Listed by {by.name}: {reason.strip()}",
    )
    listing = listing.model_copy(update={"party_id": listing.id})
    with ctx.write() as uow:
        for other in _current(uow).values():
            if (
                party_key(other.primary_name) == party_key(name)
                and country in other.countries
                and other.status_on(day).in_force
            ):
                raise Conflict(f"{name} is on the red list already ({other.id}, in force {day})")
        write_records(
            uow,
            OWN_RED_LIST,
            [listing],
            now=now,
            source="redlist",
            label=listing.id,
            actor=by.name,
            action="redlist.added",
        )
        uow.commit()
    monitoring.after_change(ctx, by.name, f"red-list entry {listing.id}", True)
    return listing


def remove(
    ctx: Context,
    ident: str,
    reason: str,
    *,
    by: Principal,
    day: dt.date | None = None,
    source: str | None = None,
) -> Listing:
    """End a red-list entry from ``day`` (default today): it stays, stopped from that date."""
    require(ctx, by, "redlist.change", ident)
    if not reason.strip():
        raise InvalidInput("give the reason", [Problem("blank", field="reason")])
    day = day or ctx.today()
    with ctx.write() as uow:
        current = _current(uow)
        listing = current.get(ident) or _by_name(current, ident)
        if listing.listed_on and day < listing.listed_on:
            raise InvalidInput(
                f"{day} is before the listing took effect ({listing.listed_on})",
                [Problem("too early", field="date")],
            )
        if not listing.status_on(day).in_force:
            raise Conflict(f"{listing.id} is not in force on {day}: nothing to end")
        document = SourceDocument(title=reason.strip(), url=source, date=day)
        ended = listing.model_copy(
            update={
                "history": (
                    *listing.history,
                    StatusEvent(status="stopped", start=day, source=document, note=reason.strip()),
                )
            }
        )
        write_records(
            uow,
            OWN_RED_LIST,
            [ended],
            now=ctx.now(),
            source="redlist",
            label=ended.id,
            actor=by.name,
            action="redlist.removed",
        )
        uow.commit()
    monitoring.after_change(ctx, by.name, f"red-list removal {ended.id}", True)
    return ended


def _by_name(current: dict[str, Listing], name: str) -> Listing:
    found = [x for x in current.values() if party_key(x.primary_name) == party_key(name)]
    if not found:
        raise NotFound(f"no red-list entry {name}")
    if len(found) > 1:
        raise Conflict(
            f"{name} names {len(found)} entries: give the id ({', '.join(x.id for x in found)})"
        )
    return found[0]


def entries(ctx: Context, *, by: Principal, day: dt.date | None = None) -> list[dict[str, Any]]:
    """Every red-list entry with its status on ``day`` (default today), newest first."""
    require(ctx, by, "redlist.read")
    day = day or ctx.today()
    snapshot = require_snapshot(ctx)
    with ctx.read() as uow:
        items = uow.lists.listings(snapshot, [OWN_RED_LIST.id])
    out = [
        {
            **listing_evidence(x, day),
            "country": ", ".join(x.countries),
            "listed_on": x.listed_on.isoformat() if x.listed_on else None,
            "reason": x.source.title,
            "history": [e.model_dump(mode="json", exclude_none=True) for e in x.history],
        }
        for x in items
    ]
    return sorted(out, key=lambda e: (e["listed_on"] or "", e["listing"]), reverse=True)
