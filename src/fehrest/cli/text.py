"""Commands of the text area (registered on the shared app)."""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Annotated

import typer

from fehrest.cli.common import app, read_input


class TextLanguage(StrEnum):
    """Languages the normaliser knows."""

    fa = "fa"
    en = "en"


@app.command()
def normalize(
    path: Annotated[str, typer.Argument(help="A UTF-8 text file; '-' reads standard input.")],
    lang: Annotated[
        TextLanguage, typer.Option("--lang", help="fa: the full Persian normaliser; en: light touch.")
    ] = TextLanguage.fa,
) -> None:
    """Print the normalised text: one letter form, ASCII digits, clean spacing, ZWNJs restored.

    Example:

        echo 'رئیسجمهور روز سهشنبه گفت که گروههای مسلح میکنند' | fehrest normalize -
    """
    from fehrest.text import normalize_text

    _, text = read_input(path)
    sys.stdout.write(normalize_text(text, lang.value))
