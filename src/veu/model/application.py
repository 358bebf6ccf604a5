"""A VEU application as the applicant files it, the conditions an officer approves it with, and
the moves an application may make (an explicit table: any other move is refused)."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from veu.model.elements import SYMBOLS
from veu.model.iso3166 import CountryCode
from veu.model.parties import Identifier, NonBlank
from veu.model.shipment import EndUseCategory, Form

Text = str


def _identifiers(values: dict[str, str]) -> tuple[Identifier, ...]:
    return tuple(
        Identifier(scheme=k.lower(), value=v, country=None) for k, v in sorted(values.items()) if v
    )


def _symbol(value: str) -> str:
    if value not in SYMBOLS:
        raise ValueError(f"{value!r} is not a chemical symbol")
    return value


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Owner(_Strict):
    """A declared shareholder of the applicant."""

    name: NonBlank = Field(max_length=500)
    country: CountryCode | None = None
    percent: float | None = Field(None, gt=0, le=100)
    identifiers: dict[str, str] = Field(default_factory=dict, max_length=20)

    def identifier_list(self) -> tuple[Identifier, ...]:
        return _identifiers(self.identifiers)


class Applicant(_Strict):
    name: NonBlank = Field(max_length=500)
    country: CountryCode
    identifiers: dict[str, str] = Field(
        default_factory=dict, max_length=20, description="By scheme: lei, uscc, cage, uei, duns..."
    )
    sectors: list[NonBlank] = Field(default_factory=list, max_length=20)
    address: str | None = Field(None, max_length=1000)
    owners: list[Owner] = Field(default_factory=list, max_length=50)

    def identifier_list(self) -> tuple[Identifier, ...]:
        return _identifiers(self.identifiers)


class Facility(_Strict):
    id: NonBlank = Field(max_length=64)
    address: NonBlank = Field(max_length=1000)
    name: str | None = Field(None, max_length=500)


class RequestedItem(_Strict):
    element: str = Field(description="Chemical symbol, e.g. Dy.")
    forms: list[Form] = Field(min_length=1, max_length=12)
    annual_quantity_kg: float = Field(gt=0, le=1e9)

    _element = field_validator("element")(_symbol)


class Counterparty(_Strict):
    """An exporter the applicant buys from, or a main customer it sells to."""

    name: NonBlank = Field(max_length=500)
    country: CountryCode
    identifiers: dict[str, str] = Field(default_factory=dict, max_length=20)

    def identifier_list(self) -> tuple[Identifier, ...]:
        return _identifiers(self.identifiers)


class DeclaredEndUse(_Strict):
    category: EndUseCategory
    sector: NonBlank = Field(max_length=64)
    description: str = Field("", max_length=2000)


class Contract(_Strict):
    customer: NonBlank = Field(max_length=500)
    description: str = Field("", max_length=2000)
    value: float | None = Field(None, ge=0)


class DefenseBusiness(_Strict):
    revenue_share: float = Field(ge=0, le=1, description="Share of revenue from defense, 0 to 1.")
    contracts: list[Contract | NonBlank] = Field(default_factory=list, max_length=200)


class ApplicationForm(_Strict):
    """What an applicant files (VEU-SPEC, "The VEU programme")."""

    applicant: Applicant
    facilities: list[Facility] = Field(min_length=1, max_length=50)
    items: list[RequestedItem] = Field(min_length=1, max_length=50)
    exporters: list[Counterparty] = Field(min_length=1, max_length=50)
    end_uses: list[DeclaredEndUse] = Field(min_length=1, max_length=50)
    customers: list[Counterparty] = Field(default_factory=list, max_length=200)
    defense_business: DefenseBusiness
    compliance_plan: Text = Field(max_length=20000)
    onsite_verification_consent: bool

    @model_validator(mode="after")
    def _unique_facilities(self) -> ApplicationForm:
        ids = [f.id for f in self.facilities]
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            raise ValueError(f"facility ids repeat: {', '.join(repeated)}")
        return self

    def sectors(self) -> set[str]:
        """Every sector declared, as the applicant's or an end use's, lower-cased."""
        return {s.strip().lower() for s in self.applicant.sectors} | {
            u.sector.strip().lower() for u in self.end_uses
        }


class ConditionItem(_Strict):
    element: str
    forms: list[Form] = Field(min_length=1, max_length=12)
    annual_cap_kg: float = Field(gt=0, le=1e9)

    _element = field_validator("element")(_symbol)


class Conditions(_Strict):
    """An officer's conditions of approval. Omitted lists mean what the application asked for
    (items) or "any" (facilities, exporters); omitted dates mean from today for one year."""

    items: list[ConditionItem] | None = Field(None, min_length=1, max_length=50)
    facilities: list[NonBlank] | None = Field(None, max_length=50)
    exporters: list[NonBlank] | None = Field(None, max_length=50)
    valid_from: dt.date | None = None
    valid_until: dt.date | None = None

    @model_validator(mode="after")
    def _dates(self) -> Conditions:
        if self.valid_from and self.valid_until and self.valid_until <= self.valid_from:
            raise ValueError("valid_until must be after valid_from")
        return self


class Status(StrEnum):
    submitted = "submitted"
    info_requested = "info_requested"
    approved = "approved"
    denied = "denied"
    withdrawn = "withdrawn"


Action = Literal["file", "approve", "deny", "request_info", "amend", "withdraw"]

# (status now, action) -> status after. A move not in the table is refused.
TRANSITIONS: dict[tuple[Status | None, Action], Status] = {
    (None, "file"): Status.submitted,
    (Status.submitted, "approve"): Status.approved,
    (Status.submitted, "deny"): Status.denied,
    (Status.submitted, "request_info"): Status.info_requested,
    (Status.submitted, "amend"): Status.submitted,
    (Status.info_requested, "amend"): Status.submitted,
    (Status.submitted, "withdraw"): Status.withdrawn,
    (Status.info_requested, "withdraw"): Status.withdrawn,
}


def allowed_actions(status: Status) -> list[Action]:
    return [action for (state, action) in TRANSITIONS if state == status]


Recommendation = Literal["approve", "review", "deny"]
