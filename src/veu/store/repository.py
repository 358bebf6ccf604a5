"""Reading and writing lists and snapshots. All SQL for them lives here."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from sqlalchemy import Connection, func, select

from veu.model import ListEffectKind, ListInfo, Listing
from veu.model.lists import DatasetKind
from veu.model.records import parse_record
from veu.store.db import insert_ignore, lock_row
from veu.store.tables import (
    decisions,
    entries,
    list_snapshot_entries,
    list_snapshots,
    lists,
    snapshot_head,
    snapshot_log,
    snapshot_members,
    snapshots,
)


def content_id(*parts: str) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode())
        h.update(b"\x00")
    return h.hexdigest()


def entry_payload(entry: BaseModel) -> tuple[str, str]:
    """(content id, payload) of one listing or record. Listings leave defaults out (they are
    many); records keep them, as their ``type`` tells which kind of record they are."""
    if isinstance(entry, Listing):
        payload = entry.model_dump_json(exclude_defaults=True)
    else:
        payload = entry.model_dump_json(exclude_none=True)
    return content_id(payload), payload


def list_snapshot_id(list_id: str, data_date: dt.date, entry_ids: Iterable[str]) -> str:
    return content_id(list_id, data_date.isoformat(), *sorted(entry_ids))


def snapshot_id(list_snapshot_ids: Iterable[str]) -> str:
    return content_id("snapshot", *sorted(list_snapshot_ids))


@dataclass(frozen=True)
class ListSnapshot:
    id: str
    list_id: str
    source: str
    source_files: list[str]
    source_sha256: str
    data_date: dt.date
    created_at: dt.datetime
    entry_count: int
    report: dict[str, Any]


@dataclass(frozen=True)
class SnapshotState:
    """The current (or a given) snapshot: its id and the list snapshot of each list in it."""

    id: str | None
    seq: int
    members: dict[str, ListSnapshot]


def _row_to_list_snapshot(row: Any) -> ListSnapshot:
    return ListSnapshot(
        id=row.id,
        list_id=row.list_id,
        source=row.source,
        source_files=json.loads(row.source_files),
        source_sha256=row.source_sha256,
        data_date=row.data_date,
        created_at=row.created_at,
        entry_count=row.entry_count,
        report=json.loads(row.report),
    )


class ListRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    # lists -----------------------------------------------------------------------------------
    def ensure_lists(self, infos: Iterable[ListInfo]) -> None:
        insert_ignore(
            self.conn,
            lists,
            [
                {
                    "id": i.id,
                    "title": i.title,
                    "title_zh": i.title_zh,
                    "authority": i.authority,
                    "kind": i.kind.value,
                    "url": i.url,
                    "dataset": i.dataset,
                }
                for i in infos
            ],
        )

    def all_lists(self) -> list[ListInfo]:
        rows = self.conn.execute(select(lists).order_by(lists.c.id))
        return [
            ListInfo(
                id=r.id,
                title=r.title,
                title_zh=r.title_zh,
                authority=r.authority,
                kind=ListEffectKind(r.kind),
                url=r.url,
                dataset=r.dataset,
            )
            for r in rows
        ]

    # snapshots --------------------------------------------------------------------------------
    def head(self, *, lock: bool = False) -> SnapshotState:
        row = (
            lock_row(self.conn, snapshot_head, 1)
            if lock
            else self.conn.execute(select(snapshot_head).where(snapshot_head.c.id == 1)).first()
        )
        if row is None or row.snapshot_id is None:
            return SnapshotState(id=None, seq=row.seq if row else 0, members={})
        return SnapshotState(id=row.snapshot_id, seq=row.seq, members=self.members(row.snapshot_id))

    def members(self, snapshot: str) -> dict[str, ListSnapshot]:
        rows = self.conn.execute(
            select(list_snapshots)
            .join(snapshot_members, snapshot_members.c.list_snapshot_id == list_snapshots.c.id)
            .where(snapshot_members.c.snapshot_id == snapshot)
        )
        return {r.list_id: _row_to_list_snapshot(r) for r in rows}

    def dataset_key(self, snapshot: str, datasets: Iterable[str]) -> str:
        """A key for the content of some kinds of dataset in a snapshot: snapshots that differ
        only in other datasets share it (and so share what is built from it)."""
        wanted = set(datasets)
        rows = self.conn.execute(
            select(list_snapshots.c.id)
            .join(snapshot_members, snapshot_members.c.list_snapshot_id == list_snapshots.c.id)
            .join(lists, lists.c.id == list_snapshots.c.list_id)
            .where(snapshot_members.c.snapshot_id == snapshot, lists.c.dataset.in_(wanted))
        )
        return content_id("datasets", *sorted(wanted), *sorted(r.id for r in rows))

    def snapshot_exists(self, snapshot: str) -> bool:
        return (
            self.conn.execute(select(snapshots.c.id).where(snapshots.c.id == snapshot)).first()
            is not None
        )

    def list_snapshot(self, ident: str) -> ListSnapshot | None:
        row = self.conn.execute(select(list_snapshots).where(list_snapshots.c.id == ident)).first()
        return _row_to_list_snapshot(row) if row else None

    def add_list_snapshot(self, snap: ListSnapshot, payloads: list[tuple[str, str, str]]) -> None:
        """Store a list snapshot and its entries ``(entry id, listing id, payload)``."""
        insert_ignore(
            self.conn,
            entries,
            [{"id": eid, "listing_id": lid, "payload": payload} for eid, lid, payload in payloads],
        )
        row = dataclasses.asdict(snap)
        row["source_files"] = json.dumps(snap.source_files)
        row["report"] = json.dumps(snap.report, ensure_ascii=False)
        self.conn.execute(list_snapshots.insert().values(**row))
        insert_ignore(
            self.conn,
            list_snapshot_entries,
            [{"list_snapshot_id": snap.id, "entry_id": eid} for eid in {p[0] for p in payloads}],
        )

    def set_head(
        self, member_ids: Iterable[str], *, now: dt.datetime, actor: str, reason: str
    ) -> str:
        """Make the snapshot combining ``member_ids`` current (creating it if new)."""
        ids = sorted(set(member_ids))
        sid = snapshot_id(ids)
        if not self.snapshot_exists(sid):
            self.conn.execute(snapshots.insert().values(id=sid, created_at=now))
            insert_ignore(
                self.conn,
                snapshot_members,
                [{"snapshot_id": sid, "list_snapshot_id": m} for m in ids],
            )
        self.conn.execute(
            snapshot_log.insert().values(
                snapshot_id=sid, created_at=now, actor=actor, reason=reason
            )
        )
        seq = self.conn.execute(select(func.max(snapshot_log.c.seq))).scalar_one()
        self.conn.execute(
            snapshot_head.update().where(snapshot_head.c.id == 1).values(snapshot_id=sid, seq=seq)
        )
        return sid

    def payloads(
        self, snapshot: str, *, dataset: str, list_ids: Iterable[str] | None = None
    ) -> list[tuple[str, str]]:
        """(list id, payload) of every entry of one kind of dataset in a snapshot (or in some of
        its lists), in a stable order."""
        stmt = (
            select(list_snapshots.c.list_id, entries.c.payload)
            .select_from(snapshot_members)
            .join(list_snapshots, list_snapshots.c.id == snapshot_members.c.list_snapshot_id)
            .join(lists, lists.c.id == list_snapshots.c.list_id)
            .join(
                list_snapshot_entries,
                list_snapshot_entries.c.list_snapshot_id == list_snapshots.c.id,
            )
            .join(entries, entries.c.id == list_snapshot_entries.c.entry_id)
            .where(snapshot_members.c.snapshot_id == snapshot, lists.c.dataset == dataset)
            .order_by(list_snapshots.c.list_id, entries.c.listing_id)
        )
        if list_ids is not None:
            stmt = stmt.where(list_snapshots.c.list_id.in_(list(list_ids)))
        return [(lid, payload) for lid, payload in self.conn.execute(stmt)]

    def listings(self, snapshot: str, list_ids: Iterable[str] | None = None) -> list[Listing]:
        """Every listing of a snapshot (or of some of its lists), in a stable order."""
        rows = self.payloads(snapshot, dataset="listings", list_ids=list_ids)
        return [Listing.model_validate_json(p) for _, p in rows]

    def records(
        self, snapshot: str, dataset: DatasetKind, list_ids: Iterable[str] | None = None
    ) -> list[Any]:
        """The records of the registry, judgement or authorization datasets of a snapshot."""
        return [
            parse_record(dataset, p)
            for _, p in self.payloads(snapshot, dataset=dataset, list_ids=list_ids)
        ]


@dataclass(frozen=True)
class DecisionRow:
    id: str
    at: dt.datetime
    actor: str
    outcome: str
    snapshot: str
    policy_version: str
    request: str
    decision: str
    ledger_seq: int | None = None


class DecisionRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def add(self, row: DecisionRow) -> None:
        self.conn.execute(decisions.insert().values(**dataclasses.asdict(row)))

    def get(self, ident: str) -> DecisionRow | None:
        row = self.conn.execute(select(decisions).where(decisions.c.id == ident)).first()
        return DecisionRow(**row._mapping) if row else None

    def list(self, *, actor: str | None = None, limit: int = 200) -> list[DecisionRow]:
        stmt = select(decisions).order_by(decisions.c.at.desc(), decisions.c.id).limit(limit)
        if actor is not None:
            stmt = stmt.where(decisions.c.actor == actor)
        return [DecisionRow(**r._mapping) for r in self.conn.execute(stmt)]
