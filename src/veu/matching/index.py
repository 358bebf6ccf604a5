"""A screening index over listings: candidate generation, then full scoring of each candidate.

Candidates come from three doors, so that neither a typo nor a script difference hides a listing:
shared tokens (ranked by rarity), the nearest skeletons by edit distance, and the nearest Han
strings. Below ``GRAM_SCAN_LIMIT`` distinct strings the nearest are found by scanning them all;
above it, a character n-gram index shortlists the strings sharing the most (rarity-weighted)
n-grams with the query, and only those are compared: the cost of a query then grows with the
n-grams' postings, not with the size of the list. Every candidate is then scored with
`score_names`; identifiers that are equal match outright. The index is built in memory from a
snapshot's listings and is pure.
"""

from __future__ import annotations

import math
import pickle
import threading
from collections import OrderedDict, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from hashlib import blake2b
from operator import itemgetter as _pick
from pathlib import Path
from typing import Any, overload

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

from veu.matching.features import COUNTRY_FEATURE
from veu.matching.scorer import score_names
from veu.model import Identifier, Listing
from veu.names import NormalName, normalise

TOKEN_CANDIDATES = 300
FUZZY_CANDIDATES = 50
FULL_SCORE_LIMIT = 30  # candidates scored in full, best estimates first
POSTING_BUDGET = 20_000  # ids summed by a door for one query, rarest postings first
CONTAINED_LIMIT = 60  # and those one of whose names contains the other, best first
INDEX_FORMAT = 5  # the layout `ScreeningIndex.save` writes
GRAM_SCAN_LIMIT = 20_000  # distinct strings above which the n-gram door replaces the scan
GRAM_SHORTLIST = 400  # strings compared in full after the n-gram door


def grams(text: str, n: int) -> set[str]:
    """Character n-grams of ``text`` padded with ``^`` and ``$`` (so ends count)."""
    padded = f"^{text}$"
    return {padded[i : i + n] for i in range(len(padded) - n + 1)}


_SCRATCH = threading.local()


def _scratch(size: int) -> tuple[np.ndarray, np.ndarray]:
    """Two arrays of ``size`` for this thread: zeroed sums, and positions (kept: a query writes
    into them only where its postings point, so its cost follows the postings, not the index's
    size)."""
    sums: np.ndarray | None = getattr(_SCRATCH, "sums", None)
    if sums is None or len(sums) < size:
        sums = np.zeros(size, dtype=np.float32)
        _SCRATCH.sums = sums
        _SCRATCH.where = np.zeros(size, dtype=np.int32)
    return sums, _SCRATCH.where


def top_weighted(
    postings: list[np.ndarray], weights: list[float], size: int, limit: int
) -> np.ndarray:
    """The ``limit`` ids with the largest sums of the weights of the postings holding them.
    The rarest postings are summed first, up to ``POSTING_BUDGET`` ids in all (a common word or
    n-gram adds little and costs much), so a query costs the same whatever the index's size."""
    if not postings:
        return np.empty(0, dtype=np.int64)
    order = sorted(range(len(postings)), key=lambda k: len(postings[k]))
    chosen: list[int] = []
    used = 0
    for k in order:
        if chosen and used + len(postings[k]) > POSTING_BUDGET:
            break
        chosen.append(k)
        used += len(postings[k])
    sums, where = _scratch(size)
    for k in chosen:
        sums[postings[k]] += weights[k]  # an id stands once in a posting: no repeats to add
    ids = postings[chosen[0]] if len(chosen) == 1 else np.concatenate([postings[k] for k in chosen])
    # Each id once: of the positions written for an id, the one that stays is kept.
    positions = np.arange(len(ids), dtype=np.int32)
    where[ids] = positions
    unique: np.ndarray = ids[where[ids] == positions]
    values = sums[unique]
    sums[unique] = 0.0
    if len(unique) > limit:
        top: np.ndarray = unique[np.argpartition(values, -limit)[-limit:]]
        return top
    return unique


def _join(values: list[str]) -> tuple[int, str] | list[str]:
    """Strings as one string joined by line breaks, with their count (for saving: one object,
    not a million, for pickle to write); the list itself if a string holds a line break."""
    joined = "\n".join(values)
    if joined.count("\n") != max(0, len(values) - 1):
        return values
    return len(values), joined


def _split(joined: tuple[int, str] | list[str]) -> list[str]:
    if isinstance(joined, list):
        return joined
    count, text = joined
    return text.split("\n") if count else []


def key_hashes(keys: Sequence[str]) -> np.ndarray:
    """A stable 64-bit hash of each key (the same in every process, unlike ``hash``)."""
    return np.fromiter(
        (int.from_bytes(blake2b(k.encode(), digest_size=8).digest(), "little") for k in keys),
        dtype=np.uint64,
        count=len(keys),
    )


class Postings:
    """Keys mapped to sorted lists of ids, in two flat arrays (compact, quick to save and
    load): ``ids[ptr[row]:ptr[row + 1]]`` are the ids of the key in ``row``. A key is found by
    its stable hash in a sorted array, not a dictionary: loading a million keys then builds
    nothing (a dictionary took most of a cold start), and the keys of a query are found in one
    vectorised search; the key itself is compared to rule out a collision."""

    def __init__(
        self, keys: list[str], ptr: np.ndarray, ids: np.ndarray, hashes: np.ndarray | None = None
    ) -> None:
        self.keys = keys
        self.ptr = ptr
        self.ids = ids
        if hashes is None:
            hashes = key_hashes(keys)
        self.order = np.argsort(hashes, kind="stable").astype(np.int32)
        self.hashes = hashes[self.order]

    @classmethod
    def build(cls, lists: dict[str, list[int]]) -> Postings:
        keys = list(lists)
        sizes = np.fromiter((len(lists[k]) for k in keys), dtype=np.int64, count=len(keys))
        ptr = np.zeros(len(keys) + 1, dtype=np.int64)
        np.cumsum(sizes, out=ptr[1:])
        flat = np.fromiter((i for k in keys for i in lists[k]), dtype=np.int32, count=int(ptr[-1]))
        return cls(keys, ptr, flat)

    def __len__(self) -> int:
        return len(self.keys)

    def row(self, row: int) -> np.ndarray:
        return self.ids[self.ptr[row] : self.ptr[row + 1]]

    def find(self, keys: Sequence[str]) -> list[int | None]:
        """The row of each key, or None where it has none."""
        if not keys or not len(self.hashes):
            return [None] * len(keys)
        wanted = key_hashes(keys)
        places = np.searchsorted(self.hashes, wanted).tolist()
        found: list[int | None] = []
        size = len(self.hashes)
        for key, wanted_hash, place in zip(keys, wanted.tolist(), places, strict=True):
            row = None
            while place < size and int(self.hashes[place]) == wanted_hash:
                candidate = int(self.order[place])
                if self.keys[candidate] == key:
                    row = candidate
                    break
                place += 1  # another key with the same hash
            found.append(row)
        return found

    def get(self, key: str) -> np.ndarray | None:
        row = self.find([key])[0]
        return None if row is None else self.row(row)

    def __getstate__(self) -> dict[str, Any]:
        # One string for all keys, not a million objects for pickle to remember one by one.
        return {
            "keys": _join(self.keys),
            "ptr": self.ptr,
            "ids": self.ids,
            "hashes": self.hashes,
            "order": self.order,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.keys = _split(state["keys"])
        self.ptr, self.ids = state["ptr"], state["ids"]
        self.hashes, self.order = state["hashes"], state["order"]


class GramDoor:
    """The strings sharing the most n-grams with a query, rarer n-grams counting more.

    With ``short_n``, strings of at most ``SHORT_STRING`` characters are also indexed by
    ``short_n``-grams, and a query of at most ``SHORT_QUERY`` characters is also looked up
    there: long strings are told apart better by longer n-grams (their postings are shorter, so
    more of them fit the budget), short ones keep more n-grams through a typo with shorter n-grams.
    """

    def __init__(self, values: list[str], n: int, short_n: int | None = None) -> None:
        self.n = n
        self.size = len(values)
        self.postings = self._postings(values, n)
        self.short: tuple[int, Postings, np.ndarray] | None = None
        if short_n is not None:
            rows = [k for k, v in enumerate(values) if len(v) <= SHORT_STRING]
            short = self._postings([values[k] for k in rows], short_n)
            self.short = (short_n, short, np.asarray(rows, dtype=np.int32))

    @staticmethod
    def _postings(values: list[str], n: int) -> Postings:
        postings: dict[str, list[int]] = defaultdict(list)
        for k, value in enumerate(values):
            for gram in grams(value, n):
                postings[gram].append(k)
        max_df = max(1000, len(values) // 10)
        return Postings.build({g: ids for g, ids in postings.items() if len(ids) <= max_df})

    def shortlist(self, text: str, limit: int) -> np.ndarray:
        found = _top_grams(self.postings, self.size, text, self.n, limit)
        if self.short is not None and len(text) <= SHORT_QUERY:
            n, postings, rows = self.short
            more = rows[_top_grams(postings, len(rows), text, n, limit)]
            found = np.union1d(found, more)
        return found


SHORT_STRING = 12  # strings also indexed by the short n-grams
SHORT_QUERY = 10  # queries also looked up by them


def _top_grams(postings: Postings, size: int, text: str, n: int, limit: int) -> np.ndarray:
    ids, weights = [], []
    keys = sorted(grams(text, n))  # sorted: the same order in every process
    for row in postings.find(keys):
        if row is not None:
            post = postings.row(row)
            ids.append(post)
            weights.append(math.log(size / len(post)))
    return top_weighted(ids, weights, size, limit)


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


class NameTable:
    """The normalised names of an index, kept as plain strings (tokens joined by spaces) and
    made into `NormalName` values when asked: a million names stay small and load fast."""

    def __init__(self) -> None:
        self.originals: list[str] = []
        self.tokens: list[str] = []
        self.hans: list[str] = []
        self.forms: list[str] = []
        self.initials = bytearray()  # 1 where the name has an initial (a one-letter word)

    def append(self, normal: NormalName) -> None:
        self.originals.append(normal.original)
        self.tokens.append(" ".join(normal.tokens))
        self.hans.append(normal.han)
        self.forms.append(" ".join(sorted(normal.forms)))
        self.initials.append(any(_is_initial(t) for t in normal.tokens))

    def __len__(self) -> int:
        return len(self.originals)

    def __getitem__(self, nid: int) -> NormalName:
        tokens = tuple(self.tokens[nid].split())
        forms = self.forms[nid]
        return NormalName(
            original=self.originals[nid],
            tokens=tokens,
            skeleton="".join(tokens),
            han=self.hans[nid],
            forms=frozenset(forms.split()) if forms else frozenset(),
            scripts=frozenset(),
        )

    def __getstate__(self) -> dict[str, Any]:
        return {
            "originals": _join(self.originals),
            "tokens": _join(self.tokens),
            "hans": _join(self.hans),
            "forms": _join(self.forms),
            "initials": self.initials,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.initials = state.pop("initials")
        for key, value in state.items():
            setattr(self, key, _split(value))


def _number(table: list[Any], numbers: dict[Any, int], value: Any) -> int:
    """The position of ``value`` in ``table`` (``numbers`` indexes it), appended if new."""
    if value not in numbers:
        numbers[value] = len(table)
        table.append(value)
    return numbers[value]


class ListingKeys:
    """What ranking needs of each listing (its list, its id, its countries), kept compactly so
    that only the listings returned are read: list ids and sets of countries are each stored
    once, and a listing points to them by number."""

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.lists: list[str] = []
        self.country_sets: list[frozenset[str]] = []
        self._list_of: list[int] = []
        self._countries_of: list[int] = []
        self._numbers: tuple[dict[str, int], dict[frozenset[str], int]] = ({}, {})

    def append(self, listing: Listing) -> None:
        lists, country_sets = self._numbers
        self.ids.append(listing.id)
        self._list_of.append(_number(self.lists, lists, listing.list_id))
        countries = listing_countries(listing)
        self._countries_of.append(_number(self.country_sets, country_sets, countries))

    def rank(self, li: int) -> tuple[str, str]:
        """The listing's list id and id, which order hits of equal score."""
        return self.lists[self._list_of[li]], self.ids[li]

    def countries(self, li: int) -> frozenset[str]:
        return self.country_sets[self._countries_of[li]]

    def __getstate__(self) -> dict[str, Any]:
        return {
            "ids": _join(self.ids),
            "lists": self.lists,
            "country_sets": self.country_sets,
            "list_of": np.asarray(self._list_of, dtype=np.int32),
            "countries_of": np.asarray(self._countries_of, dtype=np.int32),
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.ids = _split(state["ids"])
        self.lists = state["lists"]
        self.country_sets = state["country_sets"]
        self._list_of = state["list_of"].tolist()
        self._countries_of = state["countries_of"].tolist()
        self._numbers = (
            {x: k for k, x in enumerate(self.lists)},
            {x: k for k, x in enumerate(self.country_sets)},
        )


class LazyListings(Sequence[Listing]):
    """Listings kept as their JSON and read when asked (an index loaded from disk, or made by
    `ScreeningIndex.from_json`): the last ``READ_KEPT`` read are kept as objects, so memory
    stays bounded however many are hit."""

    READ_KEPT = 4096

    def __init__(self, payloads: list[str]) -> None:
        self.payloads = payloads
        self._read: OrderedDict[int, Listing] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self.payloads)

    @overload
    def __getitem__(self, index: int) -> Listing: ...
    @overload
    def __getitem__(self, index: slice) -> list[Listing]: ...
    def __getitem__(self, index: int | slice) -> Listing | list[Listing]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        with self._lock:  # an index may answer from several threads
            found = self._read.get(index)
            if found is not None:
                self._read.move_to_end(index)
                return found
        found = Listing.model_validate_json(self.payloads[index])
        with self._lock:
            self._read[index] = found
            if len(self._read) > self.READ_KEPT:
                self._read.popitem(last=False)
        return found


class ScreeningIndex:
    """Names of a set of listings, indexed for fast fuzzy search."""

    def __init__(self, listings: Iterable[Listing]) -> None:
        self.listings: Sequence[Listing] = list(listings)
        self._index(self.listings)

    @classmethod
    def from_json(cls, payloads: Iterable[str]) -> ScreeningIndex:
        """An index of listings given as their JSON, kept as JSON and read when a query hits
        them (`LazyListings`): the listings are never all held as objects at once, which takes
        about six times the memory. For bulk screening."""
        index = cls.__new__(cls)
        kept: list[str] = []

        def read() -> Iterable[Listing]:
            for payload in payloads:
                kept.append(payload)
                yield Listing.model_validate_json(payload)

        index._index(read())
        index.listings = LazyListings(kept)
        return index

    def _index(self, listings: Iterable[Listing]) -> None:
        self.names = NameTable()
        owner: list[int] = []
        postings: dict[str, list[int]] = defaultdict(list)
        skeletons: dict[str, list[int]] = defaultdict(list)
        hans: dict[str, list[int]] = defaultdict(list)
        self.identifiers: dict[tuple[str, str], list[int]] = defaultdict(list)
        # What ranking needs of each listing, so that only the returned hits are read.
        self.keys = ListingKeys()
        for li, listing in enumerate(listings):
            self.keys.append(listing)
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
                owner.append(li)
                for token in set(normal.tokens):
                    postings[token].append(nid)
                if normal.skeleton:
                    skeletons[normal.skeleton].append(nid)
                if normal.han:
                    hans[normal.han].append(nid)
        self.owner = np.asarray(owner, dtype=np.int32)
        self.postings = Postings.build(postings)
        self.skeletons = Postings.build(skeletons)
        self.hans = Postings.build(hans)
        self.identifiers = dict(self.identifiers)
        self._doors()

    def _doors(self) -> None:
        big = len(self.skeletons) > GRAM_SCAN_LIMIT
        self.skeleton_door = GramDoor(self.skeletons.keys, 4, short_n=3) if big else None
        big = len(self.hans) > GRAM_SCAN_LIMIT
        self.han_door = GramDoor(self.hans.keys, 2) if big else None

    def save(self, path: Path) -> None:
        """Write the index to ``path`` (listings as JSON, names as strings, postings as flat
        arrays), for `ScreeningIndex.load`."""
        state = {
            "version": INDEX_FORMAT,
            "listings": _join(
                self.listings.payloads
                if isinstance(self.listings, LazyListings)
                else [x.model_dump_json(exclude_defaults=True) for x in self.listings]
            ),
            "names": self.names,
            "owner": self.owner,
            "postings": self.postings,
            "skeletons": self.skeletons,
            "hans": self.hans,
            "identifiers": self.identifiers,
            "keys": self.keys,
            "skeleton_door": self.skeleton_door,
            "han_door": self.han_door,
        }
        with path.open("wb") as f:
            pickle.dump(state, f, protocol=pickle.HIGHEST_PROTOCOL)

    @classmethod
    def load(cls, path: Path) -> ScreeningIndex:
        """An index written by `save`, ready to answer (listings are read when hit). Only
        files this product wrote may be loaded: they are pickles."""
        with path.open("rb") as f:
            state = pickle.load(f)
        if state.get("version") != INDEX_FORMAT:
            raise ValueError(f"{path} is not a screening index of format {INDEX_FORMAT}")
        index = cls.__new__(cls)
        index.listings = LazyListings(_split(state["listings"]))
        for key in ("names", "owner", "postings", "skeletons", "hans", "identifiers", "keys"):
            setattr(index, key, state[key])
        index.skeleton_door = state["skeleton_door"]
        index.han_door = state["han_door"]
        return index

    def __len__(self) -> int:
        return len(self.listings)

    @property
    def max_df(self) -> int:
        """Names a token may be in and still open the token door (commoner ones say little)."""
        return max(50, len(self.names) // 20)

    def candidates(
        self, query: NormalName, min_score: float = 0.5, *, fuzzy: bool = True
    ) -> set[int]:
        """Name ids worth scoring for ``query`` (at ``min_score`` or above). Without ``fuzzy``
        only shared tokens and equal skeletons are doors (much faster; misses typos)."""
        cutoff = max(40.0, min_score * 100 - 15)
        found: set[int] = set()
        total = max(1, len(self.names))
        ids, rarity = [], []
        keys = sorted(set(query.tokens))  # sorted: the same order in every process
        for row in self.postings.find(keys):
            post = None if row is None else self.postings.row(row)
            if post is None or len(post) > self.max_df:
                continue
            ids.append(post)
            rarity.append(math.log(total / len(post)))
        found.update(top_weighted(ids, rarity, total, TOKEN_CANDIDATES).tolist())
        same = self.skeletons.get(query.skeleton)
        if same is not None:
            found.update(same.tolist())
        same = self.hans.get(query.han) if query.han else None
        if same is not None:
            found.update(same.tolist())
        if not fuzzy:
            return found
        if query.skeleton and len(self.skeletons):
            keys = self.skeletons.keys
            for idx in _nearest(query.skeleton, keys, self.skeleton_door, cutoff):
                found.update(self.skeletons.row(idx).tolist())
        if query.han and len(self.hans):
            for idx in _nearest(query.han, self.hans.keys, self.han_door, cutoff - 10):
                found.update(self.hans.row(idx).tolist())
        return found

    def shortlist(self, query: NormalName, candidates: set[int]) -> list[int]:
        """The candidates worth scoring in full, the likeliest first: all of them when few; else the
        ``FULL_SCORE_LIMIT`` best by a quick estimate (the larger of the skeletons' and the
        sorted tokens' similarity, in C by rapidfuzz; the Han strings' for Chinese names; with
        initials standing for the words they begin, for names written with initials), and
        every name whose words all appear in the other's or the reverse (the containment floor
        does not show in those estimates)."""
        ids = sorted(candidates)
        if len(ids) <= FULL_SCORE_LIMIT:
            return ids
        names = self.names
        joined = [names.tokens[i] for i in ids]
        words_of = [t.split() for t in joined]
        estimate = process.cdist(
            [query.skeleton],
            [t.replace(" ", "") for t in joined],
            scorer=Indel.normalized_similarity,
        )[0]
        order_free = process.cdist(
            ["".join(sorted(query.tokens))],
            ["".join(sorted(w)) for w in words_of],
            scorer=Indel.normalized_similarity,
        )[0]
        np.maximum(estimate, order_free, out=estimate)
        if query.han:  # a name without Han characters scores 0 here, which changes nothing
            hans = [names.hans[i] for i in ids]
            han = process.cdist([query.han], hans, scorer=Indel.normalized_similarity)[0]
            np.maximum(estimate, han, out=estimate)
        words = set(query.tokens)
        letters = {t for t in query.tokens if _is_initial(t)}  # the query's initials
        contained = []
        for k, i in enumerate(ids):
            other = words_of[k]
            # Initials count only where one may stand for a word of the other name: otherwise
            # the initials' estimate is the order-free one, and nothing is covered.
            initials = names.initials[i] == 1 or (
                bool(letters) and any(len(w) > 1 and w[0] in letters for w in other)
            )
            if words:
                others = set(other)
                if others <= words or words <= others:
                    contained.append(k)  # the containment floor: scored whatever the estimate
                elif initials and (_covered(other, words) or _covered(query.tokens, others)):
                    contained.append(k)
            if initials:
                estimate[k] = max(estimate[k], initials_estimate(query.tokens, other))
        best = set(np.argpartition(-estimate, FULL_SCORE_LIMIT)[:FULL_SCORE_LIMIT].tolist())
        contained.sort(key=lambda k: -estimate[k])
        best.update(contained[:CONTAINED_LIMIT])
        return [ids[k] for k in sorted(best, key=lambda k: (-estimate[k], k))]

    def search(
        self,
        query: Query,
        *,
        limit: int = 10,
        min_score: float = 0.5,
        fuzzy: bool = True,
        explain: bool = True,
    ) -> list[Hit]:
        """Listings whose names (or identifiers) match ``query``, best first. Without
        ``explain`` the hits carry no feature-by-feature explanation (the same hits and scores,
        sooner: for bulk screening that keeps only names and scores)."""
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
        scores: dict[int, float] = {}  # listing -> the score of its best name
        matched: dict[int, int] = {}  # listing -> that name's id
        if not normal.empty:
            names = self.names
            seen: dict[tuple[str, str], float] = {}  # a name's score depends on these alone
            for nid in self.shortlist(normal, self.candidates(normal, min_score, fuzzy=fuzzy)):
                li = int(self.owner[nid])
                if li in best or scores.get(li, 0.0) >= 1.0:
                    continue
                key = (names.tokens[nid], names.hans[nid])
                score = seen.get(key, -1.0)
                if score < 0.0:  # the same name on several lists is scored once
                    score = seen[key] = score_names(normal, names[nid], explain=False).score
                current = scores.get(li, -1.0)
                if score > current or (score == current and nid < matched[li]):
                    scores[li] = score
                    matched[li] = nid
        # Ranked by score, then list and listing id; only the hits returned are read.
        ranked = [(1.0, *self.keys.rank(li), li) for li in best]
        conflicts: dict[int, dict[str, Any]] = {}
        for li, score in scores.items():
            if score < min_score:
                continue
            conflict = self._country_conflict(query.countries, li)
            if conflict is not None:
                conflicts[li] = conflict
                score = max(0.0, score - COUNTRY_FEATURE.weight)
            if score >= min_score:
                ranked.append((score, *self.keys.rank(li), li))
        ranked.sort(key=lambda item: (-item[0], item[1], item[2]))
        hits = []
        for score, _, _, li in ranked[:limit]:
            if li in best:  # an identifier hit, explained already
                hits.append(best[li])
                continue
            nid = matched[li]
            explanation = score_names(normal, self.names[nid]).explanation if explain else {}
            if li in conflicts:
                explanation[COUNTRY_FEATURE.name] = conflicts[li]
            hits.append(Hit(self.listings[li], score, self.names[nid].original, explanation))
        return hits

    def _country_conflict(self, countries: frozenset[str], li: int) -> dict[str, Any] | None:
        """The explanation of the country penalty when the query's country conflicts with the
        listing's (the penalty is the feature's weight), or None."""
        if not countries:
            return None
        result = COUNTRY_FEATURE.function(countries, self.keys.countries(li))
        if not result.score:
            return None
        return {"score": 1.0, "weight": COUNTRY_FEATURE.weight, **result.detail}


def _nearest(text: str, values: list[str], door: GramDoor | None, cutoff: float) -> list[int]:
    """Indices of the ``FUZZY_CANDIDATES`` values nearest to ``text`` by edit distance (at
    ``cutoff`` or above): all values scanned, or the n-gram door's shortlist."""
    if door is None:
        found = process.extract(
            text, values, scorer=fuzz.ratio, limit=FUZZY_CANDIDATES, score_cutoff=cutoff
        )
        return [idx for _, _, idx in found]
    shortlist = door.shortlist(text, GRAM_SHORTLIST)
    if not len(shortlist):
        return []
    chosen = [values[shortlist[0]]] if len(shortlist) == 1 else _pick(*shortlist.tolist())(values)
    scores = process.cdist([text], chosen, scorer=fuzz.ratio)[0]
    order = np.argsort(-scores, kind="stable")[:FUZZY_CANDIDATES]
    return [int(shortlist[k]) for k in order if scores[k] >= cutoff]


def _is_initial(token: str) -> bool:
    return len(token) == 1 and token.isalpha()


def _covered(tokens: Sequence[str], words: set[str]) -> bool:
    """Every token is one of ``words``, or an initial that begins one of them."""
    return all(t in words or (_is_initial(t) and any(w[0] == t for w in words)) for t in tokens)


def initials_estimate(a: Sequence[str], b: Sequence[str]) -> float:
    """The order-free estimate of two names once each initial of one stands for a word of the
    other that it begins (``k dari`` / ``kvjetkovik dari``): scored as the tokens feature
    scores initials, which the skeletons alone hide."""

    def expand(short: Sequence[str], full: Sequence[str]) -> list[str]:
        pool = [t for t in full if len(t) > 1]
        out = []
        for token in short:
            word = next((w for w in pool if w[0] == token), None) if _is_initial(token) else None
            if word is not None:
                pool.remove(word)
            out.append(word or token)
        return out

    left, right = expand(a, b), expand(b, a)
    return Indel.normalized_similarity("".join(sorted(left)), "".join(sorted(right)))
