"""A unit of work: one connection, one transaction, the repositories on it. Services open one per
use case; nothing is written unless the service commits."""

from __future__ import annotations

from types import TracebackType

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError

from veu.store.db import WRITE, uninitialised
from veu.store.programme import (
    ApplicationRepository,
    NoticeRepository,
    ShipmentRepository,
    UserRepository,
)
from veu.store.repository import DecisionRepository, ListRepository


class UnitOfWork:
    def __init__(self, engine: Engine, *, write: bool = False) -> None:
        self.engine = engine
        self.write = write
        self._conn: Connection | None = None
        self._committed = False

    def __enter__(self) -> UnitOfWork:
        conn = self.engine.connect()
        if self.write:
            conn = conn.execution_options(**{WRITE: True})
        conn.begin()
        self._conn = conn
        self.lists = ListRepository(conn)
        self.decisions = DecisionRepository(conn)
        self.users = UserRepository(conn)
        self.applications = ApplicationRepository(conn)
        self.shipments = ShipmentRepository(conn)
        self.notices = NoticeRepository(conn)
        return self

    @property
    def conn(self) -> Connection:
        if self._conn is None:
            raise RuntimeError("unit of work used outside its with-block")
        return self._conn

    def commit(self) -> None:
        self.conn.commit()
        self._committed = True

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        conn = self.conn
        try:
            if not self._committed:
                conn.rollback()
        finally:
            conn.close()
            self._conn = None
        if isinstance(exc, DBAPIError) and (missing := uninitialised(exc)) is not None:
            raise missing from exc  # `veu db init` never ran: say so, not which table is missing
