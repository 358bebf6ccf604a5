"""A single decision's latency with the full bundled lists and registry loaded, against a
brute-force screening of one party (every listed name scored, no index) in the same run."""

from __future__ import annotations

import time

from bench.common import machine, median, percentile, timed, write_section
from veu.matching import score_names
from veu.model import Listing
from veu.model.catalogue import ALL_LISTS
from veu.model.registry import DefenseFlag, Edge, RegistryParty
from veu.model.shipment import ShipmentRequest
from veu.names import normalise
from veu.policy import decide
from veu.policy.world import Judgements, World
from veu.services.bootstrap import parse_bundled
from veu.services.policies import pack_for

PARTIES = [
    ("Acme Motors GmbH", "DE"),
    ("Lockheed Martin Corporation", "US"),
    ("洛克希德·马丁公司", "US"),
    ("Gulfstream Aerospace Corporation", "US"),
    ("Sikorsky Aircraft Corporation", "US"),
    ("Banco Nacional de Cuba", "CU"),
    ("Recorded Future Analytics", "US"),
    ("Huawei Technologies Co., Ltd.", "CN"),
    ("Toyota Motor Corporation", "JP"),
    ("Skydio, Inc.", "US"),
    ("Textron Aviation Inc.", "US"),
    ("Nordic Wind Turbines AB", "SE"),
]
ITEMS = [
    {
        "description": "samarium oxide",
        "elements": ["Sm"],
        "form": "oxide",
        "quantity_kg": 100,
        "value": 5000,
    },
    {
        "description": "NdFeB magnets with Dy",
        "elements": ["Nd", "Fe", "B", "Dy"],
        "form": "magnet",
        "quantity_kg": 50,
        "value": 3000,
    },
]


def build_world(listings: list[Listing], records: list[object]) -> World:
    return World(
        snapshot="bench",
        lists=dict(ALL_LISTS),
        listings=listings,
        registry={r.id: r for r in records if isinstance(r, RegistryParty)},
        edges=[r for r in records if isinstance(r, Edge)],
        flags=[r for r in records if isinstance(r, DefenseFlag)],
        judgements=Judgements(),
        authorizations=[],
        match_threshold=0.85,
        review_threshold=0.70,
    )


def requests() -> list[ShipmentRequest]:
    out = []
    for i, (name, country) in enumerate(PARTIES):
        out.append(
            ShipmentRequest.model_validate(
                {
                    "date": "2025-06-01",
                    "exporter": {"name": "Ganzhou Rare Earth Co., Ltd.", "country": "CN"},
                    "consignee": {"name": name, "country": country},
                    "items": [ITEMS[i % 2]],
                    "end_use": {"category": "civil", "sector": "automotive"},
                }
            )
        )
    return out


def brute_force(listings: list[Listing], name: str) -> float:
    """Score every listed name against ``name``: what screening costs without an index."""
    query = normalise(name)
    best = 0.0
    for listing in listings:
        for listed in listing.names:
            best = max(best, score_names(query, normalise(listed.value)).score)
    return best


def main(write: bool = True) -> dict[str, float]:
    start = time.perf_counter()
    listings, records = parse_bundled()
    parse_s = time.perf_counter() - start
    holder: list[World] = []
    [build_s] = timed(lambda: holder.append(build_world(listings, records)))
    world = holder[0]
    pack = pack_for(
        ShipmentRequest.model_validate(
            {
                "date": "2025-06-01",
                "exporter": {"name": "x", "country": "CN"},
                "consignee": {"name": "y", "country": "US"},
                "items": [ITEMS[0]],
                "end_use": {"category": "civil"},
            }
        ).date
    )
    batch = requests()
    for request in batch:  # warm the per-day graph and the caches
        decide(request, world, pack)
    latencies = []
    for _ in range(10):
        for request in batch:
            latencies += timed(lambda r=request: decide(r, world, pack))
    brute = timed(lambda: brute_force(listings, "Lockheed Martin Corporation"), repeat=3)
    names = sum(len(x.names) for x in listings)
    results = {
        "parse_s": parse_s,
        "world_build_s": build_s,
        "decision_p50_ms": median(latencies) * 1000,
        "decision_p95_ms": percentile(latencies, 0.95) * 1000,
        "decision_max_ms": max(latencies) * 1000,
        "brute_force_screen_ms": median(brute) * 1000,
        "listings": len(listings),
        "names": names,
        "registry": len(world.registry),
    }
    if write:
        write_section(
            "decision",
            f"""## A single decision (`bench/decision.py`)

The full bundled data: {len(listings):,} listings ({names:,} names) and {len(world.registry):,}
registry parties with their edges and defense flags. {len(batch)} shipment requests (civilian,
listed, listed in Chinese, subsidiaries of listed defense groups, foreign-listed, near matches)
decided 10 times each, after one warm-up. Machine: {machine()}.

| measure | time |
|---|---|
| one decision, p50 | **{results["decision_p50_ms"]:.1f} ms** |
| one decision, p95 | {results["decision_p95_ms"]:.1f} ms |
| one decision, max | {results["decision_max_ms"]:.1f} ms |
| baseline, same run: screening one name by scoring every listed name (no index) | {results["brute_force_screen_ms"]:.0f} ms |
| once per snapshot: build the world (index, identity, graph) | {results["world_build_s"]:.1f} s |
| once: parse the bundled files | {results["parse_s"]:.1f} s |

A decision screens every party, walks their owners and corporate groups and checks the
authorizations; the index makes it cheaper than scoring one name against every listed name.
""",
        )
    return results


if __name__ == "__main__":
    print(main())
