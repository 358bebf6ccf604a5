"""The UN Security Council Consolidated List XML (``CONSOLIDATED_LIST``): individuals and
entities with names, aliases (``Low`` quality ones kept as weak aliases), original-script names,
addresses, documents, reference numbers and listing dates.

An alias may carry other names of the party in brackets after it: the same name in another script
(``Jin Tiesan (金铁三)``), several spellings (``حسن غول (Hassan Ghul; Hassan Gul; Hasan Gul)``),
or a note (``Encep Nurjaman (birth name)``). Each such name is a name of the listing of its own
(`alias_names`), so that it is screened as a name, not as a few words of a longer one."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from xml.parsers import expat

from veu.countries import country_code
from veu.errors import InvalidInput, Problem
from veu.ingest.common import (
    ImportReport,
    ParsedList,
    ParseOutcome,
    parse_date,
    parse_xml,
    read_bytes,
    split_outside_brackets,
    unique_names,
)
from veu.model import Address, Identifier, Listing, Name, PartyKind, SourceDocument
from veu.model.catalogue import FOREIGN_LISTS
from veu.names.normalize import scripts_of

LIST_ID = "un-sc"
SOURCE_URL = "https://scsanctions.un.org/resources/xml/en/consolidated.xml"


def _text(el: ET.Element | None, tag: str) -> str | None:
    if el is None:
        return None
    child = el.find(tag)
    if child is None or child.text is None:
        return None
    value = " ".join(child.text.split())
    return value or None


def _values(el: ET.Element, tag: str) -> list[str]:
    out = []
    for child in el.findall(tag):
        for v in child.findall("VALUE"):
            if v.text and v.text.strip():
                out.append(v.text.strip())
    return out


_RECORD_TAGS = frozenset({"INDIVIDUAL", "ENTITY"})


def _record_lines(data: bytes) -> dict[str, list[int]]:
    """Line on which each INDIVIDUAL and ENTITY record starts, in document order, by tag."""
    parser = expat.ParserCreate()
    lines: dict[str, list[int]] = {tag: [] for tag in _RECORD_TAGS}

    def start(tag: str, _attrs: dict[str, str]) -> None:
        if tag in lines:
            lines[tag].append(parser.CurrentLineNumber)

    parser.StartElementHandler = start
    parser.Parse(data, True)
    return lines


def parse(path: Path, data_date: dt.date | None = None) -> ParseOutcome:
    report = ImportReport(source="un", files=[str(path)])
    data = read_bytes(path)
    root = parse_xml(data, path.name)
    record_lines = _record_lines(data)
    if root.tag != "CONSOLIDATED_LIST":
        raise InvalidInput(
            f"{path.name} is not a UN consolidated list",
            [
                Problem(
                    reason=f"root element is <{root.tag}>, expected <CONSOLIDATED_LIST>",
                    file=path.name,
                    line=1,
                )
            ],
        )
    generated = (root.get("dateGenerated") or "")[:10]
    date = data_date or parse_date(generated)
    listings: list[Listing] = []
    seen: set[str] = set()
    for kind, group, record_tag in (
        (PartyKind.person, "INDIVIDUALS", "INDIVIDUAL"),
        (PartyKind.organization, "ENTITIES", "ENTITY"),
    ):
        for index, el in enumerate(root.iterfind(f"{group}/{record_tag}"), 1):
            report.rows += 1
            where = f"{record_tag} #{index}"
            starts = record_lines[record_tag]
            line = starts[index - 1] if index <= len(starts) else None
            ref = _text(el, "REFERENCE_NUMBER") or _text(el, "DATAID")
            parts = [
                _text(el, t) for t in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME")
            ]
            full = " ".join(p for p in parts if p)
            if not ref:
                report.reject(
                    f"{where} has no REFERENCE_NUMBER or DATAID",
                    file=path.name,
                    line=line,
                    field_name="REFERENCE_NUMBER",
                )
                continue
            if not full:
                report.reject(
                    f"{where} ({ref}) has no name",
                    file=path.name,
                    line=line,
                    field_name="FIRST_NAME",
                )
                continue
            if ref in seen:
                report.reject(
                    f"{where}: reference {ref} appears twice",
                    file=path.name,
                    line=line,
                    field_name="REFERENCE_NUMBER",
                )
                continue
            seen.add(ref)
            primary, *others = [n.strip() for n in full.split(" ; ") if n.strip()]
            names = [Name(value=primary, role="primary")]
            names += [Name(value=n, role="alias") for n in others]
            for original in el.findall("NAME_ORIGINAL_SCRIPT"):
                if original.text and original.text.strip():
                    names.append(Name(value=original.text.strip(), role="original_script"))
            for alias in el.findall(f"{record_tag}_ALIAS"):
                value = _text(alias, "ALIAS_NAME")
                if not value:
                    continue
                quality = (_text(alias, "QUALITY") or "").lower()
                role = (
                    "weak_alias"
                    if quality == "low"
                    else "former"
                    if quality.startswith("f.k.a")
                    else "alias"
                )
                names += [Name(value=v, role=role) for v in alias_names(value)]
            addresses = []
            for addr in el.findall(f"{record_tag}_ADDRESS"):
                bits = [
                    _text(addr, t)
                    for t in ("STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY")
                ]
                text = ", ".join(b for b in bits if b)
                if text:
                    addresses.append(
                        Address(text=text, country=country_code(_text(addr, "COUNTRY")))
                    )
            countries = {a.country for a in addresses if a.country}
            countries.update(c for v in _values(el, "NATIONALITY") if (c := country_code(v)))
            identifiers = [Identifier(scheme="un", value=ref)]
            for doc in el.findall("INDIVIDUAL_DOCUMENT"):
                number = _text(doc, "NUMBER")
                if number:
                    doc_type = (_text(doc, "TYPE_OF_DOCUMENT") or "document").lower()
                    scheme = "passport" if "passport" in doc_type else "national_id"
                    identifiers.append(
                        Identifier(
                            scheme=scheme,
                            value=number,
                            country=country_code(_text(doc, "ISSUING_COUNTRY")),
                        )
                    )
            births = []
            for dob in el.findall("INDIVIDUAL_DATE_OF_BIRTH"):
                value = _text(dob, "DATE") or _text(dob, "YEAR")
                if value:
                    births.append(value[:10])
            listed_on = parse_date(_text(el, "LISTED_ON"))
            list_type = _text(el, "UN_LIST_TYPE")
            listings.append(
                Listing(
                    id=f"{LIST_ID}:{ref}",
                    list_id=LIST_ID,
                    party_id=f"un:{ref}",
                    kind=kind,
                    names=tuple(unique_names(names)),
                    countries=tuple(sorted(countries)),
                    addresses=tuple(addresses),
                    identifiers=tuple(identifiers),
                    programs=(list_type,) if list_type else (),
                    measures=(
                        "UN Security Council sanctions (asset freeze, travel ban, arms "
                        "embargo as the regime provides)",
                    ),
                    source=SourceDocument(
                        number=ref,
                        title=f"UN Security Council {list_type} list",
                        url=SOURCE_URL,
                        date=listed_on,
                        authority="UN Security Council",
                    ),
                    listed_on=listed_on,
                    birth_dates=tuple(births),
                    remarks=_text(el, "COMMENTS1"),
                    original=ET.tostring(el, encoding="unicode")[:4000],
                )
            )
    return ParseOutcome(
        [ParsedList(info=FOREIGN_LISTS[LIST_ID], data_date=date, listings=listings)], report
    )


# Notes the list writes in brackets after a name, which are no names (case aside).
_NOTES = frozenset(
    {"original script", "birth name", "combat name", "previously listed as", "third"}
)
_SUB_UNIT = " - sub-unit name"


def _bracketed(value: str) -> tuple[str, str] | None:
    """``value`` parted into the name before its last bracketed part, which ends it, and that
    part (brackets inside it kept): None when it does not end so."""
    if not value.endswith(")"):
        return None
    depth = 0
    for k in range(len(value) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(value[k], 0)
        if depth == 0:
            base = value[:k].strip()
            return (base, value[k + 1 : -1].strip()) if base else None
    return None


def _spelling(part: str) -> str:
    part = part.strip()
    if part.endswith(_SUB_UNIT):
        part = part[: -len(_SUB_UNIT)].strip()
    found = _bracketed(part)
    return found[0] if found and found[1].lower() in _NOTES else part


_ENUMERATED = re.compile(r"(?:^|\s)[a-z]\)\s+")  # a) Mohammed Sabet b) M. Javad Kareemi Sabet


def _parts(value: str) -> list[str]:
    """``value`` parted at each ``;`` and ``b)`` outside brackets (``Qasim Soleimani; Qasem
    Sulaimani``)."""
    return [
        p.strip()
        for part in split_outside_brackets(value, ";")
        for p in _ENUMERATED.split(part)
        if p.strip()
    ]


def alias_names(value: str) -> list[str]:
    """The names one of the list's aliases holds: each part of it parted by ``;`` or ``b)``
    outside brackets (`_parts`: ``Qasim Soleimani; Qasem Sulaimani``), read as
    `_bracketed_names` reads it."""
    return [n for part in _parts(value) for n in _bracketed_names(part)] or [value]


def _bracketed_names(value: str) -> list[str]:
    """The names a part of one of the list's aliases holds: the part, without a note in brackets
    after it (`_NOTES`), and each name in brackets after it when they are in another script than the
    alias or more than one (parted by ``;``), or said to be the original script's
    (``Amir Khazmat (original script: Амир Хазмат)``). Any other bracketed part (an acronym:
    ``Libyan Foreign Investment Company (LFIC)``; a spelling of one word:
    ``Lom-ali Butayev (Butaev)``) stays part of the alias."""
    value = value.strip().rstrip(",;").strip()
    found = _bracketed(value)
    if found is None:
        return [value]
    base, inner = found
    if inner.lower() in _NOTES:
        return [base]
    head, colon, rest = inner.partition(":")
    if colon and head.strip().lower() == "original script":
        return [base, rest.strip()] if rest.strip() else [base]
    if ";" not in inner and not (scripts_of(inner) - scripts_of(base)):
        return [value]
    parts = [_spelling(p) for p in inner.split(";")]
    return [base, *(p for p in parts if p and p.lower() not in _NOTES)]
