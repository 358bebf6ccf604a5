"""Reading and writing the VEU programme's rows: users and sessions, applications, recorded
shipments and the ledger of annual quantities they draw down, and notices for officers."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, select

from veu.model.authorization import Usage
from veu.store.tables import (
    applications,
    decisions,
    drawdowns,
    notices,
    sessions,
    shipments,
    users,
)


@dataclass(frozen=True)
class UserRow:
    id: str
    name: str
    role: str
    party: str | None
    key_hash: str
    created_at: dt.datetime
    active: bool


@dataclass(frozen=True)
class SessionRow:
    token_hash: str
    user_id: str
    csrf: str
    created_at: dt.datetime
    expires_at: dt.datetime


class UserRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def add(self, row: UserRow) -> None:
        self.conn.execute(users.insert().values(**dataclasses.asdict(row)))

    def by_name(self, name: str) -> UserRow | None:
        row = self.conn.execute(select(users).where(users.c.name == name)).first()
        return UserRow(**row._mapping) if row else None

    def by_id(self, ident: str) -> UserRow | None:
        row = self.conn.execute(select(users).where(users.c.id == ident)).first()
        return UserRow(**row._mapping) if row else None

    def by_key_hash(self, key_hash: str) -> UserRow | None:
        row = self.conn.execute(select(users).where(users.c.key_hash == key_hash)).first()
        return UserRow(**row._mapping) if row else None

    def all(self) -> list[UserRow]:
        return [
            UserRow(**r._mapping) for r in self.conn.execute(select(users).order_by(users.c.name))
        ]

    def count(self) -> int:
        return int(self.conn.execute(select(func.count()).select_from(users)).scalar_one())

    def update(self, ident: str, **values: Any) -> None:
        self.conn.execute(users.update().where(users.c.id == ident).values(**values))

    def add_session(self, row: SessionRow) -> None:
        self.conn.execute(sessions.insert().values(**dataclasses.asdict(row)))

    def session(self, token_hash: str) -> SessionRow | None:
        row = self.conn.execute(select(sessions).where(sessions.c.token_hash == token_hash)).first()
        return SessionRow(**row._mapping) if row else None

    def end_session(self, token_hash: str) -> None:
        self.conn.execute(sessions.delete().where(sessions.c.token_hash == token_hash))

    def end_sessions_of(self, user_id: str) -> None:
        self.conn.execute(sessions.delete().where(sessions.c.user_id == user_id))


@dataclass(frozen=True)
class ApplicationRow:
    id: str
    owner: str
    applicant: str
    status: str
    recommendation: str
    created_at: dt.datetime
    updated_at: dt.datetime
    payload: str
    precheck: str
    history: str
    authorization_id: str | None

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "owner": self.owner,
            "applicant": self.applicant,
            "status": self.status,
            "recommendation": self.recommendation,
            "created_at": self.created_at.isoformat(),
            "updated_at": self.updated_at.isoformat(),
            "application": json.loads(self.payload),
            "precheck": json.loads(self.precheck),
            "history": json.loads(self.history),
            "authorization": self.authorization_id,
        }


class ApplicationRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def add(self, row: ApplicationRow) -> None:
        self.conn.execute(applications.insert().values(**dataclasses.asdict(row)))

    def get(self, ident: str, *, lock: bool = False) -> ApplicationRow | None:
        stmt = select(applications).where(applications.c.id == ident)
        if lock and self.conn.dialect.name != "sqlite":
            stmt = stmt.with_for_update()
        row = self.conn.execute(stmt).first()
        return ApplicationRow(**row._mapping) if row else None

    def update(self, ident: str, **values: Any) -> None:
        self.conn.execute(applications.update().where(applications.c.id == ident).values(**values))

    def list(
        self, *, owner: str | None = None, statuses: list[str] | None = None
    ) -> list[ApplicationRow]:
        stmt = select(applications).order_by(applications.c.created_at, applications.c.id)
        if owner is not None:
            stmt = stmt.where(applications.c.owner == owner)
        if statuses:
            stmt = stmt.where(applications.c.status.in_(statuses))
        return [ApplicationRow(**r._mapping) for r in self.conn.execute(stmt)]


@dataclass(frozen=True)
class ShipmentRow:
    id: str
    decision_id: str
    recorded_at: dt.datetime
    actor: str
    outcome: str
    authorization_id: str | None


class ShipmentRepository:
    """Recorded shipments and the append-only ledger of what they drew down."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def add(self, row: ShipmentRow, draws: list[tuple[int, dt.date, float]]) -> None:
        self.conn.execute(shipments.insert().values(**dataclasses.asdict(row)))
        if draws and row.authorization_id:
            self.conn.execute(
                drawdowns.insert(),
                [
                    {
                        "shipment_id": row.id,
                        "authorization_id": row.authorization_id,
                        "item": item,
                        "day": day,
                        "quantity_kg": kg,
                    }
                    for item, day, kg in draws
                ],
            )

    def last_seq(self) -> int:
        return int(
            self.conn.execute(select(func.coalesce(func.max(drawdowns.c.seq), 0))).scalar_one()
        )

    def usage(
        self,
        *,
        upto: int,
        around: dt.date,
        window_days: int = 367,
        authorizations: set[str] | None = None,
    ) -> dict[str, list[Usage]]:
        """Draw-downs recorded up to ledger position ``upto``, dated within ``window_days`` of
        ``around`` (an authorization year holding ``around`` lies within it), by authorization
        (all, or only those in ``authorizations``)."""
        low = around - dt.timedelta(days=window_days)
        high = around + dt.timedelta(days=window_days)
        stmt = (
            select(drawdowns)
            .where(drawdowns.c.seq <= upto, drawdowns.c.day >= low, drawdowns.c.day <= high)
            .order_by(drawdowns.c.seq)
        )
        if authorizations is not None:
            stmt = stmt.where(drawdowns.c.authorization_id.in_(sorted(authorizations)))
        rows = self.conn.execute(stmt)
        out: dict[str, list[Usage]] = defaultdict(list)
        for r in rows:
            out[r.authorization_id].append(
                Usage(date=r.day, item=r.item, quantity_kg=r.quantity_kg, shipment=r.shipment_id)
            )
        return out

    def list(self, *, actor: str | None = None, limit: int = 200) -> list[dict[str, Any]]:
        stmt = (
            select(shipments, decisions.c.request)
            .join(decisions, decisions.c.id == shipments.c.decision_id)
            .order_by(shipments.c.recorded_at.desc(), shipments.c.id)
            .limit(limit)
        )
        if actor is not None:
            stmt = stmt.where(shipments.c.actor == actor)
        out = []
        for r in self.conn.execute(stmt):
            drawn = self.conn.execute(
                select(drawdowns.c.item, drawdowns.c.quantity_kg)
                .where(drawdowns.c.shipment_id == r.id)
                .order_by(drawdowns.c.seq)
            )
            request = json.loads(r.request)
            out.append(
                {
                    "id": r.id,
                    "decision_id": r.decision_id,
                    "recorded_at": r.recorded_at.isoformat(),
                    "actor": r.actor,
                    "outcome": r.outcome,
                    "authorization": r.authorization_id,
                    "date": request["date"],
                    "end_user": (request.get("end_user") or request["consignee"])["name"],
                    "drawn_kg": {str(d.item): d.quantity_kg for d in drawn},
                }
            )
        return out

    def get(self, ident: str) -> ShipmentRow | None:
        row = self.conn.execute(select(shipments).where(shipments.c.id == ident)).first()
        return ShipmentRow(**row._mapping) if row else None


@dataclass(frozen=True)
class Notice:
    seq: int
    at: dt.datetime
    kind: str
    subject: str
    message: str
    payload: dict[str, Any]


class NoticeRepository:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def add(
        self, *, at: dt.datetime, kind: str, subject: str, message: str, payload: dict[str, Any]
    ) -> None:
        self.conn.execute(
            notices.insert().values(
                at=at,
                kind=kind,
                subject=subject,
                message=message,
                payload=json.dumps(payload, ensure_ascii=False, default=str),
            )
        )

    def latest(self, limit: int = 50) -> list[Notice]:
        rows = self.conn.execute(select(notices).order_by(notices.c.seq.desc()).limit(limit))
        return [
            Notice(r.seq, r.at, r.kind, r.subject, r.message, json.loads(r.payload)) for r in rows
        ]
