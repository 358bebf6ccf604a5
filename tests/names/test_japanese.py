"""Names written in Japanese: kana by Hepburn (`veu.names.kana`), Japan's own forms of kanji read
as simplified Chinese (`veu.names.normalize.simplified`), and loanwords in katakana glossed in
English. The names are the Japanese ones of entities MOFCOM put on its Export Control List on
24 February 2026 (Announcement 2026 No. 11), which lists them in Chinese and English."""

from __future__ import annotations

import pytest

from veu.matching import Query, ScreeningIndex, score_names
from veu.model import Listing, Name
from veu.names import normalise
from veu.names.gloss import gloss
from veu.names.kana import romanise_kana
from veu.names.normalize import simplified

MATCH = 0.85


def words(text: str | None) -> list[str]:
    assert text is not None
    return text.split()


REVIEW = 0.70


@pytest.mark.parametrize(
    ("kana", "latin"),
    [
        ("ジャパン", "japan"),  # ジャ one syllable (anyascii: jiyapan)
        ("ディフェンス", "difensu"),
        ("ジェット", "jetto"),  # ッ doubles the consonant after it
        ("マッチ", "matchi"),
        ("サービス", "sabisu"),  # ー, the long-vowel mark, left out
        ("ターボチャージャ", "tabochaja"),
        ("みずほ", "mizuho"),  # hiragana
        ("キャノン", "kyanon"),
        ("IHIジェット", "IHIjetto"),  # other characters as they are
    ],
)
def test_kana_is_written_by_hepburn(kana: str, latin: str) -> None:
    assert romanise_kana(kana) == latin


def test_japans_own_kanji_are_read_as_simplified_chinese() -> None:
    assert simplified("日本電気") == "日本电气"  # 気: Japan's form; 電: traditional
    assert simplified("広島県") == "广岛县"
    assert simplified("三菱電機") == "三菱电机"
    # characters Chinese writes as they are, which OpenCC's jp2t would change
    for chinese in ("研究所", "沪", "郎平", "翻译", "概念"):
        assert simplified(chinese) == chinese


def test_katakana_loanwords_are_glossed() -> None:
    assert words(gloss("三菱重工航空エンジン株式会社")) == [
        *("mitsubishi", "heavy", "industries", "aviation", "engine", "co", "ltd"),
    ]
    # a katakana word no entry has is its Hepburn (カワサキ, beside Kawasaki)
    assert words(gloss("三菱重工カワサキ", ("kawasaki",)))[-1] == "kawasaki"
    assert normalise("株式会社IHIマスターメタル").forms == frozenset({"stock_company"})
    assert "japan" in normalise("ジャパン マリンユナイテッド株式会社").tokens


# The listed entities' Japanese names are in the domain suite (tests/cases/pairs/domain.yaml);
# these are companies no list names, as Japan writes them.
JAPANESE_NAMES = [
    ("三菱電機株式会社", "Mitsubishi Electric Corporation"),
    ("日本電気株式会社", "NEC Corporation"),
    ("トヨタ自動車株式会社", "Toyota Motor Corporation"),
    ("日本製鉄株式会社", "Nippon Steel Corporation"),
]


@pytest.mark.parametrize(("japanese", "english"), JAPANESE_NAMES)
def test_a_name_in_japanese_matches_its_english_name(japanese: str, english: str) -> None:
    assert score_names(normalise(japanese), normalise(english)).score >= MATCH
    assert score_names(normalise(english), normalise(japanese)).score >= MATCH


@pytest.mark.parametrize(
    ("japanese", "english"),
    [
        ("トヨタ自動車株式会社", "Nissan Motor Co., Ltd."),
        ("三菱重工業株式会社", "China Heavy Industries"),
    ],
)
def test_another_companys_english_name_does_not_match(japanese: str, english: str) -> None:
    assert score_names(normalise(japanese), normalise(english)).score < REVIEW


def listing(key: str, *names: str) -> Listing:
    return Listing(
        id=f"t:{key}", list_id="t", party_id=f"t:{key}", names=tuple(Name(value=n) for n in names)
    )


def test_the_search_finds_a_listing_by_its_japanese_name() -> None:
    # as MOFCOM lists them: Chinese, and English
    listings = [
        listing(
            "aero", "三菱重工航空发动机株式会社", "Mitsubishi Heavy Industries Aero Engines, Ltd."
        ),
        listing(
            "marine",
            "三菱重工海洋机械株式会社",
            "Mitsubishi Heavy Industries Marine Machinery & Equipment Co., Ltd.",
        ),
        listing("ihi", "IHI喷气机服务株式会社", "IHI Jet Service Co., Ltd."),
        listing("ihi-aero", "IHI宇航株式会社", "IHI Aerospace Co., Ltd."),
        listing("boeing", "Boeing Defense, Space & Security"),
    ]
    index = ScreeningIndex(listings)
    for query, found in (
        ("三菱重工航空エンジン株式会社", "t:aero"),
        ("株式会社IHIジェットサービス", "t:ihi"),
    ):
        hits = index.search(Query(name=query), limit=3)
        assert hits[0].listing.id == found, (query, hits)
        assert hits[0].score >= MATCH, (query, hits)
        assert all(h.score < MATCH for h in hits[1:]), (query, hits)
