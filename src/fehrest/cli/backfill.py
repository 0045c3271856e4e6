"""Commands of the backfill area: ``fehrest backfill SOURCE... [--engine local|spark]``."""

from __future__ import annotations

from typing import Annotated

import typer

from fehrest.backfill import BackfillSummary, Engine, backfill
from fehrest.cli.common import app, print_counts
from fehrest.cli.register import DbOption, open_register


@app.command("backfill")
def backfill_command(
    sources: Annotated[
        list[str],
        typer.Argument(
            help="WARC (.warc, .warc.gz), JSONL, JSON and text files or folders; "
            "with --engine spark also s3a://, hdfs:// and file:// URIs.",
            show_default=False,
        ),
    ],
    engine: Annotated[Engine, typer.Option("--engine", help="Where extraction runs.")] = Engine.local,
    master: Annotated[
        str | None,
        typer.Option("--master", help="Spark master URL, e.g. local[4] or spark://host:7077 (engine spark)."),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option("--workers", min=1, help="Processes for engine local (default: every core)."),
    ] = None,
    parquet: Annotated[
        str | None,
        typer.Option(
            "--parquet", help="Also write one row per event as Parquet to this folder (engine spark)."
        ),
    ] = None,
    db: DbOption = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Documents per transaction.")] = 200,
) -> None:
    """Read years of news with a process pool or Apache Spark and store the facts; re-runs add nothing.

    Only pages past the cheap first pass are extracted, and only pages that
    report an event are stored. Example:
    fehrest backfill crawl/ --engine spark --master 'local[4]' --db postgresql://host/fehrest
    """
    with open_register(db) as reg:
        summary = backfill(
            reg, sources, engine, workers=workers, master=master, parquet=parquet, batch_size=batch_size
        )
    print_summary(summary)
    if summary.failures and not summary.pages:
        raise typer.Exit(1)


def print_summary(summary: BackfillSummary) -> None:
    """The closing summary: counts, then one line per failure (with its WARC record id)."""
    stored = summary.stored
    rows = [
        ("files", summary.files),
        ("pages read", summary.pages),
        ("relevant (past the first pass)", summary.relevant),
        ("events", summary.events),
        ("new documents", stored.new_documents),
        ("documents already stored", stored.unchanged_documents),
        ("new events", stored.new_events),
        ("new facts", stored.new_facts),
        ("failures", len(summary.failures)),
    ]
    print_counts("Backfill", rows, summary.failures)
