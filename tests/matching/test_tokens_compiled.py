"""The C token comparison (`veu.matching._tokens`) gives what the Python gives, bit for bit, on
the names of the bundled lists and on words changed as typing and transliteration change them."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator

import pytest

from tests.compiled import required
from tests.golden_world import bundled
from veu.matching import tokens
from veu.names import normalise

CHANGES = "abcdefghijklmnopqrstuvwxyz0123456789"
SOUNDS = "aeiouykhqcszxjw"  # letters the phonetic rewrites act on


@pytest.fixture(scope="module")
def compiled() -> object:
    return required(tokens._compiled, "veu.matching._tokens")


@pytest.fixture(scope="module")
def names() -> list[tuple[str, ...]]:
    listings, _ = bundled()
    found = {normalise(n.value).tokens for x in listings for n in x.names}
    return sorted(n for n in found if n)


def _changed(rng: random.Random, word: str) -> str:
    """``word`` with up to three edits: letters put in, taken out, swapped or replaced."""
    letters = list(word)
    for _ in range(rng.randint(0, 3)):
        at = rng.randrange(len(letters) + 1)
        kind = rng.randrange(4)
        if kind == 0:
            letters.insert(at, rng.choice(CHANGES))
        elif kind == 1 and len(letters) > 1:
            del letters[min(at, len(letters) - 1)]
        elif kind == 2 and 0 < at < len(letters) - 1:
            letters[at], letters[at + 1] = letters[at + 1], letters[at]
        elif letters:
            letters[min(at, len(letters) - 1)] = rng.choice(SOUNDS)
    return "".join(letters) or "a"


def test_similarity_in_c_is_similarity_in_python(compiled: object, names: list) -> None:
    rng = random.Random(3)
    words = sorted({t for n in names for t in n})
    pairs = [(rng.choice(words), rng.choice(words)) for _ in range(20_000)]
    pairs += [(w, _changed(rng, w)) for w in rng.choices(words, k=40_000)]
    pairs += [("bin", "ibn"), ("ben", "bn"), ("7", "7"), ("j", "joachim"), ("x", "ks")]
    pairs += [("hussein", "husayn"), ("aleksandr", "alexander"), ("avic", "avec")]
    pairs += [("ol", "al"), ("el", "ul"), ("ol", "bin"), ("djamel", "jamal"), ("djibril", "jibril")]
    pairs += [("mykolaivna", "nikolaevna"), ("eghtesad", "eqtesad"), ("echegaray", "echeverria")]
    pairs += [("csrc", "cssrc"), ("nioc", "nioec"), ("bcdfg", "bcdffg")]
    differ = [
        (a, b, c, p)
        for a, b in pairs
        if (c := tokens._compiled.similarity(a, b)) != (p := tokens.token_similarity_python(a, b))
    ]
    assert differ == []
    assert tokens._compiled.similarity("hussein", "husayn") == tokens.PHONETIC_SIMILARITY


Changer = Callable[[random.Random, tuple[str, ...], list], tuple[str, ...]]


def _name_pairs(seed: int, names: list, changed: Changer) -> Iterator[tuple[tuple, tuple]]:
    """20,000 pairs of a bundled name and, half the time, another, else itself ``changed``."""
    rng = random.Random(seed)
    for _ in range(20_000):
        a = rng.choice(names)
        yield a, rng.choice(names) if rng.random() < 0.5 else changed(rng, a, names)


def _misspelt(rng: random.Random, a: tuple[str, ...], names: list) -> tuple[str, ...]:
    """The name with typing errors, a word left out, in another order."""
    b = tuple(_changed(rng, t) for t in a if rng.random() < 0.9) or a
    return tuple(rng.sample(b, len(b)))


def _lengthened(rng: random.Random, a: tuple[str, ...], names: list) -> tuple[str, ...]:
    """The name with typing errors, another name's words more, in another order, sometimes a
    word as its initial."""
    b = tuple(_changed(rng, t) if rng.random() < 0.3 else t for t in a)
    b = tuple(rng.sample((*b, *rng.choice(names)), len(b) + 1))
    return (b[0][0], *b[1:]) if rng.random() < 0.2 else b


def test_align_in_c_is_align_in_python(compiled: object, names: list) -> None:
    differ = []
    for a, b in _name_pairs(5, names, _misspelt):
        fast, slow = tokens._compiled.align(a, b), tokens.align_python(a, b)
        if fast != slow or repr(fast) != repr(slow):  # the same floats, to the last bit
            differ.append((a, b, fast, slow))
    assert differ == []


def test_words_c_does_not_read_are_left_to_python(compiled: object) -> None:
    """Tokens are ASCII once normalised; given anything else the C declines and Python decides."""
    assert tokens._compiled.similarity("müller", "muller") is None
    assert tokens._compiled.align(("müller",), ("muller",)) is None
    assert tokens._compiled.align(("",), ("a",)) is None
    assert tokens.align(("müller", "hans"), ("muller", "hans")) == tokens.align_python(
        ("müller", "hans"), ("muller", "hans")
    )
    with pytest.raises(TypeError, match="tuple"):
        tokens._compiled.align(["a"], ("a",))


def test_titles_and_patronymics_count_alike(compiled: object) -> None:
    """The word lists reach the C from `veu.matching.tokens`: a title and a patronymic only one
    name has cost a quarter of their width in both."""
    for a, b in [
        (("president", "barack", "obama"), ("barack", "obama")),
        (("sergey", "viktorovich", "lavrov"), ("sergey", "lavrov")),
        (("mrs", "international"), ("international",)),
    ]:
        assert tokens._compiled.align(a, b) == tokens.align_python(a, b)
    assert tokens.align(("sergey", "viktorovich", "lavrov"), ("sergey", "lavrov"))[0] > 0.85


def test_a_joining_word_that_begins_a_name_counts_in_full_in_both(compiled: object) -> None:
    """A joining word counts for a quarter of its width only after another word of its name
    (v26): one that begins a name (D.E.S. International) joins nothing."""
    for a, b in [
        (("des", "international"), ("international",)),
        (("banque", "des", "mines"), ("banque", "mines")),
        (("htoo", "group", "of"), ("htoo", "group")),
    ]:
        assert tokens._compiled.align(a, b) == tokens.align_python(a, b)
    begins = tokens.align(("des", "international"), ("international",))[0]
    assert begins < tokens.align(("banque", "des", "mines"), ("banque", "mines"))[0]


def test_shapes_in_c_are_shapes_in_python(compiled: object, names: list) -> None:
    """What the shortlist compares of each candidate (skeleton, order-free form, whether one
    name's words include the other's), for queries and candidates from the bundled lists."""
    rng = random.Random(9)
    joined = [" ".join(n) for n in names]
    for _ in range(300):
        query = rng.choice(names)
        words = tuple(sorted(set(query)))
        batch = [*rng.sample(joined, 200), " ".join(query), " ".join(query[:1]), ""]
        batch.append(" ".join((*query, "extra")))
        fast = tokens._compiled.shapes(batch, words)
        assert fast == tokens.shapes_python(batch, words)
    skeletons, orderless, within = tokens._compiled.shapes(["b a c", "a", "d", ""], ("a", "c"))
    assert skeletons == ["bac", "a", "d", ""]
    assert orderless == ["abc", "a", "d", ""]
    assert list(within) == [1, 1, 0, 1]  # includes both; among them; neither; no words at all
    assert list(tokens._compiled.shapes(["a", ""], ())[2]) == [0, 0]  # no words: never


def test_shapes_c_does_not_read_are_left_to_python(compiled: object) -> None:
    for joined, words in [(["a  b"], ("a",)), ([" a"], ("a",)), (["ä"], ("a",)), (["a"], ("a b",))]:
        assert tokens._compiled.shapes(joined, words) is None
        assert tokens.shapes(joined, words) == tokens.shapes_python(joined, words)


def test_covered_in_c_is_covered_in_python(compiled: object, names: list) -> None:
    """Whether each word of one name has a word of the other alike (the containment feature's
    test), for names of the bundled lists beside others and beside themselves changed."""
    differ = []
    for a, b in _name_pairs(13, names, _lengthened):
        for threshold in (0.85, 0.9):
            fast = tokens._compiled.covered(a, b, threshold)
            if fast != tokens.covered_python(a, b, threshold):
                differ.append((a, b, threshold, fast))
    assert differ == []
    assert tokens._compiled.covered(("axient",), ("john", "a", "cuomo"), 0.85) is False
    assert tokens._compiled.covered(("a",), ("axient",), 0.85) is True  # an initial: its word
    assert tokens._compiled.covered((), ("a",), 0.85) is True  # nothing to find, as all() says
    assert tokens._compiled.covered(("müller",), ("muller",), 0.85) is None
    assert tokens.covered(("müller",), ("hans", "müller"), 0.85) is True  # Python decides


def test_a_final_h_after_a_vowel_is_not_said(compiled: object) -> None:
    """Usamah / Usama, Hamzah / Hamza: the sound keys agree, in C as in Python."""
    assert tokens.phonetic_key("usamah") == tokens.phonetic_key("usama")
    assert tokens.phonetic_key("hamzah") == tokens.phonetic_key("hamza")
    assert tokens.phonetic_key("shah") == "sha"  # its last h goes, its first stays
    assert tokens.phonetic_key("khan") == tokens.phonetic_key("han")  # not final: kept as it was
    pairs = [("usamah", "osama"), ("hamzah", "hamsa"), ("abdullah", "abdulla"), ("noah", "noa")]
    for a, b in pairs:
        assert tokens._compiled.similarity(a, b) == tokens.token_similarity_python(a, b)
    assert tokens.token_similarity("usamah", "osama") == tokens.PHONETIC_SIMILARITY
