"""The world the golden cases and property tests decide against: every bundled list and registry
dataset, as shipped, plus the fixtures of ``tests/cases/world.yaml``. Built in memory, purely."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import TypeAdapter

from veu.model import Listing
from veu.model.authorization import Authorization
from veu.model.catalogue import ALL_LISTS
from veu.model.registry import DefenseFlag, Edge, Judgement, RegistryParty
from veu.policy.pack import PolicyPack
from veu.policy.world import Judgements, World
from veu.services.bootstrap import parse_bundled
from veu.services.policies import pack_for

CASES = Path(__file__).parent / "cases"
SNAPSHOT = "golden-world"


@lru_cache(maxsize=1)
def bundled() -> tuple[list[Listing], list[Any]]:
    return parse_bundled()


def fixtures() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((CASES / "world.yaml").read_text("utf-8"))
    return data


def build_world(
    extra_listings: list[Listing] | None = None, extra_edges: list[Edge] | None = None
) -> World:
    listings, records = bundled()
    data = fixtures()
    own = [Listing.model_validate(x) for x in data["listings"]]
    registry = data["registry"]
    parties = [RegistryParty.model_validate(x) for x in registry["parties"]]
    edges = [Edge.model_validate(x) for x in registry["edges"]]
    flags = [DefenseFlag.model_validate(x) for x in registry["flags"]]
    judgements = [Judgement.model_validate(x) for x in data["judgements"]]
    authorizations = TypeAdapter(list[Authorization]).validate_python(data["authorizations"])
    all_records = [*records, *parties, *edges, *flags]
    return World(
        snapshot=SNAPSHOT,
        lists=dict(ALL_LISTS),
        listings=[*listings, *own, *(extra_listings or [])],
        registry={r.id: r for r in all_records if isinstance(r, RegistryParty)},
        edges=[*(r for r in all_records if isinstance(r, Edge)), *(extra_edges or [])],
        flags=[r for r in all_records if isinstance(r, DefenseFlag)],
        judgements=Judgements.of(judgements),
        authorizations=authorizations,
        match_threshold=0.85,
        review_threshold=0.70,
    )


@lru_cache(maxsize=1)
def golden_world() -> World:
    return build_world()


def pack() -> PolicyPack:
    import datetime as dt

    return pack_for(dt.date(2026, 11, 26))
