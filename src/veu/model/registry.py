"""The registry: parties beyond the lists, ownership and control edges between them, defense
facts, and officers' judgements on links. Every record keeps its source."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from veu.model.listings import SourceDocument
from veu.model.parties import Address, Identifier, Name, PartyKind


class RegistryParty(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    type: Literal["party"] = "party"
    id: str
    kind: PartyKind = PartyKind.company
    names: tuple[Name, ...]
    countries: tuple[str, ...] = ()
    addresses: tuple[Address, ...] = ()
    identifiers: tuple[Identifier, ...] = ()
    sectors: tuple[str, ...] = ()
    defense_revenue_share: float | None = Field(None, ge=0, le=1)
    source: SourceDocument = SourceDocument()

    @property
    def primary_name(self) -> str:
        return self.names[0].value


EdgeKind = Literal["ownership", "control", "consolidation"]


class Edge(BaseModel):
    """``owner`` holds ``percentage`` of ``owned`` (ownership), or controls it without a stated
    share (control; consolidation is GLEIF's accounting parent), from ``start`` until ``end``."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    type: Literal["edge"] = "edge"
    id: str
    owner: str
    owned: str
    kind: EdgeKind
    percentage: float | None = Field(None, gt=0, le=100)
    start: dt.date | None = None
    end: dt.date | None = None
    source: SourceDocument = SourceDocument()
    note: str | None = None

    def active_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


class DefenseFlag(BaseModel):
    """A fact making a party a defense contractor by itself (contract data, or an officer)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    type: Literal["defense_flag"] = "defense_flag"
    id: str
    party: str
    reason: str
    source: SourceDocument = SourceDocument()
    start: dt.date | None = None
    end: dt.date | None = None
    evidence: dict[str, str | float | int] = Field(default_factory=dict)

    def active_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


class PartyRef(BaseModel):
    """A party as named in a request or by an officer: name, country, identifiers."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(min_length=1)
    country: str | None = None
    identifiers: tuple[Identifier, ...] = ()


class Judgement(BaseModel):
    """An officer's word on whether a party is a listing: ``confirmed`` or ``rejected``.
    A rejected link is remembered: the match no longer counts, nor holds a shipment."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    type: Literal["judgement"] = "judgement"
    id: str
    party: PartyRef
    listing_id: str
    verdict: Literal["confirmed", "rejected"]
    officer: str
    at: dt.datetime
    note: str | None = None


RegistryRecord = Annotated[
    RegistryParty | Edge | DefenseFlag | Judgement, Field(discriminator="type")
]
