"""The ``veu`` command line: a thin layer over `veu.services`."""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.table import Table

from veu.errors import InvalidInput, Problem, VeuError
from veu.services import access, bootstrap, lists, screening
from veu.services.access import cli_principal
from veu.services.context import Context
from veu.settings import Settings

app = typer.Typer(
    help="veu: validated end-user export control for rare earths.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
db_app = typer.Typer(help="Create and load the database.", no_args_is_help=True)
lists_app = typer.Typer(
    help="Show the lists, or import one (`veu lists import`).", invoke_without_command=True
)
audit_app = typer.Typer(help="The tamper-evident audit log.", no_args_is_help=True)
policy_app = typer.Typer(
    help="Policy packs: show the one in force, validate a file.", no_args_is_help=True
)
graph_app = typer.Typer(
    help="Ownership and control: why a party counts as listed.", no_args_is_help=True
)
import_app = typer.Typer(
    help="Import registry data: ownership, control, defense facts.", no_args_is_help=True
)
links_app = typer.Typer(help="Officers' judgements: is a party that listing?", no_args_is_help=True)
registry_app = typer.Typer(help="Officers' facts about registry parties.", no_args_is_help=True)
auth_app = typer.Typer(help="VEU authorizations.", invoke_without_command=True)
decisions_app = typer.Typer(help="Recorded decisions: show, replay, export.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(lists_app, name="lists")
app.add_typer(audit_app, name="audit")
app.add_typer(policy_app, name="policy")
app.add_typer(graph_app, name="graph")
app.add_typer(import_app, name="import")
app.add_typer(links_app, name="links")
app.add_typer(registry_app, name="registry")
app.add_typer(auth_app, name="authorizations")
app.add_typer(decisions_app, name="decisions")

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)


def fail(error: VeuError) -> NoReturn:
    err.print(f"[bold red]error:[/] {error.message}", highlight=False)
    for problem in error.problems:
        err.print(f"  {problem}", highlight=False, markup=False)
    raise typer.Exit(2 if isinstance(error, InvalidInput) else 1)


@contextmanager
def handled() -> Iterator[None]:
    try:
        yield
    except VeuError as error:
        fail(error)
    except ValidationError as error:
        fail(
            InvalidInput(
                "invalid input",
                [
                    Problem(reason=e["msg"], field=".".join(map(str, e["loc"])) or None)
                    for e in error.errors()
                ],
            )
        )


@contextmanager
def session() -> Iterator[Context]:
    """The context for one command: settings validated, errors reported, the database closed."""
    with handled():
        try:
            settings = Settings()
        except ValidationError as error:
            raise InvalidInput(
                "invalid settings",
                [
                    Problem(reason=e["msg"], field="VEU_" + "_".join(map(str, e["loc"])).upper())
                    for e in error.errors()
                ],
            ) from error
        ctx = Context.from_settings(settings)
        try:
            yield ctx
        finally:
            ctx.engine.dispose()


def parse_day(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(
            InvalidInput(
                f"{option} {value!r} is not a date (YYYY-MM-DD)",
                [Problem(reason="not a date", field=option)],
            )
        )


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


# db ------------------------------------------------------------------------------------------
@db_app.command("init")
def db_init(
    no_load: Annotated[bool, typer.Option("--no-load", help="Only create the schema.")] = False,
) -> None:
    """Create (or upgrade) the schema in VEU_DATABASE_URL and load the bundled lists."""
    with session() as ctx, out.status("Migrating the schema") as status:

        def progress(item: bootstrap.BundledSource) -> None:
            status.update(f"Loading {item.source}: {item.path.name}")

        results = bootstrap.init_database(
            ctx, load=not no_load, progress=progress, actor=cli_principal().name
        )
        key = access.ensure_first_officer(ctx, cli_principal())
    for result in results:
        state = "loaded" if result.changed else "already loaded"
        counts = ", ".join(f"{c.list_id} {c.entries}" for c in result.lists)
        out.print(f"{result.source}: {state} ({counts})", highlight=False)
    out.print(f"Database ready: {ctx.settings.database_url}", highlight=False)
    if key:
        out.print(
            "An officer [bold]admin[/] was created. Its API key, shown this once (log in with "
            f"it, or send it as 'Authorization: Bearer <key>'):\n\n    {key}\n\n"
            "More users: veu users add NAME --role officer|exporter|applicant|auditor",
            highlight=False,
        )


# lists ---------------------------------------------------------------------------------------
@lists_app.callback()
def lists_show(
    typer_ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show every list: entries, source, date of its data and snapshot id."""
    if typer_ctx.invoked_subcommand is not None:
        return
    with session() as ctx:
        snapshot, rows = lists.summary(ctx)
    if as_json:
        print_json(
            {
                "snapshot": snapshot,
                "lists": [
                    {
                        "list": r.info.id,
                        "title": r.info.title,
                        "kind": r.info.kind.value,
                        "entries": r.snapshot.entry_count if r.snapshot else 0,
                        "source": r.snapshot.source if r.snapshot else None,
                        "data_date": r.snapshot.data_date.isoformat() if r.snapshot else None,
                        "list_snapshot": r.snapshot.id if r.snapshot else None,
                    }
                    for r in rows
                ],
            }
        )
        return
    table = Table(title=f"Lists in snapshot {snapshot[:12] if snapshot else '(none)'}")
    for column in ("list", "title", "entries", "source", "data date", "list snapshot"):
        table.add_column(column, justify="right" if column == "entries" else "left")
    for r in rows:
        s = r.snapshot
        table.add_row(
            r.info.id,
            r.info.title,
            str(s.entry_count) if s else "0",
            s.source if s else "-",
            s.data_date.isoformat() if s else "-",
            s.id[:12] if s else "-",
        )
    out.print(table)


@lists_app.command("import")
def lists_import(
    source: Annotated[str, typer.Argument(help="mofcom, ofac-sdn, csl or un.")],
    path: Annotated[Path, typer.Argument(help="The file (or folder, for mofcom) to import.")],
    data_date: Annotated[
        str | None, typer.Option("--data-date", help="Date of the data (YYYY-MM-DD).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Import a list file as a new content-addressed snapshot (same content: no change)."""
    day = parse_day(data_date, "--data-date")
    with session() as ctx, out.status(f"Importing {source} from {path}"):
        result = lists.import_list(ctx, source, path, data_date=day, actor=cli_principal().name)
    if as_json:
        print_json(result.as_dict())
        return
    report = result.report
    for problem in report.rejected if report else []:
        err.print(f"rejected {problem}", highlight=False, markup=False)
    for problem in report.warnings if report else []:
        err.print(f"warning {problem}", highlight=False, markup=False)
    for change in result.lists:
        state = "new snapshot" if change.changed else "unchanged"
        out.print(
            f"{change.list_id}: {change.entries} entries, data of {change.data_date}, "
            f"{state} {change.list_snapshot[:12]}",
            highlight=False,
        )
    out.print(
        f"snapshot {result.snapshot}" + ("" if result.changed else " (nothing changed)"),
        highlight=False,
    )


# screen --------------------------------------------------------------------------------------
@app.command()
def screen(
    name: Annotated[str, typer.Argument(help="The name to screen, in any script.")],
    country: Annotated[str | None, typer.Option("--country", help="ISO country code.")] = None,
    date: Annotated[str | None, typer.Option("--date", help="As of (YYYY-MM-DD).")] = None,
    limit: Annotated[int, typer.Option("--limit", help="Most matches to show.")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Screen a name against every list, as of a date."""
    day = parse_day(date, "--date")
    with session() as ctx:
        request = screening.ScreenRequest(name=name, country=country, date=day, limit=limit)
        result = screening.screen(ctx, request)
    if as_json:
        print_json(result.model_dump(mode="json"))
        return
    out.print(
        f"[bold]{name}[/] as of {result.date}, snapshot {result.snapshot[:12]}", highlight=False
    )
    if not result.matches:
        out.print("No list entry resembles this name.")
        return
    table = Table()
    for column in ("score", "match", "list", "listed name", "in force", "source", "why"):
        table.add_column(column)
    for m in result.matches:
        verdict = "[red]match[/]" if m.match else "[yellow]review[/]" if m.review else "-"
        in_force = "yes" if m.listing_in_force else f"no ({m.status.state})"
        table.add_row(
            f"{m.score:.2f}",
            verdict,
            m.list,
            " / ".join(m.names[:2]),
            in_force,
            m.source.number or m.source.title or "",
            _why(m.explanation),
        )
    out.print(table)


def _why(explanation: dict[str, Any]) -> str:
    """The features that scored, and how a name was read when it was read otherwise (a given
    name as the listed one, Chinese through its gloss, Arabic by its consonants, Wade-Giles as
    pinyin), and the name the query was searched as (the name its parentheses hold): the
    reading is often the reason a person should look."""
    parts = []
    for feature, detail in explanation.items():
        if feature == "query_name":  # found by a name the query's parentheses hold
            parts.append(f"searched as {detail}")
        if not isinstance(detail, dict):
            continue
        score = detail.get("score")
        if score:
            parts.append(f"{feature} {score:.2f}")
        read = detail.get("read_as") or detail.get("english")
        if read:
            parts.append(f"{feature}: read as {read}")
    return ", ".join(parts)


# audit ---------------------------------------------------------------------------------------
@audit_app.command("verify")
def audit_verify() -> None:
    """Check the audit log's hash chain; exits 1 and names the first bad record if broken."""
    from veu.store import audit

    with session() as ctx, ctx.read() as uow:
        result = audit.verify(uow.conn)
    if result.ok:
        out.print(f"audit log intact: {result.records} records")
        return
    err.print(f"audit log broken at record {result.first_bad_seq}: {result.reason}")
    raise typer.Exit(1)


# serve ---------------------------------------------------------------------------------------
@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Bind address.")] = None,
    port: Annotated[int | None, typer.Option(help="Port.")] = None,
) -> None:
    """Start the HTTP API and web pages."""
    import uvicorn

    from veu.api.app import create_app

    logging.basicConfig(level=logging.INFO, format="%(levelname)s:     %(message)s")
    with session() as ctx:
        bind_host, bind_port = host or ctx.settings.host, port or ctx.settings.port
        out.print(f"veu on http://{bind_host}:{bind_port} (API docs at /docs)", highlight=False)
        uvicorn.run(create_app(ctx, warm_up=True), host=bind_host, port=bind_port)


def main() -> None:  # pragma: no cover
    app()


# The commands of the other modules register themselves on the groups above.
from veu.cli import decisions as _decisions  # noqa: E402,F401
from veu.cli import programme as _programme  # noqa: E402,F401
from veu.cli import registry as _registry  # noqa: E402,F401
