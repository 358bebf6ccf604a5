"""The golden cases: each checks its hand-written expectation (written from the SPEC), then the
whole decision against its recorded golden output (``make goldens`` regenerates them; a change
fails here until it is reviewed and regenerated)."""

from __future__ import annotations

import pytest

from tests.golden_cases import Case, as_golden, load_cases, read_golden, run

CASES = load_cases()


def test_there_are_enough_cases_for_every_outcome() -> None:
    assert len(CASES) >= 60
    assert {c.outcome for c in CASES} == {
        "not_controlled",
        "general_licence",
        "licence_required",
        "hold",
        "denied",
    }


@pytest.mark.parametrize("case", CASES, ids=[c.key for c in CASES])
def test_case(case: Case) -> None:
    decision = run(case)
    codes = [r.code for r in decision.reasons]
    assert decision.outcome.value == case.outcome, (case.rule, codes)
    for code in case.codes:
        assert code in codes, (case.rule, code, codes)
    for code in case.absent:
        assert code not in codes, (case.rule, code, codes)
    golden = read_golden(case.file).get(case.id)
    assert golden is not None, f"no golden output for {case.key}: run make goldens"
    assert as_golden(decision) == golden, f"{case.key} drifted from its golden output"
