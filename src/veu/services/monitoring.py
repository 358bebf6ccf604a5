"""Monitoring: after every change to lists or ownership, every holder of an authorization is
checked again, and a holder that now is listed, counts as listed or is defense-linked has its
authorizations suspended at once, with the reason, and officers get a notice. Open applications
get their pre-check run again. Expiry needs no run: an authorization's state is asked by date.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from veu.policy.precheck import holder_concerns
from veu.services import applications
from veu.services.access import Principal, require
from veu.services.authorizations import suspend
from veu.services.context import Context
from veu.services.lists import require_snapshot
from veu.services.policies import pack_for
from veu.services.world import world_of
from veu.store import audit


@dataclass
class MonitoringReport:
    snapshot: str
    checked: int = 0
    suspended: list[dict[str, Any]] = field(default_factory=list)
    applications: list[dict[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "snapshot": self.snapshot,
            "holders_checked": self.checked,
            "suspended": self.suspended,
            "applications_changed": self.applications,
        }


def recheck(ctx: Context, *, actor: str, cause: str) -> MonitoringReport:
    """Check every holder of a live authorization against the current snapshot, today, and run
    the pre-check of every open application again."""
    day = ctx.today()
    pack = pack_for(day)
    snapshot = require_snapshot(ctx)
    report = MonitoringReport(snapshot=snapshot)
    with ctx.read() as uow:
        idle = not uow.lists.records(snapshot, "authorizations") and not (
            uow.applications.list(statuses=applications.OPEN)
        )
    if idle:  # nothing to check: spare building the world
        return report
    world = world_of(ctx, snapshot, pack)
    reasons: dict[str, str] = {}
    findings: dict[str, list[dict[str, Any]]] = {}
    for auth in world.authorizations:
        if auth.state_on(day) not in ("active", "not_yet_valid"):
            continue
        report.checked += 1
        holder = auth.holder
        concerns = holder_concerns(
            world, pack, holder.name, holder.country, holder.identifiers, day
        )
        if concerns:
            reasons[auth.id] = " ".join(c.message for c in concerns) + f" (after {cause})"
            findings[auth.id] = [c.model_dump(mode="json") for c in concerns]
    if reasons:
        now = ctx.now()
        with ctx.write() as uow:
            changed = suspend(uow, reasons, now=now, actor=actor)
            for auth in changed:
                entry = {
                    "authorization": auth.id,
                    "holder": auth.holder.name,
                    "reason": reasons[auth.id],
                    "codes": [f["code"] for f in findings[auth.id]],
                }
                report.suspended.append(entry)
                uow.notices.add(
                    at=now,
                    kind="authorization.suspended",
                    subject=auth.id,
                    message=f"Authorization {auth.id} of {auth.holder.name} is suspended: "
                    f"{reasons[auth.id]}",
                    payload={**entry, "findings": findings[auth.id]},
                )
            audit.append(
                uow.conn,
                at=now,
                actor=actor,
                action="monitoring.run",
                subject=snapshot,
                payload={"cause": cause, "checked": report.checked, "suspended": report.suspended},
            )
            uow.commit()
    report.applications = [
        {"application": a, "before": before, "after": after}
        for a, before, after in applications.recheck_open(ctx, actor=actor)
    ]
    return report


def notices(ctx: Context, *, by: Principal, limit: int = 50) -> list[dict[str, Any]]:
    require(ctx, by, "notices.read")
    with ctx.read() as uow:
        rows = uow.notices.latest(limit)
    return [
        {
            "seq": n.seq,
            "at": n.at.isoformat(),
            "kind": n.kind,
            "subject": n.subject,
            "message": n.message,
        }
        for n in rows
    ]


def after_change(ctx: Context, actor: str, cause: str, changed: bool) -> MonitoringReport | None:
    """Run monitoring after a change to lists, ownership or the red list (if it changed
    anything)."""
    return recheck(ctx, actor=actor, cause=cause) if changed else None
