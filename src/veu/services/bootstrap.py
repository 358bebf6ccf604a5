"""``veu db init``: create or upgrade the schema and load the bundled lists (idempotent)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from veu.errors import ConfigurationError
from veu.model import Listing
from veu.model.catalogue import ALL_LISTS
from veu.services import monitoring
from veu.services.context import Context
from veu.services.lists import ImportResult, import_list
from veu.services.registry import import_registry
from veu.store import migrate


@dataclass(frozen=True)
class BundledSource:
    source: str
    path: Path
    data_date: dt.date | None
    note: str
    kind: str = "list"


def bundled_sources() -> list[BundledSource]:
    """The public lists shipped in ``veu/data`` (see its MANIFEST.yml)."""
    root = Path(str(resources.files("veu") / "data"))
    manifest: list[dict[str, Any]] = yaml.safe_load((root / "MANIFEST.yml").read_text("utf-8"))
    out = []
    for item in manifest:
        path = root / item["path"]
        if not path.exists():
            raise ConfigurationError(f"bundled data {path} is missing from the installation")
        out.append(
            BundledSource(
                source=item["source"],
                path=path,
                data_date=item.get("data_date"),
                note=item.get("note", ""),
                kind=item.get("kind", "list"),
            )
        )
    return out


def init_database(
    ctx: Context, *, load: bool = True, progress: Any = None, actor: str = "veu db init"
) -> list[ImportResult]:
    """Migrate the schema to the newest revision, then load each bundled list and registry
    dataset."""
    migrate.upgrade(ctx.engine)
    with ctx.write() as uow:
        uow.lists.ensure_lists(ALL_LISTS.values())
        uow.commit()
    results = []
    if load:
        for item in bundled_sources():
            if progress is not None:
                progress(item)
            load_one = import_registry if item.kind == "registry" else import_list
            results.append(
                load_one(
                    ctx,
                    item.source,
                    item.path,
                    data_date=item.data_date,
                    actor=actor,
                    monitor=False,
                )
            )
        monitoring.after_change(ctx, actor, "veu db init", any(r.changed for r in results))
    return results


def parse_bundled() -> tuple[list[Listing], list[Any]]:
    """Every bundled list's listings and every bundled registry record, parsed in memory (no
    database): for tests and benchmarks that need the real data as it ships."""
    from veu.services.lists import PARSERS
    from veu.services.registry import REGISTRY_PARSERS

    listings: list[Listing] = []
    records: list[Any] = []
    for source in bundled_sources():
        parsers = REGISTRY_PARSERS if source.kind == "registry" else PARSERS
        parser, _ = parsers[source.source]
        for parsed in parser(source.path, source.data_date).lists:
            listings += parsed.listings
            records += parsed.records
    return listings, records
