"""Listings: a party put on a list by a source document, with a dated status history.

Whether a listing is in force is always asked as of a date: `Listing.status_on(day)`.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from veu.model.parties import Address, Identifier, Name, PartyKind


class SourceDocument(BaseModel):
    """The official document a fact comes from."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    number: str | None = Field(None, description="Announcement or notice number as published.")
    title: str | None = None
    url: str | None = None
    date: dt.date | None = None
    authority: str | None = None


class StatusEvent(BaseModel):
    """A dated change of a listing's status.

    ``listed``: in force from ``start``. ``suspended``: not in force from ``start`` until ``until``
    (exclusive; open-ended when ``until`` is None). ``stopped``: measures stopped from ``start``
    for good. ``expired``: the listing ended on ``start`` (for lists with end dates).
    """

    model_config = ConfigDict(frozen=True)

    status: Literal["listed", "suspended", "stopped", "expired"]
    start: dt.date
    until: dt.date | None = None
    source: SourceDocument | None = None
    note: str | None = None


class ListingState(StrEnum):
    in_force = "in_force"
    not_yet_listed = "not_yet_listed"
    suspended = "suspended"
    stopped = "stopped"
    expired = "expired"


class ListingStatus(BaseModel):
    model_config = ConfigDict(frozen=True)

    state: ListingState
    in_force: bool
    since: dt.date | None = None
    until: dt.date | None = None


class Relation(BaseModel):
    """A link the source states between this listing's party and another (e.g. OFAC Linked To)."""

    model_config = ConfigDict(frozen=True)

    kind: Literal["linked_to", "owned_or_controlled_by", "owns", "acting_for", "branch_of"]
    target_name: str
    target_ref: str | None = Field(None, description="Party id of the target when known.")


class Listing(BaseModel):
    """One entry of one list: who, where from, which measures, and since when."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(description="Stable id, derived from the source (re-imports keep it).")
    list_id: str
    party_id: str = Field(description="Id of the listed party, shared across lists when known.")
    kind: PartyKind = PartyKind.unknown
    names: tuple[Name, ...]
    countries: tuple[str, ...] = ()
    addresses: tuple[Address, ...] = ()
    identifiers: tuple[Identifier, ...] = ()
    programs: tuple[str, ...] = ()
    measures: tuple[str, ...] = ()
    source: SourceDocument = SourceDocument()
    listed_on: dt.date | None = Field(None, description="Date the listing took effect, if known.")
    history: tuple[StatusEvent, ...] = ()
    relations: tuple[Relation, ...] = ()
    birth_dates: tuple[str, ...] = ()
    remarks: str | None = None
    original: str | None = Field(None, description="The source text or row the listing came from.")

    @property
    def primary_name(self) -> str:
        for name in self.names:
            if name.role == "primary":
                return name.value
        return self.names[0].value

    def status_on(self, day: dt.date) -> ListingStatus:
        """The listing's state on ``day``: listed, suspended, stopped, expired or not yet made."""
        start = self.listed_on
        if start is None:
            starts = [e.start for e in self.history if e.status == "listed"]
            start = min(starts) if starts else None
        if start is not None and day < start:
            return ListingStatus(state=ListingState.not_yet_listed, in_force=False, until=start)
        ended = sorted(
            (e for e in self.history if e.status in ("stopped", "expired") and e.start <= day),
            key=lambda e: e.start,
        )
        if ended:
            last = ended[-1]
            relisted = [
                e for e in self.history if e.status == "listed" and last.start < e.start <= day
            ]
            if not relisted:
                state = ListingState.stopped if last.status == "stopped" else ListingState.expired
                return ListingStatus(state=state, in_force=False, since=last.start)
        for event in self.history:
            if event.status != "suspended" or event.start > day:
                continue
            if event.until is None or day < event.until:
                return ListingStatus(
                    state=ListingState.suspended,
                    in_force=False,
                    since=event.start,
                    until=event.until,
                )
        return ListingStatus(state=ListingState.in_force, in_force=True, since=start)
