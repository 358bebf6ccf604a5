"""A name's own acronym, written after it in parentheses.

Lists write a party's acronym after its name: ``Khan Research Laboratories (KRL)``, ``AVIC
Flight Automatic Control Research Institute (FACRI)``, ``ISLAMIC REVOLUTIONARY GUARD CORPS
(IRGC)``. Someone screening the acronym alone should find the party, but ``KRL`` shares one word
of four with the name as written. `own_acronym` reads the acronym off such a name, so that it is
screened as a name of the party too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

# A trailing parenthesised word in capitals (digits, & and - allowed after the first letter).
_TRAILING = re.compile(r"^(?P<name>.*?\S)\s*\((?P<acronym>[A-Z][A-Z0-9&\-]{2,11})\)\s*$")
_WORD = re.compile(r"[^\W_]+")
MIN_LETTERS = 3  # two letters stand for too many names


def own_acronym(name: str) -> str | None:
    """The acronym written in parentheses at the end of ``name`` when it is made of the
    beginnings of at least two of the name's words, in order: their initials (Khan Research
    Laboratories, KRL), or more of a word (AViation Industry Corporation, AVIC); words may be
    skipped (``of``, a group's name before its unit's: AVIC Flight Automatic Control Research
    Institute, FACRI). Else None: a parenthesised word that is not such an acronym
    (``(OFFSHORE)``, ``(LLC)``, ``(CHINA)`` after a name beginning with China) is not one."""
    found = _TRAILING.match(name.strip())
    if found is None:
        return None
    acronym = found.group("acronym")
    letters = "".join(c for c in acronym if c.isalnum())
    words = [w.upper() for w in _WORD.findall(found.group("name"))]
    if len(letters) < MIN_LETTERS or len(words) < 2:
        return None
    return acronym if _most_words(letters, tuple(words)) >= 2 else None


def _most_words(letters: str, words: tuple[str, ...]) -> int:
    """The most words whose beginnings, in order, spell ``letters`` (-1 when none do). Each
    (letter, word) position is solved once: without that, a name of many words beginning alike
    (a hostile list file) took seconds."""

    @cache
    def spelt(at: int, first: int) -> int:
        if at == len(letters):
            return 0
        best = -1
        for w in range(first, len(words)):
            word = words[w]
            k = 0
            while k < len(word) and at + k < len(letters) and word[k] == letters[at + k]:
                k += 1
                rest = spelt(at + k, w + 1)
                if rest >= 0:
                    best = max(best, rest + 1)
        return best

    return spelt(0, 0)


def with_acronyms(names: Iterable[str]) -> list[str]:
    """``names`` and, after each that has one, its own acronym (`own_acronym`), each once: the
    names a party is screened by."""
    out: dict[str, None] = {}
    for name in names:
        out[name] = None
        acronym = own_acronym(name)
        if acronym is not None:
            out[acronym] = None
    return list(out)
