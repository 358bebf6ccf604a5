"""The official MOFCOM / MFA announcement texts: Export Control List, Unreliable Entity List,
countermeasure list, and the notices that suspend or stop their measures.

``parse(path)`` reads one text or a folder of them. Each named party becomes a listing with both
its names, the announcement's number, URL, date and measures; each suspension or stop (read from
the notices, or from ``status_changes.yml`` where no text carries it) becomes a dated status event.
The lists are merged into the current ones (announcements add to a list), and the status updates
are applied again after the merge, so importing a later notice alone also takes effect.

Listing ids are ``<list>:<year>-<number>:<party key>``: the announcement is the second part.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path

from veu.errors import InvalidInput, Problem
from veu.ingest.common import (
    ImportReport,
    ParsedList,
    ParseOutcome,
    StatusUpdate,
    apply_updates,
    name_key,
    read_text,
)
from veu.ingest.mofcom.names import Item, without_region
from veu.ingest.mofcom.text import Document, parse_document
from veu.ingest.mofcom.updates import (
    document_key,
    encoded_updates,
    fallback_key,
    read_updates,
)
from veu.model import Listing, Name, SourceDocument, StatusEvent
from veu.model.catalogue import CN_LISTS

__all__ = ["StatusUpdate", "apply_updates", "parse"]

_AUTHORITY = {
    "cn-afs": "MFA",
    "cn-uel": "MOFCOM (UEL working mechanism)",
    "cn-ecl": "MOFCOM",
    "cn-watch": "MOFCOM",
}
SUFFIXES = (".md", ".txt")


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file())
        if not files:
            raise InvalidInput(
                f"{path} holds no announcement texts (*.md, *.txt)",
                [Problem("no announcement texts", file=str(path))],
            )
        return files
    if not path.exists():
        raise InvalidInput(f"{path} does not exist", [Problem("no such file", file=str(path))])
    return [path]


def _listing(doc: Document, item: Item, key: str) -> Listing:
    assert doc.list_id is not None
    assert doc.effective is not None
    primary = item.en or item.zh or ""
    names: list[Name] = []
    if item.zh:
        names.append(Name(value=item.zh, role="primary", lang="zh"))
    if item.en:
        names.append(Name(value=item.en, role="primary", lang="en"))
    if item.as_written and item.as_written not in (item.zh, item.en):
        names.append(Name(value=item.as_written, role="alias", lang="zh"))
    if item.en and (own := without_region(item.en)):
        names.append(Name(value=own, role="alias", lang="en"))
    source = SourceDocument(
        number=doc.number,
        title=doc.title,
        url=doc.url,
        date=doc.date,
        authority=_AUTHORITY.get(doc.list_id),
    )
    party = name_key(primary)
    return Listing(
        id=f"{doc.list_id}:{key}:{party}",
        list_id=doc.list_id,
        party_id=f"cn:{party}",
        kind=item.kind,
        names=tuple(names),
        countries=(doc.country,) if doc.country and doc.country != "EU" else (),
        measures=tuple(doc.measures),
        source=source,
        listed_on=doc.effective,
        history=(StatusEvent(status="listed", start=doc.effective, source=source),),
        remarks=item.note,
        original=item.text,
    )


def parse(path: Path, data_date: dt.date | None = None) -> ParseOutcome:
    files = _files(path)
    base = path if path.is_dir() else path.parent
    report = ImportReport(source="mofcom", files=[str(f) for f in files])
    by_list: dict[str, dict[str, Listing]] = defaultdict(dict)
    updates: list[StatusUpdate] = []
    newest: dt.date | None = None
    for file in files:
        name = str(file.relative_to(base)) if file != base else file.name
        doc = parse_document(name, read_text(file))
        if doc.date is None:
            report.rows += 1
            report.reject("no publication date found", file=name, line=None)
            continue
        newest = max(newest or doc.date, doc.date)
        if doc.list_id is None:
            report.rows += 1
            report.reject("cannot tell which list this text concerns", file=name, line=None)
            continue
        if doc.kind == "update":
            found = read_updates(doc)
            report.rows += 1
            if not found:
                report.reject(
                    "a notice whose suspensions or stops could not be read", file=name, line=None
                )
            updates += found
            continue
        if doc.kind == "other":
            report.warn("names no party to list (an investigation or other notice)", file=name)
            continue
        key = document_key(doc.number, doc.date)
        if key is None:
            key = fallback_key(doc.date)
            report.warn(
                f"no announcement number found; the document is keyed by its date {key}", file=name
            )
        for line, problem in doc.problems:
            if problem.startswith("warning: "):
                report.warn(problem.removeprefix("warning: "), file=name, line=line)
            else:
                report.rows += 1
                report.reject(problem, file=name, line=line)
        for item in doc.items:
            report.rows += 1
            listing = _listing(doc, item, key)
            if listing.id in by_list[doc.list_id]:
                continue  # a branch line repeating its parent
            by_list[doc.list_id][listing.id] = listing
    touched = set(by_list) | {u.list_id for u in updates}
    updates += [u for u in encoded_updates() if u.list_id in touched]
    date = data_date or newest
    lists = []
    for list_id, listings in sorted(by_list.items()):
        merged = apply_updates(listings.values(), updates)
        lists.append(
            ParsedList(
                info=CN_LISTS[list_id],
                data_date=date,
                listings=merged,
                merge=True,
                updates=[u for u in updates if u.list_id == list_id],
            )
        )
    for list_id in sorted({u.list_id for u in updates} - set(by_list)):
        lists.append(
            ParsedList(
                info=CN_LISTS[list_id],
                data_date=date,
                listings=[],
                merge=True,
                updates=[u for u in updates if u.list_id == list_id],
            )
        )
    return ParseOutcome(lists, report)
