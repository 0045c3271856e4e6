"""The seed article: its dates resolve as its gold says; its publication day is inferred."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from fehrest.model import Document, TextLayer
from fehrest.time import annotate_times, find_times, infer_publication_date

SEED = Path(__file__).resolve().parents[2] / ".." / "shared" / "seed"
NAME = "000_95124228fc6d7938"


def seed_text() -> str:
    return (SEED / f"{NAME}.txt").read_text(encoding="utf-8")


def seed_gold() -> dict[str, object]:
    gold: dict[str, object] = json.loads((SEED / f"{NAME}.gold.json").read_text(encoding="utf-8"))
    return gold


def gold_dates() -> list[tuple[str, str, str]]:
    gold = seed_gold()
    events = [*gold["events"], *gold["acceptable_extra_events"]]  # type: ignore[misc]
    return [
        (e["date"]["expression"], e["date"]["value"], e["date"]["precision"])
        for e in events
        if e.get("date") and e["date"].get("expression")
    ]


def identity_layer(text: str) -> TextLayer:
    return TextLayer(normalized=text, offsets=tuple(range(len(text) + 1)))


@pytest.mark.skipif(not SEED.exists(), reason="the shared seed folder is not there")
@pytest.mark.parametrize(("expression", "value", "precision"), gold_dates() if SEED.exists() else [])
def test_seed_date_resolves_as_gold(expression: str, value: str, precision: str) -> None:
    text = seed_text()
    at = text.index(expression)
    found = find_times(text, "fa", dt.date(2024, 6, 4))
    covering = [t for t in found if t.start <= at and t.end >= at + len(expression)]
    assert covering, f"{expression!r} not found"
    assert covering[0].date is not None
    assert (covering[0].date.value, covering[0].date.precision) == (value, precision)


@pytest.mark.skipif(not SEED.exists(), reason="the shared seed folder is not there")
@pytest.mark.parametrize("today", [dt.date(2024, 6, 4), dt.date(2025, 1, 1), dt.date(2030, 7, 1)])
def test_infer_publication_date_of_seed(today: dt.date) -> None:
    # Monday 3 June fixes 2024 (3 June 2030 is a Monday too, but only from 2030-06-03 on)
    expected = "2030-06-04" if today >= dt.date(2030, 6, 4) else "2024-06-04"
    inferred = infer_publication_date(seed_text(), "fa", today)
    assert inferred is not None
    assert (inferred.value, inferred.precision, inferred.inferred) == (expected, "day", True)


def test_infer_publication_date_never_passes_today() -> None:
    text = "روز دوشنبه، سوم ماه جون نشست برگزار شد و روز پنجشنبه بیانیه آمد."
    inferred = infer_publication_date(text, "fa", dt.date(2024, 6, 4))
    assert inferred is not None
    assert inferred.value == "2024-06-03"  # Thursday after Monday would be 6 June: after today


def test_infer_publication_date_none_without_anchor() -> None:
    assert infer_publication_date("روز سه‌شنبه گفت که دیروز آمد.", "fa", dt.date(2024, 6, 4)) is None


@pytest.mark.skipif(not SEED.exists(), reason="the shared seed folder is not there")
def test_annotate_times_infers_published_and_maps_offsets() -> None:
    text = seed_text()
    doc = Document(text=text, source=NAME, language="fa", meta={"today": "2025-01-01"})
    doc = annotate_times(doc.with_layers(text_layer=identity_layer(text)))
    assert (doc.published, doc.published_inferred) == ("2024-06-04", True)
    assert doc.times is not None
    by_text = {t.text: t for t in doc.times}
    tuesday = by_text["روز سهشنبه"]
    assert tuesday.date is not None
    assert (tuesday.date.value, tuesday.date.inferred) == ("2024-06-04", True)
    for t in doc.times:
        assert text[t.start : t.end] == t.text


def test_annotate_times_maps_normalised_offsets_to_raw() -> None:
    raw = "در  ۲۸   می ۲۰۲۴ رسید"
    # a normaliser that squeezed the runs of spaces: "در ۲۸ می ۲۰۲۴ رسید"
    normalized = "در ۲۸ می ۲۰۲۴ رسید"
    offsets = (0, 1, 2, 4, 5, 6, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21)
    assert len(offsets) == len(normalized) + 1
    layer = TextLayer(normalized=normalized, offsets=offsets)
    doc = Document(text=raw, source="t", language="fa", published="2024-06-10", text_layer=layer)
    (t,) = annotate_times(doc).times or ()
    assert (t.norm_start, t.norm_end) == (0, 13)
    assert (t.start, t.end) == (0, 16)
    assert t.text == raw[:16]
    assert t.date is not None
    assert t.date.value == "2024-05-28"


def test_annotate_times_keeps_given_published() -> None:
    text = "روز سه‌شنبه"
    doc = Document(
        text=text, source="t", language="fa", published="2024-06-07", text_layer=identity_layer(text)
    )
    out = annotate_times(doc)
    assert (out.published, out.published_inferred) == ("2024-06-07", False)
    assert out.times is not None
    assert out.times[0].date is not None
    assert out.times[0].date.value == "2024-06-04"
