"""What every command shares: the typer app, output helpers, one-line errors."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import NoReturn

import typer
from rich.console import Console

app = typer.Typer(
    name="fehrest",
    help="Fehrest: who lists which groups as terrorist, banned or sanctioned, and since when.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)

console = Console()
err_console = Console(stderr=True)


class OutputFormat(StrEnum):
    """Output formats shared by the reporting commands."""

    json = "json"
    csv = "csv"
    table = "table"


def print_counts(title: str, rows: Iterable[tuple[str, int]], failures: Iterable[object]) -> None:
    """A closing summary: a two-column table of counts, then one line per failure on stderr."""
    from rich.table import Table

    table = Table(title=title, show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    for label, value in rows:
        table.add_row(label, f"{value:,}")
    console.print(table)
    for failure in failures:
        err_console.print(str(failure), highlight=False, soft_wrap=True, markup=False)


def fail(message: str, code: int = 2) -> NoReturn:
    """Print one line to standard error (no traceback) and exit."""
    err_console.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    sys.exit(code)


def read_input(path: str) -> tuple[str, str]:
    """Read a UTF-8 text file, or standard input for ``-``; return (source, text).

    Raises :class:`~fehrest.errors.InputError` naming the file on any problem.
    """
    from fehrest.errors import InputError

    if path == "-":
        data = sys.stdin.buffer.read()
        source = "<stdin>"
    else:
        source = path
        try:
            data = Path(path).read_bytes()
        except FileNotFoundError:
            raise InputError(path, "no such file") from None
        except IsADirectoryError:
            raise InputError(path, "is a folder, not a file") from None
        except OSError as exc:
            raise InputError(path, f"cannot read: {exc.strerror}") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(source, f"not UTF-8 text (bad byte at offset {exc.start})") from None
    return source, text
