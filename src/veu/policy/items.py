"""Classifying an item as controlled or not on a date, by its facts and its codes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from veu.model.decision import Reason
from veu.model.shipment import Item
from veu.policy.pack import CodeEntry, PolicyPack


@dataclass(frozen=True)
class ItemFinding:
    index: int
    item: Item
    controlled: bool
    elements: tuple[str, ...]  # the controlled elements in force that make it controlled
    reasons: list[Reason] = field(default_factory=list)


def lookup_control_code(code: str, pack: PolicyPack) -> tuple[str, CodeEntry] | None:
    """Exact code first (``1C902.a``), then its heading (``1C903.b`` -> ``1C903``)."""
    wanted = code.strip()
    by_upper = {k.upper(): (k, v) for k, v in pack.control_codes.items()}
    hit = by_upper.get(wanted.upper())
    if hit is None and "." in wanted:
        hit = by_upper.get(wanted.split(".")[0].upper())
    return hit


def _evidence(index: int, item: Item) -> dict[str, object]:
    return {
        "item": index,
        "description": item.description,
        "elements": list(item.elements),
        "form": item.form.value,
        "origin": item.origin,
    }


def classify(item: Item, index: int, day: dt.date, pack: PolicyPack) -> ItemFinding:
    """Is ``item`` controlled on ``day``? By facts (an element whose control is in force, in a
    controlled form), by a known control or HS code (the stricter reading wins), and, for items
    made outside China, by the extraterritorial rule's dates and de minimis share."""
    reasons: list[Reason] = []
    in_force = pack.elements_in_force(day)
    evidence = _evidence(index, item)
    declared = set(item.elements)

    for element in sorted(declared - set(in_force)):
        element_set = pack.element_set_of(element)
        if element_set is None:
            continue
        suspension = element_set.suspension_on(day)
        why = (
            f"suspended by {suspension.by} from {suspension.start} until {suspension.until}"
            if suspension
            else f"in force only from {element_set.effective}"
        )
        reasons.append(
            Reason(
                code="ITEM_ELEMENT_NOT_IN_FORCE",
                message=f"Item {index}: the control of {element} ({element_set.announcement}) "
                f"is not in "
                f"force on {day}: {why}.",
                clause=pack.clause(f"element_sets.{element_set.id}"),
                evidence={
                    **evidence,
                    "element": element,
                    "announcement": element_set.announcement,
                    "effective": element_set.effective.isoformat(),
                    "suspended_until": suspension.until.isoformat()
                    if suspension and suspension.until
                    else None,
                },
            )
        )

    active = sorted(declared & set(in_force))
    form_controlled = item.form in pack.forms.controlled
    by_facts = bool(active) and form_controlled
    if active and item.form in pack.forms.not_controlled:
        reasons.append(
            Reason(
                code="ITEM_FORM_NOT_CONTROLLED",
                message=f"Item {index}: the form {item.form.value} is not controlled "
                f"(MOFCOM FAQ), although it contains {', '.join(active)}.",
                clause=pack.clause("forms.not_controlled"),
                evidence={**evidence, "source": pack.forms.source},
            )
        )

    by_code: list[tuple[str, str, list[str]]] = []  # (kind, code, active elements)
    if item.control_code:
        found = lookup_control_code(item.control_code, pack)
        if found is None:
            reasons.append(
                Reason(
                    code="ITEM_CODE_UNKNOWN",
                    message=f"Item {index}: control code {item.control_code} is not in the "
                    "policy pack; "
                    "the item is classified by its elements and form.",
                    clause=pack.clause("control_codes"),
                    evidence=evidence,
                )
            )
        else:
            key, entry = found
            by_code.append(("control_code", key, sorted(set(entry.elements) & set(in_force))))
    hs_entry = pack.hs_codes.get(item.hs_code) if item.hs_code else None
    if item.hs_code and hs_entry is not None:
        by_code.append(("hs_code", item.hs_code, sorted(set(hs_entry.elements) & set(in_force))))
    code_controlled = any(elements for _, _, elements in by_code)

    controlled = by_facts or code_controlled
    elements = sorted(set(active if by_facts else []) | {e for _, _, es in by_code for e in es})
    for kind, code, code_elements in by_code:
        agrees = bool(code_elements) == by_facts
        reasons.append(
            Reason(
                code="ITEM_CODE_CLASSIFIED" if agrees else "ITEM_CODE_DISAGREES",
                message=(
                    f"Item {index}: {kind.replace('_', ' ')} {code} classifies it as "
                    f"{'controlled' if code_elements else 'not controlled'} on {day}"
                    + (
                        "."
                        if agrees
                        else f", while its declared elements and form say "
                        f"{'controlled' if by_facts else 'not controlled'}: the stricter reading "
                        "(controlled) applies."
                    )
                ),
                clause=pack.clause(f"{kind}s.{code}"),
                evidence={**evidence, kind: code, "code_elements_in_force": code_elements},
            )
        )

    if controlled and item.origin != "CN":
        controlled = _foreign_made(item, index, day, pack, evidence, reasons)

    sets = sorted({in_force[e].announcement for e in elements if e in in_force})
    if controlled:
        reasons.append(
            Reason(
                code="ITEM_CONTROLLED",
                message=f"Item {index} ({item.description or item.form.value}) is controlled "
                f"on {day}: "
                f"{', '.join(elements)} in a controlled form ({'; '.join(sets)}).",
                clause=pack.clause("element_sets"),
                evidence={**evidence, "controlled_elements": elements, "announcements": sets},
            )
        )
    else:
        reasons.append(
            Reason(
                code="ITEM_NOT_CONTROLLED",
                message=f"Item {index} ({item.description or item.form.value}) is not "
                "controlled on "
                f"{day}.",
                clause=pack.clause("element_sets"),
                evidence={
                    **evidence,
                    "controlled_elements_in_force": active,
                    "form_controlled": form_controlled,
                },
            )
        )
    return ItemFinding(
        index=index, item=item, controlled=controlled, elements=tuple(elements), reasons=reasons
    )


def _foreign_made(
    item: Item,
    index: int,
    day: dt.date,
    pack: PolicyPack,
    evidence: dict[str, object],
    reasons: list[Reason],
) -> bool:
    rule = pack.extraterritorial
    clause = pack.clause("extraterritorial")
    base = {**evidence, "announcement": rule.announcement}
    if not rule.in_force(day):
        suspension = rule.suspension_on(day)
        why = (
            f"suspended by {suspension.by} until {suspension.until}"
            if suspension
            else f"in force only from {rule.effective}"
        )
        reasons.append(
            Reason(
                code="ITEM_FOREIGN_RULE_NOT_IN_FORCE",
                message=f"Item {index} is made in {item.origin}; the rule for items made "
                "outside China "
                f"({rule.announcement}) is not in force on {day}: {why}.",
                clause=clause,
                evidence=base,
            )
        )
        return False
    if item.cn_content_value is None:
        reasons.append(
            Reason(
                code="ITEM_FOREIGN_CONTENT_UNKNOWN",
                message=f"Item {index} is made in {item.origin} and its China-origin content "
                "value is "
                "not given: it is treated as at least the de minimis share (stricter reading).",
                clause=clause,
                evidence={**base, "de_minimis_share": rule.de_minimis_share},
            )
        )
        return True
    share = (
        item.cn_content_value / item.value
        if item.value
        else (1.0 if item.cn_content_value else 0.0)
    )
    meets = share >= rule.de_minimis_share
    reasons.append(
        Reason(
            code="ITEM_FOREIGN_CONTENT_AT_LEAST_DE_MINIMIS"
            if meets
            else "ITEM_FOREIGN_CONTENT_BELOW_DE_MINIMIS",
            message=f"Item {index} is made in {item.origin}; China-origin controlled content is "
            f"{share:.4%} of its value, {'at or above' if meets else 'below'} the "
            f"{rule.de_minimis_share:.1%} threshold.",
            clause=clause,
            evidence={
                **base,
                "cn_content_share": round(share, 6),
                "de_minimis_share": rule.de_minimis_share,
            },
        )
    )
    return meets
