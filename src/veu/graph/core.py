"""Ownership and control graphs on integer node ids, built for size (millions of edges).

``ActiveGraph`` holds the edges in force on one day in compressed adjacency form, both ways.
``listed_closure`` computes which nodes count as listed under the aggregate rule: a node counts
when the percentages held in it, directly, by listed or counting nodes sum to the threshold; the
least fixed point is reached with a worklist in which each edge is looked at once.
``IncrementalClosure`` keeps that state so a new listing is propagated from its node alone.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

CONTROL = 0.0  # weight of an edge without a percentage: joins groups, never counts for the rule


def _csr(
    n: int, src: np.ndarray, dst: np.ndarray, weight: np.ndarray, edge: np.ndarray
) -> tuple[list[int], list[int], list[float], list[int]]:
    order = np.argsort(src, kind="stable")
    start = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(src, minlength=n), out=start[1:])
    return (start.tolist(), dst[order].tolist(), weight[order].tolist(), edge[order].tolist())


@dataclass
class ActiveGraph:
    """Nodes ``0..n-1``; edge ``e`` goes from ``owner[e]`` to ``owned[e]`` with ``pct[e]``
    (``CONTROL`` for control and consolidation edges)."""

    n: int
    out_start: list[int]
    out_to: list[int]
    out_pct: list[float]
    out_edge: list[int]
    in_start: list[int]
    in_from: list[int]
    in_pct: list[float]
    in_edge: list[int]

    @classmethod
    def build(
        cls,
        n: int,
        owner: Sequence[int] | np.ndarray,
        owned: Sequence[int] | np.ndarray,
        pct: Sequence[float] | np.ndarray,
    ) -> ActiveGraph:
        src = np.asarray(owner, dtype=np.int64)
        dst = np.asarray(owned, dtype=np.int64)
        weight = np.asarray(pct, dtype=np.float64)
        edge = np.arange(len(src), dtype=np.int64)
        out = _csr(n, src, dst, weight, edge)
        inn = _csr(n, dst, src, weight, edge)
        return cls(n, *out, *inn)

    def owners(self, node: int) -> Iterable[tuple[int, float, int]]:
        for k in range(self.in_start[node], self.in_start[node + 1]):
            yield self.in_from[k], self.in_pct[k], self.in_edge[k]

    def holdings(self, node: int) -> Iterable[tuple[int, float, int]]:
        for k in range(self.out_start[node], self.out_start[node + 1]):
            yield self.out_to[k], self.out_pct[k], self.out_edge[k]


class IncrementalClosure:
    """Who counts as listed, kept up to date as listings are added."""

    def __init__(self, graph: ActiveGraph, threshold: float) -> None:
        self.graph = graph
        self.threshold = threshold
        self.listed = bytearray(graph.n)
        self.direct = bytearray(graph.n)
        self.held = [0.0] * graph.n  # percentage held by listed owners

    def add(self, seeds: Iterable[int]) -> list[int]:
        """Mark ``seeds`` listed and propagate; returns every node newly counting as listed."""
        g = self.graph
        listed, held, threshold = self.listed, self.held, self.threshold
        out_start, out_to, out_pct = g.out_start, g.out_to, g.out_pct
        queue: deque[int] = deque()
        changed: list[int] = []
        for seed in seeds:
            self.direct[seed] = 1
            if not listed[seed]:
                listed[seed] = 1
                queue.append(seed)
                changed.append(seed)
        while queue:
            node = queue.popleft()
            for k in range(out_start[node], out_start[node + 1]):
                target = out_to[k]
                if listed[target]:
                    continue
                share = out_pct[k]
                if share <= 0.0:
                    continue
                total = held[target] + share
                held[target] = total
                if total >= threshold:
                    listed[target] = 1
                    queue.append(target)
                    changed.append(target)
        return changed

    def counts(self, node: int) -> bool:
        return bool(self.listed[node])


def listed_closure(
    graph: ActiveGraph, seeds: Iterable[int], threshold: float
) -> IncrementalClosure:
    """The least fixed point of the aggregate rule from ``seeds``."""
    closure = IncrementalClosure(graph, threshold)
    closure.add(seeds)
    return closure


def ancestors(graph: ActiveGraph, node: int, *, counting_only: bool = True) -> set[int]:
    """``node`` and every node that holds it, directly or through others (only through edges
    with a percentage when ``counting_only``)."""
    seen = {node}
    stack = [node]
    while stack:
        current = stack.pop()
        for owner, pct, _ in graph.owners(current):
            if counting_only and pct <= 0.0:
                continue
            if owner not in seen:
                seen.add(owner)
                stack.append(owner)
    return seen


def restricted_closure(
    graph: ActiveGraph, node: int, seeds: set[int], threshold: float
) -> dict[int, list[tuple[int, float, int]]]:
    """Which of ``node``'s ancestors count as listed (least fixed point on that subgraph), each
    with the listed owners (owner, percentage, edge) that make it count. Cost: the ancestors."""
    region = ancestors(graph, node)
    counting: dict[int, list[tuple[int, float, int]]] = {}
    listed = {n for n in region if n in seeds}
    queue = deque(listed)
    held: dict[int, float] = {}
    while queue:
        current = queue.popleft()
        for target, pct, edge in graph.holdings(current):
            if target not in region or target in listed or pct <= 0.0:
                continue
            held[target] = held.get(target, 0.0) + pct
            counting.setdefault(target, []).append((current, pct, edge))
            if held[target] >= threshold:
                listed.add(target)
                queue.append(target)
    return {n: contributions for n, contributions in counting.items() if n in listed}


def group_paths(
    graph: ActiveGraph, node: int, threshold: float, control_joins: bool
) -> dict[int, list[int]]:
    """The corporate group of ``node``: its parents, their parents and so on (joined by ownership
    of at least ``threshold``, or by control when ``control_joins``), then every subsidiary of
    any of them, down the chain. A path never climbs from a subsidiary to another parent, so a
    joint venture does not merge its partners' groups. Each member comes with the edges of its
    path from ``node``."""

    def joins(pct: float) -> bool:
        return pct >= threshold or (control_joins and pct <= 0.0)

    paths: dict[int, list[int]] = {node: []}
    queue = deque([node])
    while queue:  # up
        current = queue.popleft()
        for parent, pct, edge in graph.owners(current):
            if parent not in paths and joins(pct):
                paths[parent] = [*paths[current], edge]
                queue.append(parent)
    queue = deque(paths)
    while queue:  # down, from the node and every ancestor
        current = queue.popleft()
        for child, pct, edge in graph.holdings(current):
            if child not in paths and joins(pct):
                paths[child] = [*paths[current], edge]
                queue.append(child)
    return paths
