"""The C sound distance (`veu.names._sounds`) gives what the Python gives, bit for bit, on the
sounds of the bundled lists' words and Chinese names and on random sound sequences."""

from __future__ import annotations

import random
import re

import pytest

from tests.compiled import required
from tests.golden_world import bundled
from veu.names import transliteration
from veu.names.gloss import Unglossed, segments
from veu.names.transliteration import sound_distance, sound_distance_python

ALPHABET = "aeiouKTPNLSJHRWYFVM0"  # every sound the readings write, and one more


@pytest.fixture(scope="module")
def compiled() -> object:
    return required(transliteration._compiled, "veu.names._sounds")


@pytest.fixture(scope="module")
def sounds() -> tuple[list[str], list[str]]:
    """The sounds of the bundled lists' Chinese stretches that may be read by sound, and of
    their words in Latin letters."""
    listings, _ = bundled()
    han: set[str] = set()
    latin: set[str] = set()
    for name in (n.value for x in listings for n in x.names):
        latin.update(w.lower() for w in re.findall(r"[A-Za-z]{2,}", name))
        for part in segments(name):
            if not isinstance(part, str):
                han.update(s.han for s in part if isinstance(s, Unglossed))
    return (
        sorted(transliteration.sound_of_han(h) for h in han if transliteration.transliterable(h)),
        sorted(transliteration.sound_of_latin(w) for w in latin),
    )


def test_distance_in_c_is_distance_in_python(compiled: object, sounds: tuple) -> None:
    han, latin = sounds
    assert len(han) > 100
    assert len(latin) > 10_000
    rng = random.Random(5)
    pairs = [(rng.choice(han), rng.choice(latin)) for _ in range(30_000)]
    pairs += [(rng.choice(latin), rng.choice(latin)) for _ in range(10_000)]

    def made() -> str:
        return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 12)))

    pairs += [(made(), made()) for _ in range(30_000)]
    pairs += [("", ""), ("a", ""), ("", "K"), ("LoKJiT", "LoKHiT")]
    differ = [(a, b) for a, b in pairs if sound_distance(a, b) != sound_distance_python(a, b)]
    assert differ == []


def test_what_the_c_does_not_take_is_left_to_the_python(compiled: object) -> None:
    long = "KaTa" * 20  # 80 sounds: more than the C's rows
    assert sound_distance(long, long[:-1]) == sound_distance_python(long, long[:-1]) == 0.35
    assert sound_distance("Ké", "Ke") == sound_distance_python("Ké", "Ke")  # not ASCII


def test_alike_in_c_is_alike_in_python(compiled: object, sounds: tuple) -> None:
    """`alike_sounds` (a Chinese stretch beside every word with its sound key) gives the places
    the Python gives, and the words `sounds_like` reads as alike (v10)."""
    han, latin = sounds
    rng = random.Random(11)
    for a in rng.sample(han, 60):
        words = rng.sample(latin, 400)
        c_found = compiled.alike(a, words, transliteration.SOUND_THRESHOLD)  # type: ignore[attr-defined]
        assert c_found == transliteration.alike_sounds_python(a, words)
    # and as sounds_like reads a stretch and words
    words = ["lockheed", "lockwood", "martin", "madison", "gabriel", "exovera"]
    found = transliteration.alike_sounds(
        "洛克希德", [transliteration.sound_of_latin(w) for w in words]
    )
    assert [words[k] for k in found] == [
        w for w in words if transliteration.sounds_like("洛克希德", w) >= 0.75
    ]
    assert [words[k] for k in found] == ["lockheed"]
    assert compiled.alike("K" * 65, ["KaT"], 0.75) is None  # type: ignore[attr-defined]
    assert compiled.alike("KaT", ["Kα"], 0.75) is None  # type: ignore[attr-defined]
