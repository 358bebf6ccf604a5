"""Commands for shipment decisions, policy packs, the graph, the registry and authorizations."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import ValidationError
from rich.table import Table

from veu.cli.main import (
    app,
    auth_app,
    decisions_app,
    err,
    fail,
    graph_app,
    handled,
    import_app,
    links_app,
    out,
    parse_day,
    policy_app,
    print_json,
    registry_app,
    session,
)
from veu.errors import InvalidInput, Problem
from veu.ingest.common import read_text
from veu.model.decision import Decision, same_decision
from veu.model.registry import PartyRef
from veu.model.shipment import ShipmentRequest
from veu.services import authorizations, decisions, graph, policies, registry
from veu.services.lists import ImportResult
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
        read_text(path), path.name, ShipmentRequest, "shipment request"
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
            ctx, request, snapshot=as_of_snapshot, policy=policy_version, record=not no_record
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


@graph_app.command("explain")
def graph_explain(
    name: Annotated[str, typer.Argument(help="Party name, in any script.")],
    country: Annotated[str | None, typer.Option("--country", help="ISO country code.")] = None,
    date: Annotated[str | None, typer.Option("--date", help="As of (YYYY-MM-DD).")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Why a party counts as listed or is defense-linked, edge by edge."""
    with session() as ctx:
        result = graph.explain(ctx, name, country=country, day=parse_day(date, "--date"))
    if as_json:
        print_json(result)
        return
    out.print(
        f"[bold]{name}[/] on {result['date']}: listed {yes(result['listed'])}, counts as "
        f"listed {yes(result['counts_as_listed'])}, defense-linked "
        f"{yes(result['defense_linked'])}",
        highlight=False,
    )
    if not result["nodes"]:
        out.print("No listing or registry party matches this name.")
    for node in result["nodes"]:
        out.print(
            f"\n[bold]{node['node']}[/] registry: {', '.join(node['registry_parties']) or '-'}",
            highlight=False,
        )
        for listing in node["listings"]:
            out.print(f"  listed: {listing['listing']} ({listing['status']})", highlight=False)
        for finding in node["counts_as_listed"]:
            out.print(
                f"  counts as listed on {finding['list_kind']}: "
                f"{finding['total_percentage']:g}% held by listed parties",
                highlight=False,
            )
            print_holdings(finding["held_by"], "    ")
        for link in node["defense_links"]:
            reasons = [f["reason"] if "reason" in f else f["fact"] for f in link["facts"]]
            reasons += [f"red-listed on {x['list']}" for x in link["red_listed"]]
            out.print(
                f"  defense link: {link['member']} ({'; '.join(map(str, reasons))})",
                highlight=False,
            )
            for step in link["path"]:
                share = f" {step['percentage']:g}%" if step.get("percentage") else ""
                cited = step["source"].get("title", step["source"].get("url", ""))
                out.print(
                    f"    {step['owner']} -> {step['owned']} ({step['kind']}{share}; {cited})",
                    highlight=False,
                )


def print_holdings(holdings: list[dict[str, Any]], indent: str) -> None:
    for h in holdings:
        out.print(
            f"{indent}{h['owner']} holds {h['percentage']:g}% ({h['owner_listed']}; "
            f"{h['source'].get('title', '')})",
            highlight=False,
        )
        print_holdings(h.get("owner_held_by", []), indent + "  ")


def yes(value: bool) -> str:
    return "[red]yes[/]" if value else "no"


def show_import(result: ImportResult, as_json: bool) -> None:
    if as_json:
        print_json(result.as_dict())
        return
    for problem in result.report.rejected if result.report else []:
        err.print(f"rejected {problem}", highlight=False, markup=False)
    for change in result.lists:
        state = "new snapshot" if change.changed else "unchanged"
        out.print(
            f"{change.list_id}: {change.entries} records, {state} {change.list_snapshot[:12]}",
            highlight=False,
        )
    out.print(
        f"snapshot {result.snapshot}" + ("" if result.changed else " (nothing changed)"),
        highlight=False,
    )


def _make_import(kind: str, help_text: str) -> None:
    def command(
        path: Annotated[Path, typer.Argument(help="The file or folder to import.")],
        dataset: Annotated[
            str | None,
            typer.Option("--dataset", help="Dataset id (reg-...), to keep several imports apart."),
        ] = None,
        as_json: JsonFlag = False,
    ) -> None:
        with session() as ctx:
            result = registry.import_registry(ctx, kind, path, dataset=dataset)
        show_import(result, as_json)

    command.__doc__ = f"Import {help_text}."
    import_app.command(kind)(command)


for _kind, (_parser, _help) in registry.REGISTRY_PARSERS.items():
    _make_import(_kind, _help)


def _judge(
    verdict: str, name: str, listing_id: str, country: str | None, officer: str, note: str | None
) -> None:
    with session() as ctx:
        try:
            party = PartyRef(name=name, country=country)
        except ValidationError as error:
            raise InvalidInput(
                "invalid party", [Problem(e["msg"]) for e in error.errors()]
            ) from error
        result = registry.judge_link(ctx, party, listing_id, verdict, officer=officer, note=note)
    out.print(
        f"{name} {verdict} as {'' if verdict == 'confirmed' else 'not '}{listing_id}; "
        f"snapshot {result.snapshot}",
        highlight=False,
    )


Officer = Annotated[str, typer.Option("--officer", help="Who records it.")]


@links_app.command("confirm")
def links_confirm(
    name: Annotated[str, typer.Argument(help="The party's name.")],
    listing_id: Annotated[str, typer.Argument(help="The listing id (e.g. cn-ecl:2025-1:...).")],
    country: Annotated[str | None, typer.Option("--country", help="ISO country code.")] = None,
    officer: Officer = "officer",
    note: Annotated[str | None, typer.Option("--note", help="Why.")] = None,
) -> None:
    """Record that a party is that listing (it counts even below the match threshold)."""
    _judge("confirmed", name, listing_id, country, officer, note)


@links_app.command("reject")
def links_reject(
    name: Annotated[str, typer.Argument(help="The party's name.")],
    listing_id: Annotated[str, typer.Argument(help="The listing id.")],
    country: Annotated[str | None, typer.Option("--country", help="ISO country code.")] = None,
    officer: Officer = "officer",
    note: Annotated[str | None, typer.Option("--note", help="Why.")] = None,
) -> None:
    """Record that a party is not that listing: the match no longer counts, nor holds."""
    _judge("rejected", name, listing_id, country, officer, note)


@registry_app.command("flag")
def registry_flag(
    party_id: Annotated[str, typer.Argument(help="Registry or listing party id.")],
    reason: Annotated[str, typer.Option("--reason", help="Why it is a defense contractor.")],
    officer: Officer = "officer",
) -> None:
    """Flag a party as a defense contractor (an officer's finding)."""
    with session() as ctx:
        result = registry.flag_defense(ctx, party_id, reason, officer=officer)
    out.print(f"{party_id} flagged; snapshot {result.snapshot}", highlight=False)


@auth_app.callback()
def authorizations_show(typer_ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Show the VEU authorizations in the current snapshot, or import some."""
    if typer_ctx.invoked_subcommand is not None:
        return
    with session() as ctx:
        items = authorizations.current(ctx)
    if as_json:
        print_json(items)
        return
    table = Table()
    for column in ("id", "holder", "state", "valid", "items"):
        table.add_column(column)
    for a in items:
        table.add_row(
            a["id"],
            a["holder"],
            a["state"],
            f"{a['valid_from']} to {a['valid_until']}",
            "; ".join(
                f"{' '.join(i['elements'])} {'/'.join(i['forms'])} "
                f"{i['used_kg']:g}/{i['annual_cap_kg']:g} kg"
                for i in a["items"]
            ),
        )
    out.print(table)


@auth_app.command("import")
def authorizations_import(
    path: Annotated[Path, typer.Argument(help="YAML or JSON file of authorizations.")],
    as_json: JsonFlag = False,
) -> None:
    """Add or replace (by id) VEU authorizations from a file."""
    with session() as ctx:
        result = authorizations.import_authorizations(ctx, path)
    show_import(result, as_json)
