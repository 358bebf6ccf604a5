"""A screening index over listings: candidate generation, then full scoring of each candidate.

Candidates come from three doors, so that neither a typo nor a script difference hides a listing:
shared tokens (ranked by rarity), the nearest skeletons by edit distance, and the nearest Han
strings. Every candidate is then scored with `score_names`; identifiers that are equal match
outright. The index is built in memory from a snapshot's listings and is pure.
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process

from veu.matching.features import COUNTRY_FEATURE
from veu.matching.scorer import score_names
from veu.model import Identifier, Listing
from veu.names import NormalName, normalise

TOKEN_CANDIDATES = 300
FUZZY_CANDIDATES = 50


@dataclass(frozen=True)
class Query:
    name: str
    countries: frozenset[str] = frozenset()
    identifiers: tuple[Identifier, ...] = ()


@dataclass(frozen=True)
class Hit:
    listing: Listing
    score: float
    matched_name: str
    explanation: dict[str, Any] = field(default_factory=dict)


def listing_countries(listing: Listing) -> frozenset[str]:
    found = set(listing.countries)
    found.update(a.country for a in listing.addresses if a.country)
    return frozenset(found)


class ScreeningIndex:
    """Names of a set of listings, indexed for fast fuzzy search."""

    def __init__(self, listings: Iterable[Listing]) -> None:
        self.listings: list[Listing] = list(listings)
        self.names: list[NormalName] = []
        self.owner: list[int] = []
        postings: dict[str, list[int]] = defaultdict(list)
        skeletons: dict[str, list[int]] = defaultdict(list)
        hans: dict[str, list[int]] = defaultdict(list)
        self.identifiers: dict[tuple[str, str], list[int]] = defaultdict(list)
        for li, listing in enumerate(self.listings):
            for ident in listing.identifiers:
                self.identifiers[ident.key()].append(li)
            seen: set[str] = set()
            for name in listing.names:
                if name.value in seen:
                    continue
                seen.add(name.value)
                normal = normalise(name.value)
                if normal.empty:
                    continue
                nid = len(self.names)
                self.names.append(normal)
                self.owner.append(li)
                for token in set(normal.tokens):
                    postings[token].append(nid)
                if normal.skeleton:
                    skeletons[normal.skeleton].append(nid)
                if normal.han:
                    hans[normal.han].append(nid)
        self.postings = dict(postings)
        self.skeleton_values = list(skeletons)
        self.skeleton_names = [skeletons[k] for k in self.skeleton_values]
        self.han_values = list(hans)
        self.han_names = [hans[k] for k in self.han_values]
        self.max_df = max(50, len(self.names) // 20)

    def __len__(self) -> int:
        return len(self.listings)

    def candidates(self, query: NormalName) -> set[int]:
        """Name ids worth scoring for ``query``."""
        found: set[int] = set()
        weights: dict[int, float] = defaultdict(float)
        total = max(1, len(self.names))
        for token in set(query.tokens):
            post = self.postings.get(token)
            if not post or len(post) > self.max_df:
                continue
            idf = math.log(total / len(post))
            for nid in post:
                weights[nid] += idf
        found.update(heapq.nlargest(TOKEN_CANDIDATES, weights, key=weights.__getitem__))
        if query.skeleton and self.skeleton_values:
            for _, _, idx in process.extract(
                query.skeleton,
                self.skeleton_values,
                scorer=fuzz.ratio,
                limit=FUZZY_CANDIDATES,
                score_cutoff=50,
            ):
                found.update(self.skeleton_names[idx])
        if query.han and self.han_values:
            for _, _, idx in process.extract(
                query.han,
                self.han_values,
                scorer=fuzz.ratio,
                limit=FUZZY_CANDIDATES,
                score_cutoff=40,
            ):
                found.update(self.han_names[idx])
        return found

    def search(self, query: Query, *, limit: int = 10, min_score: float = 0.5) -> list[Hit]:
        """Listings whose names (or identifiers) match ``query``, best first."""
        normal = normalise(query.name)
        best: dict[int, Hit] = {}
        for ident in query.identifiers:
            for li in self.identifiers.get(ident.key(), ()):
                best[li] = Hit(
                    self.listings[li],
                    1.0,
                    query.name,
                    {"identifier": {"score": 1.0, "scheme": ident.scheme, "value": ident.value}},
                )
        if not normal.empty:
            for nid in self.candidates(normal):
                li = self.owner[nid]
                if li in best and best[li].score >= 1.0:
                    continue
                scored = score_names(normal, self.names[nid])
                current = best.get(li)
                if current is None or scored.score > current.score:
                    best[li] = Hit(
                        self.listings[li],
                        scored.score,
                        self.names[nid].original,
                        scored.explanation,
                    )
        hits: list[Hit] = []
        for li, hit in best.items():
            hit = self._apply_country(hit, query.countries, li)
            if hit.score >= min_score:
                hits.append(hit)
        hits.sort(key=lambda h: (-h.score, h.listing.list_id, h.listing.id))
        return hits[:limit]

    def _apply_country(self, hit: Hit, countries: frozenset[str], li: int) -> Hit:
        if not countries or "identifier" in hit.explanation:
            return hit
        result = COUNTRY_FEATURE.function(countries, listing_countries(self.listings[li]))
        if not result.score:
            return hit
        penalty = COUNTRY_FEATURE.weight * result.score
        explanation = {
            **hit.explanation,
            COUNTRY_FEATURE.name: {"score": 1.0, "weight": COUNTRY_FEATURE.weight, **result.detail},
        }
        return Hit(hit.listing, max(0.0, hit.score - penalty), hit.matched_name, explanation)


def search_many(index: ScreeningIndex, queries: Sequence[Query], **kwargs: Any) -> list[list[Hit]]:
    return [index.search(q, **kwargs) for q in queries]
