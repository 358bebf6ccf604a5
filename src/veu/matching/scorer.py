"""Scoring a pair of names: the features of `veu.matching.features`, combined and explained.

The combination: the best evidence feature (each scaled by its weight), raised to a floor feature
when one applies, minus the penalties, and held down to a cap feature's weight when one applies.
When both names are written in Chinese the Han characters are compared directly and the
pinyin-based features are not used (homophones must not match).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from veu.matching.features import NAME_FEATURES
from veu.names import NormalName

ALGORITHM = "veu-names"
ALGORITHM_VERSION = "3"
_PINYIN_FEATURES = frozenset({"tokens", "skeleton", "distinct_words"})


@dataclass(frozen=True)
class NameScore:
    score: float
    explanation: dict[str, Any]


def score_names(query: NormalName, candidate: NormalName, *, explain: bool = True) -> NameScore:
    """Score two normalised names in 0..1 and say, feature by feature, why (without
    ``explain``, the same score and an empty explanation: for ranking many candidates)."""
    if query.empty or candidate.empty:
        side = "query" if query.empty else "candidate"
        return NameScore(
            0.0,
            {
                "no_distinctive_name": {
                    "score": 0.0,
                    "reason": f"the {side} name is only a legal form or punctuation",
                    "forms": sorted((query if query.empty else candidate).forms),
                }
            },
        )
    if not explain and query.tokens == candidate.tokens and query.han == candidate.han:
        return NameScore(1.0, {})  # the same name once normalised: every feature agrees
    both_han = bool(query.han and candidate.han)
    best = 0.0
    floor = 0.0
    penalty = 0.0
    cap = 1.0
    explanation: dict[str, Any] = {}
    for feature in NAME_FEATURES:
        if feature.name in _PINYIN_FEATURES and both_han:
            continue
        if feature.name == "han" and not both_han:
            continue
        if not explain and _cannot_change(feature.kind, feature.weight, max(best, floor), penalty):
            continue
        result = feature.function(query, candidate)
        contribution = result.score * feature.weight
        if feature.kind == "evidence":
            best = max(best, contribution)
        elif feature.kind == "floor":
            floor = max(floor, contribution)
        elif feature.kind == "penalty":
            penalty += contribution
        elif feature.kind == "cap" and result.score:
            cap = min(cap, feature.weight)
        if not explain:
            continue
        if feature.kind == "evidence" or result.score or (feature.kind == "info" and result.detail):
            explanation[feature.name] = {
                "score": round(result.score, 4),
                "weight": feature.weight,
                **result.detail,
            }
    score = max(0.0, min(1.0, cap, max(best, floor) - penalty))
    return NameScore(score, explanation)


def _cannot_change(kind: str, weight: float, reached: float, penalty: float) -> bool:
    """Whether a feature of ``kind`` and ``weight`` cannot change the score, given the best
    evidence or floor ``reached`` and the ``penalty`` counted so far: a floor not above what is
    reached, a cap not below what is reached less the penalties (later penalties only lower
    it), information always. Such a feature is skipped when no explanation is asked for: the
    score is the same, sooner."""
    if kind == "floor":
        return weight <= reached
    if kind == "cap":
        return weight >= reached - penalty
    return kind == "info"
