"""The syllables of pinyin, and words of names cut into them.

pypinyin's Wade-Giles table (`pypinyin.style.wadegiles`) lists every pinyin syllable beside its
Wade-Giles spelling; `veu.names.wade_giles` reads it the other way round.
"""

from __future__ import annotations

from collections.abc import Collection
from functools import lru_cache

from pypinyin import lazy_pinyin
from pypinyin.core import Pinyin
from pypinyin.style.wadegiles import _convert_table

LONGEST = 6  # letters in the longest syllable (zhuang, chuang, hsiung)
_VOWELS = frozenset("aeo")


def fold(syllable: str) -> str:
    """A syllable as names write it: no apostrophe, no umlaut (lü and lv are written lu)."""
    return syllable.replace("'", "").replace("`", "").replace("ü", "u").replace("v", "u")


_CONVERTER = Pinyin()


def pinyin_of(han: str) -> list[str]:
    """The pinyin syllables of ``han`` (without tones), as ``pypinyin.lazy_pinyin`` gives them,
    sooner: pypinyin cuts the text into its dictionary's words and reads each word alone, so each
    word's reading is kept (`_word_pinyin`) and a name's common words (有限, 公司, 中国, 科技) are
    read once, not in every name (115 µs a name read whole, 20 µs word by word)."""
    out: list[str] = []
    for word in _CONVERTER.seg(han):
        out.extend(_word_pinyin(word))
    return out


@lru_cache(maxsize=65536)
def _word_pinyin(word: str) -> tuple[str, ...]:
    return tuple(lazy_pinyin(word))


TABLE: tuple[tuple[str, str], ...] = tuple((fold(p), fold(w)) for p, w in _convert_table)
SYLLABLES = frozenset(p for p, _ in TABLE)


def cut(token: str, syllables: Collection[str], *, apostrophes: bool = False) -> tuple[str, ...]:
    """``token`` cut into the fewest ``syllables`` (every letter used), or () when it cannot
    be. With ``apostrophes``, a syllable beginning with a, e or o begins the word only (pinyin
    writes an apostrophe before one inside a word, xi'an: chiang is not chi-ang)."""
    n = len(token)
    best: list[tuple[str, ...] | None] = [None] * (n + 1)
    best[0] = ()
    for end in range(1, n + 1):
        for start in range(max(0, end - LONGEST), end):
            before = best[start]
            if before is None or (start and apostrophes and token[start] in _VOWELS):
                continue
            if token[start:end] not in syllables:
                continue
            if best[end] is None or len(before) + 1 < len(best[end] or ()):
                best[end] = (*before, token[start:end])
    return best[n] or ()


@lru_cache(maxsize=65536)
def is_pinyin(token: str) -> bool:
    """Whether ``token`` is a pinyin syllable or a run of them, as a word of a name (Jinping,
    Xian; not Chiang, Hsi)."""
    return token.isascii() and bool(cut(token, SYLLABLES, apostrophes=True))


# Chinese places as the postal romanisation (and older spellings still in firms' and
# universities' names) writes them, with their pinyin: Peking University is Beijing University,
# 北京大学. Left out: the names that are also English or other names (Canton, Sian, Hong Kong,
# Macao). Taiwan's cities as Taiwan writes them (Kaohsiung, Taipei, Hsinchu) are among them.
POSTAL: dict[str, str] = {
    "peking": "beijing", "peiping": "beiping", "nanking": "nanjing", "tientsin": "tianjin",
    "amoy": "xiamen", "tsingtao": "qingdao", "tsingdao": "qingdao", "chungking": "chongqing",
    "soochow": "suzhou", "hangchow": "hangzhou", "foochow": "fuzhou", "swatow": "shantou",
    "mukden": "shenyang", "dairen": "dalian", "kwangtung": "guangdong", "kwangsi": "guangxi",
    "fukien": "fujian", "szechwan": "sichuan", "szechuan": "sichuan", "hupeh": "hubei",
    "hupei": "hubei", "honan": "henan", "hopeh": "hebei", "hopei": "hebei",
    "shantung": "shandong", "shansi": "shanxi", "shensi": "shaanxi", "kiangsu": "jiangsu",
    "kiangsi": "jiangxi", "chekiang": "zhejiang", "kweichow": "guizhou", "kansu": "gansu",
    "anhwei": "anhui", "tsinghai": "qinghai", "sinkiang": "xinjiang", "tsinghua": "qinghua",
    "chengtu": "chengdu", "lanchow": "lanzhou", "chinkiang": "zhenjiang", "ningpo": "ningbo",
    "wenchow": "wenzhou", "kweilin": "guilin", "hankow": "hankou", "paotow": "baotou",
    "tsinan": "jinan", "yenan": "yanan", "kiukiang": "jiujiang", "kwangchow": "guangzhou",
    "kaohsiung": "gaoxiong", "taipei": "taibei", "taichung": "taizhong", "hsinchu": "xinzhu",
    "keelung": "jilong",
}  # fmt: skip
