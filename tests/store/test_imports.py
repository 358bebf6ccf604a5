"""One body, both stores: every test here runs on SQLite and on PostgreSQL."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, text

from tests.conftest import DATA, FIXTURES
from veu.errors import ImportRejected, InvalidInput
from veu.services import lists
from veu.services.context import Context
from veu.store import audit
from veu.store.repository import ListRepository
from veu.store.tables import audit_log, entries, list_snapshots, snapshot_log

MOFCOM = DATA / "mofcom"
SDN_FIXTURE = FIXTURES / "ofac_sdn_2021-07"


def counts(ctx: Context) -> dict[str, Any]:
    with ctx.read() as uow:
        head = uow.lists.head()
        return {
            "head": head.id,
            **{
                t.name: uow.conn.execute(select(func.count()).select_from(t)).scalar_one()
                for t in (entries, list_snapshots, snapshot_log, audit_log)
            },
        }


def test_import_then_reimport_changes_nothing(ctx: Context) -> None:
    first = lists.import_list(ctx, "mofcom", MOFCOM)
    assert first.changed
    assert {c.list_id: c.entries for c in first.lists} == {
        "cn-afs": 154,
        "cn-ecl": 102,
        "cn-uel": 82,
    }
    before = counts(ctx)
    again = lists.import_list(ctx, "mofcom", MOFCOM)
    assert not again.changed
    assert again.snapshot == first.snapshot
    assert counts(ctx) == before


def test_snapshot_ids_are_content_addresses(
    ctx: Context, database_url: str, tmp_path: Path
) -> None:
    result = lists.import_list(ctx, "ofac-sdn", SDN_FIXTURE, data_date=dt.date(2021, 7, 1))
    # the same content in another database gets the same ids
    from tests.conftest import make_context
    from veu.store import migrate

    other = make_context(f"sqlite:///{tmp_path / 'other.db'}")
    migrate.upgrade(other.engine)
    mirrored = lists.import_list(other, "ofac-sdn", SDN_FIXTURE, data_date=dt.date(2021, 7, 1))
    assert mirrored.snapshot == result.snapshot
    assert mirrored.lists[0].list_snapshot == result.lists[0].list_snapshot


def test_rejected_import_leaves_the_database_untouched(ctx: Context, tmp_path: Path) -> None:
    lists.import_list(ctx, "mofcom", MOFCOM)
    before = counts(ctx)
    folder = tmp_path / "sdn"
    shutil.copytree(SDN_FIXTURE, folder)
    raw = (folder / "sdn.csv").read_bytes().rstrip(b"\x1a").decode()
    broken = "\r\n".join(f'x{i},"BAD",-0-' for i in range(3))  # 3 bad rows of 12: 25%
    (folder / "sdn.csv").write_text(raw + broken)
    with pytest.raises(ImportRejected) as info:
        lists.import_list(ctx, "ofac-sdn", folder, data_date=dt.date(2021, 7, 1))
    assert "nothing was written" in info.value.message
    assert info.value.problems[0].file == "sdn.csv"
    assert info.value.problems[0].line == 10
    assert counts(ctx) == before


def test_a_few_bad_rows_are_reported_and_the_rest_imported(ctx: Context, tmp_path: Path) -> None:
    folder = tmp_path / "sdn"
    shutil.copytree(SDN_FIXTURE, folder)
    raw = (folder / "sdn.csv").read_bytes().rstrip(b"\x1a").decode()
    (folder / "sdn.csv").write_text(raw + 'x1,"BAD",-0-\r\n')
    ctx.settings.import_max_reject_share = 0.2
    result = lists.import_list(ctx, "ofac-sdn", folder, data_date=dt.date(2021, 7, 1))
    assert result.changed
    assert result.lists[0].entries == 9
    assert [(p.file, p.line) for p in result.report.rejected] == [("sdn.csv", 10)]


def test_failure_inside_the_transaction_writes_nothing(
    ctx: Context, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = counts(ctx)

    def explode(*_a: Any, **_k: Any) -> str:
        raise RuntimeError("disk full")

    monkeypatch.setattr(ListRepository, "set_head", explode)
    with pytest.raises(RuntimeError):
        lists.import_list(ctx, "mofcom", MOFCOM)
    assert counts(ctx) == before


def test_missing_file_and_unknown_source(ctx: Context, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="does not exist"):
        lists.import_list(ctx, "csl", tmp_path / "nope.csv")
    with pytest.raises(InvalidInput, match="unknown source"):
        lists.import_list(ctx, "eu-fsf", MOFCOM)


def test_a_later_notice_merges_into_the_current_list(ctx: Context, tmp_path: Path) -> None:
    corpus = tmp_path / "mofcom"
    shutil.copytree(MOFCOM, corpus)
    notice = corpus / "unreliable-entity-list-updates" / "20251105.md"
    later = tmp_path / notice.name
    shutil.move(notice, later)
    lists.import_list(ctx, "mofcom", corpus)
    skydio_id = "cn-uel:2025-7:skydio"

    def skydio_state(day: str) -> str:
        snap = lists.require_snapshot(ctx)
        with ctx.read() as uow:
            [item] = [item for item in uow.lists.listings(snap, ["cn-uel"]) if item.id == skydio_id]
        return item.status_on(dt.date.fromisoformat(day)).state.value

    assert skydio_state("2026-01-01") == "in_force"  # the third suspension is not known yet
    result = lists.import_list(ctx, "mofcom", later)
    assert [c.list_id for c in result.lists if c.changed] == ["cn-uel"]
    assert skydio_state("2026-01-01") == "suspended"
    assert not lists.import_list(ctx, "mofcom", later).changed


def test_an_old_snapshot_stays_readable(ctx: Context) -> None:
    first = lists.import_list(ctx, "ofac-sdn", SDN_FIXTURE, data_date=dt.date(2021, 7, 1))
    lists.import_list(ctx, "mofcom", MOFCOM)
    assert first.snapshot is not None
    with ctx.read() as uow:
        old = uow.lists.listings(first.snapshot)
        now = uow.lists.listings(uow.lists.head().id or "")
    assert {item.list_id for item in old} == {"us-ofac-sdn"}
    assert len(now) == len(old) + 338


def test_audit_chain_records_imports_and_detects_tampering(ctx: Context) -> None:
    lists.import_list(ctx, "mofcom", MOFCOM)
    lists.import_list(ctx, "ofac-sdn", SDN_FIXTURE, data_date=dt.date(2021, 7, 1))
    with ctx.read() as uow:
        result = audit.verify(uow.conn)
    assert result.ok
    assert result.records == 2
    with ctx.write() as uow:
        uow.conn.execute(text("UPDATE audit_log SET payload = '{}' WHERE seq = 1"))
        uow.commit()
    with ctx.read() as uow:
        broken = audit.verify(uow.conn)
    assert not broken.ok
    assert broken.first_bad_seq == 1


def test_lists_summary(ctx: Context) -> None:
    lists.import_list(ctx, "mofcom", MOFCOM)
    snapshot, rows = lists.summary(ctx)
    by_id = {r.info.id: r for r in rows}
    assert by_id["cn-ecl"].snapshot is not None
    assert by_id["cn-ecl"].snapshot.entry_count == 102
    assert by_id["cn-ecl"].snapshot.data_date == dt.date(2026, 2, 24)
    assert by_id["cn-meu"].snapshot is None
    assert snapshot is not None
