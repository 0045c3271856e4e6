"""find_times on Persian strings: every month, calendar, digit script and relative form."""

from __future__ import annotations

import datetime as dt

import jdatetime
import pytest

from fehrest.resources import load_yaml
from fehrest.time import find_times

REF = dt.date(2024, 6, 4)  # a Tuesday; solar 1403-03-15
AFGHAN = ["حمل", "ثور", "جوزا", "سرطان", "اسد", "سنبله", "میزان", "عقرب", "قوس", "جدی", "دلو", "حوت"]
IRANIAN = [
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
]
DARI_GREGORIAN = [
    "جنوری",
    "فبروری",
    "مارچ",
    "اپریل",
    "می",
    "جون",
    "جولای",
    "اگست",
    "سپتمبر",
    "اکتوبر",
    "نومبر",
    "دسمبر",
]
IRAN_GREGORIAN = [
    "ژانویه",
    "فوریه",
    "مارس",
    "آوریل",
    "مه",
    "ژوئن",
    "ژوئیه",
    "اوت",
    "سپتامبر",
    "اکتبر",
    "نوامبر",
    "دسامبر",
]


def only(
    text: str, reference: dt.date | None = REF, language: str = "fa"
) -> tuple[str | None, str | None, str]:
    """The single expression of ``text``: (value, precision, kind)."""
    found = find_times(text, language, reference)
    assert len(found) == 1, [t.text for t in found]
    t = found[0]
    return (t.date.value if t.date else None, t.date.precision if t.date else None, t.kind)


def test_data_lists_the_issue_months() -> None:
    data = load_yaml("fa", "time.yaml")
    solar = [name for names in data["months"]["solar-hijri"].values() for name in names]
    gregorian = [name for names in data["months"]["gregorian"].values() for name in names]
    assert set(AFGHAN + IRANIAN) <= set(solar)
    assert set(DARI_GREGORIAN + IRAN_GREGORIAN) <= set(gregorian)


@pytest.mark.parametrize("month", range(1, 13))
@pytest.mark.parametrize("names", [AFGHAN, IRANIAN], ids=["afghan", "iranian"])
def test_find_solar_month_with_day_and_year(names: list[str], month: int) -> None:
    # "۱۷ <month> ۱۴۰۲": an exact Solar Hijri day, converted
    expected = jdatetime.date(1402, month, 17).togregorian().isoformat()
    assert only(f"این تصمیم در ۱۷ {names[month - 1]} ۱۴۰۲ گرفته شد.") == (expected, "day", "date")


@pytest.mark.parametrize("month", range(1, 13))
@pytest.mark.parametrize("names", [AFGHAN, IRANIAN], ids=["afghan", "iranian"])
def test_find_solar_month_with_year_only(names: list[str], month: int) -> None:
    # "ماه <month> سال ۱۳۹۹": a month, valued as the Gregorian month holding most of its days
    first = jdatetime.date(1399, month, 1).togregorian()
    middle = first + dt.timedelta(days=15)
    assert only(f"در ماه {names[month - 1]} سال ۱۳۹۹") == (middle.strftime("%Y-%m"), "month", "date")


@pytest.mark.parametrize("month", range(1, 13))
@pytest.mark.parametrize("names", [DARI_GREGORIAN, IRAN_GREGORIAN], ids=["dari", "iranian"])
@pytest.mark.parametrize("joiner", [" ", " ماه "], ids=["bare", "mah"])
def test_find_gregorian_month_as_persian_writes_it(names: list[str], month: int, joiner: str) -> None:
    # "۹<joiner><month> ۲۰۱۹", with and without ماه between day and month
    assert only(f"گفته شد که در ۹{joiner}{names[month - 1]} ۲۰۱۹ رسید.") == (
        f"2019-{month:02d}-09",
        "day",
        "date",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("سی‌ام اسفند ۱۴۰۳", "2025-03-20"),  # 1403 is a leap year: 30 Esfand exists
        ("۳۰ حوت ۱۳۹۹", "2021-03-20"),  # 1399 leap, Afghan name
        ("۳۰ اسفند ۱۳۹۵", "2017-03-20"),  # 1395 leap
        ("۲۹ اسفند ۱۴۰۲", "2024-03-19"),  # last day of a common year
    ],
)
def test_find_solar_leap_year_last_day(text: str, expected: str) -> None:
    assert only(text) == (expected, "day", "date")


@pytest.mark.parametrize(
    "text",
    [
        "۳۰ اسفند ۱۴۰۲",  # 1402 is a common year: no 30 Esfand
        "۳۱ جون ۲۰۲۳",  # June has 30 days
        "۳۰ فبروری ۲۰۲۴",  # no 30 February
    ],
)
def test_find_impossible_day_is_dropped(text: str) -> None:
    assert find_times(text, "fa", REF) == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("اول محرم ۱۴۴۶", "2024-07-07"),  # Islamic new year 1446 (Umm al-Qura)
        ("۱۰ ذی‌الحجه ۱۴۴۵", "2024-06-16"),  # Eid al-Adha 1445
        ("۱۰ ذی الحجه ۱۴۴۵", "2024-06-16"),  # ZWNJ written as a space
        ("۱۰ ذیالحجه ۱۴۴۵", "2024-06-16"),  # ZWNJ missing
        ("اول شوال ۱۴۴۵ هجری قمری", "2024-04-10"),  # Eid al-Fitr, with the calendar marker
    ],
)
def test_find_lunar_hijri_date(text: str, expected: str) -> None:
    assert only(text) == (expected, "day", "date")


@pytest.mark.parametrize(
    ("text", "expected", "calendar"),
    [
        ("سال ۱۴۰۳ خورشیدی", "2024", "solar-hijri"),  # the Gregorian year of its 1 Farvardin
        ("سال ۱۴۰۳", "2024", "solar-hijri"),  # 1300-1499 without a marker: Solar
        ("در سال ۱۳۵۷ هجری شمسی", "1978", "solar-hijri"),  # 1 Farvardin 1357 = 1978-03-21
        ("۲۰۰۵ میلادی", "2005", "gregorian"),
        ("سال ۲۰۱۵", "2015", "gregorian"),
        ("سال ۱۴۴۵ قمری", "2024", "lunar-hijri"),  # 1445 AH: most of its days in 2024
    ],
)
def test_find_year_with_calendar(text: str, expected: str, calendar: str) -> None:
    found = find_times(text, "fa", REF)
    assert [(t.date.value if t.date else None, t.calendar) for t in found] == [(expected, calendar)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("۱۵ جون ۲۰۲۲", "2022-06-15"),  # Persian digits
        ("١٥ جون ٢٠٢٢", "2022-06-15"),  # Arabic-Indic digits
        ("15 جون 2022", "2022-06-15"),  # Latin digits
        ("پانزدهم جون ۲۰۲۲", "2022-06-15"),  # ordinal word
        ("بیست و یکم سنبله ۱۴۰۰", "2021-09-12"),  # compound ordinal with spaces
        ("بیست‌ویکم سنبله ۱۴۰۰", "2021-09-12"),  # compound ordinal joined
        ("سی و یکم دسمبر ۲۰۲۰", "2020-12-31"),  # the last ordinal
        ("اول جنوری ۲۰۲۱", "2021-01-01"),  # اول = first
        ("۱۴۰۳/۰۳/۱۴", "2024-06-03"),  # numeric Solar date, year first
        ("2024-06-03", "2024-06-03"),  # ISO
    ],
)
def test_find_digits_and_ordinals(text: str, expected: str) -> None:
    assert only(text) == (expected, "day", "date")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("روز دوشنبه، سوم ماه جون", "2024-06-03"),  # the seed's triple: Monday fixes 2024
        ("پنجشنبه ۲۹ فبروری", "2024-02-29"),  # a leap day on a Thursday
        ("شنبه ۲۲ جون", "2019-06-22"),  # 22 June 2024 is a Saturday but too far ahead: 2019
        ("یکشنبه ۹ جون", "2024-06-09"),  # five days ahead: news names coming days too
    ],
)
def test_find_infers_year_from_weekday(text: str, expected: str) -> None:
    found = find_times(text, "fa", REF)
    assert len(found) == 1
    date = found[0].date
    assert date is not None
    assert (date.value, date.inferred) == (expected, True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("روز سه‌شنبه", ("2024-06-04", "day")),  # the reference day itself is a Tuesday
        ("روز سه شنبه", ("2024-06-04", "day")),  # ZWNJ as space
        ("روز سهشنبه", ("2024-06-04", "day")),  # ZWNJ missing
        ("روز جمعه", ("2024-05-31", "day")),  # the most recent Friday
        ("دوشنبه گذشته", ("2024-06-03", "day")),  # strictly before
        ("سه‌شنبه گذشته", ("2024-05-28", "day")),  # strictly before, same weekday
        ("دیروز", ("2024-06-03", "day")),
        ("امروز", ("2024-06-04", "day")),
        ("پریروز", ("2024-06-02", "day")),
        ("هفته گذشته", ("2024-05-25", "day")),  # Persian week: Saturday to Friday
        ("ماه گذشته", ("2024-05", "month")),
        ("سال گذشته", ("2023", "year")),
        ("پارسال", ("2023", "year")),
        ("امسال", ("2024", "year")),
        ("ماه قوس سال پیش", ("2023-12", "month")),  # Qaws 1402: 22 Nov - 21 Dec 2023
        ("سه روز پیش", ("2024-06-01", "day")),
        ("۱۰ سال پیش", ("2014", "year")),
    ],
)
def test_find_relative_against_reference(text: str, expected: tuple[str, str]) -> None:
    value, precision, kind = only(text)
    assert (value, precision) == expected
    assert kind == "relative"


def test_find_relative_without_reference_has_no_date() -> None:
    assert only("روز سه‌شنبه", reference=None) == (None, None, "relative")


def test_find_last_week_gives_the_whole_week() -> None:
    (t,) = find_times("هفته گذشته", "fa", REF)
    assert t.until is not None
    assert t.until.value == "2024-05-31"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("۱۵ حمل", "2024-04-03"),  # most recent 15 Hamal: 1403
        ("۲۶ ماه می", "2024-05-26"),
        ("۲۰ دسمبر", "2023-12-20"),  # December of this year is still ahead
    ],
)
def test_find_yearless_day_is_inferred(text: str, expected: str) -> None:
    (t,) = find_times(text, "fa", REF)
    assert t.date is not None
    assert (t.date.value, t.date.inferred) == (expected, True)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("در ماه حمل", "2024-04"),  # Hamal 1403 began 2024-03-20
        ("در مهرماه", "2023-10"),  # Mehr 1403 is ahead of the reference: 1402
        ("برج جدی", "2024-01"),  # Jadi 1402: 22 Dec 2023 - 20 Jan 2024
        ("در اکتبر", "2023-10"),
    ],
)
def test_find_yearless_month_is_most_recent(text: str, expected: str) -> None:
    assert only(text)[:2] == (expected, "month")


@pytest.mark.parametrize(
    ("text", "kind", "since", "until"),
    [
        ("از سال ۲۰۰۳", "range", "2003", None),
        ("از ۲۰۰۳ تا ۲۰۰۸", "range", "2003", "2008"),
        ("بین ۲۰۰۳ و ۲۰۰۸", "range", "2003", "2008"),
        ("تا سال ۲۰۰۸", "range", None, "2008"),
        ("پیش از ۲۰۰۵", "range", None, "2005"),
        ("از سال ۲۰۱۵ به بعد", "range", "2015", None),
        ("۲۰ تا ۲۵ می ۲۰۲۱", "range", "2021-05-20", "2021-05-25"),
        ("از مارچ تا جون ۲۰۰۵", "range", "2005-03", "2005-06"),  # the year of the end serves both
        ("در دو سال گذشته", "range", "2022", "2024-06-04"),
    ],
)
def test_find_ranges(text: str, kind: str, since: str | None, until: str | None) -> None:
    found = find_times(text, "fa", REF)
    assert len(found) == 1, [t.text for t in found]
    t = found[0]
    assert t.kind == kind
    assert (t.date.value if t.date else None, t.until.value if t.until else None) == (since, until)
    assert t.text == text


@pytest.mark.parametrize(
    "text",
    ["در ماه‌های اخیر", "در ماههای اخیر", "در سال‌های اخیر", "اخیراً", "چند روز پیش", "به زودی"],
)
def test_find_vague_is_marked_without_date(text: str) -> None:
    assert only(text) == (None, None, "vague")


@pytest.mark.parametrize(("text", "kind"), [("به مدت ده سال", "duration"), ("۱۰ سال زندان", "duration")])
def test_find_duration(text: str, kind: str) -> None:
    assert only(text)[2] == kind


@pytest.mark.parametrize(
    "text",
    [
        "او می‌گفت که کار تمام است.",  # می = verb prefix
        "او می گفت که کار تمام است.",  # می with a space
        "اسد گفت این میزان کمک کافی نیست.",  # اسد = a name, میزان = amount
        "سرطان ریه و قوس قزح",  # cancer, rainbow
        "او آدم جدی است و دلو را برداشت.",  # serious, bucket
        "مه غلیظ شهر را پوشاند.",  # مه = fog
        "نماز جمعه برگزار شد.",  # Friday prayers, not a date
        "بیش از ۲۰۰۰ نفر کشته شدند.",  # a count after از
        "در ۱۹۵۰ نفر",  # a count before a count noun
        "اول باید گفت که",  # اول = first
    ],
)
def test_find_ordinary_words_are_not_dates(text: str) -> None:
    assert [t.text for t in find_times(text, "fa", REF) if t.date is not None] == []


def test_find_calendar_bracket_reports_both_sides_same_day() -> None:
    found = find_times("در ۱۲ سرطان ۱۴۰۳/۲ جولای ۲۰۲۴ اعلام شد", "fa", REF)
    assert [t.date.value for t in found if t.date] == ["2024-07-02", "2024-07-02"]
    found = find_times("در ۱۲ سرطان (۲ جولای ۲۰۲۴) اعلام شد", "fa", REF)
    assert [t.date.value for t in found if t.date] == ["2024-07-02", "2024-07-02"]
    assert {t.calendar for t in found} == {"solar-hijri", "gregorian"}


def test_find_same_year_and_before_that() -> None:
    found = find_times("پاکستان در سال ۲۰۰۶ و بریتانیا در نومبر همان سال و آلمان یک سال پیش از آن", "fa", REF)
    assert [(t.date.value if t.date else None) for t in found] == ["2006", "2006-11", "2005"]


def test_find_offsets_point_into_the_string() -> None:
    text = "گزارش: ستره محکمه در مارچ ۲۰۰۵ حکم داد و در ۲۸ می سخن گفت."
    for t in find_times(text, "fa", REF):
        assert text[t.norm_start : t.norm_end] == t.text
        assert (t.start, t.end) == (t.norm_start, t.norm_end)


def test_find_accepts_dialect_codes_and_refuses_unknown_languages() -> None:
    assert only("۲۸ می ۲۰۲۴", language="fa-AF")[0] == "2024-05-28"
    assert find_times("28 May 2024", "de", REF) == ()
