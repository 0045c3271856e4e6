"""Commands of the ingest area: ``fehrest ingest PATH...``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from fehrest.cli.common import app, console, err_console
from fehrest.cli.register import DbOption, open_register
from fehrest.ingest import IngestSummary, find_files, ingest_paths


@app.command("ingest")
def ingest_command(
    paths: Annotated[
        list[Path], typer.Argument(help="Files and folders of .txt, .json and .jsonl documents.")
    ],
    db: DbOption = None,
    batch_size: Annotated[int, typer.Option("--batch-size", help="Documents per transaction.", min=1)] = 50,
) -> None:
    """Extract events from documents and store them; re-ingesting the same content does nothing.

    Example: fehrest ingest articles/ feed-2024-06.jsonl --db register.sqlite
    """
    total = sum(1 for item in find_files(paths) if isinstance(item, Path))
    with (
        open_register(db) as reg,
        Progress(
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err_console,
            transient=True,
        ) as progress,
    ):
        task = progress.add_task("ingesting", total=total)
        summary = ingest_paths(reg, paths, batch_size=batch_size, on_file=lambda _: progress.advance(task))
    print_summary(summary)
    if summary.failures and not summary.documents_read:
        raise typer.Exit(1)


def print_summary(summary: IngestSummary) -> None:
    """The closing summary: counts, then one ``FILE:LINE: problem`` line per failure."""
    table = Table(title="Ingested", show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    stored = summary.stored
    for label, value in (
        ("documents read", summary.documents_read),
        ("new", stored.new_documents),
        ("unchanged", stored.unchanged_documents),
        ("new events", stored.new_events),
        ("new facts", stored.new_facts),
        ("failures", len(summary.failures)),
    ):
        table.add_row(label, str(value))
    console.print(table)
    for failure in summary.failures:
        err_console.print(str(failure), highlight=False, soft_wrap=True, markup=False)
