"""Whole-entity scoring: two FollowTheMoney-style entities (a schema and properties: names and
aliases, identifiers, birth dates, countries, gender, addresses) compared feature by feature.

The names decide (the best pair of names of the two entities, scored by `score_names`); the other
features raise the score (an equal identifier) or lower it (a different birth date, gender,
country or identifier of a kind that is unique), each with a documented weight. The algorithm has
a name and a version, recorded in every result.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel, Levenshtein

from veu.matching.features import (
    Combination,
    Feature,
    FeatureResult,
    containment,
    render_table,
)
from veu.matching.scorer import reading_beside, score_names
from veu.matching.tokens import ARTICLES, JOINING_WORDS, SON_OF, TITLES, phonetic_key
from veu.model.parties import normalise_identifier
from veu.names import NormalName, normalise
from veu.names.abjad import in_arabic_script
from veu.names.acronyms import with_acronyms
from veu.names.gloss import glossed
from veu.names.normalize import given_first
from veu.names.slavic import romanisations_of
from veu.names.wade_giles import wade_giles_syllables

ENTITY_ALGORITHM = "veu-entities"
ENTITY_ALGORITHM_VERSION = "1"

NAME_PROPERTIES = ("name", "alias", "previousName", "weakAlias", "abbreviation", "firstName")
# Identifiers that belong to one entity only: two different values mean two entities.
UNIQUE_IDENTIFIERS = (
    "leiCode", "imoNumber", "swiftBic", "innCode", "ogrnCode", "uscCode", "permId", "isin",
    "mmsi", "cageCode", "uniqueEntityId", "dunsCode",
)  # fmt: skip
# Identifiers a party may hold several of (passports, registrations in several places).
OTHER_IDENTIFIERS = (
    "idNumber", "passportNumber", "registrationNumber", "taxNumber", "vatCode",
    "okpoCode", "ricCode", "bikCode", "npiCode", "callSign", "wikidataId",
)  # fmt: skip
COUNTRY_PROPERTIES = ("country", "nationality", "citizenship", "jurisdiction", "mainCountry")
PERSON_SCHEMAS = frozenset({"Person"})
ORGANISATION_SCHEMAS = frozenset({"Company", "Organization", "LegalEntity", "PublicBody"})
THING_SCHEMAS = frozenset({"Vessel", "Airplane"})
_NOT_PERSONS = ORGANISATION_SCHEMAS - {"LegalEntity"} | THING_SCHEMAS
_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
# Every FollowTheMoney schema and its properties (bench/ftm_schemata.py regenerates the file).
FTM_SCHEMATA: dict[str, frozenset[str]] = {
    name: frozenset(props)
    for name, props in json.loads(
        (resources.files("veu.matching") / "ftm_schemata.json").read_text("utf-8")
    )["schemata"].items()
}


class Entity(BaseModel):
    """A FollowTheMoney entity: ``{"id"?, "schema", "properties": {name: [values]}}``."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    id: str | None = None
    schema_: str = Field(alias="schema", min_length=1, max_length=64)
    properties: dict[str, list[str]] = Field(default_factory=dict)

    @field_validator("properties", mode="before")
    @classmethod
    def _lists(cls, value: Any) -> Any:
        """A single value is read as a list of one; non-string values are refused."""
        if not isinstance(value, dict):
            return value
        out: dict[str, Any] = {}
        for key, values in value.items():
            items = values if isinstance(values, list) else [values]
            out[key] = [v for v in items if not (isinstance(v, str) and not v.strip())]
        return out

    @model_validator(mode="after")
    def _known(self) -> Entity:
        """The schema and every property are FollowTheMoney's: a misspelt property
        (``birthdate``) would otherwise be left out of the score without a word."""
        known = FTM_SCHEMATA.get(self.schema_)
        if known is None:
            raise ValueError(f"{self.schema_!r} is not a FollowTheMoney schema")
        unknown = sorted(set(self.properties) - known)
        if unknown:
            raise ValueError(
                f"{', '.join(map(repr, unknown))}: not a property of {self.schema_} in "
                "FollowTheMoney"
            )
        return self

    def values(self, *props: str) -> list[str]:
        return [v for p in props for v in self.properties.get(p, [])]

    @cached_property
    def normal_names(self) -> list[NormalName]:
        """The entity's names, normalised once (the entity is frozen)."""
        return [n for n in (_normal(x) for x in self.names()) if not n.empty]

    @cached_property
    def name_keys(self) -> tuple[list[str], list[str]]:
        """Each name's skeleton, and its tokens sorted and joined (order-free). A person's name
        written surname first before a comma has its skeleton given names first (`given_first`):
        sorted, PRIGOZHIN, Yevgeniy Viktorovich puts yevgeniy last, and beside Evgeny Prigozhin
        neither key came near (0.42), though the names match."""
        names = self.normal_names
        person = self.schema_ in PERSON_SCHEMAS
        skeletons = ["".join(given_first(n)) if person else n.skeleton for n in names]
        return skeletons, ["".join(sorted(n.tokens)) for n in names]

    @cached_property
    def word_ends(self) -> tuple[frozenset[str], frozenset[str]]:
        """The first and the last two letters of every token of every name: what
        `_contained_pair` looks for of a long word."""
        words = self.token_sets[1]
        return frozenset(t[:2] for t in words), frozenset(t[-2:] for t in words)

    @cached_property
    def word_sounds(self) -> frozenset[str]:
        """The phonetic keys of every token of every name (`phonetic_key`): what
        `_contained_pair` looks for of a short word."""
        return frozenset(phonetic_key(t) for t in self.token_sets[1])

    @cached_property
    def containment_words(self) -> list[tuple[str, ...] | None]:
        """Each name's words that `containment` looks for in another name (not an initial, a
        title, a joining word, bin or al), the longest first; None for a name in Chinese, whose
        characters are looked for, or with fewer than five letters."""
        out: list[tuple[str, ...] | None] = []
        for name in self.normal_names:
            words = [w for w in name.tokens if len(w) > 1 and w not in _PASSED_OVER]
            long_first = tuple(sorted(words, key=len, reverse=True))
            out.append(None if name.han or sum(map(len, words)) < 5 else long_first)
        return out

    @cached_property
    def token_sets(self) -> tuple[list[frozenset[str]], frozenset[str]]:
        """Each name's set of tokens, and every token of every name."""
        sets = [frozenset(n.tokens) for n in self.normal_names]
        return sets, frozenset().union(*sets)

    @cached_property
    def name_positions(self) -> dict[tuple[tuple[str, ...], str], int]:
        """Each distinct normalised name (tokens and Han characters) and where it first is."""
        out: dict[tuple[tuple[str, ...], str], int] = {}
        for k, n in enumerate(self.normal_names):
            out.setdefault((n.tokens, n.han), k)
        return out

    @cached_property
    def han_names(self) -> list[int]:
        """The positions of the names that have Han characters."""
        return [k for k, n in enumerate(self.normal_names) if n.han]

    @cached_property
    def readable_names(self) -> list[int]:
        """The positions of the names in Arabic script, or in Wade-Giles or romanised from
        Belarusian or Ukrainian without Han characters: those
        `veu.matching.scorer.reading_beside` may read another way (a quick sieve)."""
        return [
            k
            for k, n in enumerate(self.normal_names)
            if in_arabic_script(n.scripts)
            or (
                not n.han
                and (wade_giles_syllables(n.tokens) is not None or bool(romanisations_of(n.tokens)))
            )
        ]

    @cached_property
    def dates(self) -> set[tuple[int, int | None, int | None]]:
        """Dates of birth, incorporation or build, as (year, month, day) to the precision given."""
        out = set()
        for value in self.values("birthDate", "incorporationDate", "buildDate"):
            found = _DATE.match(value.strip())
            if found:
                year, month, day = found.groups()
                out.add((int(year), int(month) if month else None, int(day) if day else None))
        return out

    @cached_property
    def countries(self) -> set[str]:
        return {v.strip().lower()[:2] for v in self.values(*COUNTRY_PROPERTIES) if v.strip()}

    @cached_property
    def genders(self) -> set[str]:
        return {v.strip().lower() for v in self.values("gender")} & {"male", "female"}

    @cached_property
    def unique_ids(self) -> dict[str, set[str]]:
        return _identifiers(self, UNIQUE_IDENTIFIERS)

    @cached_property
    def all_ids(self) -> dict[str, set[str]]:
        return _identifiers(self, (*UNIQUE_IDENTIFIERS, *OTHER_IDENTIFIERS))

    def names(self) -> list[str]:
        names = self.values(*NAME_PROPERTIES)
        given = " ".join(self.values("firstName", "middleName"))
        last = " ".join(self.values("lastName"))
        if given and last:
            names.append(f"{given} {last}")
        return with_acronyms(names)  # and a name's own acronym (Khan Research Laboratories, KRL)


@dataclass(frozen=True)
class EntityScore:
    score: float
    explanation: dict[str, Any]

    def as_dict(self, threshold: float) -> dict[str, Any]:
        return {
            "score": round(self.score, 4),
            "match": self.score >= threshold,
            "algorithm": f"{ENTITY_ALGORITHM}/{ENTITY_ALGORITHM_VERSION}",
            "explanation": self.explanation,
        }


@lru_cache(maxsize=100_000)
def _normal(name: str) -> NormalName:
    return normalise(name)


NAME_SHORTLIST = 3  # name pairs scored in full, best estimates first
NAME_GATE = 0.45  # below this estimate no pair of names can reach review: not scored in full
ESTIMATE_SLACK = 0.15  # a full score exceeds its estimate by less than this, in practice


def names(a: Entity, b: Entity) -> FeatureResult:
    """The best-scoring pair of names (names, aliases, previous names, first and last names
    joined), scored by `veu.matching.score_names`. A name both have (once normalised) scores 1
    at once. Otherwise every pair is first estimated in one vectorised pass (skeleton
    similarity, a person's given names first, and token-set ratio, which covers reordered and
    contained names); the best few are scored in full. When no estimate reaches 0.45 no pair
    can reach review, and the best estimate is the score."""
    left, right = a.normal_names, b.normal_names
    if not left or not right:
        return FeatureResult(0.0, {"reason": "an entity has no distinctive name"})
    person = _persons(a, b)
    same = a.name_positions.keys() & b.name_positions.keys()
    if same:  # a name both have, once normalised: it scores 1, nothing scores more
        i = min(a.name_positions[key] for key in same)
        j = b.name_positions[(left[i].tokens, left[i].han)]
        explanation = score_names(left[i], right[j], person=person).explanation
        return FeatureResult(
            1.0, {"left": left[i].original, "right": right[j].original, "features": explanation}
        )
    order = _estimates(a, b)
    top = order[0][0]
    if top < NAME_GATE:
        _, i, j = order[0]
        return FeatureResult(
            top,
            {
                "left": left[i].original,
                "right": right[j].original,
                "estimate": round(top, 4),
                "reason": "no pair of names comes near: estimated, not scored in full",
            },
        )
    best: tuple[float, NormalName, NormalName] | None = None
    for estimate, i, j in order[:NAME_SHORTLIST]:
        if best is not None and (best[0] >= 1.0 or estimate + ESTIMATE_SLACK < best[0]):
            break  # estimates are within the slack of full scores: this pair cannot win
        score = score_names(left[i], right[j], explain=False, person=person).score
        if best is None or score > best[0]:
            best = (score, left[i], right[j])
    assert best is not None
    score, x, y = best
    explanation = score_names(x, y, person=person).explanation
    return FeatureResult(score, {"left": x.original, "right": y.original, "features": explanation})


def _contained_pair(a: Entity, b: Entity) -> tuple[int, int] | None:
    """The first pair of names of which one contains the other word for near word
    (`veu.matching.features.containment`: NATONAL LANDS in NATIONAL COMMITTEE FOR THE LIBERATION
    AND PROTECTION OF ALBANIAN LANDS), which scores at the review level: the estimates compare
    letters and whole words, and miss it when a word is misspelt. Only the names each of whose
    words may be near a word of the other entity are looked at (`Entity.containment_words`,
    the longest first): the same word; a word of six letters or more one edit from another,
    which keeps its first or its last two letters, or of fourteen or more (two edits); a
    shorter word of the same sound."""
    for (this, other), flip in (((a, b), False), ((b, a), True)):
        vocabulary, (heads, tails) = other.token_sets[1], other.word_ends
        theirs = other.normal_names
        for i, checked in enumerate(this.containment_words):
            if checked is None:
                continue
            for word in checked:
                if word in vocabulary or len(word) >= 14:
                    continue
                if len(word) >= 6:
                    if word[:2] in heads or word[-2:] in tails:
                        continue
                elif phonetic_key(word) in other.word_sounds:
                    continue
                break
            else:
                x = this.normal_names[i]
                for j, y in enumerate(theirs):
                    if len(x.tokens) < len(y.tokens) and containment(x, y).score:
                        return (j, i) if flip else (i, j)
    return None


_PASSED_OVER = TITLES | JOINING_WORDS | SON_OF | ARTICLES


def _persons(a: Entity, b: Entity) -> bool:
    """Whether two entities' names are a person's (one is a Person, neither an organisation nor
    a thing: a LegalEntity may be either), whose middle names one may leave out."""
    schemas = {a.schema_, b.schema_}
    return bool(schemas & PERSON_SCHEMAS) and not (schemas & _NOT_PERSONS)


def _gloss_estimates(
    matrix: np.ndarray, names: list[NormalName], others: list[NormalName], chinese: Sequence[int]
) -> None:
    """Raise the estimates of each name written in Chinese (rows ``chinese``) beside a name that
    is not to the similarity of its English gloss's skeleton with the other's (`glossed`)."""
    for i in chinese:
        for j, other in enumerate(others):
            if other.han:
                continue
            english = glossed(names[i].original, other.tokens)
            if english is not None:
                through = Indel.normalized_similarity(english.skeleton, other.skeleton)
                matrix[i, j] = max(matrix[i, j], through)


def _reading_estimates(
    matrix: np.ndarray, names: list[NormalName], others: list[NormalName], readable: list[int]
) -> None:
    """Raise the estimates of each name in Arabic script, in Wade-Giles or romanised from
    Belarusian or Ukrainian beside a name in Latin letters without Han characters to the
    similarity of the other's skeleton, or its words sorted, with the reading the scorer gives it
    (`veu.matching.scorer.reading_beside`): without it, such a pair could be estimated below the
    gate, or below pairs that score less. ``readable``: the positions of the names it may read
    (`Entity.readable_names`)."""
    for i in readable:
        name = names[i]
        for j, other in enumerate(others):
            tokens = reading_beside(name, other)
            if tokens is None:
                continue
            through = max(
                Indel.normalized_similarity("".join(tokens), other.skeleton),
                Indel.normalized_similarity("".join(sorted(tokens)), "".join(sorted(other.tokens))),
            )  # and order-free: a reading of NOVIKAU, Siarhei beside Sergey Novikov
            matrix[i, j] = max(matrix[i, j], through)


def _estimates(a: Entity, b: Entity) -> list[tuple[float, int, int]]:
    """A quick estimate of every pair of names' score, best first (only the best
    ``NAME_SHORTLIST``): the larger of the skeletons' similarity (`Entity.name_keys`: a
    person's given names first) and the similarity of their sorted tokens (reordered names),
    computed in C by rapidfuzz; a name whose words all appear in the other is estimated at least
    at the containment floor, and so is, when every estimate is under the gate, the first pair
    of which one holds the other's words with one misspelt (`_contained_pair`); Han names by
    their characters too, and beside a name not written in Chinese, by their English gloss."""
    (skel_l, sorted_l), (skel_r, sorted_r) = a.name_keys, b.name_keys
    matrix = process.cdist(skel_l, skel_r, scorer=Indel.normalized_similarity)
    np.maximum(
        matrix, process.cdist(sorted_l, sorted_r, scorer=Indel.normalized_similarity), out=matrix
    )
    left, right = a.normal_names, b.normal_names
    (sets_l, vocab_l), (sets_r, vocab_r) = a.token_sets, b.token_sets
    contained = [
        (i, j)
        for i, words in enumerate(sets_l)
        if words and words <= vocab_r
        for j, other in enumerate(sets_r)
        if words <= other
    ]
    contained += [
        (i, j)
        for j, words in enumerate(sets_r)
        if words and words <= vocab_l
        for i, other in enumerate(sets_l)
        if words <= other
    ]
    if contained:
        rows, columns = zip(*contained, strict=True)
        matrix[rows, columns] = np.maximum(matrix[rows, columns], CONTAINED)
    for i in a.han_names:
        for j in b.han_names:
            han = Levenshtein.normalized_similarity(left[i].han, right[j].han)
            matrix[i, j] = max(matrix[i, j], han)
    _gloss_estimates(matrix, left, right, a.han_names)
    _gloss_estimates(matrix.T, right, left, b.han_names)
    _reading_estimates(matrix, left, right, a.readable_names)
    _reading_estimates(matrix.T, right, left, b.readable_names)
    flat = matrix.ravel()
    if len(flat) > 256:
        part = np.argpartition(-flat, NAME_SHORTLIST)[:NAME_SHORTLIST]
        best = part[np.argsort(-flat[part], kind="stable")].tolist()
    else:  # few pairs: quicker in Python than through numpy (a stable sort: ties in order)
        values = flat.tolist()
        best = sorted(range(len(values)), key=values.__getitem__, reverse=True)[:NAME_SHORTLIST]
    width = matrix.shape[1]
    order = [(float(flat[k]), k // width, k % width) for k in best]
    if order[0][0] < NAME_GATE and (pair := _contained_pair(a, b)) is not None:
        # a contained word misspelt, under the gate letter by letter: at the containment floor
        order = [(CONTAINED, *pair), *(o for o in order if o[1:] != pair)][:NAME_SHORTLIST]
    return order


CONTAINED = 0.75


def _identifiers(entity: Entity, props: Iterable[str]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for prop in props:
        if prop not in entity.properties:
            continue
        values = {normalise_identifier(v) for v in entity.properties[prop]}
        values.discard("")
        if values:
            out[prop] = values
    return out


def identifier_match(a: Entity, b: Entity) -> FeatureResult:
    """An identifier of the same kind with the same value (case, spaces and dashes ignored):
    LEI, IMO, SWIFT/BIC, INN, OGRN, CAGE, UEI, passport, registration or tax number, ... Names
    may differ between sources; an equal identifier is strong evidence of one entity."""
    left, right = a.all_ids, b.all_ids
    if not left or not right:
        return FeatureResult(0.0, {})
    # Generic identifiers (idNumber) may hold any kind: compare all values too.
    every_l = {v for vs in left.values() for v in vs if len(v) >= 5}
    every_r = {v for vs in right.values() for v in vs if len(v) >= 5}
    same = {p: sorted(left[p] & right[p]) for p in left.keys() & right.keys() if left[p] & right[p]}
    shared = sorted(every_l & every_r)
    if same or shared:
        return FeatureResult(1.0, {"same": same or {"any": shared}})
    return FeatureResult(0.0, {})


def identifier_conflict(a: Entity, b: Entity) -> FeatureResult:
    """Both entities have an identifier of a kind only one entity can hold (LEI, IMO, SWIFT/BIC,
    INN, CAGE, UEI, ...) and the values differ: usually two entities."""
    left, right = a.unique_ids, b.unique_ids
    if not left or not right:
        return FeatureResult(0.0, {})
    conflicts = {
        p: {"left": sorted(left[p]), "right": sorted(right[p])}
        for p in left.keys() & right.keys()
        if not left[p] & right[p]
    }
    if conflicts and not identifier_match(a, b).score:
        return FeatureResult(1.0, {"differ": conflicts})
    return FeatureResult(0.0, {})


def _compatible(
    x: tuple[int, int | None, int | None], y: tuple[int, int | None, int | None]
) -> bool:
    """Equal to the precision both give (``1952`` is compatible with ``1952-10-07``)."""
    return all(p is None or q is None or p == q for p, q in zip(x, y, strict=True))


def date_conflict(a: Entity, b: Entity) -> FeatureResult:
    """Both give dates of birth (or incorporation, or build) and none of one side agrees with any
    of the other, to the precision both give: a different year counts in full, the same year with
    a different month or day for half (a transcription slip is possible)."""
    left, right = a.dates, b.dates
    if not left or not right:
        return FeatureResult(0.0, {})
    if any(_compatible(x, y) for x in left for y in right):
        return FeatureResult(0.0, {"agree": True})
    same_year = {x[0] for x in left} & {y[0] for y in right}
    detail = {
        "left": sorted(_show(d) for d in left),
        "right": sorted(_show(d) for d in right),
    }
    return FeatureResult(0.5 if same_year else 1.0, detail)


def _show(date: tuple[int, int | None, int | None]) -> str:
    year, month, day = date
    return "-".join([f"{year:04d}", *(f"{p:02d}" for p in (month, day) if p is not None)])


def country_conflict(a: Entity, b: Entity) -> FeatureResult:
    """Both name countries (country, nationality, citizenship, jurisdiction) and share none.
    People move and companies have subsidiaries abroad, so this lowers the score a little."""
    left, right = a.countries, b.countries
    if left and right and not left & right:
        return FeatureResult(1.0, {"left": sorted(left), "right": sorted(right)})
    return FeatureResult(0.0, {})


def gender_conflict(a: Entity, b: Entity) -> FeatureResult:
    """Both give a gender and they differ."""
    left, right = a.genders, b.genders
    if left and right and not left & right:
        return FeatureResult(1.0, {"left": sorted(left), "right": sorted(right)})
    return FeatureResult(0.0, {})


def schema_conflict(a: Entity, b: Entity) -> FeatureResult:
    """A person and an organisation (or a vessel) are never the same entity, whatever their
    names: the score is capped at 0."""
    kinds = []
    for entity in (a, b):
        schema = entity.schema_
        kinds.append(
            "person"
            if schema in PERSON_SCHEMAS
            else "thing"
            if schema in THING_SCHEMAS
            else "organisation"
            if schema in ORGANISATION_SCHEMAS
            else None
        )
    if kinds[0] and kinds[1] and kinds[0] != kinds[1]:
        return FeatureResult(1.0, {"left": a.schema_, "right": b.schema_})
    return FeatureResult(0.0, {})


def addresses(a: Entity, b: Entity) -> FeatureResult:
    """The most similar pair of addresses (token-set ratio), reported for the person who looks;
    addresses are written too variously to decide (weight 0)."""
    left, right = a.values("address"), b.values("address")
    if not left or not right:
        return FeatureResult(0.0, {})
    best = max(
        (fuzz.token_set_ratio(x.lower(), y.lower()) / 100, x, y) for x in left for y in right
    )
    return FeatureResult(0.0, {"similarity": round(best[0], 3), "left": best[1], "right": best[2]})


ENTITY_FEATURES: tuple[Feature, ...] = (
    Feature("names", "evidence", 1.0, names),
    Feature("identifier_match", "floor", 0.95, identifier_match),
    Feature("identifier_conflict", "penalty", 0.3, identifier_conflict),
    Feature("date_conflict", "penalty", 0.25, date_conflict),
    Feature("gender_conflict", "penalty", 0.3, gender_conflict),
    Feature("country_conflict", "penalty", 0.05, country_conflict),
    Feature("schema_conflict", "cap", 0.0, schema_conflict),
    Feature("addresses", "info", 0.0, addresses),
)


def score_entities(a: Entity, b: Entity) -> EntityScore:
    """Score two entities in 0..1 and say, feature by feature, why."""
    combined = Combination()
    explanation: dict[str, Any] = {}
    for feature in ENTITY_FEATURES:
        result = feature.function(a, b)
        combined.add(feature, result)
        if feature.kind == "evidence" or result.score or result.detail:
            explanation[feature.name] = feature.explained(result)
    return EntityScore(combined.score, explanation)


def render_entity_docs() -> str:
    return render_table(ENTITY_FEATURES)
