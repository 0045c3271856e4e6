"""Invariants: any date written in any supported form parses back to itself; nothing crashes."""

from __future__ import annotations

import datetime as dt

import jdatetime
from hijridate import Gregorian
from hypothesis import given, settings
from hypothesis import strategies as st

from fehrest.resources import load_yaml
from fehrest.time import find_times, infer_publication_date

REF = dt.date(2077, 1, 1)
DIGITS = {
    "latin": str.maketrans("", ""),
    "persian": str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"),
    "arabic": str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"),
}
FA = load_yaml("fa", "time.yaml")
EN = load_yaml("en", "time.yaml")
# hijridate's Umm al-Qura tables cover 1924-08-01 .. 2077-11-16
DATES = st.dates(min_value=dt.date(1925, 1, 1), max_value=dt.date(2076, 12, 31))


def spellings(data: dict[str, object], calendar: str, month: int) -> list[str]:
    months = data["months"]
    assert isinstance(months, dict)
    return [str(n) for n in months[calendar][month]]


@st.composite
def persian_written(draw: st.DrawFn) -> tuple[str, dt.date]:
    date = draw(DATES)
    calendar = draw(st.sampled_from(["gregorian", "solar-hijri", "lunar-hijri"]))
    if calendar == "gregorian":
        y, m, d = date.year, date.month, date.day
    elif calendar == "solar-hijri":
        j = jdatetime.date.fromgregorian(date=date)
        y, m, d = j.year, j.month, j.day
    else:
        h = Gregorian(date.year, date.month, date.day).to_hijri()
        y, m, d = h.year, h.month, h.day
    month = draw(st.sampled_from(spellings(FA, calendar, m)))
    script = DIGITS[draw(st.sampled_from(sorted(DIGITS)))]
    day = draw(st.sampled_from([str(d).translate(script), *map(str, FA["ordinals"][d])]))
    between = draw(st.sampled_from([" ", " ماه "]))
    year = draw(st.sampled_from(["", "سال "])) + str(y).translate(script)
    marker = {"gregorian": " میلادی", "solar-hijri": " خورشیدی", "lunar-hijri": " قمری"}[calendar]
    year += draw(st.sampled_from(["", marker]))
    weekday = ""
    if draw(st.booleans()):
        weekday = str(FA["weekdays"][date.isoweekday()][0]) + draw(st.sampled_from(["، ", " "]))
    return f"{weekday}{day}{between}{month} {year}", date


@st.composite
def english_written(draw: st.DrawFn) -> tuple[str, dt.date]:
    date = draw(DATES)
    month = draw(st.sampled_from(spellings(EN, "gregorian", date.month)))
    ordinal = draw(st.sampled_from(["", "st" if date.day % 10 == 1 and date.day != 11 else ""]))
    form = draw(st.integers(0, 3))
    if form == 0:
        text = f"{date.day}{ordinal} {month} {date.year}"
    elif form == 1:
        text = f"{month} {date.day}, {date.year}"
    elif form == 2:
        text = date.isoformat()
    else:
        text = f"{EN['weekdays'][date.isoweekday()][0]}, {month} {date.day} {date.year}"
    return text, date


@settings(max_examples=300, deadline=None)
@given(persian_written(), st.sampled_from(["", "در ", "به تاریخ ", "گفت که در "]))
def test_persian_written_date_parses_back(written: tuple[str, dt.date], lead: str) -> None:
    text, date = written
    found = [t for t in find_times(f"{lead}{text} اعلام شد.", "fa", REF) if t.date is not None]
    assert [(t.date.value, t.date.precision) for t in found if t.date] == [(date.isoformat(), "day")], text


@settings(max_examples=200, deadline=None)
@given(english_written())
def test_english_written_date_parses_back(written: tuple[str, dt.date]) -> None:
    text, date = written
    found = [t for t in find_times(f"The ban began on {text}.", "en", REF) if t.date is not None]
    assert [(t.date.value, t.date.precision) for t in found if t.date] == [(date.isoformat(), "day")], text


TIME_WORDS = sorted(
    {str(w) for data in (FA, EN) for key in ("ordinals", "weekdays") for ws in data[key].values() for w in ws}
    | {str(w) for data in (FA, EN) for table in data["months"].values() for ws in table.values() for w in ws}
    | {
        str(w)
        for data in (FA, EN)
        for key in ("vague", "prepositions", "range_start", "range_end")
        for w in data[key]
    }
    | {"سال", "ماه", "روز", "گذشته", "پیش", "از", "تا", "/", "(", ")", "،", "-", "last", "ago", "year"}
)
NUMBERS = st.integers(0, 99999).map(str) | st.integers(0, 9999).map(
    lambda n: str(n).translate(DIGITS["persian"])
)
PIECES = st.lists(st.sampled_from(TIME_WORDS) | NUMBERS | st.text(max_size=4), max_size=12)


@settings(max_examples=300, deadline=None)
@given(PIECES, st.sampled_from(["fa", "en", "fa-AF", "de"]), st.none() | st.dates())
def test_recogniser_never_crashes_on_time_like_text(
    pieces: list[str], language: str, ref: dt.date | None
) -> None:
    text = " ".join(pieces)
    for t in find_times(text, language, ref):
        assert text[t.start : t.end] == t.text
        assert 0 <= t.start < t.end <= len(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)))
def test_recogniser_never_crashes_on_any_text(text: str, today: dt.date) -> None:
    find_times(text, "fa", today)
    find_times(text, "en", today)
    infer_publication_date(text, "fa", today)


def test_recogniser_survives_the_ends_of_the_calendar() -> None:
    texts = ["فردا", "دیروز", "۱۵ جون", "دوشنبه ۱۵ جون", "هفته آینده", "در ماه حمل", "۲۰ فروردین امسال"]
    for ref in (dt.date.min, dt.date.max):
        for text in texts:
            for t in find_times(text, "fa", ref):
                assert t.text == text
