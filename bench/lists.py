"""Screening measured on the bundled lists themselves (``python -m bench.lists``): how often a
name finds its own listing when that listing's other names are all the index has, and how often
a list's name hits another listing. A regression measure for matching changes (the figures in
docs/matching.md's version paragraphs), not a benchmark against another system: run it at two
commits and compare.

- ``chinese``: names written in Chinese (MOFCOM's, and the Chinese names of other lists), queried
  against the bundled lists with their own listing's Chinese names taken out;
- ``latin``: the same listings' names in Latin letters against the lists with only their
  Chinese names left;
- ``arabic``: names written in Arabic script (the UN list's original-script names), queried
  against the lists with their own listing's names in Arabic script taken out: a name read by
  its consonants is held for review at most, so what counts is review (`veu.names.abjad`); and
  the hits of another party at review among the first ten;
- ``aliases``: 1,500 aliases of listings with two names or more (seeded), each held out of the
  index and queried;
- ``other``: 4,000 of the lists' names (seeded) queried against all: hits, among the first 20 at
  review or above, of a listing of another party (a party on several lists shares its party id);
- ``respelt``: each person the lists write surname first (PRIGOZHIN, Yevgeniy Viktorovich) whose
  first given name has other spellings (`veu.names.given_names`), queried as another of them
  (seeded) and the surname, given name first (Evgeny Prigozhin): found first (ties included),
  in the first ten, and at the match threshold;
- ``misspelt``: 800 names of organisations of three words or more in Latin letters (seeded),
  each with a letter of its longest word (six letters or more) left out, queried against all.
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable
from typing import Any

from veu.matching import Query
from veu.matching.index import ScreeningIndex
from veu.model import Listing, PartyKind
from veu.names.given_names import spellings as given_name_spellings
from veu.names.normalize import SURNAME_FIRST
from veu.services.bootstrap import parse_bundled

MATCH, REVIEW = 0.85, 0.70
HAN = re.compile("[\u4e00-\u9fff]")
ARABIC = re.compile("[\u0600-\u06ff]")
CHINESE_QUERIES = 400
ALIASES = 1500
OTHER = 4000
MISSPELT = 800


def _without(listing: Listing, leave_out: Callable[[str], bool]) -> Listing | None:
    names = tuple(n for n in listing.names if not leave_out(n.value))
    return listing.model_copy(update={"names": names}) if names else None


def _in_han(value: str) -> bool:
    return bool(HAN.search(value))


def _not_in_han(value: str) -> bool:
    return not HAN.search(value)


def _index(listings: list[Listing], change: dict[str, Callable[[str], bool]]) -> ScreeningIndex:
    kept = (_without(x, change[x.id]) if x.id in change else x for x in listings)
    return ScreeningIndex([x for x in kept if x is not None])


def _found(
    index: ScreeningIndex, queries: list[tuple[str, str]], parties: dict[str, str] | None = None
) -> dict[str, int]:
    """How often each query's own listing (its id) is in the first ten, at review and at the
    match threshold; with the listings' ``parties``, also the hits of another party at review
    among the first ten."""
    at_match = at_review = in_ten = other = 0
    for text, truth in queries:
        hits = index.search(Query(name=text), limit=10, explain=False)
        in_ten += any(h.listing.id == truth for h in hits)
        at_match += any(h.listing.id == truth and h.score >= MATCH for h in hits)
        at_review += any(h.listing.id == truth and h.score >= REVIEW for h in hits)
        if parties is not None:
            other += sum(
                h.score >= REVIEW and h.listing.id != truth and h.listing.party_id != parties[truth]
                for h in hits
            )
    out = {
        "queries": len(queries),
        "at_match": at_match,
        "at_review": at_review,
        "in_first_ten": in_ten,
    }
    return out if parties is None else {**out, "other_at_review": other}


def _in_arabic(value: str) -> bool:
    return bool(ARABIC.search(value))


def _arabic(listings: list[Listing]) -> dict[str, int]:
    both = [
        x
        for x in listings
        if any(_in_arabic(n.value) for n in x.names)
        and any(not _in_arabic(n.value) for n in x.names)
    ]
    index = _index(listings, {x.id: _in_arabic for x in both})
    queries = [(n.value, x.id) for x in both for n in x.names if _in_arabic(n.value)]
    return _found(index, queries, {x.id: x.party_id for x in both})


def _respelt(index: ScreeningIndex, listings: list[Listing]) -> dict[str, int]:
    spellings = given_name_spellings()
    rng = random.Random(4)
    first = in_ten = at_match = queries = 0
    for listing in listings:
        if listing.kind != PartyKind.person:
            continue
        for name in listing.names:
            found = SURNAME_FIRST.match(name.value)
            given = found.group(2).split() if found else []
            if not given or given[0].lower() not in spellings:
                continue
            respelt = rng.choice(spellings[given[0].lower()]).title()
            hits = index.search(
                Query(name=f"{respelt} {found.group(1).strip().title()}"), limit=10, explain=False
            )
            queries += 1
            mine = [h for h in hits if h.listing.id == listing.id]
            first += bool(mine) and mine[0].score == hits[0].score
            in_ten += bool(mine)
            at_match += any(h.score >= MATCH for h in mine)
            break
    return {"queries": queries, "first": first, "in_first_ten": in_ten, "at_match": at_match}


def _misspelt(listings: list[Listing]) -> list[tuple[str, str]]:
    rng = random.Random(8)
    names = [
        (x.names[0].value, x.id)
        for x in listings
        if x.kind != PartyKind.person
        and x.names[0].value.isascii()
        and len(x.names[0].value.split()) >= 3
    ]
    rng.shuffle(names)
    out = []
    for value, own in names[:MISSPELT]:
        words = value.split()
        k = max(range(len(words)), key=lambda i: len(words[i]))
        if len(words[k]) < 6:
            continue
        cut = rng.randrange(1, len(words[k]) - 1)
        words[k] = words[k][:cut] + words[k][cut + 1 :]
        out.append((" ".join(words), own))
    return out


def main() -> dict[str, Any]:
    listings, _ = parse_bundled()
    both = [
        x
        for x in listings
        if any(HAN.search(n.value) for n in x.names)
        and any(not HAN.search(n.value) for n in x.names)
    ]
    chinese = [(n.value, x.id) for x in both for n in x.names if HAN.search(n.value)]
    latin = [(n.value, x.id) for x in both for n in x.names if not HAN.search(n.value)]
    out: dict[str, Any] = {}
    start = time.perf_counter()
    out["chinese"] = _found(
        _index(listings, {x.id: _in_han for x in both}), chinese[:CHINESE_QUERIES]
    )
    out["latin"] = _found(
        _index(listings, {x.id: _not_in_han for x in both}), latin[:CHINESE_QUERIES]
    )
    out["arabic"] = _arabic(listings)
    rng = random.Random(5)
    multi = [
        x for x in listings if len(x.names) >= 2 and not any(HAN.search(n.value) for n in x.names)
    ]
    held = {x.id: rng.choice(x.names[1:]).value for x in rng.sample(multi, ALIASES)}
    out["aliases"] = _found(
        _index(listings, {k: alias.__eq__ for k, alias in held.items()}),
        [(v, k) for k, v in held.items()],
    )
    index = ScreeningIndex(listings)
    rng = random.Random(9)
    names = [(n.value, x.id, x.party_id) for x in listings for n in x.names]
    at_match = at_review = 0
    for text, own, party in rng.sample(names, OTHER):
        for hit in index.search(Query(name=text), limit=20, min_score=REVIEW, explain=False):
            if hit.listing.id != own and hit.listing.party_id != party:
                at_review += 1
                at_match += hit.score >= MATCH
    out["other"] = {"queries": OTHER, "at_match": at_match, "at_review": at_review}
    out["respelt"] = _respelt(index, listings)
    out["misspelt"] = _found(index, _misspelt(listings))
    out["seconds"] = round(time.perf_counter() - start, 1)
    return out


if __name__ == "__main__":
    for key, value in main().items():
        print(f"{key}: {value}")
