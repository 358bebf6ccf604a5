"""Importing lists and reporting on them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from veu.errors import ImportRejected, InvalidInput, NotFound, Problem
from veu.ingest import csl, mofcom, ofac_sdn, un
from veu.ingest.common import ImportReport, ParsedList, ParseOutcome, date_in_path, file_digest
from veu.model import ListInfo
from veu.model.catalogue import ALL_LISTS
from veu.services.context import Context
from veu.store import audit
from veu.store.repository import (
    ListSnapshot,
    SnapshotState,
    content_id,
    entry_payload,
    list_snapshot_id,
)
from veu.store.uow import UnitOfWork

Parser = Callable[[Path, dt.date | None], ParseOutcome]

PARSERS: dict[str, tuple[Parser, str]] = {
    "mofcom": (mofcom.parse, "MOFCOM / MFA announcement texts (a file or a folder of them)"),
    "ofac-sdn": (
        ofac_sdn.parse,
        "OFAC legacy SDN CSV (sdn.csv, with add/alt/sdn_comments if present)",
    ),
    "csl": (csl.parse, "Trade.gov Consolidated Screening List CSV"),
    "un": (un.parse, "UN Security Council Consolidated List XML"),
}


@dataclass
class ListChange:
    list_id: str
    list_snapshot: str
    entries: int
    data_date: dt.date
    changed: bool


@dataclass
class ImportResult:
    source: str
    snapshot: str | None
    changed: bool
    lists: list[ListChange] = field(default_factory=list)
    report: ImportReport | None = None
    monitoring: Any = None  # the monitoring report, when the change was monitored

    def as_dict(self) -> dict[str, Any]:
        report = self.report
        return {
            "source": self.source,
            "snapshot": self.snapshot,
            "changed": self.changed,
            "lists": [
                {
                    "list": c.list_id,
                    "list_snapshot": c.list_snapshot,
                    "entries": c.entries,
                    "data_date": c.data_date.isoformat(),
                    "changed": c.changed,
                }
                for c in self.lists
            ],
            "rows": report.rows if report else 0,
            "rejected": [p.as_dict() for p in report.rejected] if report else [],
            "warnings": [p.as_dict() for p in report.warnings] if report else [],
            **({"monitoring": self.monitoring.as_dict()} if self.monitoring else {}),
        }


def import_list(
    ctx: Context,
    source: str,
    path: Path,
    *,
    data_date: dt.date | None = None,
    actor: str = "cli",
    monitor: bool = True,
) -> ImportResult:
    """Import one source file (or folder) as new list snapshot(s), in one transaction.

    Rejected rows are reported with file, line and reason; if their share exceeds
    ``import_max_reject_share`` nothing is written. Importing the same content again changes
    nothing. A change is followed by monitoring (unless ``monitor`` is false).
    """
    if source not in PARSERS:
        raise InvalidInput(
            f"unknown source {source!r}; choose one of {', '.join(PARSERS)}",
            [Problem(f"unknown source {source!r}", field="source")],
        )
    if not path.exists():
        raise InvalidInput(f"{path} does not exist", [Problem("no such file", file=str(path))])
    parser, _ = PARSERS[source]
    outcome = parser(path, data_date)
    result = commit_outcome(
        ctx, outcome, source=source, label=path.name, actor=actor, fallback_date=date_in_path(path)
    )
    if monitor:
        monitored(ctx, actor, f"import of {source} {path.name}", result)
    return result


def monitored(ctx: Context, actor: str, cause: str, result: ImportResult) -> None:
    """Run monitoring after a change (see `veu.services.monitoring`); the report is kept on
    the result."""
    from veu.services.monitoring import after_change  # monitoring builds on this module

    result.monitoring = after_change(ctx, actor, cause, result.changed)


def commit_outcome(
    ctx: Context,
    outcome: ParseOutcome,
    *,
    source: str,
    label: str,
    actor: str,
    fallback_date: dt.date | None = None,
    action: str = "lists.import",
) -> ImportResult:
    """Write parsed lists or datasets as new snapshots of them, in one transaction; the
    current snapshot then combines them with every other list. Same content: no change."""
    report = outcome.report
    # The date of the data: given, else what the file says, else a date in the path, else today.
    for parsed in outcome.lists:
        if parsed.data_date is None:
            if fallback_date is None:
                fallback_date = ctx.today()
                if parsed.info.dataset == "listings":
                    report.warn(
                        f"the file gives no date for its data and none was given; using "
                        f"today ({fallback_date}): pass --data-date",
                        file=label,
                    )
            parsed.data_date = fallback_date
    limit = ctx.settings.import_max_reject_share
    if report.rejected and report.reject_share > limit:
        raise ImportRejected(
            f"{len(report.rejected)} of {report.rows} rows were rejected "
            f"({report.reject_share:.1%}, more than the {limit:.1%} allowed): nothing was written",
            report.rejected[:200],
        )
    if not outcome.lists:
        raise InvalidInput(
            f"{label} holds nothing to import",
            report.rejected or [Problem("no entries found", file=label)],
        )
    with ctx.write() as uow:
        result = write_outcome(
            uow, outcome, source=source, label=label, actor=actor, now=ctx.now(), action=action
        )
        if result.changed:
            uow.commit()
    return result


def write_outcome(
    uow: UnitOfWork,
    outcome: ParseOutcome,
    *,
    source: str,
    label: str,
    actor: str,
    now: dt.datetime,
    action: str,
) -> ImportResult:
    """Write parsed datasets (their dates settled) as new snapshots of them and make the
    combination current, with an audit record, inside the caller's unit of work (not committed:
    the caller may write more in the same transaction)."""
    report = outcome.report
    digest = file_digest([Path(f) for f in report.files]) if report.files else content_id(label)
    result = ImportResult(source=source, snapshot=None, changed=False, report=report)
    uow.lists.ensure_lists([*ALL_LISTS.values(), *(p.info for p in outcome.lists)])
    head = uow.lists.head(lock=True)
    members = {lid: snap.id for lid, snap in head.members.items()}
    for parsed in outcome.lists:
        change = _write_dataset(uow, parsed, head, report, source, digest, now)
        if change is None:
            continue
        members[change.list_id] = change.list_snapshot
        result.lists.append(change)
    result.changed = any(c.changed for c in result.lists)
    if not result.changed:
        result.snapshot = head.id
        return result
    result.snapshot = uow.lists.set_head(
        members.values(), now=now, actor=actor, reason=f"{action} {source} {label}"
    )
    audit.append(
        uow.conn,
        at=now,
        actor=actor,
        action=action,
        subject=source,
        payload={
            "file_sha256": digest,
            "snapshot": result.snapshot,
            "lists": {c.list_id: c.list_snapshot for c in result.lists if c.changed},
            "rejected": len(report.rejected),
        },
    )
    return result


def commit_records(
    ctx: Context,
    info: ListInfo,
    records: list[Any],
    *,
    source: str,
    label: str,
    actor: str,
    action: str,
    report: ImportReport | None = None,
) -> ImportResult:
    """Add (or replace, by id) records in a merging dataset, as a new snapshot of it."""
    return commit_outcome(
        ctx,
        records_outcome(info, records, ctx.today(), source, report),
        source=source,
        label=label,
        actor=actor,
        action=action,
    )


def write_records(
    uow: UnitOfWork,
    info: ListInfo,
    records: list[Any],
    *,
    now: dt.datetime,
    source: str,
    label: str,
    actor: str,
    action: str,
) -> ImportResult:
    """`commit_records` inside the caller's unit of work."""
    return write_outcome(
        uow,
        records_outcome(info, records, now.date(), source),
        source=source,
        label=label,
        actor=actor,
        now=now,
        action=action,
    )


def records_outcome(
    info: ListInfo,
    records: list[Any],
    day: dt.date,
    source: str,
    report: ImportReport | None = None,
) -> ParseOutcome:
    report = report or ImportReport(source=source, rows=len(records))
    parsed = ParsedList(info=info, data_date=day, listings=[], records=records, merge=True)
    if info.dataset == "listings":
        parsed.listings, parsed.records = records, []
    return ParseOutcome([parsed], report)


def _existing(uow: UnitOfWork, parsed: ParsedList, head: SnapshotState) -> list[Any]:
    if not (parsed.merge and head.id and parsed.info.id in head.members):
        return []
    if parsed.info.dataset == "listings":
        return uow.lists.listings(head.id, [parsed.info.id])
    return uow.lists.records(head.id, parsed.info.dataset, [parsed.info.id])


def _write_dataset(
    uow: UnitOfWork,
    parsed: ParsedList,
    head: SnapshotState,
    report: ImportReport,
    source: str,
    digest: str,
    now: dt.datetime,
) -> ListChange | None:
    list_id = parsed.info.id
    current = head.members.get(list_id)
    entries = parsed.merged_with(_existing(uow, parsed, head))
    if not entries and not parsed.merge:
        raise InvalidInput(
            f"{report.source} holds no valid entry for {list_id}: nothing was written",
            report.rejected[:200] or [Problem("no entries", file=report.source)],
        )
    if not entries:
        report.warn(f"{list_id}: nothing to apply the changes to", file=report.source)
        return None
    snap_date = parsed.data_date or now.date()
    if parsed.merge and current:
        snap_date = max(snap_date, current.data_date)
    rows = []
    for entry in entries:
        entry_id, payload = entry_payload(entry)
        rows.append((entry_id, str(entry.id), payload))
    lsid = list_snapshot_id(list_id, snap_date, (eid for eid, _, _ in rows))
    changed = (current.id if current else None) != lsid
    if changed and uow.lists.list_snapshot(lsid) is None:
        uow.lists.add_list_snapshot(
            ListSnapshot(
                id=lsid,
                list_id=list_id,
                source=source,
                source_files=report.files,
                source_sha256=digest,
                data_date=snap_date,
                created_at=now,
                entry_count=len(rows),
                report={
                    "rows": report.rows,
                    "rejected": [p.as_dict() for p in report.rejected],
                    "warnings": [p.as_dict() for p in report.warnings],
                },
            ),
            rows,
        )
    return ListChange(list_id, lsid, len(rows), snap_date, changed)


@dataclass(frozen=True)
class ListSummary:
    info: ListInfo
    snapshot: ListSnapshot | None


def summary(ctx: Context) -> tuple[str | None, list[ListSummary]]:
    """The current snapshot id and, for every known list, its current list snapshot."""
    with ctx.read() as uow:
        head = uow.lists.head()
        known = {i.id: i for i in uow.lists.all_lists()}
    known.update({k: v for k, v in ALL_LISTS.items() if k not in known})
    rows = [ListSummary(info, head.members.get(lid)) for lid, info in sorted(known.items())]
    return head.id, rows


def require_snapshot(ctx: Context, snapshot: str | None = None) -> str:
    with ctx.read() as uow:
        if snapshot is None:
            head = uow.lists.head()
            if head.id is None:
                raise NotFound("no lists are loaded yet: run `veu db init`")
            return head.id
        if not uow.lists.snapshot_exists(snapshot):
            raise NotFound(f"no snapshot {snapshot}")
        return snapshot
