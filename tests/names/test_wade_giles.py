"""Chinese names in Wade-Giles read as pinyin; pinyin syllables; the surname Xi; places in the
postal romanisation; countries by their initials (veu-names/11)."""

from __future__ import annotations

import itertools

import pytest

from veu.matching import Query, ScreeningIndex, score_names
from veu.model import Listing, Name
from veu.names import normalise
from veu.names.pinyin import SYLLABLES, TABLE, cut, is_pinyin
from veu.names.wade_giles import READINGS, canonical, reading, wade_giles_syllables


def test_every_pinyin_syllable_has_a_wade_giles_spelling_that_reads_back() -> None:
    assert len(SYLLABLES) > 380
    for pinyin, wade_giles in TABLE:
        assert pinyin in READINGS[wade_giles]
    assert READINGS["hsi"] == ("xi",)
    assert READINGS["ping"] == ("bing", "ping")  # p'ing lost its apostrophe: unaspirated first
    assert set(READINGS["chun"]) == {"jun", "qun", "zhun", "chun"}


@pytest.mark.parametrize(
    ("word", "pinyin"),
    [("jinping", True), ("xian", True), ("kuo", True), ("zhongguo", True), ("chiang", False),
     ("hsi", False), ("tse", False), ("shipbuilding", False), ("xi\u00e4n", False)],
)  # fmt: skip
def test_a_word_is_pinyin_when_it_is_a_run_of_syllables_without_a_vowel_inside(
    word: str, pinyin: bool
) -> None:
    """chi-ang is no pinyin: pinyin writes an apostrophe before a syllable beginning with a
    vowel inside a word."""
    assert is_pinyin(word) is pinyin


def test_cut_finds_the_fewest_syllables_or_nothing() -> None:
    assert cut("kaohsiung", READINGS) == ("kao", "hsiung")
    assert cut("xyz", SYLLABLES) == ()
    assert cut("", SYLLABLES) == ()


@pytest.mark.parametrize(
    ("name", "read"),
    [("Hsi Chin-ping", True), ("Hu Chin-tao", True), ("PAO, Yu Hsiang", True),
     ("Chen Li", False), ("Ho Trading", False), ("Xi Jinping", False), ("Chin Industries", False),
     ("AL-FADHLI, Muhsin", False), ("Muhsin", False), ("Ma Chinkuoshihtsu", False)],
)  # fmt: skip
def test_a_name_is_read_as_wade_giles_only_when_all_its_words_are_and_one_is_no_pinyin(
    name: str, read: bool
) -> None:
    """Read: two words or more, each of at most three Wade-Giles syllables, one no pinyin. Not
    read: pinyin names, names with a word that is no Wade-Giles (Muhsin is mu-hsin, but
    AL-FADHLI is none), a name of one word, a word of more than three syllables."""
    assert (wade_giles_syllables(normalise(name).tokens) is not None) is read


def test_the_reading_takes_the_readings_the_other_name_has() -> None:
    tokens = normalise("Hsi Chin-ping").tokens
    read = reading(tokens, "xijinping")
    assert read is not None
    words, changed, ambiguous = read
    assert words == ("xi", "jin", "ping")
    assert changed == [("hsi", "xi"), ("chin", "jin")]
    assert ambiguous == 2  # chin (jin, qin) and ping (bing, ping)
    assert canonical(tokens) == ("xi", "jin", "bing")  # alone: each syllable's first reading
    assert reading(normalise("Chiang Ching-kuo").tokens, "jiangjingguo") == (
        ("jiang", "jing", "guo"),
        [("chiang", "jiang"), ("ching", "jing"), ("kuo", "guo")],
        3,
    )
    assert reading(normalise("Xi Jinping").tokens, "xijinping") is None


@pytest.mark.parametrize(
    ("left", "right"),
    [("Hsi Chin-ping", "Xi Jinping"), ("Teng Hsiao-ping", "Deng Xiaoping"),
     ("Chiang Ching-kuo", "Jiang Jingguo"), ("Chang Chun-hsiung", "Zhang Junxiong")],
)  # fmt: skip
def test_wade_giles_and_pinyin_match_a_little_below_the_same_spelling(
    left: str, right: str
) -> None:
    result = score_names(normalise(left), normalise(right))
    assert 0.85 <= result.score < 1.0, result  # the same spelling scores 1
    shown = result.explanation["wade_giles"]
    assert shown["side"] == "query"
    assert shown["penalty"] >= 0.03
    other_way = score_names(normalise(right), normalise(left))
    assert other_way.score == pytest.approx(result.score)
    assert other_way.explanation["wade_giles"]["side"] == "candidate"


def test_pinyin_names_are_not_read_as_wade_giles() -> None:
    """Chen and Zhen are two pinyin surnames (Wade-Giles writes Zhen Chen): no reading."""
    result = score_names(normalise("Chen Li"), normalise("Zhen Li"))
    assert "wade_giles" not in result.explanation
    assert result.score < 0.85


def test_the_surname_xi_is_no_roman_numeral_but_xi_after_a_word_is() -> None:
    assert normalise("Xi Jinping").tokens == ("xi", "jinping")
    assert normalise("JINPING, Xi").tokens == ("jinping", "xi")
    assert normalise("Li Xi").tokens == ("li", "xi")
    assert normalise("Bain Capital Fund XI").tokens[-1] == "11"
    assert normalise("Louis XIV").tokens[-1] == "14"
    assert score_names(normalise("习近平"), normalise("Xi Jinping")).score >= 0.9
    assert score_names(normalise("Li Xi"), normalise("Li Xiang")).score < 0.85


@pytest.mark.parametrize(
    ("postal", "pinyin"),
    [("Peking University", "beijing university"), ("Tsinghua University", "qinghua university"),
     ("Paotow Steel", "baotou steel"), ("Amoy Trading", "xiamen trading"),
     ("Kaohsiung Shipbuilding", "gaoxiong shipbuilding")],
)  # fmt: skip
def test_places_in_the_postal_romanisation_are_written_in_pinyin(postal: str, pinyin: str) -> None:
    assert " ".join(normalise(postal).tokens) == pinyin


def test_a_country_in_full_or_by_its_initials_reads_alike() -> None:
    for full, short in (
        ("United States Department of State", "U.S. Department of State"),
        ("United Kingdom Ministry of Defence", "UK Ministry of Defence"),
        ("United Arab Emirates Trading", "UAE Trading"),
        ("USA Trading", "US Trading"),
    ):
        assert normalise(full).tokens == normalise(short).tokens, full
    assert normalise("United Technologies").tokens == ("united", "technologies")


def _one_name(i: int, name: str) -> Listing:
    return Listing(id=f"t:{i}", list_id="t", party_id=f"t:{i}", names=(Name(value=name),))


def test_a_query_in_wade_giles_finds_the_pinyin_name_among_names_sharing_its_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Hsi Chin-ping shares its words with many names written in Wade-Giles and none with Xi
    Jinping: the doors find those first, and only the query's reading (xi jin bing) finds Xi
    Jinping. Without the reading it is not among the hits."""
    decoys = [
        f"{a} {b}"
        for a, b in itertools.product(
            ("Hsin", "Chin", "Ping", "Hsia", "Chi", "Pin", "Shih", "Hsieh"),
            ("Chin-ping", "Hsiao", "Ping-hsi", "Chinpin", "Hsi-chin", "Pingchin"),
        )
    ]
    index = ScreeningIndex([_one_name(i, n) for i, n in enumerate([*decoys, "Xi Jinping"])])
    hits = index.search(Query(name="Hsi Chin-ping"), limit=5)
    found = {h.listing.names[0].value: h.score for h in hits}
    assert 0.85 <= found["Xi Jinping"] < 1.0
    monkeypatch.setattr("veu.matching.index.wade_giles_canonical", lambda tokens: None)
    hits = index.search(Query(name="Hsi Chin-ping"), limit=5)
    assert "Xi Jinping" not in {h.listing.names[0].value for h in hits}


def test_a_chinese_surname_that_spells_a_russian_legal_form_is_kept() -> None:
    """PAO, Yu Hsiang (SDN): PAO was removed as a Russian public joint-stock company and the
    surname lost (Bao Yuxiang beside it scored 0.63); beside a Chinese person's name it stays."""
    assert normalise("PAO, Yu Hsiang").tokens == ("pao", "yu", "hsiang")
    assert score_names(normalise("Bao Yuxiang"), normalise("PAO, Yu Hsiang")).score >= 0.85
    assert normalise("PAO Gazprom").tokens == ("gazprom",)
    assert normalise("AO Almaz-Antey").tokens == ("almaz", "antey")
    assert normalise("OOO Li Wei").tokens == ("li", "wei")  # not a syllable
    assert normalise("Li Wei S.A.").tokens == ("li", "wei")  # written after companies' names
