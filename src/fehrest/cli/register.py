"""Commands of the register area: status, timeline, changes, import-list, export."""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from fehrest.cli.common import OutputFormat, app, console, err_console
from fehrest.register import Register, changes, status, timeline
from fehrest.register.dates import parse_user_date
from fehrest.register.report import fact_json, fact_rows, status_json, status_rows

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Register: a SQLite file or a postgresql:// URL (default: $FEHREST_DB, else the user data dir).",
        show_default=False,
    ),
]
FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")]
JurisdictionOption = Annotated[str | None, typer.Option("--jurisdiction", "-j", help="ISO code, UN or EU.")]
KnownOnOption = Annotated[
    str | None, typer.Option("--known-on", help="Answer from what the register held on this date.")
]
GroupArgument = Annotated[str, typer.Argument(help="The group: id or any alias in any language.")]
ExplainOption = Annotated[bool, typer.Option("--explain", help="Show the evidence sentences.")]


def db_target(db: str | None) -> str | None:
    """The register the user means: ``--db``, else ``$FEHREST_DB``, else the default path."""
    return db or os.environ.get("FEHREST_DB") or None


@contextmanager
def open_register(db: str | None) -> Iterator[Register]:
    """Open the register for one command and close it afterwards."""
    reg = Register.open(db_target(db))
    try:
        yield reg
    finally:
        reg.close()


def print_rows(rows: list[dict[str, Any]], fmt: OutputFormat, title: str, payload: Any) -> None:
    """Print flat rows as CSV or a table, or ``payload`` as JSON."""
    if fmt is OutputFormat.json:
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return
    if fmt is OutputFormat.csv:
        columns = list(rows[0]) if rows else []
        writer = csv.DictWriter(sys.stdout, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return
    if not rows:
        console.print(f"{title}: nothing in the register.")
        return
    # A column empty in every row says nothing on a screen (CSV and JSON keep it).
    columns = [c for c in rows[0] if any(str(row[c]) for row in rows)]
    table = Table(title=title, show_lines=True)
    for column in columns:
        table.add_column(column.replace("_", " "), overflow="fold")
    for row in rows:
        table.add_row(*(str(row[c]) for c in columns))
    console.print(table)


def _date(value: str | None, option: str) -> str | None:
    return None if value is None else parse_user_date(value, option)


@app.command("status")
def status_command(
    group: GroupArgument,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Legal date (default: today).")] = None,
    jurisdiction: JurisdictionOption = None,
    known_on: KnownOnOption = None,
    explain: ExplainOption = False,
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """Is GROUP listed, per jurisdiction, as of a date: since when, by whom, on which sources.

    Example: fehrest status Taliban --as-of 2024-06-10 --explain
    """
    with open_register(db) as reg:
        report = status(reg, group, _date(as_of, "--as-of"), jurisdiction, known_on)
    title = f"{report.group.name} as of {report.as_of}" + (f", known on {known_on}" if known_on else "")
    print_rows(status_rows(report, explain), fmt, title, status_json(report, explain))


@app.command("timeline")
def timeline_command(
    group: GroupArgument,
    jurisdiction: JurisdictionOption = None,
    known_on: KnownOnOption = None,
    explain: ExplainOption = False,
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """Every fact about GROUP in legal order, with its sources.

    Example: fehrest timeline Taliban --jurisdiction KZ --format csv
    """
    with open_register(db) as reg:
        found, facts = timeline(reg, group, jurisdiction, known_on)
    payload = {"group": {"id": found.id, "name": found.name}, "facts": [fact_json(f, explain) for f in facts]}
    print_rows(fact_rows(facts, explain), fmt, f"Timeline of {found.name}", payload)


@app.command("changes")
def changes_command(
    since: Annotated[str, typer.Option("--since", help="From this date (legal, or record with --recorded).")],
    until: Annotated[str | None, typer.Option("--until", help="Up to this date.")] = None,
    recorded: Annotated[
        bool, typer.Option("--recorded", help="By when the register learnt it, not when it took effect.")
    ] = False,
    explain: ExplainOption = False,
    fmt: FormatOption = OutputFormat.table,
    db: DbOption = None,
) -> None:
    """Listings, delistings, suspensions and proposals that moved since a date.

    Example: fehrest changes --since 2024-06-01 --format json
    """
    with open_register(db) as reg:
        facts = changes(reg, parse_user_date(since, "--since"), _date(until, "--until"), recorded)
    payload = {"since": since, "until": until, "facts": [fact_json(f, explain) for f in facts]}
    print_rows(fact_rows(facts, explain), fmt, f"Changes since {since}", payload)


class ListFormat(StrEnum):
    """Official list formats ``import-list`` reads."""

    un_xml = "un-xml"
    ftm = "ftm"


class ExportFormat(StrEnum):
    """Formats ``export`` writes."""

    ftm = "ftm"
    csv = "csv"
    jsonl = "jsonl"


@app.command("import-list")
def import_list_command(
    file: Annotated[Path, typer.Argument(help="The official list file.")],
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="un-xml (UN Security Council) or ftm.")],
    db: DbOption = None,
) -> None:
    """Import an official list: each listing becomes a LIST fact from an official source.

    Example: fehrest import-list consolidated.xml --format un-xml
    """
    from fehrest.register.lists import import_list

    with open_register(db) as reg:
        result = import_list(reg, file, fmt.value)
    stored = result.stored
    console.print(
        f"{file}: {result.listings} listings, {stored.new_events} new events, {stored.new_facts} new facts"
        + (" (already imported)" if stored.unchanged_documents else "")
    )
    for failure in result.failures:
        err_console.print(str(failure), highlight=False, soft_wrap=True, markup=False)
    if result.failures and not result.listings:
        raise typer.Exit(1)


@app.command("export")
def export_command(
    fmt: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="ftm, csv or jsonl.")
    ] = ExportFormat.jsonl,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default: stdout).")
    ] = None,
    db: DbOption = None,
) -> None:
    """Export the register: FtM entities (Organization + Sanction per listing period), CSV or JSON Lines.

    Example: fehrest export --format ftm -o register.ftm.json
    """
    from fehrest.register.export import write_export

    with open_register(db) as reg:
        if output is None:
            write_export(reg, fmt.value, sys.stdout)
        else:
            with output.open("w", encoding="utf-8", newline="") as out:
                count = write_export(reg, fmt.value, out)
            err_console.print(f"{output}: {count} records")
