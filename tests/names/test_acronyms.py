"""A name's own acronym in parentheses (`veu.names.acronyms`), screened as a name of the party."""

from __future__ import annotations

import pytest

from veu.matching import Entity, Query, ScreeningIndex, score_entities
from veu.model import Listing, Name
from veu.names.acronyms import own_acronym

MATCH, REVIEW = 0.85, 0.70


@pytest.mark.parametrize(
    ("name", "acronym"),
    [
        ("Khan Research Laboratories (KRL)", "KRL"),
        ("ISLAMIC REVOLUTIONARY GUARD CORPS (IRGC)", "IRGC"),
        ("China Academy of Engineering Physics (CAEP)", "CAEP"),  # "of" skipped
        ("AVIC Flight Automatic Control Research Institute (FACRI)", "FACRI"),  # the group's
        ("Aviation Industry Corporation of China (AVIC)", "AVIC"),  # more than an initial
        ("China North Industries Corporation (NORINCO)", "NORINCO"),
        ("Advanced Targeting Systems Company, LLC (ATS)", "ATS"),
    ],
)
def test_an_acronym_spelt_by_the_names_words_is_read(name: str, acronym: str) -> None:
    assert own_acronym(name) == acronym


@pytest.mark.parametrize(
    "name",
    [
        "ABAR PETROLEUM SERVICE SAL (OFFSHORE)",  # a word, not the name's acronym
        "ASIA ENERGY GENERAL TRADING (LLC)",  # a legal form
        "China Electronics (CHINA)",  # one word of the name is not an acronym
        "Huawei Technologies (HT)",  # two letters stand for too many names
        "Khan Research Laboratories (KRL) Pakistan",  # not at the end
        "Khan Research Laboratories",
        "ATLAS OCEAN AND PETROCHEMICAL (AOPC)",  # no word for its C
    ],
)
def test_other_parentheses_are_not(name: str) -> None:
    assert own_acronym(name) is None


def listing(i: int, *names: str) -> Listing:
    return Listing(
        id=f"t:{i}", list_id="t", party_id=f"t:{i}", names=tuple(Name(value=n) for n in names)
    )


def test_screening_the_acronym_finds_the_party() -> None:
    index = ScreeningIndex(
        [
            listing(1, "Khan Research Laboratories (KRL)"),
            listing(2, "China Academy of Engineering Physics (CAEP)"),
            listing(3, "ABAR PETROLEUM SERVICE SAL (OFFSHORE)"),
        ]
    )
    hits = index.search(Query(name="KRL"), min_score=MATCH)
    assert [(h.listing.id, h.matched_name) for h in hits] == [("t:1", "KRL")]
    assert [h.listing.id for h in index.search(Query(name="CAEP"), min_score=MATCH)] == ["t:2"]
    # the full name still matches as written, and a word in parentheses is no name of its own
    assert index.search(Query(name="Khan Research Laboratories"), min_score=MATCH)
    assert not index.search(Query(name="Offshore"), min_score=MATCH)


def test_entities_are_scored_with_their_acronyms() -> None:
    def company(name: str) -> Entity:
        return Entity.model_validate({"schema": "Company", "properties": {"name": [name]}})

    listed = company("Khan Research Laboratories (KRL)")
    assert score_entities(listed, company("KRL")).score >= MATCH
    assert score_entities(listed, company("KRT")).score < REVIEW


def test_a_name_of_many_words_beginning_alike_is_read_at_once() -> None:
    # Every way of spelling the acronym from 24 words beginning with A was tried one by one.
    assert own_acronym(" ".join(["Alpha"] * 24) + " (AAAAAAAAAAAZ)") is None
    assert own_acronym(" ".join(["Alpha"] * 24) + " (AAAAAAAAAAAA)") == "AAAAAAAAAAAA"
