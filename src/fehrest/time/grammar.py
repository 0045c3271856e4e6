"""Patterns for time expressions, built from a language's :class:`Lexicon`.

Each :class:`Rule` is a compiled regular expression and a builder that turns
a match into a :class:`Parsed` (what the text says, not yet a date). The
recogniser runs every rule and keeps the longest non-overlapping matches.

Precision first: a month name that is also an ordinary word (Dari می, اسد,
قوس …) only matches with a day, a year, or ماه/برج; a bare four-digit number
is a year only after a word such as در/از/تا/in/since, and not when it reads
as a count ("بیش از ۲۰۰۰ نفر").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Literal

from fehrest.time.lexicon import Calendar, H, Lexicon, Unit, alternation, fold, load_lexicon

Kind = Literal["date", "relative", "range", "vague", "duration"]
Relation = Literal[
    "", "day", "period", "ago", "within", "weekday", "month-in-year", "month-shift", "same-year", "anaphoric"
]

SP = H + "+"
OSP = H + "*"
COMMA = f"{OSP}[,،]?{OSP}"
LEFT = r"(?<![\w\u200c])"
RIGHT = r"(?![\w\u200c])"
# Years a bare number may stand for, by calendar (a count outside them stays a count).
BARE_YEARS: dict[Calendar, range] = {"gregorian": range(1900, 2101), "solar-hijri": range(1300, 1500)}
# Years accepted after an explicit year word or calendar marker.
MARKED_YEARS = range(1000, 2200)


@dataclass(frozen=True, slots=True)
class Parsed:
    """What one matched expression says, before it is resolved to a date."""

    start: int
    end: int
    kind: Kind = "date"
    calendar: Calendar | Literal["none"] = "none"
    year: int | None = None
    month: int | None = None
    day: int | None = None
    until_day: int | None = None
    weekday: int | None = None
    week_offset: int | None = None
    relation: Relation = ""
    unit: Unit | None = None
    offset: int = 0


Builder = Callable[[re.Match[str], Lexicon], Parsed | None]


@dataclass(frozen=True, slots=True)
class Rule:
    """A named pattern and the builder reading its match."""

    name: str
    pattern: re.Pattern[str]
    build: Builder


def year_calendar(year: int, marker: str | None, lex: Lexicon) -> Calendar:
    """Return the calendar of a year written without a month: the marker's, else by its size.

    A four-digit year from 1300 to 1499 in Persian text is Solar Hijri (the
    Lunar years of living memory carry a قمری marker or a Lunar month).
    """
    if marker:
        return lex.calendar_markers.get(fold(marker), "gregorian")
    if lex.language == "fa" and year in BARE_YEARS["solar-hijri"]:
        return "solar-hijri"
    return "gregorian"


def _day(m: re.Match[str], lex: Lexicon, suffix: str = "") -> int | None:
    number = m.group("dnum" + suffix)
    if number:
        return int(number)
    return lex.ordinals.get(fold(m.group("dord" + suffix) or ""))


def _int_group(m: re.Match[str], *names: str) -> tuple[int | None, str | None]:
    """Return the first matched group among ``names`` as a number, and its name."""
    for name in names:
        value = m.groupdict().get(name)
        if value:
            return int(value), name
    return None, None


def _group(m: re.Match[str], *names: str) -> str | None:
    for name in names:
        value = m.groupdict().get(name)
        if value:
            return value
    return None


def build_date(m: re.Match[str], lex: Lexicon) -> Parsed | None:
    """Day and month, with an optional weekday and year (``سوم ماه جون``, ``June 3, 2024``)."""
    month = lex.months[fold(m.group("month"))]
    day = _day(m, lex)
    if day is None or not 1 <= day <= 31:
        return None
    year, _ = _int_group(m, "year")
    wd = m.groupdict().get("wd")
    weekday = lex.weekdays.get(fold(wd)) if wd else None
    until = _day(m, lex, "2") if "dnum2" in m.re.groupindex else None
    if until is not None and not day < until <= 31:
        return None
    relation, offset = _year_relation(m, lex)
    if relation:
        kind: Kind = "relative" if relation == "month-in-year" else "date"
        return Parsed(
            m.start(),
            m.end(),
            kind,
            month.calendar,
            None,
            month.number,
            day,
            relation=relation,
            offset=offset,
        )
    return Parsed(
        m.start(),
        m.end(),
        "range" if until is not None else "date",
        month.calendar,
        year,
        month.number,
        day,
        until_day=until,
        weekday=weekday,
    )


def _year_relation(m: re.Match[str], lex: Lexicon) -> tuple[Relation, int]:
    """Read a year named relatively after a month: ``سال پیش`` (-1), ``همان سال`` (the last year named)."""
    groups = m.groupdict()
    if groups.get("yrel"):
        return "month-in-year", _year_phrase_offsets(lex.language)[fold(groups["yrel"])]
    if groups.get("ysame"):
        return "same-year", 0
    return "", 0


def build_same_year(m: re.Match[str], lex: Lexicon) -> Parsed | None:
    """The year of the last date named before (``همان سال``, ``the same year``)."""
    return Parsed(m.start(), m.end(), "date", relation="same-year")


def build_month_year(m: re.Match[str], lex: Lexicon) -> Parsed | None:
    """Month and year (``مارچ ۲۰۰۵``, ``ماه حمل سال ۱۴۰۳``, ``March 2005``)."""
    month = lex.months[fold(m.group("month"))]
    return Parsed(m.start(), m.end(), "date", month.calendar, int(m.group("year")), month.number)


def build_month_relative(m: re.Match[str], lex: Lexicon) -> Parsed | None:
    """A month in a year named relatively (``ماه قوس سال پیش``, ``June last year``, ``last March``)."""
    month = lex.months[fold(_group(m, "month", "month2") or "")]
    relation, offset = _year_relation(m, lex)
    if not relation:
        relation, offset = "month-shift", lex.modifiers_before[fold(m.group("mshift"))]
    kind: Kind = "date" if relation == "same-year" else "relative"
    return Parsed(
        m.start(), m.end(), kind, month.calendar, month=month.number, relation=relation, offset=offset
    )


def build_month(m: re.Match[str], lex: Lexicon) -> Parsed | None:
    """A month alone, where context says it is one (``ماه قوس``, ``مهرماه``, ``in October``)."""
    month = lex.months[fold(_group(m, "month", "month2", "month3") or "")]
    return Parsed(m.start(), m.end(), "date", month.calendar, month=month.number)


def build_year(m: re.Match[str], lex: Lexicon) -> Parsed | None:
    """A year (``سال ۱۴۰۳ خورشیدی``, ``۲۰۰۵ میلادی``, ``در ۲۰۰۵``, ``in 2005``)."""
    year, name = _int_group(m, "year", "year2", "year3")
    if year is None:
        return None
    marker = _group(m, "cal", "cal2")
    calendar = year_calendar(year, marker, lex)
    start = m.start()
    if name == "year3":
        if year not in BARE_YEARS.get(calendar, range(0)) or _reads_as_count(m, lex):
            return None
        start = m.start("year3")
    elif year not in MARKED_YEARS:
        return None
    return Parsed(start, m.end(), "date", calendar, year)


def _reads_as_count(m: re.Match[str], lex: Lexicon) -> bool:
    before = m.string[max(0, m.start() - 20) : m.start()]
    after = m.string[m.end() : m.end() + 20]
    return bool(_count_before(lex.language).search(before) or _count_after(lex.language).match(after))


def build_numeric(m: re.Match[str], lex: Lexicon) -> Parsed | None:
    """An all-digit date, year first (``2024-06-03``, ``۱۴۰۳/۳/۱۴``)."""
    year, month, day = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    calendar = year_calendar(year, None, lex)
    return Parsed(m.start(), m.end(), "date", calendar, year, month, day)


def build_weekday(m: re.Match[str], lex: Lexicon) -> Parsed | None:
    """A weekday, with or without a modifier (``روز سه‌شنبه``, ``دوشنبه گذشته``, ``last Monday``)."""
    weekday = lex.weekdays[fold(_group(m, "wd", "wd1", "wd2", "wd3") or "")]
    shift = 0
    week_offset = None
    if m.groupdict().get("wmodb"):
        shift = lex.modifiers_before[fold(m.group("wmodb"))]
    if m.groupdict().get("wmoda"):
        shift = lex.modifiers_after[fold(m.group("wmoda"))]
    if m.groupdict().get("wweek"):
        week_offset = _period_offsets(lex.language, "week")[fold(m.group("wweek"))]
        shift = 0
    if shift == 0 and m.groupdict().get("wmodb") and week_offset is None:
        week_offset = 0
    return Parsed(
        m.start(),
        m.end(),
        "relative",
        weekday=weekday,
        week_offset=week_offset,
        relation="weekday",
        offset=shift,
    )


def build_relative_day(m: re.Match[str], lex: Lexicon) -> Parsed | None:
    """A day named relatively (``دیروز``, ``yesterday``)."""
    return Parsed(m.start(), m.end(), "relative", relation="day", offset=lex.relative_days[fold(m.group(0))])


def build_period(m: re.Match[str], lex: Lexicon) -> Parsed | None:
    """A week, month or year named relatively (``هفته گذشته``, ``امسال``, ``last month``)."""
    key = fold(m.group("period"))
    for unit in ("day", "week", "month", "year"):
        offsets = _period_offsets(lex.language, unit)
        if key in offsets:
            return Parsed(m.start(), m.end(), "relative", relation="period", unit=unit, offset=offsets[key])
    return None


def build_count(m: re.Match[str], lex: Lexicon) -> Parsed | None:
    """A count of units: ago (``سه روز پیش``), the past N (``در دو سال گذشته``) or a duration."""
    unit = lex.units[fold(m.group("unit"))]
    count = lex.number(m.group("n"))
    if m.groupdict().get("ana"):
        if count is None:
            return Parsed(m.start(), m.end(), "vague")
        sign = lex.anaphoric[fold(m.group("ana"))]
        return Parsed(m.start(), m.end(), "relative", relation="anaphoric", unit=unit, offset=sign * count)
    if m.groupdict().get("ago"):
        if count is None:
            return Parsed(m.start(), m.end(), "vague")
        return Parsed(m.start(), m.end(), "relative", relation="ago", unit=unit, offset=-count)
    if m.group("pb") or m.group("pa"):
        if count is None:
            return Parsed(m.start(), m.end(), "vague")
        return Parsed(m.start(), m.end(), "range", relation="within", unit=unit, offset=-count)
    if m.group("dprep") or (count is not None and m.group("n").isdigit()):
        return Parsed(m.start(), m.end(), "duration", unit=unit, offset=count or 0)
    return None


def build_vague(m: re.Match[str], lex: Lexicon) -> Parsed | None:
    """A time expression that names no date (``در ماه‌های اخیر``, ``recently``)."""
    return Parsed(m.start(), m.end(), "vague")


@cache
def _count_before(language: str) -> re.Pattern[str]:
    lex = load_lexicon(language)
    return re.compile(f"{LEFT}{lex.alt('count_words_before')}{SP}(?:{lex.alt('year_contexts')}{SP})?$")


@cache
def _count_after(language: str) -> re.Pattern[str]:
    lex = load_lexicon(language)
    return re.compile(f"{SP}{lex.alt('count_words_after')}{RIGHT}")


def _relative_phrases(lex: Lexicon, unit: Unit) -> dict[str, int]:
    """Every modifier-and-unit phrase of ``unit`` (``سال گذشته``, ``last year``) with its offset."""
    phrases: dict[str, int] = {}
    for word, meaning in lex.units.items():
        if meaning != unit:
            continue
        for mod, offset in lex.modifiers_before.items():
            phrases[f"{mod} {word}"] = offset
        for mod, offset in lex.modifiers_after.items():
            phrases[f"{word} {mod}"] = offset
    for word, (word_unit, offset) in lex.relative_words.items():
        if word_unit == unit:
            phrases[word] = offset
    return phrases


@cache
def _period_offsets(language: str, unit: Unit) -> dict[str, int]:
    """Folded phrase → offset for relative phrases of one unit."""
    return {fold(k): v for k, v in _relative_phrases(load_lexicon(language), unit).items()}


@cache
def _year_phrase_offsets(language: str) -> dict[str, int]:
    return _period_offsets(language, "year")


def _unit_phrases(lex: Lexicon, unit: Unit) -> list[str]:
    """The original spellings of the relative phrases of ``unit``, for a pattern."""
    spelled: list[str] = []
    units = [w for w in lex.words["_units"] if lex.units[fold(w)] == unit]
    for word in units:
        spelled += [f"{mod} {word}" for mod in lex.words["_modifiers_before"]]
        spelled += [f"{word} {mod}" for mod in lex.words["_modifiers_after"]]
    spelled += [w for w in lex.words["_relative_words"] if lex.relative_words[fold(w)][0] == unit]
    return spelled


def _day_fragment(lex: Lexicon, suffix: str = "") -> str:
    ordinal = alternation(lex.words["_ordinals"])
    return (
        f"(?:{lex.alt('day_prefixes')}{SP})?"
        f"(?:(?P<dnum{suffix}>\\d{{1,2}})(?:{OSP}{lex.alt('day_suffixes')})?|(?P<dord{suffix}>{ordinal}))"
    )


@cache
def build_rules(language: str) -> tuple[Rule, ...]:
    """Compile the rules of one language (cached)."""
    lex = load_lexicon(language)
    months = lex.names_alt(lex.month_spellings())
    bare_months = lex.names_alt(lex.month_spellings(bare=True))
    weekdays = lex.names_alt(lex.weekday_spellings())
    bare_weekdays = lex.names_alt(lex.weekday_spellings(bare=True))
    markers = alternation(lex.words["_markers"])
    mprefix, msuffix = lex.alt("month_prefixes"), lex.alt("month_suffixes")
    wprefix, link = lex.alt("weekday_prefixes"), lex.alt("day_month_links")
    units = alternation(lex.words["_units"])
    count = f"(?:\\d{{1,3}}|{alternation(lex.words['_numbers'])}|{lex.alt('few')})"
    mod_before = alternation(lex.words["_modifiers_before"])
    mod_after = alternation(lex.words["_modifiers_after"])
    year_rel = alternation(_unit_phrases(lex, "year"))
    week_rel = alternation(_unit_phrases(lex, "week"))
    periods = alternation([p for u in ("day", "week", "month", "year") for p in _unit_phrases(lex, u)])

    # A bare year also follows any range word: "بین ۲۰۰۳", "پیش از ۲۰۰۵", "since 2003".
    year_contexts = alternation(
        [
            w
            for key in ("year_contexts", "range_start", "range_between", "range_until")
            for w in lex.words[key]
        ]
    )
    day = _day_fragment(lex)
    month = f"(?:{mprefix}{SP})?(?P<month>{months})(?:{OSP}{msuffix})?{RIGHT}"
    year = f"(?:{lex.alt('year_prefixes')}{SP})?(?P<year>\\d{{4}})(?:{OSP}(?P<cal>{markers}))?{RIGHT}"
    weekday_lead = f"(?:(?:{wprefix}{SP})?(?P<wd>{weekdays}){COMMA})?"
    day_month = f"{day}{SP}(?:{link}{SP})?{month}"
    same = lex.alt("same_year")
    year_after = f"(?:{COMMA}{year}|{SP}(?P<yrel>{year_rel}){RIGHT}|{SP}(?P<ysame>{same}){RIGHT})"
    patterns: list[tuple[str, str, Builder]] = [
        (
            "numeric",
            f"{LEFT}(?P<y>\\d{{4}})(?P<sep>[-/.])(?P<m>\\d{{1,2}})(?P=sep)(?P<d>\\d{{1,2}}){RIGHT}",
            build_numeric,
        ),
        ("date-dmy", f"{LEFT}{weekday_lead}{day_month}{year_after}?", build_date),
        ("month-year", f"{LEFT}{month}{COMMA}{year}", build_month_year),
        (
            "month-relative",
            f"{LEFT}(?:{month}{SP}(?:(?P<yrel>{year_rel})|(?P<ysame>{same}))|(?P<mshift>{mod_before}){SP}(?P<month2>{bare_months})){RIGHT}",
            build_month_relative,
        ),
        (
            "month",
            f"{LEFT}(?:{mprefix}{SP}(?P<month>{months})|(?P<month2>{bare_months})"
            f"|(?P<month3>{months}){OSP}{msuffix}){RIGHT}",
            build_month,
        ),
        (
            "year",
            f"{LEFT}(?:{lex.alt('year_prefixes')}{SP}(?P<year>\\d{{4}})(?:{OSP}(?P<cal>{markers}))?"
            f"|(?P<year2>\\d{{4}}){OSP}(?P<cal2>{markers})"
            f"|(?:{year_contexts}{SP}|{lex.alt('qualifiers')}(?:{SP}|-))(?P<year3>\\d{{4}})){RIGHT}",
            build_year,
        ),
        (
            "weekday-modified",
            f"{LEFT}(?:(?P<wmodb>{mod_before}){SP})?(?:{wprefix}{SP})?(?P<wd>{weekdays})"
            f"{SP}(?:(?P<wweek>{week_rel})|(?P<wmoda>{mod_after})){RIGHT}",
            build_weekday,
        ),
        (
            "weekday",
            f"{LEFT}(?:(?P<wmodb>{mod_before}){SP}(?P<wd1>{weekdays})|{wprefix}{SP}(?P<wd2>{weekdays})"
            f"|(?P<wd3>{bare_weekdays})){RIGHT}",
            build_weekday,
        ),
        ("relative-day", f"{LEFT}{alternation(lex.words['_relative_days'])}{RIGHT}", build_relative_day),
        ("period", f"{LEFT}(?P<period>{periods}){RIGHT}", build_period),
        (
            "count",
            f"{LEFT}(?:(?P<dprep>{lex.alt('duration_prepositions')}){SP})?"
            f"(?:(?P<pb>{lex.alt('past_before')}){SP})?(?P<n>{count}){SP}(?P<unit>{units})"
            f"(?:{SP}(?:(?P<ana>{alternation(lex.words['_anaphoric'])})|(?P<ago>{lex.alt('ago')})|(?P<pa>{lex.alt('past_after')})))?{RIGHT}",
            build_count,
        ),
        ("vague", f"{LEFT}{lex.alt('vague')}{RIGHT}", build_vague),
        ("same-year", f"{LEFT}{same}{RIGHT}", build_same_year),
    ]
    if "mdy" in lex.orders:
        patterns.append(("date-mdy", f"{LEFT}{weekday_lead}{month}{SP}{day}{RIGHT}{year_after}?", build_date))
    day2 = _day_fragment(lex, "2")
    range_sep = f"(?:{OSP}[-–]{OSP}|{SP}{lex.alt('range_end')}{SP})"
    patterns.append(
        ("day-range", f"{LEFT}{day}{range_sep}{day2}{SP}(?:{link}{SP})?{month}(?:{COMMA}{year})?", build_date)
    )
    return tuple(Rule(name, re.compile(pattern), build) for name, pattern, build in patterns)
