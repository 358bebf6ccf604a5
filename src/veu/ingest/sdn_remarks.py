"""The OFAC SDN ``Remarks`` field: a.k.a. names, dates of birth, nationalities, identifiers and
``Linked To`` relations, written as ``; ``-separated parts ending with a full stop."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from veu.countries import country_code
from veu.model import Identifier, Name, Relation

# Identifier types as OFAC writes them -> scheme. Longest first when matching.
IDENTIFIER_TYPES: dict[str, str] = {
    "Unified Social Credit Code (USCC)": "uscc",
    "Legal Entity Number": "lei",
    "SWIFT/BIC": "bic",
    "Vessel Registration Identification IMO": "imo",
    "Vessel Registration Identification": "vessel_registration",
    "MMSI": "mmsi",
    "Passport": "passport",
    "Diplomatic Passport": "passport",
    "National ID No.": "national_id",
    "Identification Number": "national_id",
    "Personal ID Card": "national_id",
    "Registration ID": "registration",
    "Registration Number": "registration",
    "Business Registration Document #": "registration",
    "Business Registration Number": "registration",
    "Company Number": "registration",
    "UK Company Number": "registration",
    "Commercial Registry Number": "registration",
    "Chamber of Commerce Number": "registration",
    "Central Registration System Number": "registration",
    "Government Gazette Number": "registration",
    "Economic Register Number (CBLS)": "registration",
    "Enterprise Number": "registration",
    "Trade License No.": "registration",
    "Folio Mercantil No.": "registration",
    "Matricula Mercantil No": "registration",
    "C.R. No.": "registration",
    "Istanbul Chamber of Comm. No.": "registration",
    "Tax ID No.": "tax_id",
    "V.A.T. Number": "tax_id",
    "US FEIN": "tax_id",
    "RUC #": "tax_id",
    "NIT #": "tax_id",
    "RIF #": "tax_id",
    "R.F.C.": "tax_id",
    "RFC": "tax_id",
    "Italian Fiscal Code": "tax_id",
    "Cedula No.": "national_id",
    "C.U.R.P.": "national_id",
    "C.U.I.": "national_id",
    "D.N.I.": "national_id",
    "Electoral Registry No.": "national_id",
    "Credencial electoral": "national_id",
    "Birth Certificate Number": "national_id",
    "Driver's License No.": "national_id",
    "Public Security and Immigration No.": "national_id",
    "D-U-N-S Number": "duns",
    "BIK (RU)": "bik",
    "Aircraft Manufacturer's Serial Number (MSN)": "aircraft_msn",
    "Aircraft Tail Number": "aircraft_tail",
}
_TYPES = sorted(IDENTIFIER_TYPES, key=len, reverse=True)
_ALIAS = re.compile(r"^(a\.k\.a\.|f\.k\.a\.|n\.k\.a\.)\s+(.+)$", re.IGNORECASE)
_ALIAS_ROLE = {"a.k.a.": "alias", "f.k.a.": "former", "n.k.a.": "alias"}
_VALUE_COUNTRY = re.compile(
    r"^(?P<value>.+?)(?:\s+\((?P<country>[^()]+)\))?(?:\s+(?:issued|expires)\b.*)?$"
)
_DOB = re.compile(r"^(?:alt\.\s+)?DOB\s+(.+)$")
_NATIONALITY = re.compile(r"^(?:alt\.\s+)?(?:nationality|citizen)\s+(.+)$")
_LINKED = re.compile(r"^Linked To:\s*(.+)$")
_MONTHS = {
    m: i
    for i, m in enumerate(
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], 1
    )
}


@dataclass
class Remarks:
    names: list[Name] = field(default_factory=list)
    birth_dates: list[str] = field(default_factory=list)
    nationalities: list[str] = field(default_factory=list)
    identifiers: list[Identifier] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)


def split_remarks(text: str) -> list[str]:
    text = text.strip()
    if text.endswith("."):
        text = text[:-1]
    return [p.strip() for p in text.split("; ") if p.strip()]


def _unquote(value: str) -> str:
    value = value.strip().rstrip(".")
    if len(value) >= 2 and value[0] == "'" and value[-1] == "'":
        value = value[1:-1]
    return value.strip()


def iso_dob(text: str) -> str:
    """``10 Dec 1948`` -> ``1948-12-10``; ``Dec 1948`` -> ``1948-12``; ``circa 1951`` -> ``1951``;
    anything else is kept as written."""
    text = text.strip()
    text = re.sub(r"^circa\s+", "", text)
    parts = text.split()
    if len(parts) == 3 and parts[1] in _MONTHS and parts[0].isdigit() and parts[2].isdigit():
        return f"{parts[2]}-{_MONTHS[parts[1]]:02d}-{int(parts[0]):02d}"
    if len(parts) == 2 and parts[0] in _MONTHS and parts[1].isdigit():
        return f"{parts[1]}-{_MONTHS[parts[0]]:02d}"
    return text


def parse_remarks(text: str | None) -> Remarks:
    out = Remarks()
    if not text:
        return out
    for part in split_remarks(text):
        if m := _ALIAS.match(part):
            name = _unquote(m.group(2))
            if name:
                role = _ALIAS_ROLE[m.group(1).lower()]
                out.names.append(Name(value=name, role=role))
            continue
        if m := _LINKED.match(part):
            out.relations.append(Relation(kind="linked_to", target_name=m.group(1).strip()))
            continue
        if m := _DOB.match(part):
            out.birth_dates.append(iso_dob(m.group(1)))
            continue
        if m := _NATIONALITY.match(part):
            code = country_code(m.group(1))
            if code:
                out.nationalities.append(code)
            continue
        ident = parse_identifier(part)
        if ident:
            out.identifiers.append(ident)
    return out


def parse_identifier(part: str) -> Identifier | None:
    body = part[5:] if part.startswith("alt. ") else part
    for label in _TYPES:
        if body.startswith(label + " "):
            rest = body[len(label) + 1 :].strip()
            m = _VALUE_COUNTRY.match(rest)
            if not m or not m.group("value").strip():
                return None
            country = country_code(m.group("country")) if m.group("country") else None
            return Identifier(
                scheme=IDENTIFIER_TYPES[label], value=m.group("value").strip(), country=country
            )
    return None
