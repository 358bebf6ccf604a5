"""A decision: one outcome, every reason, and the versions it used. A frozen value."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Outcome(StrEnum):
    not_controlled = "not_controlled"
    general_licence = "general_licence"
    licence_required = "licence_required"
    hold = "hold"
    denied = "denied"


class Reason(BaseModel):
    """Why: a stable code, a sentence, the policy clause it applies, and its evidence."""

    model_config = ConfigDict(frozen=True)

    code: str
    message: str
    clause: str
    evidence: dict[str, Any] = Field(default_factory=dict)
    effect: Outcome | None = Field(
        None, description="The outcome this reason calls for (none: information or warning)."
    )


class Decision(BaseModel):
    model_config = ConfigDict(frozen=True)

    outcome: Outcome
    reasons: list[Reason]
    policy_version: str
    snapshot: str
    date: str
    matching: str = Field(
        "",
        description="The name-matching algorithm that screened the parties (veu-names/N); "
        "empty in decisions recorded before it was kept.",
    )


def same_decision(a: Decision, b: Decision) -> bool:
    """Equal as recorded: compared in their JSON form (tuples and lists alike)."""
    return a.model_dump(mode="json") == b.model_dump(mode="json")
