"""Chinese names written in Wade-Giles, read as pinyin.

Taiwan, Hong Kong and older lists write Chinese names in Wade-Giles (Hsi Chin-ping, Mao
Tse-tung, Teng Hsiao-ping), mainland China and most lists in pinyin (Xi Jinping, Mao Zedong,
Deng Xiaoping): the same names, spelt so unlike that they shared nothing but their surnames'
letters (0.37 to 0.72 in veu-names/10). `reading` reads a name in Latin letters whose words are
all Wade-Giles syllables as pinyin, each syllable as the pinyin the other name writes where it is
one of its readings.

The table is pypinyin's (its ``WADEGILES`` style: pinyin to Wade-Giles, 422 syllables), turned
around. Names drop Wade-Giles's apostrophes and umlauts (Ch'en, Hsü are written Chen, Hsu), which
told aspirated from unaspirated: without them a syllable has up to four readings (chun: jun,
qun, zhun, chun), and a pair read that way is a little less certain (`veu.matching.scorer`).
A name is read so only when all its words are Wade-Giles and one at least is no pinyin as written
(Hsi, Tse, Chin): Chen Li is pinyin, and is not read as Zhen Li; Muhsin (Arabic), in AL-FADHLI,
Muhsin, is made of Wade-Giles syllables too, but its name is not.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from veu.names.pinyin import TABLE, cut, is_pinyin

MOST_SYLLABLES = 3  # in a word of a name read as Wade-Giles (Kaohsiung: two; Chin-ping: one each)


def _readings() -> dict[str, tuple[str, ...]]:
    readings: dict[str, list[str]] = defaultdict(list)
    for pinyin, wade_giles in TABLE:
        if pinyin not in readings[wade_giles]:
            readings[wade_giles].append(pinyin)  # the unaspirated reading first
    return {k: tuple(v) for k, v in readings.items()}


READINGS = _readings()


# The letters Wade-Giles syllables are written with: a name with any other (b, d, q, v, x, a
# digit, a letter not ASCII) is no Wade-Giles, which is told without cutting its words.
_OTHER_LETTERS = re.compile(f"[^{''.join(sorted(set(''.join(READINGS))))}]")


def wade_giles_syllables(tokens: tuple[str, ...]) -> tuple[tuple[str, ...], ...] | None:
    """Each word of a name in Wade-Giles cut into its syllables, when the name is in
    Wade-Giles: of two words or more, each of at most three Wade-Giles syllables, and one at
    least no pinyin as written (no pinyin syllable, nor run of them: Hsi, Tse, Chin). Else None:
    Chen Li is pinyin, and is not read as Zhen Li; in AL-FADHLI, Muhsin or Kaohsiung
    Shipbuilding, a word is no Wade-Giles, and Muhsin alone is one word."""
    if len(tokens) < 2 or _OTHER_LETTERS.search("".join(tokens)):
        return None
    return _wade_giles_syllables(tokens)


@lru_cache(maxsize=65536)
def _wade_giles_syllables(tokens: tuple[str, ...]) -> tuple[tuple[str, ...], ...] | None:
    words = tuple(map(_syllables, tokens))
    if not all(words):
        return None
    return words if not all(is_pinyin(t) for t in tokens) else None


def is_wade_giles_word(token: str) -> bool:
    """Whether ``token`` is one to three Wade-Giles syllables (Hsiang, Kuo, Chinping)."""
    return bool(_syllables(token))


@lru_cache(maxsize=65536)
def _syllables(token: str) -> tuple[str, ...]:
    """A word cut into at most `MOST_SYLLABLES` Wade-Giles syllables, or () (once a word: a
    name's words recur in many names)."""
    if len(token) > MOST_SYLLABLES * 6 or not (token.isalpha() and token.isascii()):
        return ()
    words = cut(token, READINGS)
    return words if len(words) <= MOST_SYLLABLES else ()


def reading(
    tokens: tuple[str, ...], other: str
) -> tuple[tuple[str, ...], list[tuple[str, str]], int] | None:
    """The pinyin reading of a name in Wade-Giles (`wade_giles_syllables`) beside ``other``
    (the other name's skeleton): each syllable read as the first of its readings that ``other``
    writes where the reading has got to, else as its first (unaspirated) reading. Returns the
    words read, the (written, read) syllables that changed, and how many syllables had more
    than one reading; None when the name is no Wade-Giles."""
    words = wade_giles_syllables(tokens)
    if words is None:
        return None
    at = 0
    out: list[str] = []
    changed: list[tuple[str, str]] = []
    ambiguous = 0
    for syllables in words:
        word = []
        for syllable in syllables:
            choices = READINGS[syllable]
            ambiguous += len(choices) > 1
            found = [(k, c) for c in choices if (k := other.find(c, at)) >= 0]
            if found:
                k, read = min(found, key=lambda f: (f[0], -len(f[1])))
                at = k + len(read)
            else:
                read = choices[0]
            if read != syllable:
                changed.append((syllable, read))
            word.append(read)
        out.append("".join(word))
    return tuple(out), changed, ambiguous


def canonical(tokens: tuple[str, ...]) -> tuple[str, ...] | None:
    """The reading of a name in Wade-Giles with no other name beside it (each syllable's first
    reading): what candidates are looked up by. None when the name is no Wade-Giles."""
    read = reading(tokens, "")
    return None if read is None else read[0]
