"""U.S. defense-contractor data (the CSIS lookup tables folder):

- ``Top_100_Contractors_FY2016_all_agencies.csv`` (GSA FPDS Top 100 report, long format): a vendor
  among the top 100 of the Department of Defense, a military department, the Missile Defense
  Agency, DARPA or SOCOM is flagged as a defense contractor, with its obligations as evidence.
- ``Lookup_ParentID.csv`` (CSIS parent table): ``NAME [PARENT]`` rows give parent-subsidiary
  control edges, joint ventures (``[Joint Venture - A & B]``, ``[A/B]``) an edge from each
  partner; ``Top6`` and ``PMC`` (private military company) rows are flagged.

Parties are keyed by normalised name (``defense:<key>``), so the two files meet.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path
from typing import Any

from veu.errors import InvalidInput, Problem
from veu.ingest.common import ImportReport, ParsedList, ParseOutcome, name_key, read_text
from veu.ingest.registry import dataset_info
from veu.model import Name, SourceDocument
from veu.model.registry import DefenseFlag, Edge, RegistryParty

TOP100 = "Top_100_Contractors_FY2016_all_agencies.csv"
PARENTS = "Lookup_ParentID.csv"
# FPDS agency codes of the sheets read as defense: the DoD, the military departments, MDA,
# DARPA and SOCOM (not the support agencies, whose top vendors include health insurers).
DEFENSE_SHEETS = re.compile(r"\((9700|2100|1700|5700|97JC|97AE|97ZS)\)")
_BRACKET = re.compile(r"^(?P<name>[^\[]+?)\s*\[(?P<inner>[^\]]+)\]\s*$")
_NOT_A_NAME = re.compile(r"(%|^\s*STAKE\s*$|BUSINESS\s*$|^\s*\d)", re.IGNORECASE)
CSIS_URL = "https://github.com/CSISdefense/Lookup-Tables"
TOP100_SOURCE = SourceDocument(
    title="GSA FPDS Top 100 Contractors Report, fiscal year 2016",
    url=CSIS_URL,
    date=dt.date(2016, 9, 30),
    authority="U.S. General Services Administration (FPDS)",
)
PARENT_SOURCE = SourceDocument(
    title="CSIS Lookup_ParentID table",
    url=CSIS_URL,
    date=dt.date(2022, 5, 23),
    authority="CSIS Defense-Industrial Initiatives Group",
)


def party_id(name: str) -> str:
    return f"defense:{name_key(name)}"


def _file(path: Path, name: str) -> Path | None:
    candidate = path / name if path.is_dir() else (path if path.name == name else None)
    return candidate if candidate is not None and candidate.exists() else None


def parse(path: Path, data_date: dt.date | None = None) -> ParseOutcome:
    top100, parents = _file(path, TOP100), _file(path, PARENTS)
    if top100 is None and parents is None:
        raise InvalidInput(
            f"{path} holds neither {TOP100} nor {PARENTS}",
            [Problem("no defense-contractor table found", file=str(path))],
        )
    report = ImportReport(
        source="defense-contractors", files=[str(p) for p in (top100, parents) if p is not None]
    )
    parties: dict[str, RegistryParty] = {}
    records: list[Any] = []

    def party(name: str) -> str:
        pid = party_id(name)
        if pid not in parties:
            parties[pid] = RegistryParty(
                id=pid, names=(Name(value=name.strip()),), source=PARENT_SOURCE
            )
        return pid

    if top100 is not None:
        records += _top100(top100, report, party)
    if parents is not None:
        records += _parents(parents, report, party)
    info = dataset_info(
        "reg-defense", "U.S. defense contractors (FPDS Top 100, CSIS parents)", "GSA FPDS; CSIS"
    )
    return ParseOutcome(
        [
            ParsedList(
                info=info,
                data_date=data_date or PARENT_SOURCE.date,
                listings=[],
                records=[*parties.values(), *records],
            )
        ],
        report,
    )


def _top100(file: Path, report: ImportReport, party: Any) -> list[DefenseFlag]:
    reader = csv.DictReader(io.StringIO(read_text(file), newline=""))
    needed = {"agency_sheet", "rank", "global_vendor_name", "dollars_obligated"}
    missing = needed - set(reader.fieldnames or [])
    if missing:
        raise InvalidInput(
            f"{file.name} lacks columns",
            [Problem(f"missing column(s): {', '.join(sorted(missing))}", file=file.name, line=1)],
        )
    best: dict[str, dict[str, Any]] = {}
    for row in reader:
        line = reader.line_num
        report.rows += 1
        sheet = row.get("agency_sheet") or ""
        if not DEFENSE_SHEETS.search(sheet):
            continue
        name = (row.get("global_vendor_name") or "").strip()
        try:
            dollars = float(row.get("dollars_obligated") or "")
            rank = int(float(row.get("rank") or ""))
        except ValueError:
            report.reject("rank or dollars_obligated is not a number", file=file.name, line=line)
            continue
        if not name:
            report.reject(
                "no vendor name", file=file.name, line=line, field_name="global_vendor_name"
            )
            continue
        pid = party(name)
        entry = best.setdefault(pid, {"name": name, "sheets": [], "dollars": 0.0, "rank": rank})
        entry["sheets"].append(f"{sheet} #{rank}")
        entry["dollars"] = max(entry["dollars"], dollars)
        entry["rank"] = min(entry["rank"], rank)
    return [
        DefenseFlag(
            id=f"{pid}:fpds-top100-fy2016",
            party=pid,
            reason="among the 100 largest defense contractors of a DoD agency, FY2016",
            source=TOP100_SOURCE,
            evidence={
                "vendor": e["name"],
                "best_rank": e["rank"],
                "largest_obligation_usd": round(e["dollars"], 2),
                "sheets": "; ".join(e["sheets"]),
            },
        )
        for pid, e in sorted(best.items())
    ]


def _parents(file: Path, report: ImportReport, party: Any) -> list[Any]:
    reader = csv.DictReader(io.StringIO(read_text(file), newline=""))
    if "ParentID" not in (reader.fieldnames or []):
        raise InvalidInput(
            f"{file.name} lacks the ParentID column",
            [Problem("missing column ParentID", file=file.name, line=1)],
        )
    out: list[Any] = []
    for row in reader:
        line = reader.line_num
        report.rows += 1
        raw = (row.get("ParentID") or "").strip().strip('"')
        if not raw:
            report.reject("empty ParentID", file=file.name, line=line, field_name="ParentID")
            continue
        match = _BRACKET.match(raw)
        name = match.group("name").strip() if match else raw
        joint = row.get("JointVenture") == "1"
        # A bracket names parents only where CSIS marks the row a subsidiary or joint venture;
        # elsewhere it holds a segment or a stake (GENERAL DYNAMICS CORP [AEROSPACE], X [51%]).
        related = joint or row.get("Subsidiary") == "1"
        if match and related and not _NOT_A_NAME.search(match.group("inner")):
            inner = re.sub(r"^\s*Joint Venture\s*[-:]?\s*", "", match.group("inner"), flags=re.I)
            inner = re.sub(r"\s*Joint Venture\s*$", "", inner, flags=re.I)
            partners = [p.strip() for p in re.split(r"\s*(?:/|&)\s*", inner) if p.strip()]
            child = party(name)
            for partner in partners:
                out.append(
                    Edge(
                        id=f"csis:{name_key(partner)}>{name_key(name)}",
                        owner=party(partner),
                        owned=child,
                        kind="control",
                        source=PARENT_SOURCE,
                        note=(
                            "joint venture partner"
                            if joint or len(partners) > 1
                            else "parent (CSIS)"
                        )
                        + f": {raw}",
                    )
                )
        for column, reason in (
            ("Top6", "one of the six largest U.S. defense contractors (CSIS)"),
            ("PMC", "private military company (CSIS)"),
        ):
            if row.get(column) == "1":
                pid = party(name)
                out.append(
                    DefenseFlag(
                        id=f"{pid}:csis-{column.lower()}",
                        party=pid,
                        reason=reason,
                        source=PARENT_SOURCE,
                        evidence={"csis_parent_id": raw},
                    )
                )
    unique = {record.id: record for record in out}
    return list(unique.values())
