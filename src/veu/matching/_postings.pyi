import numpy as np

def top_weighted(
    ids: np.ndarray,
    bounds: np.ndarray,
    weights: np.ndarray,
    sums: np.ndarray,
    flags: np.ndarray,
    out: np.ndarray,
    limit: int,
) -> int: ...
