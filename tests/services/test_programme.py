"""The VEU programme through its services, on SQLite and PostgreSQL: filing and the pre-check,
every move of an application, approval into an authorization, monitoring (suspension on a
red-list entry and on an ownership change), expiry by date, and the draw-down of annual caps,
also under many concurrent recordings."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import func, select

from tests.conftest import DATA, FIXTURES, make_context
from veu.errors import Conflict, Forbidden, InvalidInput
from veu.model.application import TRANSITIONS, ApplicationForm, Conditions, Status
from veu.model.shipment import ShipmentRequest
from veu.services import (
    applications,
    authorizations,
    decisions,
    monitoring,
    redlist,
    registry,
    shipments,
)
from veu.services.access import Principal, add_user
from veu.services.context import Context
from veu.services.lists import import_list
from veu.store import audit, migrate
from veu.store.tables import applications as applications_table
from veu.store.tables import audit_log, drawdowns

PROGRAMME = FIXTURES / "programme"
OFFICER = Principal(name="olga", role="officer")
ADMIN = Principal(name="ops", role="admin")


def form(**changes: Any) -> ApplicationForm:
    data = json.loads((PROGRAMME / "application.json").read_text("utf-8"))
    for path, value in changes.items():
        target = data
        keys = path.split("__")
        for key in keys[:-1]:
            target = target[int(key)] if isinstance(target, list) else target[key]
        target[keys[-1]] = value
    return ApplicationForm.model_validate(data)


def shipment(**changes: Any) -> ShipmentRequest:
    data = json.loads((PROGRAMME / "shipment.json").read_text("utf-8"))
    data.update(changes)
    return ShipmentRequest.model_validate(data)


@pytest.fixture
def prog(database_url: str) -> Iterator[Context]:
    """The MOFCOM lists and a small registry: quick to build a world from."""
    ctx = make_context(database_url)
    migrate.upgrade(ctx.engine)
    import_list(ctx, "mofcom", DATA / "mofcom", actor="setup")
    registry.import_registry(ctx, "registry", PROGRAMME / "registry.yml", actor="setup")
    yield ctx
    ctx.engine.dispose()


@pytest.fixture
def applicant(prog: Context) -> Principal:
    user, _ = add_user(prog, "anna", "applicant", party="Nordwind Turbinen GmbH", actor=ADMIN)
    return Principal(name=user.name, role="applicant", party=user.party, user_id=user.id)


def approved(ctx: Context, by: Principal, **conditions: Any) -> str:
    row = applications.file(ctx, form(), by=by)
    _, auth = applications.approve(ctx, row.id, Conditions.model_validate(conditions), by=OFFICER)
    return auth.id


# pre-check ---------------------------------------------------------------------------------
def test_a_clean_civil_applicant_is_recommended_for_approval(
    prog: Context, applicant: Principal
) -> None:
    row = applications.file(prog, form(), by=applicant)
    check = json.loads(row.precheck)
    assert row.status == "submitted"
    assert row.recommendation == "approve", check["reasons"]
    assert [r["code"] for r in check["reasons"]] == ["CLEAR"]
    assert check["policy_version"].startswith("cn-rare-earth-veu@")


@pytest.mark.parametrize("sector", ["automotive", "aerospace", "Automotive"])
def test_aerospace_and_automotive_applicants_always_go_to_review(
    prog: Context, applicant: Principal, sector: str
) -> None:
    row = applications.file(prog, form(applicant__sectors=[sector]), by=applicant)
    assert row.recommendation == "review"
    assert "SECTOR_REVIEW" in codes(row)


def codes(row: Any) -> list[str]:
    return [r["code"] for r in json.loads(row.precheck)["reasons"]]


def test_a_subsidiary_of_a_defense_contractor_is_denied_with_the_path(prog: Context) -> None:
    app = form(applicant__name="Kestrel Precision Motors LLC", applicant__country="US")
    row = applications.file(prog, app, by=ADMIN)
    assert row.recommendation == "deny"
    finding = next(
        r for r in json.loads(row.precheck)["reasons"] if r["code"] == "APPLICANT_DEFENSE_LINKED"
    )
    link = finding["evidence"]["links"][0]
    assert link["facts"][0]["fact"] == "defense_contractor"
    assert [step["owner"] for step in link["path"]][:1] == ["t:kestrel-defense"]


def test_listed_applicants_owners_and_customers(prog: Context) -> None:
    listed = applications.file(
        prog, form(applicant__name="Anduril Industries", applicant__country="US"), by=ADMIN
    )
    assert listed.recommendation == "deny"
    assert "APPLICANT_LISTED" in codes(listed)
    owner = applications.file(
        prog,
        form(applicant__owners=[{"name": "Anduril Industries", "country": "US", "percent": 51}]),
        by=ADMIN,
    )
    assert owner.recommendation == "deny"
    assert {"OWNER_LISTED", "OWNERS_LISTED_CONTROL"} <= set(codes(owner))
    minority = applications.file(
        prog,
        form(applicant__owners=[{"name": "Anduril Industries", "country": "US", "percent": 10}]),
        by=ADMIN,
    )
    assert minority.recommendation == "review"
    assert "OWNERS_LISTED_CONTROL" not in codes(minority)
    customer = applications.file(
        prog, form(customers=[{"name": "Lockheed Martin Corporation", "country": "US"}]), by=ADMIN
    )
    assert customer.recommendation == "deny"
    assert "CUSTOMER_LISTED" in codes(customer)


def test_declared_defense_business_military_use_and_no_consent_are_denied(prog: Context) -> None:
    cases = {
        "APPLICANT_DEFENSE_BUSINESS": form(defense_business__revenue_share=0.04),
        "END_USE_MILITARY": form(end_uses__0__category="military"),
        "SECTOR_MILITARY": form(applicant__sectors=["defense"]),
        "NO_VERIFICATION_CONSENT": form(onsite_verification_consent=False),
    }
    for code, app in cases.items():
        row = applications.file(prog, app, by=ADMIN)
        assert row.recommendation == "deny", code
        assert code in codes(row)


def test_an_incomplete_application_goes_to_review_naming_what_is_missing(prog: Context) -> None:
    row = applications.file(prog, form(compliance_plan=" ", customers=[]), by=ADMIN)
    assert row.recommendation == "review"
    finding = next(r for r in json.loads(row.precheck)["reasons"] if r["code"] == "INCOMPLETE")
    assert any("compliance_plan" in m for m in finding["evidence"]["missing"])
    assert any("customers" in m for m in finding["evidence"]["missing"])


def test_an_applicant_files_only_for_its_own_company(prog: Context, applicant: Principal) -> None:
    with pytest.raises(Forbidden, match="acts for Nordwind Turbinen GmbH, not for Someone"):
        applications.file(prog, form(applicant__name="Someone Else AG"), by=applicant)
    with prog.read() as uow:
        assert uow.applications.list() == []
        assert audit.records(uow.conn)[-1]["action"] == "access.refused"


# moves -------------------------------------------------------------------------------------
def test_every_move_in_the_table_and_refusal_of_every_other(
    prog: Context, applicant: Principal
) -> None:
    def at(status: Status) -> str:
        row = applications.file(prog, form(), by=applicant)
        if status == Status.info_requested:
            applications.request_info(prog, row.id, "send the plan", by=OFFICER)
        elif status == Status.approved:
            applications.approve(prog, row.id, Conditions(), by=OFFICER)
        elif status == Status.denied:
            applications.deny(prog, row.id, "no", by=OFFICER)
        elif status == Status.withdrawn:
            applications.withdraw(prog, row.id, by=applicant)
        return row.id

    moves = {
        "approve": lambda i: applications.approve(prog, i, Conditions(), by=OFFICER),
        "deny": lambda i: applications.deny(prog, i, "because", by=OFFICER),
        "request_info": lambda i: applications.request_info(prog, i, "more", by=OFFICER),
        "amend": lambda i: applications.amend(prog, i, form(), by=applicant),
        "withdraw": lambda i: applications.withdraw(prog, i, by=applicant),
    }
    for status in Status:
        for action, move in moves.items():
            ident = at(status)
            expected = TRANSITIONS.get((status, action))  # type: ignore[arg-type]
            if expected is None:
                with pytest.raises(Conflict, match=f"is {status.value}"):
                    move(ident)
                assert applications.get(prog, ident, by=OFFICER).status == status.value
            else:
                move(ident)
                row = applications.get(prog, ident, by=OFFICER)
                assert row.status == expected.value, (status, action)
                assert json.loads(row.history)[-1]["action"] == action


def test_an_applicant_sees_and_changes_only_its_own(prog: Context, applicant: Principal) -> None:
    other_user, _ = add_user(prog, "otto", "applicant", party="Other GmbH", actor=ADMIN)
    other = Principal(name="otto", role="applicant", party="Other GmbH", user_id=other_user.id)
    mine = applications.file(prog, form(), by=applicant)
    with prog.read() as uow:
        before = uow.conn.execute(select(func.count()).select_from(audit_log)).scalar_one()
    with pytest.raises(Forbidden):
        applications.get(prog, mine.id, by=other)
    with pytest.raises(Forbidden):
        applications.withdraw(prog, mine.id, by=other)
    with pytest.raises(Forbidden):
        applications.approve(prog, mine.id, Conditions(), by=applicant)
    assert applications.listing(prog, by=other) == []
    assert [r.id for r in applications.listing(prog, by=applicant)] == [mine.id]
    assert applications.get(prog, mine.id, by=OFFICER).status == "submitted"
    with prog.read() as uow:
        trail = audit.records(uow.conn)
    assert len(trail) == before + 3
    assert {r["action"] for r in trail[before:]} == {"access.refused"}


# approval and shipments ---------------------------------------------------------------------
def test_approval_creates_an_authorization_that_puts_shipments_under_general_licence(
    prog: Context, applicant: Principal
) -> None:
    before = decisions.decide_shipment(prog, shipment(), record=False)[1]
    assert before.outcome.value == "licence_required"
    auth_id = approved(prog, applicant, facilities=["F1"])
    [auth] = authorizations.visible(prog, by=applicant)
    assert auth["id"] == auth_id
    assert auth["state"] == "active"
    assert auth["valid_from"] == "2026-11-26"
    assert auth["valid_until"] == "2027-11-26"
    assert auth["facilities"] == ["F1", "Am Windpark 1, 26122 Oldenburg"]
    _, decision = decisions.decide_shipment(prog, shipment(), record=False)
    assert decision.outcome.value == "general_licence", [r.code for r in decision.reasons]
    elsewhere = shipment(facility="Hafenstrasse 9, 27568 Bremerhaven")
    _, decision = decisions.decide_shipment(prog, elsewhere, record=False)
    assert "VEU_FACILITY_NOT_NAMED" in [r.code for r in decision.reasons]


def test_conditions_that_do_not_fit_the_application_are_refused(
    prog: Context, applicant: Principal
) -> None:
    row = applications.file(prog, form(), by=applicant)
    with pytest.raises(InvalidInput) as caught:
        applications.approve(prog, row.id, Conditions(facilities=["F9"]), by=OFFICER)
    assert caught.value.problems[0].field == "facilities.0"
    assert applications.get(prog, row.id, by=OFFICER).status == "submitted"
    with prog.read() as uow:
        head = uow.lists.head()
        assert uow.lists.records(head.id, "authorizations") == []  # type: ignore[arg-type]


def test_authorizations_expire_on_their_end_date(prog: Context, applicant: Principal) -> None:
    approved(prog, applicant, valid_from="2026-01-01", valid_until="2026-12-01")
    inside = decisions.decide_shipment(prog, shipment(date="2026-11-30"), record=False)[1]
    assert inside.outcome.value == "general_licence"
    after = decisions.decide_shipment(prog, shipment(date="2026-12-01"), record=False)[1]
    assert after.outcome.value == "licence_required"
    reason = next(r for r in after.reasons if r.code == "VEU_AUTHORIZATION_NOT_ACTIVE")
    assert reason.evidence["state"] == "expired"


def test_shipments_draw_down_the_cap_until_it_no_longer_fits(
    prog: Context, applicant: Principal
) -> None:
    exporter = exporter_user(prog)
    approved(prog, applicant, items=[{"element": "Dy", "forms": ["magnet"], "annual_cap_kg": 250}])
    outcomes = []
    for _ in range(3):
        _sid, did, decision, drawn = shipments.record(prog, shipment(), by=exporter)
        outcomes.append((decision.outcome.value, drawn))
    assert outcomes == [
        ("general_licence", {0: 100.0}),
        ("general_licence", {0: 100.0}),
        ("licence_required", {}),
    ]
    reason = next(r for r in decision.reasons if r.code == "VEU_ANNUAL_CAP_EXCEEDED")
    assert reason.evidence["used_kg"] == 200
    assert reason.evidence["cap_kg"] == 250
    [auth] = authorizations.visible(prog, by=OFFICER)
    assert auth["items"][0]["remaining_kg"] == 50
    recorded, again = decisions.replay(prog, did)
    assert recorded == again  # the replay sees the ledger as the decision did
    listed = shipments.listing(prog, by=exporter)
    assert len(listed) == 3
    assert {s["actor"] for s in listed} == {"eve"}


def exporter_user(ctx: Context) -> Principal:
    party = "Baotou Northern Rare Earth Trading Co., Ltd."
    user, _ = add_user(ctx, "eve", "exporter", party=party, actor=ADMIN)
    return Principal(name="eve", role="exporter", party=party, user_id=user.id)


def test_an_exporter_records_only_its_own_shipments(prog: Context) -> None:
    user, _ = add_user(prog, "xu", "exporter", party="Other Trading Co", actor=ADMIN)
    other = Principal(name="xu", role="exporter", party="Other Trading Co", user_id=user.id)
    with pytest.raises(Forbidden):
        shipments.record(prog, shipment(), by=other)
    with prog.read() as uow:
        assert uow.shipments.list() == []


def test_concurrent_recordings_never_exceed_the_cap(prog: Context, applicant: Principal) -> None:
    exporter = exporter_user(prog)
    approved(prog, applicant, items=[{"element": "Dy", "forms": ["magnet"], "annual_cap_kg": 500}])
    shipments.record(prog, shipment(), by=exporter)  # the world is built before the race
    results: list[str] = []
    errors: list[BaseException] = []
    start = threading.Barrier(12)

    def fire() -> None:
        try:
            start.wait()
            _, _, decision, _ = shipments.record(prog, shipment(), by=exporter)
            results.append(decision.outcome.value)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=fire) for _ in range(12)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    assert results.count("general_licence") == 4  # 100 kg already drawn; 400 kg left
    assert results.count("licence_required") == 8
    with prog.read() as uow:
        total = uow.conn.execute(select(func.sum(drawdowns.c.quantity_kg))).scalar_one()
        assert total == 500
        assert audit.verify(uow.conn).ok


# monitoring ----------------------------------------------------------------------------------
def test_a_red_list_entry_suspends_the_holder_at_once(prog: Context, applicant: Principal) -> None:
    auth_id = approved(prog, applicant, valid_from="2026-11-01")
    pending = applications.file(prog, form(), by=applicant)
    assert pending.recommendation == "approve"
    entry = redlist.add(
        prog,
        "Nordwind Turbinen GmbH",
        "DE",
        "supplies generators to a navy programme",
        "https://example.gov/notice/1",
        by=OFFICER,
    )
    [auth] = authorizations.visible(prog, by=OFFICER)
    assert auth["id"] == auth_id
    assert auth["state"] == "suspended"
    assert auth["last_event"]["by"] == "olga"
    assert "listed" in auth["last_event"]["reason"]
    [notice, *_] = monitoring.notices(prog, by=OFFICER)
    assert notice["subject"] in (auth_id, pending.id)
    assert any(n["kind"] == "authorization.suspended" for n in monitoring.notices(prog, by=OFFICER))
    assert applications.get(prog, pending.id, by=OFFICER).recommendation == "deny"
    decision = decisions.decide_shipment(prog, shipment(), record=False)[1]
    assert decision.outcome.value == "denied"
    earlier = decisions.decide_shipment(prog, shipment(date="2026-11-25"), record=False)[1]
    assert earlier.outcome.value == "general_licence"  # the suspension is dated
    # Ending the entry does not reinstate: an officer does.
    redlist.remove(prog, entry.id, "listed in error", by=OFFICER, day=dt.date(2026, 11, 27))
    [auth] = authorizations.visible(prog, by=OFFICER, day=dt.date(2026, 11, 28))
    assert auth["state"] == "suspended"
    authorizations.change(prog, auth_id, "reinstate", "cleared", by=OFFICER)
    [entry_after] = redlist.entries(prog, by=OFFICER, day=dt.date(2026, 11, 28))
    assert entry_after["status"] == "stopped"
    assert entry_after["listing"] == entry.id


def test_an_ownership_change_suspends_the_holder(prog: Context, applicant: Principal) -> None:
    approved(prog, applicant)
    result = registry.import_registry(prog, "registry", PROGRAMME / "takeover.yml", actor="imp")
    assert result.monitoring is not None
    [suspended] = result.monitoring.suspended
    assert suspended["codes"] == ["HOLDER_COUNTS_AS_LISTED", "HOLDER_DEFENSE_LINKED"]
    [auth] = authorizations.visible(prog, by=OFFICER)
    assert auth["state"] == "suspended"


def test_officer_moves_on_authorizations(prog: Context, applicant: Principal) -> None:
    auth_id = approved(prog, applicant)
    with pytest.raises(Conflict, match="cannot reinstate"):
        authorizations.change(prog, auth_id, "reinstate", "x", by=OFFICER)
    authorizations.change(prog, auth_id, "suspend", "inspection pending", by=OFFICER)
    authorizations.change(prog, auth_id, "revoke", "inspection failed", by=OFFICER)
    with pytest.raises(Conflict, match="is revoked"):
        authorizations.change(prog, auth_id, "reinstate", "x", by=OFFICER)
    with pytest.raises(Forbidden):
        authorizations.change(prog, auth_id, "suspend", "x", by=applicant)
    [auth] = authorizations.visible(prog, by=OFFICER)
    assert auth["state"] == "revoked"


# audit ---------------------------------------------------------------------------------------
def test_every_step_is_audited_and_tampering_is_found(prog: Context, applicant: Principal) -> None:
    exporter = exporter_user(prog)
    auth_id = approved(prog, applicant)
    shipments.record(prog, shipment(), by=exporter)
    with prog.read() as uow:
        actions = [r["action"] for r in audit.records(uow.conn)]
        assert audit.verify(uow.conn).ok
    for expected in (
        "user.added",
        "application.filed",
        "authorization.granted",
        "application.approve",
        "decision.made",
        "shipment.recorded",
    ):
        assert expected in actions, expected
    with prog.engine.begin() as conn:
        seq = conn.execute(
            select(audit_log.c.seq).where(audit_log.c.action == "application.approve")
        ).scalar_one()
        conn.execute(
            audit_log.update()
            .where(audit_log.c.seq == seq)
            .values(payload=json.dumps({"status": "approved", "authorization": auth_id + "X"}))
        )
    with prog.read() as uow:
        result = audit.verify(uow.conn)
    assert not result.ok
    assert result.first_bad_seq == seq


def test_nothing_is_half_written_when_approval_fails(prog: Context, applicant: Principal) -> None:
    row = applications.file(prog, form(), by=applicant)
    with prog.read() as uow:
        before = uow.lists.head().id
    with pytest.raises(InvalidInput):
        applications.approve(
            prog,
            row.id,
            Conditions(valid_from="2027-01-01", valid_until=None, facilities=["X"]),
            by=OFFICER,
        )
    with prog.read() as uow:
        assert uow.lists.head().id == before
        status = uow.conn.execute(
            select(applications_table.c.status).where(applications_table.c.id == row.id)
        ).scalar_one()
    assert status == "submitted"


def test_red_list_input_is_checked(prog: Context) -> None:
    with pytest.raises(InvalidInput) as caught:
        redlist.add(prog, " ", "XX", "", "ftp://x", by=OFFICER)
    assert {p.field for p in caught.value.problems} == {"name", "country", "reason", "source"}
    with pytest.raises(Forbidden):
        redlist.add(prog, "A", "DE", "r", "https://x.org", by=Principal("a", "auditor"))


def test_a_list_import_naming_the_holder_suspends_it(prog: Context, applicant: Principal) -> None:
    """An invented Unreliable Entity List announcement (a test fixture) names the holder."""
    auth_id = approved(prog, applicant, valid_from="2026-11-01")
    result = import_list(prog, "mofcom", PROGRAMME / "uel-2026-1.md", actor="importer")
    assert result.monitoring is not None
    [suspended] = result.monitoring.suspended
    assert suspended["authorization"] == auth_id
    assert suspended["codes"][0] == "HOLDER_LISTED"
    assert "import of mofcom uel-2026-1.md" in suspended["reason"]
    [auth] = authorizations.visible(prog, by=OFFICER)
    assert auth["state"] == "suspended"
    assert auth["last_event"]["by"] == "importer"
