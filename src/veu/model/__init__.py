"""Typed domain values. Frozen, serialisable, free of I/O and of the clock."""

from veu.model.listings import (
    ListingState,
    ListingStatus,
    Relation,
    SourceDocument,
    StatusEvent,
    Listing,
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
