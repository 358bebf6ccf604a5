"""Storage: tables, the unit of work, repositories, migrations and the audit hash chain."""

from veu.store.db import make_engine
from veu.store.uow import UnitOfWork

__all__ = ["UnitOfWork", "make_engine"]
