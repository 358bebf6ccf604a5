"""The append-only audit log: each record's hash covers its content and the previous hash, so
altering, removing or reordering any record breaks the chain, and `verify` says where."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from veu.store.db import serialise_appends
from veu.store.tables import audit_log

GENESIS = "0" * 64


def canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def record_hash(
    prev_hash: str, at: dt.datetime, actor: str, action: str, subject: str, payload: str
) -> str:
    body = canonical(
        [prev_hash, at.astimezone(dt.UTC).isoformat(), actor, action, subject, payload]
    )
    return hashlib.sha256(body.encode()).hexdigest()


def append(
    conn: Connection,
    *,
    at: dt.datetime,
    actor: str,
    action: str,
    subject: str,
    payload: dict[str, Any],
) -> str:
    """Append one record; returns its hash. Appends are serialised (SQLite: the write lock;
    PostgreSQL: a transaction-scoped advisory lock), and a second record with the same
    predecessor would violate the unique ``prev_hash`` constraint, so the chain cannot fork."""
    serialise_appends(conn)
    last = conn.execute(select(audit_log.c.hash).order_by(audit_log.c.seq.desc()).limit(1)).first()
    prev = last.hash if last else GENESIS
    body = canonical(payload)
    digest = record_hash(prev, at, actor, action, subject, body)
    conn.execute(
        audit_log.insert().values(
            at=at,
            actor=actor,
            action=action,
            subject=subject,
            payload=body,
            prev_hash=prev,
            hash=digest,
        )
    )
    return digest


@dataclass(frozen=True)
class Verification:
    ok: bool
    records: int
    first_bad_seq: int | None = None
    reason: str | None = None


def verify(conn: Connection) -> Verification:
    prev = GENESIS
    count = 0
    for row in conn.execute(select(audit_log).order_by(audit_log.c.seq)):
        count += 1
        if row.prev_hash != prev:
            return Verification(False, count, row.seq, "the record does not follow its predecessor")
        at = row.at if row.at.tzinfo else row.at.replace(tzinfo=dt.UTC)
        expected = record_hash(prev, at, row.actor, row.action, row.subject, row.payload)
        if expected != row.hash:
            return Verification(
                False, count, row.seq, "the record's content does not match its hash"
            )
        prev = row.hash
    return Verification(True, count)


def records(conn: Connection) -> list[dict[str, Any]]:
    """Every audit record, oldest first."""
    return [
        {
            "seq": r.seq,
            "at": r.at.isoformat(),
            "actor": r.actor,
            "action": r.action,
            "subject": r.subject,
            "payload": json.loads(r.payload),
            "hash": r.hash,
            "prev_hash": r.prev_hash,
        }
        for r in conn.execute(select(audit_log).order_by(audit_log.c.seq))
    ]
