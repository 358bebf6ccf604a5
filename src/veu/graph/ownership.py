"""Ownership graphs of `Edge` records, asked as of a day, with findings that keep their path.

Nodes are party ids. `OwnershipGraph.on(day)` gives the graph of the edges in force that day;
`DayGraph.counts_as_listed` and `DayGraph.group` answer the two questions the policy asks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from veu.graph.core import CONTROL, ActiveGraph, group_paths, restricted_closure
from veu.model.registry import Edge


def edge_evidence(edge: Edge) -> dict[str, Any]:
    return {
        "edge": edge.id,
        "owner": edge.owner,
        "owned": edge.owned,
        "kind": edge.kind,
        "percentage": edge.percentage,
        "source": edge.source.model_dump(mode="json", exclude_none=True),
        **({"note": edge.note} if edge.note else {}),
    }


@dataclass(frozen=True)
class Holding:
    owner: str
    percentage: float
    edge: Edge
    owner_listed: str  # "directly" or "counts as listed"
    owner_holdings: tuple[Holding, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "owner": self.owner,
            "percentage": self.percentage,
            "owner_listed": self.owner_listed,
            **edge_evidence(self.edge),
        }
        if self.owner_holdings:
            out["owner_held_by"] = [h.as_dict() for h in self.owner_holdings]
        return out


@dataclass(frozen=True)
class CountsAsListed:
    """``party`` counts as listed: listed owners hold ``total`` percent of it."""

    party: str
    total: float
    held_by: tuple[Holding, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "party": self.party,
            "total_percentage": round(self.total, 6),
            "held_by": [h.as_dict() for h in self.held_by],
        }


@dataclass(frozen=True)
class GroupMember:
    party: str
    path: tuple[Edge, ...] = field(default=())

    def path_dicts(self) -> list[dict[str, Any]]:
        return [edge_evidence(e) for e in self.path]


class DayGraph:
    def __init__(self, ids: list[str], edges: list[Edge], graph: ActiveGraph) -> None:
        self.ids = ids
        self.index = {party: i for i, party in enumerate(ids)}
        self.edges = edges
        self.graph = graph

    def counts_as_listed(
        self, party: str, is_listed: Callable[[str], bool], threshold: float
    ) -> CountsAsListed | None:
        """Does ``party`` count as listed through its owners (not by a listing of its own)?"""
        node = self.index.get(party)
        if node is None or is_listed(party):
            return None
        region_seeds = {n for n in _region(self.graph, node) if is_listed(self.ids[n])}
        if not region_seeds:
            return None
        counting = restricted_closure(self.graph, node, region_seeds, threshold)
        if node not in counting:
            return None

        def holdings(n: int) -> tuple[Holding, ...]:
            out = []
            for owner, pct, edge in counting[n]:
                direct = owner in region_seeds
                out.append(
                    Holding(
                        owner=self.ids[owner],
                        percentage=pct,
                        edge=self.edges[edge],
                        owner_listed="directly" if direct else "counts as listed",
                        owner_holdings=() if direct else holdings(owner),
                    )
                )
            return tuple(out)

        held = holdings(node)
        return CountsAsListed(party=party, total=sum(h.percentage for h in held), held_by=held)

    def group(self, party: str, threshold: float, control_joins: bool) -> list[GroupMember]:
        """The corporate group of ``party`` (itself first), each member with its path."""
        node = self.index.get(party)
        if node is None:
            return [GroupMember(party)]
        paths = group_paths(self.graph, node, threshold, control_joins)
        members = [
            GroupMember(self.ids[n], tuple(self.edges[e] for e in path))
            for n, path in paths.items()
        ]
        return sorted(members, key=lambda m: (len(m.path), m.party))

    def neighbourhood(
        self, parties: Iterable[str], depth: int = 3, limit: int = 60
    ) -> tuple[dict[str, int], list[Edge]]:
        """Parties within ``depth`` edges of ``parties`` (owners up, holdings down), at most
        ``limit`` of them: each with its level (negative: owners above, positive: held below)
        and the edges between them."""
        up: dict[str, list[Edge]] = {}
        down: dict[str, list[Edge]] = {}
        for edge in self.edges:
            up.setdefault(edge.owned, []).append(edge)
            down.setdefault(edge.owner, []).append(edge)
        level = dict.fromkeys(parties, 0)
        frontier = list(level)
        for _ in range(depth):
            following = []
            for party in frontier:
                steps = [(e.owner, -1) for e in up.get(party, ())]
                steps += [(e.owned, 1) for e in down.get(party, ())]
                for other, step in sorted(steps):
                    if other not in level and len(level) < limit:
                        level[other] = level[party] + step
                        following.append(other)
            frontier = following
        edges = [e for e in self.edges if e.owner in level and e.owned in level]
        return level, edges


def _region(graph: ActiveGraph, node: int) -> set[int]:
    from veu.graph.core import ancestors

    return ancestors(graph, node)


class OwnershipGraph:
    """All edges, any day; `on(day)` builds (and keeps) the graph of one day."""

    def __init__(self, edges: Iterable[Edge]) -> None:
        self.edges = list(edges)
        self._days: dict[dt.date, DayGraph] = {}

    def on(self, day: dt.date) -> DayGraph:
        if day not in self._days:
            active = [e for e in self.edges if e.active_on(day) and e.owner != e.owned]
            ids = sorted({e.owner for e in active} | {e.owned for e in active})
            index = {party: i for i, party in enumerate(ids)}
            graph = ActiveGraph.build(
                len(ids),
                [index[e.owner] for e in active],
                [index[e.owned] for e in active],
                [
                    e.percentage if e.kind == "ownership" and e.percentage else CONTROL
                    for e in active
                ],
            )
            if len(self._days) > 16:
                self._days.clear()
            self._days[day] = DayGraph(ids, active, graph)
        return self._days[day]
