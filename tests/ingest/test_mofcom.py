from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.conftest import DATA
from veu.ingest import mofcom
from veu.ingest.common import ParsedList, apply_updates
from veu.ingest.mofcom.names import without_region
from veu.ingest.mofcom.text import parse_document
from veu.ingest.mofcom.updates import add_duration, document_key, encoded_updates
from veu.model import Listing, ListingState, PartyKind

MOFCOM = DATA / "mofcom"
D = dt.date.fromisoformat


@pytest.fixture(scope="module")
def parsed() -> dict[str, Listing]:
    outcome = mofcom.parse(MOFCOM)
    assert outcome.report.rejected == []
    return {item.id: item for p in outcome.lists for item in p.listings}


def state(listing: Listing, day: str) -> ListingState:
    return listing.status_on(D(day)).state


def test_counts_per_list() -> None:
    outcome = mofcom.parse(MOFCOM)
    counts = {p.info.id: len(p.listings) for p in outcome.lists}
    assert counts == {"cn-afs": 154, "cn-ecl": 102, "cn-uel": 82}
    assert {p.data_date for p in outcome.lists} == {D("2026-02-24")}
    reasons = {w.reason for w in outcome.report.warnings}
    assert "numbered annex line with no name" in reasons  # the empty "29." of 2025 No. 1
    assert "names no party to list (an investigation or other notice)" in reasons  # PVH probe


def test_export_control_listing_keeps_both_names_and_its_source(parsed: dict) -> None:
    lm = parsed["cn-ecl:2025-1:lockheedmartin"]
    assert [(n.value, n.lang) for n in lm.names] == [
        ("洛克希德·马丁公司", "zh"),
        ("Lockheed Martin Corporation", "en"),
    ]
    assert lm.source.number == "商务部公告2025年第1号"
    assert (
        lm.source.url
        == "https://www.mofcom.gov.cn/zwgk/zcfb/art/2025/art_1ee79b1b7f21444ebf4797c0ff8500fd.html"
    )
    assert lm.source.date == D("2025-01-02")
    assert lm.listed_on == D("2025-01-02")
    assert lm.countries == ("US",)
    assert lm.measures[0].startswith("一、禁止向上述28家美国实体出口两用物项")
    assert lm.original == "洛克希德·马丁公司（Lockheed Martin Corporation）"


def test_effective_date_later_than_publication(parsed: dict) -> None:
    # ECL 2025 No. 22: published 9 April, in force from 10 April 12:01
    insitu = parsed["cn-ecl:2025-22:insitu"]
    assert insitu.source.date == D("2025-04-09")
    assert insitu.listed_on == D("2025-04-10")


def test_name_containing_the_enumeration_comma(parsed: dict) -> None:
    boeing = parsed["cn-uel:2024-2:boeingdefensespaceandsecurity"]
    assert boeing.names[0].value == "波音防务、空间与安全集团"
    assert boeing.names[1].value == "Boeing Defense, Space & Security"


def test_country_prefix_is_kept_in_annex_names(parsed: dict) -> None:
    assert parsed["cn-ecl:2025-22:americanphotonics"].names[0].value == "美国光子公司"
    assert (
        parsed["cn-ecl:2026-11:necaerospacesystems"].names[0].value
        == "日本电气航空宇宙系统株式会社"
    )


def test_a_region_written_after_an_english_name_is_left_out_of_an_alias(parsed: dict) -> None:
    csbc = parsed["cn-ecl:2025-35:csbctaiwan"]
    assert [(n.value, n.role, n.lang) for n in csbc.names] == [
        ("国际造船股份有限公司", "primary", "zh"),
        ("CSBC Corporation,Taiwan", "primary", "en"),
        ("CSBC Corporation", "alias", "en"),
    ]
    assert without_region("Acme Ltd. (Taiwan)") == "Acme Ltd."
    assert without_region("Acme Ltd., Taiwan Region") == "Acme Ltd."
    assert without_region("Bank of Taiwan") is None
    assert without_region("Taiwan") is None


def test_inline_names_lose_the_descriptor_and_country(parsed: dict) -> None:
    gaas = parsed["cn-uel:2024-1:generalatomicsaeronauticalsystems"]
    assert [n.value for n in gaas.names] == [
        "通用原子航空系统公司",
        "General Atomics Aeronautical Systems",
        "美国通用原子航空系统公司",
    ]
    lm = parsed["cn-uel:2023-1:lockheedmartin"]
    assert lm.names[0].value == "洛克希德·马丁公司"  # not 参与对台湾地区军售的…
    assert "cn-uel:2024-1:caplugs" not in parsed  # warned about, not listed


def test_persons_and_their_roles(parsed: dict) -> None:
    warden = parsed["cn-afs:2024-7:kathyjwarden"]
    assert warden.kind == PartyKind.person
    assert warden.names[0].value == "凯西·沃登"
    assert warden.remarks == "女，诺斯罗普·格鲁曼公司董事长、首席执行官、总裁"
    assert parsed["cn-afs:2024-6:mikegallagher"].names[0].value == "麦克·加拉格尔"
    assert parsed["cn-afs:2022-4:yumaochun"].kind == PartyKind.person
    # a narrative list of persons in one annex item
    assert parsed["cn-afs:2024-15:davidmatas"].names[0].value == "戴维·马塔斯"
    assert parsed["cn-afs:2024-15:youngdoungtenzin"].names[0].value == "永东丹增"


def test_branches_are_listed(parsed: dict) -> None:
    branches = [
        item for item in parsed.values() if item.id.startswith("cn-uel:2025-10:techinsights")
    ]
    assert len(branches) == 7
    assert parsed["cn-uel:2025-10:techinsightsjapan"].remarks == "branch of TechInsights Inc."


def test_document_without_number_is_keyed_by_date(parsed: dict) -> None:
    assert "cn-afs:20230413:michaelmccaul" in parsed


def test_uel_suspensions_read_from_the_notices(parsed: dict) -> None:
    skydio = parsed["cn-uel:2025-7:skydio"]
    assert [(e.status, e.start, e.until) for e in skydio.history[1:]] == [
        ("suspended", D("2025-05-14"), D("2025-08-12")),
        ("suspended", D("2025-08-12"), D("2025-11-10")),
        ("suspended", D("2025-11-10"), D("2026-11-10")),
    ]
    notice = skydio.history[1].source
    assert notice.date == D("2025-05-14")
    assert "暂停17家美国实体" in notice.title
    assert skydio.history[3].source.url.startswith("https://www.mofcom.gov.cn/")
    assert state(skydio, "2025-05-13") == ListingState.in_force
    assert state(skydio, "2025-05-14") == ListingState.suspended
    assert state(skydio, "2026-11-09") == ListingState.suspended
    assert state(skydio, "2026-11-10") == ListingState.in_force
    shield = parsed["cn-uel:2025-8:shieldai"]
    assert state(shield, "2025-06-01") == ListingState.suspended  # no end given
    assert state(shield, "2025-08-12") == ListingState.stopped
    for lid in ("cn-uel:2025-5:cubic", "cn-uel:2025-6:illumina"):
        assert state(parsed[lid], "2025-11-09") == ListingState.in_force
        assert state(parsed[lid], "2025-11-10") == ListingState.stopped


def test_encoded_export_control_changes_cite_their_sources(parsed: dict) -> None:
    cubic = parsed["cn-ecl:2025-21:cubic"]
    assert state(cubic, "2025-05-13") == ListingState.in_force
    assert state(cubic, "2025-05-14") == ListingState.suspended
    assert state(cubic, "2025-11-10") == ListingState.suspended
    assert state(cubic, "2026-11-10") == ListingState.in_force
    assert all(e.source and e.source.url for e in cubic.history)
    insitu = parsed["cn-ecl:2025-22:insitu"]
    assert state(insitu, "2025-08-11") == ListingState.suspended
    assert state(insitu, "2025-08-12") == ListingState.stopped
    leidos = parsed["cn-ecl:2025-13:leidos"]
    assert state(leidos, "2025-11-09") == ListingState.in_force
    assert state(leidos, "2025-11-10") == ListingState.stopped
    # No. 1 and No. 51 were never suspended
    assert state(parsed["cn-ecl:2025-1:lockheedmartin"], "2026-01-01") == ListingState.in_force
    assert (
        state(parsed["cn-ecl:2025-51:huntingtoningallsindustries"], "2026-01-01")
        == ListingState.in_force
    )


def test_every_encoded_change_has_a_source() -> None:
    for update in encoded_updates():
        assert update.event.source
        assert update.event.source.url
        assert update.event.source.date


def test_a_notice_imported_alone_applies_on_merge() -> None:
    notice = mofcom.parse(MOFCOM / "unreliable-entity-list-updates" / "20251105.md")
    [uel] = [p for p in notice.lists if p.info.id == "cn-uel"]
    assert uel.listings == []
    listed = mofcom.parse(MOFCOM / "unreliable-entity-list" / "202505.md")
    [base] = listed.lists  # only the list the text concerns
    cubic = next(item for item in base.listings if item.id == "cn-uel:2025-5:cubic")
    assert state(cubic, "2026-01-01") == ListingState.in_force
    merged = {item.id: item for item in uel.merged_with(base.listings)}
    assert state(merged["cn-uel:2025-5:cubic"], "2026-01-01") == ListingState.stopped
    # applying again changes nothing
    again = {item.id: item for item in uel.merged_with(merged.values())}
    assert again == merged


def test_apply_updates_is_idempotent(parsed: dict) -> None:
    listings = list(parsed.values())
    assert apply_updates(listings, encoded_updates()) == listings


def test_document_keys_and_durations() -> None:
    assert document_key("商务部公告2025年第21号", None) == "2025-21"
    assert document_key("不可靠实体清单工作机制公告〔2025〕7号", None) == "2025-7"
    assert document_key("不可靠实体清单工作机制〔2025〕8号", None) == "2025-8"
    assert document_key("外交部令第19号", D("2025-12-26")) == "2025-19"
    assert add_duration(D("2025-05-14"), 90, "天") == D("2025-08-12")
    assert add_duration(D("2025-11-10"), 1, "年") == D("2026-11-10")


def test_unrecognised_text_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text("一份与名单无关的通知\n2025年1月1日\n")
    outcome = mofcom.parse(path)
    assert [p.reason for p in outcome.report.rejected] == [
        "cannot tell which list this text concerns"
    ]
    assert outcome.lists == [] or all(isinstance(p, ParsedList) for p in outcome.lists)


def test_watch_list_announcement(tmp_path: Path) -> None:
    text = (MOFCOM / "import-export-control-list" / "202611.md").read_text("utf-8")
    watch = text.replace("出口管制管控名单", "出口管制关注名单").replace("第11号", "第12号")
    doc = parse_document("202612.md", watch)
    assert doc.list_id == "cn-watch"
    assert len(doc.items) == 20
