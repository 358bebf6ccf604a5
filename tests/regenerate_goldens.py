"""Regenerate the golden outputs of tests/cases (``make goldens``). Review the diff before
committing: a change in a golden output is a change in what the product decides."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from tests.golden_cases import GOLDEN, as_golden, load_cases, run


def main() -> None:
    by_file: dict[str, dict[str, Any]] = defaultdict(dict)
    for case in load_cases():
        by_file[case.file][case.id] = as_golden(run(case))
    GOLDEN.mkdir(exist_ok=True)
    for file, decisions in sorted(by_file.items()):
        path = GOLDEN / f"{file}.json"
        path.write_text(
            json.dumps(decisions, indent=1, ensure_ascii=False, sort_keys=True) + "\n", "utf-8"
        )
        print(f"{path}: {len(decisions)} cases")


if __name__ == "__main__":
    main()
