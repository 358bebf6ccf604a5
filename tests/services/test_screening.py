from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from veu.errors import NotFound
from veu.services import lists
from veu.services.context import Context
from veu.services.screening import ScreenRequest, screen

LOCKHEED = "cn-ecl:2025-1:lockheedmartin"


def ids(result: object) -> list[str]:
    return [m.listing_id for m in result.matches]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "name",
    [
        "洛克希德·马丁公司",
        "Lockheed Martin Corp.",
        "LOCKHEED MARTIN",
        "Luokexide Mading",
        "洛克希德马丁有限公司",
    ],
)
def test_chinese_pinyin_and_latin_find_lockheed(loaded_ctx: Context, name: str) -> None:
    result = screen(loaded_ctx, ScreenRequest(name=name))
    top = {m.listing_id: m for m in result.matches if m.match}
    assert LOCKHEED in top
    assert top[LOCKHEED].listing_in_force
    assert top[LOCKHEED].names == ["洛克希德·马丁公司", "Lockheed Martin Corporation"]


def test_result_shape(loaded_ctx: Context) -> None:
    result = screen(loaded_ctx, ScreenRequest(name="Lockheed Martin Corp.", limit=3))
    data = result.model_dump(mode="json")
    assert set(data) >= {"query", "date", "snapshot", "matches"}
    assert data["query"]["name"] == "Lockheed Martin Corp."
    assert data["date"] == "2026-11-26"  # the context's clock
    assert len(data["matches"]) == 3
    first = data["matches"][0]
    assert set(first) >= {
        "party_id",
        "name",
        "names",
        "list",
        "listing_in_force",
        "score",
        "match",
        "explanation",
    }
    assert first["score"] >= data["matches"][1]["score"] >= data["matches"][2]["score"]
    assert 0 <= first["score"] <= 1
    assert first["explanation"]["tokens"]["score"] == 1.0
    with loaded_ctx.read() as uow:
        assert data["snapshot"] == uow.lists.head().id


def test_as_of_date_shows_listings_not_in_force(loaded_ctx: Context) -> None:
    def skydio(day: str) -> dict[str, object]:
        result = screen(
            loaded_ctx, ScreenRequest(name="Skydio, Inc.", date=dt.date.fromisoformat(day))
        )
        return {m.listing_id: m for m in result.matches if m.match}

    during = skydio("2025-06-01")
    uel = during["cn-uel:2025-7:skydio"]
    assert uel.listing_in_force is False
    assert uel.status.state == "suspended"
    assert uel.status.until == dt.date(2025, 8, 12)
    assert [e.status for e in uel.history] == ["listed", "suspended", "suspended", "suspended"]
    assert during["cn-ecl:2025-13:skydio"].listing_in_force is True
    after = skydio("2026-11-26")
    assert after["cn-uel:2025-7:skydio"].listing_in_force is True  # suspension ended 2026-11-10
    assert after["cn-ecl:2025-13:skydio"].status.state == "stopped"
    before = skydio("2024-01-01")
    assert before["cn-ecl:2025-13:skydio"].status.state == "not_yet_listed"
    assert before["cn-ecl:2025-13:skydio"].match is True  # the names still match


def test_foreign_lists_are_screened_too(loaded_ctx: Context) -> None:
    result = screen(loaded_ctx, ScreenRequest(name="成都海光集成电路设计"))
    el = [m for m in result.matches if m.list == "us-csl-el" and m.match]
    assert el
    assert el[0].name == "Chengdu Haiguang Jincheng Dianlu Sheji"
    sdn = screen(loaded_ctx, ScreenRequest(name="Banco Nacional de Cuba"))
    assert {"us-ofac-sdn", "us-csl-sdn"} <= {m.list for m in sdn.matches if m.match}


def test_a_korean_name_in_hangul_finds_its_romanisation(loaded_ctx: Context) -> None:
    """김정은 (gim jeong eun) shares no word with KIM, Jong Un as the SDN writes it: the index
    files Korean names under a reading that writes them alike, and searches by it."""
    result = screen(loaded_ctx, ScreenRequest(name="김정은", limit=5))
    found = {m.listing_id for m in result.matches if m.match}
    assert found == {"us-csl-sdn:20157", "us-ofac-sdn:20157"}
    assert screen(loaded_ctx, ScreenRequest(name="리병철")).matches[0].names[0] == "RI PYONG CHUL"


@pytest.mark.parametrize("name", ["CORP", "Company", "有限公司", "Co., Ltd."])
def test_a_legal_form_alone_matches_nothing(loaded_ctx: Context, name: str) -> None:
    assert screen(loaded_ctx, ScreenRequest(name=name)).matches == []


def test_bad_requests_name_the_field() -> None:
    with pytest.raises(ValidationError) as info:
        ScreenRequest(name=" ", country="XX", limit=0)
    fields = {e["loc"][0] for e in info.value.errors()}
    assert fields == {"name", "country", "limit"}


def test_screening_an_empty_database_says_what_to_do(ctx: Context) -> None:
    with pytest.raises(NotFound, match="veu db init"):
        screen(ctx, ScreenRequest(name="Lockheed Martin"))


def test_screening_a_given_snapshot(loaded_ctx: Context) -> None:
    snapshot = lists.require_snapshot(loaded_ctx)
    result = screen(loaded_ctx, ScreenRequest(name="Lockheed Martin"), snapshot=snapshot)
    assert result.snapshot == snapshot
    with pytest.raises(NotFound):
        screen(loaded_ctx, ScreenRequest(name="x"), snapshot="0" * 64)


def test_thresholds_are_the_policy_packs_unless_the_settings_override_them(
    loaded_ctx: Context,
) -> None:
    result = screen(loaded_ctx, ScreenRequest(name="Lockheed Martin Corp"))
    assert result.thresholds == {"match": 0.85, "review": 0.70}
    assert result.matches[0].match
    strict = Context(
        settings=loaded_ctx.settings.model_copy(update={"match_threshold": 0.999}),
        engine=loaded_ctx.engine,
        clock=loaded_ctx.clock,
    )
    overridden = screen(strict, ScreenRequest(name="Lockheed Martin Corp"))
    assert overridden.thresholds == {"match": 0.999, "review": 0.70}
    early = screen(loaded_ctx, ScreenRequest(name="Skydio", date=dt.date(2020, 1, 1)))
    assert early.thresholds == {"match": 0.85, "review": 0.70}  # before the first pack: its own
