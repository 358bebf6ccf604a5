"""Reading one official MOFCOM / MFA announcement text: its metadata, the list it concerns, its
measures and the parties it names (from the numbered annex, or from the decision sentence when
there is no annex)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

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
_PAIR = re.compile(r"([^（(，,：:；;]*?)\s*[（(]([^（）()]+)[）)]")
_LEADING_JOINERS = ("、", "和", "及", "以及", "与")
_PERSON_TAIL = re.compile(r"^[，,]\s*[男女]")
_ROLE_WORDS = (
    "议员",
    "主席",
    "主任",
    "顾问",
    "董事",
    "经理",
    "所长",
    "总裁",
    "部长",
    "创始人",
    "行政官",
    "执行官",
    "运营官",
    "财务官",
    "负责人",
    "成员",
    "院长",
    "校长",
    "幕僚长",
    "总监",
    "副总裁",
)
_DESCRIPTOR_END = "的"
_COUNTRY_PREFIXES = {
    "美国": "US",
    "加拿大": "CA",
    "日本": "JP",
    "台湾地区": "TW",
    "英国": "GB",
    "欧盟": "EU",
}
_TITLE_COUNTRIES = (
    ("台湾地区", "TW"),
    ("美国", "US"),
    ("日本", "JP"),
    ("加拿大", "CA"),
    ("欧盟", "EU"),
    ("英国", "GB"),
)
_QUOTES = '“”"「」『』‘’'
_COUNT_COUNTRY = re.compile(r"\d+家(台湾地区|美国|日本|加拿大|欧盟|英国)")


@dataclass
class Item:
    """A party as named in a text: Chinese and English names, kind, any note after the name."""

    line: int
    zh: str | None
    en: str | None
    kind: PartyKind
    text: str
    note: str | None = None
    as_written: str | None = None


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


def _clean(text: str) -> str:
    return text.replace("\u3000", " ").replace("\u200c", "").replace("\ufeff", "").strip()


def _title(lines: list[str]) -> str | None:
    for line in lines:
        line = _clean(line)
        if not line or line.startswith(("http", "来源", "【")):
            continue
        return line
    return None


def _number(text: str, lines: list[str]) -> str | None:
    for line in lines:
        m = _META_NUMBER.search(line)
        if m:
            return _clean(m.group(1))
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


def _strip_prefixes(zh: str, inline: bool) -> tuple[str, str | None]:
    """The name in ``zh`` and, when a country prefix was dropped, the name as written.

    A descriptor ending in 的 (``参与对台湾地区军售的``) and a leading 包括 are dropped; a name in
    quotes at the end (``加拿大“维吾尔人权倡导项目”``) is taken from the quotes. The country
    prefix (``美国``) is dropped only from names in a decision sentence (``决定将美国X公司列入``):
    in an annex it is part of the name (``美国光子公司`` is American Photonics).
    """
    if _DESCRIPTOR_END in zh:
        zh = zh.rsplit(_DESCRIPTOR_END, 1)[-1]
    zh = zh.strip().removeprefix("包括").strip()
    for joiner in _LEADING_JOINERS:
        zh = zh.removeprefix(joiner).strip()
    quoted = re.search(r"[“\"「『]([^”\"」』]+)[”\"」』]$", zh)
    if quoted:
        zh = quoted.group(1)
    zh = zh.strip(_QUOTES + " ")
    if inline:
        for prefix in _COUNTRY_PREFIXES:
            if zh.startswith(prefix) and len(zh) > len(prefix) + 1:
                return zh[len(prefix) :].strip(), zh
    return zh, None


def _person_name(zh: str) -> str:
    """The name after the last role word, as in
    ``美国得克萨斯州共和党联邦众议员迈克·麦考尔`` (the name is 迈克·麦考尔)."""
    cut = -1
    for word in _ROLE_WORDS:
        pos = zh.rfind(word)
        if pos >= 0:
            cut = max(cut, pos + len(word))
    name = zh[cut:] if 0 <= cut < len(zh) else zh
    return name.strip(_QUOTES + " ")


def _has_role(zh: str) -> bool:
    return any(word in zh for word in _ROLE_WORDS)


def parse_item(text: str, line: int, kind: PartyKind, *, inline: bool = False) -> list[Item]:
    """Parties named in one annex item (usually one; several in a narrative list of persons), or
    in one part of a decision sentence (``inline``)."""
    text = _clean(text).rstrip("。;；")
    pairs = list(_PAIR.finditer(text))
    is_person = kind == PartyKind.person or bool(
        pairs and _PERSON_TAIL.match(text[pairs[0].end() :])
    )
    if not pairs or all(not re.search(r"[A-Za-z]", m.group(2)) for m in pairs):
        # No English name: ``余茂春，男`` or ``哈德逊研究所``.
        head, sep, note = text.partition("，")
        if not sep:
            head, sep, note = text.partition(",")
        zh, written = _strip_prefixes(head, inline)
        person = is_person or note.strip().startswith(("男", "女")) or _has_role(zh)
        if person:
            zh, written = _person_name(zh), None
        if not zh:
            return []
        return [
            Item(
                line=line,
                zh=zh,
                en=None,
                kind=PartyKind.person if person else kind,
                text=text,
                note=note.strip() or None,
                as_written=written,
            )
        ]
    items = []
    for m in pairs:
        en = " ".join(m.group(2).replace("\u200c", "").split())
        if not re.search(r"[A-Za-z]", en):
            continue
        zh, written = _strip_prefixes(m.group(1), inline)
        person = is_person or ("·" in zh and _has_role(zh))
        if person:
            zh, written = _person_name(zh), None
        rest = text[m.end() :].strip(" ，,")
        items.append(
            Item(
                line=line,
                zh=zh or None,
                en=en,
                kind=PartyKind.person if person else kind,
                text=text,
                note=rest or None,
                as_written=written,
            )
        )
    return items


_HEADING = re.compile(r"^(附件?|反制(?:裁)?清单|出口管制管控名单|关注名单|被列入.*)$")
_DATE_LINE = re.compile(r"^[（(]?\s*\d{4}\s*年.*[）)]?$")
_INLINE_LISTING = re.compile(r"决定(?:于[^，。将]*)?将(.+?)列入", re.S)
_INLINE_COUNTERMEASURE = re.compile(r"决定对(.+?)采取", re.S)
_INLINE_TAIL = re.compile(r"等\s*(?:\d+|[一二三四五六七八九十]+)?\s*家?.*$", re.S)


def _annex_start(lines: list[str]) -> int | None:
    found = None
    for i, line in enumerate(lines):
        if _HEADING.match(_clean(line)):
            found = i
    return found


def _measures(body: list[str]) -> list[str]:
    measures: list[str] = []
    collecting = False
    for line in body:
        text = _clean(line)
        if not text:
            continue
        if collecting:
            if text.startswith(("本公告", "本决定", "附件", "附：", "不可靠实体清单工作机制")):
                break
            measures.append(text)
        elif re.search(r"措施[：:]\s*$", text):
            collecting = True
    if not measures:
        cleaned = [_clean(line) for line in body]
        measures = [line for line in cleaned if _ITEM.match(line) and len(line) <= 160]
    return measures


def _split_top_level(clause: str) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for ch in clause:
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            depth = max(0, depth - 1)
        if ch == "、" and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return _rejoin([p.strip() for p in parts if p.strip()])


_ORG_ENDINGS = (
    "公司",
    "集团",
    "实验室",
    "研究所",
    "研究院",
    "中心",
    "大学",
    "学院",
    "机构",
    "协会",
    "联盟",
    "论坛",
    "委员会",
    "银行",
    "医院",
    "企业",
    "工厂",
    "项目",
    "图书馆",
    "基金会",
)


def _rejoin(parts: list[str]) -> list[str]:
    """Join a part that cannot be a whole name (no English, no organisation ending, followed by
    more) to the next one, as in
    ``波音防务、空间与安全集团（Boeing Defense, Space & Security）``, which is one name."""
    out: list[str] = []
    pending = ""
    for i, part in enumerate(parts):
        part = pending + part
        pending = ""
        complete = bool(_PAIR.search(part)) or part.endswith(_ORG_ENDINGS) or i == len(parts) - 1
        if not complete and not re.search(r"[A-Za-z]", part):
            pending = part + "、"
            continue
        out.append(part)
    return out


def _annex_items(lines: list[str], start: int, kind: PartyKind, doc: Document) -> list[Item]:
    items: list[Item] = []
    numbered = False
    parent: Item | None = None
    for idx in range(start + 1, len(lines)):
        line_no = idx + 1
        text = _clean(lines[idx])
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
        elif not numbered and (_PAIR.search(text) or re.search(r"[，,]\s*[男女]", text)):
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
    for part in _split_top_level(clause):
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
    first = _clean(lines[0]) if lines else ""
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
