"""The matching engine, one for every use: names scored feature by feature (`score_names`),
whole entities scored from their names and other facts (`score_entities`), and the candidate
index that finds what to score (`ScreeningIndex`). Each result names its algorithm and version.
"""

from veu.matching.entity import Entity, EntityScore, score_entities
from veu.matching.index import Hit, Query, ScreeningIndex
from veu.matching.scorer import ALGORITHM, ALGORITHM_VERSION, NameScore, score_names

__all__ = [
    "ALGORITHM",
    "ALGORITHM_VERSION",
    "Entity",
    "EntityScore",
    "Hit",
    "NameScore",
    "Query",
    "ScreeningIndex",
    "score_entities",
    "score_names",
]
