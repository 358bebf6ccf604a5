from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import OSA

from veu.names.numbers import MISSPELT_MIN, PHRASE_WORDS, Misspellings

TABLE = sorted(w for w in PHRASE_WORDS if len(w) >= MISSPELT_MIN)
SPELLINGS = Misspellings(TABLE)


def _brute_force(word: str) -> set[str]:
    if len(word) < MISSPELT_MIN or not word.isalpha():
        return set()
    return {k for k in TABLE if OSA.distance(word, k) <= 1}


def _one_edit(rng: random.Random, word: str) -> str:
    i = rng.randrange(len(word))
    letter = rng.choice("abcdefghijklmnopqrstuvwxyz")
    kind = rng.randrange(4)
    if kind == 0:
        return word[:i] + word[i + 1 :]
    if kind == 1:
        return word[:i] + letter + word[i:]
    if kind == 2:
        return word[:i] + letter + word[i + 1 :]
    i = min(i, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def test_every_one_edit_misspelling_of_a_table_word_is_found() -> None:
    """Each edit at each place, the first three letters and the last three among them: the
    quick test of a word's first and last letters never turns a misspelling away."""
    rng = random.Random(7)
    for word in TABLE:
        for _ in range(40):
            written = _one_edit(rng, word)
            assert SPELLINGS.of(written) == _brute_force(written), (word, written)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcdeinorst", min_size=0, max_size=14))
def test_the_words_found_are_those_one_edit_away(word: str) -> None:
    assert SPELLINGS.of(word) == _brute_force(word)
