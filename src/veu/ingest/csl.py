"""The Trade.gov Consolidated Screening List CSV: every source in it (EL, MEU, UVL, DPL, SDN, ...)
becomes a list of its own (``us-csl-el``, ``us-csl-meu``, ...).

A header row; multi-valued cells ``; ``-separated; ``ids`` records written as
``country, [dates,] number, type``; addresses end with an ISO country code.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections import defaultdict
from pathlib import Path

from veu.countries import country_code, is_country_code
from veu.ingest.common import (
    ImportReport,
    ParsedList,
    ParseOutcome,
    parse_date,
    read_text,
    unique_names,
)
from veu.ingest.sdn_remarks import IDENTIFIER_TYPES
from veu.model import Address, Identifier, Listing, Name, PartyKind, SourceDocument, StatusEvent
from veu.model.catalogue import CSL_SOURCES, FOREIGN_LISTS
from veu.model.parties import NameRole

REQUIRED = ("_id", "source", "name")
_SOURCE_CODE = re.compile(r"\(([A-Z][A-Z-]*)(?: List)?\)")
_KINDS = {
    "individual": PartyKind.person,
    "entity": PartyKind.company,
    "vessel": PartyKind.vessel,
    "aircraft": PartyKind.aircraft,
}
_TREASURY = {"SDN", "SSI", "FSE", "PLC", "CAP", "CMIC", "MBS"}
_ID_WORDS = re.compile(r"(No\.?|Number|#|\bID\b|Code|Passport|License)", re.IGNORECASE)


def source_code(source: str) -> str | None:
    m = _SOURCE_CODE.search(source)
    if not m:
        return None
    code = m.group(1).removeprefix("NS-")
    return code if code in CSL_SOURCES else None


def _multi(cell: str | None) -> list[str]:
    return [p.strip() for p in (cell or "").split(";") if p.strip()]


def _aliases(cell: str | None) -> list[str]:
    """The names of ``alt_names``: the list ends some with ``; and`` (``NEDI Technology; NTESY;
    and Nanjing Nade Technology``), which is no part of the last name."""
    return [a.removeprefix("and ").strip() for a in _multi(cell) if a != "and"]


# Other names of the party written inside a name: a.k.a. or f.k.a. (a former name), with or
# without the dots' comma, after a comma, a space or an opening bracket, or f.k.a. opening the
# name; aka alone only after a bracket (AKA INTEGRAL SERVICES is a name).
_KNOWN_AS = re.compile(
    r"(?:([(\[])\s*|,\s*|\s+|^)(?:(a\.k\.a\.?|(?<=[(\[])aka)|(f\.k\.a\.?))\s*,?\s+",
    re.IGNORECASE,
)
_CLOSING = {"(": ")", "[": "]"}
# What the lists write of a party around its name, each with where the name is: a subordinate
# institution written after its parent (the institution's own name, or the parent's with it
# where the institution's begins with a number: 23rd Research Institute), a subordinate entity
# after its parent, a note that the party is a subordinate institute, its successors or an
# individual.
_SUBORDINATE = re.compile(r"^(.+?)\.?\s+Subordinate Institution\s*-\s*(.+)$")
_SUBORDINATE_ENTITY = re.compile(r"^(.+?),?\s+and subordinate entity\s+([^,]+)$")
_NUMBERED = re.compile(r"^(?:\d|(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth)\b)", re.I)
_AROUND = (
    re.compile(r"^(.+?)\s*\(an? subordinate (?:institute|institution|entity) of [^()]*\)$", re.I),
    re.compile(
        r"^(.+?),?\s+and (?:any successor, sub-unit, or subsidiary thereof|its sub-units and"
        r" successors)$",
        re.I,
    ),
    re.compile(r"^(.+?)\s*\((?:[A-Z][A-Za-z]+ )?individual\)$"),
)


def _known_as(value: str) -> tuple[str | None, list[tuple[str, NameRole]]]:
    """A name of the list parted where it says the party is, or was, also known by others:
    ``Far East Trading Company, Inc. (a.k.a. FETCO, Inc.)``, ``LTS Holding Limited (f.k.a.
    IPP-International Petroleum Products Ltd.)``, ``Yichang Testing Technology Research Institute
    a.k.a. Yichang Institute of Testing Technology``: the name (None when the whole is a former
    name: ``f.k.a. Sibirskaya Neftyanaya Kompaniya OAO``) and each other name (parted by ``;``)
    with its role. A note in brackets after the closing bracket is left out (``Ri Sung Chol (aka
    Ri Song-chol) (DPRK individual)``); words after it are the name's (``PEARL (A.K.A. NEI-CHIEN
    CHU) LI``: PEARL LI)."""
    found = _KNOWN_AS.search(value)
    if found is None:
        return value, []
    role: NameRole = "former" if found.group(3) else "alias"
    name = value[: found.start()].strip(" ,")
    rest = value[found.end() :]
    tail = ""
    if opening := found.group(1):
        depth = 1
        for k, ch in enumerate(rest):
            depth += (ch == opening) - (ch == _CLOSING[opening])
            if depth == 0:
                rest, tail = rest[:k], rest[k + 1 :].strip()
                break
    if tail and not tail.startswith(("(", "[")):
        name = f"{name} {tail}"
    others: list[tuple[str, NameRole]] = [
        (n, role) for part in rest.split(";") if (n := part.strip(" ,"))
    ]
    if not others:
        return value, []
    return (name or None), others


def _own_names(value: str) -> list[str]:
    """The party's own name inside a name that says more of it (`_SUBORDINATE`, `_AROUND`):
    ``China Electronics Technology Group Corporation 13th Research Institute (CETC 13).
    Subordinate Institution - Bowei Integrated Circuits`` is Bowei Integrated Circuits;
    ``Guangzhou Hongyu Technology Co., Ltd. (a subordinate institute of CETC-7)`` is Guangzhou
    Hongyu Technology Co., Ltd.; ``Kata'ib Hezbollah and any successor, sub-unit, or subsidiary
    thereof`` is Kata'ib Hezbollah; ``Igor Aleksandrovich Michurin (Russian individual)`` is Igor
    Aleksandrovich Michurin. None for a name that says nothing more."""
    if found := _SUBORDINATE.match(value):
        parent, own = found.group(1).strip(), found.group(2).strip()
        return [f"{parent} {own}" if _NUMBERED.match(own) else own]
    if found := _SUBORDINATE_ENTITY.match(value):
        return [found.group(2).strip()]
    for pattern in _AROUND:
        if found := pattern.match(value):
            return [found.group(1).strip(" ,")]
    return []


def names_in(value: str) -> tuple[str | None, list[tuple[str, NameRole]]]:
    """The names one name of the list holds (`_known_as`, `_own_names`): the name as the list
    means it (None when it is only a former name), and the others, each with its role."""
    name, others = _known_as(value)
    own: list[tuple[str, NameRole]] = [(n, "alias") for n in _own_names(name)] if name else []
    return name, [*own, *others]


def parse_ids(cell: str | None) -> list[Identifier]:
    out = []
    for record in _multi(cell):
        parts = [p.strip() for p in record.split(",")]
        if len(parts) < 2:
            continue
        id_type, number = parts[-1], parts[-2]
        scheme = IDENTIFIER_TYPES.get(id_type)
        if scheme is None:
            if not _ID_WORDS.search(id_type):
                continue  # a feature such as Gender, not an identifier
            scheme = re.sub(r"[^a-z0-9]+", "_", id_type.lower()).strip("_")
        country = parts[0] if len(parts) >= 3 and is_country_code(parts[0]) else None
        if number:
            out.append(Identifier(scheme=scheme, value=number, country=country))
    return out


def parse_addresses(cell: str | None) -> list[Address]:
    out = []
    for text in _multi(cell):
        tail = text.rsplit(",", 1)[-1].strip()
        country = tail if len(tail) == 2 and is_country_code(tail) else country_code(tail)
        out.append(Address(text=text, country=country))
    return out


def parse(path: Path, data_date: dt.date | None = None) -> ParseOutcome:
    report = ImportReport(source="csl", files=[str(path)])
    text = read_text(path)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = reader.fieldnames or []
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        report.reject(f"missing column(s): {', '.join(missing)}", file=path.name, line=1)
        return ParseOutcome([], report)
    by_list: dict[str, list[Listing]] = defaultdict(list)
    newest: dt.date | None = None
    seen: set[tuple[str, str]] = set()
    start = 2
    for row in reader:
        line = start
        start = reader.line_num + 1
        if row.get("_id") == "_id" and row.get("source") == "source":
            report.warn("repeated header row skipped", file=path.name, line=line)
            continue
        report.rows += 1
        if None in row:
            report.reject(
                f"{len(header) + len(row[None])} columns where the header has {len(header)}",
                file=path.name,
                line=line,
            )
            continue
        code = source_code(row.get("source") or "")
        name = (row.get("name") or "").strip()
        row_id = (row.get("_id") or "").strip()
        if code is None:
            report.reject(
                f"unknown source {row.get('source')!r}",
                file=path.name,
                line=line,
                field_name="source",
            )
            continue
        if not name:
            report.reject("the entry has no name", file=path.name, line=line, field_name="name")
            continue
        if not row_id:
            report.reject("the entry has no _id", file=path.name, line=line, field_name="_id")
            continue
        if (code, row_id) in seen:
            report.reject(
                f"_id {row_id} appears twice in {code}", file=path.name, line=line, field_name="_id"
            )
            continue
        seen.add((code, row_id))
        start_date = parse_date(row.get("start_date"))
        end_date = parse_date(row.get("end_date"))
        if row.get("start_date") and start_date is None:
            report.reject(
                f"start_date {row['start_date']!r} is not a date",
                file=path.name,
                line=line,
                field_name="start_date",
            )
            continue
        if start_date and (newest is None or start_date > newest):
            newest = start_date
        list_id = f"us-csl-{code.lower()}"
        entity_number = (row.get("entity_number") or "").strip()
        party_id = (
            f"ofac:{entity_number}"
            if code in _TREASURY and entity_number.isdigit()
            else f"csl:{row_id}"
        )
        written, others = names_in(name)
        names = [Name(value=written or name, role="primary")]
        for alias in _aliases(row.get("alt_names")):
            written, more = names_in(alias)
            others += [(written, "alias")] if written else []
            others += more
        names = unique_names([*names, *(Name(value=v, role=role) for v, role in others)])
        addresses = parse_addresses(row.get("addresses"))
        countries = {a.country for a in addresses if a.country}
        for cell in ("nationalities", "citizenships"):
            countries.update(c for c in _multi(row.get(cell)) if is_country_code(c))
        identifiers = parse_ids(row.get("ids"))
        if code in _TREASURY and entity_number.isdigit():
            identifiers.insert(0, Identifier(scheme="ofac", value=entity_number))
        history: tuple[StatusEvent, ...] = ()
        if end_date:
            history = (StatusEvent(status="expired", start=end_date, note="end_date in the CSL"),)
        measures = tuple(
            m
            for m in (
                row.get("license_requirement"),
                row.get("license_policy"),
                row.get("standard_order") and f"Standard order: {row['standard_order']}",
            )
            if m
        )
        by_list[list_id].append(
            Listing(
                id=f"{list_id}:{row_id}",
                list_id=list_id,
                party_id=party_id,
                kind=_KINDS.get(
                    (row.get("type") or "").lower(),
                    PartyKind.company
                    if code in ("EL", "MEU", "UVL", "CMIC")
                    else PartyKind.unknown,
                ),
                names=tuple(names),
                countries=tuple(sorted(countries)),
                addresses=tuple(addresses),
                identifiers=tuple(identifiers),
                programs=tuple(_multi(row.get("programs"))),
                measures=measures,
                source=SourceDocument(
                    number=row.get("federal_register_notice") or None,
                    title=row.get("source"),
                    url=row.get("source_list_url") or None,
                    date=start_date,
                    authority=CSL_SOURCES[code][1],
                ),
                listed_on=start_date,
                history=history,
                birth_dates=tuple(_multi(row.get("dates_of_birth"))),
                remarks=row.get("remarks") or None,
                original=",".join(f"{k}={v}" for k, v in row.items() if v),
            )
        )
    date = data_date or newest
    lists = [
        ParsedList(info=FOREIGN_LISTS[lid], data_date=date, listings=ls)
        for lid, ls in sorted(by_list.items())
    ]
    return ParseOutcome(lists, report)
