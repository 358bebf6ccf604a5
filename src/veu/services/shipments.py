"""Recording shipments: decide again, record, and draw the quantities down, in one transaction.

The transaction first takes the lock on the current snapshot (PostgreSQL: the head row, ``FOR
UPDATE``; SQLite: the database write lock), so recordings happen one after another: each sees
every draw-down committed before it, and two recordings can never together exceed an annual
cap. A shipment that no longer fits is decided ``licence_required`` with the cap's reason.
"""

from __future__ import annotations

import uuid
from typing import Any

from veu.errors import NotFound
from veu.model.decision import Decision, Outcome
from veu.model.shipment import ShipmentRequest
from veu.policy import decide
from veu.services.access import Principal, require, require_party
from veu.services.context import Context
from veu.services.decisions import pack_of, record_decision
from veu.services.world import world_of
from veu.store import audit
from veu.store.programme import ShipmentRow


def record(
    ctx: Context, request: ShipmentRequest, *, by: Principal
) -> tuple[str, str, Decision, dict[int, float]]:
    """Decide and record a shipment; returns (shipment id, decision id, decision, kg drawn per
    authorized item)."""
    require(ctx, by, "shipments.record")
    require_party(ctx, by, "shipments.record", request.exporter.name)
    pack = pack_of(request, None)
    now = ctx.now()
    with ctx.write() as uow:
        head = uow.lists.head(lock=True)  # recordings queue here, one at a time
        if head.id is None:
            raise NotFound("no lists are loaded yet: run `veu db init`")
        world = world_of(
            ctx, head.id, pack, day=request.date, uow=uow, end_user=request.effective_end_user
        )
        decision = decide(request, world, pack)
        decision_id = record_decision(uow, now, by.name, request, decision, world.ledger_seq)
        authorization, drawn = _drawn(decision)
        shipment_id = "SHP-" + uuid.uuid4().hex[:16].upper()
        uow.shipments.add(
            ShipmentRow(
                id=shipment_id,
                decision_id=decision_id,
                recorded_at=now,
                actor=by.name,
                outcome=decision.outcome.value,
                authorization_id=authorization,
            ),
            [(item, request.date, kg) for item, kg in drawn.items()],
        )
        audit.append(
            uow.conn,
            at=now,
            actor=by.name,
            action="shipment.recorded",
            subject=shipment_id,
            payload={
                "decision": decision_id,
                "outcome": decision.outcome.value,
                "authorization": authorization,
                "drawn_kg": {str(i): kg for i, kg in drawn.items()},
            },
        )
        uow.commit()
    return shipment_id, decision_id, decision, drawn


def _drawn(decision: Decision) -> tuple[str | None, dict[int, float]]:
    """The authorization a general licence draws on and the kg per authorized item."""
    if decision.outcome != Outcome.general_licence:
        return None, {}
    reason = next(r for r in decision.reasons if r.code == "VEU_GENERAL_LICENCE")
    drawn = {int(i): float(kg) for i, kg in reason.evidence["drawn_kg"].items()}
    return str(reason.evidence["authorization"]), drawn


def listing(ctx: Context, *, by: Principal, limit: int = 200) -> list[dict[str, Any]]:
    """Recorded shipments, newest first: all for officers and auditors, an exporter's own."""
    require(ctx, by, "shipments.read")
    with ctx.read() as uow:
        return uow.shipments.list(actor=None if by.sees_all else by.name, limit=limit)
