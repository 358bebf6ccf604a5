"""VEU authorizations: who may receive which items, from whom, where, how much a year, until
when; and their status as of a date."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from veu.model.listings import SourceDocument
from veu.model.registry import PartyRef
from veu.model.shipment import Form


class AuthorizedItem(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    elements: tuple[str, ...] = Field(min_length=1)
    forms: tuple[Form, ...] = Field(min_length=1)
    annual_cap_kg: float = Field(gt=0)
    label: str | None = None

    def covers(self, elements: set[str], form: Form) -> bool:
        return elements <= set(self.elements) and form in self.forms


class AuthorizationEvent(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    status: Literal["active", "suspended", "revoked", "reinstated"]
    start: dt.date
    reason: str | None = None
    by: str | None = None


class Usage(BaseModel):
    """Quantity shipped under the authorization (draws down its annual cap)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    date: dt.date
    item: int = Field(ge=0, description="Index of the authorized item drawn down.")
    quantity_kg: float = Field(gt=0)
    shipment: str | None = None


AuthorizationState = Literal["active", "suspended", "revoked", "expired", "not_yet_valid"]
AuthorizationAction = Literal["suspend", "reinstate", "revoke"]

# (state on the day, action) -> the event recorded. A move not in the table is refused; expiry
# is not a move but a date.
AUTHORIZATION_MOVES: dict[
    tuple[AuthorizationState, AuthorizationAction],
    Literal["suspended", "reinstated", "revoked"],
] = {
    ("active", "suspend"): "suspended",
    ("not_yet_valid", "suspend"): "suspended",
    ("suspended", "reinstate"): "reinstated",
    ("active", "revoke"): "revoked",
    ("suspended", "revoke"): "revoked",
    ("not_yet_valid", "revoke"): "revoked",
}


class Authorization(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(min_length=1)
    holder: PartyRef
    valid_from: dt.date
    valid_until: dt.date
    items: tuple[AuthorizedItem, ...] = Field(min_length=1)
    exporters: tuple[PartyRef, ...] = ()
    facilities: tuple[str, ...] = ()
    end_uses: tuple[str, ...] = ("civil",)
    history: tuple[AuthorizationEvent, ...] = ()
    usage: tuple[Usage, ...] = ()
    source: SourceDocument = SourceDocument()
    application: str | None = Field(None, description="The application it was granted on.")

    @model_validator(mode="after")
    def _dates(self) -> Authorization:
        if self.valid_until <= self.valid_from:
            raise ValueError("valid_until must be after valid_from")
        for use in self.usage:
            if use.item >= len(self.items):
                raise ValueError(f"usage refers to item {use.item}, which does not exist")
        return self

    def state_on(self, day: dt.date) -> AuthorizationState:
        if day < self.valid_from:
            return "not_yet_valid"
        if day >= self.valid_until:
            return "expired"
        state: AuthorizationState = "active"
        for event in sorted(self.history, key=lambda e: e.start):
            if event.start > day:
                break
            if event.status == "revoked":
                return "revoked"
            state = "suspended" if event.status == "suspended" else "active"
        return state

    def last_event(self) -> AuthorizationEvent | None:
        ordered = sorted(self.history, key=lambda e: e.start)  # stable: same day, as recorded
        return ordered[-1] if ordered else None

    def with_event(self, event: AuthorizationEvent) -> Authorization:
        return self.model_copy(update={"history": (*self.history, event)})

    def period_of(self, day: dt.date) -> tuple[dt.date, dt.date]:
        """The authorization year (from ``valid_from``, one year at a time) holding ``day``."""
        start = self.valid_from
        while True:
            try:
                end = start.replace(year=start.year + 1)
            except ValueError:  # 29 February
                end = start.replace(year=start.year + 1, day=28)
            if day < end:
                return start, end
            start = end

    def used_kg(self, item: int, day: dt.date) -> float:
        start, end = self.period_of(day)
        return sum(u.quantity_kg for u in self.usage if u.item == item and start <= u.date < end)
