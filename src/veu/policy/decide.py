"""Deciding a shipment: ``decide(request, world, pack) -> Decision``. Pure and deterministic.

The rules, as in VEU-SPEC "Deciding a shipment": (1) every party but the exporter is screened; a
match or an equal identifier is a listing, a near match holds the shipment unless an officer has
said the party is not that listing; (2) a listed party, or one counting as listed through its
owners, applies its list's effect; (3) a military end use, or a controlled item to the military
end-user red list, is denied; (4) no controlled item and nothing else: not controlled; (5)
controlled items go under a general licence only within a VEU authorization of a civil,
non-defense-linked end user, else a licence is required. The outcome is the strongest any reason
calls for, in the pack's order.
"""

from __future__ import annotations

from typing import Any

from veu.matching import ALGORITHM, ALGORITHM_VERSION, Query
from veu.model import Listing
from veu.model.decision import Decision, Outcome, Reason
from veu.model.lists import ListEffectKind
from veu.model.shipment import EndUseCategory, ShipmentParty, ShipmentRequest
from veu.policy.explain import counts_as_listed, defense_links, listing_evidence
from veu.policy.items import ItemFinding, classify
from veu.policy.pack import ListEffect, PolicyPack
from veu.policy.reasons import REASON_CODES
from veu.policy.veu import drawdown, held_by, remaining_after, shortfalls
from veu.policy.world import World

LIST_CODES: dict[ListEffectKind, str] = {
    ListEffectKind.cn_export_control: "LISTED_EXPORT_CONTROL_LIST",
    ListEffectKind.cn_unreliable_entity: "LISTED_UNRELIABLE_ENTITY_LIST",
    ListEffectKind.cn_countermeasure: "LISTED_COUNTERMEASURE_LIST",
    ListEffectKind.cn_watch: "LISTED_WATCH_LIST",
    ListEffectKind.own_red_list: "LISTED_MILITARY_END_USER",
    ListEffectKind.foreign: "LISTED_FOREIGN",
}


KIND_NAMES: dict[ListEffectKind, str] = {
    ListEffectKind.cn_export_control: "the MOFCOM Export Control List",
    ListEffectKind.cn_unreliable_entity: "the Unreliable Entity List",
    ListEffectKind.cn_countermeasure: "the countermeasure list",
    ListEffectKind.cn_watch: "the MOFCOM Watch List",
    ListEffectKind.own_red_list: "the military end-user red list",
    ListEffectKind.foreign: "a foreign list",
}


def _effect(rule: ListEffect, controlled: bool) -> Outcome | None:
    if rule.effect == "warning":
        return None
    if rule.applies_to == "controlled" and not controlled:
        return None
    return Outcome(rule.effect)


def _describe(role: str, party: ShipmentParty) -> dict[str, Any]:
    return {"role": role, "name": party.name, "country": party.country}


class _Decider:
    def __init__(self, request: ShipmentRequest, world: World, pack: PolicyPack) -> None:
        self.request = request
        self.world = world
        self.pack = pack
        self.day = request.date
        self.reasons: list[Reason] = []
        self.findings: list[ItemFinding] = []
        self.controlled = False
        self.nodes: dict[str, set[str]] = {}  # role -> registry/listing nodes of that party

    def add(
        self,
        code: str,
        message: str,
        clause: str,
        evidence: dict[str, Any],
        effect: Outcome | None = None,
    ) -> None:
        if code not in REASON_CODES:
            raise ValueError(f"undocumented reason code {code}")
        self.reasons.append(
            Reason(code=code, message=message, clause=clause, evidence=evidence, effect=effect)
        )

    # items ----------------------------------------------------------------------------------
    def items(self) -> None:
        self.findings = [
            classify(item, i, self.day, self.pack) for i, item in enumerate(self.request.items)
        ]
        for finding in self.findings:
            self.reasons.extend(finding.reasons)
        self.controlled = any(f.controlled for f in self.findings)

    # parties --------------------------------------------------------------------------------
    def party(self, role: str, party: ShipmentParty) -> None:
        world, pack, day = self.world, self.pack, self.day
        who = _describe(role, party)
        identifiers = party.identifier_list()
        query = Query(
            name=party.name, countries=frozenset([party.country]), identifiers=identifiers
        )
        hits = world.screening.search(query, limit=25, min_score=pack.thresholds.review)
        seen: set[str] = set()
        nodes: set[str] = set()
        near: dict[str, list[tuple[Listing, dict[str, Any]]]] = {}
        for hit in hits:
            listing = hit.listing
            seen.add(listing.id)
            judgement = world.judgements.get(party.name, listing.id)
            screening = {
                "score": round(hit.score, 4),
                "matched_name": hit.matched_name,
                "explanation": hit.explanation,
            }
            if judgement is not None and judgement.verdict == "rejected":
                self.add(
                    "SCREENING_LINK_REJECTED",
                    f"{role} {party.name}: an officer recorded that this party is not "
                    f"{listing.primary_name} ({listing.list_id}); the hit is set aside.",
                    pack.clause("thresholds.review"),
                    {
                        **who,
                        **listing_evidence(listing, day),
                        **screening,
                        "judgement": judgement.model_dump(mode="json"),
                    },
                )
                continue
            confirmed = judgement is not None and judgement.verdict == "confirmed"
            matched = hit.score >= pack.thresholds.match or "identifier" in hit.explanation
            if matched or confirmed:
                nodes.add(world.identity.find(listing.party_id))
                basis = (
                    "identifier"
                    if "identifier" in hit.explanation
                    else "officer confirmation"
                    if confirmed and not matched
                    else "name match"
                )
                self.listing(role, party, listing, {**screening, "basis": basis})
            else:
                near.setdefault(listing.party_id, []).append((listing, screening))
        for candidates in near.values():
            self.near_match(role, party, candidates)
        for judgement in world.judgements.confirmed_for(party.name):
            if judgement.listing_id in seen:
                continue
            confirmed_listing = world.listing(judgement.listing_id)
            if confirmed_listing is not None:
                nodes.add(world.identity.find(confirmed_listing.party_id))
                self.listing(
                    role,
                    party,
                    confirmed_listing,
                    {
                        "basis": "officer confirmation",
                        "judgement": judgement.model_dump(mode="json"),
                    },
                )
        for node, registry_id, score in world.nodes_for(party.name, party.country, identifiers):
            nodes.add(node)
            for listing in world.listings_of.get(node, ()):
                if listing.id not in seen:
                    seen.add(listing.id)
                    self.listing(
                        role,
                        party,
                        listing,
                        {
                            "basis": "registry identity",
                            "registry_party": registry_id,
                            "score": round(score, 4),
                        },
                    )
        self.nodes[role] = nodes
        self.ownership(role, party, nodes)

    def listing(
        self, role: str, party: ShipmentParty, listing: Listing, screening: dict[str, Any]
    ) -> None:
        pack, day = self.pack, self.day
        kind = self.world.kind_of(listing)
        rule = pack.lists[kind]
        evidence = {**_describe(role, party), **listing_evidence(listing, day), **screening}
        status = listing.status_on(day)
        if not status.in_force:
            self.add(
                "LISTING_NOT_IN_FORCE",
                f"{role} {party.name} is {listing.primary_name} on {listing.list_id}, but that "
                f"listing is not in force on {day} ({status.state.value.replace('_', ' ')}).",
                pack.clause(f"lists.{kind.value}"),
                evidence,
            )
            return
        effect = _effect(rule, self.controlled)
        consequence = (
            f"effect: {effect.value}"
            if effect
            else "reported, no effect on the outcome"
            if rule.effect == "warning"
            else "no effect: no controlled item"
        )
        self.add(
            LIST_CODES[kind],
            f"{role} {party.name} is listed: {listing.primary_name} on {listing.list_id} "
            f"({listing.source.number or listing.source.title or 'listing'}); {consequence}.",
            pack.clause(f"lists.{kind.value}"),
            {**evidence, "rule": rule.clause},
            effect,
        )

    def near_match(
        self, role: str, party: ShipmentParty, candidates: list[tuple[Listing, dict[str, Any]]]
    ) -> None:
        """One reason per listed party the shipment party resembles, naming all its listings
        whose effect would apply; none when no such listing is in force."""
        pack, day = self.pack, self.day
        applying = []
        for listing, screening in candidates:
            effect = _effect(pack.lists[self.world.kind_of(listing)], self.controlled)
            if effect is not None and listing.status_on(day).in_force:
                applying.append((listing, screening, effect))
        if not applying:
            return  # a near match to listings that could not change the outcome holds nothing
        listing, screening, _ = max(applying, key=lambda a: a[1]["score"])
        lists = ", ".join(sorted({x.list_id for x, _, _ in applying}))
        self.add(
            "SCREENING_REVIEW",
            f"{role} {party.name} resembles {listing.primary_name} ({lists}; score "
            f"{screening['score']:.2f}, between the review and match thresholds): a person "
            "must decide whether they are the same.",
            pack.clause("thresholds.review"),
            {
                **_describe(role, party),
                **screening,
                "listings": [
                    {**listing_evidence(x, day), "would_apply": e.value} for x, _, e in applying
                ],
            },
            Outcome.hold,
        )

    def ownership(self, role: str, party: ShipmentParty, nodes: set[str]) -> None:
        world, pack, day = self.world, self.pack, self.day
        for node in sorted(nodes):
            for kind, finding in counts_as_listed(world, pack, node, day):
                rule = pack.lists[kind]
                effect = _effect(rule, self.controlled)
                owners = ", ".join(sorted({h.owner for h in finding.held_by}))
                self.add(
                    "COUNTS_AS_LISTED",
                    f"{role} {party.name} counts as listed on {KIND_NAMES[kind]}: parties "
                    f"listed or counting as listed ({owners}) hold {finding.total:g}% of it "
                    f"(at least {pack.ownership.counts_as_listed_percent:g}%).",
                    pack.clause("ownership.counts_as_listed_percent"),
                    {
                        **_describe(role, party),
                        "node": node,
                        "list_kind": kind.value,
                        "rule": rule.clause,
                        **finding.as_dict(),
                        "listings": [
                            listing_evidence(x, day)
                            for h in finding.held_by
                            for x in world.listed_in_force(h.owner, {kind}, day)
                        ],
                    },
                    effect,
                )

    def defense_link(self, role: str) -> list[dict[str, Any]]:
        return defense_links(self.world, self.pack, self.nodes.get(role, set()), self.day)

    # end use --------------------------------------------------------------------------------
    def end_use(self) -> None:
        use = self.request.end_use
        if use.category == EndUseCategory.military:
            self.add(
                "END_USE_MILITARY",
                "The declared end use is military: exports for military end use are refused.",
                self.pack.clause("end_use_military"),
                {"end_use": use.model_dump(mode="json")},
                self.pack.end_use_military,
            )

    # VEU ------------------------------------------------------------------------------------
    def veu(self, defense: list[dict[str, Any]]) -> None:
        request, pack = self.request, self.pack
        end_user = request.effective_end_user
        clause = pack.clause("veu")
        who = _describe("end_user", end_user)
        if defense:
            self.add(
                "VEU_END_USER_DEFENSE_LINKED",
                f"The end user {end_user.name} is defense-linked: no general licence.",
                pack.clause("defense"),
                {**who, "links": defense},
                Outcome.licence_required,
            )
        holders = held_by(self.world, end_user, pack.thresholds.match)
        if not holders:
            self.add(
                "VEU_NO_AUTHORIZATION",
                f"The end user {end_user.name} holds no VEU authorization: a licence is "
                "required for the controlled items.",
                clause,
                who,
                Outcome.licence_required,
            )
            return
        attempts = sorted(
            (
                (auth, shortfalls(auth, request, self.findings, pack.thresholds.match))
                for auth in holders
            ),
            key=lambda a: (len(a[1]), a[0].id),
        )
        best, missing = attempts[0]
        if not missing and not defense:
            self.add(
                "VEU_GENERAL_LICENCE",
                f"The end user {end_user.name} holds VEU authorization {best.id}, active on "
                f"{request.date}, covering every controlled item: general licence.",
                clause,
                {
                    **who,
                    "authorization": best.id,
                    "drawn_kg": {str(i): kg for i, kg in drawdown(best, self.findings).items()},
                    "remaining_kg": remaining_after(best, self.findings, request),
                },
                Outcome.general_licence,
            )
            return
        for code, message, evidence in missing:
            self.add(
                code,
                message,
                clause,
                {**who, "authorization": best.id, **evidence},
                Outcome.licence_required,
            )

    # all ------------------------------------------------------------------------------------
    def run(self) -> Decision:
        self.items()
        for role, party in self.request.screened_parties():
            self.party(role, party)
        self.end_use()
        end_role = "end_user" if self.request.end_user is not None else "consignee"
        defense = self.defense_link(end_role)
        if self.controlled:
            self.veu(defense)
        else:
            if defense:
                self.add(
                    "END_USER_DEFENSE_LINKED",
                    f"The end user {self.request.effective_end_user.name} is defense-linked "
                    "(no effect: no controlled item).",
                    self.pack.clause("defense"),
                    {"links": defense},
                )
            self.add(
                "NOT_CONTROLLED",
                f"No item is controlled on {self.day}: no licence is needed for the items.",
                self.pack.clause("element_sets"),
                {"items": len(self.findings)},
                Outcome.not_controlled,
            )
        effects = [r.effect for r in self.reasons if r.effect is not None]
        outcome = self.pack.strongest(effects) if effects else Outcome.not_controlled
        return Decision(
            outcome=outcome,
            reasons=self.reasons,
            policy_version=self.pack.ref,
            snapshot=self.world.snapshot,
            date=self.day.isoformat(),
            matching=f"{ALGORITHM}/{ALGORITHM_VERSION}",
        )


def decide(request: ShipmentRequest, world: World, pack: PolicyPack) -> Decision:
    """The outcome of ``request`` against ``world`` under ``pack``, with every reason."""
    return _Decider(request, world, pack).run()
