"""A shipment request: who sends what to whom, for which end use, on which date."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from veu.model.elements import SYMBOLS
from veu.model.iso3166 import CountryCode
from veu.model.parties import Identifier, NonBlank


class Form(StrEnum):
    metal = "metal"
    alloy = "alloy"
    oxide = "oxide"
    compound = "compound"
    target = "target"
    magnet = "magnet"
    motor_assembly = "motor_assembly"
    sensor = "sensor"
    catalyst = "catalyst"
    phosphor = "phosphor"
    consumer_good = "consumer_good"
    other = "other"


class EndUseCategory(StrEnum):
    civil = "civil"
    military = "military"
    unknown = "unknown"


class ShipmentParty(BaseModel):
    """A party to a shipment as the exporter declares it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: NonBlank = Field(min_length=1, max_length=500)
    country: CountryCode = Field(description="ISO 3166-1 alpha-2 code.")
    address: str | None = Field(None, max_length=1000)
    identifiers: dict[str, str] = Field(
        default_factory=dict,
        max_length=20,
        description="Identifiers by scheme: lei, uscc, cage, uei, duns, ofac, ...",
    )

    def identifier_list(self) -> tuple[Identifier, ...]:
        return tuple(
            Identifier(scheme=k.lower(), value=v, country=None)
            for k, v in sorted(self.identifiers.items())
            if v
        )


class Item(BaseModel):
    """One line of the shipment."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    description: str = Field("", max_length=1000)
    elements: list[str] = Field(
        max_length=118, description="Chemical symbols of the elements it contains."
    )
    form: Form
    control_code: str | None = Field(None, max_length=32, description="e.g. 1C902.a")
    hs_code: str | None = Field(None, pattern=r"^\d{4,10}$")
    quantity_kg: float = Field(gt=0)
    value: float = Field(ge=0)
    currency: str = Field("USD", pattern=r"^[A-Z]{3}$")
    origin: CountryCode = Field("CN", description="Country of manufacture (ISO alpha-2).")
    cn_content_value: float | None = Field(
        None, ge=0, description="For items made outside China: value of China-origin content."
    )

    @field_validator("elements")
    @classmethod
    def _elements(cls, value: list[str]) -> list[str]:
        bad = [e for e in value if e not in SYMBOLS]
        if bad:
            raise ValueError(f"not chemical symbols: {', '.join(map(repr, bad))}")
        return value

    @model_validator(mode="after")
    def _content(self) -> Item:
        if self.cn_content_value is not None and self.cn_content_value > self.value:
            raise ValueError("cn_content_value exceeds the item's value")
        return self


class EndUse(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    category: EndUseCategory
    sector: str | None = Field(None, max_length=64, description="automotive, aerospace, ...")
    description: str | None = Field(None, max_length=2000)


class ShipmentRequest(BaseModel):
    """A shipment to decide. ``end_user`` defaults to the consignee."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    date: dt.date
    exporter: ShipmentParty
    consignee: ShipmentParty
    end_user: ShipmentParty | None = None
    intermediaries: list[ShipmentParty] = Field(default_factory=list, max_length=20)
    facility: str | None = Field(None, max_length=1000, description="Destination facility.")
    items: list[Item] = Field(min_length=1, max_length=200)
    end_use: EndUse

    @property
    def effective_end_user(self) -> ShipmentParty:
        return self.end_user or self.consignee

    def screened_parties(self) -> list[tuple[Role, ShipmentParty]]:
        """Every party screened (the exporter aside), with its role."""
        out: list[tuple[Role, ShipmentParty]] = [("consignee", self.consignee)]
        if self.end_user is not None:
            out.append(("end_user", self.end_user))
        out += [("intermediary", p) for p in self.intermediaries]
        return out


Role = Literal["consignee", "end_user", "intermediary"]
