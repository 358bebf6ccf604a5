"""Commands of the VEU programme: users, applications and their review, authorizations, the
red list, recorded shipments, monitoring and the audit export. The command line acts on the
local database as an administrator, recorded under the operating-system user's name."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any, Literal

import typer
from rich.table import Table

from veu.cli.decisions import JsonFlag, print_decision, read_request
from veu.cli.main import (
    app,
    audit_app,
    auth_app,
    err,
    fail,
    handled,
    out,
    parse_day,
    print_json,
    session,
)
from veu.errors import InvalidInput, Problem
from veu.ingest.common import read_utf8
from veu.model.application import ApplicationForm, Conditions
from veu.services import (
    access,
    applications,
    authorizations,
    decisions,
    monitoring,
    redlist,
    shipments,
)
from veu.services.access import cli_principal
from veu.yamldoc import validate

users_app = typer.Typer(help="Users, their roles and API keys.", no_args_is_help=True)
applications_app = typer.Typer(
    help="VEU applications: file, list, show, review.", no_args_is_help=True
)
redlist_app = typer.Typer(help="The authority's military end-user red list.", no_args_is_help=True)
shipments_app = typer.Typer(help="Recorded shipments and their draw-downs.", no_args_is_help=True)
app.add_typer(users_app, name="users")
app.add_typer(applications_app, name="applications")
app.add_typer(redlist_app, name="redlist")
app.add_typer(shipments_app, name="shipments")


def _file(path: Path) -> str:
    if not path.is_file():
        fail(InvalidInput(f"{path} is not a file", [Problem("no such file", file=str(path))]))
    return read_utf8(path)


# users -------------------------------------------------------------------------------------
@users_app.command("add")
def users_add(
    name: Annotated[str, typer.Argument(help="The user's name (no spaces).")],
    role: Annotated[str, typer.Option("--role", help="officer, exporter, applicant or auditor.")],
    party: Annotated[
        str | None, typer.Option("--party", help="The company an exporter or applicant acts for.")
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Create a user and print its API key, once (only its hash is kept)."""
    with session() as ctx:
        user, key = access.add_user(ctx, name, role, party=party, actor=cli_principal())
    if as_json:
        print_json({"name": user.name, "role": user.role, "party": user.party, "key": key})
        return
    err.print(
        f"user {user.name} ({user.role}{', ' + user.party if user.party else ''}) created; "
        "its API key, shown this once:",
        highlight=False,
    )
    sys.stdout.write(key + "\n")


@users_app.command("list")
def users_list(as_json: JsonFlag = False) -> None:
    """Every user, its role and whether it is active (never its key)."""
    with session() as ctx:
        rows = access.users(ctx)
    if as_json:
        print_json(
            [
                {
                    "name": u.name,
                    "role": u.role,
                    "party": u.party,
                    "active": u.active,
                    "created_at": u.created_at.isoformat(),
                }
                for u in rows
            ]
        )
        return
    table = Table()
    for column in ("name", "role", "party", "active", "created"):
        table.add_column(column)
    for u in rows:
        table.add_row(
            u.name,
            u.role,
            u.party or "",
            "yes" if u.active else "no",
            u.created_at.date().isoformat(),
        )
    out.print(table)


def _set_active(name: str, active: bool) -> None:
    with session() as ctx:
        access.set_active(ctx, name, active, actor=cli_principal())
    out.print(f"user {name} {'enabled' if active else 'disabled'}", highlight=False)


@users_app.command("disable")
def users_disable(name: Annotated[str, typer.Argument(help="The user's name.")]) -> None:
    """Disable a user: its key and sessions stop working at once."""
    _set_active(name, False)


@users_app.command("enable")
def users_enable(name: Annotated[str, typer.Argument(help="The user's name.")]) -> None:
    """Enable a disabled user again (with its old key)."""
    _set_active(name, True)


# applications ------------------------------------------------------------------------------
def _show_application(data: dict[str, Any], as_json: bool) -> None:
    if as_json:
        print_json(data)
        return
    out.print(
        f"[bold]{data['id']}[/] {data['applicant']}: {data['status']}, pre-check recommends "
        f"[bold]{data['recommendation']}[/]"
        + (f"; authorization {data['authorization']}" if data.get("authorization") else ""),
        highlight=False,
    )
    table = Table()
    for column in ("code", "calls for", "why"):
        table.add_column(column)
    for reason in data["precheck"]["reasons"]:
        table.add_row(reason["code"], reason["recommendation"], reason["message"])
    out.print(table)


@applications_app.command("file")
def applications_file(
    path: Annotated[Path, typer.Argument(help="The application, JSON (or YAML).")],
    as_json: JsonFlag = False,
) -> None:
    """File an application; the automatic pre-check answers at once."""
    with session() as ctx:
        form: ApplicationForm = validate(_file(path), path.name, ApplicationForm, "application")
        row = applications.file(ctx, form, by=cli_principal())
    data = row.as_dict()
    if as_json:
        print_json(
            {
                "id": row.id,
                "status": row.status,
                "recommendation": row.recommendation,
                "reasons": data["precheck"]["reasons"],
            }
        )
        return
    _show_application(data, False)


@applications_app.command("list")
def applications_list(
    status: Annotated[
        list[str] | None, typer.Option("--status", help="Only these statuses (repeatable).")
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Applications, oldest first."""
    with session() as ctx:
        rows = applications.listing(ctx, by=cli_principal(), statuses=status)
    data = [{k: v for k, v in r.as_dict().items() if k != "application"} for r in rows]
    if as_json:
        print_json(data)
        return
    table = Table()
    for column in ("id", "applicant", "status", "pre-check", "codes", "filed"):
        table.add_column(column)
    for a in data:
        table.add_row(
            a["id"],
            a["applicant"],
            a["status"],
            a["recommendation"],
            " ".join(r["code"] for r in a["precheck"]["reasons"]),
            a["created_at"][:10],
        )
    out.print(table)


@applications_app.command("show")
def applications_show(
    ident: Annotated[str, typer.Argument(help="Application id.")], as_json: JsonFlag = False
) -> None:
    """An application: what it asks, its pre-check and its history."""
    with session() as ctx:
        row = applications.get(ctx, ident, by=cli_principal())
    _show_application(row.as_dict(), as_json)


@applications_app.command("review")
def applications_review(
    ident: Annotated[str, typer.Argument(help="Application id.")],
    approve: Annotated[
        bool, typer.Option("--approve", help="Approve (with --conditions).")
    ] = False,
    conditions: Annotated[
        Path | None,
        typer.Option(
            "--conditions",
            help="JSON file of conditions: items, facilities, exporters, valid_from, valid_until "
            "(omitted: the items asked for, any facility, any exporter, one year from today).",
        ),
    ] = None,
    deny: Annotated[bool, typer.Option("--deny", help="Deny (with --reason).")] = False,
    reason: Annotated[str | None, typer.Option("--reason", help="Why it is denied.")] = None,
    request_info: Annotated[
        str | None, typer.Option("--request-info", help="Ask the applicant for this.")
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """An officer approves with conditions, denies with a reason, or asks for information."""
    chosen = [approve, deny, request_info is not None]
    if sum(chosen) != 1:
        fail(
            InvalidInput(
                "choose one of --approve, --deny or --request-info",
                [Problem("exactly one decision", field="--approve/--deny/--request-info")],
            )
        )
    by = cli_principal()
    with session() as ctx:
        if approve:
            terms = (
                validate(_file(conditions), conditions.name, Conditions, "conditions")
                if conditions
                else Conditions()
            )
            row, auth = applications.approve(ctx, ident, terms, by=by)
            data = {
                **row.as_dict(),
                "authorization": auth.model_dump(mode="json", exclude_none=True),
            }
        elif deny:
            if not reason:
                fail(InvalidInput("--deny needs --reason", [Problem("missing", field="--reason")]))
            data = applications.deny(ctx, ident, reason, by=by).as_dict()
        else:
            data = applications.request_info(ctx, ident, request_info or "", by=by).as_dict()
    if as_json:
        print_json(data)
        return
    granted = data.get("authorization")
    out.print(
        f"{ident}: {data['status']}"
        + (
            f"; authorization {granted['id']} valid {granted['valid_from']} to "
            f"{granted['valid_until']}"
            if isinstance(granted, dict)
            else ""
        ),
        highlight=False,
    )


# authorizations ----------------------------------------------------------------------------
def print_authorizations(items: list[dict[str, Any]]) -> None:
    table = Table()
    for column in ("id", "holder", "state", "valid", "items (left / annual cap)"):
        table.add_column(column)
    for a in items:
        table.add_row(
            a["id"],
            a["holder"],
            a["state"]
            + (
                f" ({a['last_event']['reason']})"
                if a["state"] != "active" and a.get("last_event") and a["last_event"].get("reason")
                else ""
            ),
            f"{a['valid_from']} to {a['valid_until']}",
            "; ".join(
                f"{' '.join(i['elements'])} {'/'.join(i['forms'])} "
                f"{i['remaining_kg']:g}/{i['annual_cap_kg']:g} kg"
                for i in a["items"]
            ),
        )
    out.print(table)


@auth_app.callback()
def authorizations_show(typer_ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Show the VEU authorizations (as `list` does), or import or change some."""
    if typer_ctx.invoked_subcommand is None:
        authorizations_list(holder=None, date=None, as_json=as_json)


@auth_app.command("list")
def authorizations_list(
    holder: Annotated[str | None, typer.Option("--holder", help="Only this holder.")] = None,
    date: Annotated[str | None, typer.Option("--date", help="State as of (YYYY-MM-DD).")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Authorizations with their state and what is left of each annual quantity."""
    day = parse_day(date, "--date")
    with session() as ctx:
        items = authorizations.visible(ctx, by=cli_principal(), holder=holder, day=day)
    if as_json:
        print_json(items)
    else:
        print_authorizations(items)


def _change(ident: str, action: Literal["suspend", "reinstate", "revoke"], reason: str) -> None:
    with session() as ctx:
        auth = authorizations.change(ctx, ident, action, reason, by=cli_principal())
    out.print(f"{auth.id}: {auth.state_on(ctx.today())}", highlight=False)


Reason = Annotated[str, typer.Option("--reason", help="Why.")]


@auth_app.command("suspend")
def authorizations_suspend(ident: Annotated[str, typer.Argument()], reason: Reason) -> None:
    """Suspend an authorization from today."""
    _change(ident, "suspend", reason)


@auth_app.command("reinstate")
def authorizations_reinstate(ident: Annotated[str, typer.Argument()], reason: Reason) -> None:
    """Reinstate a suspended authorization from today."""
    _change(ident, "reinstate", reason)


@auth_app.command("revoke")
def authorizations_revoke(ident: Annotated[str, typer.Argument()], reason: Reason) -> None:
    """Revoke an authorization from today (for good)."""
    _change(ident, "revoke", reason)


# red list ----------------------------------------------------------------------------------
@redlist_app.command("add")
def redlist_add(
    name: Annotated[str, typer.Argument(help="The party's name.")],
    country: Annotated[str, typer.Option("--country", help="ISO country code.")],
    reason: Annotated[str, typer.Option("--reason", help="Why it is a military end user.")],
    source: Annotated[str, typer.Option("--source", help="URL of the source.")],
    date: Annotated[str | None, typer.Option("--date", help="Listed from (default today).")] = None,
    alias: Annotated[list[str] | None, typer.Option("--alias", help="Another name.")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Add a party to the military end-user red list; holders are re-checked at once."""
    day = parse_day(date, "--date")
    with session() as ctx:
        listing = redlist.add(
            ctx, name, country, reason, source, by=cli_principal(), day=day, aliases=alias
        )
    if as_json:
        print_json(listing.model_dump(mode="json", exclude_defaults=True))
        return
    out.print(f"{listing.id}: {name} listed from {listing.listed_on}", highlight=False)


@redlist_app.command("remove")
def redlist_remove(
    entry: Annotated[str, typer.Argument(help="The entry's id (cn-meu:...) or name.")],
    reason: Annotated[str, typer.Option("--reason", help="Why it ends.")],
    date: Annotated[str | None, typer.Option("--date", help="Ended from (default today).")] = None,
    source: Annotated[str | None, typer.Option("--source", help="URL of the source.")] = None,
) -> None:
    """End a red-list entry from a date (it is kept, stopped from then)."""
    day = parse_day(date, "--date")
    with session() as ctx:
        listing = redlist.remove(ctx, entry, reason, by=cli_principal(), day=day, source=source)
    out.print(f"{listing.id}: ended from {day or 'today'}", highlight=False)


@redlist_app.command("list")
def redlist_list(
    date: Annotated[str | None, typer.Option("--date", help="Status as of (YYYY-MM-DD).")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Every red-list entry with its status on the date."""
    day = parse_day(date, "--date")
    with session() as ctx:
        entries = redlist.entries(ctx, by=cli_principal(), day=day)
    if as_json:
        print_json(entries)
        return
    table = Table()
    for column in ("entry", "name", "country", "status", "listed", "reason"):
        table.add_column(column)
    for e in entries:
        table.add_row(
            e["listing"],
            " / ".join(e["names"]),
            e["country"],
            e["status"],
            e["listed_on"] or "",
            e["reason"] or "",
        )
    out.print(table)


# shipments ---------------------------------------------------------------------------------
@shipments_app.command("record")
def shipments_record(
    path: Annotated[Path, typer.Argument(help="The shipment request, JSON (as for decide).")],
    as_json: JsonFlag = False,
) -> None:
    """Decide a shipment again, record it, and draw its quantities down (one transaction)."""
    with session() as ctx:
        request = read_request(path)
        sid, did, decision, drawn = shipments.record(ctx, request, by=cli_principal())
    if as_json:
        print_json(
            {
                "shipment_id": sid,
                "decision_id": did,
                "drawn_kg": {str(i): kg for i, kg in drawn.items()},
                **decision.model_dump(mode="json"),
            }
        )
        return
    print_decision(decision, did)
    out.print(
        f"shipment {sid} recorded"
        + (
            f"; drawn down: {', '.join(f'item {i} {kg:g} kg' for i, kg in drawn.items())}"
            if drawn
            else ""
        ),
        highlight=False,
    )


@shipments_app.command("list")
def shipments_list(as_json: JsonFlag = False) -> None:
    """Recorded shipments, newest first."""
    with session() as ctx:
        rows = shipments.listing(ctx, by=cli_principal())
    if as_json:
        print_json(rows)
        return
    table = Table()
    for column in ("shipment", "recorded", "by", "end user", "outcome", "authorization", "drawn"):
        table.add_column(column)
    for s in rows:
        table.add_row(
            s["id"],
            s["recorded_at"][:16],
            s["actor"],
            s["end_user"],
            s["outcome"],
            s["authorization"] or "",
            ", ".join(f"{i}: {kg:g} kg" for i, kg in s["drawn_kg"].items()),
        )
    out.print(table)


# monitoring and audit ----------------------------------------------------------------------
@app.command("monitor")
def monitor(as_json: JsonFlag = False) -> None:
    """Check every holder and open application again now (it also runs after each change)."""
    with session() as ctx, out.status("Checking holders and open applications"):
        report = monitoring.recheck(ctx, actor=cli_principal().name, cause="veu monitor")
    if as_json:
        print_json(report.as_dict())
        return
    out.print(f"{report.checked} holder(s) checked", highlight=False)
    for s in report.suspended:
        out.print(
            f"[red]suspended[/] {s['authorization']} ({s['holder']}): {s['reason']}",
            highlight=False,
        )
    for a in report.applications:
        out.print(
            f"{a['application']}: pre-check now {a['after']} (was {a['before']})", highlight=False
        )


@audit_app.command("export")
def audit_export(
    decision: Annotated[str, typer.Option("--decision", help="The decision id.")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file (default: stdout).")
    ] = None,
) -> None:
    """Everything needed to justify one decision (inputs, policy version and pack, snapshot,
    listings cited, paths, audit records), as JSON."""
    with session() as ctx:
        data = decisions.export(ctx, decision)
    text = json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"
    if output is None:
        sys.stdout.write(text)
        return
    with handled():
        try:
            output.write_text(text, "utf-8")
        except OSError as exc:
            raise InvalidInput(
                f"cannot write {output}: {exc.strerror}", [Problem(str(exc), file=str(output))]
            ) from exc
    out.print(f"decision {decision} exported to {output}", highlight=False)


# matching ----------------------------------------------------------------------------------
@app.command("pairs")
def pairs_command(
    path: Annotated[Path, typer.Argument(help='JSON lines: {"left": entity, "right": entity}.')],
    as_json: JsonFlag = False,
) -> None:
    """Score pairs of FollowTheMoney entities, one JSON line out per line in (a short line per
    pair at a terminal, unless --json)."""
    from veu.services import pairs

    as_json = as_json or not at_terminal()
    with session() as ctx:
        items = pairs.read_pairs(path)
        for item, result in zip(items, pairs.score_pairs(ctx, items), strict=True):
            if as_json:
                sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
            else:
                names = result["explanation"].get("names", {})
                out.print(
                    f"{result['score']:.3f} {'match' if result['match'] else '-':5} "
                    f"{names.get('left', item.left.id)} | {names.get('right', item.right.id)}",
                    highlight=False,
                    markup=False,
                )


def at_terminal() -> bool:
    """Whether standard output is a terminal (a person reading), not a file or a pipe."""
    return sys.stdout.isatty()


batch_app = typer.Typer(help="Screening many names at once.", no_args_is_help=True)
app.add_typer(batch_app, name="batch")


@batch_app.command("screen")
def batch_screen(
    source: Annotated[Path, typer.Argument(help="CSV or Parquet with a `name` column.")],
    out_path: Annotated[Path, typer.Option("--out", help="The output file (.csv or .parquet).")],
    date: Annotated[str | None, typer.Option("--date", help="As of (YYYY-MM-DD).")] = None,
    workers: Annotated[
        int, typer.Option("--workers", help="Processes screening at once (default: 1).", min=1)
    ] = 1,
    encoding: Annotated[
        str | None,
        typer.Option(
            "--encoding",
            help="A CSV file's encoding where it has no byte-order mark (default: utf-8; "
            "gb18030 for a CSV a Chinese Excel saved).",
        ),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Screen every row's name; the output adds the best hit (match_name, match_list,
    match_listing, score, match, in_force) and keeps every input column."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    from veu.services import batch

    day = parse_day(date, "--date")
    with (
        session() as ctx,
        Progress(
            TextColumn("screening"),
            BarColumn(),
            TextColumn("{task.completed}/{task.total} rows"),
            TimeRemainingColumn(),
            console=err,
            transient=True,
        ) as bar,
    ):
        task = bar.add_task("rows", total=None)  # known once the rows are checked
        report = batch.screen_file(
            ctx,
            source,
            out_path,
            day=day,
            workers=workers,
            encoding=encoding,
            progress=lambda n: bar.advance(task, n),
            started=lambda total: bar.update(task, total=total),
        )
    if as_json:
        print_json({**report.as_dict(), "output": str(out_path)})
        return
    out.print(
        f"{report.rows} rows screened, {report.matches} matched, {report.blank} without a name: "
        f"{out_path}",
        highlight=False,
    )
