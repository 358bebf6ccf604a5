"""What each library the name normaliser builds on costs (``make bench-libraries``).

On the names of the bundled lists, grouped by script, measured in one run:

- ``veu.names.normalise`` per name, its cache cleared (every name new);
- each library call it makes, on the same names: Unicode NFKC (``unicodedata``), traditional to
  simplified Chinese (OpenCC ``t2s``), Han to pinyin (pypinyin ``lazy_pinyin``), other scripts
  to ASCII (``anyascii``);
- and, beside veu's own legal-form table, rigour's (``rigour.names.remove_org_types``, the
  table nomenklatura uses; a benchmark-only extra) on the Latin names: its cost per name, and how
  many names each finds a legal form in.
"""

from __future__ import annotations

import time
import unicodedata
from collections.abc import Callable, Iterable
from typing import Any

from bench.common import machine, write_section
from veu.names import normalise
from veu.names.normalize import HAN_RUN, T2S, scripts_of
from veu.services.bootstrap import parse_bundled

SAMPLE = 3000  # distinct names of each script at most
SCRIPTS = ("Latin", "Cyrillic", "Han", "Arabic")


def per_name_us(values: list[str], call: Callable[[str], object], repeat: int = 3) -> float:
    """The fastest of ``repeat`` passes over ``values``, in microseconds per value."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for value in values:
            call(value)
        best = min(best, time.perf_counter() - start)
    return best / max(1, len(values)) * 1e6


def samples(names: Iterable[str]) -> dict[str, list[str]]:
    """Up to ``SAMPLE`` distinct names of each script (a name with Han characters is Han)."""
    out: dict[str, list[str]] = {s: [] for s in SCRIPTS}
    seen: set[str] = set()
    for name in names:
        if name in seen:
            continue
        seen.add(name)
        scripts = scripts_of(name)
        script = "Han" if "Han" in scripts else next((s for s in SCRIPTS if s in scripts), None)
        if script is not None and len(out[script]) < SAMPLE:
            out[script].append(name)
    return out


def main(write: bool = True) -> dict[str, Any]:
    from anyascii import anyascii
    from pypinyin import lazy_pinyin

    listings, _ = parse_bundled()
    groups = samples(n.value for x in listings for n in x.names)
    rows: dict[str, dict[str, float]] = {}
    for script, values in groups.items():
        if not values:
            continue
        han_runs = [run for v in values for run in HAN_RUN.findall(T2S.convert(v))]
        row = {
            "names": len(values),
            "normalise": per_name_us(values, normalise.__wrapped__),  # every name new
            "nfkc": per_name_us(values, lambda v: unicodedata.normalize("NFKC", v)),
        }
        if script == "Han":
            row["opencc"] = per_name_us(values, T2S.convert)
            row["pypinyin"] = per_name_us(han_runs, lazy_pinyin) * len(han_runs) / len(values)
        elif script != "Latin":
            row["anyascii"] = per_name_us(values, anyascii)
        rows[script] = row
    result: dict[str, Any] = {"scripts": rows}
    try:
        from rigour.names import remove_org_types
    except ImportError:
        remove_org_types = None
    if remove_org_types is not None:
        latin = groups["Latin"]
        result["rigour"] = {
            "names": len(latin),
            "rigour_us": per_name_us(latin, remove_org_types),
            "rigour_found": sum(1 for v in latin if remove_org_types(v).strip() != v.strip()),
            "veu_found": sum(1 for v in latin if normalise(v).forms),
        }
    if write:
        write_section("libraries", render(result))
    return result


def render(r: dict[str, Any]) -> str:
    lines = [
        "## What each library costs (`bench/libraries.py`)",
        "",
        "Names of the bundled lists by script (a name with Han characters counts as Han), "
        f"microseconds per name, the fastest of three passes. Machine: {machine()}.",
        "",
        "| script | names | `normalise`, every name new | NFKC | OpenCC t2s | pypinyin | anyascii |",
        "|---|---|---|---|---|---|---|",
    ]
    for script, row in r["scripts"].items():
        cells = [
            f"{row[k]:.1f}" if k in row else "" for k in ("nfkc", "opencc", "pypinyin", "anyascii")
        ]
        lines.append(
            f"| {script} | {row['names']:,.0f} | {row['normalise']:.1f} | "
            + " | ".join(cells)
            + " |"
        )
    if "rigour" in r:
        g = r["rigour"]
        lines += [
            "",
            f"Legal forms, on the {g['names']:,} Latin names: veu's own table (part of `normalise` "
            f"above) finds one in {g['veu_found']:,}; rigour's `remove_org_types` (the table "
            f"nomenklatura uses) finds one in {g['rigour_found']:,}, at {g['rigour_us']:.1f} µs "
            "a name.",
        ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(main())
