"""find_times on English strings."""

from __future__ import annotations

import datetime as dt

import pytest

from fehrest.time import find_times

REF = dt.date(2024, 6, 4)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "value", "precision", "kind"),
    [
        ("on 3 June 2024", "2024-06-03", "day", "date"),
        ("June 3, 2024", "2024-06-03", "day", "date"),
        ("Monday, June 3, 2024", "2024-06-03", "day", "date"),
        ("on the 3rd of June 2024", "2024-06-03", "day", "date"),
        ("Sept. 11, 2001", "2001-09-11", "day", "date"),
        ("in March 2005", "2005-03", "month", "date"),
        ("in 2005", "2005", "year", "date"),
        ("2024-06-03", "2024-06-03", "day", "date"),
        ("on Monday", "2024-06-03", "day", "relative"),
        ("last Tuesday", "2024-05-28", "day", "relative"),
        ("yesterday", "2024-06-03", "day", "relative"),
        ("last month", "2024-05", "month", "relative"),
        ("last week", "2024-05-27", "day", "relative"),  # ISO week: starts on Monday
        ("earlier this year", "2024", "year", "relative"),
        ("last year", "2023", "year", "relative"),
        ("three days ago", "2024-06-01", "day", "relative"),
        ("two years ago", "2022", "year", "relative"),
        ("last March", "2024-03", "month", "relative"),
        ("June last year", "2023-06", "month", "relative"),
        ("27 May", "2024-05-27", "day", "date"),
        ("mid-2005", "2005", "year", "date"),
    ],
)
def test_find_english_forms(text: str, value: str, precision: str, kind: str) -> None:
    found = find_times(f"The ministry said {text} that the group was banned.", "en", REF)
    assert len(found) == 1, [t.text for t in found]
    t = found[0]
    assert t.date is not None
    assert (t.text, t.date.value, t.date.precision, t.kind) == (text, value, precision, kind)


@pytest.mark.parametrize(
    ("text", "since", "until"),
    [
        ("since 2003", "2003", None),
        ("from 2003 to 2008", "2003", "2008"),
        ("between 2003 and 2008", "2003", "2008"),
        ("until 2010", None, "2010"),
        ("in the past two years", "2022", "2024-06-04"),
    ],
)
def test_find_english_ranges(text: str, since: str | None, until: str | None) -> None:
    (t,) = find_times(text, "en", REF)
    assert t.kind == "range"
    assert (t.date.value if t.date else None, t.until.value if t.until else None) == (since, until)


@pytest.mark.parametrize("text", ["recently", "in recent months", "in recent years", "lately"])
def test_find_english_vague(text: str) -> None:
    (t,) = find_times(text, "en", REF)
    assert (t.kind, t.date) == ("vague", None)


@pytest.mark.parametrize(
    "text",
    [
        "The court may decide later.",  # may, the verb
        "They march on the capital.",  # march, the verb
        "More than 2000 people attended.",  # a count
        "Room 2024 is closed.",  # a number without a year word
    ],
)
def test_find_english_words_that_are_not_dates(text: str) -> None:
    assert [t.text for t in find_times(text, "en", REF) if t.date] == []


def test_find_english_same_year_follows_the_last_year_named() -> None:
    found = find_times("Pakistan banned it in 2006, and Britain proscribed it the same year.", "en", REF)
    assert [t.date.value for t in found if t.date] == ["2006", "2006"]
