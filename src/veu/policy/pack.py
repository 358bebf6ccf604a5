"""Policy packs: versioned data files of dated clauses, validated when loaded.

``parse_pack(text, file)`` turns a pack's YAML into a `PolicyPack`; a broken pack is refused with
an `InvalidInput` naming the file, the line and the problem. Reading the file is the caller's job
(`veu.services.policies`): the core touches no files.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from veu.model.decision import Outcome
from veu.model.elements import SYMBOLS
from veu.model.lists import ListEffectKind
from veu.model.shipment import Form
from veu.yamldoc import validate


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Suspension(Strict):
    start: dt.date = Field(alias="from")
    until: dt.date | None = None
    by: str
    url: str | None = None

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.until is None or day < self.until)


class Dated(Strict):
    """Something in force from ``effective`` (inclusive) except while suspended."""

    effective: dt.date
    suspensions: tuple[Suspension, ...] = ()

    def suspension_on(self, day: dt.date) -> Suspension | None:
        return next((s for s in self.suspensions if s.covers(day)), None)

    def in_force(self, day: dt.date) -> bool:
        return day >= self.effective and self.suspension_on(day) is None


class ElementSet(Dated):
    id: str
    announcement: str
    url: str | None = None
    elements: tuple[str, ...] = Field(min_length=1)

    @model_validator(mode="after")
    def _symbols(self) -> ElementSet:
        bad = [e for e in self.elements if e not in SYMBOLS]
        if bad:
            raise ValueError(f"not chemical symbols: {bad}")
        return self


class Forms(Strict):
    controlled: tuple[Form, ...]
    not_controlled: tuple[Form, ...]
    source: str

    @model_validator(mode="after")
    def _disjoint(self) -> Forms:
        both = set(self.controlled) & set(self.not_controlled)
        if both:
            raise ValueError(f"forms both controlled and not: {sorted(both)}")
        return self


class CodeEntry(Strict):
    """What a control code or HS code classifies: elements and forms."""

    elements: tuple[str, ...] = Field(min_length=1)
    forms: tuple[Form, ...] = Field(min_length=1)
    note: str | None = None
    source: str | None = None


class Extraterritorial(Dated):
    announcement: str
    url: str | None = None
    de_minimis_share: float = Field(gt=0, lt=1)


class ListEffect(Strict):
    effect: Outcome | Literal["warning"]
    applies_to: Literal["controlled", "any"]
    clause: str


class Ownership(Strict):
    counts_as_listed_percent: float = Field(gt=0, le=100)
    aggregate: bool = True


class Defense(Strict):
    group_percent: float = Field(gt=0, le=100)
    control_joins_group: bool
    red_list_kinds: tuple[ListEffectKind, ...]


class Programme(Strict):
    """The VEU programme's pre-check and default conditions."""

    review_sectors: tuple[str, ...] = Field(description="Applicants here always go to review.")
    deny_sectors: tuple[str, ...] = Field(description="Declared sectors that are military.")
    max_defense_revenue_share: float = Field(ge=0, le=1)
    validity_years: int = Field(gt=0, le=10, description="Default validity of an approval.")
    clause: str


class Thresholds(Strict):
    match: float = Field(gt=0, le=1)
    review: float = Field(gt=0, le=1)

    @model_validator(mode="after")
    def _order(self) -> Thresholds:
        if self.review > self.match:
            raise ValueError("review threshold above match threshold")
        return self


class PolicyPack(Strict):
    pack: str
    version: str
    title: str
    in_force_from: dt.date
    thresholds: Thresholds
    outcomes: tuple[Outcome, ...]
    element_sets: tuple[ElementSet, ...]
    forms: Forms
    control_codes: dict[str, CodeEntry]
    hs_codes: dict[str, CodeEntry]
    extraterritorial: Extraterritorial
    lists: dict[ListEffectKind, ListEffect]
    ownership: Ownership
    defense: Defense
    end_use_military: Outcome
    programme: Programme

    @model_validator(mode="after")
    def _complete(self) -> PolicyPack:
        if sorted(self.outcomes) != sorted(Outcome):
            raise ValueError("outcomes must list every outcome exactly once, strongest first")
        missing = set(ListEffectKind) - set(self.lists)
        if missing:
            raise ValueError(f"lists: no effect given for {sorted(missing)}")
        ids = [s.id for s in self.element_sets]
        if len(ids) != len(set(ids)):
            raise ValueError("element set ids repeat")
        return self

    @property
    def ref(self) -> str:
        return f"{self.pack}@{self.version}"

    def clause(self, path: str) -> str:
        return f"{self.ref} {path}"

    def strength(self, outcome: Outcome) -> int:
        """Higher is stronger."""
        return len(self.outcomes) - self.outcomes.index(outcome)

    def strongest(self, outcomes: list[Outcome]) -> Outcome:
        return max(outcomes, key=self.strength)

    def elements_in_force(self, day: dt.date) -> dict[str, ElementSet]:
        return {e: s for s in self.element_sets if s.in_force(day) for e in s.elements}

    def element_set_of(self, element: str) -> ElementSet | None:
        return next((s for s in self.element_sets if element in s.elements), None)


def parse_pack(text: str, file: str) -> PolicyPack:
    """Validate a pack's text; a broken pack raises `InvalidInput` with file, line, problem."""
    pack: PolicyPack = validate(text, file, PolicyPack, "policy pack")
    return pack
