"""Somali names in Somali's own spelling read in the usual one (`veu.names.somali`, v15)."""

from __future__ import annotations

import pytest

from veu.matching import score_names
from veu.names import normalise
from veu.names.somali import looks_somali, reading

MATCH = 0.85


@pytest.mark.parametrize(
    ("written", "read"),
    [  # as the SDN and UN lists write Al-Shabaab's members
        ("XIRSI, Xasan Cabdilaahi", "hirsi hasan abdilahi"),
        ("CALI, Maxamed", "ali mahamed"),
        ("ROOBOW, Cabdi", "robow abdi"),
        ("GUHAAD, Cumar", "guhad umar"),
        ("SIIDOW, Maxamed", "sidow mahamed"),
        ("Xassaan Xuseen Adan", "hassan husen adan"),
    ],
)
def test_a_somali_spelling_is_read_the_usual_way(written: str, read: str) -> None:
    assert reading(normalise(written).tokens) == tuple(read.split())


@pytest.mark.parametrize(
    "name",
    [
        "MA, Xiaohong",  # pinyin: Xu is not Hu
        "XU, Bin",
        "REXHEPI, Daut",  # Albanian xh
        "BENGOETXEA, Jose Antonio",  # Basque tx
        "GAXIOLA GARCIA, Rigoberto",  # one x word is not enough
        "FELIX FELIX, Victor Manuel",
        "SAAD, Fadi Abbas",  # a doubled vowel alone
        "MAALIM SALMAN",
        "GROMOV, Alexei Alexeyevich",
        "Kim Jong-uun",  # Korean
    ],
)
def test_other_names_with_an_x_or_a_doubled_vowel_are_not_read_so(name: str) -> None:
    assert not looks_somali(normalise(name).tokens)
    assert reading(normalise(name).tokens) is None


def person(a: str, b: str) -> float:
    return score_names(normalise(a), normalise(b), person=True).score


def test_a_persons_name_in_somali_spelling_matches_the_usual_spelling() -> None:
    assert person("XIRSI, Xasan Cabdilaahi", "Hassan Abdillahi Hirsi") >= MATCH
    assert person("CALI, Maxamed", "Mohamed Ali") >= MATCH
    assert person("Maxamed Cali", "Mohamed Abdi") < MATCH  # another name all the same
    assert person("XU, Bin", "HU, Bin") < MATCH
    explanation = score_names(
        normalise("GUHAAD, Cumar"), normalise("Omar Guhad"), person=True
    ).explanation
    assert explanation["somali"] == {"side": "query", "read_as": "guhad umar", "penalty": 0.03}


def test_the_index_finds_a_somali_spelling_either_way() -> None:
    from tests.names.people import person_listing as listing
    from veu.matching import Query, ScreeningIndex

    others = [listing(10 + i, f"Person Number{i} Name") for i in range(50)]
    listed = [listing(1, "CALI, Maxamed"), listing(2, "Hassan Abdillahi Hirsi")]
    index = ScreeningIndex([*listed, *others])

    def found(text: str) -> list[str]:
        return [h.listing.id for h in index.search(Query(name=text), min_score=MATCH)]

    assert found("Mohamed Ali") == ["t:1"]  # the listing in Somali spelling
    assert found("XIRSI, Xasan Cabdilaahi") == ["t:2"]  # the query in Somali spelling
