"""A screening index over listings: candidate generation, then full scoring of each candidate.

Candidates come from three doors, so that neither a typo nor a script difference hides a listing:
shared tokens (ranked by rarity), the nearest skeletons by edit distance, and the nearest Han
strings. Every candidate is then scored with `score_names`; identifiers that are equal match
outright. The index is built in memory from a snapshot's listings and is pure.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process

from veu.matching.features import COUNTRY_FEATURE, NAME_FEATURES
from veu.matching.scorer import score_names
from veu.model import Identifier, Listing
from veu.names import NormalName, normalise

TOKEN_CANDIDATES = 300
CONTAINMENT_FLOOR = max(f.weight for f in NAME_FEATURES if f.kind == "floor")
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
        self.postings = {t: np.asarray(ids, dtype=np.int64) for t, ids in postings.items()}
        self.by_skeleton = dict(skeletons)
        self.by_han = dict(hans)
        self.skeleton_values = list(skeletons)
        self.skeleton_names = [skeletons[k] for k in self.skeleton_values]
        self.han_values = list(hans)
        self.han_names = [hans[k] for k in self.han_values]
        self.max_df = max(50, len(self.names) // 20)

    def __len__(self) -> int:
        return len(self.listings)

    def candidates(
        self, query: NormalName, min_score: float = 0.5, *, fuzzy: bool = True
    ) -> set[int]:
        """Name ids worth scoring for ``query`` (at ``min_score`` or above). Without ``fuzzy``
        only shared tokens and equal skeletons are doors (much faster; misses typos)."""
        cutoff = max(40.0, min_score * 100 - 15)
        found: set[int] = set()
        total = max(1, len(self.names))
        ids, weights = [], []
        for token in set(query.tokens):
            post = self.postings.get(token)
            if post is None or len(post) > self.max_df:
                continue
            ids.append(post)
            weights.append(np.full(len(post), math.log(total / len(post))))
        if ids:
            scores = np.bincount(
                np.concatenate(ids), weights=np.concatenate(weights), minlength=total
            )
            hits = np.flatnonzero(scores)
            if len(hits) > TOKEN_CANDIDATES:
                hits = hits[np.argpartition(scores[hits], -TOKEN_CANDIDATES)[-TOKEN_CANDIDATES:]]
            found.update(hits.tolist())
        found.update(self.by_skeleton.get(query.skeleton, ()))
        found.update(self.by_han.get(query.han, ()) if query.han else ())
        if not fuzzy:
            return found
        if query.skeleton and self.skeleton_values:
            for _, _, idx in process.extract(
                query.skeleton,
                self.skeleton_values,
                scorer=fuzz.ratio,
                limit=FUZZY_CANDIDATES,
                score_cutoff=cutoff,
            ):
                found.update(self.skeleton_names[idx])
        if query.han and self.han_values:
            for _, _, idx in process.extract(
                query.han,
                self.han_values,
                scorer=fuzz.ratio,
                limit=FUZZY_CANDIDATES,
                score_cutoff=cutoff - 10,
            ):
                found.update(self.han_names[idx])
        return found

    def search(
        self, query: Query, *, limit: int = 10, min_score: float = 0.5, fuzzy: bool = True
    ) -> list[Hit]:
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
            floor = max(min_score, 0.0)
            for nid in self.candidates(normal, min_score, fuzzy=fuzzy):
                li = self.owner[nid]
                if li in best and best[li].score >= 1.0:
                    continue
                if upper_bound(normal, self.names[nid]) < floor:
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


def upper_bound(a: NormalName, b: NormalName) -> float:
    """A cheap bound no name score can exceed: the evidence features are all limited by how
    different the names' lengths are; the containment floor is 0.75 at most."""
    bound = CONTAINMENT_FLOOR
    la, lb = sum(map(len, a.tokens)), sum(map(len, b.tokens))
    if la and lb:
        bound = max(bound, 2 * min(la, lb) / (la + lb))
    sa, sb = len(a.skeleton), len(b.skeleton)
    if sa and sb:
        bound = max(bound, min(sa, sb) / max(sa, sb))
    ha, hb = len(a.han), len(b.han)
    if ha and hb:
        bound = max(bound, min(ha, hb) / max(ha, hb))
    return bound + 1e-9
