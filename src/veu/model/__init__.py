"""Typed domain values. Frozen, serialisable, free of I/O and of the clock."""

from veu.model.listings import (
    Listing,
    ListingState,
    ListingStatus,
    Relation,
    SourceDocument,
    StatusEvent,
)
from veu.model.lists import ListEffectKind, ListInfo
from veu.model.parties import Address, Identifier, Name, PartyKind

__all__ = [
    "Address",
    "Identifier",
    "ListEffectKind",
    "ListInfo",
    "Listing",
    "ListingState",
    "ListingStatus",
    "Name",
    "PartyKind",
    "Relation",
    "SourceDocument",
    "StatusEvent",
]
