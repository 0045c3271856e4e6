"""The page's plain functions: chart bands agree with status, text segments, map codes, RTL."""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fehrest.model import DateValue
from fehrest.register.facts import Fact, derive_status
from fehrest.web.views import is_rtl, map_rows, numeric_codes, segment_text, timeline_bands

TODAY = "2026-01-01"


def _fact(fact_id: int, type_: str, jurisdiction: str, date: str, modality: str = "asserted") -> Fact:
    precision = {4: "year", 7: "month", 10: "day"}[len(date)]
    return Fact(
        id=fact_id,
        type=type_,
        modality=modality,
        jurisdiction=jurisdiction,
        actor_id=None,
        actor_name=None,
        target_id="grp-x",
        target_name="X",
        date=DateValue(date, precision),  # type: ignore[arg-type]
        date_from_published=False,
        authority=None,
        list=None,
        program=None,
        stance=None,
        contradicted=False,
        first_ingested_at="2025-01-01T00:00:00.000000Z",
        last_ingested_at="2025-01-01T00:00:00.000000Z",
        source_count=1,
    )


def test_bands_run_from_each_assertion_to_the_next() -> None:
    facts = [
        _fact(1, "LIST", "FR", "2001-05"),
        _fact(2, "SUSPEND", "FR", "2010-02-03"),
        _fact(3, "DELIST", "FR", "2015"),
        _fact(4, "LIST", "FR", "2020-01-01", "possible"),  # a proposal: a marker, not a band
        _fact(5, "REACT", "FR", "2016-01-01"),  # not a designation step
    ]
    bands, markers = timeline_bands(facts, TODAY)
    assert [(b.status, b.start, b.end) for b in bands] == [
        ("listed", "2001-05-01", "2010-02-03"),
        ("suspended", "2010-02-03", "2015-01-01"),
        ("not listed", "2015-01-01", TODAY),
    ]
    assert [(m.type, m.modality, m.date) for m in markers] == [("LIST", "possible", "2020-01-01")]


def test_a_future_dated_assertion_makes_an_empty_band() -> None:
    bands, _ = timeline_bands([_fact(1, "LIST", "DE", "2030-01-01")], TODAY)
    assert [(b.start, b.end) for b in bands] == [("2030-01-01", "2030-01-01")]


_dates = st.builds(
    lambda y, m, d, p: f"{y:04d}-{m:02d}-{d:02d}"[: {0: 4, 1: 7, 2: 10}[p]],
    st.integers(1990, 2025),
    st.integers(1, 12),
    st.integers(1, 28),
    st.integers(0, 2),
)
_facts = st.lists(
    st.tuples(st.sampled_from(["LIST", "DELIST", "SUSPEND"]), st.sampled_from(["KZ", "RU"]), _dates),
    min_size=1,
    max_size=8,
)


@given(_facts, st.dates(min_value=date(1990, 1, 1), max_value=date(2025, 12, 31)))
def test_band_under_a_day_is_what_status_says(items: list[tuple[str, str, str]], day: date) -> None:
    facts = [_fact(i + 1, t, j, d) for i, (t, j, d) in enumerate(items)]
    bands, _ = timeline_bands(facts, TODAY)
    as_of = day.isoformat()
    for s in derive_status(facts, as_of):
        covering = [b for b in bands if b.jurisdiction == s.jurisdiction and b.start <= as_of < b.end]
        if s.fact is None:
            assert covering == []
        else:
            # Several facts may start the same day; the last one (status's choice) wins there.
            assert covering, (s, bands)
            assert covering[-1].status == s.status


@given(st.integers(0, 60), st.lists(st.tuples(st.integers(-5, 70), st.integers(-5, 70)), max_size=6))
def test_segments_cover_text_exactly(length: int, spans: list[tuple[int, int]]) -> None:
    segments = segment_text(length, spans)
    for before, after in itertools.pairwise(segments):
        assert before.end == after.start
    if length:
        assert segments[0].start == 0
        assert segments[-1].end == length
    for seg in segments:
        for i, (start, end) in enumerate(spans):
            inside = max(0, start) <= seg.start and seg.end <= min(end, length)
            assert (i in seg.marks) == inside


def test_segments_of_nested_spans() -> None:
    # An evidence sentence [0, 10) holding a mention [3, 6).
    segments = segment_text(12, [(0, 10), (3, 6)])
    assert [(s.start, s.end, s.marks) for s in segments] == [
        (0, 3, (0,)),
        (3, 6, (0, 1)),
        (6, 10, (0,)),
        (10, 12, ()),
    ]


@pytest.mark.parametrize(
    ("code", "number"),
    [("KZ", "398"), ("AF", "004"), ("RU", "643"), ("US", "840")],  # ids as the world atlas writes them
)
def test_numeric_codes_match_world_atlas_ids(code: str, number: str) -> None:
    assert numeric_codes()[code] == number


def test_map_rows_skip_non_countries() -> None:
    rows = map_rows([{"jurisdiction": "KZ", "status": "listed"}, {"jurisdiction": "UN", "status": "listed"}])
    assert rows == [{"id": "398", "jurisdiction": "KZ", "status": "listed"}]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("گروه مسلح در شمال کشور", None, True),  # Persian letters
        ("The group was listed.", None, False),  # English
        ("Listed: گروه", "fa", True),  # the language decides when given
        ("UN 1988: گروه طالبان در فهرست", None, True),  # mostly Persian with Latin and digits
        ("1234 — !!", None, False),  # no letters at all
    ],
)
def test_is_rtl(text: str, language: str | None, expected: bool) -> None:
    assert is_rtl(text, language) is expected
