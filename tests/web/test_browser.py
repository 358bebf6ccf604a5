"""The screening and decision pages in real headless Chromium (Debian's), driven by
Playwright, logged in as an officer."""

from __future__ import annotations

from typing import Any

import pytest

from tests.web.conftest import log_in

pytestmark = pytest.mark.browser


def first_hit(page: Any, server: str, name: str) -> Any:
    """Type ``name`` on the screening page and press Enter: the first hit, once shown."""
    page.goto(server + "/")
    page.fill("#name", name)
    page.press("#name", "Enter")
    first = page.locator("li.hit").first
    first.wait_for(timeout=20000)
    return first


def test_typing_a_chinese_name_shows_the_hit(server: str, browser: Any, officer_key: str) -> None:
    page = log_in(browser, server, officer_key)
    first = first_hit(page, server, "洛克希德·马丁公司")
    assert "Lockheed Martin Corporation" in first.inner_text()
    assert first.locator(".verdict").text_content() == "match"
    assert "in force on" in first.locator(".force").inner_text()
    first.locator("summary").click()
    assert "han" in first.locator("table.why").inner_text()
    assert "name=%E6%B4%9B" in page.url  # the query is kept in the address
    page.context.close()


def test_a_chinese_name_finds_an_english_listing_through_its_gloss(
    server: str, browser: Any, officer_key: str
) -> None:
    page = log_in(browser, server, officer_key)
    first = first_hit(page, server, "中国电子科技集团公司第十四研究所")
    assert "China Electronics Technology Group Corporation 14th Research Institute" in (
        first.inner_text()
    )
    assert first.locator(".verdict").text_content() == "match"
    first.locator("summary").click()
    why = first.locator("table.why").inner_text()
    assert "gloss" in why
    assert "china electronics technology group 14 research institute" in why
    page.context.close()


def test_a_suspended_listing_is_shown_as_not_in_force(
    server: str, browser: Any, officer_key: str
) -> None:
    page = log_in(browser, server, officer_key)
    page.goto(server + "/")
    page.fill("#name", "Skydio Inc.")
    page.fill("#date", "2025-06-01")
    page.click("main button[type=submit]")
    hit = page.locator("li.hit[data-listing='cn-uel:2025-7:skydio']")
    hit.wait_for(timeout=20000)
    assert (
        "not in force on 2025-06-01: suspended since 2025-05-14 until 2025-08-12"
        in hit.inner_text()
    )
    page.context.close()


def test_an_invalid_country_is_explained(server: str, browser: Any, officer_key: str) -> None:
    page = log_in(browser, server, officer_key)
    page.goto(server + "/?name=Skydio&country=ZZ")
    alert = page.locator("[role=alert]")
    assert "not an ISO 3166-1 alpha-2 country code" in alert.inner_text()
    page.context.close()


def test_the_page_works_without_javascript(server: str, browser: Any, officer_key: str) -> None:
    page = log_in(browser, server, officer_key, javascript=False)
    page.goto(server + "/")
    page.fill("#name", "Lockheed Martin Corp.")
    page.press("#name", "Enter")
    page.wait_for_load_state()
    assert "Lockheed Martin Corporation" in page.locator("li.hit").first.inner_text()
    page.context.close()


def test_deciding_the_example_shipment(server: str, browser: Any, officer_key: str) -> None:
    page = log_in(browser, server, officer_key)
    page.goto(server + "/decide")
    assert "Gulfstream Aerospace Corporation" in page.input_value("#request")
    page.click("main button[type=submit]")
    outcome = page.locator(".outcome .badge")
    outcome.wait_for(timeout=30000)
    assert outcome.text_content() == "denied"
    row = page.locator("tr.reason[data-code='COUNTS_AS_LISTED']")
    assert "counts as listed" in row.inner_text()
    row.locator("summary").click()
    assert "general-dynamics" in row.locator("pre").inner_text()
    page.context.close()


def test_an_invalid_request_is_explained_field_by_field(
    server: str, browser: Any, officer_key: str
) -> None:
    page = log_in(browser, server, officer_key)
    page.goto(server + "/decide")
    page.fill("#request", '{"date": "someday", "exporter": {"name": "A", "country": "CN"}}')
    page.click("main button[type=submit]")
    alert = page.locator("[role=alert]")
    alert.wait_for(timeout=20000)
    text = alert.inner_text()
    for field in ("date", "consignee", "items", "end_use"):
        assert field in text
    assert page.locator(".outcome").count() == 0
    page.context.close()


def test_deciding_without_javascript(server: str, browser: Any, officer_key: str) -> None:
    page = log_in(browser, server, officer_key, javascript=False)
    page.goto(server + "/decide")
    page.click("main button[type=submit]")
    page.wait_for_load_state()
    assert page.locator(".outcome .badge").text_content() == "denied"
    page.context.close()
