"""Tell which language a document is in, and which extractor reads it."""

from __future__ import annotations

PERSIAN_CODES = frozenset({"fa", "fa-AF", "fa-IR", "prs", "pes"})
ENGLISH_CODES = frozenset({"en"})
READ_LANGUAGES = ("fa", "en")


def base_language(code: str) -> str:
    """Return the language the extractor reads for a code (``fa-AF`` → ``fa``)."""
    if code in PERSIAN_CODES or code.startswith("fa"):
        return "fa"
    if code.startswith("en"):
        return "en"
    return code


def guess_script_language(text: str) -> str:
    """Guess ``fa`` or ``en`` from the script of the letters (a cheap fallback).

    Arabic-script letters against Latin letters in the first 4,000 characters;
    ``und`` when there are hardly any letters.
    """
    arabic = latin = 0
    for ch in text[:4000]:
        code = ord(ch)
        if 0x0600 <= code <= 0x06FF or 0xFB50 <= code <= 0xFEFF:
            arabic += 1
        elif ch.isascii() and ch.isalpha():
            latin += 1
    if arabic + latin < 3:
        return "und"
    return "fa" if arabic >= latin else "en"
