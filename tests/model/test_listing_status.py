from __future__ import annotations

import datetime as dt

import pytest

from veu.model import Listing, ListingState, Name, StatusEvent

D = dt.date.fromisoformat


def listing(*events: StatusEvent, listed_on: str | None = "2025-04-04") -> Listing:
    return Listing(
        id="x",
        list_id="cn-ecl",
        party_id="p",
        names=(Name(value="X"),),
        listed_on=D(listed_on) if listed_on else None,
        history=events,
    )


SUSPENSIONS = (
    StatusEvent(status="suspended", start=D("2025-05-14"), until=D("2025-08-12")),
    StatusEvent(status="suspended", start=D("2025-08-12"), until=D("2025-11-10")),
    StatusEvent(status="suspended", start=D("2025-11-10"), until=D("2026-11-10")),
)


@pytest.mark.parametrize(
    ("day", "state"),
    [
        ("2025-04-03", ListingState.not_yet_listed),
        ("2025-04-04", ListingState.in_force),
        ("2025-05-13", ListingState.in_force),
        ("2025-05-14", ListingState.suspended),
        ("2025-08-12", ListingState.suspended),
        ("2026-11-09", ListingState.suspended),
        ("2026-11-10", ListingState.in_force),  # `until` is exclusive
    ],
)
def test_suspension_windows(day: str, state: ListingState) -> None:
    status = listing(*SUSPENSIONS).status_on(D(day))
    assert status.state == state
    assert status.in_force == (state == ListingState.in_force)


def test_stopped_is_final() -> None:
    item = listing(
        StatusEvent(status="suspended", start=D("2025-05-14")),
        StatusEvent(status="stopped", start=D("2025-08-12")),
    )
    assert item.status_on(D("2025-06-01")).state == ListingState.suspended
    assert item.status_on(D("2025-08-11")).state == ListingState.suspended
    assert item.status_on(D("2025-08-12")).state == ListingState.stopped
    assert item.status_on(D("2030-01-01")).state == ListingState.stopped


def test_expired_listing() -> None:
    item = listing(StatusEvent(status="expired", start=D("2026-03-13")), listed_on="2021-03-13")
    assert item.status_on(D("2026-03-12")).in_force
    assert item.status_on(D("2026-03-13")).state == ListingState.expired


def test_unknown_listing_date_is_in_force() -> None:
    assert listing(listed_on=None).status_on(D("1990-01-01")).in_force
