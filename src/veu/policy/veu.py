"""Does a VEU authorization put a shipment under a general licence? What each authorization of
the end user lacks, if anything: pure functions of the authorization, the request, the item
findings and the pack's match threshold."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from veu.matching import score_names
from veu.model.authorization import Authorization
from veu.model.shipment import ShipmentParty, ShipmentRequest
from veu.names import normalise
from veu.policy.items import ItemFinding
from veu.policy.world import World, ref_matches

Shortfall = tuple[str, str, dict[str, Any]]  # (reason code, message, evidence)


def held_by(world: World, party: ShipmentParty, threshold: float) -> list[Authorization]:
    """The authorizations whose holder is ``party`` (equal identifier or matching name)."""
    idents = party.identifier_list()
    return [
        a
        for a in world.authorizations
        if ref_matches(a.holder, party.name, party.country, idents, threshold)[0]
    ]


def facility_named(facility: str | None, facilities: tuple[str, ...], threshold: float) -> bool:
    if not facility:
        return False
    wanted = facility.strip().casefold()
    return any(
        named.strip().casefold() == wanted
        or score_names(normalise(named), normalise(facility)).score >= threshold
        for named in facilities
    )


def covering_item(auth: Authorization, finding: ItemFinding) -> int | None:
    return next(
        (i for i, a in enumerate(auth.items) if a.covers(set(finding.elements), finding.item.form)),
        None,
    )


def shortfalls(
    auth: Authorization, request: ShipmentRequest, findings: list[ItemFinding], threshold: float
) -> list[Shortfall]:
    """Everything that keeps ``auth`` from covering the shipment (empty: it covers it)."""
    day = request.date
    out: list[Shortfall] = []
    state = auth.state_on(day)
    if state != "active":
        out.append(
            (
                "VEU_AUTHORIZATION_NOT_ACTIVE",
                f"Authorization {auth.id} is {state.replace('_', ' ')} on {day}.",
                {
                    "state": state,
                    "valid_from": auth.valid_from.isoformat(),
                    "valid_until": auth.valid_until.isoformat(),
                },
            )
        )
    exporter = request.exporter
    if auth.exporters and not any(
        ref_matches(ref, exporter.name, exporter.country, exporter.identifier_list(), threshold)[0]
        for ref in auth.exporters
    ):
        out.append(
            (
                "VEU_EXPORTER_NOT_NAMED",
                f"Authorization {auth.id} names its exporters and {exporter.name} is not "
                "one of them.",
                {
                    "exporter": exporter.name,
                    "authorized_exporters": [r.name for r in auth.exporters],
                },
            )
        )
    if auth.facilities and not facility_named(request.facility, auth.facilities, threshold):
        out.append(
            (
                "VEU_FACILITY_NOT_NAMED",
                f"Authorization {auth.id} names its facilities and the destination "
                f"{request.facility or '(not given)'} is not one of them.",
                {"facility": request.facility, "authorized": list(auth.facilities)},
            )
        )
    use = request.end_use.category.value
    if use != "civil" or (auth.end_uses and use not in auth.end_uses):
        out.append(
            (
                "VEU_END_USE_NOT_CIVIL",
                f"A general licence needs a civil end use; the declared end use is {use}.",
                {"end_use": use},
            )
        )
    for finding in findings:
        if finding.controlled and covering_item(auth, finding) is None:
            out.append(
                (
                    "VEU_ITEM_NOT_COVERED",
                    f"Item {finding.index} ({', '.join(finding.elements)} "
                    f"{finding.item.form.value}) is not covered by authorization {auth.id}.",
                    {"item": finding.index},
                )
            )
    for i, kg in drawdown(auth, findings).items():
        cap, used = auth.items[i].annual_cap_kg, auth.used_kg(i, day)
        if used + kg > cap + 1e-9:
            start, end = auth.period_of(day)
            out.append(
                (
                    "VEU_ANNUAL_CAP_EXCEEDED",
                    f"Authorization {auth.id} item {i}: {kg:g} kg requested, "
                    f"{max(cap - used, 0):g} kg of the {cap:g} kg annual quantity left for "
                    f"{start} to {end}.",
                    {
                        "authorized_item": i,
                        "cap_kg": cap,
                        "used_kg": used,
                        "requested_kg": kg,
                        "period": [start.isoformat(), end.isoformat()],
                    },
                )
            )
    return out


def drawdown(auth: Authorization, findings: list[ItemFinding]) -> dict[int, float]:
    """Quantity each authorized item gives to the shipment's controlled items."""
    draw: dict[int, float] = defaultdict(float)
    for finding in findings:
        i = covering_item(auth, finding) if finding.controlled else None
        if i is not None:
            draw[i] += finding.item.quantity_kg
    return dict(sorted(draw.items()))


def remaining_after(
    auth: Authorization, findings: list[ItemFinding], request: ShipmentRequest
) -> dict[str, float]:
    """Annual quantity left on each authorized item once this shipment is counted."""
    return {
        str(i): round(auth.items[i].annual_cap_kg - auth.used_kg(i, request.date) - kg, 6)
        for i, kg in drawdown(auth, findings).items()
    }
