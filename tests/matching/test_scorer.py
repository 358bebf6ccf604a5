from __future__ import annotations

from typing import Any

import pytest

from veu.matching import score_names
from veu.matching.features import ALL_FEATURES
from veu.names import normalise

MATCH = 0.85
REVIEW = 0.70


def score(a: str, b: str) -> float:
    return score_names(normalise(a), normalise(b)).score


def explained(a: str, b: str) -> dict[str, Any]:
    return score_names(normalise(a), normalise(b)).explanation


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Lockheed Martin Corp.", "Lockheed Martin Corporation"),
        ("洛克希德·马丁公司", "洛克希德·马丁公司"),
        ("洛克希德马丁", "洛克希德·马丁公司"),
        ("成都海光集成电路设计", "Chengdu Haiguang Jincheng Dianlu Sheji"),
        ("Luokexide Mading", "洛克希德·马丁公司"),
        ("華為技術有限公司", "华为技术有限公司"),
        ("Huawei Technologies Co., Ltd.", "HUAWEI TECHNOLOGIES CO LTD"),
        ("Skydio Inc", "Skydio, Inc."),
        ("Aero Vironment", "AeroVironment, Inc."),
        ("Gibbs and Cox", "Gibbs & Cox, Inc."),
        ("MARTIN, Lockheed", "Lockheed Martin"),
        ("Goodwill Company", "Good Will Company"),
        ("Crystalord Limited", "CRISTALORD LTD"),
        # transliteration variants sound alike (veu-names/2)
        ("Saddam Husayn", "Saddam Hussein"),
        ("Muhammad Yunus", "Mohammed Yunus"),
        ("Usama bin Ladin", "Osama bin Laden"),
        ("Musa Kusa", "Moussa Koussa"),  # four letters sound alike when lengths differ (v3)
        ("Sergey Lavrov", "Sergey Viktorovich Lavrov"),  # a patronymic left out (v3)
        ("Anna Petrova", "Anna Sergeyevna Petrova"),
        ("Brigade Fourty-four", "Brigade 44"),  # a misspelt number word
        # a title or honorific only one name has (v4)
        ("Präsident Barack Obama", "Barack Obama"),
        ("Isa Bin Tarif Al Bin Ali", "Shaikh Isa Bin Tarif Al Bin Ali"),
        ("Saduddin Mullah Sayyed", "Saduddin Sayyed"),
    ],
)
def test_same_entity_matches(query: str, listed: str) -> None:
    assert score(query, listed) >= MATCH


@pytest.mark.parametrize(
    ("query", "listed"),
    [
        ("Deutsche Bank", "Deutsche Bank Trust Company"),
        ("CRYSTALORD SYSTEMS LIMITED", "CRYSTALORD LTD"),
        ("Bowne Global Solutions, Inc.", "Bowne Global Solutions II, Inc."),
        ("Apollo Investment Fund VIII L.P.", "Apollo Investment Fund IX L.P."),
        ("Volkswagen Aktiengesellschaft", "Siemens Aktiengesellschaft"),
        ("General Dynamics Land Systems", "General Dynamics Mission Systems"),
        ("华为", "花卫"),  # homophones: pinyin is the same, the characters are not
        # real companies the FPDS and sanctions data would otherwise merge:
        ("SOS International LLC", "SES International Corp"),
        ("SI International", "SPI International"),
        ("Technology Service Corporation", "FJ Technology Service, Inc."),
        ("DEKA Integrated Solutions Corp", "Limited Liability Company Integrated Solutions"),
        ("AEROSPACE", "LKD Aerospace"),
        # a different distinctive word on each side (veu-names/2): held at review
        ("China Northern Rare Earth Group", "China Southern Rare Earth Group"),
        ("Hani Abd al-Latif Tilfah al-Rawi", "Hani Abd al-Latif Tilfah al-Tikriti"),
        ("SUBARU Corporation", "SOBAR"),  # sound alike only once their vowels are gone
        # listed four-letter acronyms a letter apart (veu-names/3): review at most
        ("CETC", "CITC"),
        ("AVIC", "AVEC"),
        # different patronymics: different people (v3)
        ("Ivan Ivanovich Petrov", "Ivan Sergeyevich Petrov"),
        # a title does not make different people one (v4), and General is not a title
        ("Dr Ivan Petrov", "Dr Ivan Sidorov"),
        ("Colonel Li Wei", "Li Wen"),
        ("General Dynamics", "Dynamics Research Corporation"),
        # a title-like word beside only a common word may be the name itself
        ("MRS International", "International"),
    ],
)
def test_different_entities_do_not_match(query: str, listed: str) -> None:
    assert score(query, listed) < MATCH


@pytest.mark.parametrize("name", ["CORP", "Company", "有限公司", "Inc."])
def test_legal_form_alone_never_matches(name: str) -> None:
    for listed in ("CORP", "Lockheed Martin Corporation", "Company", "有限公司"):
        assert score(name, listed) == 0.0


def test_legal_forms_and_punctuation_do_not_decide() -> None:
    base = score("Lockheed Martin", "Lockheed Martin")
    assert score("Lockheed Martin, Inc.", "LOCKHEED-MARTIN CORPORATION") == base == 1.0
    assert score("洛克希德·马丁有限公司", "洛克希德马丁股份有限公司") == 1.0
    assert score("Deutsche Bank AG", "Deutsche Bank GmbH") == 1.0
    explained = score_names(normalise("Boeing Co."), normalise("Boeing GmbH")).explanation
    assert explained["legal_forms"] == {
        "score": 0.0,
        "weight": 0.0,
        "query": ["corporation"],
        "candidate": ["gmbh"],
    }


def test_contained_names_go_to_review_not_match() -> None:
    value = score("Huawei", "Huawei Technologies")
    assert REVIEW <= value < MATCH
    # the shorter name's title is not looked for in the longer (v4)
    assert REVIEW <= score("President Erdoğan", "Recep Tayyip Erdoğan") < MATCH
    # nor its "of" (v9): Chinese writes none, and its PLA units say whose they are
    pla_unit = "中国人民解放军国防科技大学"  # the PLA's National University of Defense Technology
    assert REVIEW <= score(pla_unit, "National University of Defense Technology") < MATCH


def test_explanation_names_each_feature_with_score_and_weight() -> None:
    result = score_names(
        normalise("Lockheed Martin Corp."), normalise("Lockheed Martin Aeronautics")
    )
    assert {"tokens", "skeleton"} <= set(result.explanation)
    tokens = result.explanation["tokens"]
    assert tokens["unmatched_candidate"] == ["aeronautics"]
    assert tokens["weight"] == 1.0
    assert 0 <= tokens["score"] <= 1


def test_chinese_pairs_use_the_characters_not_pinyin() -> None:
    result = score_names(normalise("洛克希德·马丁公司"), normalise("洛克希德·马丁公司"))
    assert "han" in result.explanation
    assert "tokens" not in result.explanation


def test_chinese_names_with_another_place_in_the_same_frame_go_to_review() -> None:
    """北京 / 南京航空航天大学 are two universities: held at review, and the explanation names
    the characters each has; a word for "and" written for another is not another name."""
    result = score_names(normalise("北京航空航天大学"), normalise("南京航空航天大学"))
    assert result.score == 0.72
    assert result.explanation["distinct_words"]["query"] == ["北"]
    assert result.explanation["distinct_words"]["candidate"] == ["南"]
    same = score_names(normalise("吉布斯与考克斯公司"), normalise("吉布斯和考克斯公司"))
    assert same.score > 0.85
    assert "distinct_words" not in same.explanation
    longer = score_names(normalise("中国航空工业集团公司"), normalise("中国航空工业集团有限公司"))
    assert longer.score == 1.0


def test_spaces_between_chinese_characters_are_not_read() -> None:
    """Forms and documents laid out by hand space characters out (王　伟, 公 司): Chinese writes
    no spaces, so they are not read (veu-names/49)."""
    assert score("通 用 动 力 陆 地 系 统 公 司", "通用动力陆地系统公司") == 1.0
    assert score("王\u3000伟", "王伟") == 1.0
    assert score("通用动力 陆地系统 公司", "General Dynamics Land Systems") >= MATCH
    assert score("王 伟", "王建伟") < MATCH


def test_a_country_one_chinese_name_begins_with_counts_for_half() -> None:
    """美国通用原子航空系统公司, as MOFCOM's announcements write the General Atomics it lists as
    通用原子航空系统公司: a country only one name has counts for half its characters, as a very
    common word does among words (USA Photon / Photon, 0.75); two countries are two parties
    (veu-names/49)."""
    result = score_names(normalise("美国通用原子航空系统公司"), normalise("通用原子航空系统公司"))
    assert result.score == pytest.approx(0.9)
    assert result.explanation["han"]["country_left_out"] == "美国"
    assert score("通用原子航空系统公司（美国）", "通用原子航空系统公司") == pytest.approx(0.9)
    assert score("美国光子公司", "光子公司") == pytest.approx(score("USA Photon", "Photon"))
    assert score("美国通用原子航空系统公司", "日本通用原子航空系统公司") < REVIEW + 0.03
    assert score("美国公司", "公司") == 0.0  # nothing but the country and a legal form


def test_group_is_a_legal_form_beside_a_name_that_had_it_removed() -> None:
    """集团 and Jituan are removed as legal forms, English Group is a word: beside a name that
    had one removed, Group is read as that form (veu-names/51)."""
    assert score("PVH Group", "PVH集团") == 1.0  # MOFCOM's Unreliable Entity List; 0.6 before
    assert score("Huawei Group", "华为集团") == 1.0
    assert score("Huawei Group", "Huawei Jituan") == 1.0
    assert score("PVH Group", "TCL集团") < REVIEW
    assert score("Avia Group", "Avia") == score("Avia", "Avia Group") < MATCH  # no form removed


def test_every_feature_is_documented() -> None:
    for feature in ALL_FEATURES:
        assert len(feature.doc()) > 40, feature.name


def test_a_different_word_on_each_side_goes_to_review_not_away() -> None:
    northern = score("China Northern Rare Earth Group", "China Southern Rare Earth Group")
    assert REVIEW <= northern < MATCH  # a person looks; it is never a match on names alone
    result = score_names(
        normalise("China Northern Rare Earth"), normalise("China Southern Rare Earth")
    )
    distinct = result.explanation["distinct_words"]
    assert (distinct["query"], distinct["candidate"]) == (["north"], ["south"])
    # the adjective is its point of the compass (v27), and a misspelt one is not another
    assert score("China North Rare Earth", "China Northern Rare Earth") >= MATCH
    assert score("CNTRAL BANK OF SYRIA", "CENTRAL BANK OF SYRIA") >= MATCH
    assert score("CNTRAL BANK OF SYRIA", "EASTERN BANK OF SYRIA") < MATCH
    assert score("Goodwill Trading Company", "Good Will Trading Company") >= MATCH  # resplit


def test_two_countries_are_two_branches_even_when_one_is_a_common_word() -> None:
    # China is a common word (half its width), Chad is not: still two countries (veu-names/5).
    result = score_names(
        normalise("Industrial and Commercial Bank of Chad Limited"),
        normalise("Industrial and Commercial Bank of China Limited"),
    )
    assert REVIEW <= result.score < MATCH
    assert result.explanation["distinct_words"]["countries"] == [["chad"], ["china"]]
    aligned = explained("Raytheon Australia", "Raytheon Austria")
    assert aligned["distinct_words"]["contrasting"] == [["australia", "austria"]]
    # The same country twice, or a country on one side only, is not a contrast.
    assert score("Huawei Technologies (Thailand) Co.", "Huawei Technologies Thailand Co") >= MATCH
    assert "distinct_words" not in explained("Huawei Technologies Thailand", "Huawei Technologies")
    # Words naming more than one country name none: DPRK and Korea are not told apart by this.
    korea = explained("Korea Namgang Trading", "DPRK Namgang Trading")
    assert "countries" not in korea.get("distinct_words", {})


def test_a_distinctive_word_beside_common_words_only_is_another_party() -> None:
    """Names that pair only common words, one with a distinctive word the other lacks: that word
    is all that names the party (a subsidiary, a unit), so a person looks (v25); not its
    acronym, nor a number both have."""
    cetc = "CHINA ELECTRONICS TECHNOLOGY GROUP CORPORATION"
    result = score_names(normalise(cetc), normalise("China Electronics Technology HIK Group Co."))
    assert REVIEW <= result.score < MATCH
    assert result.explanation["distinct_words"]["common_words_only"] is True
    assert score(cetc, "China Electronics Technology Group Corporation (CETC)") >= MATCH
    assert score("CETC No. 11 Research Institute", "CETC 11th Research Institute") >= MATCH
    assert score("Advanced Technologies", "Lockheed Martin Advanced Technologies") < MATCH


def test_own_and_fathers_names_swapped_are_two_generations() -> None:
    result = score_names(
        normalise("SALMAN BIN MUHAMMAD AL-RAWI"), normalise("MUHAMMAD BIN SALMAN AL-RAWI")
    )
    assert REVIEW <= result.score < MATCH  # the same words; a person looks
    assert result.explanation["lineage"] == {
        "score": 1.0,
        "weight": 0.72,
        "query": {"own": "salman", "father": ["muhammad", "rawi"]},
        "candidate": {"own": "muhammad", "father": ["salman", "rawi"]},
    }
    # A son beside his father, a father's name of two words (Abd al-Rahman).
    assert score("Usama bin Muhammad bin Awad bin Ladin", "Muhammad bin Awad bin Ladin") < MATCH
    assert score("'Abd al-Rahman bin 'Amir", "'Amir bin 'Abd al-Rahman") < MATCH
    # The same person, "son of" spelt otherwise, or written surname first.
    assert score("Hajjaj bin Fahad al-Ajmi", "AL-AJMI, Hajjaj ibn Fahad") >= MATCH
    assert score("BEN KHALIFA, Fahmi", "BIN KHALIFA, Fahmi") >= MATCH
    assert "lineage" not in explained("Osama bin Laden", "Usama bin Muhammad bin Awad bin Ladin")


def test_a_childs_arabic_name_is_not_its_parents() -> None:
    """An Arabic name is the own name, then the father's, grandfather's and family's: a name
    that is another's with an own name before it is the child's (v22), held for a person; the
    same words reordered, a repeated word left out, a title, Muhammad or a company are not."""
    hala = score_names(
        normalise("AL-TIKRITI, Hala Saddam Hussein"),
        normalise("AL-TIKRITI, Saddam Hussein"),
        person=True,
    )
    assert REVIEW <= hala.score < MATCH
    assert hala.explanation["next_generation"] == {
        "score": 1.0, "weight": 0.72, "child": "query", "own": "hala", "then": "saddam hussein",
    }  # fmt: skip
    # The grandfather's name given to the grandson: the same words once a repeat is dropped.
    ibrahim = ("AL-TIKRITI, Ibrahim Sabawi Ibrahim Hassan", "AL-TIKRITI, Sab'awi Ibrahim Hassan")
    assert person(*ibrahim) < MATCH
    assert person("Barzan Ibrahim Hassan", "KHAWLA BARZAN IBRAHIM HASAN AL-TIKRITI") < MATCH
    assert person("Salman Mohammed bin", "Mohammed bin Salman") >= MATCH
    assert (
        person("AL-TIKRITI, Ibrahim Sabawi Ibrahim Hasan", "Ibrahim Sabawi Hasan al-Tikriti")
        >= MATCH
    )
    assert person("Sheikh Saddam Hussein al-Tikriti", "Saddam Hussein al-Tikriti") >= MATCH
    assert person("Muhammad Ayman al-Zawahiri", "Ayman al-Zawahiri") > 0.72
    assert person("James Paul McCartney", "Paul McCartney") > 0.72  # no article nor bin
    # Not a person's: a company may begin with one word more.
    assert "next_generation" not in explained(
        "Hala Saddam Hussein al-Tikriti", "Saddam Hussein al-Tikriti"
    )


def test_the_article_and_a_french_dj_are_spellings() -> None:
    """al, el, ul and Persian ol are one word; Dj is J as French writes Arabic names (v12)."""
    assert (
        score(
            "KHATAM OL ANBIA GHARARGAH SAZANDEGI NOOH", "Khatam al-Anbiya Gharargah Sazandegi Nooh"
        )
        >= MATCH
    )
    assert score("Djamel Lounici", "Jamal Lounici") >= MATCH
    assert score("Ahmad el-Tayeb", "Ahmad al-Tayyeb") >= MATCH
    assert score("Djamel Lounici", "Kamel Lounici") < MATCH


def test_joining_words_cost_little_and_never_tell_names_apart() -> None:
    """``of``, ``and``, ``for`` (and ``des``, ``del``, ``et``, ``und``): names are written with
    and without them, and Chinese never writes them (中国航空工业, China Aviation Industry, is
    Aviation Industry Corporation of China). One only one name has counts for a quarter of its
    width (v10: it counted as a short word, and the pair scored 0.84); not ``du`` or ``le``,
    which are surnames and pinyin."""
    from veu.matching.tokens import distinctive

    assert score("China Aviation Industry Corp", "Aviation Industry Corporation of China") >= 0.85
    assert score("中国航空工业集团有限公司", "AVIATION INDUSTRY CORPORATION OF CHINA, LTD.") >= 0.85
    assert score("Institute for Defense Analyses", "Defense Analyses Institute") >= 0.85
    assert not distinctive("of")
    assert not distinctive("und")
    assert score("Du Wei Ming", "Wei Ming") < 0.85  # a surname left out is a different person
    assert score("Le Van Thanh", "Van Thanh") < 0.85
    # Only between words: one that begins a name joins nothing (v26: D.E.S. INTERNATIONAL, as
    # dots left out write it, had matched INT LTD EOOD at 0.95); one left at the end once a
    # legal form is removed still costs little (HTOO GROUP OF COMPANIES).
    assert score("D.E.S. INTERNATIONAL", "INT LTD EOOD") < 0.85
    assert score("Des Moines Trading", "Moines Trading") < 0.85
    assert score("HTOO GROUP", "HTOO GROUP OF COMPANIES") >= 0.85
    assert score("Banque des Mines", "Banque Mines") >= 0.85


def test_a_name_in_arabic_script_is_read_by_its_consonants_and_held_for_review() -> None:
    """أيمن الظواهري beside Ayman al-Zawahiri: the words without short vowels read as the Latin
    name's words with the same consonants (v10; 0.44 before). Such a reading is never a match
    alone (capped at 0.84): محمد is Muhammad, but Mahmoud has its consonants too."""
    explanation = explained("أيمن الظواهري", "Ayman al-Zawahiri")
    assert explanation["consonants"]["words"] == {"aymn": "ayman", "dhwahry": "zawahiri"}
    assert 0.7 <= score("أيمن الظواهري", "Ayman al-Zawahiri") <= 0.84
    assert 0.7 <= score("Mohammed Omar", "محمد عمر") <= 0.84
    assert score("محمد عمر", "Ali Hassan") < 0.5
    # written with its long vowels, a name may match as written, as Cyrillic does
    assert score("أسامة بن لادن", "Usama bin Laden") >= 0.85


def test_one_consonant_or_pinyin_is_not_read_as_an_arabic_name() -> None:
    """A reading by consonants needs three of them in all, and a name in Latin letters without
    Han characters: علي (one consonant) is neither Ali alone nor 李 (li)."""
    assert score("علي", "李") < 0.5
    assert score("علي", "Li") < 0.5
    assert "consonants" not in explained("علي", "Ali")
    assert 0.7 <= score("أيمن الظواهري", "Ayman al-Zawahiri") <= 0.84
    # a word the other name has as written counts with those read (v29): عبد الله beside Abd
    # Allah had only abd read (two consonants) and scored 0.72, beside Abdullah 0.84
    assert score("عبد الله", "Abd Allah") == score("عبد الله", "Abdullah") == 0.84
    assert score("انصار الدين", "Ansar Eddine") == 0.84


def test_names_in_chinese_with_different_latin_words_are_different_names() -> None:
    """LKD航天公司 / AEVEX 航天公司 (MOFCOM): the same Chinese word (航天, aerospace) after two
    names scored 1 when only the characters were compared (veu-names/10)."""
    different = score_names(normalise("LKD航天公司"), normalise("AEVEX 航天公司"))
    assert different.score < 0.7
    assert different.explanation["han"]["latin"] == {"query": ["lkd"], "candidate": ["aevex"]}
    assert score_names(normalise("LKD航天公司"), normalise("LKD 航天公司")).score == 1.0
    # Latin words on one side only: the characters decide, as before
    one_side = score_names(normalise("华为技术(HK)有限公司"), normalise("华为技术有限公司"))
    assert one_side.score == 1.0


def test_a_chinese_name_is_not_read_by_sound_as_a_name_in_pinyin() -> None:
    """贾森·艾肯 (Jason Aiken) read by sound as Shusheng Chen scored 0.88 (veu-names/10): a name
    all in pinyin is compared by the Chinese name's pinyin."""
    pinyin = score_names(normalise("贾森·艾肯"), normalise("CHEN, Shusheng"))
    assert pinyin.score < 0.7
    assert "gloss" not in pinyin.explanation
    assert score_names(normalise("贾森·艾肯"), normalise("Jason Aiken")).score >= 0.85
    assert score_names(normalise("琳达·陈"), normalise("Linda Chen")).score >= 0.85


def test_initials_alone_do_not_match_the_words_they_may_begin() -> None:
    """Group W / Welmart Group scored 0.93: W stood for Welmart, Group is a common word."""
    capped = score_names(normalise("Group W"), normalise("Welmart Group"))
    assert capped.score <= 0.6
    assert "capped_from" in capped.explanation["tokens"]
    assert score_names(normalise("J. Smith"), normalise("John Smith")).score >= 0.85
    letters = score_names(normalise("A B C Trading"), normalise("Alpha Beta Charlie Trading"))
    assert letters.score < 0.7


def test_a_middle_initial_left_out_costs_its_letter_only() -> None:
    """Kathy Warden / Kathy J. Warden: a middle initial is as often left out as written (v13);
    one initial, the only word left over, beside two words in full: not two initials, not when
    the other name keeps a word or an initial of its own, not letters of a company's name
    (R&D, A and M), nor Trust I / Trust II."""
    assert score("Kathy Warden", "Kathy J. Warden") >= MATCH
    assert score("Kathy J. Warden", "Kathy Warden") >= MATCH
    assert REVIEW <= score("John Smith", "John A. B. Smith") < MATCH
    assert score("A and M Mahar Company Limited", "ASSAD, Mahar") < MATCH
    assert score("Huawei Technologies R&D UK", "Huawei Technologies (UK) Co., Ltd.") < MATCH
    assert score("William G. Frost", "William W. Frost") < MATCH
    assert score("Hans O. Friedrich", "Hans Joachim Friedrich") < MATCH
    assert score("Citigroup Capital Trust I", "Citigroup Capital Trust II") < REVIEW


def person(a: str, b: str) -> float:
    return score_names(normalise(a), normalise(b), person=True).score


def test_a_persons_middle_names_left_out_are_read_without_them() -> None:
    """David Sutton / David Keith Sutton (v14): a person's name leaving out up to two middle
    names between the same first and last names matches, a little lower the more it leaves out,
    surname first or not; MOFCOM writes 大卫·萨顿 for David Keith Sutton. Only for persons (a
    company's middle word is part of its name), not past another surname, not two middle names
    left out of three, not in a name that writes a word twice (its tokens hold it once), and
    not in names in pinyin (Li Ming is not Li Xiao Ming)."""
    one, two = (
        person("David Sutton", "David Keith Sutton"),
        person("Janan Agha", "Janan Mohammad Ahmed Agha"),
    )
    assert one >= MATCH
    assert MATCH <= two < one
    assert person("David Keith Sutton", "David Sutton") == one
    assert person("David Sutton", "SUTTON, David Keith") == one
    assert person("SUTTON, David", "David Keith Sutton") == one
    assert person("大卫·萨顿", "David Keith Sutton") >= MATCH
    assert person("大卫·萨顿", "David Keith Sutton") < person("大卫·萨顿", "David Sutton")
    explanation = score_names(
        normalise("David Sutton"), normalise("David Keith Sutton"), person=True
    ).explanation
    assert explanation["middle_names"]["left_out"] == ["keith"]
    assert explanation["middle_names"]["read_as"] == "david sutton"
    assert score("David Sutton", "David Keith Sutton") < MATCH  # not a person's: as before
    assert person("David Sutter", "David Keith Sutton") < REVIEW
    assert person("Mohammad Jan", "Mohammad Kabir Ahmad Zahir Jan") < MATCH
    assert person("Abdul Kabir Abdul Jan", "Abdul Kabir Mohammad Jan") < MATCH
    assert person("Li Ming", "Li Xiao Ming") < MATCH


def test_middle_names_are_looked_for_between_the_first_and_last_words() -> None:
    from veu.matching.tokens import middle_names

    assert middle_names(("david", "sutton"), ("david", "keith", "sutton")) == (
        ("david", "sutton"),
        ("keith",),
    )
    assert middle_names(("anna", "maria", "weber"), ("anna", "lena", "maria", "weber")) == (
        ("anna", "maria", "weber"),
        ("lena",),
    )
    assert middle_names(("anna", "maria", "weber"), ("anna", "lena", "weber", "klein")) is None
    assert middle_names(("david",), ("david", "sutton")) is None  # one word: no first and last
    assert middle_names(("david", "sutton"), ("david", "k", "sutton")) is None  # an initial
    assert middle_names(("li", "ming"), ("li", "xiao", "ming")) is None


def test_a_number_written_into_a_word_is_a_number() -> None:
    """APT38 / APT 38 (the SDN writes both): the number is the same, written into a word or
    not (0.80 in v13, the numbers feature seeing a number on one side only); APT38 / APT39
    differ by their numbers. A digit between letters stands for a letter (Ig0r Sech1n), and
    one the other name writes between letters is no number of its own (L3 Harris, L3Harris)."""
    assert score("APT38", "APT 38") >= MATCH
    assert score("Unit 8200", "Unit8200") >= MATCH
    assert score("APT38", "APT39") < REVIEW
    assert explained("APT38", "APT39")["numbers"]["score"] == 1.0
    assert "numbers" not in explained("Ig0r Sech1n", "Igor Sechin")
    assert score("L3Harris Technologies", "L3 Harris Technologies Inc") >= MATCH


def test_middle_names_beside_chinese_follow_the_same_rules() -> None:
    """大卫·萨顿 beside David Keith Sutton reads the English without Keith; not beside a name
    writing a word twice, whose tokens hold it once (as in Latin letters)."""
    assert person("大卫·萨顿", "David Keith Sutton") >= MATCH
    assert person("大卫·萨顿", "David Keith David Sutton") < MATCH  # tokens: david keith sutton


def test_a_russian_adjective_of_place_is_read_as_the_town_in_organisations_names() -> None:
    """Mytishchinskiy Mashinostroitelnyy Zavod / Mytishchi Machine-Building Plant (v15): the
    adjective read as the town the other name writes, 0.02 lower, and the explanation says so;
    a person's surname is no adjective of place (Zelensky / Zelen)."""
    read = score_names(
        normalise("Мытищинский машиностроительный завод"),
        normalise("MYTISHCHI MACHINE BUILDING PLANT"),
    )
    assert read.score == pytest.approx(0.98)
    assert read.explanation["place_adjective"] == {
        "side": "query", "read_as": "mytishchi machinebuilding plant", "penalty": 0.02,
    }  # fmt: skip
    assert score("Muromskiy Zavod", "Murmansk Plant") < REVIEW
    assert person("Vladimir Zelensky", "Vladimir Zelen") < MATCH
    assert score("Vladimir Zelensky", "Vladimir Zelen") < MATCH  # no organisation's name
    assert score("Kowalski Jan", "Kowal Jan") < MATCH
    assert score("Kazanskiy Vertoletnyy Zavod", "Kazan Aviation Plant") < REVIEW


def test_a_word_written_twice_stands_against_the_other_names_word_in_its_place() -> None:
    """ABDULLAHI MOHAMED MOHAMED CADDOW / ABDULLAHI OSMAN MOHAMED CADDOW (v15): the tokens hold
    MOHAMED once, and the name seemed contained in the other (0.90); scored with the word twice
    it is a namesake. As before beside a name that leaves the repeat out, or repeats it too, and
    for particles (bin, al) written twice."""
    assert person("ABDULLAHI MOHAMED MOHAMED CADDOW", "ABDULLAHI OSMAN MOHAMED CADDOW") < MATCH
    explanation = score_names(
        normalise("GOMEZ GOMEZ, Viviana"), normalise("Viviana Gomez Rodriguez"), person=True
    ).explanation
    assert explanation["repeated_word"] == {"side": "query", "read_as": "gomez gomez viviana"}
    assert person("ABDULLAHI MOHAMED MOHAMED CADDOW", "ABDULLAHI MOHAMED CADDOW") == 1.0
    assert person("Isa Bin Tarif Al Bin Ali", "Shaikh Isa Bin Tarif Al Bin Ali") >= MATCH
    assert person("HAMDAN, Salim Ahmad Salim", "Salim Ahmad Salim Hamdan") == 1.0


def test_words_one_name_joins_are_joined_in_the_other() -> None:
    """Hua Wei / Huawei, Abdul Rahman / Abdulrahman: the words are paired word by word, and the
    skeleton that joins them all no longer helps once another word differs (v16)."""
    assert score("Hua Wei Technologies", "Huawei") == score("Huawei Technologies", "Huawei")
    assert score("Hua Wei Technologies", "Huawei") >= 0.75  # one name within the other
    assert score("Abdul Rahman Mohammed Ali", "Abdulrahman Ali") > score(
        "Abdul Rahman Mohammed Ali", "Abdulrahim Ali"
    )
    assert score("Goodwill Company", "Good Will Company") == 1.0
    assert score("Aero Vironment Systems", "AeroVironment Systems") == 1.0
    assert score("Hua Wei Technologies", "Huawei Logistics") < REVIEW  # what is left differs
    assert explained("Hua Wei Technologies", "Huawei")["tokens"]["aligned"] == [
        ["huawei", "huawei", 1.0]
    ]


@pytest.mark.parametrize(
    ("apart", "joined"),
    [("Siraj-ud-Din", "Sirajuddin"), ("Siraj al-Din", "Sirajudin"),
     ("Habib ur Rehman", "Habibur Rehman"), ("Abd ar-Rahman", "Abdur Rahman"),
     ("Abd al-Rahman", "Abdurrahman"), ("Abd al-Karim", "Abdul Karim"),
     ("Abd al-Rahman", "Abdelrahman"), ("Ahmad al-Din", "Ahmad Uddin"),
     ("Ansar al-Dine", "Ansar Eddine"), ("Al Qaida", "Alqaida")],
)  # fmt: skip
def test_the_article_is_joined_to_a_word_as_said(apart: str, joined: str) -> None:
    """A name that writes the article in one with a word, as said before a sun letter (Siraj
    ud-Din: Sirajuddin) or as ul or el (Abdul), beside one that writes it apart, the article read
    as al (Siraj al-Din): the same name. Siraj-ud-Din beside Sirajuddin scored 0.72 in v29, when
    ud- became al-."""
    assert score(apart, joined) == 1.0
    assert score(joined, apart) == 1.0


def test_a_glued_word_spelt_otherwise_is_read_apart_as_the_other_writes_it() -> None:
    """Abdulrahman beside Abdul Rehman: no run of the other's words is written so, so `_joined`
    joins nothing; read apart (abdul rahman), the name scores as Abdul Rahman does (0.42 in
    v29, now 0.92). A rest unlike the other's next word is not read apart."""
    assert person("Abdulrahman", "Abdul Rehman") == person("Abdul Rahman", "Abdul Rehman")
    assert person("Abdulrahman", "Abdul Rehman") >= MATCH
    assert person("Abdulrahman", "Abdul Rahim") == person("Abdul Rahman", "Abdul Rahim") < MATCH
    assert person("Abdulrahman Aldakhil", "AL-DAKHIL, Abdul Rehman") >= MATCH
    assert person("Johnsmith", "John Smyth") == person("John Smith", "John Smyth")


def test_every_article_glued_to_its_word_beside_a_name_writing_them_apart() -> None:
    """A name's tokens hold a word once, so AL-HUMAYQANI, 'Abd al-Wahab al-Qawi keeps one al; the
    name writing every article glued to its word (alWahab alQawi ALHUMAYQANI) scored 0.61."""
    listed = "AL-HUMAYQANI, 'Abd al-Wahab al-Qawi"
    assert person("'Abd alWahab alQawi ALHUMAYQANI", listed) == 1.0
    assert person("NASHWAN ABD ALRAZZAQ ABD ALBAQI", "NASHWAN ABD AL-RAZZAQ ABD AL-BAQI") == 1.0
    assert person("Ali Alhassan", "Ali Hassan") < MATCH  # no article written: not read so


def test_a_word_is_not_joined_to_another_article() -> None:
    assert score("Siraj al-Din", "Sirajuddin") > score("Siraj al-Din", "Sirajuzzaman")
    assert score("Abd al-Rahman", "Abdurrashid") < MATCH


def test_a_chinese_company_name_is_not_read_without_the_english_kind_of_company() -> None:
    """安杜里尔公司 is Anduril Industries on MOFCOM's list, but 公司 may stand for Inc. as well:
    Epirus Technologies beside Epirus, Inc. (埃皮鲁斯公司) is a near match for an officer, in
    Chinese as in English, not a match (a reading without the kind was tried in v16 and taken
    back: it turned that shipment's hold into a denial)."""
    assert REVIEW <= score("Anduril Industries", "安杜里尔公司") < MATCH
    assert REVIEW <= score("Anduril Industries", "Anduril, Inc.") < MATCH
    assert score("Anduril", "安杜里尔公司") >= MATCH


def test_a_persons_initials_written_together_are_read_apart() -> None:
    """JC Juncker, J.C. Juncker (the dots dropped): two initials, as J. C. Juncker's, where the
    other name has words in a row they begin (v17); a word with a vowel is a name (Al, Li)."""
    assert person("JC Juncker", "Jean-Claude Juncker") >= MATCH
    assert person("J.C. Juncker", "Jean-Claude Juncker") == person(
        "J. C. Juncker", "Jean-Claude Juncker"
    )
    assert person("G.W. Bush", "George W. Bush") >= MATCH
    assert person("DK Sutton", "SUTTON, David Keith") >= MATCH
    assert person("DK Sutton", "SUTTON, Daniel") < REVIEW  # no word begins with k
    assert person("JC Juncker", "Jean-Marc Juncker") < REVIEW  # nor with c
    assert person("Al Smith", "Adam Lee Smith") < MATCH  # Al is a name
    assert score("JC Juncker", "Jean-Claude Juncker") < REVIEW  # a company's letters: an acronym


def test_a_baltic_spelling_of_a_mans_name_is_read_without_its_endings() -> None:
    """Latvian and Lithuanian end a man's every name in s (Sergejs Lavrovs, Sergejus Lavrovas):
    read without the endings, the whole way again, middle names too (v17); not a name with a
    word ending otherwise (John Williams stays a word apart from John William)."""
    assert person("Sergejs Lavrovs", "Sergey Viktorovich LAVROV") >= MATCH
    assert person("Sergejus Lavrovas", "LAVROV, Sergei Viktorovich") >= MATCH
    putin = person("Vladimirs Putins", "Vladimir Putin")
    assert putin > person("Vladimir Putins", "Vladimir Putin")
    assert person("Vladimirs Putins", "PUTILIN, Vladimir") < REVIEW
    assert person("John Williams", "John William") == score("John Williams", "John William")
    read = score_names(normalise("Sergejs Lavrovs"), normalise("Sergey Lavrov"), person=True)
    assert read.explanation["endings"]["query"] == "sergej lavrov"
    assert person("Elias", "Julia") < REVIEW  # a name alone: not read (Elia)


def test_long_words_a_sound_apart_are_alike_only_for_a_close_sound() -> None:
    """Long words whose sound keys differ by one sound added (Aleksandr / Alexander) or by a close
    one (Mykolaivna / Nikolaevna: m n; Eghtesad / Eqtesad: g k) may be one name spelt two ways;
    by any other sound they are other names (Echegaray / Echeverria, Severskiy / Sinarskiy, two
    pipe plants on the SDN): v19."""
    from veu.matching.tokens import PHONETIC_SIMILARITY, token_similarity

    alike = PHONETIC_SIMILARITY - 0.05
    assert token_similarity("aleksandr", "alexander") >= alike
    assert token_similarity("mykolaivna", "nikolaevna") == alike
    assert token_similarity("eghtesad", "eqtesad") == alike
    assert token_similarity("echegaray", "echeverria") < alike
    assert token_similarity("severskiy", "sinarskiy") < alike
    pipes = ("JOINT STOCK COMPANY SEVERSKIY PIPE PLANT", "JOINT STOCK COMPANY SINARSKIY PIPE PLANT")
    assert score(*pipes) < MATCH


def test_one_word_names_that_only_sound_alike_are_held_for_review() -> None:
    """One word each, alike by sound but more edits apart than a typing error: held under the
    match threshold for a person (v20); a typing error is not this (Skydio / Skydoi), nor a name
    of more words (the others tell the parties apart)."""
    assert REVIEW <= score("TOLOU", "TILO") < MATCH
    assert REVIEW <= score("Husayn", "Hussein") < MATCH
    assert "one_word_by_sound" in explained("JANUS", "JONAS")
    assert score("Skydio", "Skydoi") >= MATCH
    assert score("Artur", "Arthur") >= MATCH
    assert score("Saddam Husayn", "Saddam Hussein") >= MATCH
    # A particle or a title is not a word: Abu Umar is one word (v23).
    assert REVIEW <= score("Abu Umar", "ABU 'AMMAR") < MATCH
    assert REVIEW <= score("HASSAN, Abu", "ABU HUSAYN") < MATCH
    assert REVIEW <= score("AL-AMIR CO.", "AL-AMMAR") < MATCH
    assert score("Abu Hamza", "ABU KHAMZA") >= MATCH  # a letter apart, as a typing error
    assert score("Abu Bakr al-Baghdadi", "Abu Bakr al-Bagdadi") >= MATCH


def test_letters_without_a_vowel_are_not_compared_by_sound() -> None:
    """CSRC / CSSRC (a securities regulator, a ship research centre): letters without a vowel
    are read as letters, as the Chinese sound comparison reads them, not as a word whose sound
    two spellings share (v21); a letter more is then a near match, held for a person."""
    from veu.matching.tokens import PHONETIC_SIMILARITY, token_similarity

    assert token_similarity("csrc", "cssrc") < PHONETIC_SIMILARITY
    assert REVIEW <= score("CSRC", "CSSRC") < MATCH
    assert token_similarity("musa", "moussa") >= PHONETIC_SIMILARITY  # words with vowels


def test_zh_is_read_as_j_where_the_other_name_writes_j_but_not_in_pinyin() -> None:
    """Russian ж and Persian ژ are zh in English and j in French and in many Persian names as
    their bearers write them (v27): Ahmadinezhad is Ahmadinejad, Prigozhin is Prigojine, dzh is
    dj (Gadzhiev, Gadjiev), a little lower than the same spelling. Pinyin's zh and j are two
    sounds: Zhang Wei is not Jiang Wei, nor Zhao Li Jao Li."""
    assert person("Mahmood Ahmadinezhad", "Mahmoud Ahmadinejad") >= MATCH
    assert person("Yevgeny Prigozhin", "Evgueni Prigojine") >= MATCH
    assert person("Gadzhiev Magomed", "Gadjiev Magomed") >= MATCH
    assert score("Izhevsk Mechanical Plant", "Ijevsk Mechanical Plant") >= MATCH
    read = score_names(normalise("Nadezhda Ivanova"), normalise("Nadejda Ivanova"), person=True)
    assert read.explanation["zh_as_j"] == {
        "side": "query", "read_as": "nadejda ivanova", "penalty": 0.02
    }  # fmt: skip
    assert read.score == pytest.approx(0.98)
    assert person("Zhang Wei", "Jiang Wei") < MATCH
    assert person("Zhao Li", "Jao Li") < REVIEW
    assert person("Zhukov", "Jukov") > person("Zhukov", "Jukav")  # the nearer reading counts


def test_dh_is_read_as_z_where_the_other_name_writes_z() -> None:
    """Arabic ظ, ذ, ض are dh in some romanisations and z in others (v34): the SDN list writes
    one person 'ABD AL-HAMID AL-ASADI, Makki Kazim and ABDUL HAMEED AL ASADI, Makki Kadhim
    (0.72, held for review), one BAHAZIQ and BAHADHIQ. Beside a d (Ramadhan, Ramadan) it is a
    letter left out, near enough as written, and not read."""
    assert person("Makki Kadhim", "Makki Kazim") >= MATCH
    assert (
        person("ABDUL HAMEED AL ASADI, Makki Kadhim", "'ABD AL-HAMID AL-ASADI, Makki Kazim")
        >= MATCH
    )
    assert person("Hafidh Saeed", "Hafiz Saeed") >= MATCH
    read = score_names(normalise("Ramadhan Abdullah"), normalise("Ramazan Abdullah"), person=True)
    assert read.explanation["dh_as_z"] == {
        "side": "query", "read_as": "ramazan abdullah", "penalty": 0.02
    }  # fmt: skip
    plain = score_names(normalise("Ramadhan Abdullah"), normalise("Ramadan Abdullah"), person=True)
    assert "dh_as_z" not in plain.explanation
    assert person("Kadhim Ali", "Kassim Ali") < MATCH  # another name


def test_an_adjectives_ending_is_read_as_the_other_name_writes_it() -> None:
    """-ский is -sky, -skiy, -ski, -skii, -skij (Ukrainian -skyi), -ская -skaya, -skaia, -skaja:
    Oleg Slizhevsky beside SLIZHEVSKI, Oleg Leonidovich scored 0.87, and beside the Belarusian
    SLIZHEUSKI, Aleh Leanidavich 0.84, under the match threshold (v44)."""
    assert person("Oleg Slizhevsky", "SLIZHEUSKI, Aleh Leanidavich") >= MATCH
    assert person("Sergey Kalinovskiy", "Sergey Kalinovski") > 0.98
    assert person("Anna Zelenskaia", "Anna Zelenskaja") > 0.98
    read = score_names(normalise("Ivan Tolchinskij"), normalise("Ivan Tolchinsky"), person=True)
    assert read.explanation["adjective_ending"] == {
        "side": "query", "read_as": "ivan tolchinsky", "penalty": 0.01
    }  # fmt: skip
    # not another gender's ending, nor another stem
    for other in ("Anna Zelensky", "Anna Zelenski"):
        read = score_names(normalise("Anna Zelenskaia"), normalise(other), person=True)
        assert "adjective_ending" not in read.explanation
    read = score_names(normalise("Ivan Tolchinskij"), normalise("Ivan Tolchansky"), person=True)
    assert "adjective_ending" not in read.explanation
