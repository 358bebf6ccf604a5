"""The VEU programme end to end in real headless Chromium: an applicant files, an officer
approves, an exporter's shipment turns into a general licence and is recorded; then the officer
red-lists the holder and sees its authorization suspended; and each role sees only its pages."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import DATA, FIXTURES, make_context
from tests.web.conftest import log_in, serving
from veu.services import registry
from veu.services.access import Principal, add_user
from veu.services.lists import import_list
from veu.store import migrate

pytestmark = pytest.mark.browser
PROGRAMME = FIXTURES / "programme"
EXPORTER = "Baotou Northern Rare Earth Trading Co., Ltd."


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """A server on its own database (the MOFCOM lists and a small registry) and a key for each
    of an officer, an applicant and an exporter."""
    path: Path = tmp_path_factory.mktemp("programme") / "veu.db"
    ctx = make_context(f"sqlite:///{path}")
    migrate.upgrade(ctx.engine)
    import_list(ctx, "mofcom", DATA / "mofcom", actor="setup")
    registry.import_registry(ctx, "registry", PROGRAMME / "registry.yml", actor="setup")
    admin = Principal("setup", "admin")
    keys = {
        "officer": add_user(ctx, "olga", "officer", party=None, actor=admin)[1],
        "applicant": add_user(
            ctx, "anna", "applicant", party="Nordwind Turbinen GmbH", actor=admin
        )[1],
        "exporter": add_user(ctx, "eve", "exporter", party=EXPORTER, actor=admin)[1],
    }
    with serving(ctx) as url:
        yield {"url": url, **keys}
    ctx.engine.dispose()


def test_apply_approve_ship_and_suspend(site: dict[str, str], browser: Any) -> None:
    url = site["url"]
    # The applicant files.
    applicant = log_in(browser, url, site["applicant"])
    assert "/ui/applications" in applicant.url  # applicants land on their applications
    applicant.click("text=File an application")
    assert applicant.input_value("input[name=name]") == "Nordwind Turbinen GmbH"
    applicant.fill("input[name=country]", "DE")
    applicant.fill("input[name=sectors]", "energy")
    applicant.fill("textarea[name=identifiers]", "lei | 5299001NORDWIND00042")
    applicant.fill("textarea[name=facilities]", "F1 | Am Windpark 1, 26122 Oldenburg")
    applicant.fill("textarea[name=items]", "Dy | metal, magnet | 500")
    applicant.fill("textarea[name=exporters]", f"{EXPORTER} | CN")
    applicant.fill("textarea[name=end_uses]", "civil | energy | wind-turbine generators")
    applicant.fill("textarea[name=customers]", "Stadtwerke Oldenburg | DE")
    applicant.fill("textarea[name=compliance_plan]", "Screening of every customer; audits.")
    applicant.check("input[name=consent]")
    applicant.click("#application-form button[type=submit]")
    applicant.locator("#status").wait_for(timeout=30000)
    assert applicant.locator("#status").inner_text() == "submitted"
    assert applicant.locator("#recommendation").inner_text() == "approve"
    app_url = applicant.url

    # The officer sees it in the queue and approves it with a lower cap.
    officer = log_in(browser, url, site["officer"])
    officer.goto(url + "/ui/applications")
    row = officer.locator("#applications tr[data-id]").first
    assert "Nordwind Turbinen GmbH" in row.inner_text()
    assert "CLEAR" in row.inner_text()
    row.locator("a").click()
    officer.fill("input[name=cap_0]", "250")
    officer.click("#approve-form button[type=submit]")
    officer.locator("#authorization").wait_for(timeout=30000)
    assert officer.locator("#status").inner_text() == "approved"
    authorization = officer.locator("#authorization").inner_text()

    # The applicant sees its status and its authorization.
    applicant.goto(app_url)
    assert applicant.locator("#status").inner_text() == "approved"
    applicant.goto(url + "/ui/authorizations")
    mine = applicant.locator(f"tr[id='{authorization}']")
    assert mine.get_attribute("data-state") == "active"
    assert "250 of 250 kg" in mine.inner_text()

    # The exporter's shipment decision turns into a general licence, and is recorded.
    exporter = log_in(browser, url, site["exporter"])
    exporter.goto(url + "/decide")
    shipment = json.loads((PROGRAMME / "shipment.json").read_text("utf-8"))
    exporter.fill("#request", json.dumps(shipment, indent=2))
    exporter.check("input[name=record]")
    exporter.click("#decide-form button[type=submit]")
    badge = exporter.locator(".outcome .badge")
    badge.wait_for(timeout=30000)
    assert badge.text_content() == "general licence"
    assert "drawn down: item 0 100 kg" in exporter.locator(".recorded").inner_text()
    applicant.goto(url + "/ui/authorizations")
    assert "150 of 250 kg" in applicant.locator(f"tr[id='{authorization}']").inner_text()

    # The officer red-lists the holder: its authorization is suspended at once, with a notice.
    officer.goto(url + "/ui/redlist")
    officer.fill("#redlist-form input[name=name]", "Nordwind Turbinen GmbH")
    officer.fill("#redlist-form input[name=country]", "DE")
    officer.fill("#redlist-form input[name=reason]", "generators for a naval programme")
    officer.fill("#redlist-form input[name=source]", "https://example.gov/notices/7")
    officer.click("#redlist-form button[type=submit]")
    entry = officer.locator("#redlist tr[data-status='in_force']")
    entry.wait_for(timeout=30000)
    assert "Nordwind Turbinen GmbH" in entry.inner_text()
    officer.goto(url + "/ui/authorizations")
    suspended = officer.locator(f"tr[id='{authorization}']")
    assert suspended.get_attribute("data-state") == "suspended"
    assert "listed" in suspended.inner_text()
    assert authorization in officer.locator(".notices").inner_text()

    # The same shipment is now denied.
    exporter.goto(url + "/decide")
    exporter.fill("#request", json.dumps(shipment, indent=2))
    exporter.click("#decide-form button[type=submit]")
    exporter.locator(".outcome .badge").wait_for(timeout=30000)
    assert exporter.locator(".outcome .badge").text_content() == "denied"
    for page in (applicant, officer, exporter):
        page.context.close()


def test_the_party_page_draws_the_ownership_graph(site: dict[str, str], browser: Any) -> None:
    officer = log_in(browser, site["url"], site["officer"])
    officer.goto(site["url"] + "/ui/party?name=Kestrel+Precision+Motors+LLC&country=US")
    picture = officer.locator("#ownership svg")
    picture.wait_for(timeout=30000)
    query = picture.locator("g.node.query")
    assert "Kestrel Precision Motors LLC" in (query.text_content() or "")
    parent = picture.locator("g.node.defense")
    assert "Kestrel Defense Systems Inc" in (parent.text_content() or "")
    assert "100%" in (picture.locator("g.edge").text_content() or "")
    officer.context.close()


def test_each_role_sees_only_its_pages(site: dict[str, str], browser: Any) -> None:
    applicant = log_in(browser, site["url"], site["applicant"])
    response = applicant.goto(site["url"] + "/ui/redlist")
    assert response.status == 403
    assert "may not" in applicant.locator("[role=alert]").inner_text()
    nav = applicant.locator("header nav").inner_text()
    assert "Red list" not in nav
    assert "Applications" in nav
    applicant.context.close()
    anonymous = browser.new_context().new_page()
    anonymous.goto(site["url"] + "/ui/applications")
    assert "/login" in anonymous.url
    anonymous.context.close()
