"""Listings of one person's name each, for the index tests of persons' names read otherwise."""

from __future__ import annotations

from veu.model import Listing, Name, PartyKind


def person_listing(i: int, name: str) -> Listing:
    return Listing(
        id=f"t:{i}", list_id="t", party_id=f"t:{i}", kind=PartyKind.person,
        names=(Name(value=name),),
    )  # fmt: skip
