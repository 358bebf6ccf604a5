"""Given names and their nicknames, read for a person to look (veu-names/11)."""

from __future__ import annotations

import pytest

from veu.matching import score_names
from veu.matching.scorer import NICKNAME_CAP, NICKNAME_PENALTY
from veu.names import normalise
from veu.names.nicknames import nicknamed, related


def test_nicknames_and_formal_names_are_related_both_ways() -> None:
    assert {"ted", "theo"} <= related()["theodore"]
    assert "theodore" in related()["ted"]
    assert "edward" in related()["ted"]
    assert "william" in related()["bill"]
    assert all(name.isalpha() for names in related().values() for name in names)


def test_a_word_is_read_as_the_related_word_the_other_name_has() -> None:
    assert nicknamed(("ted", "doe"), ("theodore", "doe")) == (
        ("theodore", "doe"),
        [("ted", "theodore")],
    )
    assert nicknamed(("theodore", "doe"), ("ted", "doe")) == (("ted", "doe"), [("theodore", "ted")])
    assert nicknamed(("ted", "doe"), ("ted", "doe")) is None  # the same word: nothing to read
    assert nicknamed(("ted", "doe"), ("john", "doe")) is None
    # a word of the other is read for one word only
    assert nicknamed(("bill", "will", "smith"), ("william", "smith")) == (
        ("william", "will", "smith"),
        [("bill", "william")],
    )


@pytest.mark.parametrize(
    ("left", "right"),
    [("Ted Doe", "Theodore Doe"), ("Mike Gallagher", "Michael Gallagher"),
     ("Ben Netanyahu", "Benjamin Netanyahu"), ("Bob Jones", "Robert Jones")],
)  # fmt: skip
def test_a_nickname_beside_its_formal_name_is_held_for_review(left: str, right: str) -> None:
    for a, b in ((left, right), (right, left)):
        result = score_names(normalise(a), normalise(b))
        assert result.score == pytest.approx(NICKNAME_CAP)
        shown = result.explanation["nicknames"]
        assert shown["penalty"] == NICKNAME_PENALTY
        assert shown["cap"] == NICKNAME_CAP


def test_nicknames_do_not_lift_names_that_are_otherwise_apart() -> None:
    """Ted Doe and Theodore Smith: the reading changes the given name only."""
    assert score_names(normalise("Ted Doe"), normalise("Theodore Smith")).score < 0.7
    assert "nicknames" not in score_names(normalise("Tom Cook"), normalise("Tim Cook")).explanation
