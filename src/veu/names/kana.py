"""Japanese kana in Latin letters (Hepburn), as Japan writes its names and loanwords in English.

Katakana writes foreign words and names by sound (ジャパン, japan; エンジン, enjin), hiragana
Japanese ones (みずほ, mizuho). Written in Latin letters by the Hepburn system: a syllable with a
small ャ, ュ, ョ is one syllable (ジャ ja, not jiya), as are those with a small vowel that
loanwords use (ディ di, ファ fa, ウィ wi); ッ doubles the consonant after it (ジェット jetto);
the long-vowel mark ー is left out (サービス sabisu: English writes one vowel, service). A mark
or character of no sound is left as it is, for the caller's other rules (・ between words).
"""

from __future__ import annotations

import re
from functools import lru_cache

KATAKANA = "\u30a1-\u30fa\u30fc"  # the syllables and the long-vowel mark ー
_HIRAGANA_TO_KATAKANA = {c: c + 0x60 for c in range(0x3041, 0x3097)}

_ROWS = {
    "": "アイウエオ",
    "k": "カキクケコ",
    "g": "ガギグゲゴ",
    "s": "サシスセソ",
    "z": "ザジズゼゾ",
    "t": "タチツテト",
    "d": "ダヂヅデド",
    "n": "ナニヌネノ",
    "h": "ハヒフヘホ",
    "b": "バビブベボ",
    "p": "パピプペポ",
    "m": "マミムメモ",
    "r": "ラリルレロ",
}
_IRREGULAR = {"シ": "shi", "ジ": "ji", "チ": "chi", "ヂ": "ji", "ツ": "tsu", "ヅ": "zu", "フ": "fu"}
_SINGLE: dict[str, str] = {
    kana: _IRREGULAR.get(kana, consonant + vowel)
    for consonant, row in _ROWS.items()
    for kana, vowel in zip(row, "aiueo", strict=True)
}
_SINGLE.update(
    {
        "ヤ": "ya", "ユ": "yu", "ヨ": "yo", "ワ": "wa", "ヰ": "i", "ヱ": "e", "ヲ": "o", "ン": "n",
        "ヴ": "vu", "ァ": "a", "ィ": "i", "ゥ": "u", "ェ": "e", "ォ": "o", "ャ": "ya", "ュ": "yu",
        "ョ": "yo", "ヮ": "wa", "ヵ": "ka", "ヶ": "ke",
    }
)  # fmt: skip
# Two kana read as one syllable: the i-row with a small ya, yu or yo (キャ kya, シャ sha), and the
# syllables loanwords write with a small vowel (ファ fa, ティ ti, ウィ wi, ヴァ va, シェ she).
_DOUBLE: dict[str, str] = {}
for _kana, _stem in (
    ("キ", "ky"), ("ギ", "gy"), ("シ", "sh"), ("ジ", "j"), ("チ", "ch"), ("ヂ", "j"), ("ニ", "ny"),
    ("ヒ", "hy"), ("ビ", "by"), ("ピ", "py"), ("ミ", "my"), ("リ", "ry"),
):  # fmt: skip
    _DOUBLE.update(
        {_kana + "ャ": _stem + "a", _kana + "ュ": _stem + "u", _kana + "ョ": _stem + "o"}
    )
_DOUBLE.update(
    {
        "シェ": "she", "ジェ": "je", "チェ": "che", "イェ": "ye", "ティ": "ti", "ディ": "di",
        "トゥ": "tu", "ドゥ": "du", "テュ": "tyu", "デュ": "dyu", "ファ": "fa", "フィ": "fi",
        "フェ": "fe", "フォ": "fo", "フュ": "fyu", "ウィ": "wi", "ウェ": "we", "ウォ": "wo",
        "ヴァ": "va", "ヴィ": "vi", "ヴェ": "ve", "ヴォ": "vo", "ツァ": "tsa", "ツィ": "tsi",
        "ツェ": "tse", "ツォ": "tso", "クァ": "kwa", "グァ": "gwa", "クォ": "kwo",
    }
)  # fmt: skip
_KANA_RUN = re.compile(f"[{KATAKANA}]+")


def romanise_kana(text: str) -> str:
    """``text`` with its kana (katakana or hiragana) in Latin letters, by Hepburn (see the module
    docstring); other characters as they are."""
    return _KANA_RUN.sub(lambda m: _romanised(m.group()), text.translate(_HIRAGANA_TO_KATAKANA))


@lru_cache(maxsize=8192)
def _romanised(run: str) -> str:
    out: list[str] = []
    double = False  # a small ッ before: the next consonant is written twice
    pos = 0
    while pos < len(run):
        pair = run[pos : pos + 2]
        if pair in _DOUBLE:
            syllable, pos = _DOUBLE[pair], pos + 2
        else:
            kana, pos = run[pos], pos + 1
            if kana == "ッ":
                double = True
                continue
            syllable = _SINGLE.get(kana, "")  # ー, the long-vowel mark: not written
        if double and syllable and syllable[0] not in "aeiou":
            syllable = ("t" if syllable.startswith("ch") else syllable[0]) + syllable
        double = False
        out.append(syllable)
    return "".join(out)
