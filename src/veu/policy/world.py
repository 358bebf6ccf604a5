"""The world a decision is made against: everything in one snapshot, made ready to ask.

Lists and their listings (a screening index), the registry (parties, edges, defense flags),
officers' judgements on links, and VEU authorizations. Identity is resolved once: a registry party
and a listing's party are one node when an identifier is equal or the names match (at the match
threshold, never against an officer's rejection); registry parties with equal identifiers or the
same normalised name and a compatible country are one node too. Built purely from data.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from veu.graph import OwnershipGraph
from veu.matching import Query, ScreeningIndex
from veu.model import Identifier, ListInfo, Listing, SourceDocument
from veu.model.authorization import Authorization
from veu.model.lists import ListEffectKind
from veu.model.registry import DefenseFlag, Edge, Judgement, PartyRef, RegistryParty
from veu.names import normalise

REGISTRY_LIST = "registry"


def party_key(name: str) -> str:
    normal = normalise(name)
    return normal.skeleton or normal.han or name.strip().lower()


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        parent = self.parent.setdefault(item, item)
        if parent != item:
            root = self.find(parent)
            self.parent[item] = root
            return root
        return item

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # Keep a stable representative: the smaller id.
            low, high = sorted((ra, rb))
            self.parent[high] = low


@dataclass
class Judgements:
    """Officers' judgements by (party key, listing id); the latest one counts."""

    by_key: dict[tuple[str, str], Judgement] = field(default_factory=dict)

    @classmethod
    def of(cls, judgements: Iterable[Judgement]) -> Judgements:
        out = cls()
        for j in sorted(judgements, key=lambda j: j.at):
            out.by_key[(party_key(j.party.name), j.listing_id)] = j
        return out

    def get(self, name: str, listing_id: str) -> Judgement | None:
        return self.by_key.get((party_key(name), listing_id))

    def confirmed_for(self, name: str) -> list[Judgement]:
        key = party_key(name)
        return [j for (k, _), j in self.by_key.items() if k == key and j.verdict == "confirmed"]


def registry_listing(party: RegistryParty) -> Listing:
    """A registry party dressed as a listing, so the screening index can search it."""
    return Listing(
        id=party.id,
        list_id=REGISTRY_LIST,
        party_id=party.id,
        kind=party.kind,
        names=party.names,
        countries=party.countries,
        identifiers=party.identifiers,
        source=party.source,
    )


def linked_to_edges(listings: Iterable[Listing]) -> list[Edge]:
    """OFAC ``Linked To`` remarks as control edges from the named entry to the entry."""
    by_name: dict[tuple[str, str], str] = {}
    items = list(listings)
    for listing in items:
        for name in listing.names:
            by_name.setdefault((listing.list_id, name.value.upper()), listing.party_id)
    edges = []
    for listing in items:
        for relation in listing.relations:
            if relation.kind != "linked_to":
                continue
            target = by_name.get((listing.list_id, relation.target_name.upper()))
            if target is None or target == listing.party_id:
                continue
            edges.append(
                Edge(
                    id=f"linked:{listing.party_id}:{target}",
                    owner=target,
                    owned=listing.party_id,
                    kind="control",
                    source=SourceDocument(
                        title=f"{listing.list_id} remarks",
                        date=listing.source.date,
                        url=listing.source.url,
                    ),
                    note=f"Linked To: {relation.target_name}",
                )
            )
    return edges


@dataclass
class World:
    snapshot: str
    lists: dict[str, ListInfo]
    listings: list[Listing]
    registry: dict[str, RegistryParty]
    edges: list[Edge]
    flags: list[DefenseFlag]
    judgements: Judgements
    authorizations: list[Authorization]
    match_threshold: float
    review_threshold: float
    index: ScreeningIndex | None = None  # built from the listings when not given
    ledger_seq: int = 0  # the last recorded draw-down of annual quantities in ``authorizations``
    registry_index: ScreeningIndex = field(init=False)
    identity: UnionFind = field(init=False)
    graph: OwnershipGraph = field(init=False)
    listings_of: dict[str, list[Listing]] = field(init=False)
    registry_of: dict[str, list[RegistryParty]] = field(init=False)
    flags_of: dict[str, list[DefenseFlag]] = field(init=False)
    by_id: dict[str, Listing] = field(init=False)

    def __post_init__(self) -> None:
        self.by_id = {x.id: x for x in self.listings}
        if self.index is None:
            self.index = ScreeningIndex(self.listings)
        self.registry_index = ScreeningIndex(registry_listing(p) for p in self.registry.values())
        self.identity = self._resolve()
        find = self.identity.find
        self.listings_of = defaultdict(list)
        for listing in self.listings:
            self.listings_of[find(listing.party_id)].append(listing)
        self.registry_of = defaultdict(list)
        for party in self.registry.values():
            self.registry_of[find(party.id)].append(party)
        self.flags_of = defaultdict(list)
        for flag in self.flags:
            self.flags_of[find(flag.party)].append(flag)
        edges = [
            e.model_copy(update={"owner": find(e.owner), "owned": find(e.owned)})
            for e in [*self.edges, *linked_to_edges(self.listings)]
        ]
        self.graph = OwnershipGraph(e for e in edges if e.owner != e.owned)

    def _resolve(self) -> UnionFind:
        identity = UnionFind()
        by_identifier: dict[tuple[str, str], str] = {}
        by_name: dict[str, list[tuple[str, frozenset[str]]]] = defaultdict(list)
        for party in self.registry.values():
            identity.find(party.id)
            for ident in party.identifiers:
                key = ident.key()
                if key in by_identifier:
                    identity.union(party.id, by_identifier[key])
                else:
                    by_identifier[key] = party.id
            # Same normalised name and compatible countries (unknown is compatible with any).
            countries = frozenset(party.countries)
            name = party_key(party.primary_name)
            for other, other_countries in by_name[name]:
                if not countries or not other_countries or countries & other_countries:
                    identity.union(party.id, other)
            by_name[name].append((party.id, countries))
        for party in self.registry.values():
            query = Query(
                name=party.primary_name,
                countries=frozenset(party.countries),
                identifiers=party.identifiers,
            )
            hits = self.screening.search(
                query, limit=20, min_score=self.match_threshold, fuzzy=False
            )
            for hit in hits:
                judgement = self.judgements.get(party.primary_name, hit.listing.id)
                if judgement is not None and judgement.verdict == "rejected":
                    continue
                identity.union(party.id, hit.listing.party_id)
        for judgement in self.judgements.by_key.values():
            if judgement.verdict != "confirmed":
                continue
            for party in self.registry.values():
                if party_key(party.primary_name) == party_key(judgement.party.name):
                    confirmed = self.listing(judgement.listing_id)
                    if confirmed is not None:
                        identity.union(party.id, confirmed.party_id)
        return identity

    def with_authorizations(
        self, snapshot: str, authorizations: Iterable[Authorization], ledger_seq: int
    ) -> World:
        """This world with other authorizations (and their usage): everything else is shared,
        so a change to authorizations alone rebuilds nothing."""
        clone = copy.copy(self)
        clone.snapshot = snapshot
        clone.authorizations = list(authorizations)
        clone.ledger_seq = ledger_seq
        return clone

    # questions ----------------------------------------------------------------------------
    @property
    def screening(self) -> ScreeningIndex:
        assert self.index is not None
        return self.index

    def listing(self, listing_id: str) -> Listing | None:
        return self.by_id.get(listing_id)

    def kind_of(self, listing: Listing) -> ListEffectKind:
        info = self.lists.get(listing.list_id)
        return info.kind if info else ListEffectKind.foreign

    def listed_in_force(self, node: str, kinds: set[ListEffectKind], day: dt.date) -> list[Listing]:
        return [
            x
            for x in self.listings_of.get(node, ())
            if self.kind_of(x) in kinds and x.status_on(day).in_force
        ]

    def own_defense_facts(self, node: str, day: dt.date) -> list[dict[str, object]]:
        facts: list[dict[str, object]] = []
        for flag in self.flags_of.get(node, ()):
            if flag.active_on(day):
                facts.append(
                    {
                        "fact": "defense_contractor",
                        "reason": flag.reason,
                        "flag": flag.id,
                        "evidence": dict(flag.evidence),
                        "source": flag.source.model_dump(mode="json", exclude_none=True),
                    }
                )
        for party in self.registry_of.get(node, ()):
            if party.defense_revenue_share:
                facts.append(
                    {
                        "fact": "defense_revenue_share",
                        "share": party.defense_revenue_share,
                        "party": party.id,
                        "source": party.source.model_dump(mode="json", exclude_none=True),
                    }
                )
        return facts

    def nodes_for(
        self,
        name: str,
        country: str | None,
        identifiers: tuple[Identifier, ...],
    ) -> list[tuple[str, str, float]]:
        """Registry nodes a party is: (node, registry party id, score)."""
        query = Query(
            name=name,
            countries=frozenset([country]) if country else frozenset(),
            identifiers=identifiers,
        )
        hits = self.registry_index.search(query, limit=10, min_score=self.match_threshold)
        return [(self.identity.find(h.listing.party_id), h.listing.party_id, h.score) for h in hits]


def ref_matches(
    ref: PartyRef,
    name: str,
    country: str | None,
    identifiers: Iterable[Identifier],
    threshold: float,
) -> tuple[bool, float]:
    """Whether a party named in an authorization is the party in a request."""
    from veu.matching import score_names

    keys = {i.key() for i in identifiers}
    if any(i.key() in keys for i in ref.identifiers):
        return True, 1.0
    if ref.country and country and ref.country != country:
        return False, 0.0
    score = score_names(normalise(ref.name), normalise(name)).score
    return score >= threshold, score


__all__ = ["Judgements", "World", "party_key", "ref_matches"]
