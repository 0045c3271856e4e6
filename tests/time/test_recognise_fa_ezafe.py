"""A Dari month ending in a vowel takes its ezafe as ی before the year."""

from __future__ import annotations

from fehrest.model import Document
from fehrest.pipeline import extract_document


def test_jawza_with_ezafe_before_a_year_is_a_date() -> None:
    # «۴ جوزای ۱۳۷۶» = 25 May 1997
    doc = extract_document(
        Document(text="پاکستان در ۴ جوزای ۱۳۷۶ حکومت طالبان را به رسمیت شناخت.", source="t", language="fa")
    )
    assert [(t.date.value if t.date else None) for t in doc.times or ()] == ["1997-05-25"]
