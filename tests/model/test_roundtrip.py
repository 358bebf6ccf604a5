"""Import -> export -> import is lossless for the values the store keeps."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import DATA
from veu.ingest import mofcom
from veu.model.records import parse_record
from veu.model.registry import Edge
from veu.store.repository import entry_payload


def test_every_real_listing_survives_the_store_format() -> None:
    for parsed in mofcom.parse(DATA / "mofcom").lists:
        for listing in parsed.listings:
            _, payload = entry_payload(listing)
            assert parse_record("listings", payload) == listing


@settings(max_examples=100)
@given(st.floats(0.01, 100), st.booleans(), st.text(min_size=1, max_size=20))
def test_edges_survive_the_store_format(share: float, control: bool, note: str) -> None:
    edge = Edge(
        id="e",
        owner="a",
        owned="b",
        kind="control" if control else "ownership",
        percentage=None if control else share,
        note=note,
    )
    _, payload = entry_payload(edge)
    assert parse_record("registry", payload) == edge
