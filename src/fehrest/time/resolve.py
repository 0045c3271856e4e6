"""Turn a :class:`Parsed` expression into ISO date values, against a reference day.

Rules (DESIGN: the value is ISO with a precision of day, month or year):

- A full date converts exactly from its calendar.
- A Solar or Lunar month or year at ``month``/``year`` precision names the
  Gregorian month or year holding most of its days (see ``calendars``).
- Day and month without a year: with a weekday, the most recent year whose
  date falls on that weekday; without one, the most recent year; both "not
  after the reference" but for a short look-ahead (:data:`FUTURE_WINDOW`) since
  news also names days just ahead. The value says ``inferred=True``.
- A month without a year: the most recent such month starting on or before
  the reference (``inferred=True``).
- A bare weekday: the most recent such day on or before the reference;
  ``گذشته``/``last`` strictly before it; ``آینده``/``next`` strictly after.
- ``هفته گذشته``/``last week``: the week's first day at ``day`` precision with
  its last day as ``until`` (the Persian week starts on Saturday, the English
  on Monday); months and years named relatively are Gregorian.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from fehrest.model import DateValue
from fehrest.time import calendars as cal
from fehrest.time.grammar import Parsed
from fehrest.time.lexicon import Calendar

# Days a yearless day-and-month may lie after the reference date.
FUTURE_WINDOW = dt.timedelta(days=14)
# How far back a weekday may send a yearless date (the weekday/date cycle is at most 40 years long).
YEARS_BACK = 60

Basis = Literal["explicit", "weekday", "nearest", "relative", "none"]


@dataclass(frozen=True, slots=True)
class Resolution:
    """The values of one expression; ``basis`` says where its year came from."""

    date: DateValue | None
    until: DateValue | None = None
    basis: Basis = "explicit"


UNRESOLVED = Resolution(None, None, "none")


def day_value(day: dt.date, inferred: bool = False) -> DateValue:
    """Return a ``day`` precision value."""
    return DateValue(day.isoformat(), "day", None, inferred)


def month_value(calendar: Calendar, year: int, month: int, inferred: bool = False) -> DateValue | None:
    """Return the ``month`` precision value of a month of ``calendar``."""
    if calendar == "gregorian":
        if not 1 <= month <= 12 or not 1 <= year <= 9999:
            return None
        return DateValue(f"{year:04d}-{month:02d}", "month", None, inferred)
    bounds = cal.month_bounds(calendar, year, month)
    if bounds is None:
        return None
    return DateValue(cal.majority_month(*bounds), "month", None, inferred)


def year_value(calendar: Calendar, year: int, inferred: bool = False) -> DateValue | None:
    """Return the ``year`` precision value of a year of ``calendar``."""
    if calendar == "gregorian":
        return DateValue(f"{year:04d}", "year", None, inferred) if 1 <= year <= 9999 else None
    bounds = cal.year_bounds(calendar, year)
    if bounds is None:
        return None
    return DateValue(cal.majority_year(*bounds), "year", None, inferred)


def resolve(
    p: Parsed, reference: dt.date | None, window: dt.timedelta = FUTURE_WINDOW, week_start: int = 1
) -> Resolution | None:
    """Resolve ``p``: ``None`` for an impossible date, :data:`UNRESOLVED` when it needs a reference."""
    try:
        return _resolve(p, reference, window, week_start)
    except (OverflowError, ValueError):  # a reference or a shift beyond the years 1-9999
        return None


def _resolve(
    p: Parsed, reference: dt.date | None, window: dt.timedelta, week_start: int
) -> Resolution | None:
    if p.kind in ("vague", "duration") or p.relation in ("same-year", "anaphoric"):
        return UNRESOLVED
    if p.relation:
        return _resolve_relative(p, reference, week_start) if reference is not None else UNRESOLVED
    if p.calendar == "none":
        return UNRESOLVED
    calendar: Calendar = p.calendar
    if p.month is None:
        value = year_value(calendar, p.year) if p.year is not None else None
        return Resolution(value) if value else None
    if p.day is None:
        if p.year is not None:
            value = month_value(calendar, p.year, p.month)
            return Resolution(value) if value else None
        if reference is None:
            return UNRESOLVED if 1 <= p.month <= 12 else None
        return _recent_month(calendar, p.month, reference)
    if p.year is not None:
        return _full_date(p, calendar, p.year)
    if reference is None:
        return UNRESOLVED
    return _yearless_day(p, calendar, reference, window)


def _full_date(p: Parsed, calendar: Calendar, year: int, basis: Basis = "explicit") -> Resolution | None:
    assert p.month is not None
    assert p.day is not None
    first = cal.to_gregorian(calendar, year, p.month, p.day)
    if first is None:
        return None
    inferred = basis != "explicit"
    if p.until_day is None:
        return Resolution(day_value(first, inferred), None, basis)
    last = cal.to_gregorian(calendar, year, p.month, p.until_day)
    if last is None:
        return None
    return Resolution(day_value(first, inferred), day_value(last, inferred), basis)


def _yearless_day(
    p: Parsed, calendar: Calendar, reference: dt.date, window: dt.timedelta
) -> Resolution | None:
    assert p.month is not None
    assert p.day is not None
    latest = reference + window
    this_year = cal.from_gregorian(calendar, latest)[0]
    if p.weekday is not None:
        for year in range(this_year, this_year - YEARS_BACK, -1):
            day = cal.to_gregorian(calendar, year, p.month, p.day)
            if day is not None and day <= latest and day.isoweekday() == p.weekday:
                return _full_date(p, calendar, year, "weekday")
    for year in range(this_year, this_year - 10, -1):
        day = cal.to_gregorian(calendar, year, p.month, p.day)
        if day is not None and day <= latest:
            return _full_date(p, calendar, year, "nearest")
    return None


def _recent_month(calendar: Calendar, month: int, reference: dt.date) -> Resolution | None:
    this_year = cal.from_gregorian(calendar, reference)[0]
    for year in range(this_year, this_year - 3, -1):
        bounds = cal.month_bounds(calendar, year, month)
        if bounds is not None and bounds[0] <= reference:
            return Resolution(month_value(calendar, year, month, True), None, "nearest")
    return None


def _resolve_relative(p: Parsed, ref: dt.date, week_start: int) -> Resolution | None:
    if p.relation == "day":
        return Resolution(day_value(ref + dt.timedelta(days=p.offset)), None, "relative")
    if p.relation == "weekday":
        return Resolution(day_value(_weekday(p, ref, week_start)), None, "relative")
    if p.relation in ("month-in-year", "month-shift"):
        return _relative_month(p, ref)
    assert p.unit is not None
    if p.relation == "period":
        date, until = _shifted(p.unit, p.offset, ref, week_start)
    else:  # "ago" and "within": p.offset counts units back from the reference
        date, until = _shifted(p.unit, p.offset, ref, week_start, whole_week=False)
        if p.relation == "within":
            until = day_value(ref)
    return Resolution(date, until, "relative")


def _weekday(p: Parsed, ref: dt.date, week_start: int) -> dt.date:
    assert p.weekday is not None
    if p.week_offset is not None:
        first, _ = cal.week_bounds(ref + dt.timedelta(weeks=p.week_offset), week_start)
        return first + dt.timedelta(days=(p.weekday - first.isoweekday()) % 7)
    back = (ref.isoweekday() - p.weekday) % 7
    if p.offset < 0 and back == 0:
        back = 7
    if p.offset > 0:
        return ref + dt.timedelta(days=(p.weekday - ref.isoweekday()) % 7 or 7)
    return ref - dt.timedelta(days=back)


def _relative_month(p: Parsed, ref: dt.date) -> Resolution | None:
    assert p.month is not None
    assert p.calendar != "none"
    calendar: Calendar = p.calendar
    ref_year, ref_month, _ = cal.from_gregorian(calendar, ref)
    year = ref_year + p.offset
    if p.relation == "month-shift":
        # "last March": the latest March before this month; "next March": the first after it.
        if p.offset < 0:
            year = ref_year if p.month < ref_month else ref_year - 1
        elif p.offset > 0:
            year = ref_year if p.month > ref_month else ref_year + 1
        else:
            year = ref_year
    if p.day is not None:
        day = cal.to_gregorian(calendar, year, p.month, p.day)
        return Resolution(day_value(day), None, "relative") if day else None
    value = month_value(calendar, year, p.month)
    return Resolution(value, None, "relative") if value else None


def resolve_anaphor(p: Parsed, antecedent: dt.date, week_start: int = 1) -> Resolution | None:
    """Resolve "the same year" or "N units before that" against the first day of the last date named."""
    try:
        return _resolve_anaphor(p, antecedent, week_start)
    except (OverflowError, ValueError):
        return None


def _resolve_anaphor(p: Parsed, antecedent: dt.date, week_start: int) -> Resolution | None:
    if p.relation == "anaphoric":
        assert p.unit is not None
        date, _ = _shifted(p.unit, p.offset, antecedent, week_start, whole_week=False)
        return Resolution(date, None, "relative")
    if p.month is None or p.calendar == "none":
        return Resolution(year_value("gregorian", antecedent.year), None, "relative")
    year = cal.from_gregorian(p.calendar, antecedent)[0]
    if p.day is None:
        value = month_value(p.calendar, year, p.month)
        return Resolution(value, None, "relative") if value else None
    day = cal.to_gregorian(p.calendar, year, p.month, p.day)
    return Resolution(day_value(day), None, "relative") if day else None


def _shifted(
    unit: str, offset: int, ref: dt.date, week_start: int, whole_week: bool = True
) -> tuple[DateValue | None, DateValue | None]:
    if unit == "day":
        return day_value(ref + dt.timedelta(days=offset)), None
    if unit == "week":
        moved = ref + dt.timedelta(weeks=offset)
        if not whole_week:
            return day_value(moved), None
        first, last = cal.week_bounds(moved, week_start)
        return day_value(first), day_value(last)
    if unit == "month":
        year, month = cal.add_months(ref, offset)
        return month_value("gregorian", year, month), None
    return year_value("gregorian", ref.year + offset), None
