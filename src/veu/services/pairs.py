"""Scoring pairs of entities from a file (``veu pairs``): JSON lines, each
``{"left": <FtM entity>, "right": <FtM entity>}``, read and checked whole before any is scored."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from veu.errors import InvalidInput, Problem
from veu.ingest.common import read_utf8
from veu.matching import Entity, score_entities
from veu.services.context import Context
from veu.services.policies import thresholds_on

MAX_PROBLEMS = 50


class Pair(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    left: Entity
    right: Entity


def read_pairs(path: Path) -> list[Pair]:
    """Every pair in the file; a malformed line is named with its line number and field, and
    nothing is scored while any line is malformed."""
    if not path.is_file():
        raise InvalidInput(f"{path} is not a file", [Problem("no such file", file=str(path))])
    pairs: list[Pair] = []
    problems: list[Problem] = []
    # JSON Lines are UTF-8 (a byte that is not is named with its line); lines end at \n only,
    # which JSON never writes inside a string (it may write U+2028, which splitlines splits at)
    for number, line in enumerate(read_utf8(path).split("\n"), start=1):
        if not line.strip():
            continue
        try:
            pairs.append(Pair.model_validate(json.loads(line)))
        except json.JSONDecodeError as exc:
            problems.append(Problem(f"not JSON: {exc.msg}", file=path.name, line=number))
        except ValidationError as exc:
            problems += [
                Problem(e["msg"], file=path.name, line=number, field=_field(e["loc"]))
                for e in exc.errors()
            ]
        if len(problems) >= MAX_PROBLEMS:
            break
    if problems:
        raise InvalidInput(f"{path.name} has malformed lines: nothing was scored", problems)
    return pairs


def _field(loc: tuple[Any, ...]) -> str:
    return ".".join(str(p) for p in loc)


def score_pairs(ctx: Context, pairs: list[Pair]) -> Iterator[dict[str, Any]]:
    """Each pair's score, whether it is a match at the policy pack's match threshold, and the
    explanation, in input order."""
    threshold, _ = thresholds_on(ctx.today())
    for pair in pairs:
        yield score_entities(pair.left, pair.right).as_dict(threshold)
