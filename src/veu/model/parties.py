"""Parties: names in any script, identifiers and addresses."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("name is blank")
    return value.strip()


NonBlank = Annotated[str, AfterValidator(_not_blank)]
"""A name: surrounding spaces removed, and not blank."""


class PartyKind(StrEnum):
    company = "company"
    organization = "organization"
    person = "person"
    vessel = "vessel"
    aircraft = "aircraft"
    unknown = "unknown"


NameRole = Literal["primary", "alias", "former", "original_script", "weak_alias"]


class Name(BaseModel):
    """One name of a party, as written in its source, with its role and language if known."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    value: str = Field(min_length=1)
    role: NameRole = "primary"
    lang: str | None = Field(None, description="BCP-47 language tag when the source says, e.g. zh.")


class Identifier(BaseModel):
    """A registry or list identifier: scheme (lei, uscc, cage, uei, ofac, imo, ...) and value."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    scheme: str = Field(min_length=1)
    value: str = Field(min_length=1)
    country: str | None = None

    def key(self) -> tuple[str, str]:
        """Comparable form: the scheme and the value without spaces, dashes or case."""
        return self.scheme.lower(), normalise_identifier(self.value)


def normalise_identifier(value: str) -> str:
    return "".join(ch for ch in value.upper() if ch.isalnum())


class Address(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str
    country: str | None = Field(None, description="ISO 3166-1 alpha-2 code")
