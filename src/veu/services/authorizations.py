"""VEU authorizations in the snapshot: importing them (an officer's file) and listing them.
Filing, review and the drawdown of annual quantities belong to the VEU programme's use cases."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from veu.errors import InvalidInput, Problem
from veu.ingest.common import ImportReport, read_text
from veu.model import ListInfo
from veu.model.authorization import Authorization
from veu.services.context import Context
from veu.services.lists import ImportResult, commit_records, require_snapshot
from veu.yamldoc import validate

DATASET = ListInfo(
    id="veu-authorizations",
    title="VEU authorizations",
    authority="the licensing authority",
    dataset="authorizations",
)


class AuthorizationsFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    authorizations: list[Authorization]


def import_authorizations(ctx: Context, path: Path, *, actor: str = "cli") -> ImportResult:
    """Add or replace (by id) the authorizations in a YAML or JSON file."""
    if not path.is_file():
        raise InvalidInput(f"{path} is not a file", [Problem("no such file", file=str(path))])
    document: AuthorizationsFile = validate(
        read_text(path), path.name, AuthorizationsFile, "authorizations file"
    )
    ids = [a.id for a in document.authorizations]
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise InvalidInput(
            f"{path.name} repeats authorization ids",
            [Problem(f"{i} appears more than once", file=path.name, field="id") for i in repeated],
        )
    report = ImportReport(source="authorizations", files=[str(path)], rows=len(ids))
    return commit_records(
        ctx,
        DATASET,
        list(document.authorizations),
        source="authorizations",
        label=path.name,
        actor=actor,
        action="authorizations.import",
        report=report,
    )


def current(ctx: Context, day: dt.date | None = None) -> list[dict[str, Any]]:
    snapshot = require_snapshot(ctx)
    day = day or ctx.today()
    with ctx.read() as uow:
        items = uow.lists.records(snapshot, "authorizations")
    return [
        {
            "id": a.id,
            "holder": a.holder.name,
            "state": a.state_on(day),
            "valid_from": a.valid_from.isoformat(),
            "valid_until": a.valid_until.isoformat(),
            "items": [
                {
                    "elements": list(i.elements),
                    "forms": [f.value for f in i.forms],
                    "annual_cap_kg": i.annual_cap_kg,
                    "used_kg": a.used_kg(n, day),
                }
                for n, i in enumerate(a.items)
            ],
        }
        for a in items
    ]
