"""Accuracy of screening against labelled pairs, veu beside nomenklatura's logic-v2 and
logic-v1 run in the same process on the same pairs (``make bench-accuracy``).

Data: nomenklatura's 826 labelled name pairs (``tests/fixtures/name_bench_cases.csv``, MIT) and
veu's domain suite (``tests/cases/pairs/domain.yaml``). For each system: precision, recall and
F1 at its match threshold (veu: the policy pack's; nomenklatura: 0.70, yente's default), the best
F1 over all thresholds, and the best precision where recall is at least 0.98; split by schema.
"""

from __future__ import annotations

import csv
import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bench.common import machine, write_section
from veu.matching import ALGORITHM, ALGORITHM_VERSION, Entity, score_entities
from veu.services.policies import pack_for

ROOT = Path(__file__).parent.parent
NOMENKLATURA = ROOT / "tests" / "fixtures" / "name_bench_cases.csv"
DOMAIN = ROOT / "tests" / "cases" / "pairs" / "domain.yaml"
NK_THRESHOLD = 0.70


@dataclass(frozen=True)
class Case:
    schema: str
    left: str
    right: str
    match: bool
    group: str


def nomenklatura_cases() -> list[Case]:
    with NOMENKLATURA.open(encoding="utf-8") as f:
        return [
            Case(r["schema"], r["name1"], r["name2"], r["is_match"] == "true", r["schema"])
            for r in csv.DictReader(f)
        ]


def domain_cases() -> list[Case]:
    data: dict[str, Any] = yaml.safe_load(DOMAIN.read_text("utf-8"))
    return [
        Case(c.get("schema", "Company"), c["left"], c["right"], bool(c["match"]), c["group"])
        for c in data["pairs"]
    ]


def veu_scorer() -> Callable[[Case], float]:
    def score(case: Case) -> float:
        left = Entity.model_validate({"schema": case.schema, "properties": {"name": [case.left]}})
        right = Entity.model_validate({"schema": case.schema, "properties": {"name": [case.right]}})
        return score_entities(left, right).score

    return score


def nomenklatura_scorer(name: str) -> Callable[[Case], float]:
    from followthemoney import model
    from nomenklatura.matching import LogicV1, LogicV2, ScoringConfig

    algorithm = {"logic-v2": LogicV2, "logic-v1": LogicV1}[name]
    config = ScoringConfig.defaults()
    counter = iter(range(10**9))

    def entity(schema: str, name: str) -> Any:
        made = model.make_entity(schema)
        made.id = f"e{next(counter)}"
        made.add("name", name)
        return made

    def score(case: Case) -> float:
        return float(
            algorithm.compare(
                entity(case.schema, case.left), entity(case.schema, case.right), config
            ).score
        )

    return score


def metrics(scored: list[tuple[float, bool]], threshold: float) -> dict[str, float]:
    def at(th: float) -> tuple[float, float, float]:
        tp = sum(1 for s, y in scored if s >= th and y)
        fp = sum(1 for s, y in scored if s >= th and not y)
        fn = sum(1 for s, y in scored if s < th and y)
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    p, r, f = at(threshold)
    thresholds = sorted({s for s, _ in scored})
    best_f, best_th = max((at(th)[2], th) for th in thresholds)
    high_recall = [at(th)[0] for th in thresholds if at(th)[1] >= 0.98]
    return {
        "n": len(scored),
        "precision": p,
        "recall": r,
        "f1": f,
        "best_f1": best_f,
        "best_threshold": best_th,
        "precision_at_recall_98": max(high_recall) if high_recall else 0.0,
    }


def evaluate(
    cases: list[Case], scorer: Callable[[Case], float]
) -> tuple[list[tuple[float, bool, str]], float]:
    start = time.perf_counter()
    out = [(scorer(c), c.match, c.group) for c in cases]
    return out, time.perf_counter() - start


GROUPS = {
    "nomenklatura": [
        ("all", lambda g: True),
        ("Person", lambda g: g == "Person"),
        (
            "Company, Organization, LegalEntity",
            lambda g: g in {"Company", "Organization", "LegalEntity"},
        ),
        ("Vessel", lambda g: g == "Vessel"),
    ],
}


def main(write: bool = True) -> dict[str, Any]:
    match = pack_for(dt.date.today()).thresholds.match
    systems: dict[str, tuple[Callable[[Case], float], float]] = {
        f"veu ({ALGORITHM}/{ALGORITHM_VERSION}, entities)": (veu_scorer(), match)
    }
    try:
        for name in ("logic-v2", "logic-v1"):
            systems[f"nomenklatura {name}"] = (nomenklatura_scorer(name), NK_THRESHOLD)
        import nomenklatura

        nk_version = nomenklatura.__version__ if hasattr(nomenklatura, "__version__") else "?"
    except ImportError:
        nk_version = "not installed (make bench-accuracy installs it)"
    datasets = {"nomenklatura": nomenklatura_cases()}
    if DOMAIN.exists():
        datasets["domain"] = domain_cases()
        groups = sorted({c.group for c in datasets["domain"]})
        GROUPS["domain"] = [("all", lambda g: True)] + [(g, lambda x, g=g: x == g) for g in groups]
    results: dict[str, Any] = {}
    lines = []
    for dataset, cases in datasets.items():
        for system, (scorer, threshold) in systems.items():
            scored, seconds = evaluate(cases, scorer)
            for label, select in GROUPS[dataset]:
                subset = [(s, y) for s, y, g in scored if select(g)]
                if not subset:
                    continue
                m = metrics(subset, threshold)
                results[(dataset, system, label)] = m
                if not any(y for _, y in subset):  # only different parties: count false matches
                    wrong = sum(1 for s, _ in subset if s >= threshold)
                    lines.append(
                        f"| {dataset} | {label} | {system} | {m['n']} | {threshold:.2f} | "
                        f"— | — | — | {wrong} of {m['n']} different pairs matched | — | |"
                    )
                    continue
                lines.append(
                    f"| {dataset} | {label} | {system} | {m['n']} | {threshold:.2f} | "
                    f"{m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} | "
                    f"**{m['best_f1']:.3f}** (at {m['best_threshold']:.2f}) | "
                    f"{m['precision_at_recall_98']:.3f} | "
                    + (f"{seconds / len(cases) * 1000:.2f} |" if label == "all" else "|")
                )
    body = f"""## Accuracy on labelled pairs (`bench/accuracy.py`)

Each pair is scored by each system in the same run, names only (one name per entity, with its
schema). P, R, F1 at each system's match threshold; the best F1 over every threshold; the best
precision among thresholds where recall is at least 0.98. nomenklatura {nk_version}.
Machine: {machine()}.

| data | schema | system | pairs | threshold | P | R | F1 | best F1 | P at R ≥ 0.98 | ms / pair |
|---|---|---|---|---|---|---|---|---|---|---|
{chr(10).join(lines)}
"""
    if write:
        write_section("accuracy", body)
    return {" / ".join(k): v for k, v in results.items()}


if __name__ == "__main__":
    for key, value in main().items():
        print(key, {k: round(v, 3) for k, v in value.items()})
