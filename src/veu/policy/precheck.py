"""The automatic pre-check of a VEU application, and the re-check of a holder: pure functions of
the application (or holder), the world and the pack.

Each finding carries a stable code, a sentence, its evidence (listings, ownership paths, scores)
and the recommendation it calls for; the recommendation is the strongest found
(``deny`` > ``review`` > ``approve``). Aerospace and automotive applicants always go at least to
``review``; the pack's ``programme`` section holds those sectors and the other limits.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from veu.model import Identifier
from veu.model.application import ApplicationForm, Recommendation
from veu.model.lists import ListEffectKind
from veu.policy.explain import counts_as_listed, defense_links, find_party, listing_evidence
from veu.policy.pack import PolicyPack
from veu.policy.world import World

PRECHECK_CODES: dict[str, str] = {
    "APPLICANT_LISTED": "The applicant is on a list whose effect refuses controlled items (or "
    "needs a licence for each): no VEU.",
    "APPLICANT_LISTED_FOREIGN": "The applicant is on a foreign list (OFAC, BIS, UN): an officer "
    "looks.",
    "APPLICANT_COUNTS_AS_LISTED": "Listed parties hold, in aggregate, at least the threshold "
    "share of the applicant.",
    "APPLICANT_DEFENSE_LINKED": "A member of the applicant's corporate group (itself included) is "
    "a defense contractor or red-listed; the path is given.",
    "APPLICANT_DEFENSE_BUSINESS": "The applicant declares defense revenue or contracts above the "
    "programme's limit.",
    "APPLICANT_NEAR_MATCH": "The applicant resembles a listing (score between the review and match "
    "thresholds): an officer looks.",
    "OWNER_LISTED": "A declared owner is listed (or counts as listed) but holds less than the "
    "threshold share, or an unstated share: an officer looks.",
    "OWNERS_LISTED_CONTROL": "Listed declared owners hold, together, at least the threshold share "
    "of the applicant: it counts as listed.",
    "OWNER_DEFENSE_LINKED": "A declared owner is a defense contractor or red-listed, or belongs to "
    "such a group.",
    "OWNER_NEAR_MATCH": "A declared owner resembles a listing: an officer looks.",
    "CUSTOMER_LISTED": "A main customer is on a list whose effect refuses controlled items: the "
    "applicant would supply it.",
    "CUSTOMER_LISTED_FOREIGN": "A main customer is on a foreign list: an officer looks.",
    "CUSTOMER_DEFENSE_LINKED": "A main customer is a defense contractor, red-listed, or in such a "
    "group: an officer looks at the diversion risk.",
    "CUSTOMER_NEAR_MATCH": "A main customer resembles a listing: an officer looks.",
    "END_USE_MILITARY": "A declared end use is military: no VEU.",
    "END_USE_UNKNOWN": "A declared end use is unknown: an officer looks.",
    "SECTOR_MILITARY": "A declared sector is military (defense): no VEU.",
    "SECTOR_REVIEW": "Aerospace and automotive applicants are always reviewed by an officer.",
    "NO_VERIFICATION_CONSENT": "The applicant does not consent to on-site verification: no VEU.",
    "INCOMPLETE": "Something the programme needs is missing (listed in the evidence): an officer "
    "asks for it.",
    "ITEM_NOT_CONTROLLED": "An item asked for is not a controlled rare earth: it needs no VEU "
    "(information).",
    "CLEAR": "Nothing found: the pre-check recommends approval.",
    "HOLDER_LISTED": "The holder of an authorization is now listed: suspended.",
    "HOLDER_COUNTS_AS_LISTED": "The holder now counts as listed through its owners: suspended.",
    "HOLDER_DEFENSE_LINKED": "The holder is now defense-linked: suspended.",
}

RANK: dict[Recommendation, int] = {"approve": 0, "review": 1, "deny": 2}


class Finding(BaseModel):
    model_config = ConfigDict(frozen=True)

    code: str
    message: str
    recommendation: Recommendation
    clause: str
    evidence: dict[str, Any] = Field(default_factory=dict)


class Precheck(BaseModel):
    model_config = ConfigDict(frozen=True)

    recommendation: Recommendation
    reasons: list[Finding]
    policy_version: str
    snapshot: str
    date: str


@dataclass
class PartyScreen:
    """What screening one party found on a day."""

    name: str
    listed: list[tuple[ListEffectKind, dict[str, Any]]] = field(default_factory=list)
    counts: list[tuple[ListEffectKind, dict[str, Any]]] = field(default_factory=list)
    defense: list[dict[str, Any]] = field(default_factory=list)
    near: list[dict[str, Any]] = field(default_factory=list)

    def refusing(self, pack: PolicyPack, kinds: list[ListEffectKind]) -> list[ListEffectKind]:
        return [k for k in kinds if pack.lists[k].effect != "warning"]


def screen_party(
    world: World,
    pack: PolicyPack,
    name: str,
    country: str | None,
    identifiers: tuple[Identifier, ...],
    day: dt.date,
) -> PartyScreen:
    hits, nodes = find_party(world, pack, name, country, identifiers)
    out = PartyScreen(name=name)
    for hit in hits:
        judged = world.judgements.get(name, hit.listing.id)
        if judged is not None and judged.verdict == "rejected":
            continue
        near = hit.score < pack.thresholds.match and "identifier" not in hit.explanation
        if near and hit.listing.status_on(day).in_force:
            out.near.append({**listing_evidence(hit.listing, day), "score": round(hit.score, 4)})
    for node in sorted(nodes):
        for listing in world.listings_of.get(node, ()):
            if listing.status_on(day).in_force:
                out.listed.append((world.kind_of(listing), listing_evidence(listing, day)))
        out.counts += [(k, f.as_dict()) for k, f in counts_as_listed(world, pack, node, day)]
    out.defense = defense_links(world, pack, nodes, day)
    return out


class _Check:
    def __init__(self, world: World, pack: PolicyPack, day: dt.date) -> None:
        self.world, self.pack, self.day = world, pack, day
        self.findings: list[Finding] = []
        self.clause = pack.clause("programme")

    def add(self, code: str, message: str, recommendation: Recommendation, **evidence: Any) -> None:
        if code not in PRECHECK_CODES:
            raise ValueError(f"undocumented pre-check code {code}")
        self.findings.append(
            Finding(
                code=code,
                message=message,
                recommendation=recommendation,
                clause=self.clause,
                evidence=evidence,
            )
        )

    def screen(self, name: str, country: str | None, ids: tuple[Identifier, ...]) -> PartyScreen:
        return screen_party(self.world, self.pack, name, country, ids, self.day)

    def result(self) -> Precheck:
        if not any(f.recommendation != "approve" for f in self.findings):
            self.add("CLEAR", "Nothing found: approval recommended.", "approve")
        worst = max((f.recommendation for f in self.findings), key=RANK.__getitem__)
        return Precheck(
            recommendation=worst,
            reasons=self.findings,
            policy_version=self.pack.ref,
            snapshot=self.world.snapshot,
            date=self.day.isoformat(),
        )


def _kinds(items: list[tuple[ListEffectKind, dict[str, Any]]]) -> list[ListEffectKind]:
    return sorted({k for k, _ in items})


def precheck(form: ApplicationForm, world: World, pack: PolicyPack, day: dt.date) -> Precheck:
    """The pre-check of an application on ``day``."""
    check = _Check(world, pack, day)
    programme = pack.programme
    applicant = form.applicant
    screen = check.screen(applicant.name, applicant.country, applicant.identifier_list())
    _applicant(check, screen)

    # Declared owners: listed ones together at or over the threshold make it count as listed.
    threshold = pack.ownership.counts_as_listed_percent
    listed_share = 0.0
    for owner in applicant.owners:
        found = check.screen(owner.name, owner.country, owner.identifier_list())
        refusing = found.refusing(pack, _kinds(found.listed + found.counts))
        who = {"owner": owner.name, "percent": owner.percent}
        if refusing:
            listed_share += owner.percent or 0.0
            check.add(
                "OWNER_LISTED",
                f"Declared owner {owner.name} is listed or counts as listed "
                f"({', '.join(refusing)}).",
                "review",
                **who,
                listings=[e for _, e in found.listed],
                counts_as_listed=[e for _, e in found.counts],
            )
        if found.defense:
            big = owner.percent is None or owner.percent >= pack.defense.group_percent
            check.add(
                "OWNER_DEFENSE_LINKED",
                f"Declared owner {owner.name} is defense-linked"
                + (" and joins the applicant's group." if big else "."),
                "deny" if big else "review",
                **who,
                links=found.defense,
            )
        if found.near and not refusing:
            check.add(
                "OWNER_NEAR_MATCH",
                f"Declared owner {owner.name} resembles a listing.",
                "review",
                **who,
                near_matches=found.near,
            )
    if listed_share >= threshold:
        check.add(
            "OWNERS_LISTED_CONTROL",
            f"Listed declared owners hold {listed_share:g}% of {applicant.name} (threshold "
            f"{threshold:g}%).",
            "deny",
            share=listed_share,
            threshold=threshold,
        )

    for customer in form.customers:
        found = check.screen(customer.name, customer.country, customer.identifier_list())
        kinds = _kinds(found.listed + found.counts)
        refusing = found.refusing(pack, kinds)
        who = {"customer": customer.name, "country": customer.country}
        if refusing:
            check.add(
                "CUSTOMER_LISTED",
                f"Main customer {customer.name} is listed or counts as listed "
                f"({', '.join(refusing)}).",
                "deny",
                **who,
                listings=[e for _, e in found.listed],
                counts_as_listed=[e for _, e in found.counts],
            )
        elif kinds:
            check.add(
                "CUSTOMER_LISTED_FOREIGN",
                f"Main customer {customer.name} is on a foreign list.",
                "review",
                **who,
                listings=[e for _, e in found.listed],
            )
        if found.defense:
            check.add(
                "CUSTOMER_DEFENSE_LINKED",
                f"Main customer {customer.name} is defense-linked.",
                "review",
                **who,
                links=found.defense,
            )
        if found.near and not kinds:
            check.add(
                "CUSTOMER_NEAR_MATCH",
                f"Main customer {customer.name} resembles a listing.",
                "review",
                **who,
                near_matches=found.near,
            )

    defense = form.defense_business
    if defense.revenue_share > programme.max_defense_revenue_share or defense.contracts:
        check.add(
            "APPLICANT_DEFENSE_BUSINESS",
            f"{applicant.name} declares defense revenue of {defense.revenue_share:.1%} and "
            f"{len(defense.contracts)} defense contract(s).",
            "deny",
            revenue_share=defense.revenue_share,
            limit=programme.max_defense_revenue_share,
            contracts=[
                c if isinstance(c, str) else c.model_dump(mode="json") for c in defense.contracts
            ],
        )
    for i, use in enumerate(form.end_uses):
        if use.category.value == "military":
            check.add("END_USE_MILITARY", f"End use {i} is military.", "deny", end_use=i)
        elif use.category.value == "unknown":
            check.add("END_USE_UNKNOWN", f"End use {i} is unknown.", "review", end_use=i)
    sectors = form.sectors()
    military = sorted(sectors & {s.lower() for s in programme.deny_sectors})
    if military:
        check.add(
            "SECTOR_MILITARY",
            f"Declared sector(s) {', '.join(military)} are military.",
            "deny",
            sectors=military,
        )
    reviewed = sorted(sectors & {s.lower() for s in programme.review_sectors})
    if reviewed:
        check.add(
            "SECTOR_REVIEW",
            f"{applicant.name} declares the {', '.join(reviewed)} sector: an officer reviews "
            "every such application.",
            "review",
            sectors=reviewed,
        )
    if not form.onsite_verification_consent:
        check.add(
            "NO_VERIFICATION_CONSENT",
            "The applicant does not consent to on-site verification.",
            "deny",
        )
    missing = _missing(form)
    if missing:
        check.add(
            "INCOMPLETE",
            f"The application lacks: {'; '.join(missing)}.",
            "review",
            missing=missing,
        )
    controlled = {e for s in pack.element_sets for e in s.elements}
    for i, item in enumerate(form.items):
        if item.element not in controlled:
            check.add(
                "ITEM_NOT_CONTROLLED",
                f"Item {i} ({item.element}) is not a controlled rare earth: it needs no VEU.",
                "approve",
                item=i,
                element=item.element,
            )
    return check.result()


def _applicant(check: _Check, screen: PartyScreen) -> None:
    refusing = _refusals(
        check,
        screen,
        listed="APPLICANT_LISTED",
        counts="APPLICANT_COUNTS_AS_LISTED",
        defense="APPLICANT_DEFENSE_LINKED",
    )
    foreign = [e for k, e in screen.listed if k not in refusing]
    if foreign:
        check.add(
            "APPLICANT_LISTED_FOREIGN",
            f"{screen.name} is on a foreign list.",
            "review",
            listings=foreign,
        )
    if screen.near and not screen.listed:
        check.add(
            "APPLICANT_NEAR_MATCH",
            f"{screen.name} resembles a listing.",
            "review",
            near_matches=screen.near,
        )


def _refusals(
    check: _Check, screen: PartyScreen, *, listed: str, counts: str, defense: str
) -> list[ListEffectKind]:
    """The findings that refuse a party (listed, counting as listed, defense-linked) under the
    given codes; returns the kinds of list it is on with a refusing effect."""
    pack, name = check.pack, screen.name
    refusing = screen.refusing(pack, _kinds(screen.listed))
    if refusing:
        check.add(
            listed,
            f"{name} is listed ({', '.join(refusing)}).",
            "deny",
            listings=[e for k, e in screen.listed if k in refusing],
        )
    counting = screen.refusing(pack, _kinds(screen.counts))
    if counting:
        check.add(
            counts,
            f"{name} counts as listed through its owners ({', '.join(counting)}).",
            "deny",
            findings=[e for k, e in screen.counts if k in counting],
        )
    if screen.defense:
        members = sorted({link["member"] for link in screen.defense})
        check.add(
            defense,
            f"{name} is defense-linked through {len(members)} group member(s).",
            "deny",
            links=screen.defense,
        )
    return refusing


def _missing(form: ApplicationForm) -> list[str]:
    missing = []
    if not form.compliance_plan.strip():
        missing.append("compliance_plan is blank")
    if not form.customers:
        missing.append("customers: no main customer named")
    if not form.applicant.identifiers:
        missing.append("applicant.identifiers: none given (LEI, USCC, ...)")
    if not form.applicant.sectors:
        missing.append("applicant.sectors: none given")
    return missing


def holder_concerns(
    world: World,
    pack: PolicyPack,
    name: str,
    country: str | None,
    identifiers: tuple[Identifier, ...],
    day: dt.date,
) -> list[Finding]:
    """Why a holder's authorizations must be suspended on ``day`` (empty: none)."""
    check = _Check(world, pack, day)
    _refusals(
        check,
        check.screen(name, country, identifiers),
        listed="HOLDER_LISTED",
        counts="HOLDER_COUNTS_AS_LISTED",
        defense="HOLDER_DEFENSE_LINKED",
    )
    return check.findings
