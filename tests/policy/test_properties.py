"""Properties of `decide` on a small world of real MOFCOM listings: adding a listing never
weakens an outcome; an unrelated ownership edge changes nothing; the same inputs give the same
decision."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import DATA
from tests.golden_world import pack
from veu.ingest import mofcom
from veu.model import Listing, Name
from veu.model.catalogue import ALL_LISTS
from veu.model.registry import Edge, RegistryParty
from veu.model.shipment import ShipmentRequest
from veu.policy import decide
from veu.policy.world import Judgements, World

NAMES = [
    "Lockheed Martin Corporation",
    "Acme Motors GmbH",
    "Recorded Future, Inc.",
    "Skydio Inc.",
    "Bavaria Ceramics AG",
    "Nordic Wind Turbines AB",
    "Leidos",
    "Acorn Analytics Ltd",
    "Insitu, Inc.",
    "IHI Aerospace Co., Ltd.",
]
ITEMS = [
    {"description": "samarium oxide", "elements": ["Sm"], "form": "oxide"},
    {"description": "NdFeB magnets", "elements": ["Nd", "Fe", "B"], "form": "magnet"},
    {"description": "Dy magnets", "elements": ["Nd", "Dy", "Fe", "B"], "form": "magnet"},
    {"description": "rotor", "elements": ["Nd", "Dy"], "form": "motor_assembly"},
    {"description": "lanthanum oxide", "elements": ["La"], "form": "oxide"},
    {"description": "holmium metal", "elements": ["Ho"], "form": "metal"},
]
DATES = [dt.date(2025, 4, 3), dt.date(2025, 6, 1), dt.date(2025, 11, 10), dt.date(2026, 11, 10)]
LISTS = ["cn-ecl", "cn-uel", "cn-afs", "cn-watch", "cn-meu", "us-ofac-sdn"]


@lru_cache(maxsize=1)
def real_listings() -> tuple[Listing, ...]:
    return tuple(listing for p in mofcom.parse(DATA / "mofcom").lists for listing in p.listings)


def world(extra: list[Listing] = (), edges: list[Edge] = ()) -> World:  # type: ignore[assignment]
    registry = {
        "test:acorn": RegistryParty(
            id="test:acorn", names=(Name(value="Acorn Analytics Ltd"),), countries=("GB",)
        )
    }
    base = [
        Edge(
            id="test:rf>acorn",
            owner="cn:recordedfuture",
            owned="test:acorn",
            kind="ownership",
            percentage=60,
        )
    ]
    return World(
        snapshot="property",
        lists=dict(ALL_LISTS),
        listings=[*real_listings(), *extra],
        registry=registry,
        edges=[*base, *edges],
        flags=[],
        judgements=Judgements(),
        authorizations=[],
        match_threshold=0.85,
        review_threshold=0.70,
    )


@lru_cache(maxsize=1)
def base_world() -> World:
    return world()


requests = st.builds(
    lambda day, consignee, item, category: ShipmentRequest.model_validate(
        {
            "date": day.isoformat(),
            "exporter": {"name": "Ganzhou Rare Earth Co., Ltd.", "country": "CN"},
            "consignee": {"name": consignee, "country": "US"},
            "items": [{**item, "quantity_kg": 10, "value": 1000}],
            "end_use": {"category": category},
        }
    ),
    st.sampled_from(DATES),
    st.sampled_from(NAMES),
    st.sampled_from(ITEMS),
    st.sampled_from(["civil", "unknown", "military"]),
)
SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(requests, st.sampled_from(LISTS), st.sampled_from(NAMES))
def test_adding_a_listing_never_weakens_the_outcome(
    request: ShipmentRequest, list_id: str, name: str
) -> None:
    rules = pack()
    before = decide(request, base_world(), rules)
    listing = Listing(
        id=f"{list_id}:added:{name}",
        list_id=list_id,
        party_id=f"added:{name}",
        names=(Name(value=name),),
        listed_on=dt.date(2020, 1, 1),
    )
    after = decide(request, world(extra=[listing]), rules)
    assert rules.strength(after.outcome) >= rules.strength(before.outcome)


@SETTINGS
@given(requests, st.sampled_from([10.0, 50.0, 100.0]), st.booleans())
def test_an_unrelated_ownership_edge_changes_nothing(
    request: ShipmentRequest, share: float, control: bool
) -> None:
    rules = pack()
    before = decide(request, base_world(), rules)
    edge = Edge(
        id="test:unrelated",
        owner="test:nobody-1",
        owned="test:nobody-2",
        kind="control" if control else "ownership",
        percentage=None if control else share,
    )
    after = decide(request, world(edges=[edge]), rules)
    assert after == before


@SETTINGS
@given(requests)
def test_decisions_are_deterministic(request: ShipmentRequest) -> None:
    rules = pack()
    assert decide(request, base_world(), rules) == decide(request, world(), rules)


def test_a_listed_owner_reaches_its_subsidiary() -> None:
    request = ShipmentRequest.model_validate(
        {
            "date": "2025-10-10",
            "exporter": {"name": "Ganzhou Rare Earth", "country": "CN"},
            "consignee": {"name": "Acorn Analytics Ltd", "country": "GB"},
            "items": [{**ITEMS[4], "quantity_kg": 1, "value": 1}],
            "end_use": {"category": "civil"},
        }
    )
    decision = decide(request, base_world(), pack())
    assert decision.outcome.value == "denied"
    assert "COUNTS_AS_LISTED" in [r.code for r in decision.reasons]
