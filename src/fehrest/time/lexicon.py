"""The time words of one language, read from ``data/<lang>/time.yaml``.

A :class:`Lexicon` maps spellings to meanings (month numbers, weekdays,
offsets) through :func:`fold`, and builds tolerant regular-expression
alternations from them: a space or ZWNJ inside a data word may be missing,
doubled or swapped in the text, Arabic ي/ك stand for Persian ی/ک, a final ه
may carry a hamza (ۀ), and tanwin is optional.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from fehrest.resources import load_yaml

Calendar = Literal["gregorian", "solar-hijri", "lunar-hijri"]
Unit = Literal["day", "week", "month", "year"]

CALENDARS: tuple[Calendar, ...] = ("gregorian", "solar-hijri", "lunar-hijri")
UNITS: tuple[Unit, ...] = ("day", "week", "month", "year")

# Horizontal white space and the invisible joiners/marks that sit between words.
SPACE_CHARS = " \t\u00a0\u200c\u200d\u200e\u200f"
H = "[ \\t\\u00a0\\u200c\\u200d\\u200e\\u200f]"

_FOLD_DROP = dict.fromkeys(
    map(ord, SPACE_CHARS + "-\u0640\u0654\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")
)
_FOLD_MAP = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ۀ": "ه", "ة": "ه", "آ": "ا", "أ": "ا"})
_TANWIN = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"


def fold(text: str) -> str:
    """Return the lookup key of a spelling: no spaces, joiners or marks, one letter form, lower case."""
    return text.translate(_FOLD_DROP).translate(_FOLD_MAP).lower()


def word_pattern(word: str) -> str:
    """Return a regular expression matching ``word`` with the usual spelling variation."""
    out: list[str] = []
    last = len(word) - 1
    for i, ch in enumerate(word):
        if ch in SPACE_CHARS or ch == "-":
            if not out or out[-1] != f"(?:{H}|-)*":
                out.append(f"(?:{H}|-)*")
        elif ch in _TANWIN:
            out.append(re.escape(ch) + "?")
        elif ch == "ه" and (i == last or word[i + 1] in SPACE_CHARS):
            out.append("(?:ه\u0654?|ۀ|ة)")
        elif ch in "یيى":
            out.append("[یيى]")
        elif ch in "کك":
            out.append("[کك]")
        elif ch in "آا" and i == 0:
            out.append("[آا]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def alternation(words: Iterable[str], case_sensitive: bool = False) -> str:
    """Return a non-capturing alternation of ``words``, longest first (never matches when empty)."""
    items = sorted(set(words), key=len)
    if not items:
        return "(?!)"
    parts: list[str] = []
    for word in reversed(items):
        pattern = word_pattern(word)
        if case_sensitive:
            variants = {pattern, word_pattern(word.upper())}
            parts.extend(sorted(variants, key=len, reverse=True))
        else:
            parts.append(f"(?i:{pattern})")
    return "(?:" + "|".join(parts) + ")"


@dataclass(frozen=True, slots=True)
class MonthName:
    """What a month spelling means."""

    calendar: Calendar
    number: int
    needs_context: bool


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The time words of one language, keyed by :func:`fold`."""

    language: str
    week_start: int
    orders: tuple[str, ...]
    case_sensitive_names: bool
    months: dict[str, MonthName]
    weekdays: dict[str, int]
    weekdays_need_context: frozenset[str]
    ordinals: dict[str, int]
    numbers: dict[str, int]
    few: frozenset[str]
    calendar_markers: dict[str, Calendar]
    units: dict[str, Unit]
    relative_days: dict[str, int]
    modifiers_before: dict[str, int]
    modifiers_after: dict[str, int]
    relative_words: dict[str, tuple[Unit, int]]
    anaphoric: dict[str, int]
    words: dict[str, tuple[str, ...]]

    def alt(self, key: str) -> str:
        """Return the alternation of a plain word list of the data file (``prepositions``…)."""
        return alternation(self.words.get(key, ()))

    def names_alt(self, spellings: Iterable[str]) -> str:
        """Return the alternation of month or weekday names (case-sensitive where the language says)."""
        return alternation(spellings, self.case_sensitive_names)

    def month_spellings(self, bare: bool = False) -> list[str]:
        """Return the month spellings; with ``bare``, only those safe without context."""
        return [w for w in self.words["_months"] if not (bare and self.months[fold(w)].needs_context)]

    def weekday_spellings(self, bare: bool = False) -> list[str]:
        """Return the weekday spellings; with ``bare``, only those safe without context."""
        return [w for w in self.words["_weekdays"] if not (bare and fold(w) in self.weekdays_need_context)]

    def number(self, text: str) -> int | None:
        """Return the value of a count written in digits or words; ``None`` for "a few"."""
        key = fold(text)
        if key.isdigit():
            return int(key)
        return self.numbers.get(key)


def _folded(mapping: dict[Any, Any]) -> dict[str, Any]:
    return {fold(str(k)): v for k, v in mapping.items()}


@cache
def load_lexicon(language: str) -> Lexicon:
    """Load and index ``data/<language>/time.yaml`` (cached)."""
    data: dict[str, Any] = load_yaml(language, "time.yaml")
    need = {fold(w) for w in data.get("months_need_context", [])}
    months: dict[str, MonthName] = {}
    month_words: list[str] = []
    for calendar, table in data["months"].items():
        for number, names in table.items():
            for name in names:
                months[fold(name)] = MonthName(calendar, int(number), fold(name) in need)
                month_words.append(name)
    weekdays: dict[str, int] = {}
    for number, names in data["weekdays"].items():
        for name in names:
            weekdays[fold(name)] = int(number)
    ordinals = {fold(w): int(n) for n, ws in data["ordinals"].items() for w in ws}
    numbers = {fold(w): int(n) for n, ws in data["numbers"].items() for w in ws}
    markers = {fold(w): cal for cal, ws in data.get("calendar_markers", {}).items() for w in ws}
    plain = {
        key: tuple(str(w) for w in value)
        for key, value in data.items()
        if isinstance(value, list) and all(isinstance(w, str) for w in value)
    }
    plain["_months"] = tuple(month_words)
    plain["_weekdays"] = tuple(w for ws in data["weekdays"].values() for w in ws)
    plain["_ordinals"] = tuple(w for ws in data["ordinals"].values() for w in ws)
    plain["_numbers"] = tuple(w for ws in data["numbers"].values() for w in ws)
    plain["_markers"] = tuple(w for ws in data.get("calendar_markers", {}).values() for w in ws)
    plain["_units"] = tuple(str(w) for w in data["units"])
    plain["_relative_days"] = tuple(str(w) for w in data["relative_days"])
    plain["_modifiers_before"] = tuple(str(w) for w in data["modifiers_before"])
    plain["_modifiers_after"] = tuple(str(w) for w in data["modifiers_after"])
    plain["_relative_words"] = tuple(str(w) for w in data["relative_words"])
    plain["_anaphoric"] = tuple(str(w) for w in data.get("anaphoric_after", {}))
    return Lexicon(
        language=language,
        week_start=int(data["week_start"]),
        orders=tuple(data["orders"]),
        case_sensitive_names=bool(data.get("names_case_sensitive", False)),
        months=months,
        weekdays=weekdays,
        weekdays_need_context=frozenset(fold(w) for w in data.get("weekdays_need_context", [])),
        ordinals=ordinals,
        numbers=numbers,
        few=frozenset(fold(w) for w in data.get("few", [])),
        calendar_markers=markers,
        units=_folded(data["units"]),
        relative_days=_folded(data["relative_days"]),
        modifiers_before=_folded(data["modifiers_before"]),
        modifiers_after=_folded(data["modifiers_after"]),
        relative_words={fold(k): (v[0], int(v[1])) for k, v in data["relative_words"].items()},
        anaphoric=_folded(data.get("anaphoric_after", {})),
        words=plain,
    )
