"""Men's names in Latvian or Lithuanian spelling: each word ends in the nominative's ending
(Sergejs Lavrovs, Sergejus Lavrovas for Sergey Lavrov; Vladimirs Putins), which the same name
in another language does not write. The scorer reads such a name without the endings where that
brings a word nearer the other name's (`veu.matching.scorer._through_endings`), and the index
looks its words up without them."""

from __future__ import annotations

ENDINGS = ("ius", "as", "is", "us", "ys", "s")  # the longest first
SHORTEST_STEM = 3
SHORTEST_WORD = 5  # shorter words ending in s are left as written (Jonas, Elias...)


def written_baltic(tokens: tuple[str, ...]) -> bool:
    """Whether a name is written the Baltic way: two words or more (initials aside), every one
    ending in s. John Williams is not (Williams is not read as William), nor Elias alone."""
    words = 0
    for word in tokens:  # every person's pair asks: most names end a word otherwise at once
        if len(word) > 1:
            if word[-1] != "s":
                return False
            words += 1
    return words >= 2


def stems(word: str) -> tuple[str, ...]:
    """``word`` without each ending it may have, the longest ending first (sergejus: sergej,
    sergeju); none for a word shorter than `SHORTEST_WORD`."""
    if len(word) < SHORTEST_WORD:
        return ()
    return tuple(
        word[: -len(ending)]
        for ending in ENDINGS
        if word.endswith(ending) and len(word) - len(ending) >= SHORTEST_STEM
    )
