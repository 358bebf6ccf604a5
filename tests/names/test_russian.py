"""Words of Russian organisations' names translated as the lists write them (veu-names/11)."""

from __future__ import annotations

import pytest

from veu.names import normalise
from veu.names.numbers import PHRASES
from veu.names.russian import TRANSLATIONS


@pytest.mark.parametrize(
    ("written", "tokens"),
    [("Концерн ВКО «Алмаз-Антей»", ("concern", "vko", "almaz", "antey")),
     ("Объединённая судостроительная корпорация", ("united", "shipbuilding")),
     ("Вертолёты России", ("helicopters", "russia")),
     ("Russian Helicopters", ("russia", "helicopters")),
     ("Gosudarstvennogo Yadernogo Tsentra", ("state", "nuclear", "tsentra"))],
)  # fmt: skip
def test_russian_words_are_read_in_english_in_every_ending(
    written: str, tokens: tuple[str, ...]
) -> None:
    assert normalise(written).tokens == tokens


def test_phrases_folded_whole_and_names_are_left_alone() -> None:
    in_phrases = {word for phrase in PHRASES for word in phrase}
    assert not in_phrases & set(TRANSLATIONS)
    assert normalise("Konstruktorskoe Byuro Almaz").tokens == ("kb", "almaz")
    assert normalise("Nauchno-Issledovatelskiy Institut Almaz").tokens == ("nii", "almaz")
    # Rossiya is also a name (Bank Rossiya): not read as Russia
    assert normalise("Bank Rossiya").tokens == ("bank", "rossiya")
