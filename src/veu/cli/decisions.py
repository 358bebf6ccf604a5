"""Commands for shipment decisions, policy packs, the graph, the registry and authorizations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from veu.cli.main import (
    app,
    decisions_app,
    err,
    fail,
    handled,
    out,
    parse_day,
    policy_app,
    print_json,
    session,
)
from veu.errors import InvalidInput, Problem
from veu.ingest.common import read_utf8
from veu.model.decision import Decision, same_decision
from veu.model.shipment import ShipmentRequest
from veu.services import decisions, policies
from veu.services.access import cli_principal
from veu.yamldoc import validate

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON.")]
OUTCOME_STYLE = {
    "denied": "bold red",
    "hold": "bold yellow",
    "licence_required": "yellow",
    "general_licence": "green",
    "not_controlled": "green",
}


def read_request(path: Path) -> ShipmentRequest:
    if not path.is_file():
        fail(InvalidInput(f"{path} is not a file", [Problem("no such file", file=str(path))]))
    request: ShipmentRequest = validate(
        read_utf8(path), path.name, ShipmentRequest, "shipment request"
    )
    return request


def print_decision(decision: Decision, ident: str | None) -> None:
    style = OUTCOME_STYLE.get(decision.outcome.value, "bold")
    out.print(
        f"[{style}]{decision.outcome.value}[/] on {decision.date} "
        f"(policy {decision.policy_version}, snapshot {decision.snapshot[:12]}"
        + (f", decision {ident}" if ident else "")
        + ")",
        highlight=False,
    )
    table = Table(show_lines=False)
    for column in ("code", "effect", "why", "clause"):
        table.add_column(column)
    for reason in decision.reasons:
        table.add_row(
            reason.code,
            reason.effect.value if reason.effect else "-",
            reason.message,
            reason.clause,
        )
    out.print(table)


@app.command("decide")
def decide_command(
    path: Annotated[Path, typer.Argument(help="JSON (or YAML) file of the shipment request.")],
    as_json: JsonFlag = False,
    as_of_snapshot: Annotated[
        str | None,
        typer.Option(
            "--as-of-snapshot", help="Decide against this snapshot instead of the current one."
        ),
    ] = None,
    policy_version: Annotated[
        str | None,
        typer.Option("--policy-version", help="Use this pack version (pack@version or version)."),
    ] = None,
    no_record: Annotated[bool, typer.Option("--no-record", help="Do not record it.")] = False,
) -> None:
    """Decide a shipment: outcome, every reason, the policy version and snapshot used."""
    with session() as ctx:
        request = read_request(path)
        ident, decision = decisions.decide_shipment(
            ctx,
            request,
            snapshot=as_of_snapshot,
            policy=policy_version,
            record=not no_record,
            actor=cli_principal().name,
        )
    if as_json:
        print_json({"decision_id": ident, **decision.model_dump(mode="json")})
    else:
        print_decision(decision, ident)


@decisions_app.command("show")
def decisions_show(
    ident: Annotated[str, typer.Argument(help="Decision id.")], as_json: JsonFlag = False
) -> None:
    """Show a recorded decision."""
    with session() as ctx:
        row = decisions.get(ctx, ident)
    decision = Decision.model_validate_json(row.decision)
    if as_json:
        print_json(
            {
                "decision_id": row.id,
                "at": row.at.isoformat(),
                "actor": row.actor,
                "request": json.loads(row.request),
                **decision.model_dump(mode="json"),
            }
        )
    else:
        print_decision(decision, row.id)


@decisions_app.command("replay")
def decisions_replay(ident: Annotated[str, typer.Argument(help="Decision id.")]) -> None:
    """Decide a recorded decision again with its snapshot and policy version; exit 1 if the
    answer differs."""
    with session() as ctx:
        recorded, again = decisions.replay(ctx, ident)
    if same_decision(recorded, again):
        out.print(f"identical: {again.outcome.value}, {len(again.reasons)} reasons")
        return
    err.print(f"different: recorded {recorded.outcome.value}, now {again.outcome.value}")
    if recorded.matching != again.matching:
        err.print(
            f"name matching: recorded {recorded.matching or 'not recorded'}, now {again.matching}"
        )
    raise typer.Exit(1)


@decisions_app.command("export")
def decisions_export(ident: Annotated[str, typer.Argument(help="Decision id.")]) -> None:
    """Print a decision with everything needed to justify it, as JSON."""
    with session() as ctx:
        print_json(decisions.export(ctx, ident))


@policy_app.command("show")
def policy_show(
    date: Annotated[str | None, typer.Option("--date", help="In force on (YYYY-MM-DD).")] = None,
    version: Annotated[str | None, typer.Option("--version", help="A given version.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Print the policy pack in force on a date, with what is in force that day."""
    with session() as ctx:
        day = parse_day(date, "--date") or ctx.today()
        pack = policies.pack_for(day, version=version)
    data = pack.model_dump(mode="json", by_alias=True)
    in_force = pack.elements_in_force(day)
    data["as_of"] = {
        "date": day.isoformat(),
        "controlled_elements": sorted(in_force),
        "extraterritorial_rule_in_force": pack.extraterritorial.in_force(day),
    }
    if as_json:
        print_json(data)
        return
    out.print(
        f"[bold]{pack.ref}[/] {pack.title} (in force from {pack.in_force_from})", highlight=False
    )
    out.print(
        f"As of {day}: controlled elements {', '.join(sorted(in_force)) or 'none'}; "
        f"rule for items made outside China "
        f"{'in force' if pack.extraterritorial.in_force(day) else 'not in force'}.",
        highlight=False,
    )
    table = Table(title="element sets")
    for column in ("set", "announcement", "elements", "effective", "suspensions", f"on {day}"):
        table.add_column(column)
    for s in pack.element_sets:
        table.add_row(
            s.id,
            s.announcement,
            " ".join(s.elements),
            str(s.effective),
            "; ".join(f"{x.start} to {x.until or '…'} ({x.by})" for x in s.suspensions) or "-",
            "in force" if s.in_force(day) else "not in force",
        )
    out.print(table)
    effects = Table(title="list effects")
    for column in ("list kind", "effect", "applies to", "clause"):
        effects.add_column(column)
    for kind, rule in pack.lists.items():
        effects.add_row(kind.value, str(rule.effect), rule.applies_to, rule.clause)
    out.print(effects)
    out.print(
        f"forms controlled: {', '.join(f.value for f in pack.forms.controlled)}; "
        f"not controlled: {', '.join(f.value for f in pack.forms.not_controlled)}"
    )
    out.print(
        f"thresholds: match {pack.thresholds.match}, review {pack.thresholds.review}; "
        f"counts as listed at {pack.ownership.counts_as_listed_percent:g}%; "
        f"de minimis {pack.extraterritorial.de_minimis_share:.1%}; "
        f"outcomes strongest first: {', '.join(o.value for o in pack.outcomes)}"
    )


@policy_app.command("validate")
def policy_validate(path: Annotated[Path, typer.Argument(help="A policy pack file.")]) -> None:
    """Validate a policy pack file; a broken pack is refused with file, line and problem."""
    with handled():
        pack = policies.load_file(path)
    out.print(f"{path.name}: valid ({pack.ref})", highlight=False)
