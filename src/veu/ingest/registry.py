"""Registry files in the product's own format (YAML or JSON): parties, ownership and control
edges, and defense flags, each with its source. The bundled curated file of U.S. defense groups
and their civilian subsidiaries is one; an officer can load others (``veu import registry``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from veu.errors import InvalidInput, Problem
from veu.ingest.common import ImportReport, ParsedList, ParseOutcome, read_utf8
from veu.model import ListInfo
from veu.model.registry import DefenseFlag, Edge, RegistryParty
from veu.yamldoc import validate


class RegistryFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    dataset: str = Field(pattern=r"^reg-[a-z0-9-]+$", description="Dataset id, reg-...")
    title: str
    authority: str
    data_date: dt.date
    parties: list[RegistryParty] = Field(default_factory=list)
    edges: list[Edge] = Field(default_factory=list)
    flags: list[DefenseFlag] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> RegistryFile:
        ids = [
            *(p.id for p in self.parties),
            *(e.id for e in self.edges),
            *(f.id for f in self.flags),
        ]
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            raise ValueError(f"ids used twice: {repeated}")
        for edge in self.edges:
            if edge.owner == edge.owned:
                raise ValueError(f"edge {edge.id} goes from {edge.owner} to itself")
            if edge.kind == "ownership" and edge.percentage is None:
                raise ValueError(f"ownership edge {edge.id} has no percentage")
            if not (edge.source.url or edge.source.title):
                raise ValueError(f"edge {edge.id} cites no source")
        return self


def dataset_info(dataset: str, title: str, authority: str) -> ListInfo:
    return ListInfo(id=dataset, title=title, authority=authority, dataset="registry")


def parse(path: Path, data_date: dt.date | None = None) -> ParseOutcome:
    if path.is_dir():
        raise InvalidInput(
            f"{path} is a folder: give the registry file",
            [Problem("a folder, not a file", file=str(path))],
        )
    document: RegistryFile = validate(read_utf8(path), path.name, RegistryFile, "registry file")
    report = ImportReport(source="registry", files=[str(path)])
    records = [*document.parties, *document.edges, *document.flags]
    report.rows = len(records)
    info = dataset_info(document.dataset, document.title, document.authority)
    return ParseOutcome(
        [
            ParsedList(
                info=info, data_date=data_date or document.data_date, listings=[], records=records
            )
        ],
        report,
    )
