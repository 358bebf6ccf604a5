"""Building the decision world of a snapshot from the store (kept per snapshot id)."""

from __future__ import annotations

from veu.errors import NotFound
from veu.model.authorization import Authorization
from veu.model.catalogue import ALL_LISTS
from veu.model.registry import DefenseFlag, Edge, Judgement, RegistryParty
from veu.policy.pack import PolicyPack
from veu.policy.world import Judgements, World
from veu.services.context import Context


def world_of(ctx: Context, snapshot: str, pack: PolicyPack) -> World:
    """The world of ``snapshot`` (its listings, registry, judgements and authorizations), its
    identities resolved at the pack's thresholds: the same snapshot and pack version always give
    the same world, whatever the settings."""
    thresholds = (pack.thresholds.match, pack.thresholds.review)
    key = f"{snapshot}@{thresholds[0]}/{thresholds[1]}"
    world: World = ctx.worlds.get(key, lambda: _build(ctx, snapshot, *thresholds))
    return world


def _build(ctx: Context, snapshot: str, match: float, review: float) -> World:
    with ctx.read() as uow:
        if not uow.lists.snapshot_exists(snapshot):
            raise NotFound(f"no snapshot {snapshot}")
        index = ctx.indexes.get_listings(snapshot, lambda: uow.lists.listings(snapshot))
        lists = {**ALL_LISTS, **{i.id: i for i in uow.lists.all_lists()}}
        registry = uow.lists.records(snapshot, "registry")
        officer = uow.lists.records(snapshot, "judgements")
        authorizations = uow.lists.records(snapshot, "authorizations")
    records = [*registry, *officer]
    return World(
        snapshot=snapshot,
        lists=lists,
        listings=index.listings,
        registry={r.id: r for r in records if isinstance(r, RegistryParty)},
        edges=[r for r in records if isinstance(r, Edge)],
        flags=[r for r in records if isinstance(r, DefenseFlag)],
        judgements=Judgements.of(r for r in records if isinstance(r, Judgement)),
        authorizations=[a for a in authorizations if isinstance(a, Authorization)],
        match_threshold=match,
        review_threshold=review,
        index=index,
    )
