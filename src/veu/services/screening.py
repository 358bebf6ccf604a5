"""Screening a name against every list in a snapshot, as of a date."""

from __future__ import annotations

import builtins
import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from veu.countries import is_country_code
from veu.matching import ALGORITHM, ALGORITHM_VERSION, Hit, Query
from veu.model import Identifier, ListInfo, SourceDocument, StatusEvent
from veu.model.catalogue import ALL_LISTS
from veu.model.parties import NonBlank
from veu.services.context import Context
from veu.services.lists import require_snapshot
from veu.services.policies import thresholds_on
from veu.services.world import listing_index


class ScreenRequest(BaseModel):
    """What to screen: a name in any script, optionally a country, a date and a limit."""

    model_config = ConfigDict(extra="forbid")

    name: NonBlank = Field(min_length=1, max_length=500, description="Party name, in any script.")
    country: str | None = Field(None, description="ISO 3166-1 alpha-2 code of the party.")
    date: dt.date | None = Field(None, description="Answer as of this date (default: today).")
    limit: int = Field(10, ge=1, le=100, description="Most matches to return.")
    identifiers: list[Identifier] = Field(
        default_factory=list, description="Identifiers (LEI, USCC, ...) to compare."
    )

    @field_validator("country")
    @classmethod
    def _country(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None
        code = value.strip().upper()
        if len(code) != 2 or not is_country_code(code):
            raise ValueError(f"{value!r} is not an ISO 3166-1 alpha-2 country code")
        return code


class ListingStatusOut(BaseModel):
    state: str
    since: dt.date | None = None
    until: dt.date | None = None


class ScreenMatch(BaseModel):
    party_id: str
    listing_id: str
    name: str = Field(description="The listed name that matched best.")
    names: builtins.list[str]
    list: str = Field(description="Id of the list the listing is on.")
    list_title: str
    kind: str
    countries: builtins.list[str]
    listing_in_force: bool
    status: ListingStatusOut
    history: builtins.list[StatusEvent]
    source: SourceDocument
    measures: builtins.list[str]
    score: float
    match: bool = Field(
        description="The names match (score at the match threshold); says "
        "nothing about the listing being in force."
    )
    review: bool = Field(description="Below the match threshold but at the review threshold.")
    explanation: dict[str, Any]


class ScreenResult(BaseModel):
    query: dict[str, Any]
    date: dt.date
    snapshot: str
    algorithm: str
    thresholds: dict[str, float]
    matches: list[ScreenMatch]


def to_match(
    hit: Hit, day: dt.date, match_at: float, review_at: float, lists: dict[str, ListInfo]
) -> ScreenMatch:
    listing = hit.listing
    status = listing.status_on(day)
    info = lists.get(listing.list_id) or ALL_LISTS.get(listing.list_id)
    score = round(hit.score, 4)
    return ScreenMatch(
        party_id=listing.party_id,
        listing_id=listing.id,
        name=hit.matched_name,
        names=[n.value for n in listing.names],
        list=listing.list_id,
        list_title=info.title if info else listing.list_id,
        kind=listing.kind.value,
        countries=list(listing.countries),
        listing_in_force=status.in_force,
        status=ListingStatusOut(state=status.state.value, since=status.since, until=status.until),
        history=list(listing.history),
        source=listing.source,
        measures=list(listing.measures),
        score=score,
        match=score >= match_at,
        review=review_at <= score < match_at,
        explanation=hit.explanation,
    )


def thresholds(ctx: Context, day: dt.date) -> tuple[float, float]:
    """The match and review thresholds of screening: the policy pack's in force on ``day``
    (the same decisions use), unless the settings override them."""
    match_at, review_at = thresholds_on(day)
    settings = ctx.settings
    if settings.match_threshold is not None:
        match_at = settings.match_threshold
    if settings.review_threshold is not None:
        review_at = settings.review_threshold
    return match_at, min(review_at, match_at)


def screen(
    ctx: Context, request: ScreenRequest, *, snapshot: str | None = None, min_score: float = 0.5
) -> ScreenResult:
    """Screen ``request.name`` against the current (or a given) snapshot, best match first."""
    snap = require_snapshot(ctx, snapshot)
    day = request.date or ctx.today()
    with ctx.read() as uow:
        index = listing_index(ctx, uow, snap)
        lists = {i.id: i for i in uow.lists.all_lists()}
    query = Query(
        name=request.name,
        countries=frozenset([request.country]) if request.country else frozenset(),
        identifiers=tuple(request.identifiers),
    )
    hits = index.search(query, limit=request.limit, min_score=min_score)
    match_at, review_at = thresholds(ctx, day)
    return ScreenResult(
        query=request.model_dump(mode="json", exclude_defaults=True) | {"name": request.name},
        date=day,
        snapshot=snap,
        algorithm=f"{ALGORITHM}/{ALGORITHM_VERSION}",
        thresholds={"match": match_at, "review": review_at},
        matches=[to_match(h, day, match_at, review_at, lists) for h in hits],
    )
