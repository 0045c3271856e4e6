"""``fehrest extract`` and ``fehrest eval``: the extraction contract and its scores."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from fehrest.cli.common import OutputFormat, app, console, err_console, read_input
from fehrest.errors import InputError
from fehrest.model import Document, Event


def check_date(value: str | None, option: str = "--published") -> str | None:
    """Return an ISO day given on the command line, or fail naming the option."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise InputError(option, f"{value!r} is not a date of the form YYYY-MM-DD") from None


def run_extraction(text: str, source: str, language: str, published: str | None) -> Document:
    """Run the pipeline on one text (imported lazily: the CLI starts fast)."""
    from fehrest.pipeline import extract_document

    doc = Document(text=text, source=source, language=language, published=published)
    return extract_document(doc)


def _event_row(event: Event) -> list[str]:
    date = event.date.value if event.date else "—"
    return [
        event.type,
        event.modality,
        event.actor.jurisdiction or "—",
        event.authority or "—",
        event.target.name,
        event.list or "—",
        date,
        f"{event.confidence:.2f}",
    ]


def _print_table(doc: Document, explain: bool) -> None:
    title = f"{doc.source} · {doc.language} · published {doc.published or 'unknown'}"
    if doc.published_inferred:
        title += " (inferred)"
    table = Table(title=title, title_justify="left")
    for col in ("type", "modality", "actor", "authority", "target", "list", "date", "conf."):
        table.add_column(col)
    for event in doc.events or ():
        table.add_row(*_event_row(event))
    console.print(table)
    if explain:
        from fehrest.events.explain import render_explanation

        for event in doc.events or ():
            console.print(render_explanation(doc, event))


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Text files to read; '-' reads standard input.")],
    format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="json (one object per line) or table.")
    ] = (OutputFormat.json),
    published: Annotated[
        str | None, typer.Option(help="Publication date YYYY-MM-DD (else inferred from the text).")
    ] = None,
    lang: Annotated[str, typer.Option("--lang", help="fa, en or auto.")] = "auto",
    explain: Annotated[
        bool, typer.Option("--explain", help="With --format table: why each event fired, words highlighted.")
    ] = False,
) -> None:
    """Extract designation events from news articles.

    Example: fehrest extract article.txt --published 2024-06-04 --format table
    """
    if lang not in ("fa", "en", "auto"):
        raise InputError("--lang", f"{lang!r} is not one of fa, en, auto")
    if format is OutputFormat.csv:
        raise InputError("--format", "extract prints json or table")
    published = check_date(published)
    failures = 0
    for path in paths:
        try:
            source, text = read_input(path)
            doc = run_extraction(text, source, lang, published)
        except InputError as exc:
            # One bad file never stops the batch: report it and go on.
            err_console.print(f"[bold red]error:[/] {exc}", highlight=False, soft_wrap=True)
            failures += 1
            continue
        if format is OutputFormat.json:
            print(json.dumps(doc.to_json(), ensure_ascii=False))
        else:
            _print_table(doc, explain)
    if failures:
        raise typer.Exit(2)


@app.command(name="eval")
def eval_command(
    folder: Annotated[Path, typer.Argument(help="A folder of NAME.txt + NAME.gold.json pairs.")],
    format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="table or json.")
    ] = OutputFormat.table,
    details: Annotated[
        bool, typer.Option("--details", help="List missed, spurious and mismatched events.")
    ] = False,
) -> None:
    """Score the extractor against gold files: precision, recall and F1 per event type.

    Example: fehrest eval corpus/dev
    """
    from fehrest.evaluation import evaluate, load_gold_folder

    golds = load_gold_folder(folder)
    scorer: Any = None
    try:
        from fehrest.entities.scoring import score_mentions

        scorer = score_mentions
    except ImportError:
        scorer = None

    def extract_gold(text: str, source: str, published: str | None) -> Document:
        return run_extraction(text, source, "auto", published)

    report = evaluate(golds, extract_gold, scorer)
    data = report.to_json()
    if format is OutputFormat.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return
    if format is OutputFormat.csv:
        raise InputError("--format", "eval prints table or json")
    table = Table(title=f"events · {data['documents']} documents in {folder}", title_justify="left")
    for col in ("type", "tp", "fp", "fn", "precision", "recall", "F1"):
        table.add_column(col, justify="right" if col != "type" else "left")
    for name, counts in [*data["by_type"].items(), ("overall", data["overall"])]:
        table.add_row(
            name,
            str(counts["tp"]),
            str(counts["fp"]),
            str(counts["fn"]),
            f"{counts['precision']:.3f}",
            f"{counts['recall']:.3f}",
            f"{counts['f1']:.3f}",
            style="bold" if name == "overall" else None,
        )
    console.print(table)
    acc = Table(title="on matched events", title_justify="left")
    for col in ("attribute", "correct", "total", "accuracy"):
        acc.add_column(col)
    for name, row in data["accuracy"].items():
        value = "—" if row["accuracy"] is None else f"{row['accuracy']:.3f}"
        acc.add_row(name, str(row["correct"]), str(row["total"]), value)
    console.print(acc)
    if data["mentions"]:
        m = data["mentions"]
        console.print(
            f"entity mentions: precision {m['precision']:.3f} recall {m['recall']:.3f} F1 {m['f1']:.3f} "
            f"(tp {m['tp']}, fp {m['fp']}, fn {m['fn']})"
        )
    for err in data["errors"]:
        console.print(f"[bold red]error:[/] {err['document']}: {err['error']}", highlight=False)
    if details:
        for d in data["details"]:
            console.print(f"[bold]{d['document']}[/]", highlight=False)
            for g in d["missed"]:
                console.print(f"  missed    {g}", highlight=False)
            for e in d["spurious"]:
                console.print(f"  spurious  {e}", highlight=False)
            for pair in d["mismatched"]:
                console.print(
                    f"  mismatch  gold {pair['gold']}\n            got  {pair['extracted']}", highlight=False
                )
