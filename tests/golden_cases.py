"""Loading the golden cases of ``tests/cases/*.yaml`` (``world.yaml`` is the world they need)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from tests.golden_world import CASES, golden_world, pack
from veu.model.decision import Decision
from veu.model.shipment import ShipmentRequest
from veu.policy import decide

BASE: dict[str, Any] = {
    "date": "2025-06-01",
    "exporter": {"name": "Ganzhou Rare Earth Co., Ltd.", "country": "CN"},
    "consignee": {"name": "Bavaria Ceramics AG", "country": "DE"},
    "facility": "Acme Motors Stuttgart Plant, Industriestrasse 1, 70565 Stuttgart",
    "items": [
        {
            "description": "samarium oxide",
            "elements": ["Sm"],
            "form": "oxide",
            "quantity_kg": 100,
            "value": 5000,
            "origin": "CN",
        }
    ],
    "end_use": {"category": "civil", "sector": "automotive", "description": "EV traction motors"},
}
GOLDEN = CASES / "golden"


@dataclass(frozen=True)
class Case:
    file: str
    id: str
    rule: str
    request: dict[str, Any]
    outcome: str
    codes: tuple[str, ...]
    absent: tuple[str, ...]

    @property
    def key(self) -> str:
        return f"{self.file}:{self.id}"


def case_files() -> list[Path]:
    return sorted(p for p in CASES.glob("*.yaml") if p.name != "world.yaml")


def load_cases() -> list[Case]:
    cases = []
    for path in case_files():
        data = yaml.safe_load(path.read_text("utf-8"))
        defaults = data.get("defaults", {})
        for raw in data["cases"]:
            request = {**BASE, **defaults, **raw.get("request", {})}
            request = json.loads(json.dumps(request, default=str))
            expect = raw["expect"]
            cases.append(
                Case(
                    file=path.stem,
                    id=raw["id"],
                    rule=raw["rule"],
                    request=request,
                    outcome=expect["outcome"],
                    codes=tuple(expect.get("codes", ())),
                    absent=tuple(expect.get("absent", ())),
                )
            )
    return cases


def run(case: Case) -> Decision:
    return decide(ShipmentRequest.model_validate(case.request), golden_world(), pack())


def golden_path(file: str) -> Path:
    return GOLDEN / f"{file}.json"


def read_golden(file: str) -> dict[str, Any]:
    path = golden_path(file)
    return json.loads(path.read_text("utf-8")) if path.exists() else {}


def as_golden(decision: Decision) -> dict[str, Any]:
    return decision.model_dump(mode="json")
