"""Deciding shipments, recording each decision, and replaying or exporting it later."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

from veu.errors import Forbidden, NotFound
from veu.model.decision import Decision, same_decision
from veu.model.shipment import ShipmentRequest
from veu.policy import PolicyPack, decide
from veu.services.access import Principal, refused, require
from veu.services.context import Context
from veu.services.lists import require_snapshot
from veu.services.policies import pack_for, parse_ref
from veu.services.world import world_of
from veu.store import audit
from veu.store.repository import DecisionRow, content_id
from veu.store.uow import UnitOfWork


def decide_shipment(
    ctx: Context,
    request: ShipmentRequest,
    *,
    snapshot: str | None = None,
    policy: str | None = None,
    actor: str = "cli",
    record: bool = True,
    ledger_seq: int | None = None,
) -> tuple[str | None, Decision]:
    """Decide ``request`` against the current (or a given) snapshot under the pack in force on
    its date (or a given version); record it with an audit entry unless ``record`` is false."""
    snap = require_snapshot(ctx, snapshot)
    pack = pack_of(request, policy)
    world = world_of(
        ctx,
        snap,
        pack,
        day=request.date,
        ledger_seq=ledger_seq,
        end_user=request.effective_end_user,
    )
    decision = decide(request, world, pack)
    if not record:
        return None, decision
    with ctx.write() as uow:
        ident = record_decision(uow, ctx.now(), actor, request, decision, world.ledger_seq)
        uow.commit()
    return ident, decision


def pack_of(request: ShipmentRequest, policy: str | None) -> PolicyPack:
    if not policy:
        return pack_for(request.date)
    name, version = parse_ref(policy)
    return pack_for(request.date, name=name, version=version)


def record_decision(
    uow: UnitOfWork,
    now: dt.datetime,
    actor: str,
    request: ShipmentRequest,
    decision: Decision,
    ledger_seq: int,
) -> str:
    """Store a decision and its audit record in the caller's unit of work; returns its id."""
    request_json = request.model_dump_json()
    decision_json = decision.model_dump_json()
    ident = uuid.uuid4().hex  # an event, not content: the same decision twice is two records
    uow.decisions.add(
        DecisionRow(
            id=ident,
            at=now,
            actor=actor,
            outcome=decision.outcome.value,
            snapshot=decision.snapshot,
            policy_version=decision.policy_version,
            request=request_json,
            decision=decision_json,
            ledger_seq=ledger_seq,
        )
    )
    audit.append(
        uow.conn,
        at=now,
        actor=actor,
        action="decision.made",
        subject=ident,
        payload={
            "outcome": decision.outcome.value,
            "snapshot": decision.snapshot,
            "policy_version": decision.policy_version,
            "ledger_seq": ledger_seq,
            "request_sha256": content_id(request_json),
            "decision_sha256": content_id(decision_json),
        },
    )
    return ident


def get(ctx: Context, ident: str, *, by: Principal | None = None) -> DecisionRow:
    """A recorded decision; with ``by``, only if that principal may see it (an exporter: the
    decisions it asked for)."""
    if by is not None:
        require(ctx, by, "decisions.read", ident)
    with ctx.read() as uow:
        row = uow.decisions.get(ident)
    if row is None:
        raise NotFound(f"no decision {ident}")
    if by is not None and not by.sees_all and row.actor != by.name:
        raise refused(
            ctx, by.name, "decisions.read", ident, Forbidden(f"decision {ident} is not yours")
        )
    return row


def listing(ctx: Context, *, by: Principal, limit: int = 200) -> list[dict[str, Any]]:
    """Recorded decisions, newest first: all for officers and auditors, an exporter's own."""
    require(ctx, by, "decisions.read")
    with ctx.read() as uow:
        rows = uow.decisions.list(actor=None if by.sees_all else by.name, limit=limit)
    out = []
    for row in rows:
        request = json.loads(row.request)
        out.append(
            {
                "id": row.id,
                "at": row.at.isoformat(),
                "actor": row.actor,
                "outcome": row.outcome,
                "date": request["date"],
                "end_user": (request.get("end_user") or request["consignee"])["name"],
                "policy_version": row.policy_version,
            }
        )
    return out


def replay(ctx: Context, ident: str) -> tuple[Decision, Decision]:
    """Decide a recorded decision's request again with its snapshot and policy version; returns
    (recorded, replayed). They are identical unless the product changed how it decides."""
    row = get(ctx, ident)
    recorded = Decision.model_validate_json(row.decision)
    request = ShipmentRequest.model_validate_json(row.request)
    _, again = decide_shipment(
        ctx,
        request,
        snapshot=row.snapshot,
        policy=row.policy_version,
        record=False,
        ledger_seq=row.ledger_seq or 0,
    )
    return recorded, again


def export(ctx: Context, ident: str) -> dict[str, Any]:
    """A decision with everything needed to justify it: the request, the decision and its
    reasons, the snapshot's list versions, the policy pack it applied, the listings cited, and
    the audit record."""
    row = get(ctx, ident)
    decision = Decision.model_validate_json(row.decision)
    request = json.loads(row.request)
    name, version = parse_ref(decision.policy_version)
    request_model = ShipmentRequest.model_validate(request)
    pack = pack_for(request_model.date, name=name, version=version)
    world = world_of(
        ctx, row.snapshot, pack, day=request_model.date, ledger_seq=row.ledger_seq or 0
    )
    cited = sorted({i for r in decision.reasons for i in _listing_ids(r.evidence)})
    with ctx.read() as uow:
        members = uow.lists.members(row.snapshot)
        trail = [r for r in audit.records(uow.conn) if r["subject"] == ident]
    recorded, again = replay(ctx, ident)
    return {
        "decision_id": row.id,
        "recorded_at": row.at.isoformat(),
        "actor": row.actor,
        "request": request,
        "decision": decision.model_dump(mode="json"),
        "snapshot": {
            "id": row.snapshot,
            "lists": {
                lid: {
                    "list_snapshot": m.id,
                    "data_date": m.data_date.isoformat(),
                    "source": m.source,
                    "entries": m.entry_count,
                }
                for lid, m in sorted(members.items())
            },
        },
        "policy_pack": pack.model_dump(mode="json", by_alias=True),
        "listings": [
            world.by_id[i].model_dump(mode="json", exclude_defaults=True)
            for i in cited
            if i in world.by_id
        ],
        "ledger_seq": row.ledger_seq,
        "audit": trail,
        "replays_identically": same_decision(recorded, again),
    }


def _listing_ids(evidence: Any) -> set[str]:
    """Every listing id cited anywhere in a reason's evidence."""
    found: set[str] = set()
    if isinstance(evidence, dict):
        value = evidence.get("listing")
        if isinstance(value, str):
            found.add(value)
        for item in evidence.values():
            found |= _listing_ids(item)
    elif isinstance(evidence, list | tuple):
        for item in evidence:
            found |= _listing_ids(item)
    return found
