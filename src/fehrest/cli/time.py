"""Commands of the time area (registered on the shared app)."""

from __future__ import annotations

import datetime as dt
import json
import sys
from typing import Annotated

import typer
from rich.table import Table

from fehrest.cli.common import OutputFormat, app, console, read_input
from fehrest.errors import InputError
from fehrest.language import guess_script_language
from fehrest.model import Document, TextLayer, TimeExpression
from fehrest.time import annotate_times


def _date_option(value: str | None, name: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(name, f"{value!r} is not a date (YYYY-MM-DD)") from None


def times_document(text: str, source: str, language: str, published: str | None, today: dt.date) -> Document:
    """Run the text and time stages over ``text`` and return the annotated document."""
    if language == "auto":
        language = guess_script_language(text)
    doc = Document(text=text, source=source, language=language, published=published, meta={"today": today})
    try:
        from fehrest.text import annotate_text
    except ImportError:  # the text stage is not there yet: read the raw text as it is
        layer = TextLayer(normalized=text, offsets=tuple(range(len(text) + 1)))
        doc = doc.with_layers(text_layer=layer)
    else:
        doc = annotate_text(doc)
    return annotate_times(doc)


def _row(t: TimeExpression) -> dict[str, object]:
    return {
        "text": t.text,
        "start": t.start,
        "end": t.end,
        "value": t.date.value if t.date else None,
        "precision": t.date.precision if t.date else None,
        "until": t.until.value if t.until else None,
        "kind": t.kind,
        "calendar": t.calendar,
        "inferred": bool(t.date and t.date.inferred),
    }


@app.command("times")
def times_command(
    path: Annotated[str, typer.Argument(help="A UTF-8 text file, or - for standard input.")],
    published: Annotated[
        str | None, typer.Option("--published", help="Publication date YYYY-MM-DD (else inferred).")
    ] = None,
    lang: Annotated[str, typer.Option("--lang", help="fa, en or auto.")] = "auto",
    today: Annotated[
        str | None, typer.Option("--today", help="Upper bound for inferred dates (default: today).")
    ] = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = OutputFormat.table,
) -> None:
    """List the time expressions of a text, resolved to ISO dates.

    Example: [bold]fehrest times article.txt --published 2024-06-04 --lang fa[/]
    """
    if lang not in ("fa", "en", "auto"):
        raise InputError("--lang", f"{lang!r} is not one of fa, en, auto")
    if published is not None:
        _date_option(published, "--published")
    bound = _date_option(today, "--today") or dt.date.today()
    source, text = read_input(path)
    doc = times_document(text, source, lang, published, bound)
    rows = [_row(t) for t in doc.times or ()]
    if fmt is OutputFormat.json:
        payload = {"document": doc.document_json(), "times": rows}
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return
    if fmt is OutputFormat.csv:
        import csv

        writer = csv.DictWriter(sys.stdout, fieldnames=list(_row(TimeExpression(0, 0))), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        return
    note = " (inferred)" if doc.published_inferred else ""
    table = Table(title=f"{source}: published {doc.published or 'unknown'}{note}")
    for column in ("text", "offsets", "value", "precision", "kind", "calendar", "inferred"):
        table.add_column(column, no_wrap=column != "text")
    for r in rows:
        value = f"{r['value']} … {r['until']}" if r["until"] else str(r["value"] or "")
        table.add_row(
            str(r["text"]),
            f"{r['start']}-{r['end']}",
            value,
            str(r["precision"] or ""),
            str(r["kind"]),
            str(r["calendar"]),
            "yes" if r["inferred"] else "",
        )
    console.print(table)
