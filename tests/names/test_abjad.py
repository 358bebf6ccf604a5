"""Names written in Arabic script (`veu.names.abjad`): long vowels written, the article split off,
and words read by the consonants a script without short vowels keeps."""

from __future__ import annotations

import pytest

from veu.names import normalise
from veu.names.abjad import consonants, fitted, in_arabic_script


def test_long_vowels_are_written_and_the_article_split_off() -> None:
    # anyascii alone gave smh bn ldn and ldhwhry
    assert normalise("أسامة بن لادن").tokens == ("asama", "bn", "ladn")
    assert normalise("أيمن الظواهري").tokens == ("aymn", "al", "dhwahry")
    assert normalise("حزب الله").tokens == ("hzb", "allah")


@pytest.mark.parametrize(
    ("latin", "arabic"),
    [("mohammed", "mhmd"), ("muhammad", "mhmd"), ("usama", "asama"), ("laden", "ladn"),
     ("zawahiri", "dhwahry"), ("ayman", "aymn"), ("omar", "mr"), ("qasim", "kasim")],
)  # fmt: skip
def test_a_word_and_its_writing_without_short_vowels_keep_the_same_consonants(
    latin: str, arabic: str
) -> None:
    assert consonants(latin) == consonants(arabic)


def test_words_are_read_as_the_other_names_words_with_their_consonants() -> None:
    tokens, read = fitted(("aymn", "al", "dhwahry"), ("al", "zawahiri", "ayman"))
    assert tokens == ("ayman", "al", "zawahiri")
    assert read == (("aymn", "ayman"), ("dhwahry", "zawahiri"))
    # each word of the other name is taken once; a word of one consonant is not read
    assert fitted(("mhmd", "mhmd", "a"), ("mohammed",)) == (
        ("mohammed", "mhmd", "a"),
        (("mhmd", "mohammed"),),
    )
    assert fitted(("hzb",), ("hassan",)) == (("hzb",), ())


def test_only_names_written_in_arabic_script_alone_are_read_so() -> None:
    assert in_arabic_script(normalise("أسامة بن لادن").scripts)
    assert not in_arabic_script(normalise("Usama bin Laden").scripts)
    assert not in_arabic_script(normalise("Usama أسامة").scripts)
