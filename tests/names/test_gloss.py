"""English glosses of names written in Chinese (`veu.names.gloss`), and their use in scoring and
in the screening index."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from veu.matching import Query, ScreeningIndex, score_names
from veu.model import Listing, Name
from veu.names import normalise
from veu.names.gloss import GLOSSARY, by_sound, gloss, vocabulary_tokens, wade_giles
from veu.names.kana import KATAKANA
from veu.names.normalize import simplified


def words(text: str | None) -> list[str]:
    assert text is not None
    return text.split()


def test_words_are_cut_longest_first_and_the_rest_is_pinyin() -> None:
    # 集团公司 is one entry (group corporation), not 集团 + 公司; 华为 is no entry: pinyin.
    assert words(gloss("华为电子集团公司")) == ["huawei", "electronics", "group", "corporation"]
    assert words(gloss("通用动力陆地系统公司")) == [
        "general", "dynamics", "land", "systems", "company",
    ]  # fmt: skip


def test_ordinals_become_numbers() -> None:
    assert words(gloss("中国电子科技集团公司第十四研究所"))[-3:] == [
        "14th",
        "research",
        "institute",
    ]
    assert words(gloss("第三十八研究所"))[0] == "38th"


def test_the_translation_the_other_name_uses_is_taken() -> None:
    assert words(gloss("航空系统公司")) == ["aviation", "systems", "company"]
    assert words(gloss("航空系统公司", {"aeronautical", "systems"}))[0] == "aeronautical"
    # a translation of several words is taken only when the other has them all, and then
    # before a shorter one the other has too
    assert words(gloss("科技", {"science"})) == ["technologies"]
    assert words(gloss("科技", {"science", "and", "technology"})) == [
        "science",
        "and",
        "technology",
    ]
    assert words(gloss("科技", {"technology"})) == ["technology"]


def test_a_legal_form_the_other_name_does_not_write_is_given_as_one_english_removes() -> None:
    # 集团 beside China Aerospace Science and Technology Corporation: given as Corporation, a
    # legal form in English too, so it is removed and reported like the other's
    other = set(normalise("China Aerospace Science and Technology Corporation").tokens)
    assert words(gloss("中国航天科技集团", other)) == [
        "china", "aerospace", "science", "and", "technology", "corporation",
    ]  # fmt: skip
    assert set(normalise(gloss("中国航天科技集团", other) or "").tokens) == other
    assert words(gloss("中国航天科技集团", {"group"}))[-1] == "group"  # written: kept
    assert words(gloss("中国航天科技集团"))[-1] == "group"  # no other name: the usual one


def test_traditional_characters_and_latin_parts() -> None:
    assert words(gloss("華為技術有限公司")) == ["huawei", "technologies", "co", "ltd"]
    assert words(gloss("IHI航空制造株式会社")) == ["IHI", "aviation", "manufacturing", "co", "ltd"]


def test_no_gloss_without_a_word_of_the_glossary() -> None:
    assert gloss("洛克希德·马丁") is None  # a transliteration: alone, only pinyin comes out
    assert gloss("洛克希德·马丁", ("lockheed", "martin")) is not None  # beside a name, its sound
    assert gloss("Lockheed Martin") is None
    assert vocabulary_tokens("洛克希德·马丁") == frozenset()


def test_every_entry_is_han_or_katakana_with_english_alternatives() -> None:
    for han, english in GLOSSARY.items():
        # Han as the glossed text is read: simplified (Japan's 電機 too, as 电机)
        assert all("\u3400" <= ch <= "\u9fff" for ch in han) or re.fullmatch(
            f"[{KATAKANA}]+", han
        ), han
        assert simplified(han) == han, han
        assert english
        assert all(a and a == a.lower() and a.strip() == a for a in english), han


CETC_14 = "中国电子科技集团第十四研究所"
CETC = "China Electronics Technology Group"


@pytest.mark.parametrize(
    ("chinese", "english", "match"),
    [
        ("通用动力陆地系统公司", "General Dynamics Land Systems", True),
        (CETC_14, f"{CETC} 14th Research Institute", True),
        ("中国北方工业集团", "China North Industries Group Corporation", True),
        ("中国北方工业集团", "China South Industries Group Corporation", False),
        (CETC_14, f"{CETC} 38th Research Institute", False),
        ("通用动力公司", "General Electric Company", False),
        ("哈尔滨工业大学", "Harbin Institute of Technology", True),
        ("哈尔滨工业大学", "Harbin Engineering University", False),
        ("中国航天科技集团有限公司", "China Aerospace Science and Technology Corporation", True),
        ("中国航天科技集团有限公司", "China Aerospace Science and Industry Corporation", False),
        ("北京航空航天大学", "Beijing University of Aeronautics and Astronautics", True),
        ("中国工程物理研究院", "China Academy of Engineering Physics", True),
        ("中国人民大学", "Renmin University of China", True),
        ("中国兵器工业集团", "China North Industries Group Corporation", True),
        ("中国兵器装备集团", "China South Industries Group Corporation", True),
        ("中国兵器装备集团", "China North Industries Group Corporation", False),
        ("中国船舶重工集团", "China Shipbuilding Industry Corporation", True),
        ("杭州海康威视数字技术股份有限公司", "Hangzhou Hikvision Digital Technology", True),
        ("长江存储科技有限责任公司", "Yangtze Memory Technologies Co., Ltd.", True),
        ("曙光医院", "Sugon Information Industry Co., Ltd.", False),
        # a short translation that ends the other's word the word before begins (veu-names/48)
        ("文本矿公司", "TextOre", True),
        ("浩劫人工智能公司", "HavocAI", True),
        ("浩劫人工智能公司", "Havoc Air", False),
        ("内华达山脉公司", "Sierra Nevada Corporation", True),
    ],
)  # fmt: skip
def test_a_chinese_name_is_scored_through_its_gloss(
    chinese: str, english: str, match: bool
) -> None:
    for left, right in ((chinese, english), (english, chinese)):
        result = score_names(normalise(left), normalise(right))
        assert (result.score >= 0.85) == match, (left, right, result)
    result = score_names(normalise(chinese), normalise(english))
    if match:
        assert result.explanation["gloss"]["side"] == "query"


def test_the_gloss_is_never_used_between_two_chinese_names() -> None:
    # homophones and translations alike are compared by their characters when both are Chinese
    result = score_names(normalise("中国北方工业集团"), normalise("中国南方工业集团"))
    assert result.score < 0.85
    assert "gloss" not in result.explanation


def test_a_word_is_not_contained_in_an_initial() -> None:
    # before, Anduril was "contained" in the A of the other name and reached review
    assert (
        score_names(normalise("Anduril"), normalise("Coalition For A Prosperous America")).score
        < 0.7
    )
    assert score_names(normalise("Axient"), normalise("John A. Cuomo")).score < 0.7
    # an initial of the shorter name is still contained in a word it begins
    result = score_names(normalise("J. Cuomo"), normalise("John Andrew Cuomo"))
    assert "containment" in result.explanation


def listing(key: str, *names: str) -> Listing:
    return Listing(
        id=f"t:{key}", list_id="t", party_id=f"t:{key}", names=tuple(Name(value=n) for n in names)
    )


LISTINGS = [
    listing("cetc14", "China Electronics Technology Group Corporation 14th Research Institute"),
    listing("cetc38", "China Electronics Technology Group Corporation 38th Research Institute"),
    listing("gdls", "通用动力陆地系统公司"),
    listing("other", "Nanjing Panda Electronics"),
]


@pytest.mark.parametrize("scan_limit", [20_000, 0])  # the scan, and the n-gram doors
@pytest.mark.parametrize("saved", [False, True])
def test_the_index_finds_names_across_the_gloss(
    scan_limit: int, saved: bool, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import veu.matching.index as module

    monkeypatch.setattr(module, "GRAM_SCAN_LIMIT", scan_limit)
    index = ScreeningIndex(LISTINGS)
    assert list(index.names.glossed) == [0, 0, 1, 0]
    if saved:
        index.save(tmp_path / "index.bin")
        index = ScreeningIndex.load(tmp_path / "index.bin")
        assert list(index.names.glossed) == [0, 0, 1, 0]
    hits = index.search(Query(name="中国电子科技集团公司第十四研究所"))
    assert hits[0].listing.id == "t:cetc14"
    assert hits[0].score >= 0.85
    assert hits[0].explanation["gloss"]["english"].endswith("14 research institute")
    assert all(h.score < 0.85 for h in hits[1:])
    hits = index.search(Query(name="General Dynamics Land Systems"))
    assert [(h.listing.id, h.score >= 0.85) for h in hits][:1] == [("t:gdls", True)]


def test_a_name_whose_only_words_are_legal_forms_has_no_gloss() -> None:
    # its pinyin (compared already) says as much as "puchaoqiu co ltd" would
    assert gloss("朴朝球有限公司") is None
    assert gloss("华为集团公司") is None
    assert words(gloss("华为技术集团公司")) == ["huawei", "technologies", "group", "corporation"]


def test_a_name_taiwan_writes_in_wade_giles_is_read_so() -> None:
    assert wade_giles("中山") == ("chung", "shan")
    assert wade_giles("习近平") == ("hsi", "chin", "ping")  # apostrophes left out (p'ing)
    ncsist = normalise("National Chung-Shan Institute of Science & Technology").tokens
    assert "chung shan" in (gloss("中山科学研究院", ncsist) or "")
    assert by_sound("中山科学研究院", ncsist) == (("中山", "chung shan", 1.0),)
    # one word, give or take a letter: 龙德 is lung-te, written Lungteh
    assert words(gloss("龙德造船", ("lungteh", "shipbuilding")))[0] == "lungteh"
    # a name whose Wade-Giles the other does not write keeps its pinyin
    assert words(gloss("中山科学研究院", ("zhongshan", "science")))[0] == "zhongshan"
    assert words(gloss("中山科学研究院", ("chang", "shan", "science")))[0] == "zhongshan"


def test_wade_giles_raises_taiwans_names_beside_their_english() -> None:
    def scored(chinese: str, english: str) -> float:
        return score_names(normalise(chinese), normalise(english)).score

    # 0.56 and 0.31 in veu-names/8
    assert scored("龙德造船工业股份有限公司", "Lungteh Shipbuilding Co.,Ltd") >= 0.85
    ncsist = "National Chung-Shan Institute of Science & Technology"
    assert scored("中山科学研究院", ncsist) >= 0.70
    assert scored("中山科学研究院", "National Chang-Shan Institute") < 0.70


def test_latin_text_before_a_name_read_by_sound_is_not_written_twice() -> None:
    """L3哈里斯 beside L3Harris: 哈里斯 sounds like the word L3Harris, which already holds the L3
    written before it (the gloss read l3 l3harris in veu-names/10)."""
    from veu.names.gloss import gloss

    read = (gloss("L3哈里斯海事服务公司", ("l3harris", "maritime", "services")) or "").split()
    assert read[:3] == ["l3harris", "maritime", "services"]
    # a word that does not begin with it keeps it
    assert (gloss("L3哈里斯公司", ("l3", "harris")) or "").split()[:2] == ["L3", "harris"]


def test_a_translation_may_begin_a_word_the_other_name_joins() -> None:
    """High Point Aerotechnologies (MOFCOM's 高点航空技术公司): English joins what Chinese writes
    apart, so a translation fits the other name when it begins one of its words, where none is
    one of its words; a word written whole still fits first, and three letters are too few
    unless the word before and it make the other's word."""
    assert gloss("高点航空技术公司", ("high", "point", "aerotechnologies")) is not None
    assert " aero " in gloss("高点航空技术公司", ("high", "point", "aerotechnologies"))
    assert " aviation " in gloss("航空技术", ("aviation", "aerotech"))  # whole words first
    assert " aviation " in gloss("航空技术", ("high", "point"))  # nothing fits: the usual
    assert " craft " in gloss("侦察艇有限责任公司", ("reconcraft",))  # ends a word: ReconCraft
    assert " mining " in gloss("矿公司", ("textore",))  # ore: three letters, too few alone,
    assert " ore " in gloss("文本矿公司", ("textore",))  # but text + ore is the word (veu-names/48)


def test_the_shortlist_keeps_a_name_the_gloss_glues() -> None:
    # 浩劫人工智能 glossed beside HavocAI is havoc + ai, as it writes it; its usual gloss (havoc
    # artificial intelligence) is far from it, and many names have the words of one translation
    # (AI, Artificial Intelligence): too many to score all
    others = [listing(f"ai{k}", f"Havana {k} AI Inc.") for k in range(20)] + [
        listing(f"art{k}", f"Haval {k} Artificial Intelligence Co.") for k in range(30)
    ]
    index = ScreeningIndex([*others, listing("havoc", "HavocAI")])
    hits = index.search(Query(name="浩劫人工智能公司"), limit=3)
    assert hits[0].listing.id == "t:havoc"
    assert hits[0].score >= 0.85
