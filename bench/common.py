"""What every benchmark shares: timing, the machine, and writing its table into
docs/benchmarks.md (each benchmark owns one section, between markers)."""

from __future__ import annotations

import os
import platform
import statistics
import time
from collections.abc import Callable
from pathlib import Path

DOC = Path(__file__).parent.parent / "docs" / "benchmarks.md"
HEADER = """# Benchmarks

Measured by `make bench` (each benchmark compares against a baseline measured in the same run,
because the machine is shared and noisy). Each section is rewritten by its benchmark.
"""


def machine() -> str:
    """The machine a benchmark ran on: architecture, processor, CPUs, Python, and how long a
    reference loop of pure Python takes on it (the fastest of five), so that runs on different
    machines can be compared: the same code ran 1.5 to 2.4 times slower on one machine than on
    another, its baselines alike."""
    cpus = os.cpu_count()
    loop = min(timed(lambda: sum(range(10_000_000)), repeat=5)) * 1000
    return (
        f"{platform.machine()}, {_processor()}{cpus} CPUs, Python {platform.python_version()}; "
        f"reference loop (sum of range(10**7)) {loop:.0f} ms"
    )


def _processor() -> str:
    """The processor's model name and a comma, where /proc/cpuinfo gives it; else nothing."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip() + ", "
    except OSError:
        pass
    return ""


def timed(fn: Callable[[], object], repeat: int = 1) -> list[float]:
    """Wall-clock seconds of ``repeat`` runs of ``fn``."""
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(q * (len(ordered) - 1))))
    return ordered[k]


def median(values: list[float]) -> float:
    return statistics.median(values)


def write_section(name: str, body: str) -> None:
    """Replace (or add) the section ``name`` of docs/benchmarks.md."""
    text = DOC.read_text("utf-8") if DOC.exists() else HEADER
    start, end = f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"
    block = f"{start}\n{body.rstrip()}\n{end}"
    if start in text and end in text:
        before, rest = text.split(start, 1)
        _, after = rest.split(end, 1)
        text = before + block + after
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    DOC.write_text(text, "utf-8")
