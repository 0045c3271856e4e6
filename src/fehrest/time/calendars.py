"""Calendar arithmetic: Solar Hijri (jdatetime), Lunar Hijri (hijridate, convertdate) and Gregorian.

Every function returns ``None`` for a date the calendar does not have (30
Esfand of a common year, 31 June, a year out of range) instead of raising, so
the recogniser can drop an impossible reading.

A Solar or Lunar month or year does not line up with Gregorian ones; when a
value must be given at ``month`` or ``year`` precision it names the Gregorian
month or year holding **most of its days** (for a Solar year that is the year
of its 1 Farvardin; for Farvardin it is April).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import jdatetime
from convertdate import islamic
from hijridate import Gregorian, Hijri

from fehrest.time.lexicon import Calendar

ONE_DAY = dt.timedelta(days=1)


def to_gregorian(calendar: Calendar, year: int, month: int, day: int) -> dt.date | None:
    """Return the Gregorian date of a day in ``calendar``, or ``None`` if there is no such day."""
    try:
        if calendar == "gregorian":
            return dt.date(year, month, day)
        if calendar == "solar-hijri":
            result: dt.date = jdatetime.date(year, month, day).togregorian()
            return result
        return _lunar_to_gregorian(year, month, day)
    except (ValueError, OverflowError, TypeError):
        return None


def _lunar_to_gregorian(year: int, month: int, day: int) -> dt.date | None:
    # hijridate follows the Umm al-Qura tables (what the region's press prints)
    # for 1343-1500 AH; outside them, convertdate's arithmetic calendar.
    if not 1 <= month <= 12 or not 1 <= day <= 30:
        return None
    try:
        hijri = Hijri(year, month, day)
    except OverflowError:
        if day > islamic.month_length(year, month):
            return None
        return dt.date(*islamic.to_gregorian(year, month, day))
    except ValueError:
        return None
    greg = hijri.to_gregorian()
    return dt.date(greg.year, greg.month, greg.day)


def from_gregorian(calendar: Calendar, date: dt.date) -> tuple[int, int, int]:
    """Return (year, month, day) of a Gregorian date in ``calendar``."""
    if calendar == "gregorian":
        return date.year, date.month, date.day
    if calendar == "solar-hijri":
        jd = jdatetime.date.fromgregorian(date=date)
        return int(jd.year), int(jd.month), int(jd.day)
    try:
        h = Gregorian(date.year, date.month, date.day).to_hijri()
        return int(h.year), int(h.month), int(h.day)
    except OverflowError:
        y, m, d = islamic.from_gregorian(date.year, date.month, date.day)
        return int(y), int(m), int(d)


def month_bounds(calendar: Calendar, year: int, month: int) -> tuple[dt.date, dt.date] | None:
    """Return the first and last Gregorian day of a month of ``calendar``."""
    first = to_gregorian(calendar, year, month, 1)
    if first is None:
        return None
    nxt = to_gregorian(calendar, year + month // 12, month % 12 + 1, 1)
    if nxt is None:
        return None
    return first, nxt - ONE_DAY


def year_bounds(calendar: Calendar, year: int) -> tuple[dt.date, dt.date] | None:
    """Return the first and last Gregorian day of a year of ``calendar``."""
    first = to_gregorian(calendar, year, 1, 1)
    nxt = to_gregorian(calendar, year + 1, 1, 1)
    if first is None or nxt is None:
        return None
    return first, nxt - ONE_DAY


def majority_month(first: dt.date, last: dt.date) -> str:
    """Return ``YYYY-MM`` of the Gregorian month holding most days of ``first..last``."""
    counts: Counter[tuple[int, int]] = Counter()
    day = first
    while day <= last:
        counts[(day.year, day.month)] += 1
        day += ONE_DAY
    (year, month), _ = max(counts.items(), key=lambda item: (item[1], -item[0][0], -item[0][1]))
    return f"{year:04d}-{month:02d}"


def majority_year(first: dt.date, last: dt.date) -> str:
    """Return ``YYYY`` of the Gregorian year holding most days of ``first..last``."""
    days_in_first_year = (dt.date(first.year, 12, 31) - first).days + 1
    days_total = (last - first).days + 1
    year = first.year if days_in_first_year * 2 >= days_total else first.year + 1
    return f"{year:04d}"


def week_bounds(day: dt.date, week_start: int) -> tuple[dt.date, dt.date]:
    """Return the first and last day of the week holding ``day`` (``week_start`` is an ISO weekday)."""
    back = (day.isoweekday() - week_start) % 7
    first = day - dt.timedelta(days=back)
    return first, first + dt.timedelta(days=6)


def add_months(day: dt.date, months: int) -> tuple[int, int]:
    """Return (year, month) of the Gregorian month ``months`` away from ``day``'s."""
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def value_bounds(value: str) -> tuple[dt.date, dt.date]:
    """Return the first and last day of an ISO value of any precision (``2005``, ``2005-03``, …)."""
    parts = [int(x) for x in value.split("-")]
    if len(parts) == 3:
        day = dt.date(*parts)
        return day, day
    if len(parts) == 2:
        first = dt.date(parts[0], parts[1], 1)
        year, month = add_months(first, 1)
        return first, dt.date(year, month, 1) - ONE_DAY
    return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
