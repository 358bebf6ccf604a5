"""The aggregate rule's fixed point, checked against a naive iteration on random graphs."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from veu.graph import ActiveGraph, OwnershipGraph, listed_closure
from veu.graph.core import group_paths, restricted_closure
from veu.model.registry import Edge

THRESHOLD = 50.0


@st.composite
def graphs(draw: st.DrawFn) -> tuple[int, list[tuple[int, int, float]], set[int]]:
    n = draw(st.integers(2, 12))
    edges = draw(
        st.lists(
            st.tuples(
                st.integers(0, n - 1),
                st.integers(0, n - 1),
                st.sampled_from([0.0, 10.0, 25.0, 40.0, 49.0, 50.0, 60.0]),
            ),
            max_size=30,
        )
    )
    edges = [(a, b, p) for a, b, p in edges if a != b]
    seeds = draw(st.sets(st.integers(0, n - 1), max_size=3))
    return n, edges, seeds


def naive(n: int, edges: list[tuple[int, int, float]], seeds: set[int]) -> set[int]:
    listed = set(seeds)
    while True:
        held = [0.0] * n
        for a, b, p in edges:
            if a in listed:
                held[b] += p
        grown = listed | {v for v in range(n) if held[v] >= THRESHOLD}
        if grown == listed:
            return listed
        listed = grown


def build(n: int, edges: list[tuple[int, int, float]]) -> ActiveGraph:
    return ActiveGraph.build(
        n, [a for a, _, _ in edges], [b for _, b, _ in edges], [p for _, _, p in edges]
    )


@settings(max_examples=300, deadline=None)
@given(graphs())
def test_worklist_equals_naive_fixed_point(case: tuple[int, list, set[int]]) -> None:
    n, edges, seeds = case
    closure = listed_closure(build(n, edges), seeds, THRESHOLD)
    assert {v for v in range(n) if closure.counts(v)} == naive(n, edges, seeds)


@settings(max_examples=300, deadline=None)
@given(graphs())
def test_restricted_closure_agrees_for_every_node(case: tuple[int, list, set[int]]) -> None:
    n, edges, seeds = case
    graph = build(n, edges)
    expected = naive(n, edges, seeds)
    for node in range(n):
        counting = restricted_closure(graph, node, seeds, THRESHOLD)
        assert (node in seeds or node in counting) == (node in expected)


@settings(max_examples=200, deadline=None)
@given(graphs(), st.integers(0, 11))
def test_incremental_add_equals_recompute(case: tuple[int, list, set[int]], extra: int) -> None:
    n, edges, seeds = case
    extra = extra % n
    graph = build(n, edges)
    closure = listed_closure(graph, seeds, THRESHOLD)
    closure.add([extra])
    assert {v for v in range(n) if closure.counts(v)} == naive(n, edges, seeds | {extra})


def test_spec_example() -> None:
    # X listed; X holds 50% of A and 10% of B; A holds 40% of B: A counts, then B.
    x, a, b = 0, 1, 2
    closure = listed_closure(build(3, [(x, a, 50.0), (x, b, 10.0), (a, b, 40.0)]), {x}, THRESHOLD)
    assert closure.counts(a)
    assert closure.counts(b)


def test_control_never_counts_but_joins_groups() -> None:
    graph = build(3, [(0, 1, 0.0), (1, 2, 100.0)])
    assert not listed_closure(graph, {0}, THRESHOLD).counts(1)
    assert set(group_paths(graph, 2, THRESHOLD, control_joins=True)) == {0, 1, 2}
    assert set(group_paths(graph, 2, THRESHOLD, control_joins=False)) == {1, 2}


def test_group_does_not_cross_joint_ventures() -> None:
    # Two partners (0, 2) of one joint venture (1): each partner's group has the venture, not
    # the other partner.
    graph = build(3, [(0, 1, 0.0), (2, 1, 0.0)])
    assert set(group_paths(graph, 0, THRESHOLD, control_joins=True)) == {0, 1}
    assert set(group_paths(graph, 1, THRESHOLD, control_joins=True)) == {0, 1, 2}


def test_edges_are_asked_as_of_a_date() -> None:
    edge = Edge(
        id="e",
        owner="X",
        owned="A",
        kind="ownership",
        percentage=60,
        start=dt.date(2025, 1, 1),
        end=dt.date(2026, 1, 1),
    )
    graph = OwnershipGraph([edge])
    listed = {"X"}.__contains__
    assert graph.on(dt.date(2024, 12, 31)).counts_as_listed("A", listed, THRESHOLD) is None
    assert graph.on(dt.date(2025, 6, 1)).counts_as_listed("A", listed, THRESHOLD) is not None
    assert graph.on(dt.date(2026, 1, 1)).counts_as_listed("A", listed, THRESHOLD) is None
