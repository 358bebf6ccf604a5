"""Suspensions and stops: read from the MOFCOM spokesperson notices, and the export-control-list
changes of 2025 that no bundled text carries (``status_changes.yml``, each citing its source)."""

from __future__ import annotations

import datetime as dt
import re
from importlib import resources
from typing import Any

import yaml

from veu.errors import InvalidInput, Problem
from veu.ingest.common import StatusUpdate
from veu.ingest.mofcom.text import Document, cn_date
from veu.model import SourceDocument, StatusEvent

_FROM = re.compile(r"自\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*起")
_CLAUSE = re.compile(
    r"(继续暂停|暂停|停止|终止|取消)\s*[^（(，。]*?[（(]([^）)]*)[）)]\s*相关措施\s*"
    r"(?:(\d+)\s*(天|日|个月|年))?"
)
_REF = re.compile(r"〔(\d{4})〕\s*([\d和、及,，\s]+)\s*号")
_ECL_REF = re.compile(r"(\d{4})\s*年第\s*(\d+)\s*号")


def document_key(number: str | None, date: dt.date | None) -> str | None:
    """``2025-21`` for 商务部公告2025年第21号, ``2025-7`` for …〔2025〕7号, ``<year>-19`` for
    外交部令第19号 (MFA orders carry no year: the document's year is used)."""
    if not number:
        return None
    flat = "".join(number.split())
    if m := _REF.search(flat):
        first = re.findall(r"\d+", m.group(2))[0]
        return f"{m.group(1)}-{int(first)}"
    if m := _ECL_REF.search(flat):
        return f"{m.group(1)}-{int(m.group(2))}"
    if (m := re.search(r"第(\d+)号", flat)) and date:
        return f"{date.year}-{int(m.group(1))}"
    return None


def fallback_key(date: dt.date) -> str:
    """Key of a document that carries no number (some MFA decisions): its date."""
    return f"{date:%Y%m%d}"


def add_duration(start: dt.date, amount: int, unit: str) -> dt.date:
    if unit in ("天", "日"):
        return start + dt.timedelta(days=amount)
    months = amount * 12 if unit == "年" else amount
    month = start.month - 1 + months
    year = start.year + month // 12
    day = min(start.day, 28) if start.month == 2 else start.day
    return dt.date(year, month % 12 + 1, day)


def read_updates(doc: Document) -> list[StatusUpdate]:
    """The suspensions and stops a spokesperson notice announces."""
    flat = "".join(doc.text.split())
    starts = [(m.end(), cn_date(m.group(1))) for m in _FROM.finditer(flat)]
    source = SourceDocument(
        number=doc.number, title=doc.title, url=doc.url, date=doc.date, authority="MOFCOM"
    )
    out: list[StatusUpdate] = []
    for clause in _CLAUSE.finditer(flat):
        verb, ref, amount, unit = clause.groups()
        # The date a change runs from is the nearest 自…起 before it (not one quoted earlier).
        before = [d for end, d in starts if end <= clause.start() and d]
        start = before[-1] if before else doc.date
        if start is None:
            continue
        list_id = "cn-uel" if "不可靠实体" in ref else "cn-ecl" if "商务部" in ref else doc.list_id
        refs = _REF.search(ref)
        if not refs or list_id is None:
            continue
        year = refs.group(1)
        # ``〔2025〕5号和6号`` names two announcements.
        numbers = [int(n) for n in re.findall(r"(\d+)\s*号", ref[refs.start(2) :])]
        if verb in ("停止", "终止", "取消"):
            event = StatusEvent(
                status="stopped", start=start, source=source, note=f"{verb}相关措施"
            )
        else:
            until = add_duration(start, int(amount), unit) if amount and unit else None
            event = StatusEvent(
                status="suspended",
                start=start,
                until=until,
                source=source,
                note=f"{verb}相关措施" + (f"{amount}{unit}" if amount else ""),
            )
        out += [StatusUpdate(list_id=list_id, document=f"{year}-{n}", event=event) for n in numbers]
    return out


def encoded_updates() -> list[StatusUpdate]:
    """Status changes that no bundled official text carries (BRIEF §4.4), each with its source."""
    text = resources.files("veu.ingest.mofcom").joinpath("status_changes.yml").read_text("utf-8")
    return parse_encoded(yaml.safe_load(text), "status_changes.yml")


def parse_encoded(data: Any, file: str) -> list[StatusUpdate]:
    out = []
    if not isinstance(data, list):
        raise InvalidInput(f"{file} must be a list of changes", [Problem("not a list", file=file)])
    for i, item in enumerate(data, 1):
        try:
            source = SourceDocument(**item["source"])
            event = StatusEvent(
                status=item["status"],
                start=item["start"],
                until=item.get("until"),
                source=source,
                note=item.get("note"),
            )
            out += [
                StatusUpdate(list_id=item["list"], document=str(doc), event=event)
                for doc in item["documents"]
            ]
        except (KeyError, TypeError, ValueError) as exc:
            raise InvalidInput(
                f"{file}: change #{i} is malformed", [Problem(str(exc), file=file, field=f"[{i}]")]
            ) from exc
    return out
