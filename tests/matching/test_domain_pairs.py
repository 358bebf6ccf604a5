"""The domain suite (tests/cases/pairs/domain.yaml): every pair right at the policy pack's
match threshold, scored as names, as whole entities, and found by the screening index (so that
candidate generation is never why a true match is missed)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import pytest
import yaml
from pydantic import BaseModel, ConfigDict, Field

from veu.matching import Entity, Query, ScreeningIndex, score_entities, score_names
from veu.model import Listing, Name, PartyKind
from veu.names import normalise
from veu.services.policies import DEFAULT_PACK, all_packs

SUITE = Path(__file__).parent.parent / "cases" / "pairs" / "domain.yaml"
MATCH = max(p for p in all_packs() if p.pack == DEFAULT_PACK).thresholds.match
GROUPS = {
    "generic_words", "numbered_units", "abbreviations", "word_order", "han_pinyin",
    "legal_form_only", "persons", "typos", "look_alike", "titles", "legal_forms", "countries",
    "lineage", "han_english", "han_characters", "han_sound", "romanisation", "russian",
    "given_names", "transliteration", "middle_names", "japanese",
}  # fmt: skip


class Pair(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    group: str
    schema_: Literal["Person", "Company"] = Field("Company", alias="schema")
    left: str
    right: str
    match: bool


class Suite(BaseModel):
    model_config = ConfigDict(extra="forbid")

    pairs: list[Pair]


PAIRS = Suite.model_validate(yaml.safe_load(SUITE.read_text("utf-8"))).pairs


def test_the_suite_is_large_and_covers_every_kind() -> None:
    assert len(PAIRS) >= 150
    assert {p.group for p in PAIRS} == GROUPS
    assert sum(p.match for p in PAIRS) >= 60
    assert sum(not p.match for p in PAIRS) >= 60
    assert len({(p.left, p.right) for p in PAIRS}) == len(PAIRS)


@pytest.mark.parametrize("pair", PAIRS, ids=[f"{p.group}:{p.left}|{p.right}" for p in PAIRS])
def test_every_pair_is_right_at_the_match_threshold(pair: Pair) -> None:
    person = pair.schema_ == "Person"  # as a listed person's names are scored
    names = score_names(normalise(pair.left), normalise(pair.right), person=person).score
    assert (names >= MATCH) == pair.match, names
    left = Entity.model_validate({"schema": pair.schema_, "properties": {"name": [pair.left]}})
    right = Entity.model_validate({"schema": pair.schema_, "properties": {"name": [pair.right]}})
    assert (score_entities(left, right).score >= MATCH) == pair.match


def test_the_index_finds_every_true_match() -> None:
    listings = [
        Listing(
            id=f"suite:{i}",
            list_id="suite",
            party_id=f"suite:{i}",
            kind=PartyKind.person if p.schema_ == "Person" else PartyKind.company,
            names=(Name(value=p.right),),
        )
        for i, p in enumerate(PAIRS)
    ]
    index = ScreeningIndex(listings)
    for i, pair in enumerate(PAIRS):
        if not pair.match or normalise(pair.left).empty:
            continue
        hits = index.search(Query(name=pair.left), limit=10, min_score=MATCH)
        assert f"suite:{i}" in [h.listing.id for h in hits], pair


def test_the_ngram_door_finds_what_the_scan_finds(monkeypatch: pytest.MonkeyPatch) -> None:
    """Above GRAM_SCAN_LIMIT the n-gram door replaces the scan: forced here on the suite."""
    from veu.matching import index as module

    monkeypatch.setattr(module, "GRAM_SCAN_LIMIT", 0)
    test_the_index_finds_every_true_match()
