"""Words of Russian organisations' names translated as the lists write them (veu-names/11)."""

from __future__ import annotations

import pytest

from veu.names import normalise
from veu.names.numbers import PHRASES
from veu.names.russian import TRANSLATIONS, place_stems, read_places


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


@pytest.mark.parametrize(
    ("russian", "english"),
    [("Мытищинский машиностроительный завод", "Mytishchi Machine-Building Plant"),
     ("ARZAMASSKY PRIBOROSTROITELNY ZAVOD", "Arzamas Instrument Making Plant"),
     ("KB Priborostroeniya", "Instrument-Making Design Bureau"),
     ("Sudoremontnyy Zavod", "Ship Repair Plant"),
     ("Radiotekhnicheskiy Institut", "Radio Engineering Institute")],
)  # fmt: skip
def test_a_kind_of_industry_in_one_russian_word_is_the_two_english_words(
    russian: str, english: str
) -> None:
    compounds = {"instrumentmaking", "machinebuilding", "shiprepair", "radioengineering"}
    shared = set(normalise(russian).tokens) & set(normalise(english).tokens) & compounds
    assert len(shared) == 1


@pytest.mark.parametrize(
    ("adjective", "place"),
    [("muromskiy", "murom"), ("yaltinskaya", "yalta"), ("mytishchinskiy", "mytishchi"),
     ("miasskiy", "miass"), ("lianozovsky", "lianozovo"), ("yaroslavskiy", "yaroslavl"),
     ("rybinskaya", "rybinsk"), ("turaevskoe", "turaevo"), ("kazanski", "kazan")],
)  # fmt: skip
def test_a_russian_adjective_of_place_is_read_as_the_place_the_other_name_writes(
    adjective: str, place: str
) -> None:
    assert read_places((adjective, "plant"), (place, "plant")) == (place, "plant")


def test_an_adjective_is_read_as_no_other_word_and_no_other_word_as_a_place() -> None:
    assert read_places(("muromskiy", "plant"), ("murmansk", "plant")) is None
    assert read_places(("moskovskiy", "plant"), ("moscow", "plant")) is None  # another word
    assert read_places(("murom", "plant"), ("muromskiy", "plant")) is None  # the other reads
    assert read_places(("muromskiy", "plant"), ("muromskiy", "murom")) is None  # has it already
    assert place_stems("plant") == ()
    assert place_stems("sky") == ()
    # two adjectives are not a place and its adjective (Uralskiy / Uralskaya)
    assert read_places(("uralskiy", "plant"), ("uralskaya", "plant")) is None
