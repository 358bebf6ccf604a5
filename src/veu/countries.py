"""ISO 3166-1 alpha-2 codes: validation, and resolution of country names as lists write them."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import pycountry

from veu.model.iso3166 import ALPHA_2

# Names the lists use that ISO's own names do not cover.
_ALIASES: dict[str, str] = {
    "russia": "RU",
    "russian federation": "RU",
    "iran": "IR",
    "syria": "SY",
    "north korea": "KP",
    "korea north": "KP",
    "democratic peoples republic of korea": "KP",
    "dprk": "KP",
    "south korea": "KR",
    "korea south": "KR",
    "republic of korea": "KR",
    "korea": "KR",
    "burma": "MM",
    "myanmar": "MM",
    "venezuela": "VE",
    "bolivia": "BO",
    "tanzania": "TZ",
    "united republic of tanzania": "TZ",
    "vietnam": "VN",
    "viet nam": "VN",
    "laos": "LA",
    "moldova": "MD",
    "taiwan": "TW",
    "taiwan province of china": "TW",
    "chinese taipei": "TW",
    "hong kong": "HK",
    "macau": "MO",
    "macao": "MO",
    "united kingdom": "GB",
    "uk": "GB",
    "great britain": "GB",
    "england": "GB",
    "united states": "US",
    "united states of america": "US",
    "usa": "US",
    "us": "US",
    "uae": "AE",
    "czech republic": "CZ",
    "turkey": "TR",
    "turkiye": "TR",
    "ivory coast": "CI",
    "cote divoire": "CI",
    "congo democratic republic of the": "CD",
    "democratic republic of the congo": "CD",
    "congo": "CG",
    "republic of the congo": "CG",
    "palestinian": "PS",
    "west bank": "PS",
    "gaza": "PS",
    "palestine": "PS",
    "the bahamas": "BS",
    "bahamas": "BS",
    "the gambia": "GM",
    "gambia": "GM",
    "cape verde": "CV",
    "swaziland": "SZ",
    "macedonia": "MK",
    "north macedonia": "MK",
    "kosovo": "XK",
    "vatican": "VA",
    "holy see": "VA",
    "brunei": "BN",
    "micronesia": "FM",
    "st kitts and nevis": "KN",
    "saint kitts and nevis": "KN",
    "st lucia": "LC",
    "st vincent and the grenadines": "VC",
    "netherlands antilles": "CW",
    "region: crimea": "UA",
    "crimea": "UA",
    "region: northern mali": "ML",
    "china": "CN",
    "peoples republic of china": "CN",
    "prc": "CN",
    "iran islamic republic of": "IR",
    "syrian arab republic": "SY",
    "lao peoples democratic republic": "LA",
    "libyan arab jamahiriya": "LY",
}


# Countries as Chinese writes them in names (美国雷神公司, the press's Raytheon; 华为技术日本株式
# 会社), the lists' parties' countries and their neighbours, longest first where one holds another.
HAN_COUNTRIES: dict[str, str] = {
    "中华人民共和国": "CN", "中国台湾": "TW", "中国香港": "HK", "中国澳门": "MO",
    "美利坚合众国": "US",
    "中国": "CN", "美国": "US", "日本": "JP", "韩国": "KR", "朝鲜": "KP", "台湾": "TW",
    "香港": "HK", "澳门": "MO", "英国": "GB", "法国": "FR", "德国": "DE", "意大利": "IT",
    "加拿大": "CA", "澳大利亚": "AU", "新西兰": "NZ", "以色列": "IL", "印度": "IN",
    "俄罗斯": "RU", "白俄罗斯": "BY", "乌克兰": "UA", "新加坡": "SG", "伊朗": "IR",
    "伊拉克": "IQ", "叙利亚": "SY", "土耳其": "TR", "荷兰": "NL", "比利时": "BE", "瑞典": "SE",
    "瑞士": "CH", "挪威": "NO", "芬兰": "FI", "丹麦": "DK", "奥地利": "AT", "波兰": "PL",
    "西班牙": "ES", "葡萄牙": "PT", "巴基斯坦": "PK", "越南": "VN", "泰国": "TH",
    "马来西亚": "MY", "印度尼西亚": "ID", "菲律宾": "PH", "缅甸": "MM", "阿联酋": "AE",
    "沙特阿拉伯": "SA", "哈萨克斯坦": "KZ", "巴西": "BR", "墨西哥": "MX", "南非": "ZA",
}  # fmt: skip
HAN_COUNTRIES = dict(sorted(HAN_COUNTRIES.items(), key=lambda item: -len(item[0])))


def _key(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    folded = folded.replace("&", " and ")
    return re.sub(r"[^a-z: ]+", " ", re.sub(r"['’.,()]", "", folded)).strip().replace("  ", " ")


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    table: dict[str, str] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        table[code.lower()] = code
        table[country.alpha_3.lower()] = code
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if value:
                table[_key(value)] = code
    table.update(_ALIASES)
    return table


# Words in the names of more than one country (the Koreas, the Congos, the Guineas, the Sudans,
# the Samoas) or also of a region of another (Inner Mongolia, in China): alone they name none.
_AMBIGUOUS = frozenset({"korea", "congo", "guinea", "sudan", "samoa", "mongolia"})


@lru_cache(maxsize=1)
def country_words() -> dict[str, str]:
    """Countries named by one word of four letters or more (``chad``, ``china``, ``dprk``,
    ``burma``), lower-case and without accents, mapped to their codes: for telling apart names
    that differ only by the country they name (Bank of Chad / Bank of China)."""
    return {
        key: code
        for key, code in _table().items()
        if len(key) > 3 and key.isalpha() and key not in _AMBIGUOUS
    }


def country_code(name: str | None) -> str | None:
    """ISO alpha-2 code for a country name or code as written in a list, or None if unknown."""
    if not name:
        return None
    key = _key(name)
    if not key:
        return None
    return _table().get(key)


def is_country_code(code: str) -> bool:
    """True for an assigned ISO 3166-1 alpha-2 code (and XK, used by lists for Kosovo)."""
    return code in ALPHA_2
