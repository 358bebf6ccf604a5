from collections.abc import Sequence

def configure(
    generic: frozenset[str],
    titles: frozenset[str],
    joining: frozenset[str],
    son_of: frozenset[str],
    articles: frozenset[str],
    nasab: frozenset[str],
    sounds_from: Sequence[str],
    sounds_to: Sequence[str],
    endings: Sequence[str],
    min_stem: int,
    generic_weight: float,
    left_out_weight: float,
    unmatched_min_width: float,
    phonetic_similarity: float,
    phonetic_min_length: int,
) -> None: ...
def similarity(a: str, b: str) -> float | None: ...
def align(
    a: tuple[str, ...], b: tuple[str, ...]
) -> tuple[float, tuple[tuple[str, str, float], ...], tuple[str, ...], tuple[str, ...]] | None: ...
def shapes(
    joined: list[str], words: tuple[str, ...]
) -> tuple[list[str], list[str], bytes] | None: ...
def covered(short: tuple[str, ...], long: tuple[str, ...], threshold: float) -> bool | None: ...
