"""Building the decision world of a snapshot from the store.

The costly part (listings, registry, judgements: identity and the ownership graph) is kept by the
content of those datasets, so snapshots that differ only in their VEU authorizations share it.
Authorizations are then attached with their usage from the ledger of recorded shipments, up to
a ledger position (a decision records it, and a replay uses the same)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

from veu.errors import NotFound
from veu.matching import ScreeningIndex
from veu.model.authorization import Authorization
from veu.model.catalogue import ALL_LISTS
from veu.model.registry import DefenseFlag, Edge, Judgement, RegistryParty
from veu.model.shipment import ShipmentParty
from veu.policy.pack import PolicyPack
from veu.policy.veu import held_by
from veu.policy.world import Judgements, World
from veu.services.context import Context
from veu.store.uow import UnitOfWork

CORE_DATASETS = ("listings", "registry", "judgements")


@contextmanager
def reading(ctx: Context, uow: UnitOfWork | None) -> Iterator[UnitOfWork]:
    """The caller's unit of work, or a new read-only one."""
    if uow is not None:
        yield uow
        return
    with ctx.read() as fresh:
        yield fresh


def world_of(
    ctx: Context,
    snapshot: str,
    pack: PolicyPack,
    *,
    day: dt.date | None = None,
    ledger_seq: int | None = None,
    uow: UnitOfWork | None = None,
    end_user: ShipmentParty | None = None,
) -> World:
    """The world of ``snapshot``, its identities resolved at the pack's thresholds (the same
    snapshot and pack version always give the same world, whatever the settings). With ``day``,
    authorizations carry the quantities drawn down around that day, as recorded up to
    ``ledger_seq`` (default: everything recorded so far, as ``uow`` sees it); with ``end_user``
    too, only the authorizations that party holds do (the only ones a decision asks about)."""
    thresholds = (pack.thresholds.match, pack.thresholds.review)
    with reading(ctx, uow) as u:
        if not u.lists.snapshot_exists(snapshot):
            raise NotFound(f"no snapshot {snapshot}")
        core_key = ctx.keys.get(snapshot, lambda: u.lists.dataset_key(snapshot, CORE_DATASETS))
        authorizations: list[Authorization] = ctx.authorizations.get(
            snapshot, lambda: list(u.lists.records(snapshot, "authorizations"))
        )
        key = f"{core_key}@{thresholds[0]}/{thresholds[1]}"
        core: World = ctx.worlds.get(key, lambda: _build(ctx, snapshot, *thresholds))
        ids = None
        if end_user is not None:
            bare = core.with_authorizations(snapshot, authorizations, 0)
            ids = {a.id for a in held_by(bare, end_user, pack.thresholds.match)}
        seq = u.shipments.last_seq() if ledger_seq is None else ledger_seq
        usage = (
            u.shipments.usage(upto=seq, around=day, authorizations=ids)
            if day is not None and ids != set()
            else {}
        )
    attached = [
        a.model_copy(update={"usage": (*a.usage, *usage[a.id])}) if usage.get(a.id) else a
        for a in authorizations
    ]
    return core.with_authorizations(snapshot, attached, seq)


def listing_index(ctx: Context, uow: UnitOfWork, snapshot: str) -> ScreeningIndex:
    """The screening index of a snapshot's listings, shared by snapshots with the same ones."""
    key = ctx.keys.get(
        f"listings:{snapshot}", lambda: uow.lists.dataset_key(snapshot, ["listings"])
    )
    return ctx.indexes.get_listings(key, lambda: uow.lists.listings(snapshot))


def _build(ctx: Context, snapshot: str, match: float, review: float) -> World:
    with ctx.read() as uow:
        index = listing_index(ctx, uow, snapshot)
        lists = {**ALL_LISTS, **{i.id: i for i in uow.lists.all_lists()}}
        registry = uow.lists.records(snapshot, "registry")
        officer = uow.lists.records(snapshot, "judgements")
    records = [*registry, *officer]
    return World(
        snapshot=snapshot,
        lists=lists,
        listings=list(index.listings),
        registry={r.id: r for r in records if isinstance(r, RegistryParty)},
        edges=[r for r in records if isinstance(r, Edge)],
        flags=[r for r in records if isinstance(r, DefenseFlag)],
        judgements=Judgements.of(r for r in records if isinstance(r, Judgement)),
        authorizations=[],
        match_threshold=match,
        review_threshold=review,
        index=index,
    )
