"""OFAC Enhanced XML (``SDN_ENHANCED.XML``, ``CONS_ENHANCED.XML``, or their ZIP): the
relationships between entries, read as control edges between OFAC parties (``ofac:<id>``, the
same party ids as the SDN and CSL listings). "Owned or Controlled By" and "Acting for or on behalf
of" point from the related entry to this one; "Owns, controls, or operates" the other way."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from veu.errors import InvalidInput, Problem
from veu.ingest.common import (
    ImportReport,
    ParsedList,
    ParseOutcome,
    parse_date,
    parse_xml,
    read_bytes,
)
from veu.ingest.registry import dataset_info
from veu.model import SourceDocument
from veu.model.registry import Edge

# relationship type -> (owner is the related entry?, note)
RELATIONSHIPS = {
    "owned or controlled by": (True, "Owned or Controlled By"),
    "acting for or on behalf of": (True, "Acting for or on behalf of"),
    "owns, controls, or operates": (False, "Owns, controls, or operates"),
}
SOURCE_URL = "https://ofac.treasury.gov/sanctions-list-service"


def _xml_bytes(path: Path) -> bytes:
    data = read_bytes(path)
    if data[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = [n for n in archive.namelist() if n.lower().endswith(".xml")]
            if not names:
                raise InvalidInput(
                    f"{path.name} holds no XML file",
                    [Problem("no .xml inside the ZIP", file=path.name)],
                )
            return archive.read(names[0])
    return data


def parse(path: Path, data_date: dt.date | None = None) -> ParseOutcome:
    report = ImportReport(source="ofac-enhanced", files=[str(path)])
    root = parse_xml(_xml_bytes(path), path.name)
    ns = root.tag[: root.tag.index("}") + 1] if root.tag.startswith("{") else ""
    if not root.tag.endswith("sanctionsData"):
        raise InvalidInput(
            f"{path.name} is not OFAC Enhanced XML",
            [Problem(f"root element is <{root.tag}>", file=path.name, line=1)],
        )
    date = data_date or parse_date((root.findtext(f"{ns}publicationInfo/{ns}dataAsOf") or "")[:10])
    source = SourceDocument(
        title=f"OFAC Enhanced XML ({path.name})",
        url=SOURCE_URL,
        date=date,
        authority="U.S. Treasury OFAC",
    )
    edges: list[Edge] = []
    for entity in root.iter(f"{ns}entity"):
        entity_id = entity.get("id")
        for relationship in entity.iter(f"{ns}relationship"):
            report.rows += 1
            kind = (relationship.findtext(f"{ns}type") or "").strip()
            related = relationship.find(f"{ns}relatedEntity")
            related_id = related.get("entityId") if related is not None else None
            related_name = (related.text or "").strip() if related is not None else ""
            where = f"entity {entity_id} relationship {relationship.get('id')}"
            if not entity_id or not related_id:
                report.reject(f"{where}: no related entity", file=path.name, line=None)
                continue
            rule = RELATIONSHIPS.get(kind.lower())
            if rule is None:
                report.warn(
                    f"{where}: relationship {kind!r} is not read as control", file=path.name
                )
                continue
            related_is_owner, note = rule
            owner, owned = (related_id, entity_id) if related_is_owner else (entity_id, related_id)
            edges.append(
                Edge(
                    id=f"ofac-rel:{relationship.get('id')}",
                    owner=f"ofac:{owner}",
                    owned=f"ofac:{owned}",
                    kind="control",
                    source=source,
                    note=f"{note}: {related_name}",
                )
            )
    info = dataset_info(
        "reg-ofac-enhanced", "OFAC relationships (Enhanced XML)", "U.S. Treasury OFAC"
    )
    return ParseOutcome([ParsedList(info=info, data_date=date, listings=[], records=edges)], report)
