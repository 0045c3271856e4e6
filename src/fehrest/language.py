"""Tell which language a document is in, and which extractor reads it.

:func:`identify_language` asks lingua (its models ship inside the package, so
nothing is downloaded) to choose among the languages news about designations
comes in, then refines Persian into Afghan (``fa-AF``) or Iranian (``fa-IR``)
usage from vocabulary hints in ``data/fa/dialect.tsv``. Pashto, which lingua
does not model, is told by its own letters (``data/language/letters.tsv``).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from fehrest.resources import load_tsv

PERSIAN_CODES = frozenset({"fa", "fa-AF", "fa-IR", "prs", "pes"})
ENGLISH_CODES = frozenset({"en"})
READ_LANGUAGES = ("fa", "en")

# Languages lingua chooses among: those of the region and of the bodies that
# list groups. A short list keeps detection fast and avoids exotic confusions.
_CANDIDATES = (
    "ARABIC",
    "CHINESE",
    "ENGLISH",
    "FRENCH",
    "GERMAN",
    "KAZAKH",
    "PERSIAN",
    "RUSSIAN",
    "SPANISH",
    "TURKISH",
    "UKRAINIAN",
    "URDU",
)
_SAMPLE = 2000  # characters: enough for a confident answer, cheap on long articles
_WORD = re.compile(r"[\w\u200c]+")
_ARABIC_LETTER = re.compile(r"[\u0620-\u064a\u0671-\u06d3]")
_DIALECT_MARGIN = 2  # one side must lead by this many hits to name a variant


def base_language(code: str) -> str:
    """Return the language the extractor reads for a code (``fa-AF`` → ``fa``)."""
    if code in PERSIAN_CODES or code.startswith("fa"):
        return "fa"
    if code.startswith("en"):
        return "en"
    return code


_ARABIC_LETTERS = re.compile("[\u0600-\u06ff\ufb50-\ufeff]")
_LATIN_LETTERS = re.compile("[A-Za-z]")


def guess_script_language(text: str) -> str:
    """Guess ``fa`` or ``en`` from the script of the letters (a cheap fallback).

    Arabic-script letters against Latin letters in the first 4,000 characters;
    ``und`` when there are hardly any letters.
    """
    sample = text[:4000]
    arabic = len(_ARABIC_LETTERS.findall(sample))
    latin = len(_LATIN_LETTERS.findall(sample))
    if arabic + latin < 3:
        return "und"
    return "fa" if arabic >= latin else "en"


def identify_language(text: str, declared: str | None = None) -> str:
    """Return ``fa-AF``, ``fa-IR``, ``fa``, ``en`` or another ISO 639-1 code (``und`` if unknown).

    A page's own declaration (``<html lang>``, a feed's language) is trusted
    for the variant of Persian it names, but the text decides the language: a
    site's template often says ``en`` over an article in Persian.
    """
    sample = text[:_SAMPLE]
    language = _detect(sample)
    if language == "fa":
        hint = declared.replace("_", "-").lower() if declared else ""
        if hint in ("fa-af", "prs"):
            return "fa-AF"
        if hint == "fa-ir":
            return "fa-IR"
        return persian_variant(text[: _SAMPLE * 4])
    return language


def _detect(sample: str) -> str:
    pashto = _letters().get("ps", frozenset())
    arabic_letters = _ARABIC_LETTER.findall(sample)
    if arabic_letters and pashto:
        share = sum(1 for ch in arabic_letters if ch in pashto) / len(arabic_letters)
        if share > 0.02:
            return "ps"
    found = _detector().detect_language_of(sample)
    if found is None:
        return guess_script_language(sample)
    return str(found.iso_code_639_1.name).lower()


def persian_variant(text: str) -> str:
    """``fa-AF`` or ``fa-IR`` when the vocabulary clearly leans one way, else ``fa``."""
    words, phrases = _dialect_words()
    counts = {"AF": 0, "IR": 0}
    for word in _WORD.findall(text):
        variant = words.get(word)
        if variant is not None:
            counts[variant] += 1
    for phrase, variant in phrases:
        counts[variant] += text.count(phrase)
    for match in _DATED_MONTH.finditer(text):
        variant = _dated_months().get(match.group(1))
        if variant is not None:
            counts[variant] += 1
    if counts["AF"] >= counts["IR"] + _DIALECT_MARGIN:
        return "fa-AF"
    if counts["IR"] >= counts["AF"] + _DIALECT_MARGIN:
        return "fa-IR"
    return "fa"


# A day number, then a word: "۱۶ بهمن", "7 جدی".
_DATED_MONTH = re.compile(r"(?<![\w])[0-9۰-۹٠-٩]{1,2}\s+(\w+)")


@cache
def _dated_months() -> dict[str, str]:
    return {
        form: variant for form, variant, kind, *_ in load_tsv("fa", "dialect.tsv") if kind == "dated-month"
    }


@cache
def _dialect_words() -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    words: dict[str, str] = {}
    phrases: list[tuple[str, str]] = []
    for form, variant, kind, *_ in load_tsv("fa", "dialect.tsv"):
        if kind == "dated-month":
            continue
        if " " in form:
            phrases.append((form, variant))
        else:
            words[form] = variant
    return words, tuple(phrases)


@cache
def _letters() -> dict[str, frozenset[str]]:
    return {code: frozenset(letters) for code, letters, *_ in load_tsv("language", "letters.tsv")}


@cache
def _detector() -> Any:
    """The lingua detector over the candidate languages (built once per process)."""
    from lingua import Language, LanguageDetectorBuilder

    languages = [getattr(Language, name) for name in _CANDIDATES]
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


def warm_language_detector() -> None:
    """Build the detector and load the hint lists now (a pool worker's initializer calls this)."""
    _detector()
    _dialect_words()
    _letters()
