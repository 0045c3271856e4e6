"""Legal time: ISO date values of day, month or year precision as intervals.

"March 2005" is the interval 2005-03-01..2005-03-31; it is *compatible* with
2005-03-15 (one refines the other) and not with 2005-04.
"""

from __future__ import annotations

import calendar
import re
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache

from fehrest.errors import FehrestError
from fehrest.model import Precision

_ISO_VALUE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
PRECISION_RANK: dict[str, int] = {"year": 0, "month": 1, "day": 2}
_BY_LENGTH: dict[int, Precision] = {4: "year", 7: "month", 10: "day"}


# Merging asks these of every event; the dates of news repeat, so they are remembered.
@lru_cache(maxsize=1 << 16)
def precision_of(value: str) -> Precision:
    """Return the precision of an ISO value (``2005`` year, ``2005-03`` month, …)."""
    if _ISO_VALUE.fullmatch(value) is None:
        raise ValueError(f"not an ISO date value: {value!r}")
    return _BY_LENGTH[len(value)]


_START_SUFFIX = {4: "-01-01", 7: "-01", 10: ""}


def stored_precision(value: str) -> Precision:
    """The precision of a value the register stored (already checked, so read off its length)."""
    return _BY_LENGTH[len(value)]


def start_of(value: str) -> str:
    """The first day of a stored value's interval (``2005-03`` → ``2005-03-01``), cheaply."""
    return value + _START_SUFFIX[len(value)]


@lru_cache(maxsize=1 << 16)
def interval(value: str) -> tuple[str, str]:
    """Return the first and last day (ISO) of the interval a date value names."""
    precision = precision_of(value)
    if precision == "day":
        date.fromisoformat(value)
        return value, value
    if precision == "month":
        year, month = int(value[:4]), int(value[5:7])
        if not 1 <= month <= 12:
            raise ValueError(f"not an ISO date value: {value!r}")
        last = calendar.monthrange(year, month)[1]
        return f"{value}-01", f"{value}-{last:02d}"
    return f"{value}-01-01", f"{value}-12-31"


def compatible(a: str | None, b: str | None) -> bool:
    """True when two date values may name the same day: equal, or one refines the other."""
    if a is None or b is None:
        return a is None and b is None
    return a == b or a.startswith(b + "-") or b.startswith(a + "-")


def more_precise(a: str | None, b: str | None) -> str | None:
    """Of two compatible values, the one with the finer precision (``a`` on a tie)."""
    if a is None:
        return b
    if b is None:
        return a
    return b if PRECISION_RANK[precision_of(b)] > PRECISION_RANK[precision_of(a)] else a


def parse_user_date(text: str, option: str = "date") -> str:
    """Check a date the user typed (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) and return it."""
    try:
        interval(text)
    except ValueError:
        raise FehrestError(f"{option}: {text!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)") from None
    return text


def end_of(value: str) -> str:
    """The last day of a user's date: ``--as-of 2024-06`` means up to 2024-06-30."""
    return interval(value)[1]


def record_cutoff(value: str) -> str:
    """Turn a ``--known-on`` value into an exclusive UTC timestamp bound.

    A date means "by the end of that day"; a full timestamp is taken as given.
    """
    if "T" in value:
        try:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            raise FehrestError(f"--known-on: {value!r} is not a date or timestamp") from None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return format_timestamp(moment + timedelta(microseconds=1))
    last = date.fromisoformat(end_of(parse_user_date(value, "--known-on")))
    return format_timestamp(datetime(last.year, last.month, last.day, tzinfo=UTC) + timedelta(days=1))


def format_timestamp(moment: datetime) -> str:
    """Record time as stored: UTC, ISO 8601, microseconds, so text order is time order."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def utc_now() -> str:
    """The current record time (the register's clock; tests inject their own)."""
    return format_timestamp(datetime.now(UTC))
