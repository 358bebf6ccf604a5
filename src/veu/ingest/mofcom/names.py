"""Parties as the announcement texts name them: a Chinese name with the English in brackets,
persons with their roles written before the name, several names in one sentence, a name that
itself contains the enumeration comma. Used by `veu.ingest.mofcom.text` on annex lines and on
decision sentences."""

from __future__ import annotations

import re
from dataclasses import dataclass

from veu.ingest.common import split_outside_brackets
from veu.model import PartyKind

NAME_PAIR = re.compile(r"([^（(，,：:；;]*?)\s*[（(]([^（）()]+)[）)]")
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
_QUOTES = '“”"「」『』‘’'


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


def clean(text: str) -> str:
    return text.replace("\u3000", " ").replace("\u200c", "").replace("\ufeff", "").strip()


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


# A region written after a party's English name (``CSBC Corporation,Taiwan``, whose Chinese name
# 国际造船股份有限公司 writes none): the party's name is the rest. Only Taiwan, as MOFCOM writes
# it: after another place (Bank of China (Hong Kong)) the place names another company.
_REGION_AFTER = re.compile(
    r"^(?P<name>.*\S)\s*(?:[,，]\s*(?:Taiwan|Taiwan Region)|\((?:Taiwan|Taiwan Region)\))$"
)


def without_region(en: str) -> str | None:
    """A party's English name without the region written after it (``CSBC Corporation,Taiwan``:
    ``CSBC Corporation``), or None when it writes none: screening the party's name alone found
    the listing at 0.57, under review."""
    found = _REGION_AFTER.match(en)
    return found.group("name").strip(" ,") if found else None


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
    text = clean(text).rstrip("。;；")
    pairs = list(NAME_PAIR.finditer(text))
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


def split_top_level(clause: str) -> list[str]:
    return _rejoin(split_outside_brackets(clause, "、"))


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
        complete = (
            bool(NAME_PAIR.search(part)) or part.endswith(_ORG_ENDINGS) or i == len(parts) - 1
        )
        if not complete and not re.search(r"[A-Za-z]", part):
            pending = part + "、"
            continue
        out.append(part)
    return out
