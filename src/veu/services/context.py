"""What every use case needs, built once by an adapter and passed in: settings, the database,
the screening-index cache and the clock (the only place the product reads the time)."""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from sqlalchemy import Engine

from veu.matching import ScreeningIndex
from veu.model import Listing
from veu.settings import Settings
from veu.store import UnitOfWork, make_engine

T = TypeVar("T")


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class SnapshotCache(Generic[T]):
    """Values built from a snapshot (a screening index, a decision world), by snapshot id; the
    newest few are kept. Thread-safe: a value is built once even under concurrent requests."""

    def __init__(self, size: int = 2) -> None:
        self.size = size
        self._items: OrderedDict[str, T] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, snapshot: str, build: Callable[[], T]) -> T:
        with self._lock:
            if snapshot in self._items:
                self._items.move_to_end(snapshot)
                return self._items[snapshot]
            value = build()
            self._items[snapshot] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)
            return value


class IndexCache(SnapshotCache[ScreeningIndex]):
    def get_listings(self, snapshot: str, load: Callable[[], list[Listing]]) -> ScreeningIndex:
        return self.get(snapshot, lambda: ScreeningIndex(load()))


@dataclass
class Context:
    settings: Settings
    engine: Engine
    clock: Callable[[], dt.datetime] = utc_now
    indexes: IndexCache = field(default_factory=IndexCache)
    worlds: SnapshotCache[Any] = field(default_factory=SnapshotCache)
    authorizations: SnapshotCache[Any] = field(default_factory=lambda: SnapshotCache(8))
    keys: SnapshotCache[str] = field(default_factory=lambda: SnapshotCache(256))

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> Context:
        settings = settings or Settings()
        return cls(settings=settings, engine=make_engine(settings.database_url))

    def now(self) -> dt.datetime:
        return self.clock()

    def today(self) -> dt.date:
        return self.clock().date()

    def read(self) -> UnitOfWork:
        return UnitOfWork(self.engine)

    def write(self) -> UnitOfWork:
        return UnitOfWork(self.engine, write=True)
