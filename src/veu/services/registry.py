"""The registry: importing ownership, control and defense data; officers' judgements on links
and their defense flags. Each change is a new snapshot of its dataset, like a list import."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from pathlib import Path

from veu.errors import InvalidInput, Problem
from veu.ingest import defense, ftm, gleif, ofac_enhanced, registry
from veu.ingest.common import ParseOutcome, date_in_path
from veu.model import ListInfo
from veu.model.registry import DefenseFlag, Judgement, PartyRef
from veu.services.context import Context
from veu.services.lists import ImportResult, commit_outcome, commit_records, monitored

Parser = Callable[[Path, dt.date | None], ParseOutcome]

REGISTRY_PARSERS: dict[str, tuple[Parser, str]] = {
    "ftm": (ftm.parse, "FollowTheMoney entities, JSON lines (parties, Ownership, topic mil)"),
    "ofac-enhanced": (ofac_enhanced.parse, "OFAC Enhanced XML or its ZIP (relationships)"),
    "gleif": (gleif.parse, "GLEIF LEI-CDF and RR-CDF XML (a file or a folder)"),
    "defense-contractors": (defense.parse, "FPDS Top 100 CSV and CSIS Lookup_ParentID (folder)"),
    "registry": (registry.parse, "a registry file in veu's own YAML/JSON format"),
}

OFFICER_DATASET = ListInfo(
    id="reg-officer",
    title="Officers' judgements and defense flags",
    authority="the licensing authority",
    dataset="judgements",
)


def import_registry(
    ctx: Context,
    kind: str,
    path: Path,
    *,
    dataset: str | None = None,
    data_date: dt.date | None = None,
    actor: str = "cli",
    monitor: bool = True,
) -> ImportResult:
    if kind not in REGISTRY_PARSERS:
        raise InvalidInput(
            f"unknown registry source {kind!r}; choose one of {', '.join(REGISTRY_PARSERS)}",
            [Problem(f"unknown {kind!r}", field="source")],
        )
    if not path.exists():
        raise InvalidInput(f"{path} does not exist", [Problem("no such file", file=str(path))])
    if dataset is not None and not dataset.startswith("reg-"):
        raise InvalidInput(
            "a registry dataset id starts with reg-",
            [Problem(f"{dataset!r} does not start with reg-", field="dataset")],
        )
    parser, _ = REGISTRY_PARSERS[kind]
    outcome = parser(path, data_date)
    if dataset is not None:
        for parsed in outcome.lists:
            parsed.info = parsed.info.model_copy(update={"id": dataset})
    result = commit_outcome(
        ctx,
        outcome,
        source=kind,
        label=path.name,
        actor=actor,
        fallback_date=date_in_path(path),
        action="registry.import",
    )
    if monitor:
        monitored(ctx, actor, f"import of {kind} {path.name}", result)
    return result


def _officer_change(
    ctx: Context, record: Judgement | DefenseFlag, actor: str, action: str
) -> ImportResult:
    result = commit_records(
        ctx,
        OFFICER_DATASET,
        [record],
        source="officer",
        label=record.id,
        actor=actor,
        action=action,
    )
    monitored(ctx, actor, f"{action} {record.id}", result)
    return result


def judge_link(
    ctx: Context,
    party: PartyRef,
    listing_id: str,
    verdict: str,
    *,
    officer: str,
    note: str | None = None,
    actor: str | None = None,
) -> ImportResult:
    """Record that ``party`` is (``confirmed``) or is not (``rejected``) the listing. The latest
    judgement on a party and listing counts; a rejection is remembered in every later decision."""
    if verdict not in ("confirmed", "rejected"):
        raise InvalidInput(
            "verdict must be confirmed or rejected", [Problem(f"{verdict!r}", field="verdict")]
        )
    with ctx.read() as uow:
        head = uow.lists.head()
        known = head.id is not None and any(
            x.id == listing_id for x in uow.lists.listings(head.id, [listing_id.split(":")[0]])
        )
    if not known:
        raise InvalidInput(
            f"no listing {listing_id} in the current snapshot",
            [Problem("unknown listing", field="listing_id")],
        )
    now = ctx.now()
    digest = hashlib.sha256(f"{party.name}|{listing_id}|{now.isoformat()}".encode()).hexdigest()
    judgement = Judgement(
        id=f"judgement:{digest[:16]}",
        party=party,
        listing_id=listing_id,
        verdict=verdict,
        officer=officer,
        at=now,
        note=note,
    )
    return _officer_change(ctx, judgement, actor or officer, f"links.{verdict}")


def flag_defense(
    ctx: Context,
    party_id: str,
    reason: str,
    *,
    officer: str,
    start: dt.date | None = None,
    actor: str | None = None,
) -> ImportResult:
    """An officer flags a registry or listed party as a defense contractor."""
    if not reason.strip():
        raise InvalidInput("a flag needs a reason", [Problem("empty", field="reason")])
    flag = DefenseFlag(
        id=f"officer:{party_id}:defense",
        party=party_id,
        reason=reason.strip(),
        start=start or ctx.today(),
        evidence={"officer": officer, "recorded": ctx.now().isoformat()},
    )
    return _officer_change(ctx, flag, actor or officer, "registry.flag")
