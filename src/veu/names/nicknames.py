"""Given names and their nicknames: Ted is Theodore (or Edward), Bill is William, Mike is
Michael. A list writes a person's formal name and a document the name they go by (MOFCOM's
麦克·加拉格尔 is Mike Gallagher; the U.S. lists write Michael), so that the two shared a surname and
nothing else.

The table is the `nicknames` package's (hand-curated English given names and nicknames, Apache
2.0): each nickname related to its formal names, both ways. It is generous (Bill is also given
for Robert, Ian for John), so a pair read through it is held for review, never matched on that
reading alone (`veu.matching.scorer`); `veu.names.given_names` reads a name through it.
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
