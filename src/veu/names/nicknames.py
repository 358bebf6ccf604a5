"""Given names and their nicknames: Ted is Theodore (or Edward), Bill is William, Mike is
Michael. A list writes a person's formal name and a document the name they go by (MOFCOM's
麦克·加拉格尔 is Mike Gallagher; the U.S. lists write Michael), so that the two shared a surname and
nothing else.

The table is the `nicknames` package's (hand-curated English given names and nicknames, Apache
2.0): each nickname related to its formal names, both ways. It is generous (Bill is also given
for Robert, Ian for John), so a pair read through it is held for review, never matched on that
reading alone (`veu.matching.scorer`).
"""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from nicknames import NickNamer


@cache
def related() -> dict[str, frozenset[str]]:
    """Each given name and nickname, with those it is related to (read on first use, not when
    veu starts)."""
    out: dict[str, set[str]] = defaultdict(set)
    for formal, nicks in NickNamer().nickname_lookup.items():
        for nick in nicks:
            if nick != formal and nick.isalpha() and formal.isalpha():
                out[formal].add(nick)
                out[nick].add(formal)
    return {name: frozenset(names) for name, names in out.items()}


def nicknamed(
    tokens: tuple[str, ...], other: tuple[str, ...]
) -> tuple[tuple[str, ...], list[tuple[str, str]]] | None:
    """``tokens`` with each word that is a nickname or a formal name of a word ``other`` has
    and ``tokens`` has not written as that word (Ted Doe beside Theodore Doe: theodore doe), and
    the (written, read) words; None when no word is."""
    related_names = related()
    out = list(tokens)
    changed: list[tuple[str, str]] = []
    taken = set(tokens)
    for k, token in enumerate(tokens):
        names = related_names.get(token)
        if names is None or token in other:
            continue
        for word in other:
            if word in names and word not in taken:
                out[k] = word
                changed.append((token, word))
                taken.add(word)
                break
    return (tuple(out), changed) if changed else None
