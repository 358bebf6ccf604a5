"""Candidate index and scorer: features with weights and explanations, thresholds."""

from veu.matching.index import Hit, Query, ScreeningIndex
from veu.matching.scorer import ALGORITHM, ALGORITHM_VERSION, NameScore, score_names

__all__ = [
    "ALGORITHM",
    "ALGORITHM_VERSION",
    "Hit",
    "NameScore",
    "Query",
    "ScreeningIndex",
    "score_names",
]
