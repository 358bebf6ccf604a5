"""Commands for the registry: the ownership graph, imports, officers' links and flags, and VEU
authorizations."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import ValidationError

from veu.cli.decisions import JsonFlag
from veu.cli.main import (
    auth_app,
    err,
    graph_app,
    import_app,
    links_app,
    out,
    parse_day,
    print_json,
    registry_app,
    session,
)
from veu.errors import InvalidInput, Problem
from veu.model.registry import PartyRef
from veu.services import authorizations, graph, registry
from veu.services.access import cli_principal
from veu.services.lists import ImportResult


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
            result = registry.import_registry(
                ctx, kind, path, dataset=dataset, actor=cli_principal().name
            )
        show_import(result, as_json)

    command.__doc__ = f"Import {help_text}."
    import_app.command(kind)(command)


for _kind, (_parser, _help) in registry.REGISTRY_PARSERS.items():
    _make_import(_kind, _help)


def _judge(
    verdict: str,
    name: str,
    listing_id: str,
    country: str | None,
    officer: str | None,
    note: str | None,
) -> None:
    with session() as ctx:
        try:
            party = PartyRef(name=name, country=country)
        except ValidationError as error:
            raise InvalidInput(
                "invalid party", [Problem(e["msg"]) for e in error.errors()]
            ) from error
        actor = cli_principal().name
        result = registry.judge_link(
            ctx, party, listing_id, verdict, officer=officer or actor, note=note, actor=actor
        )
    out.print(
        f"{name} {verdict} as {'' if verdict == 'confirmed' else 'not '}{listing_id}; "
        f"snapshot {result.snapshot}",
        highlight=False,
    )


Officer = Annotated[
    str | None,
    typer.Option(
        "--officer", help="The officer it is recorded for (default: you; the audit log names you)."
    ),
]


@links_app.command("confirm")
def links_confirm(
    name: Annotated[str, typer.Argument(help="The party's name.")],
    listing_id: Annotated[str, typer.Argument(help="The listing id (e.g. cn-ecl:2025-1:...).")],
    country: Annotated[str | None, typer.Option("--country", help="ISO country code.")] = None,
    officer: Officer = None,
    note: Annotated[str | None, typer.Option("--note", help="Why.")] = None,
) -> None:
    """Record that a party is that listing (it counts even below the match threshold)."""
    _judge("confirmed", name, listing_id, country, officer, note)


@links_app.command("reject")
def links_reject(
    name: Annotated[str, typer.Argument(help="The party's name.")],
    listing_id: Annotated[str, typer.Argument(help="The listing id.")],
    country: Annotated[str | None, typer.Option("--country", help="ISO country code.")] = None,
    officer: Officer = None,
    note: Annotated[str | None, typer.Option("--note", help="Why.")] = None,
) -> None:
    """Record that a party is not that listing: the match no longer counts, nor holds."""
    _judge("rejected", name, listing_id, country, officer, note)


@registry_app.command("flag")
def registry_flag(
    party_id: Annotated[str, typer.Argument(help="Registry or listing party id.")],
    reason: Annotated[str, typer.Option("--reason", help="Why it is a defense contractor.")],
    officer: Officer = None,
) -> None:
    """Flag a party as a defense contractor (an officer's finding)."""
    with session() as ctx:
        actor = cli_principal().name
        result = registry.flag_defense(ctx, party_id, reason, officer=officer or actor, actor=actor)
    out.print(f"{party_id} flagged; snapshot {result.snapshot}", highlight=False)


@auth_app.command("import")
def authorizations_import(
    path: Annotated[Path, typer.Argument(help="YAML or JSON file of authorizations.")],
    as_json: JsonFlag = False,
) -> None:
    """Add or replace (by id) VEU authorizations from a file."""
    with session() as ctx:
        result = authorizations.import_authorizations(ctx, path, actor=cli_principal().name)
    show_import(result, as_json)
