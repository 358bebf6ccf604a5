"""``veu graph explain``: why a party counts as listed or is defense-linked, edge by edge."""

from __future__ import annotations

import datetime as dt
from typing import Any

from veu.model import Identifier
from veu.policy.explain import explain_party, picture
from veu.services.context import Context
from veu.services.lists import require_snapshot
from veu.services.policies import pack_for
from veu.services.world import world_of


def explain(
    ctx: Context,
    name: str,
    *,
    country: str | None = None,
    identifiers: tuple[Identifier, ...] = (),
    day: dt.date | None = None,
    snapshot: str | None = None,
) -> dict[str, Any]:
    day = day or ctx.today()
    snap = require_snapshot(ctx, snapshot)
    pack = pack_for(day)
    return explain_party(world_of(ctx, snap, pack), pack, name, country, identifiers, day)


def neighbourhood(
    ctx: Context, name: str, *, country: str | None = None, day: dt.date | None = None
) -> dict[str, Any]:
    """The ownership neighbourhood of a party, marked, to draw (the party page)."""
    day = day or ctx.today()
    pack = pack_for(day)
    world = world_of(ctx, require_snapshot(ctx), pack)
    return picture(world, pack, name, country, (), day)
