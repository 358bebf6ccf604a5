"""Scoring a pair of names: the features of `veu.matching.features`, combined and explained.

The combination: the best evidence feature (each scaled by its weight), raised to a floor feature
when one applies, minus the penalties, and held down to a cap feature's weight when one applies.
When both names are written in Chinese the Han characters are compared directly and the
pinyin-based features are not used (homophones must not match).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from veu.matching.features import NAME_FEATURES, Combination
from veu.names import NormalName

ALGORITHM = "veu-names"
ALGORITHM_VERSION = "5"
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
    combined = Combination()
    explanation: dict[str, Any] = {}
    for feature in NAME_FEATURES:
        if feature.name in _PINYIN_FEATURES and both_han:
            continue
        if feature.name == "han" and not both_han:
            continue
        if not explain and combined.cannot_change(feature):
            continue
        result = feature.function(query, candidate)
        combined.add(feature, result)
        if not explain:
            continue
        if feature.kind == "evidence" or result.score or (feature.kind == "info" and result.detail):
            explanation[feature.name] = feature.explained(result)
    return NameScore(combined.score, explanation)
