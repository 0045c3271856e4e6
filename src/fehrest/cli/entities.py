"""Commands of the entities area (registered on the shared app)."""

from __future__ import annotations

import json
from typing import Annotated

import typer
from rich.table import Table

from fehrest.cli.common import OutputFormat, app, console, read_input
from fehrest.entities import annotate_mentions, get_registry, mention_json
from fehrest.language import guess_script_language
from fehrest.model import Document


def mentions_document(text: str, source: str, language: str) -> Document:
    """Run the text and mentions stages over ``text``."""
    from fehrest.text import annotate_text

    if language == "auto":
        language = guess_script_language(text)
    return annotate_mentions(annotate_text(Document(text=text, source=source, language=language)))


@app.command("entities")
def entities_command(
    path: Annotated[str, typer.Argument(help="A UTF-8 text file, or - for standard input.")],
    lang: Annotated[str, typer.Option("--lang", help="fa, en or auto.")] = "auto",
    output: Annotated[
        OutputFormat, typer.Option("--format", help="table, json or csv.")
    ] = OutputFormat.table,
) -> None:
    """Find jurisdictions, bodies, offices, people and groups in a text.

    Example: [bold]fehrest entities article.txt --lang fa[/]
    """
    source, text = read_input(path)
    doc = mentions_document(text, source, lang)
    rows = [mention_json(m) for m in doc.mentions or ()]
    if output == OutputFormat.json:
        console.print_json(json.dumps(rows, ensure_ascii=False))
        return
    if output == OutputFormat.csv:
        columns = ("start", "end", "text", "kind", "id", "name", "role", "jurisdiction", "provisional")
        print(",".join(columns))
        for row in rows:
            print(",".join(json.dumps(row.get(c, "")) if row.get(c) is not None else "" for c in columns))
        return
    table = Table("line", "text", "kind", "id", "name", "role", "jurisdiction")
    for m in doc.mentions or ():
        table.add_row(
            str(text.count("\n", 0, m.start) + 1),
            m.text,
            m.kind + (" (provisional)" if m.provisional else ""),
            m.entity_id or "",
            m.name or "",
            m.role or "",
            m.jurisdiction or "",
        )
    console.print(table)


@app.command("groups")
def groups_command(
    query: Annotated[str | None, typer.Argument(help="Part of a name or alias, in any language.")] = None,
) -> None:
    """List the group register, or the groups whose names contain QUERY.

    Example: [bold]fehrest groups طالبان[/] or [bold]fehrest groups hezbollah[/]
    """
    from fehrest.entities.fold import fold_key

    registry = get_registry()
    wanted = fold_key(query) if query else ""
    exact = registry.find_group(query) if query else None
    table = Table("id", "name", "kind", "wikidata", "part of", "aliases")
    for group in registry.groups():
        names = group.all_aliases()
        if query and group != exact and not any(wanted in fold_key(n) for n in names):
            continue
        table.add_row(
            group.id,
            group.name,
            group.kind,
            group.wikidata or "",
            group.part_of or group.successor_of or "",
            ", ".join(names[1:6]),
        )
    console.print(table)
