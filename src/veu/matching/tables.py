"""What a screening index keeps of its names and listings, compactly: the normalised names as
plain strings, what ranking needs of each listing, and the listings themselves as JSON read
when hit."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any, overload

import numpy as np

from veu.matching.postings import join_strings, split_strings
from veu.model import Listing
from veu.names import NormalName, scripts_of
from veu.names.abjad import in_arabic_script
from veu.names.gloss import sound_keys, vocabulary_tokens
from veu.names.normalize import surname_first


def listing_countries(listing: Listing) -> frozenset[str]:
    found = set(listing.countries)
    found.update(a.country for a in listing.addresses if a.country)
    return frozenset(found)


class NameTable:
    """The normalised names of an index, kept as plain strings (tokens joined by spaces) and
    made into `NormalName` values when asked: a million names stay small and load fast."""

    def __init__(self) -> None:
        self.originals: list[str] = []
        self.tokens: list[str] = []
        self.hans: list[str] = []
        self.forms: list[str] = []
        self.initials = bytearray()  # 1 where the name has an initial (a one-letter word)
        # 1 where the name, written in Chinese, has an English gloss (`veu.names.gloss`) with a
        # word translated
        self.glossed = bytearray()
        # the sound keys of a Chinese name's stretches that may be foreign names written by
        # sound (`veu.names.gloss.sound_keys`), by name id, for the few names that have some
        self.sounds: dict[int, frozenset[str]] = {}
        self.sounded = bytearray()  # 1 where the name has sound keys
        self.abjad = bytearray()  # 1 where the name is written in Arabic script alone
        self.persons = bytearray()  # 1 where the name is a person's (middle names may be left out)
        # of a person's name written surname first before a comma (PRIGOZHIN, Yevgeniy), the
        # number of its first tokens that are the surname (`surname_first`); else 0
        self.surnames = bytearray()
        # a person's name read another way (`veu.matching.index._read_person`: romanised from
        # Belarusian, in Somali spelling...), its tokens joined by spaces, by name id, for the
        # few names read so
        self.readings: dict[int, str] = {}
        self.read = bytearray()  # 1 where the name has a reading

    def append(
        self, normal: NormalName, *, person: bool = False, reading: tuple[str, ...] | None = None
    ) -> None:
        self.originals.append(normal.original)
        self.tokens.append(" ".join(normal.tokens))
        self.hans.append(normal.han)
        self.forms.append(" ".join(sorted(normal.forms)))
        self.initials.append(any(is_initial(t) for t in normal.tokens))
        self.glossed.append(bool(normal.han) and bool(vocabulary_tokens(normal.original)))
        keys = sound_keys(normal.original) if normal.han else frozenset()
        if keys:
            self.sounds[len(self.sounded)] = keys
        self.sounded.append(bool(keys))
        self.abjad.append(in_arabic_script(normal.scripts))
        self.persons.append(person)
        self.surnames.append(min(255, surname_first(normal)) if person else 0)
        if reading:
            self.readings[len(self.read)] = " ".join(reading)
        self.read.append(bool(reading))

    def __len__(self) -> int:
        return len(self.originals)

    def __getitem__(self, nid: int) -> NormalName:
        tokens = tuple(self.tokens[nid].split())
        forms = self.forms[nid]
        return NormalName(
            original=self.originals[nid],
            tokens=tokens,
            skeleton="".join(tokens),
            han=self.hans[nid],
            forms=frozenset(forms.split()) if forms else frozenset(),
            scripts=scripts_of(self.originals[nid]),  # a name in Arabic script is read so
        )

    def __getstate__(self) -> dict[str, Any]:
        return {
            "originals": join_strings(self.originals),
            "tokens": join_strings(self.tokens),
            "hans": join_strings(self.hans),
            "forms": join_strings(self.forms),
            "initials": self.initials,
            "glossed": self.glossed,
            "sounded": self.sounded,
            "abjad": self.abjad,
            "persons": self.persons,
            "surnames": self.surnames,
            "sounds": self.sounds,
            "read": self.read,
            "readings": self.readings,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.initials = state.pop("initials")
        self.glossed = state.pop("glossed")
        self.sounded = state.pop("sounded")
        self.abjad = state.pop("abjad")
        self.persons = state.pop("persons")
        self.surnames = state.pop("surnames")
        self.sounds = state.pop("sounds")
        self.read = state.pop("read")
        self.readings = state.pop("readings")
        for key, value in state.items():
            setattr(self, key, split_strings(value))


def _number(table: list[Any], numbers: dict[Any, int], value: Any) -> int:
    """The position of ``value`` in ``table`` (``numbers`` indexes it), appended if new."""
    if value not in numbers:
        numbers[value] = len(table)
        table.append(value)
    return numbers[value]


class ListingKeys:
    """What ranking needs of each listing (its list, its id, its countries), kept compactly so
    that only the listings returned are read: list ids and sets of countries are each stored
    once, and a listing points to them by number."""

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.lists: list[str] = []
        self.country_sets: list[frozenset[str]] = []
        self._list_of: list[int] = []
        self._countries_of: list[int] = []
        self._numbers: tuple[dict[str, int], dict[frozenset[str], int]] = ({}, {})

    def append(self, listing: Listing) -> None:
        lists, country_sets = self._numbers
        self.ids.append(listing.id)
        self._list_of.append(_number(self.lists, lists, listing.list_id))
        countries = listing_countries(listing)
        self._countries_of.append(_number(self.country_sets, country_sets, countries))

    def rank(self, li: int) -> tuple[str, str]:
        """The listing's list id and id, which order hits of equal score."""
        return self.lists[self._list_of[li]], self.ids[li]

    def countries(self, li: int) -> frozenset[str]:
        return self.country_sets[self._countries_of[li]]

    def __getstate__(self) -> dict[str, Any]:
        return {
            "ids": join_strings(self.ids),
            "lists": self.lists,
            "country_sets": self.country_sets,
            "list_of": np.asarray(self._list_of, dtype=np.int32),
            "countries_of": np.asarray(self._countries_of, dtype=np.int32),
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.ids = split_strings(state["ids"])
        self.lists = state["lists"]
        self.country_sets = state["country_sets"]
        self._list_of = state["list_of"].tolist()
        self._countries_of = state["countries_of"].tolist()
        self._numbers = (
            {x: k for k, x in enumerate(self.lists)},
            {x: k for k, x in enumerate(self.country_sets)},
        )


class LazyListings(Sequence[Listing]):
    """Listings kept as their JSON and read when asked (an index loaded from disk, or made by
    `ScreeningIndex.from_json`): the last ``READ_KEPT`` read are kept as objects, so memory
    stays bounded however many are hit."""

    READ_KEPT = 4096

    def __init__(self, payloads: list[str]) -> None:
        self.payloads = payloads
        self._read: OrderedDict[int, Listing] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self.payloads)

    @overload
    def __getitem__(self, index: int) -> Listing: ...
    @overload
    def __getitem__(self, index: slice) -> list[Listing]: ...
    def __getitem__(self, index: int | slice) -> Listing | list[Listing]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        with self._lock:  # an index may answer from several threads
            found = self._read.get(index)
            if found is not None:
                self._read.move_to_end(index)
                return found
        found = Listing.model_validate_json(self.payloads[index])
        with self._lock:
            self._read[index] = found
            if len(self._read) > self.READ_KEPT:
                self._read.popitem(last=False)
        return found


def is_initial(token: str) -> bool:
    """A one-letter word: an initial (``J. Smith``)."""
    return len(token) == 1 and token.isalpha()
