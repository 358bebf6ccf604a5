"""OFAC's legacy SDN CSV family: ``sdn.csv`` with ``add.csv``, ``alt.csv`` and
``sdn_comments.csv`` beside it (each of the last three may be absent); the consolidated non-SDN
files (``cons_prim.csv`` and its ``cons_*`` companions) have the same shape.

No header; ``-0-`` (sometimes with a trailing space) is null; files may end with the DOS EOF byte.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import defaultdict
from pathlib import Path

from veu.countries import country_code
from veu.errors import InvalidInput, Problem
from veu.ingest.common import ImportReport, ParsedList, ParseOutcome, read_text, unique_names
from veu.ingest.sdn_remarks import parse_remarks
from veu.model import Address, Identifier, Listing, Name, PartyKind, SourceDocument
from veu.model.catalogue import FOREIGN_LISTS

LIST_ID = "us-ofac-sdn"
_KINDS = {
    "individual": PartyKind.person,
    "vessel": PartyKind.vessel,
    "aircraft": PartyKind.aircraft,
    None: PartyKind.company,
}
_COMPANIONS = {
    "sdn": ("add.csv", "alt.csv", "sdn_comments.csv"),
    "cons_prim": ("cons_add.csv", "cons_alt.csv", "cons_comments.csv"),
}
_ALT_ROLES = {"aka": "alias", "fka": "former", "nka": "alias"}
SOURCE_URL = "https://ofac.treasury.gov/specially-designated-nationals-and-blocked-persons-list-sdn-human-readable-lists"


def _null(value: str) -> str | None:
    value = value.strip()
    return None if value in ("-0-", "") else value


def locate(path: Path) -> tuple[Path, dict[str, Path]]:
    """The primary file and whichever companion files exist beside it."""
    primary = path
    if path.is_dir():
        for name in ("sdn.csv", "SDN.CSV", "cons_prim.csv"):
            if (path / name).exists():
                primary = path / name
                break
        else:
            raise InvalidInput(
                f"{path} holds no sdn.csv or cons_prim.csv",
                [Problem(reason="no primary SDN file", file=str(path))],
            )
    stem = primary.name.lower().removesuffix(".gz").removesuffix(".csv")
    companions = {}
    for kind, name in zip(
        ("add", "alt", "comments"), _COMPANIONS.get(stem, _COMPANIONS["sdn"]), strict=True
    ):
        for candidate in (primary.parent / name, primary.parent / name.upper()):
            if candidate.exists():
                companions[kind] = candidate
                break
    return primary, companions


def _rows(
    path: Path, report: ImportReport, width: int, *, primary: bool = False
) -> list[tuple[int, list[str]]]:
    """Rows of one file with their line numbers; rows of the wrong width are rejected. Only the
    primary file's records count as rows (companions must not dilute the rejected share)."""
    text = read_text(path)
    reader = csv.reader(io.StringIO(text, newline=""))
    out = []
    start = 1
    for row in reader:
        line = start
        start = reader.line_num + 1
        if not row or all(not c.strip() for c in row):
            continue
        if primary:
            report.rows += 1
        if len(row) != width:
            report.reject(f"expected {width} columns, found {len(row)}", file=path.name, line=line)
            continue
        out.append((line, row))
    return out


def parse(path: Path, data_date: dt.date | None = None) -> ParseOutcome:
    primary, companions = locate(path)
    report = ImportReport(source="ofac-sdn", files=[str(primary), *map(str, companions.values())])
    comments: dict[str, str] = {}
    if "comments" in companions:
        for _, row in _rows(companions["comments"], report, 2):
            comments[row[0].strip()] = row[1]
    addresses: dict[str, list[Address]] = defaultdict(list)
    if "add" in companions:
        for _, row in _rows(companions["add"], report, 6):
            parts = [p for p in (_null(row[2]), _null(row[3]), _null(row[4])) if p]
            country = _null(row[4])
            if parts:
                addresses[row[0].strip()].append(
                    Address(text=", ".join(parts), country=country_code(country))
                )
    aliases: dict[str, list[Name]] = defaultdict(list)
    if "alt" in companions:
        for _, row in _rows(companions["alt"], report, 5):
            name = _null(row[3])
            if name:
                role = _ALT_ROLES.get((_null(row[2]) or "aka").lower(), "alias")
                aliases[row[0].strip()].append(Name(value=name, role=role))
    listings: list[Listing] = []
    seen: set[str] = set()
    for line, row in _rows(primary, report, 12, primary=True):
        ent_num = row[0].strip()
        name = _null(row[1])
        if not ent_num.isdigit():
            report.reject(
                f"ent_num {ent_num!r} is not a number",
                file=primary.name,
                line=line,
                field_name="ent_num",
            )
            continue
        if not name:
            report.reject(
                "the entry has no name", file=primary.name, line=line, field_name="SDN_Name"
            )
            continue
        if ent_num in seen:
            report.reject(
                f"ent_num {ent_num} appears twice",
                file=primary.name,
                line=line,
                field_name="ent_num",
            )
            continue
        seen.add(ent_num)
        kind_text = (_null(row[2]) or "").lower() or None
        if kind_text not in _KINDS:
            report.reject(
                f"unknown SDN_Type {row[2].strip()!r}",
                file=primary.name,
                line=line,
                field_name="SDN_Type",
            )
            continue
        remarks_text = _null(row[11]) or ""
        if ent_num in comments:
            remarks_text = f"{remarks_text}{comments[ent_num]}"
        remarks = parse_remarks(remarks_text)
        names = [Name(value=name, role="primary"), *aliases.get(ent_num, []), *remarks.names]
        programs = tuple(
            p.strip(" []") for p in (_null(row[3]) or "").split("] [") if p.strip(" []")
        )
        addrs = tuple(addresses.get(ent_num, ()))
        countries = sorted({*remarks.nationalities, *(a.country for a in addrs if a.country)})
        listings.append(
            Listing(
                id=f"{LIST_ID}:{ent_num}",
                list_id=LIST_ID,
                party_id=f"ofac:{ent_num}",
                kind=_KINDS[kind_text],
                names=tuple(unique_names(names)),
                countries=tuple(countries),
                addresses=addrs,
                identifiers=(Identifier(scheme="ofac", value=ent_num), *remarks.identifiers),
                programs=programs,
                measures=("Blocking of property and interests in property (OFAC SDN)",),
                source=SourceDocument(
                    title="OFAC SDN list",
                    url=SOURCE_URL,
                    date=data_date,
                    authority="U.S. Treasury OFAC",
                ),
                relations=tuple(remarks.relations),
                birth_dates=tuple(remarks.birth_dates),
                remarks=remarks_text or None,
                original=",".join(row),
            )
        )
    info = FOREIGN_LISTS[LIST_ID]
    return ParseOutcome([ParsedList(info=info, data_date=data_date, listings=listings)], report)
