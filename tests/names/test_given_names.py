"""Given names read as the same name in another language or as its nickname, for a person to
look (veu-names/12)."""

from __future__ import annotations

import pytest

from veu.matching import score_names
from veu.matching.scorer import GIVEN_NAME_CAP, GIVEN_NAME_PENALTY
from veu.names import normalise
from veu.names.given_names import (
    COGNATE,
    NICKNAME,
    SPELLING,
    lines,
    read_given_names,
    related,
)
from veu.names.nicknames import related as nicknames


def test_nicknames_and_formal_names_are_related_both_ways() -> None:
    assert {"ted", "theo"} <= nicknames()["theodore"]
    assert "theodore" in nicknames()["ted"]
    assert "edward" in nicknames()["ted"]
    assert "william" in nicknames()["bill"]
    assert all(name.isalpha() for names in nicknames().values() for name in names)


def test_a_name_is_related_to_its_line_and_its_nicknames() -> None:
    table = related()
    assert table["peter"]["pyotr"] == COGNATE
    assert table["pyotr"]["petr"] == SPELLING  # two romanisations of Пётр
    assert table["pyotr"]["piotr"] == COGNATE  # Polish
    assert table["yevgeniy"]["eugene"] == COGNATE
    assert table["ted"]["theodore"] == NICKNAME
    assert table["theodore"]["fyodor"] == COGNATE
    # Jacques is James and Jacob; James is not Jacob
    assert "james" in table["jacques"]
    assert "jacob" in table["jacques"]
    assert "jacob" not in table["james"]
    assert "paul" not in table["peter"]


def test_the_table_is_written_once() -> None:
    """Every line a name of its own, each word written once on it, lower-case letters only."""
    names = [line.replace("/", " ").split() for line in lines()]
    assert len(names) == 93
    assert all(len(set(line)) == len(line) >= 2 for line in names)
    assert all(word.isalpha() and word.islower() and word.isascii() for w in names for word in w)
    heads = [line[0] for line in names]
    assert len(set(heads)) == len(heads)


def test_a_word_is_read_as_the_related_word_the_other_name_has() -> None:
    assert read_given_names(("ted", "doe"), ("theodore", "doe")) == (
        ("theodore", "doe"),
        [("ted", "theodore", NICKNAME)],
    )
    assert read_given_names(("peter", "aven"), ("pyotr", "olegovich", "aven")) == (
        ("pyotr", "aven"),
        [("peter", "pyotr", COGNATE)],
    )
    assert read_given_names(("ted", "doe"), ("ted", "doe")) is None  # nothing to read
    assert read_given_names(("ted", "doe"), ("john", "doe")) is None
    # a word of the other is read for one word only
    assert read_given_names(("bill", "will", "smith"), ("william", "smith")) == (
        ("william", "will", "smith"),
        [("bill", "william", NICKNAME)],
    )


@pytest.mark.parametrize(
    ("left", "right"),
    [("Ted Doe", "Theodore Doe"), ("Mike Gallagher", "Michael Gallagher"),
     ("Ben Netanyahu", "Benjamin Netanyahu"), ("Bob Jones", "Robert Jones"),
     ("Peter Aven", "Pyotr Aven"), ("Eugene Prigozhin", "Yevgeniy Prigozhin"),
     ("Paul Smith", "Pablo Smith"), ("John Doe", "Juan Doe"), ("George Lopez", "Jorge Lopez")],
)  # fmt: skip
def test_a_related_given_name_is_held_for_review(left: str, right: str) -> None:
    for a, b in ((left, right), (right, left)):
        result = score_names(normalise(a), normalise(b))
        assert result.score == pytest.approx(GIVEN_NAME_CAP)
        shown = result.explanation["given_names"]
        assert shown["penalty"] == GIVEN_NAME_PENALTY
        assert shown["cap"] == GIVEN_NAME_CAP


def test_another_spelling_of_a_given_name_may_match() -> None:
    """Pyotr and Petr write one Russian name (Пётр): read as the other, 0.02 lower, no cap."""
    result = score_names(normalise("Pyotr Aven"), normalise("Petr Olegovich AVEN"))
    direct = score_names(normalise("Petr Aven"), normalise("Petr Olegovich AVEN"))
    assert result.score == pytest.approx(direct.score - GIVEN_NAME_PENALTY)
    assert result.score >= 0.85
    assert result.explanation["given_names"]["relations"] == {"pyotr": SPELLING}
    assert "cap" not in result.explanation["given_names"]
    # a spelling and a nickname read together: held for review
    mixed = score_names(normalise("Pyotr Ted Aven"), normalise("Petr Theodore Aven"))
    assert mixed.score == pytest.approx(GIVEN_NAME_CAP)


def test_the_explanation_says_how_the_names_are_related() -> None:
    shown = score_names(normalise("Peter Aven"), normalise("Pyotr Olegovich AVEN")).explanation
    assert shown["given_names"]["words"] == {"peter": "pyotr"}
    assert shown["given_names"]["relations"] == {"peter": COGNATE}


def test_related_given_names_do_not_lift_names_that_are_otherwise_apart() -> None:
    """Ted Doe and Theodore Smith: the reading changes the given name only."""
    assert score_names(normalise("Ted Doe"), normalise("Theodore Smith")).score < 0.7
    assert score_names(normalise("Peter Aven"), normalise("Pedro Alvarez")).score < 0.7
    for a, b in (("Tom Cook", "Tim Cook"), ("Peter Smith", "Paul Smith")):
        assert "given_names" not in score_names(normalise(a), normalise(b)).explanation
