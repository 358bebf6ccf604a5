"""Foreign names written in Chinese by sound (`veu.names.transliteration`): how they are read,
compared with their Latin spelling, used by the gloss and the scorer, and found by the index."""

from __future__ import annotations

import pytest

from veu.matching import Query, ScreeningIndex, score_names
from veu.model import Listing, Name
from veu.names import normalise
from veu.names.gloss import by_sound, gloss, sound_keys
from veu.names.transliteration import (
    SOUND_THRESHOLD,
    han_sound_key,
    latin_sound_key,
    latin_sound_keys,
    sound_of_han,
    sound_of_latin,
    sounds_like,
    transliterable,
)

MATCH, REVIEW = 0.85, 0.70

# Names of the MOFCOM announcements as MOFCOM writes them in Chinese and in English.
ALIKE = [
    ("洛克希德", "lockheed"), ("马丁", "martin"), ("安杜里尔", "anduril"),
    ("克里斯托弗", "christopher"), ("布雷迪", "brady"), ("卡斯特纳", "kastner"),
    ("泰克里特", "taiclet"), ("赛博勒克斯", "cyberlux"), ("帕特里克", "patrick"),
    ("雷斯尼克", "resnick"), ("托马斯", "thomas"), ("琼斯", "jones"), ("凯西", "kathy"),
    ("约翰", "john"), ("瓦特斯", "walters"), ("布伦加特", "brungardt"), ("米尔顿", "milton"),
    ("安吉拉", "angela"),
]  # fmt: skip
# The same Chinese beside other parties' words that share some of its consonants.
UNALIKE = [
    ("诺沃特", "wood"), ("安杜里尔", "jundollah"), ("洛克希德", "lockwood"), ("马丁", "madison"),
    ("泰克里特", "technologies"), ("赛尼克斯", "zayn"), ("特科姆", "stockholm"),
]  # fmt: skip


def test_sounds_are_read_as_chinese_writes_foreign_names() -> None:
    # Chinese's vowels after a bare consonant (克 ke, 斯 si, 德 de) are not sounds of the name;
    # English's r before a consonant is not written (Martin: 马丁); ck, ee, th are one sound.
    assert sound_of_han("洛克希德") == sound_of_latin("lockheed").replace("H", "J").replace(
        "D", "T"
    )
    assert sound_of_han("马丁") == "MaTiN"
    assert sound_of_latin("martin") == "MaRTiN"  # an r before a consonant is soft: R
    assert sounds_like("马丁", "martin") > 0.9
    assert sounds_like("谢尔盖", "sergey") >= SOUND_THRESHOLD  # where Chinese writes it (尔)
    assert sound_of_han("克里斯托弗") == "KLiSToF"
    assert sound_of_latin("christopher") == "KLiSToFR"  # ch before r is hard; -er no vowel
    assert sound_of_latin("roeder") == "LoeTR"  # 罗德: the unstressed -er has no vowel
    assert sounds_like("罗德", "roeder") >= SOUND_THRESHOLD
    assert sound_of_latin("eric") == "eLiK"  # not a final -er
    assert sound_of_latin("herbert") == "HeRPeRD"  # nor an -er before another sound
    assert sound_of_latin("charles") == "JaRLeS"  # and soft before a vowel
    assert sound_of_latin("mcdonnell") == sound_of_latin("mcdonel")  # a doubled consonant
    assert sound_of_latin("walters") == "WaRTRS"  # an l before a consonant is soft (瓦特斯)
    assert sound_of_latin("brungardt") == "PLuNKaRD"  # n, g before a vowel (布伦加特)
    # a final d or t, which a transliteration may leave unwritten (麦克唐纳, McDonald), is a D:
    # as T where the Chinese writes it (特, 德), and half a consonant to leave out (v17)
    assert sound_of_latin("mcdonald") == "MaKToNaRD"
    assert sounds_like("麦克唐纳", "mcdonald") >= SOUND_THRESHOLD
    assert sounds_like("格兰特", "grant") == 1.0
    assert sound_of_latin("young") == "YuN"  # ng at the end is one sound


@pytest.mark.parametrize(("han", "word"), ALIKE)
def test_a_name_and_its_chinese_sound_alike(han: str, word: str) -> None:
    assert sounds_like(han, word) >= SOUND_THRESHOLD


@pytest.mark.parametrize(("han", "word"), UNALIKE)
def test_other_names_do_not(han: str, word: str) -> None:
    assert sounds_like(han, word) < SOUND_THRESHOLD


def test_only_stretches_of_transliteration_characters_are_read_by_sound() -> None:
    assert transliterable("洛克希德")
    assert not transliterable("华为")
    assert not transliterable("丁")  # one character says too little
    assert sounds_like("华为", "hawaii") == 0.0
    assert sounds_like("特科姆", "sgm") == 0.0  # an acronym is not read as spelt


def test_the_gloss_writes_the_word_a_stretch_sounds_like() -> None:
    other = ("lockheed", "martin", "aeronautics")
    assert gloss("洛克希德·马丁航空公司", other).split()[:3] == ["lockheed", "·", "martin"]
    assert [(h, w) for h, w, _ in by_sound("洛克希德·马丁航空公司", other)] == [
        ("洛克希德", "lockheed"),
        ("马丁", "martin"),
    ]
    # each word of the other name stands for one stretch only
    assert [w for _, w, _ in by_sound("马丁·马丁", ("martin", "lee"))] == ["martin"]
    # the pinyin is kept when the other name writes it, and a name that is only pinyin has no
    # gloss (its pinyin is the name as it is, compared already)
    assert by_sound("华为技术", ("huawei", "technologies")) == ()
    assert gloss("布赖恩·申普夫", ("b", "s")) is None


def test_scores_across_scripts() -> None:
    def score(a: str, b: str) -> float:
        return score_names(normalise(a), normalise(b)).score

    assert score("洛克希德·马丁公司", "Lockheed Martin Corporation") >= MATCH
    assert score("克里斯托弗·布雷迪", "Christopher Brady") >= MATCH
    assert score("克里斯托弗·布雷迪", "Christopher J. Brady") >= REVIEW  # and a middle initial
    assert score("托马斯·琼斯", "Thomas Jones") >= MATCH
    assert score("托马斯·琼斯", "Thomas H. Jones") >= REVIEW
    assert score("安杜里尔公司", "Anduril Inc.") >= MATCH
    # a sound less alike is for a person to look at, more so when it is the whole name
    assert REVIEW <= score("赛博勒克斯公司", "Cyberlux Corporation") < MATCH
    # other parties
    assert score("诺沃特公司", "Ann Wood") < REVIEW
    assert score("安杜里尔公司", "JUNDOLLAH") < MATCH
    assert score("马修·格里姆", "KHALIM, Musa") < MATCH
    assert score("洛克希德·马丁公司", "Lockheed Martin Aeronautics") < MATCH


def test_the_explanation_shows_each_word_read_by_sound() -> None:
    result = score_names(normalise("洛克希德·马丁公司"), normalise("Lockheed Martin"))
    gloss_part = result.explanation["gloss"]
    assert gloss_part["by_sound"]["洛克希德"]["english"] == "lockheed"
    assert gloss_part["by_sound"]["洛克希德"]["alike"] == 1.0
    # 马丁 is Martin by use (COMMON_NAMES, v11); by sound alone it was less (Martin's r)
    assert gloss_part["by_sound"]["马丁"] == {"english": "martin", "alike": 1.0}
    assert gloss_part["penalty"] == 0.05  # 0.01, and 0.02 a word read by sound
    result = score_names(normalise("洛克希德·马汀公司"), normalise("Lockheed Martin"))
    gloss_part = result.explanation["gloss"]
    assert gloss_part["by_sound"]["马汀"]["alike"] < 1.0
    assert gloss_part["penalty"] > 0.05  # and Martin's unlikeness


def test_sound_keys_meet_across_scripts() -> None:
    assert han_sound_key("洛克希德") == latin_sound_key("lockheed") == "LKT"
    assert han_sound_key("卡诺维尔") == latin_sound_key("carnovale")  # 维 wei for v
    assert sound_keys("洛克希德·马丁公司") == {"LKT", "NTN"}
    assert latin_sound_key("sgm") is None
    assert latin_sound_key("ltd") is None
    assert sound_keys("中国电子科技集团") == frozenset()
    # a word is also found by its key without a final d or t (and an l before it), which a
    # Chinese transliteration often leaves unwritten: 大卫 David, 麦克唐纳 McDonald
    assert latin_sound_keys("david") == ("TPT", "TP")
    assert han_sound_key("大卫") == "TP"
    assert han_sound_key("麦克唐纳") in latin_sound_keys("mcdonald")
    assert han_sound_key("麦克唐奈") in latin_sound_keys("mcdonnell")  # and a final l (v18)
    assert latin_sound_keys("bry") == ()  # under four letters, no key
    assert latin_sound_keys("bry", shortest=3) == ("PL",)  # unless asked


def test_sound_keys_of_what_a_transliteration_writes_that_the_key_leaves_out() -> None:
    """A Latin word is also found by the keys of what Chinese transliterations write where its
    own key has nothing (v31): an initial h before e, i or u as x (希利, Healy: the key dropped
    the h and Healy had none), an r without a vowel after it as 尔 (谢尔盖, Sergey; 许贝尔,
    Hueber, both), a gh between vowels as g (加拉格尔, Gallagher, whose gh was silent)."""
    for han, word in (
        ("希利", "healy"), ("谢尔盖", "sergey"), ("许贝尔", "hueber"), ("加拉格尔", "gallagher"),
    ):  # fmt: skip
        key = han_sound_key(han)
        assert key is not None
        assert key != latin_sound_key(word)
        assert key in latin_sound_keys(word), (han, word)
    # its own key first, each key once
    assert latin_sound_keys("gallagher")[0] == latin_sound_key("gallagher") == "KL"
    assert len(set(latin_sound_keys("mcdonald"))) == len(latin_sound_keys("mcdonald"))
    # before a or o Chinese writes an h as h (汉斯, Hans; 霍夫, Hof): no x there
    assert latin_sound_keys("hamms") == latin_sound_keys("amms")
    assert not any(k.startswith("K") for k in latin_sound_keys("hoflich"))


def listing(i: int, *names: str) -> Listing:
    return Listing(
        id=f"t:{i}", list_id="t", party_id=f"t:{i}", names=tuple(Name(value=n) for n in names)
    )


def test_a_chinese_query_finds_english_names_by_sound() -> None:
    filler = [listing(100 + i, f"Company {w}") for i, w in enumerate(("Alpha", "Beta", "Gamma"))]
    english = ScreeningIndex([listing(1, "Lockheed Martin Corporation"), *filler])
    hits = english.search(Query(name="洛克希德·马丁公司"), min_score=MATCH)
    assert [h.listing.id for h in hits] == ["t:1"]
    assert hits[0].explanation["gloss"]["by_sound"]


def test_an_english_query_finds_chinese_names_by_sound() -> None:
    # MOFCOM lists many parties in Chinese only: an exporter screens them in English.
    units = [f"洛克希德·马丁{u}公司" for u in ("导弹与火控", "空间", "航空", "旋翼与任务系统")]
    index = ScreeningIndex(
        [
            listing(1, "斯凯迪奥公司"),  # Skydio
            listing(2, "洛克希德·马丁公司"),
            listing(3, "洛克希德·马丁公司"),  # the same name on another listing
            listing(4, "斯科特·西蒙"),  # Scott Simon
            *(listing(10 + k, unit) for k, unit in enumerate(units)),
        ]
    )
    # Without the fuzzy doors (which scan every skeleton of a small index), by sound alone; the
    # first listing's name is name 0.
    assert index.names.originals[0] == "斯凯迪奥公司"
    assert 0 in index.candidates(normalise("Skydio, Inc."), fuzzy=False)
    hits = index.search(Query(name="Skydio, Inc."), min_score=MATCH)
    assert [h.listing.id for h in hits] == ["t:1"]
    hits = index.search(Query(name="Lockheed Martin Corporation"), min_score=MATCH)
    assert {"t:2", "t:3"} <= {h.listing.id for h in hits}
    assert hits[0].explanation["gloss"]["by_sound"]


@pytest.mark.parametrize(
    ("chinese", "english"),
    [
        ("大卫·萨顿", "David Sutton"),
        ("威廉·伯恩斯", "William Burns"),
        ("彼得·纳瓦罗", "Peter Navarro"),
    ],
)
def test_common_given_names_are_read_whatever_their_characters(chinese: str, english: str) -> None:
    # 大, 廉 and 得 are not of the transliteration tables: these names were never read (v8)
    assert score_names(normalise(chinese), normalise(english)).score >= MATCH


def test_chinese_writes_no_initials() -> None:
    """凯西·沃登 is Kathy J. Warden on MOFCOM's list: the English read without its initial, as
    without a middle name (0.84 in v15, the initial unmatched)."""
    assert person("凯西·沃登", "Kathy J. Warden") >= MATCH
    assert person("凯西·沃登", "Kathy J. Warden") < person("凯西·沃登", "Kathy Warden")
    assert person("约翰·瓦特斯", "John P. Walters") >= MATCH
    assert person("约翰·瓦特斯", "John P. Watson") < MATCH


def person(a: str, b: str) -> float:
    return score_names(normalise(a), normalise(b), person=True).score


def test_mc_is_said_mac_as_chinese_writes_it() -> None:
    """麦克 (mai ke) writes Mc as it writes Mac: McDonnell, McCaul, McGovern sound like their
    names in Chinese (麦克唐奈 beside McDonnell was 0.745, under the threshold)."""
    assert sound_of_latin("mcdonnell").startswith("MaK")
    assert sound_of_latin("mcdonnell") == sound_of_latin("macdonnell")
    assert sounds_like("麦克唐奈", "mcdonnell") >= SOUND_THRESHOLD
    assert sounds_like("麦戈文", "mcgovern") >= SOUND_THRESHOLD
    assert sound_of_latin("mca") == "MKa"  # too short to be a name beginning Mc
