"""Reading one official MOFCOM / MFA announcement text: its metadata, the list it concerns, its
measures and the parties it names (from the numbered annex, or from the decision sentence when
there is no annex)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from veu.ingest.mofcom.names import (
    NAME_PAIR,
    Item,
    clean,
    parse_item,
    split_top_level,
)
from veu.model import PartyKind

CN_NUM = "一二三四五六七八九十"
_DATE_CN = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_DATE_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_META_NUMBER = re.compile(r"【发布文号】\s*(.+)")
_META_DATE = re.compile(r"【发文日期】\s*(.+)")
_NUMBER_PATTERNS = (
    re.compile(r"商务部公告\s*\d{4}\s*年第\s*\d+\s*号"),
    re.compile(r"不可靠实体清单工作机制(?:公告)?\s*〔\d{4}〕\s*\d+\s*号"),
    re.compile(r"外交部令\s*第\s*\d+\s*号"),
    re.compile(r"商务部令\s*\d{4}\s*年第\s*\d+\s*号"),
)
_EFFECTIVE = re.compile(
    r"自\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)(?:\s*\d+\s*时\s*\d+\s*分)?\s*起(?:正式)?(?:实施|施行)"
)
_FROM_PUBLICATION = re.compile(r"自公布之日起(?:正式)?(?:实施|施行)")
_ITEM = re.compile(rf"^\s*(?:(\d+)\s*[.．、]|([{CN_NUM}]+)\s*、|[（(]([{CN_NUM}]+)[）)])\s*(.*)$")
_BRANCH = re.compile(r"^\s*[-－—–]\s*(\S.*)$")
_SECTION_WORDS = {
    "企业": PartyKind.company,
    "实体": PartyKind.company,
    "机构": PartyKind.organization,
    "高级管理人员": PartyKind.person,
    "个人": PartyKind.person,
    "人员": PartyKind.person,
    "机构人员": PartyKind.person,
}
_SECTION = re.compile(r"^(企业|实体|机构人员|机构|高级管理人员|个人|人员)(?:[（(][^）)]*[）)])?$")
_TITLE_COUNTRIES = (
    ("台湾地区", "TW"),
    ("美国", "US"),
    ("日本", "JP"),
    ("加拿大", "CA"),
    ("欧盟", "EU"),
    ("英国", "GB"),
)
_COUNT_COUNTRY = re.compile(r"\d+家(台湾地区|美国|日本|加拿大|欧盟|英国)")


@dataclass
class Document:
    file: str
    text: str
    url: str | None = None
    title: str | None = None
    number: str | None = None
    date: dt.date | None = None
    effective: dt.date | None = None
    list_id: str | None = None
    kind: str = "other"  # listing | update | other
    country: str | None = None
    measures: list[str] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)


def cn_date(text: str) -> dt.date | None:
    m = _DATE_CN.search(text)
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _title(lines: list[str]) -> str | None:
    for line in lines:
        line = clean(line)
        if not line or line.startswith(("http", "来源", "【")):
            continue
        return line
    return None


def _number(text: str, lines: list[str]) -> str | None:
    for line in lines:
        m = _META_NUMBER.search(line)
        if m:
            return clean(m.group(1))
    flat = re.sub(r"\s+", "", text)
    for pattern in _NUMBER_PATTERNS:
        m = pattern.search(flat)
        if m:
            return m.group()
    return None


def _date(text: str, lines: list[str]) -> dt.date | None:
    for line in lines:
        m = _META_DATE.search(line)
        if m and (d := cn_date(m.group(1))):
            return d
    for line in lines[:8]:
        m = _DATE_ISO.search(line)
        if m:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    dates = [d for line in lines if (d := cn_date(line))]
    return dates[-1] if dates else None


def list_of(text: str) -> str | None:
    if "管控名单" in text:
        return "cn-ecl"
    if "关注名单" in text:
        return "cn-watch"
    if "不可靠实体清单" in text:
        return "cn-uel"
    if "反制" in text:
        return "cn-afs"
    return None


_HEADING = re.compile(r"^(附件?|反制(?:裁)?清单|出口管制管控名单|关注名单|被列入.*)$")
_DATE_LINE = re.compile(r"^[（(]?\s*\d{4}\s*年.*[）)]?$")
_INLINE_LISTING = re.compile(r"决定(?:于[^，。将]*)?将(.+?)列入", re.S)
_INLINE_COUNTERMEASURE = re.compile(r"决定对(.+?)采取", re.S)
_INLINE_TAIL = re.compile(r"等\s*(?:\d+|[一二三四五六七八九十]+)?\s*家?.*$", re.S)


def _annex_start(lines: list[str]) -> int | None:
    found = None
    for i, line in enumerate(lines):
        if _HEADING.match(clean(line)):
            found = i
    return found


def _measures(body: list[str]) -> list[str]:
    measures: list[str] = []
    collecting = False
    for line in body:
        text = clean(line)
        if not text:
            continue
        if collecting:
            if text.startswith(("本公告", "本决定", "附件", "附：", "不可靠实体清单工作机制")):
                break
            measures.append(text)
        elif re.search(r"措施[：:]\s*$", text):
            collecting = True
    if not measures:
        cleaned = [clean(line) for line in body]
        measures = [line for line in cleaned if _ITEM.match(line) and len(line) <= 160]
    return measures


def _annex_items(lines: list[str], start: int, kind: PartyKind, doc: Document) -> list[Item]:
    items: list[Item] = []
    numbered = False
    parent: Item | None = None
    for idx in range(start + 1, len(lines)):
        line_no = idx + 1
        text = clean(lines[idx])
        if not text or _HEADING.match(text) or _DATE_LINE.match(text):
            continue
        if (m := _BRANCH.match(text)) and parent is not None:
            items.append(
                Item(
                    line=line_no,
                    zh=None,
                    en=m.group(1).strip(),
                    kind=PartyKind.company,
                    text=text,
                    note=f"branch of {parent.en or parent.zh}",
                )
            )
            continue
        m = _ITEM.match(text)
        if m:
            numbered = True
            body = m.group(4).strip()
            if not body:
                doc.problems.append((line_no, "warning: numbered annex line with no name"))
                continue
            section = _SECTION.match(body)
            if section:
                kind = _SECTION_WORDS[section.group(1)]
                continue
            found = parse_item(body, line_no, kind)
            if not found:
                doc.problems.append((line_no, f"cannot read a party name in {body!r}"))
            items += found
            parent = found[0] if found else parent
        elif not numbered and (NAME_PAIR.search(text) or re.search(r"[，,]\s*[男女]", text)):
            found = parse_item(text, line_no, kind)
            items += found
            parent = found[0] if found else parent
    return items


def _inline_items(text: str, kind: PartyKind, list_id: str | None) -> list[Item]:
    m = _INLINE_LISTING.search(text)
    if m is None and list_id == "cn-afs":
        m = _INLINE_COUNTERMEASURE.search(text)
    if m is None:
        return []
    line_no = text.count("\n", 0, m.start(1)) + 1
    clause = " ".join(m.group(1).split())
    clause = _INLINE_TAIL.sub("", clause) if "等" in clause else clause
    if clause.startswith(("以下", "上述")):
        return []
    items: list[Item] = []
    for part in split_top_level(clause):
        items += parse_item(part, line_no, kind, inline=True)
    return items


def _default_kind(doc: Document) -> PartyKind:
    if doc.list_id in ("cn-ecl", "cn-uel", "cn-watch"):
        return PartyKind.company
    title = doc.title or ""
    if "企业" in title or "公司" in title:
        return PartyKind.company
    if any(w in title for w in ("机构", "研究所", "图书馆", "委员会")):
        return PartyKind.organization
    return PartyKind.unknown


def parse_document(file: str, text: str) -> Document:
    """Everything one announcement says that the red list needs."""
    lines = text.splitlines()
    doc = Document(file=file, text=text)
    first = clean(lines[0]) if lines else ""
    if first.startswith("http"):
        doc.url = first
    doc.title = _title(lines)
    doc.number = _number(text, lines)
    doc.date = _date(text, lines)
    doc.list_id = list_of(doc.title or "") or list_of(text)
    opening = (doc.title or "") + "".join(text.split())[:300]
    if m := _COUNT_COUNTRY.search(opening):
        doc.country = dict(_TITLE_COUNTRIES)[m.group(1)]
    else:
        for word, code in _TITLE_COUNTRIES:
            if word in (doc.title or ""):
                doc.country = code
                break
    if "答记者问" in (doc.title or "") or "答记者问" in text[:500]:
        doc.kind = "update"
        return doc
    flat = "".join(text.split())
    if m := _EFFECTIVE.search(flat):
        doc.effective = cn_date(m.group(1))
    elif _FROM_PUBLICATION.search(flat):
        doc.effective = doc.date
    doc.effective = doc.effective or doc.date
    kind = _default_kind(doc)
    start = _annex_start(lines)
    body = lines[:start] if start is not None else lines
    doc.measures = _measures(body)
    items = _annex_items(lines, start, kind, doc) if start is not None else []
    if not items:
        items = _inline_items(text, kind, doc.list_id)
    doc.items = items
    doc.kind = "listing" if items else "other"
    return doc
