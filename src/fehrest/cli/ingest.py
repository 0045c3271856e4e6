"""Commands of the ingest area: ``fehrest ingest SOURCE...`` and ``fehrest watch FEED_OR_URL...``."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from fehrest.cli.common import app, console, err_console, fail, print_counts
from fehrest.cli.register import DbOption, open_register
from fehrest.errors import FehrestError
from fehrest.ingest import IngestSummary, find_files, ingest_paths
from fehrest.ingest.fetch import Fetcher
from fehrest.ingest.run import default_workers
from fehrest.ingest.sources import is_url

WorkersOption = Annotated[
    int | None,
    typer.Option(
        "--workers", "-j", help="Extraction processes (default: all cores).", min=1, show_default=False
    ),
]
TimeoutOption = Annotated[float, typer.Option("--timeout", help="Seconds to wait for a server.", min=0.1)]


@app.command("ingest")
def ingest_command(
    sources: Annotated[
        list[str],
        typer.Argument(
            help="Files and folders (.txt .json .jsonl .html .warc .warc.gz .rss .atom .xml), "
            "page URLs and feed URLs."
        ),
    ],
    db: DbOption = None,
    batch_size: Annotated[int, typer.Option("--batch-size", help="Documents per transaction.", min=1)] = 50,
    workers: WorkersOption = None,
    timeout: TimeoutOption = 10.0,
) -> None:
    """Extract events from documents, pages and feeds and store them; re-ingesting changes nothing.

    Example: fehrest ingest articles/ crawl.warc.gz https://news.example/rss --db register.sqlite
    """
    total = sum(1 for s in sources if is_url(s)) + sum(
        1 for item in find_files(s for s in sources if not is_url(s)) if isinstance(item, Path)
    )
    documents = [0]
    with (
        open_register(db) as reg,
        Fetcher(timeout=timeout) as fetcher,
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

        def counted(_: object) -> None:
            documents[0] += 1
            if documents[0] % 10 == 0:
                progress.update(task, description=f"ingesting · {documents[0]} documents")

        summary = ingest_paths(
            reg,
            sources,
            batch_size=batch_size,
            on_file=lambda _: progress.advance(task),
            workers=workers or default_workers(),
            fetcher=fetcher,
            on_document=counted,
        )
    print_summary(summary)
    if summary.failures and not summary.documents_read:
        raise typer.Exit(1)


def print_summary(summary: IngestSummary) -> None:
    """The closing summary: counts, then one ``SOURCE[:LINE]: problem`` line per failure."""
    stored = summary.stored
    rows: list[tuple[str, int]] = [
        ("documents read", summary.documents_read),
        ("new", stored.new_documents),
        ("unchanged", stored.unchanged_documents),
        ("new events", stored.new_events),
        ("new facts", stored.new_facts),
    ]
    rows.extend((f"not read (language {code})", count) for code, count in sorted(summary.not_read.items()))
    rows.append(("failures", len(summary.failures)))
    print_counts("Ingested", rows, summary.failures)


@app.command("watch")
def watch_command(
    sources: Annotated[list[str], typer.Argument(help="Feed URLs (RSS or Atom) and page URLs to poll.")],
    db: DbOption = None,
    every: Annotated[str, typer.Option("--every", help="Time between polls: 30s, 15m, 1h.")] = "15m",
    once: Annotated[bool, typer.Option("--once", help="Poll once and exit.")] = False,
    jsonl: Annotated[
        Path | None, typer.Option("--jsonl", help="Append each change as a JSON line to this file.")
    ] = None,
    webhook: Annotated[
        str | None, typer.Option("--webhook", help="POST each change as JSON to this URL.")
    ] = None,
    workers: WorkersOption = None,
    timeout: TimeoutOption = 10.0,
) -> None:
    """Poll feeds and pages, ingest what is new, and report each status change once.

    A change is a group newly listed, delisted or suspended in a jurisdiction,
    or a new proposal. Changes go to the terminal, to --jsonl and to --webhook;
    a restart resumes without reporting anything twice.

    Example: fehrest watch https://news.example/rss --every 15m --jsonl changes.jsonl
    """
    from fehrest.ingest.watch import Sink, StatusChange, jsonl_sink, parse_every, poll_once, webhook_sink

    not_urls = [s for s in sources if not is_url(s)]
    if not_urls:
        fail(f"{not_urls[0]}: watch reads http:// or https:// URLs")
    try:
        interval = parse_every(every)
    except FehrestError as exc:
        fail(str(exc))

    def warn(message: str) -> None:
        err_console.print(f"warning: {message}", highlight=False, soft_wrap=True, markup=False)

    def show(change: StatusChange) -> None:
        console.print(change.line(), highlight=False, soft_wrap=True, markup=False)

    sinks: list[Sink] = [show]
    if jsonl is not None:
        sinks.append(jsonl_sink(jsonl))
    if webhook is not None:
        sinks.append(webhook_sink(webhook, warn))
    with open_register(db) as reg, Fetcher(timeout=timeout) as fetcher:
        try:
            while True:
                started = time.monotonic()
                result = poll_once(reg, sources, fetcher, sinks, workers=workers or 1)
                summary = result.summary
                err_console.print(
                    f"polled {len(sources)} source(s): {summary.new_documents} new document(s), "
                    f"{result.skipped} already read, {len(result.changes)} change(s), "
                    f"{len(summary.failures)} failure(s)",
                    highlight=False,
                )
                for failure in summary.failures:
                    warn(str(failure))
                if once:
                    return
                time.sleep(max(0.0, interval - (time.monotonic() - started)))
        except KeyboardInterrupt:
            err_console.print("stopped", highlight=False)
