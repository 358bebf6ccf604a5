"""Ownership and control: the aggregate 50% rule to a fixed point, corporate groups, paths."""

from veu.graph.core import ActiveGraph, IncrementalClosure, listed_closure
from veu.graph.ownership import CountsAsListed, DayGraph, GroupMember, Holding, OwnershipGraph

__all__ = [
    "ActiveGraph",
    "CountsAsListed",
    "DayGraph",
    "GroupMember",
    "Holding",
    "IncrementalClosure",
    "OwnershipGraph",
    "listed_closure",
]
