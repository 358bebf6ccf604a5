"""Postings: keys (tokens, skeletons, n-grams) mapped to the ids holding them, in flat arrays,
and the n-gram door that finds the strings sharing the most (rarity-weighted) n-grams with a
query. The screening index (`veu.matching.index`) is built on them."""

from __future__ import annotations

import math
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import numpy as np

compiled_top_weighted: Callable[..., int] | None
compiled_top_rows: Callable[..., int] | None
compiled_hash_keys: Callable[[list[str], np.ndarray], None] | None
compiled_find_rows: Callable[..., list[int | None]] | None
try:
    from veu.matching import _postings
except ImportError:  # not built (no C compiler where veu was installed): Python does the work
    compiled_top_weighted = compiled_top_rows = compiled_hash_keys = compiled_find_rows = None
else:
    compiled_top_weighted = _postings.top_weighted
    compiled_top_rows = _postings.top_rows
    compiled_hash_keys = _postings.hash_keys
    compiled_find_rows = _postings.find_rows

POSTING_BUDGET = 20_000  # ids summed by a door for one query, rarest postings first


def grams(text: str, n: int) -> set[str]:
    """Character n-grams of ``text`` padded with ``^`` and ``$`` (so ends count)."""
    padded = f"^{text}$"
    return {padded[i : i + n] for i in range(len(padded) - n + 1)}


_SCRATCH = threading.local()


def _scratch(size: int) -> tuple[np.ndarray, np.ndarray]:
    """Two zeroed arrays of ``size`` for this thread, sums and flags, for the numpy code (a
    query writes into them only where its postings point and zeroes those places again, so its
    cost follows the postings, not the index's size)."""
    sums: np.ndarray | None = getattr(_SCRATCH, "sums", None)
    if sums is None or len(sums) < size:
        sums = np.zeros(size, dtype=np.float32)
        _SCRATCH.sums = sums
        _SCRATCH.flags = np.zeros(size, dtype=np.uint8)
    return sums[:size], _SCRATCH.flags[:size]


# An id's slot in the C loop's scratch: its running sum and whether a posting has touched it, side
# by side, so that each id of a posting is one place in memory to reach.
SLOT = np.dtype([("sum", "<f4"), ("touched", "<u4")])


def _slots(size: int) -> np.ndarray:
    """The C loop's zeroed scratch for this thread, a `SLOT` an id, zeroed again after each
    query."""
    slots: np.ndarray | None = getattr(_SCRATCH, "slots", None)
    if slots is None or len(slots) < size:
        slots = np.zeros(size, dtype=SLOT)
        _SCRATCH.slots = slots
    return slots[:size]


def choose_postings(lengths: np.ndarray) -> np.ndarray:
    """Which postings (of these lengths) a door sums: the shortest first, as many as fit in
    ``POSTING_BUDGET`` ids, and at least one (a common word or n-gram adds little and costs
    much), so a query costs the same whatever the index's size."""
    order = np.argsort(lengths, kind="stable")
    used = np.cumsum(lengths[order])
    count = max(1, int(np.searchsorted(used, POSTING_BUDGET, side="right")))
    chosen: np.ndarray = order[:count]
    return chosen


def top_weighted(
    ids: np.ndarray, bounds: np.ndarray, weights: np.ndarray, size: int, limit: int
) -> np.ndarray:
    """The ``limit`` ids (of ``size``) with the largest sums of the weights of the postings
    holding them, in ascending order; equal sums are taken smaller id first. Posting ``k`` is
    ``ids[bounds[k, 0]:bounds[k, 1]]`` (an id stands once in a posting) and weighs
    ``weights[k]``; sums are kept in float32. In C where the extension is built (this loop is
    a quarter of a query's time in Python), else `top_weighted_python`, which the C code
    follows exactly."""
    bounds = np.ascontiguousarray(bounds, dtype=np.int64)
    weights = np.ascontiguousarray(weights, dtype=np.float64)
    if compiled_top_weighted is None or ids.dtype != np.int32 or not ids.flags.c_contiguous:
        return top_weighted_python(ids, bounds, weights, size, limit)
    out = np.empty(max(0, limit), dtype=np.int32)
    count = compiled_top_weighted(ids, bounds, weights, _slots(size), out, limit)
    return out[:count]


def top_weighted_python(
    ids: np.ndarray, bounds: np.ndarray, weights: np.ndarray, size: int, limit: int
) -> np.ndarray:
    """`top_weighted` in Python (numpy): what the C extension computes, and what runs where it
    is not built."""
    if not len(bounds) or limit <= 0:
        return np.empty(0, dtype=np.int32)
    sums, _ = _scratch(size)
    slices = [ids[start:end] for start, end in bounds.tolist()]
    for posting, weight in zip(slices, weights.tolist(), strict=True):
        sums[posting] += np.float32(weight)
    unique = np.unique(np.concatenate(slices)).astype(np.int32)
    values = sums[unique]
    sums[unique] = 0.0
    if len(unique) <= limit:
        return unique
    first = np.lexsort((unique, -values))[:limit]
    top: np.ndarray = np.sort(unique[first])
    return top


def join_strings(values: list[str]) -> tuple[int, str] | list[str]:
    """Strings as one string joined by line breaks, with their count (for saving: one object,
    not a million, for pickle to write); the list itself if a string holds a line break."""
    joined = "\n".join(values)
    if joined.count("\n") != max(0, len(values) - 1):
        return values
    return len(values), joined


def split_strings(joined: tuple[int, str] | list[str]) -> list[str]:
    if isinstance(joined, list):
        return joined
    count, text = joined
    return text.split("\n") if count else []


_FNV_OFFSET = 0xCBF29CE484222325
_FNV_PRIME = 0x100000001B3
_MASK = (1 << 64) - 1


def fnv1a(key: str) -> int:
    """A stable 64-bit hash of ``key`` (FNV-1a of its UTF-8 bytes: the same in every process,
    unlike ``hash``, and quick to compute in C)."""
    h = _FNV_OFFSET
    for byte in key.encode():
        h = ((h ^ byte) * _FNV_PRIME) & _MASK
    return h


def key_hashes(keys: Sequence[str]) -> np.ndarray:
    """`fnv1a` of each key, in C when it is built."""
    out = np.empty(len(keys), dtype=np.uint64)
    if compiled_hash_keys is not None:
        compiled_hash_keys(list(keys), out)
        return out
    out[:] = [fnv1a(k) for k in keys]
    return out


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

    def rows(self, rows: Sequence[int] | np.ndarray) -> np.ndarray:
        """The ids of all the given rows, row after row (one vectorised gather, not one slice
        a row)."""
        picked = np.asarray(rows, dtype=np.int64)
        starts, ends = self.ptr[picked], self.ptr[picked + 1]
        lengths = ends - starts
        if not len(lengths) or bool((lengths == 1).all()):  # most keys name one string
            single: np.ndarray = self.ids[starts]
            return single
        offsets = np.repeat(starts - np.cumsum(lengths) + lengths, lengths)
        gathered: np.ndarray = self.ids[offsets + np.arange(int(lengths.sum()))]
        return gathered

    def find(self, keys: Sequence[str]) -> list[int | None]:
        """The row of each key, or None where it has none."""
        if not keys or not len(self.hashes):
            return [None] * len(keys)
        if compiled_find_rows is not None:
            return compiled_find_rows(self.keys, self.hashes, self.order, list(keys))
        return self.find_python(keys)

    def find_python(self, keys: Sequence[str]) -> list[int | None]:
        """`find` in Python, which defines it (a test compares the two)."""
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

    def top(
        self, keys: Iterable[str], size: int, limit: int, max_df: int | None = None
    ) -> np.ndarray:
        """The ``limit`` ids (of ``size``) whose postings among ``keys`` weigh most, a posting
        weighing the more the rarer it is (``log(size / its length)``); a posting longer than
        ``max_df`` says too little and is left out."""
        # sorted: the same order in every process
        rows = np.fromiter((r for r in self.find(sorted(keys)) if r is not None), dtype=np.int64)
        return self.top_rows(rows, size, limit, max_df)

    def top_rows(
        self, rows: np.ndarray, size: int, limit: int, max_df: int | None = None
    ) -> np.ndarray:
        """`top` of the postings in ``rows`` (the keys' rows, as `find` gives them). In C where
        the extension is built, else `top_rows_python`, which the C code follows exactly."""
        if (
            compiled_top_rows is None
            or self.ids.dtype != np.int32
            or self.ptr.dtype != np.int64
            or not (self.ids.flags.c_contiguous and self.ptr.flags.c_contiguous)
        ):
            return self.top_rows_python(rows, size, limit, max_df)
        out = np.empty(max(0, limit), dtype=np.int32)
        count = compiled_top_rows(
            self.ptr, self.ids, np.ascontiguousarray(rows, dtype=np.int64), size, limit,
            -1 if max_df is None else max_df, POSTING_BUDGET, _slots(size), out,
        )  # fmt: skip
        return out[:count]

    def top_rows_python(
        self, rows: np.ndarray, size: int, limit: int, max_df: int | None = None
    ) -> np.ndarray:
        """`top_rows` in Python (numpy): each posting weighs ``log(size / its length)`` by
        `math.log`, as C's ``log`` computes it. An empty posting adds nothing and is left out."""
        bounds = np.stack([self.ptr[rows], self.ptr[rows + 1]], axis=1)
        lengths = bounds[:, 1] - bounds[:, 0]
        kept = (lengths > 0) if max_df is None else (lengths > 0) & (lengths <= max_df)
        bounds, lengths = bounds[kept], lengths[kept]
        if not len(lengths):
            return np.empty(0, dtype=np.int32)
        chosen = choose_postings(lengths)
        weights = np.asarray([math.log(size / n) for n in lengths[chosen].tolist()])
        return top_weighted(self.ids, bounds[chosen], weights, size, limit)

    def top_groups(
        self, groups: Sequence[Sequence[int]], size: int, limit: int, max_df: int | None = None
    ) -> np.ndarray:
        """`top_rows` where a posting is the union of a group of rows (the translations of one
        word: an id holding several of them counts once, and the group weighs by its union's
        length). A group of one row is that row's posting; rows longer than ``max_df`` are left
        out, and the groups summed are chosen as `choose_postings` chooses postings (by the sum
        of their rows' lengths: their unions are only made for the groups chosen)."""
        ptr = self.ptr
        kept = [
            rows
            for group in groups
            if (rows := [r for r in group if max_df is None or ptr[r + 1] - ptr[r] <= max_df])
        ]
        if not kept:
            return np.empty(0, dtype=np.int32)
        most = np.fromiter(
            (sum(int(ptr[r + 1] - ptr[r]) for r in rows) for rows in kept),
            dtype=np.int64,
            count=len(kept),
        )
        parts = []
        for k in choose_postings(most).tolist():
            rows = kept[k]
            if len(rows) == 1:
                parts.append(self.row(rows[0]))
            else:
                parts.append(np.unique(np.concatenate([self.row(r) for r in rows])))
        lengths = np.fromiter((len(p) for p in parts), dtype=np.int64, count=len(parts))
        bounds = np.zeros((len(parts), 2), dtype=np.int64)
        np.cumsum(lengths, out=bounds[:, 1])
        bounds[1:, 0] = bounds[:-1, 1]
        ids = np.concatenate(parts).astype(np.int32, copy=False)
        return top_weighted(ids, bounds, np.log(size / lengths), size, limit)

    def get(self, key: str) -> np.ndarray | None:
        row = self.find([key])[0]
        return None if row is None else self.row(row)

    def __getstate__(self) -> dict[str, Any]:
        # One string for all keys, not a million objects for pickle to remember one by one.
        return {
            "keys": join_strings(self.keys),
            "ptr": self.ptr,
            "ids": self.ids,
            "hashes": self.hashes,
            "order": self.order,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.keys = split_strings(state["keys"])
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
        found = self.postings.top(grams(text, self.n), self.size, limit)
        if self.short is not None and len(text) <= SHORT_QUERY:
            n, postings, rows = self.short
            more = rows[postings.top(grams(text, n), len(rows), limit)]
            found = np.union1d(found, more)
        return found


SHORT_STRING = 12  # strings also indexed by the short n-grams
SHORT_QUERY = 10  # queries also looked up by them
