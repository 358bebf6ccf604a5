"""Names written in Arabic script (Arabic, Persian, Urdu), which write consonants and long vowels
but not short ones: أسامة بن لادن is Usama bin Laden, محمد is Muhammad, Mohammed or Mohamed.

`romanise` writes an Arabic-script name's long vowels and splits off its article before it is
transliterated (anyascii leaves the alif out: أسامة came out ``smh``); `consonants` reduces a
word in Latin letters to what such a script writes of it, so that a word of a name written in
Arabic script can be read as the word of a Latin name with the same consonants (`fitted`). Without
its vowels a word may be read more than one way (محمد: Muhammad; محمود: Mahmoud, whose long u
the script writes, but the consonants do not keep), so a pair matched that way is never more than
a person's look (`veu.matching.scorer`).
"""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile("[\u0600-\u06ff\u0750-\u077f]+")
# Long vowels and the letters that carry a hamza, as names are written in Latin letters; the
# final ة of Usama, Hamza is said a.
_LETTERS = str.maketrans(
    {"ا": "a", "أ": "a", "إ": "i", "آ": "a", "ٱ": "a", "ى": "a", "ة": "a", "ؤ": "u", "ئ": "i"}
)
_GOD = frozenset({"الله", "لله"})
ARTICLE = "ال"


def romanise(text: str) -> str:
    """``text`` with each word in Arabic script given its long vowels, its article split off
    (الظواهري: al ظواهري) and Allah written out; the rest is left to the transliteration."""

    def word(found: re.Match[str]) -> str:
        w = found.group()
        if w in _GOD:
            return "allah"
        if w.startswith(ARTICLE) and len(w) > len(ARTICLE) + 1:
            return "al " + w[len(ARTICLE) :].translate(_LETTERS)
        return w.translate(_LETTERS)

    return _WORD.sub(word, text)


# Letter groups that Latin spellings of Arabic names write for one letter (ذ and ظ: dh or z,
# ث: th or s, خ: kh or h, غ: gh or g, ج: j or, in French, dj, ق: q or k).
_GROUPS = (
    ("dh", "z"), ("th", "s"), ("kh", "h"), ("gh", "g"), ("ph", "f"), ("dj", "j"), ("q", "k"),
    ("c", "k"),
)  # fmt: skip
_VOWELS = frozenset("aeiouyw")  # and the letters long vowels are written with
MIN_CONSONANTS = 2  # fewer say little about which word it is: read only as a short word
SHORT_WORD = 5  # the longest word one consonant is read as (علي: Ali; ايوب: Ayyub)
ARTICLES = frozenset({"al", "el", "ul"})


@lru_cache(maxsize=100_000)
def consonants(token: str) -> str:
    """What a script without short vowels keeps of a word: its consonants (letter groups
    merged, `_GROUPS`), without the vowels and the letters long ones are written with (a, e, i,
    o, u, w, y), each repeated one once: ``mohammed`` and ``mhmd`` give ``mhmd``, ``usama`` and
    ``asama`` ``sm``."""
    for written, kept in _GROUPS:
        if written in token:
            token = token.replace(written, kept)
    out: list[str] = []
    for ch in token:
        if ch not in _VOWELS and (not out or out[-1] != ch):
            out.append(ch)
    return "".join(out)


@lru_cache(maxsize=20_000)  # the shortlist estimates a candidate through it, then the scorer
def fitted(
    tokens: tuple[str, ...], other: tuple[str, ...]
) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """``tokens`` (of a name written in Arabic script) with each word that ``other`` (a name's
    tokens in Latin letters) does not have as it is read as the first word of ``other`` not yet
    taken with the same consonants: two words in a row that the other writes as one (عبد الله,
    Abdullah) first, then a word of two consonants or more, or of one beside a word of
    `SHORT_WORD` letters at most (علي, Ali); an article as the other's article (al, el, ul).
    And the words read, with what."""
    taken = {t for t in tokens if t in other}
    free = [o for o in other if o not in taken]
    out: list[str] = []
    read: list[tuple[str, str]] = []

    def take(skeleton: str, short: bool) -> str | None:
        for k, word in enumerate(free):
            if consonants(word) == skeleton and (not short or len(word) <= SHORT_WORD):
                return free.pop(k)
        return None

    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token in taken:
            out.append(token)
            i += 1
            continue
        if i + 1 < len(tokens) and tokens[i + 1] not in taken:
            both = token + tokens[i + 1]
            joined = consonants(both)
            word = take(joined, False) if len(joined) >= MIN_CONSONANTS + 1 else None
            if word is not None:
                out.append(word)
                read.append((f"{token} {tokens[i + 1]}", word))
                i += 2
                continue
        if token in ARTICLES:
            word = next((o for o in free if o in ARTICLES), None)
            if word is not None:
                free.remove(word)
                out.append(word)
                i += 1
                continue
        skeleton = consonants(token)
        word = take(skeleton, len(skeleton) < MIN_CONSONANTS) if skeleton else None
        if word is not None:
            out.append(word)
            read.append((token, word))
        else:
            out.append(token)
        i += 1
    return tuple(out), tuple(read)


def in_arabic_script(scripts: frozenset[str]) -> bool:
    """A name written in Arabic script, not also in Latin letters."""
    return "Arabic" in scripts and "Latin" not in scripts
