"""A screening index over listings: candidate generation, then full scoring of each candidate.

Candidates come from three doors, so that neither a typo nor a script difference hides a listing:
shared tokens (ranked by rarity), the nearest skeletons by edit distance, and the nearest Han
strings. Below ``GRAM_SCAN_LIMIT`` distinct strings the nearest are found by scanning them all;
above it, a character n-gram index shortlists the strings sharing the most (rarity-weighted)
n-grams with the query, and only those are compared: the cost of a query then grows with the
n-grams' postings, not with the size of the list. Every candidate is then scored with
`score_names`; identifiers that are equal match outright. The index is built in memory from a
snapshot's listings and is pure, but for one thing: once built or loaded, every object then alive
is put out of the cyclic garbage collector's sight (`_settle`), for the sake of the slowest
queries.
"""

from __future__ import annotations

import gc
import pickle
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Collection, Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from operator import itemgetter as _pick
from pathlib import Path
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

from veu.matching.features import COUNTRY_FEATURE
from veu.matching.postings import GramDoor, Postings, join_strings, split_strings
from veu.matching.scorer import score_names
from veu.matching.tables import LazyListings, ListingKeys, NameTable, is_initial
from veu.matching.tokens import (
    PARTICLES,
    PHONETIC_MIN_LENGTH,
    distinctive,
    is_patronymic,
    phonetic_key,
    shapes,
)
from veu.model import Identifier, Listing, PartyKind
from veu.names import NormalName, normalise
from veu.names.abjad import (
    MIN_CONSONANTS,
    consonants,
    fitted,
    in_arabic_script,
    joined_readings,
    read_consonants,
)
from veu.names.acronyms import searched_names, with_acronyms
from veu.names.baltic import stems, written_baltic
from veu.names.given_names import spellings as given_name_spellings
from veu.names.gloss import (
    JOINED_MIN,
    glossed,
    sound_stretches,
    vocabulary_groups,
    vocabulary_tokens,
)
from veu.names.korean import read as korean_read
from veu.names.normalize import given_first, surname_first
from veu.names.slavic import read_words as slavic_words
from veu.names.slavic import readings as slavic_reading
from veu.names.somali import reading as somali_reading
from veu.names.transliteration import (
    COMMON_NAMES,
    alike_sounds,
    latin_sound_key,
    latin_sound_keys,
    sound_of_latin,
)
from veu.names.wade_giles import canonical as wade_giles_canonical

TOKEN_CANDIDATES = 300
FUZZY_CANDIDATES = 50
FULL_SCORE_LIMIT = 30  # candidates scored in full, best estimates first
# Names written in Chinese found by sound for a query in Latin letters (Skydio: 斯凯迪奥公司):
# of those sharing the most (rarity-weighted) sound keys with its words, this many: the names
# with most keys of the query's first, then fewest keys, then the shortest.
SOUND_CANDIDATES = 5
SHORTEST_HEARD = 3  # letters of the shortest word of a query a name in Chinese is found by
# Names in Latin letters found for a Chinese query by sound (洛克希德·马丁: Lockheed Martin):
# those whose words sharing its stretches' sound keys weigh most (each is glossed to fit it).
HEARD_CANDIDATES = 50
# Names with words that sound like the query's, spelt otherwise (Shoygu, Shoigu), or with the
# same letters in another order (Provneza, Provenza): those whose such words weigh most.
ALIKE_CANDIDATES = 50
# The spelling door's keys of a word's consonants (`veu.names.abjad.consonants`), apart from its
# phonetic keys and letters: of the words of names not written in Arabic script (for queries
# in it), and of the words of names written in it (for the other queries).
CONSONANT_KEY = "#"
ABJAD_KEY = "="
CONTAINED_LIMIT = 60  # and those one of whose names contains the other, best first
# A distinctive word of the query that at most this many names have is rare: every candidate
# that has it is scored in full, whatever its estimate.
RARE_NAMES = 10
# Candidates with a word of the query as written and another written as another spelling of it
# (a given name), scored in full, best estimates first.
RESPELT_LIMIT = 20
JOINED_ROWS = 8  # words a Chinese query's translation may begin that it looks names up by
INDEX_FORMAT = 56  # the layout `ScreeningIndex.save` writes

GRAM_SCAN_LIMIT = 20_000  # distinct strings above which the n-gram door replaces the scan
GRAM_SHORTLIST = 400  # strings compared in full after the n-gram door


@dataclass(frozen=True)
class Query:
    name: str
    countries: frozenset[str] = frozenset()
    identifiers: tuple[Identifier, ...] = ()


@dataclass(frozen=True)
class Hit:
    listing: Listing
    score: float
    matched_name: str
    explanation: dict[str, Any] = field(default_factory=dict)


class ScreeningIndex:
    """Names of a set of listings, indexed for fast fuzzy search."""

    def __init__(self, listings: Iterable[Listing]) -> None:
        self.listings: Sequence[Listing] = list(listings)
        self._index(self.listings)

    @classmethod
    def from_json(cls, payloads: Iterable[str]) -> ScreeningIndex:
        """An index of listings given as their JSON, kept as JSON and read when a query hits
        them (`LazyListings`): the listings are never all held as objects at once, which takes
        about six times the memory. For bulk screening."""
        index = cls.__new__(cls)
        kept: list[str] = []

        def read() -> Iterable[Listing]:
            for payload in payloads:
                kept.append(payload)
                yield Listing.model_validate_json(payload)

        index._index(read())
        index.listings = LazyListings(kept)
        return index

    def _index(self, listings: Iterable[Listing]) -> None:
        self.names = NameTable()
        owner: list[int] = []
        postings: dict[str, list[int]] = defaultdict(list)
        skeletons: dict[str, list[int]] = defaultdict(list)
        hans: dict[str, list[int]] = defaultdict(list)
        self.identifiers: dict[tuple[str, str], list[int]] = defaultdict(list)
        # What ranking needs of each listing, so that only the returned hits are read.
        self.keys = ListingKeys()
        # the words of names written in Arabic script, and of the others
        abjad_words: set[str] = set()
        other_words: set[str] = set()
        # the readings of words in a row of those names as one word, by the first word
        abjad_joins: dict[str, set[str]] = defaultdict(set)
        for li, listing in enumerate(listings):
            self.keys.append(listing)
            for ident in listing.identifiers:
                self.identifiers[ident.key()].append(li)
            for value in with_acronyms(name.value for name in listing.names):
                normal = normalise(value)
                if normal.empty:
                    continue
                nid = len(self.names)
                person = listing.kind == PartyKind.person
                # a person's name read: in Somali spelling (Mohamed Ali finds CALI, Maxamed), or
                # Korean, written one way (김정은, gim jeong eun, finds Kim Jong Un), or
                # romanised from Belarusian or Ukrainian (Sergey Novikov finds NOVIKAU, Siarhei)
                read = _read_person(normal.tokens) if person else None
                self.names.append(normal, person=person, reading=read)
                owner.append(li)
                words = set(normal.tokens)
                if in_arabic_script(normal.scripts):
                    abjad_words.update(words)
                    for first, kept in joined_readings(normal.tokens):
                        abjad_joins[first].add(kept)
                else:
                    other_words.update(words)
                if normal.han:  # and its English gloss's words: English queries find it
                    words |= vocabulary_tokens(value)
                if person:  # and its words read, each way a word is read
                    words.update(read or ())
                    words.update(slavic_words(normal.tokens))
                for token in words:
                    postings[token].append(nid)
                if normal.skeleton:
                    skeletons[normal.skeleton].append(nid)
                if read:  # and its reading's, with and without its patronymic: its doors too
                    for skeleton in dict.fromkeys(map("".join, _with_and_without(read))):
                        if skeleton != normal.skeleton:
                            skeletons[skeleton].append(nid)
                if normal.han:
                    hans[normal.han].append(nid)
        self.owner = np.asarray(owner, dtype=np.int32)
        # the vocabulary in order: a word's row is its place, the same in every process
        self.postings = Postings.build(dict(sorted(postings.items())))
        self.skeletons = Postings.build(skeletons)
        self.hans = Postings.build(hans)
        sounding: dict[str, list[int]] = defaultdict(list)
        for nid, keys in self.names.sounds.items():
            for key in keys:
                sounding[key].append(nid)
        self.sounding = Postings.build(sounding)
        # The words' rows by their sound key (the names a Chinese query may sound like), and by
        # their phonetic key and their letters (words spelt otherwise).
        heard: dict[str, list[int]] = defaultdict(list)
        alike: dict[str, list[int]] = defaultdict(list)
        self.word_sounds: list[str] = []  # each word's sounds, where it has a sound key
        for row, token in enumerate(self.postings.keys):
            heard_as = latin_sound_keys(token)
            self.word_sounds.append(sound_of_latin(token) if heard_as else "")
            for key in heard_as:
                heard[key].append(row)
            if _spelt_by_sound(token):
                alike[phonetic_key.__wrapped__(token)].append(row)
                alike[_letters(token)].append(row)
            if not token.isalpha():
                continue
            # the other names' words for queries in Arabic script, and the reverse
            if token in other_words:
                kept = consonants.__wrapped__(token)
                if len(kept) >= MIN_CONSONANTS:
                    alike[CONSONANT_KEY + kept].append(row)
            if token in abjad_words:
                spelt = read_consonants.__wrapped__(token) | abjad_joins.get(token, frozenset())
                for key in sorted(spelt):
                    if len(key) >= MIN_CONSONANTS:
                        alike[ABJAD_KEY + key].append(row)
        self.latin_sounds = Postings.build(heard)
        self.alike = Postings.build(alike)
        self.identifiers = dict(self.identifiers)
        self._doors()
        _settle()

    def _doors(self) -> None:
        big = len(self.skeletons) > GRAM_SCAN_LIMIT
        self.skeleton_door = GramDoor(self.skeletons.keys, 4, short_n=3) if big else None
        big = len(self.hans) > GRAM_SCAN_LIMIT
        self.han_door = GramDoor(self.hans.keys, 2) if big else None

    def save(self, path: Path) -> None:
        """Write the index to ``path`` (listings as JSON, names as strings, postings as flat
        arrays), for `ScreeningIndex.load`."""
        state = {
            "version": INDEX_FORMAT,
            "listings": join_strings(
                self.listings.payloads
                if isinstance(self.listings, LazyListings)
                else [x.model_dump_json(exclude_defaults=True) for x in self.listings]
            ),
            "names": self.names,
            "owner": self.owner,
            "postings": self.postings,
            "skeletons": self.skeletons,
            "hans": self.hans,
            "sounding": self.sounding,
            "latin_sounds": self.latin_sounds,
            "word_sounds": join_strings(self.word_sounds),
            "alike": self.alike,
            "identifiers": self.identifiers,
            "keys": self.keys,
            "skeleton_door": self.skeleton_door,
            "han_door": self.han_door,
        }
        with path.open("wb") as f:
            pickle.dump(state, f, protocol=pickle.HIGHEST_PROTOCOL)

    @classmethod
    def load(cls, path: Path) -> ScreeningIndex:
        """An index written by `save`, ready to answer (listings are read when hit). Only
        files this product wrote may be loaded: they are pickles."""
        with path.open("rb") as f:
            try:
                state = pickle.load(f)
            # classes an older layout named, or their state as an older layout kept it
            except (AttributeError, ImportError, KeyError) as error:
                raise ValueError(
                    f"{path} is not a screening index of format {INDEX_FORMAT}: {error}"
                ) from error
        if not isinstance(state, dict) or state.get("version") != INDEX_FORMAT:
            raise ValueError(f"{path} is not a screening index of format {INDEX_FORMAT}")
        index = cls.__new__(cls)
        index.listings = LazyListings(split_strings(state["listings"]))
        for key in (
            "names", "owner", "postings", "skeletons", "hans", "sounding", "latin_sounds",
            "alike", "identifiers", "keys",
        ):  # fmt: skip
            setattr(index, key, state[key])
        index.word_sounds = split_strings(state["word_sounds"])
        index.skeleton_door = state["skeleton_door"]
        index.han_door = state["han_door"]
        _settle()
        return index

    def __len__(self) -> int:
        return len(self.listings)

    @property
    def max_df(self) -> int:
        """Names a token may be in and still open the token door (commoner ones say little)."""
        return max(50, len(self.names) // 20)

    def candidates(
        self, query: NormalName, min_score: float = 0.5, *, fuzzy: bool = True
    ) -> set[int]:
        """Name ids worth scoring for ``query`` (at ``min_score`` or above). Without ``fuzzy``
        only shared tokens, words that sound alike and equal skeletons are doors (much faster;
        misses typos)."""
        found, sounded = self._candidates(query, min_score, fuzzy=fuzzy)
        return found | sounded

    def _candidates(
        self, query: NormalName, min_score: float, *, fuzzy: bool
    ) -> tuple[set[int], set[int]]:
        """`candidates`: those found by any door, and those found by sound (names in Chinese
        that the words of a query not in Chinese may sound like, or names in Latin letters with
        a word that a Chinese query's stretch may sound like; they may be among the first)."""
        cutoff = max(40.0, min_score * 100 - 15)
        found: set[int] = set()
        total = max(1, len(self.names))
        sounded: set[int] = set()
        # and two words in a row joined, as a name may write them (hua wei: Huawei Technologies;
        # Abdul Rahman: Abdulrahman); sorted: the same order in every process
        pairs = zip(query.tokens, query.tokens[1:], strict=False)
        keys = sorted(
            {*query.tokens, *map("".join, pairs), *_baltic_stems(query.tokens), *_unglued(query)}
        )
        rows = self.postings.find(keys)
        written = np.fromiter((r for r in rows if r is not None), dtype=np.int64)
        groups = vocabulary_groups(query.original) if query.han else ()
        if groups:  # and its English gloss's words: it finds names written in English
            found.update(self._translated(written, groups, total).tolist())
        else:
            top = self.postings.top_rows(written, total, TOKEN_CANDIDATES, self.max_df)
            found.update(top.tolist())
        if query.han:
            sounded = set(self._sounding(query.original).tolist())
        same = self.skeletons.get(query.skeleton)
        if same is not None:
            found.update(same.tolist())
        same = self.hans.get(query.han) if query.han else None
        if same is not None:
            found.update(same.tolist())
        if not query.han:
            sounded = self._written_in_chinese(query)
        found.update(self._spelt_alike(query, written))
        if not fuzzy:
            return found, sounded
        if query.skeleton and len(self.skeletons):
            nearest = _nearest(query.skeleton, self.skeletons.keys, self.skeleton_door, cutoff)
            found.update(self.skeletons.rows(nearest).tolist())
        if query.han and len(self.hans):
            nearest = _nearest(query.han, self.hans.keys, self.han_door, cutoff - 10)
            found.update(self.hans.rows(nearest).tolist())
        return found, sounded

    def _translated(
        self, written: np.ndarray, groups: tuple[frozenset[str], ...], total: int
    ) -> np.ndarray:
        """The token door of a query in Chinese: its own tokens (pinyin) and its words'
        translations (`vocabulary_groups`), each word counting once whichever translation a
        name uses (中国航空工业 finds Aviation Industry Corporation of China before names having
        only Aeronautical). A translation also finds the words it begins (侦察, recon: ReconCraft),
        as the gloss fits them (`veu.names.gloss`)."""
        every = sorted(set().union(*groups))
        row_of = dict(zip(every, self.postings.find(every), strict=True))
        translated = [
            [
                r
                for w in sorted(group)
                for r in (row_of[w], *self._beginning_with(w))
                if r is not None
            ]
            for group in groups
        ]
        door = [[r] for r in written.tolist()] + [rows for rows in translated if rows]
        return self.postings.top_groups(door, total, TOKEN_CANDIDATES, self.max_df)

    def _beginning_with(self, word: str) -> list[int]:
        """The rows of the first `JOINED_ROWS` words of the vocabulary (in order) that ``word``
        (`JOINED_MIN` letters or more) begins, itself left out: an English name joins words
        the Chinese writes apart."""
        if len(word) < JOINED_MIN:
            return []
        keys = self.postings.keys  # the vocabulary in order: a word's row is its place
        start = bisect_left(keys, word)
        found = []
        for row in range(start, min(len(keys), start + JOINED_ROWS + 1)):
            if not keys[row].startswith(word):
                break
            if keys[row] != word:
                found.append(row)
        return found[:JOINED_ROWS]

    def _written_in_chinese(self, query: NormalName) -> set[int]:
        """Names in Chinese that the words of ``query`` (not in Chinese) may sound like: of
        those sharing the most rarity-weighted sound keys with its words (`latin_sound_keys`),
        the ``SOUND_CANDIDATES`` names (a name once, however many listings write it) with most
        of its words heard, then most of its words' own keys (not their keys as a
        transliteration may also write them), then fewest keys, then fewest letters; and the
        same names on other listings. Here a word of three letters has a key too (Bry, PL:
        亚当·布赖, Adam Bry, has two of the query's keys where other Adams have one)."""
        by_word = [frozenset(latin_sound_keys(t, SHORTEST_HEARD)) for t in query.tokens]
        heard = frozenset().union(*by_word)
        if not heard or not len(self.sounding):
            return set()
        own = {k for t in query.tokens if (k := latin_sound_key(t, SHORTEST_HEARD)) is not None}
        total = max(1, len(self.names))
        door = self.sounding.top(heard, total, 4 * SOUND_CANDIDATES, self.max_df).tolist()
        keys_of, tokens_of = self.names.sounds, self.names.tokens

        def rank(nid: int) -> tuple[int, int, int, int]:
            keys = keys_of[nid]
            words = sum(not keys.isdisjoint(w) for w in by_word)
            return (-words, -len(keys & own), len(keys), len(tokens_of[nid]))

        door.sort(key=rank)
        named: dict[str, int] = {}  # each name's first place
        for nid in door:
            named.setdefault(tokens_of[nid], nid)
        first = list(named.values())[:SOUND_CANDIDATES]
        found = set(first)
        for nid in first:
            same = self.skeletons.get(tokens_of[nid].replace(" ", ""))
            if same is not None and len(same) <= self.max_df:
                found.update(same.tolist())
        return found

    def _spelt_alike(self, query: NormalName, written: np.ndarray) -> list[int]:
        """Names in Latin letters with words spelt otherwise that sound like the query's (the
        same `phonetic_key`: Sergey Shoygu, SHOIGU Sergei) or have the same letters in another
        order (two letters swapped: Provneza, Provenza), or the same consonants where one is
        written in Arabic script (محمد, mhmd: Mohammed), those whose such words weigh most
        (names in Chinese have their own doors: their pinyin's sound is no spelling); the
        query's words as written (their rows: ``written``) count too, so that a name having
        them besides comes first."""
        spelt_by_sound = [t for t in query.tokens if _spelt_by_sound(t)]
        sounds = {phonetic_key(t) for t in spelt_by_sound} | set(map(_letters, spelt_by_sound))
        # by consonants: written without short vowels, the query's words or the names'
        if in_arabic_script(query.scripts):  # its words, and its words in a row read as one
            kept = {k for t in query.tokens if t.isalpha() for k in read_consonants(t)}
            kept.update(k for _, k in joined_readings(query.tokens))
            door = CONSONANT_KEY
        else:
            kept = {consonants(t) for t in query.tokens if t.isalpha()}
            door = ABJAD_KEY
        sounds |= {door + k for k in kept if len(k) >= MIN_CONSONANTS}
        spelt = [ranks for key in sorted(sounds) if (ranks := self.alike.get(key)) is not None]
        if not spelt:
            return []
        spelt.append(written)
        rows = np.unique(np.concatenate(spelt)).astype(np.int64)  # the words in order
        total = max(1, len(self.names))
        alike = self.postings.top_rows(rows, total, ALIKE_CANDIDATES, self.max_df)
        hans = self.names.hans
        return [i for i in alike.tolist() if not hans[i]]

    def _sounding(self, chinese: str) -> np.ndarray:
        """Names with a word in Latin letters that a stretch of ``chinese`` that may be a
        foreign name written by sound sounds like, as the scorer reads it (`alike_sounds`:
        `sounds_like` at least 0.75, or the word `COMMON_NAMES` gives it), the rarest words
        first. The words compared are those with the stretch's sound key (read off the
        vocabulary when the index is built, with their sounds), many for a common key (KPL:
        Exovera, Gabriel, Cabrera, ...)."""
        found: list[int] = []  # the words' rows
        sounds = self.word_sounds
        for han, key in sound_stretches(chinese):
            rows = self.latin_sounds.get(key)
            if rows is not None:
                listed = rows.tolist()
                found += [listed[k] for k in alike_sounds(han, [sounds[r] for r in listed])]
            names = COMMON_NAMES.get(han, ())
            found += [row for row in self.postings.find(list(names)) if row is not None]
        if not found:
            return np.zeros(0, dtype=np.int32)
        rows = np.unique(np.asarray(found, dtype=np.int64))  # the words in order
        size = max(1, len(self.names))
        return self.postings.top_rows(rows, size, HEARD_CANDIDATES, self.max_df)

    def shortlist(
        self, query: NormalName, candidates: set[int], by_sound: Collection[int] = ()
    ) -> list[int]:
        """The candidates worth scoring in full, the likeliest first: all of them when few; else the
        ``FULL_SCORE_LIMIT`` best by a quick estimate (the larger of the skeletons' and the
        sorted tokens' similarity, in C by rapidfuzz; the Han strings' for Chinese names, and
        their English gloss's beside a name not in Chinese; with initials standing for the words
        they begin, for names written with initials), and
        every name whose words all appear in the other's or the reverse (the containment floor
        does not show in those estimates). ``by_sound``: the candidates found by sound (names in
        Chinese an English query's words may sound like, or names in Latin letters a Chinese
        query's stretches may), estimated through the gloss fitted to them."""
        ids = sorted(set(candidates).union(by_sound))
        if len(ids) <= FULL_SCORE_LIMIT:
            return ids
        names = self.names
        joined = list(_pick(*ids)(names.tokens))  # more than one: a tuple
        words = set(query.tokens)
        skeletons, orderless, within = shapes(joined, tuple(sorted(words)))
        estimate = process.cdist([query.skeleton], skeletons, scorer=Indel.normalized_similarity)[0]
        order_free = process.cdist(
            ["".join(sorted(query.tokens))], orderless, scorer=Indel.normalized_similarity
        )[0]
        np.maximum(estimate, order_free, out=estimate)
        self._given_names_first(query, ids, joined, skeletons, estimate)
        self._through_readings(query, ids, estimate)
        if not query.han:  # through the reading by consonants of a name in Arabic script
            self._read_by_consonants(query, ids, joined, orderless, estimate)
        if query.han:  # a name without Han characters scores 0 here, which changes nothing
            hans = list(_pick(*ids)(names.hans))
            han = process.cdist([query.han], hans, scorer=Indel.normalized_similarity)[0]
            np.maximum(estimate, han, out=estimate)
            english = glossed(query.original, ())
            if english is not None:  # and through its gloss, for names written in English
                for mine, theirs in (
                    (english.skeleton, skeletons),
                    ("".join(sorted(english.tokens)), orderless),  # Aviation ... of China
                ):
                    through = process.cdist([mine], theirs, scorer=Indel.normalized_similarity)[0]
                    np.maximum(estimate, through, out=estimate)
            # a name only read by sound (杰弗里·阿哈龙) has no gloss alone, only beside another
        # the containment floor: scored whatever the estimate
        contained = set(np.flatnonzero(np.frombuffer(within, dtype=np.uint8)).tolist())
        if query.han:
            contained |= self._fitted_glosses(
                query, english, ids, joined, skeletons, estimate, by_sound
            )
        letters = {t for t in query.tokens if is_initial(t)}  # the query's initials
        # Only names with initials (all, when the query has some) and names written in Chinese
        # (beside a query that is not) need more than the vectorised estimates.
        marks = np.frombuffer(names.initials, dtype=np.uint8)[ids]
        sounds: set[str] = set()
        if not query.han:
            marks = marks | np.frombuffer(names.glossed, dtype=np.uint8)[ids]
            sounded = np.frombuffer(names.sounded, dtype=np.uint8)[ids]
            if sounded.any():  # Chinese names that may sound like a word of the query
                sounds = _latin_keys(query.tokens)
                if sounds or by_sound:
                    marks = marks | sounded
        for k in range(len(ids)) if letters else np.flatnonzero(marks).tolist():
            i = ids[k]
            other = joined[k].split()
            # Initials count only where one may stand for a word of the other name: otherwise
            # the initials' estimate is the order-free one, and nothing is covered.
            initials = names.initials[i] == 1 or (
                bool(letters) and any(len(w) > 1 and w[0] in letters for w in other)
            )
            if initials:
                if words and _one_within_other(other, query.tokens):
                    contained.add(k)
                estimate[k] = max(estimate[k], initials_estimate(query.tokens, other))
            alike = i in by_sound or (
                bool(sounds) and not sounds.isdisjoint(names.sounds.get(i, ()))
            )
            if (names.glossed[i] or alike) and not query.han:  # Chinese, through its gloss
                gloss = glossed(names.originals[i], query.tokens)
                if gloss is not None:
                    through = _gloss_estimate(gloss, query.tokens, query.skeleton)
                    estimate[k] = max(estimate[k], through)
                    if words and gloss.tokens and _one_within_other(gloss.tokens, query.tokens):
                        contained.add(k)  # L3哈里斯公司, L3 Harris beside L3 Harris Technologies
        best = set(np.argpartition(-estimate, FULL_SCORE_LIMIT)[:FULL_SCORE_LIMIT].tolist())
        best.update(sorted(contained, key=lambda k: (-estimate[k], k))[:CONTAINED_LIMIT])
        in_order = np.asarray(ids, dtype=np.int64)  # once, for the two below
        best.update(self._with_rare_words(query, in_order))
        respelt = self._with_respelt_given_name(query, in_order)
        best.update(sorted(respelt, key=lambda k: (-estimate[k], k))[:RESPELT_LIMIT])
        return [ids[k] for k in sorted(best, key=lambda k: (-estimate[k], k))]

    def _with_rare_words(self, query: NormalName, ids: Sequence[int] | np.ndarray) -> list[int]:
        """The places in ``ids`` (sorted) of the names that have a distinctive word of ``query``
        that few names have (`RARE_NAMES` or fewer): a rare word shared is strong evidence, which
        the estimates, letter by letter, do not weigh. Alexander Radkov beside RADKOV, Aleksandr
        Mikhailovich (0.89 through the given names' spellings) is less alike letter by letter
        than the many names of Alexander X; the shortlist kept those, not it."""
        words = sorted({t for t in query.tokens if distinctive(t)})
        ptr = self.postings.ptr
        found = self.postings.find(words)
        rows = [r for r in found if r is not None and ptr[r + 1] - ptr[r] <= RARE_NAMES]
        if not rows:
            return []
        return _places(ids, self.postings.rows(rows))

    def _with_respelt_given_name(
        self, query: NormalName, ids: Sequence[int] | np.ndarray
    ) -> list[int]:
        """The places in ``ids`` (sorted) of the names that have another word of ``query`` as
        it is written and a word of it written another way (`veu.names.given_names`, another
        spelling: Nikolaj, Nikolay): Nikolaj Ivanov beside IVANOV, Nikolay Nikolayevich (a
        match) is less alike letter by letter than the lists' other Ivanovs, too many for the
        shortlist to keep them all."""
        table = given_name_spellings()
        words = set(query.tokens)
        given = [t for t in words if t in table]
        if not given:
            return []
        kept: set[int] = set()
        tokens = self.names.tokens
        for word in given:
            rest = words - {word}
            respelt = [r for r in self.postings.find(sorted(table[word])) if r is not None]
            if not rest or not respelt:
                continue
            # the candidates with a spelling of the word, then those with another word as well
            # (a common one, Ali, names too many for its postings to be read)
            for k in _places(ids, self.postings.rows(respelt)):
                if not rest.isdisjoint(tokens[int(ids[k])].split()):
                    kept.add(k)
        return sorted(kept)

    def _given_names_first(
        self,
        query: NormalName,
        ids: list[int],
        joined: list[str],
        skeletons: list[str],
        estimate: np.ndarray,
    ) -> None:
        """The estimates of persons' names written surname first before a comma, and of every
        name (``skeletons``) beside a query written so, also given names first (`given_first`):
        PRIGOZHIN, Yevgeniy Viktorovich beside Evgeny Prigozhin is 0.42 alike as written, and
        as sorted (yevgeniy last), so among the many names of Evgeny and of Prigozhin it was not
        shortlisted; given names first, 0.70."""
        surnames = np.frombuffer(self.names.surnames, dtype=np.uint8)[ids]
        rotated = np.flatnonzero(surnames)
        if len(rotated):
            given = []
            for k in rotated.tolist():
                words, cut = joined[k].split(), int(surnames[k])
                given.append("".join(words[cut:] + words[:cut]))
            alike = process.cdist([query.skeleton], given, scorer=Indel.normalized_similarity)[0]
            estimate[rotated] = np.maximum(estimate[rotated], alike)
        if surname_first(query):
            mine = "".join(given_first(query))
            through = process.cdist([mine], skeletons, scorer=Indel.normalized_similarity)[0]
            np.maximum(estimate, through, out=estimate)

    def _through_readings(self, query: NormalName, ids: list[int], estimate: np.ndarray) -> None:
        """The estimates of the persons' names read another way (`_read_person`), also through
        their reading, in order and order-free: VARABEI, Mikalai Mikalaevich, read as varabei
        nikolai nikolaevich, beside VOROBEY, Nikolay Nikolaevich (0.97) is less alike as written
        than the lists' many other names of Nikolaevich, and was not shortlisted."""
        read = np.flatnonzero(np.frombuffer(self.names.read, dtype=np.uint8)[ids])
        if not len(read):
            return
        # and without its patronymic, which a query often leaves out (ZAYTSEV, Alexander beside
        # ZAITSAU, Aliaksandr Mikalaevich, read as zaitsov aleksandr nikolaevich)
        split = [_with_and_without(self.names.readings[ids[k]].split()) for k in read.tolist()]
        readings = [full for full, _ in split] + [short for _, short in split]
        twice = np.concatenate([read, read])
        for mine, theirs in (
            (query.skeleton, ["".join(r) for r in readings]),
            ("".join(sorted(query.tokens)), ["".join(sorted(r)) for r in readings]),
        ):
            alike = process.cdist([mine], theirs, scorer=Indel.normalized_similarity)[0]
            np.maximum.at(estimate, twice, alike)

    def _read_by_consonants(
        self,
        query: NormalName,
        ids: list[int],
        joined: list[str],
        orderless: list[str],
        estimate: np.ndarray,
    ) -> None:
        """The estimates of a query written in Arabic script beside the names in Latin letters
        (not pinyin), or of a query in Latin letters beside the names written in Arabic script,
        through the reading of the Arabic words that the other's consonants fit (`fitted`), as
        the scorer reads them."""
        names = self.names
        abjad = np.frombuffer(names.abjad, dtype=np.uint8)[ids]
        if in_arabic_script(query.scripts):  # beside the names in Latin letters, not pinyin
            others = abjad | (np.asarray([bool(names.hans[i]) for i in ids], dtype=np.uint8))
            for k in np.flatnonzero(others == 0).tolist():
                reading = fitted(query.tokens, tuple(joined[k].split()))[0]
                through = Indel.normalized_similarity("".join(sorted(reading)), orderless[k])
                estimate[k] = max(estimate[k], through)
            return
        mine = "".join(sorted(query.tokens))
        for k in np.flatnonzero(abjad).tolist():  # the names written in Arabic script
            reading = fitted(tuple(joined[k].split()), query.tokens)[0]
            through = Indel.normalized_similarity("".join(sorted(reading)), mine)
            estimate[k] = max(estimate[k], through)

    def _fitted_glosses(
        self,
        query: NormalName,
        english: NormalName | None,
        ids: list[int],
        joined: list[str],
        skeletons: list[str],
        estimate: np.ndarray,
        by_sound: Collection[int],
    ) -> set[int]:
        """A Chinese query's estimate, for each candidate not in Chinese that uses a translation
        other than the usual one (Aeronautics and Astronautics for 航空航天, not Aerospace), or
        that was found by sound (``by_sound``: a word of it may sound like a stretch of the
        query, 洛克希德 beside Lockheed), through the gloss fitted to it, as the scorer will gloss
        it; and the places of those whose words the gloss has all, or that have all the
        gloss's (安杜里尔公司, anduril, beside Anduril Industries): contained, which the shortlist
        keeps."""
        contained: set[int] = set()
        vocabulary = vocabulary_tokens(query.original)
        unusual = vocabulary - set(english.tokens if english else ())
        if not unusual and not by_sound:
            return contained
        # and a word one of the query's translations begins and an unusual one ends, as the
        # gloss writes them (文本矿: text + ore, TextOre; 浩劫人工智能: havoc + ai, HavocAI)
        glued = {head + tail for head in vocabulary for tail in unusual}
        hans = self.names.hans
        for k, i in enumerate(ids):
            words = joined[k].split()
            fits = _fits(unusual, words) or not glued.isdisjoint(words)
            if hans[i] or (i not in by_sound and not fits):
                continue
            fitted = glossed(query.original, tuple(words))
            if fitted is None:
                continue
            estimate[k] = max(estimate[k], _gloss_estimate(fitted, tuple(words), skeletons[k]))
            if fitted.tokens and words and _one_within_other(fitted.tokens, words):
                contained.add(k)
        return contained

    def search(
        self,
        query: Query,
        *,
        limit: int = 10,
        min_score: float = 0.5,
        fuzzy: bool = True,
        explain: bool = True,
    ) -> list[Hit]:
        """Listings whose names (or identifiers) match ``query``, best first. Without
        ``explain`` the hits carry no feature-by-feature explanation (the same hits and scores,
        sooner: for bulk screening that keeps only names and scores). A query name whose
        trailing parentheses hold other names (Closed Joint Stock Company Surgutneftegasbank
        (ZAO SNGB)) is also searched by them (`veu.names.acronyms.searched_names`), and a
        listing's best score counts; its explanation then gives the name it was found by
        (``query_name``)."""
        others = searched_names(query.name)
        if not others:
            return self._search(
                query, limit=limit, min_score=min_score, fuzzy=fuzzy, explain=explain
            )
        best: dict[str, Hit] = {}
        for text in (query.name, *others):
            for hit in self._search(
                replace(query, name=text),
                limit=limit, min_score=min_score, fuzzy=fuzzy, explain=explain,
            ):  # fmt: skip
                kept = best.get(hit.listing.id)
                if kept is None or hit.score > kept.score:
                    if explain and text != query.name:
                        hit.explanation["query_name"] = text
                    best[hit.listing.id] = hit
        ranked = sorted(best.values(), key=lambda h: (-h.score, h.listing.list_id, h.listing.id))
        return ranked[:limit]

    def _search(
        self, query: Query, *, limit: int, min_score: float, fuzzy: bool, explain: bool
    ) -> list[Hit]:
        normal = normalise(query.name)
        best: dict[int, Hit] = {}
        for ident in query.identifiers:
            for li in self.identifiers.get(ident.key(), ()):
                best[li] = Hit(
                    self.listings[li],
                    1.0,
                    query.name,
                    {"identifier": {"score": 1.0, "scheme": ident.scheme, "value": ident.value}},
                )
        scores: dict[int, float] = {}  # listing -> the score of its best name
        matched: dict[int, int] = {}  # listing -> that name's id
        if not normal.empty:
            names = self.names
            seen: dict[tuple[str, str, bool], float] = {}  # a name's score depends on these alone
            found, sounded = self._candidates(normal, min_score, fuzzy=fuzzy)
            shortlisted = self.shortlist(normal, found, sounded)
            for nid in self._with_readings(normal, shortlisted, min_score, fuzzy=fuzzy):
                li = int(self.owner[nid])
                if li in best or scores.get(li, 0.0) >= 1.0:
                    continue
                person = names.persons[nid] == 1
                key = (names.tokens[nid], names.hans[nid], person)
                score = seen.get(key, -1.0)
                if score < 0.0:  # the same name on several lists is scored once
                    scored = score_names(normal, names[nid], explain=False, person=person)
                    score = seen[key] = scored.score
                current = scores.get(li, -1.0)
                if score > current or (score == current and nid < matched[li]):
                    scores[li] = score
                    matched[li] = nid
        # Ranked by score, then list and listing id; only the hits returned are read.
        ranked = [(1.0, *self.keys.rank(li), li) for li in best]
        conflicts: dict[int, dict[str, Any]] = {}
        for li, score in scores.items():
            if score < min_score:
                continue
            conflict = self._country_conflict(query.countries, li)
            if conflict is not None:
                conflicts[li] = conflict
                score = max(0.0, score - COUNTRY_FEATURE.weight)
            if score >= min_score:
                ranked.append((score, *self.keys.rank(li), li))
        ranked.sort(key=lambda item: (-item[0], item[1], item[2]))
        hits = []
        for score, _, _, li in ranked[:limit]:
            if li in best:  # an identifier hit, explained already
                hits.append(best[li])
                continue
            nid = matched[li]
            person = self.names.persons[nid] == 1
            explanation = (
                score_names(normal, self.names[nid], person=person).explanation if explain else {}
            )
            if li in conflicts:
                explanation[COUNTRY_FEATURE.name] = conflicts[li]
            hits.append(Hit(self.listings[li], score, self.names[nid].original, explanation))
        return hits

    def _with_readings(
        self, query: NormalName, shortlisted: list[int], min_score: float, *, fuzzy: bool
    ) -> list[int]:
        """``shortlisted`` and, for a query in Wade-Giles (Hsi Chin-ping), the names its reading
        as pinyin (`veu.names.wade_giles.canonical`: xi jin bing) finds and shortlists: the
        query as written shares too little with Xi Jinping for the doors to find it among many
        names; the same for a query in Somali spelling (`veu.names.somali.reading`: XIRSI, Xasan
        Cabdilaahi read as hirsi hasan abdilahi finds Hassan Abdillahi Hirsi) and a Korean name
        (`veu.names.korean.read`: 박정천, bak jeong cheon, read as bak jong jon, finds Pak Jong
        Chon, filed under the same reading), and a name romanised from Belarusian or Ukrainian
        (`veu.names.slavic.readings`: NOVIKAU, Siarhei read as novikov sergei finds Sergey
        Novikov)."""
        read = wade_giles_canonical(query.tokens) or _read_person(query.tokens)
        if read is None:
            return shortlisted
        reading = query.read_as(read)
        found, sounded = self._candidates(reading, min_score, fuzzy=fuzzy)
        seen = set(shortlisted)
        return shortlisted + [n for n in self.shortlist(reading, found, sounded) if n not in seen]

    def _country_conflict(self, countries: frozenset[str], li: int) -> dict[str, Any] | None:
        """The explanation of the country penalty when the query's country conflicts with the
        listing's (the penalty is the feature's weight), or None."""
        if not countries:
            return None
        result = COUNTRY_FEATURE.function(countries, self.keys.countries(li))
        if not result.score:
            return None
        return {"score": 1.0, "weight": COUNTRY_FEATURE.weight, **result.detail}


def _places(ids: Sequence[int] | np.ndarray, named: np.ndarray) -> list[int]:
    """The places in ``ids`` (sorted) of the name ids ``named`` that it has."""
    ids = np.asarray(ids, dtype=np.int64)  # an array already: no copy
    places = np.searchsorted(ids, named)
    inside = places < len(ids)
    places, named = places[inside], named[inside]
    kept: list[int] = places[ids[places] == named].tolist()
    return kept


def _with_and_without(reading: Sequence[str]) -> tuple[list[str], list[str]]:
    """A name's reading (`_read_person`), and the same without its patronymic (the reading
    when it has none, or is nothing else)."""
    return list(reading), [w for w in reading if not is_patronymic(w)] or list(reading)


def _baltic_stems(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """A name in Latvian or Lithuanian spelling's words without their endings (Vladimirs Putins:
    vladimir, putin), which the scorer reads so (`veu.names.baltic`); none for other names."""
    return tuple(s for t in tokens for s in stems(t)) if written_baltic(tokens) else ()


# Particles of Arabic names (`PARTICLES`) and Abd, which a name may write glued to the word after
# them (Alathari, AbuBakr, Abdulrahman), longest first.
_GLUED_PARTICLES = tuple(
    sorted(PARTICLES | {"abd", "abdul", "abdel", "abdal"}, key=lambda p: (-len(p), p))
)
_UNGLUED_MIN = 4  # letters of the word left, at least


def _unglued(query: NormalName) -> tuple[str, ...]:
    """The query's words that begin with a particle glued to them, without it (AbuBakr ALATHARI:
    bakr, athari), for the token door: a name written AL-ATHARI, Abu-Bakr shares no word with
    the query, nor its skeleton (written surname first), and was not found though it scores 1.
    Not for a name written in Chinese (its words are syllables)."""
    if query.han:
        return ()
    out = []
    for token in query.tokens:
        particle = next((p for p in _GLUED_PARTICLES if token.startswith(p)), "")
        if particle and len(token) - len(particle) >= _UNGLUED_MIN:
            out.append(token[len(particle) :])
    return tuple(out)


def _read_person(tokens: tuple[str, ...]) -> tuple[str, ...] | None:
    """A person's name in Somali spelling read the usual way, a Korean name written one way, or
    a name romanised from Belarusian or Ukrainian read as Russian romanisations write it; None
    when none reads it otherwise."""
    return somali_reading(tokens) or korean_read(tokens) or slavic_reading(tokens)


def _settle() -> None:
    """Put every object alive now, an index's strings and arrays among them, out of the cyclic
    garbage collector's sight (`gc.freeze`): its full collections walk every object it tracks,
    about 140 ms beside an index of a million names, and the query that met one waited as long
    (5 of 3,000 queries took 280 to 400 ms; with the index settled, none above 130 ms). Settled
    objects are still freed when nothing refers to them: an index built again and again to
    replace the one before keeps the memory flat."""
    gc.freeze()


def _nearest(text: str, values: list[str], door: GramDoor | None, cutoff: float) -> np.ndarray:
    """Indices of the ``FUZZY_CANDIDATES`` values nearest to ``text`` by edit distance (at
    ``cutoff`` or above), nearest first: all values scanned, or the n-gram door's shortlist."""
    if door is None:
        found = process.extract(
            text, values, scorer=fuzz.ratio, limit=FUZZY_CANDIDATES, score_cutoff=cutoff
        )
        return np.asarray([idx for _, _, idx in found], dtype=np.int64)
    shortlist = door.shortlist(text, GRAM_SHORTLIST)
    if not len(shortlist):
        return np.zeros(0, dtype=np.int64)
    chosen = [values[shortlist[0]]] if len(shortlist) == 1 else _pick(*shortlist.tolist())(values)
    scores = process.cdist([text], chosen, scorer=fuzz.ratio)[0]
    order = np.argsort(-scores, kind="stable")[:FUZZY_CANDIDATES]
    nearest: np.ndarray = shortlist[order[scores[order] >= cutoff]]
    return nearest


def _spelt_by_sound(token: str) -> bool:
    """A word long enough to be compared by its sound (`veu.matching.tokens.phonetic_key`)."""
    return len(token) >= PHONETIC_MIN_LENGTH and token.isalpha()


def _letters(token: str) -> str:
    """A word's letters in order, marked apart from phonetic keys: a word whose letters two
    swapped has the same."""
    return "~" + "".join(sorted(token))


def _latin_keys(tokens: tuple[str, ...]) -> set[str]:
    """The sound keys of a query's words that may be written by sound in Chinese, of three
    sounds or more (shorter keys are shared by too many names to find one)."""
    return {k for t in tokens for k in latin_sound_keys(t) if len(k) >= 3}


def _fits(translations: AbstractSet[str], words: list[str]) -> bool:
    """Whether a name's words use one of ``translations``, or begin with one (`JOINED_MIN`
    letters or more, as the gloss fits them: 侦察, recon, in ReconCraft)."""
    return not translations.isdisjoint(words) or any(
        w.startswith(t) for t in translations if len(t) >= JOINED_MIN for w in words
    )


def _gloss_estimate(english: NormalName, other: tuple[str, ...], skeleton: str) -> float:
    """The estimate of a name written in Chinese beside another, through its gloss ``english``
    (with the translations the other's tokens fit), in order and order-free (中国航空工业,
    Aviation Industry Corporation of China); ``skeleton`` is the other's."""
    return max(
        Indel.normalized_similarity(skeleton, english.skeleton),
        Indel.normalized_similarity("".join(sorted(other)), "".join(sorted(english.tokens))),
    )


def _one_within_other(a: Sequence[str], b: Sequence[str]) -> bool:
    """Every word of ``a`` is in ``b``, or the reverse (`_covered`: an initial counts for a word
    it begins): the names the containment floor may score, whatever their estimates."""
    return _covered(a, set(b)) or _covered(b, set(a))


def _covered(tokens: Sequence[str], words: set[str]) -> bool:
    """Every token is one of ``words``, or an initial that begins one of them."""
    return all(t in words or (is_initial(t) and any(w[0] == t for w in words)) for t in tokens)


def initials_estimate(a: Sequence[str], b: Sequence[str]) -> float:
    """The order-free estimate of two names once each initial of one stands for a word of the
    other that it begins (``k dari`` / ``kvjetkovik dari``): scored as the tokens feature
    scores initials, which the skeletons alone hide."""

    def expand(short: Sequence[str], full: Sequence[str]) -> list[str]:
        pool = [t for t in full if len(t) > 1]
        out = []
        for token in short:
            word = next((w for w in pool if w[0] == token), None) if is_initial(token) else None
            if word is not None:
                pool.remove(word)
            out.append(word or token)
        return out

    left, right = expand(a, b), expand(b, a)
    return Indel.normalized_similarity("".join(sorted(left)), "".join(sorted(right)))
