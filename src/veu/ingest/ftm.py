"""FollowTheMoney entities as JSON lines (``entities.ftm.json``): Company, Organization,
LegalEntity, PublicBody and Person become registry parties; Ownership becomes an ownership edge
(``owner`` holds ``percentage`` of ``asset``, from ``startDate`` until ``endDate``); an entity with
the topic ``mil`` is flagged as a defense contractor."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

from veu.countries import is_country_code
from veu.ingest.common import ImportReport, ParsedList, ParseOutcome, read_utf8
from veu.ingest.registry import dataset_info
from veu.model import Identifier, Name, PartyKind, SourceDocument
from veu.model.registry import DefenseFlag, Edge, RegistryParty

PARTY_SCHEMAS = {
    "Company": PartyKind.company,
    "Organization": PartyKind.organization,
    "LegalEntity": PartyKind.company,
    "PublicBody": PartyKind.organization,
    "Person": PartyKind.person,
}
IDENTIFIER_PROPERTIES = {
    "leiCode": "lei",
    "innCode": "inn",
    "ogrnCode": "ogrn",
    "registrationNumber": "registration",
    "taxNumber": "tax_id",
    "swiftBic": "bic",
    "dunsCode": "duns",
    "uniqueEntityId": "uei",
    "cageCode": "cage",
    "uscCode": "uscc",
    "vatCode": "vat",
    "okpoCode": "okpo",
    "imoNumber": "imo",
    "idNumber": "national_id",
}
NAME_PROPERTIES = (
    ("name", "primary"),
    ("alias", "alias"),
    ("previousName", "former"),
    ("weakAlias", "weak_alias"),
)
_PERCENT = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*%?\s*$")


def _values(props: dict[str, Any], key: str) -> list[str]:
    value = props.get(key, [])
    if isinstance(value, str):
        value = [value]
    return [str(v).strip() for v in value if str(v).strip()]


def _date(text: str | None) -> dt.date | None:
    if not text:
        return None
    text = text.strip()
    for size, fmt in ((10, "%Y-%m-%d"), (7, "%Y-%m"), (4, "%Y")):
        if len(text) >= size:
            try:
                return dt.datetime.strptime(text[:size], fmt).date()
            except ValueError:
                continue
    raise ValueError(f"{text!r} is not a date")


def percentage(text: str) -> float:
    match = _PERCENT.match(text)
    if not match:
        raise ValueError(f"percentage {text!r} is not a number")
    value = float(match.group(1).replace(",", "."))
    if not 0 < value <= 100:
        raise ValueError(f"percentage {value:g} is outside 0-100")
    return value


def parse(
    path: Path, data_date: dt.date | None = None, *, dataset: str = "reg-ftm"
) -> ParseOutcome:
    report = ImportReport(source="ftm", files=[str(path)])
    source = SourceDocument(title=f"FollowTheMoney entities ({path.name})")
    records: list[Any] = []
    newest: dt.date | None = None
    for line_no, line in enumerate(read_utf8(path).split("\n"), 1):  # as JSON writes lines
        if not line.strip():
            continue
        report.rows += 1
        try:
            record = _entity(json.loads(line), source)
        except json.JSONDecodeError as exc:
            report.reject(f"not JSON: {exc.msg}", file=path.name, line=line_no)
            continue
        except (ValueError, TypeError) as exc:
            report.reject(str(exc), file=path.name, line=line_no)
            continue
        if record is None:
            report.warn(
                "schema not used here (only parties and Ownership are)",
                file=path.name,
                line=line_no,
            )
            continue
        records += record
        for item in record:
            stamp = getattr(item, "start", None)
            if isinstance(stamp, dt.date) and (newest is None or stamp > newest):
                newest = stamp
    info = dataset_info(dataset, "FollowTheMoney ownership and parties", "FollowTheMoney import")
    return ParseOutcome(
        [ParsedList(info=info, data_date=data_date, listings=[], records=records)], report
    )


def _entity(data: Any, source: SourceDocument) -> list[Any] | None:
    if not isinstance(data, dict):
        raise ValueError("an entity must be a JSON object")
    entity_id, schema = data.get("id"), data.get("schema")
    if not entity_id or not isinstance(entity_id, str):
        raise ValueError("the entity has no id")
    if not schema or not isinstance(schema, str):
        raise ValueError(f"entity {entity_id} has no schema")
    props = data.get("properties") or {}
    if not isinstance(props, dict):
        raise ValueError(f"entity {entity_id}: properties must be an object")
    node = f"ftm:{entity_id}"
    if schema == "Ownership":
        owners, assets = _values(props, "owner"), _values(props, "asset")
        if not owners or not assets:
            raise ValueError(f"Ownership {entity_id} needs an owner and an asset")
        shares = _values(props, "percentage")
        pct = percentage(shares[0]) if shares else None
        return [
            Edge(
                id=node,
                owner=f"ftm:{owners[0]}",
                owned=f"ftm:{assets[0]}",
                kind="ownership" if pct is not None else "control",
                percentage=pct,
                start=_date(next(iter(_values(props, "startDate")), None)),
                end=_date(next(iter(_values(props, "endDate")), None)),
                source=source,
                note=next(iter(_values(props, "ownershipType")), None),
            )
        ]
    if schema not in PARTY_SCHEMAS:
        return None
    names = [Name(value=v, role=role) for key, role in NAME_PROPERTIES for v in _values(props, key)]
    if not names:
        raise ValueError(f"{schema} {entity_id} has no name")
    countries = sorted(
        {
            c.upper()
            for key in ("country", "jurisdiction", "mainCountry")
            for c in _values(props, key)
            if is_country_code(c.upper())
        }
    )
    identifiers = [
        Identifier(scheme=scheme, value=v)
        for key, scheme in IDENTIFIER_PROPERTIES.items()
        for v in _values(props, key)
    ]
    out: list[Any] = [
        RegistryParty(
            id=node,
            kind=PARTY_SCHEMAS[schema],
            names=tuple(names),
            countries=tuple(countries),
            identifiers=tuple(identifiers),
            sectors=tuple(_values(props, "sector")),
            source=source,
        )
    ]
    topics = _values(props, "topics")
    if "mil" in topics:
        out.append(
            DefenseFlag(
                id=f"{node}:mil",
                party=node,
                reason="FollowTheMoney topic mil (military or defense entity)",
                source=source,
                evidence={"topics": ", ".join(topics)},
            )
        )
    return out
