"""Recording shipments (decide again, record, draw down, one locked transaction) against its
baseline measured in the same run: deciding the same shipment without recording it. Also
recordings from 4 threads at once, on SQLite and (when reachable) PostgreSQL, with a check
that the ledger holds exactly what was granted."""

from __future__ import annotations

import json
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.exc import OperationalError

from bench.common import machine, percentile, timed, write_section
from veu.model.application import ApplicationForm, Conditions
from veu.model.shipment import ShipmentRequest
from veu.services import applications, decisions, registry, shipments
from veu.services.access import Principal, add_user
from veu.services.bootstrap import bundled_sources
from veu.services.context import Context
from veu.services.lists import import_list
from veu.settings import Settings
from veu.store import make_engine, migrate
from veu.store.tables import drawdowns

FIXTURES = Path(__file__).parent.parent / "tests" / "fixtures" / "programme"
PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
N = 200
THREADS = 4


@contextmanager
def database(kind: str) -> Iterator[str | None]:
    if kind == "sqlite":
        with tempfile.TemporaryDirectory() as folder:
            yield f"sqlite:///{folder}/bench.db"
        return
    name = f"veu_bench_{uuid.uuid4().hex[:8]}"
    try:
        admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except OperationalError:
        yield None
        return
    try:
        yield PG_ADMIN.rsplit("/", 1)[0] + f"/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def prepare(url: str) -> tuple[Context, Principal, ShipmentRequest]:
    ctx = Context(settings=Settings(database_url=url), engine=make_engine(url))
    migrate.upgrade(ctx.engine)
    mofcom = next(s for s in bundled_sources() if s.source == "mofcom")
    import_list(ctx, "mofcom", mofcom.path, actor="bench")
    registry.import_registry(ctx, "registry", FIXTURES / "registry.yml", actor="bench")
    admin = Principal("bench", "admin")
    form = ApplicationForm.model_validate_json((FIXTURES / "application.json").read_text("utf-8"))
    row = applications.file(ctx, form, by=admin)
    conditions = Conditions.model_validate(
        {"items": [{"element": "Dy", "forms": ["magnet"], "annual_cap_kg": 1e9}]}
    )
    applications.approve(ctx, row.id, conditions, by=admin)
    party = "Baotou Northern Rare Earth Trading Co., Ltd."
    user, _ = add_user(ctx, "bench-exporter", "exporter", party=party, actor=admin)
    exporter = Principal(user.name, "exporter", party=party, user_id=user.id)
    data = json.loads((FIXTURES / "shipment.json").read_text("utf-8"))
    data["date"] = ctx.today().isoformat()
    return ctx, exporter, ShipmentRequest.model_validate(data)


def measure(kind: str) -> dict[str, float] | None:
    with database(kind) as url:
        if url is None:
            return None
        ctx, exporter, request = prepare(url)
        shipments.record(ctx, request, by=exporter)  # the world is built before timing
        baseline = timed(
            lambda: decisions.decide_shipment(ctx, request, record=False, actor="bench"), N
        )
        recorded = timed(lambda: shipments.record(ctx, request, by=exporter), N)
        outcomes: list[str] = []

        def worker() -> None:
            for _ in range(N // THREADS):
                outcomes.append(shipments.record(ctx, request, by=exporter)[2].outcome.value)

        threads = [threading.Thread(target=worker) for _ in range(THREADS)]
        start = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - start
        with ctx.read() as uow:
            drawn = uow.conn.execute(select(func.sum(drawdowns.c.quantity_kg))).scalar_one()
        expected = (1 + N + len(outcomes)) * request.items[0].quantity_kg
        assert outcomes.count("general_licence") == len(outcomes) == N // THREADS * THREADS
        assert abs(drawn - expected) < 1e-6, (drawn, expected)
        ctx.engine.dispose()
        return {
            "decide_p50_ms": percentile(baseline, 0.5) * 1000,
            "decide_p95_ms": percentile(baseline, 0.95) * 1000,
            "record_p50_ms": percentile(recorded, 0.5) * 1000,
            "record_p95_ms": percentile(recorded, 0.95) * 1000,
            "concurrent_per_s": len(outcomes) / elapsed,
        }


def main(write: bool = True) -> dict[str, dict[str, float] | None]:
    results = {kind: measure(kind) for kind in ("sqlite", "postgresql")}
    rows = []
    for kind, r in results.items():
        if r is None:
            rows.append(f"| {kind} | not reachable | | | |")
            continue
        rows.append(
            f"| {kind} | {r['decide_p50_ms']:.1f} / {r['decide_p95_ms']:.1f} | "
            f"{r['record_p50_ms']:.1f} / {r['record_p95_ms']:.1f} | "
            f"{r['record_p50_ms'] / r['decide_p50_ms']:.2f}x | {r['concurrent_per_s']:.0f} |"
        )
    body = f"""## Recording a shipment (`bench/shipments.py`)

{N} shipments of 100 kg to a holder of an authorization, one after another, then {N} more from
{THREADS} threads at once; the baseline is deciding the same shipment without recording it.
Recording decides again inside one transaction that holds the snapshot lock, stores the
decision, the shipment and its draw-down, and appends two audit records. After the run the
ledger holds exactly the kilograms granted. Machine: {machine()}.

| database | decide, p50 / p95 ms (baseline) | record, p50 / p95 ms | record / decide | {THREADS} threads, recordings/s |
|---|---|---|---|---|
{chr(10).join(rows)}
"""
    if write:
        write_section("shipments", body)
    return results


if __name__ == "__main__":
    print(main())
