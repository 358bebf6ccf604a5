"""The screening page in real headless Chromium (Debian's), driven by Playwright."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator

import pytest
import uvicorn

from tests.conftest import IN_CI
from veu.api.app import create_app
from veu.services.context import Context

pytestmark = pytest.mark.browser
CHROMIUM = os.environ.get("VEU_CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(loaded_ctx: Context) -> Iterator[str]:
    port = _free_port()
    config = uvicorn.Config(
        create_app(loaded_ctx), host="127.0.0.1", port=port, log_level="warning"
    )
    instance = uvicorn.Server(config)
    thread = threading.Thread(target=instance.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not instance.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    instance.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not os.path.exists(CHROMIUM):
        if IN_CI:
            pytest.fail(f"CI is set but Chromium is missing at {CHROMIUM}")
        pytest.skip(f"Chromium not installed at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield instance
        instance.close()


def test_typing_a_chinese_name_shows_the_hit(server: str, browser: object) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(server + "/")
    page.fill("#name", "洛克希德·马丁公司")
    page.press("#name", "Enter")
    first = page.locator("li.hit").first
    first.wait_for(timeout=20000)
    assert "Lockheed Martin Corporation" in first.inner_text()
    assert first.locator(".verdict").text_content() == "match"
    assert "in force on" in first.locator(".force").inner_text()
    first.locator("summary").click()
    assert "han" in first.locator("table.why").inner_text()
    assert "name=%E6%B4%9B" in page.url  # the query is kept in the address
    page.close()


def test_a_suspended_listing_is_shown_as_not_in_force(server: str, browser: object) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(server + "/")
    page.fill("#name", "Skydio Inc.")
    page.fill("#date", "2025-06-01")
    page.click("button[type=submit]")
    hit = page.locator("li.hit[data-listing='cn-uel:2025-7:skydio']")
    hit.wait_for(timeout=20000)
    assert (
        "not in force on 2025-06-01: suspended since 2025-05-14 until 2025-08-12"
        in hit.inner_text()
    )
    page.close()


def test_an_invalid_country_is_explained(server: str, browser: object) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(server + "/?name=Skydio&country=ZZ")
    alert = page.locator("[role=alert]")
    assert "not an ISO 3166-1 alpha-2 country code" in alert.inner_text()
    page.close()


def test_the_page_works_without_javascript(server: str, browser: object) -> None:
    context = browser.new_context(java_script_enabled=False)  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(server + "/")
    page.fill("#name", "Lockheed Martin Corp.")
    page.press("#name", "Enter")
    page.wait_for_load_state()
    assert "Lockheed Martin Corporation" in page.locator("li.hit").first.inner_text()
    context.close()


def test_deciding_the_example_shipment(server: str, browser: object) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(server + "/decide")
    assert "Gulfstream Aerospace Corporation" in page.input_value("#request")
    page.click("button[type=submit]")
    outcome = page.locator(".outcome .badge")
    outcome.wait_for(timeout=30000)
    assert outcome.text_content() == "denied"
    row = page.locator("tr.reason[data-code='COUNTS_AS_LISTED']")
    assert "counts as listed" in row.inner_text()
    row.locator("summary").click()
    assert "general-dynamics" in row.locator("pre").inner_text()
    page.close()


def test_an_invalid_request_is_explained_field_by_field(server: str, browser: object) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(server + "/decide")
    page.fill("#request", '{"date": "someday", "exporter": {"name": "A", "country": "CN"}}')
    page.click("button[type=submit]")
    alert = page.locator("[role=alert]")
    alert.wait_for(timeout=20000)
    text = alert.inner_text()
    for field in ("date", "consignee", "items", "end_use"):
        assert field in text
    assert page.locator(".outcome").count() == 0
    page.close()


def test_deciding_without_javascript(server: str, browser: object) -> None:
    context = browser.new_context(java_script_enabled=False)  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(server + "/decide")
    page.click("button[type=submit]")
    page.wait_for_load_state()
    assert page.locator(".outcome .badge").text_content() == "denied"
    context.close()
