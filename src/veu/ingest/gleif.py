"""GLEIF golden copy XML: LEI-CDF records (parties ``lei:<LEI>``) and RR-CDF relationship records
(``IS_DIRECTLY_CONSOLIDATED_BY`` and ``IS_ULTIMATELY_CONSOLIDATED_BY`` as consolidation edges from
parent to child; ``IS_INTERNATIONAL_BRANCH_OF`` as control from head office to branch). GLEIF
parents mean accounting consolidation, not a percentage: they join corporate groups and never
count for the 50% rule. PATH is one file or a folder of them."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from veu.countries import is_country_code
from veu.ingest.common import (
    ImportReport,
    ParsedList,
    ParseOutcome,
    parse_date,
    parse_xml,
    read_bytes,
)
from veu.ingest.registry import dataset_info
from veu.model import Address, Identifier, Name, PartyKind, SourceDocument
from veu.model.registry import Edge, EdgeKind, RegistryParty

EDGE_KINDS: dict[str, EdgeKind] = {
    "IS_DIRECTLY_CONSOLIDATED_BY": "consolidation",
    "IS_ULTIMATELY_CONSOLIDATED_BY": "consolidation",
    "IS_INTERNATIONAL_BRANCH_OF": "control",
}
SOURCE_URL = "https://www.gleif.org/en/lei-data/gleif-golden-copy"


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _find(el: ET.Element, *path: str) -> ET.Element | None:
    current: ET.Element | None = el
    for step in path:
        if current is None:
            return None
        current = next((c for c in current if _local(c.tag) == step), None)
    return current


def _text(el: ET.Element, *path: str) -> str | None:
    found = _find(el, *path)
    return found.text.strip() if found is not None and found.text else None


def parse(path: Path, data_date: dt.date | None = None) -> ParseOutcome:
    files = sorted(p for p in path.glob("*.xml")) if path.is_dir() else [path]
    report = ImportReport(source="gleif", files=[str(f) for f in files])
    records: list[Any] = []
    newest: dt.date | None = None
    for file in files:
        root = parse_xml(read_bytes(file), file.name)
        kind = _local(root.tag)
        header = next((c for c in root if _local(c.tag).endswith("Header")), None)
        content = (
            parse_date((_text(header, "ContentDate") or "")[:10]) if header is not None else None
        )
        newest = max(filter(None, [newest, content]), default=None)
        source = SourceDocument(
            title=f"GLEIF golden copy ({file.name})",
            url=SOURCE_URL,
            date=content,
            authority="GLEIF",
        )
        if kind == "LEIData":
            records += _lei_records(root, file.name, source, report)
        elif kind == "RelationshipData":
            records += _relationships(root, file.name, source, report)
        else:
            report.warn(
                f"<{kind}> is not read (only LEI and relationship records are)", file=file.name
            )
    # A later file (an update) replaces an earlier record with the same id.
    latest = list({record.id: record for record in records}.values())
    info = dataset_info("reg-gleif", "GLEIF legal entities and parents", "GLEIF")
    return ParseOutcome(
        [ParsedList(info=info, data_date=data_date or newest, listings=[], records=latest)], report
    )


def _lei_records(
    root: ET.Element, file: str, source: SourceDocument, report: ImportReport
) -> list[RegistryParty]:
    out = []
    for record in root.iter():
        if _local(record.tag) != "LEIRecord":
            continue
        report.rows += 1
        lei = _text(record, "LEI")
        entity = _find(record, "Entity")
        name = _text(entity, "LegalName") if entity is not None else None
        if not lei or entity is None or not name:
            report.reject(f"LEI record {lei or '?'} has no LEI or legal name", file=file, line=None)
            continue
        names = [Name(value=name, role="primary")]
        others = _find(entity, "OtherEntityNames")
        for other in others if others is not None else []:
            if other.text and other.text.strip():
                role = "former" if "PREVIOUS" in (other.get("type") or "") else "alias"
                names.append(Name(value=other.text.strip(), role=role))
        country = _text(entity, "LegalAddress", "Country")
        lines = [
            _text(entity, "LegalAddress", t)
            for t in ("FirstAddressLine", "City", "PostalCode", "Country")
        ]
        out.append(
            RegistryParty(
                id=f"lei:{lei}",
                kind=PartyKind.company,
                names=tuple(names),
                countries=(country,) if country and is_country_code(country) else (),
                addresses=(Address(text=", ".join(x for x in lines if x), country=country),),
                identifiers=(Identifier(scheme="lei", value=lei),),
                source=source,
            )
        )
    return out


def _relationships(
    root: ET.Element, file: str, source: SourceDocument, report: ImportReport
) -> list[Edge]:
    out = []
    for record in root.iter():
        if _local(record.tag) != "RelationshipRecord":
            continue
        report.rows += 1
        relationship = _find(record, "Relationship")
        if relationship is None:
            report.reject("relationship record without a relationship", file=file, line=None)
            continue
        child = _text(relationship, "StartNode", "NodeID")
        parent = _text(relationship, "EndNode", "NodeID")
        kind = _text(relationship, "RelationshipType") or ""
        status = _text(relationship, "RelationshipStatus")
        if not child or not parent:
            report.reject(f"{kind} record without both nodes", file=file, line=None)
            continue
        edge_kind = EDGE_KINDS.get(kind)
        if edge_kind is None:
            report.warn(
                f"{child} {kind} {parent}: not a consolidation or branch relationship", file=file
            )
            continue
        if status != "ACTIVE":
            report.warn(f"{child} {kind} {parent}: relationship is {status}", file=file)
            continue
        start = end = None
        periods = _find(relationship, "RelationshipPeriods")
        for period in periods if periods is not None else []:
            if _text(period, "PeriodType") == "RELATIONSHIP_PERIOD":
                start = parse_date((_text(period, "StartDate") or "")[:10])
                end = parse_date((_text(period, "EndDate") or "")[:10])
        out.append(
            Edge(
                id=f"gleif:{child}:{kind}:{parent}",
                owner=f"lei:{parent}",
                owned=f"lei:{child}",
                kind=edge_kind,
                start=start,
                end=end,
                source=source,
                note=kind,
            )
        )
    return out
