import numpy as np

def top_weighted(
    ids: np.ndarray,
    bounds: np.ndarray,
    weights: np.ndarray,
    slots: np.ndarray,
    out: np.ndarray,
    limit: int,
) -> int: ...
def hash_keys(keys: list[str], out: np.ndarray) -> None: ...
def find_rows(
    keys: list[str], hashes: np.ndarray, order: np.ndarray, wanted: list[str]
) -> list[int | None]: ...
def top_rows(
    ptr: np.ndarray,
    ids: np.ndarray,
    rows: np.ndarray,
    size: int,
    limit: int,
    max_df: int,
    budget: int,
    slots: np.ndarray,
    out: np.ndarray,
) -> int: ...
