"""Infer a document's publication day from its own dates when metadata lacks it."""

from __future__ import annotations

import datetime as dt

from fehrest.model import DateValue
from fehrest.time.recognise import Candidate, find_candidates


def infer_publication_date(text: str, language: str, today: dt.date) -> DateValue | None:
    """Return the earliest publication day the text's own dates allow, marked ``inferred``.

    The anchors are full dates: with a year, or with a weekday that fixes the
    year ("دوشنبه، سوم ماه جون" → the latest 3 June on a Monday not after
    ``today``). The article is no older than its latest anchor; a bare weekday
    ("روز سه‌شنبه") or "yesterday" names a day on or after it, which pushes the
    day further. Nothing ever goes past ``today``. ``None`` when the text has
    no anchor. ``today`` is an argument: this function reads no clock.
    """
    candidates = find_candidates(text, language, today, dt.timedelta(0))
    anchors = [day for c in candidates if (day := _anchor(c)) is not None and day <= today]
    if not anchors:
        return None
    latest = max(anchors)
    for c in candidates:
        try:
            after = _earliest_after(c, latest)
        except OverflowError:  # an anchor in the last days of year 9999
            continue
        if after is not None and after <= today:
            latest = max(latest, after)
    return DateValue(latest.isoformat(), "day", None, True)


def _anchor(c: Candidate) -> dt.date | None:
    date = c.resolution.date
    if c.parsed.kind != "date" or date is None or date.precision != "day":
        return None
    if c.resolution.basis not in ("explicit", "weekday"):
        return None
    return dt.date.fromisoformat(date.value)


def _earliest_after(c: Candidate, anchor: dt.date) -> dt.date | None:
    """The publication day implied by a relative day, if the text was written on or after ``anchor``."""
    p = c.parsed
    if p.relation == "weekday" and p.offset == 0 and p.week_offset is None and p.weekday is not None:
        return anchor + dt.timedelta(days=(p.weekday - anchor.isoweekday()) % 7)
    if p.relation == "day" and p.offset <= 0:
        return anchor - dt.timedelta(days=p.offset)
    return None
