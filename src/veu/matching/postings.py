"""Postings: keys (tokens, skeletons, n-grams) mapped to the ids holding them, in flat arrays,
and the n-gram door that finds the strings sharing the most (rarity-weighted) n-grams with a
query. The screening index (`veu.matching.index`) is built on them."""

from __future__ import annotations

import math
import threading
from collections import defaultdict
from collections.abc import Iterable, Sequence
from hashlib import blake2b
from typing import Any

import numpy as np

POSTING_BUDGET = 20_000  # ids summed by a door for one query, rarest postings first


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

    def top(
        self, keys: Iterable[str], size: int, limit: int, max_df: int | None = None
    ) -> np.ndarray:
        """The ``limit`` ids (of ``size``) whose postings among ``keys`` weigh most, a posting
        weighing the more the rarer it is (``log(size / its length)``); a posting longer than
        ``max_df`` says too little and is left out."""
        ids, weights = [], []
        for row in self.find(sorted(keys)):  # sorted: the same order in every process
            if row is None:
                continue
            post = self.row(row)
            if max_df is None or len(post) <= max_df:
                ids.append(post)
                weights.append(math.log(size / len(post)))
        return top_weighted(ids, weights, size, limit)

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
