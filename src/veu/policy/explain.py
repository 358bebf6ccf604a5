"""Why a party counts as listed or is defense-linked: the questions `decide` asks of the graph,
answered with their paths, and usable on their own (``veu graph explain``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from veu.graph import CountsAsListed
from veu.matching import Hit, Query
from veu.model import Identifier, Listing
from veu.model.lists import ListEffectKind
from veu.policy.pack import PolicyPack
from veu.policy.world import World


def listing_evidence(listing: Listing, day: dt.date) -> dict[str, Any]:
    status = listing.status_on(day)
    return {
        "listing": listing.id,
        "list": listing.list_id,
        "party_id": listing.party_id,
        "names": [n.value for n in listing.names],
        "source": listing.source.model_dump(mode="json", exclude_none=True),
        "status": status.state.value,
        **({"status_since": status.since.isoformat()} if status.since else {}),
        **({"status_until": status.until.isoformat()} if status.until else {}),
    }


def listed_on(world: World, kind: ListEffectKind, day: dt.date) -> Callable[[str], bool]:
    def listed(node: str) -> bool:
        return bool(world.listed_in_force(node, {kind}, day))

    return listed


def counts_as_listed(
    world: World, pack: PolicyPack, node: str, day: dt.date
) -> list[tuple[ListEffectKind, CountsAsListed]]:
    """Each kind of list on which ``node`` counts as listed through its owners (not directly)."""
    graph = world.graph.on(day)
    out = []
    for kind in pack.lists:
        if world.listed_in_force(node, {kind}, day):
            continue
        finding = graph.counts_as_listed(
            node, listed_on(world, kind, day), pack.ownership.counts_as_listed_percent
        )
        if finding is not None:
            out.append((kind, finding))
    return out


def defense_links(
    world: World, pack: PolicyPack, nodes: set[str], day: dt.date
) -> list[dict[str, Any]]:
    """Members of the nodes' corporate groups (themselves included) that are defense contractors
    by their own facts or red-listed, each with the path that joins them."""
    graph = world.graph.on(day)
    red = set(pack.defense.red_list_kinds)
    links: list[dict[str, Any]] = []
    for node in sorted(nodes):
        for member in graph.group(
            node, pack.defense.group_percent, pack.defense.control_joins_group
        ):
            facts = world.own_defense_facts(member.party, day)
            listed = world.listed_in_force(member.party, red, day)
            if facts or listed:
                links.append(
                    {
                        "party": node,
                        "member": member.party,
                        "facts": facts,
                        "red_listed": [listing_evidence(x, day) for x in listed],
                        "path": member.path_dicts(),
                    }
                )
    return links


def find_party(
    world: World,
    pack: PolicyPack,
    name: str,
    country: str | None,
    identifiers: tuple[Identifier, ...],
) -> tuple[list[Hit], set[str]]:
    """Listing hits (from the review threshold) and the graph nodes the party is: those of the
    listings it matches and of the registry parties it matches."""
    query = Query(
        name=name,
        countries=frozenset([country]) if country else frozenset(),
        identifiers=identifiers,
    )
    hits = world.screening.search(query, limit=25, min_score=pack.thresholds.review)
    nodes = {
        world.identity.find(h.listing.party_id)
        for h in hits
        if (h.score >= pack.thresholds.match or "identifier" in h.explanation)
        and not _rejected(world, name, h.listing.id)
    }
    nodes |= {node for node, _, _ in world.nodes_for(name, country, identifiers)}
    return hits, nodes


def _rejected(world: World, name: str, listing_id: str) -> bool:
    judgement = world.judgements.get(name, listing_id)
    return judgement is not None and judgement.verdict == "rejected"


def explain_party(
    world: World,
    pack: PolicyPack,
    name: str,
    country: str | None,
    identifiers: tuple[Identifier, ...],
    day: dt.date,
) -> dict[str, Any]:
    """Everything that makes a party listed, counting as listed, or defense-linked on ``day``."""
    hits, nodes = find_party(world, pack, name, country, identifiers)
    out: dict[str, Any] = {
        "name": name,
        "country": country,
        "date": day.isoformat(),
        "snapshot": world.snapshot,
        "policy_version": pack.ref,
        "nodes": [],
        "near_matches": [],
    }
    for hit in hits:
        if hit.score < pack.thresholds.match and "identifier" not in hit.explanation:
            out["near_matches"].append(
                {**listing_evidence(hit.listing, day), "score": round(hit.score, 4)}
            )
    for node in sorted(nodes):
        registry = [p.id for p in world.registry_of.get(node, ())]
        out["nodes"].append(
            {
                "node": node,
                "registry_parties": registry,
                "listings": [listing_evidence(x, day) for x in world.listings_of.get(node, ())],
                "counts_as_listed": [
                    {"list_kind": kind.value, **finding.as_dict()}
                    for kind, finding in counts_as_listed(world, pack, node, day)
                ],
                "defense_links": defense_links(world, pack, {node}, day),
            }
        )
    out["listed"] = any(x["status"] == "in_force" for n in out["nodes"] for x in n["listings"])
    out["counts_as_listed"] = any(n["counts_as_listed"] for n in out["nodes"])
    out["defense_linked"] = any(n["defense_links"] for n in out["nodes"])
    return out


def picture(
    world: World,
    pack: PolicyPack,
    name: str,
    country: str | None,
    identifiers: tuple[Identifier, ...],
    day: dt.date,
    depth: int = 3,
) -> dict[str, Any]:
    """The ownership neighbourhood of a party on ``day``, to draw: each node with its name,
    level (owners above, holdings below) and marks (listed, counting as listed,
    defense-linked by its own facts), and the edges between them."""
    _, nodes = find_party(world, pack, name, country, identifiers)
    graph = world.graph.on(day)
    levels, edges = graph.neighbourhood(sorted(nodes), depth)
    refusing = {k for k, rule in pack.lists.items() if rule.effect != "warning"}
    out_nodes = []
    for node, level in sorted(levels.items(), key=lambda item: (item[1], item[0])):
        listed = world.listed_in_force(node, refusing, day)
        out_nodes.append(
            {
                "id": node,
                "name": _label(world, node),
                "level": level,
                "query": node in nodes,
                "listed": [x.list_id for x in listed],
                "counts_as_listed": bool(counts_as_listed(world, pack, node, day)),
                "defense": bool(world.own_defense_facts(node, day)),
            }
        )
    return {
        "name": name,
        "date": day.isoformat(),
        "found": bool(nodes),
        "nodes": out_nodes,
        "edges": [
            {"owner": e.owner, "owned": e.owned, "kind": e.kind, "percentage": e.percentage}
            for e in edges
        ],
    }


def _label(world: World, node: str) -> str:
    for party in world.registry_of.get(node, ()):
        return party.primary_name
    for listing in world.listings_of.get(node, ()):
        latin = [n.value for n in listing.names if n.value.isascii()]
        return latin[0] if latin else listing.primary_name
    return node
